// The experiment behind docs/xlsx.md "What ExcelJS would have dropped": build a workbook with a
// chart, a pivot table, a defined name and the add-in's settings, let ExcelJS read and write it,
// and list the parts that did not survive. Run: node -r @swc-node/register scripts/exceljs-drops.ts
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { richWorkbook } from '../test/support/xlsx-fixture';

async function main(): Promise<void> {
  const rows = [['Customer ID', 'Customer Name', 'Sales', 'Profit'], ['C1', 'Ann', 10, 1], ['C2', 'Bob', 20, 2], ['C1', 'Ann', 30, 3]];
  const before = await richWorkbook(rows, { settings: { 'tierwise.config': '{"version":1}' } });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(before as unknown as ArrayBuffer);
  const after = Buffer.from(await wb.xlsx.writeBuffer());
  const a = await JSZip.loadAsync(before);
  const b = await JSZip.loadAsync(after);
  const names = (z: JSZip) => Object.keys(z.files).filter((p) => !z.files[p].dir);
  const kept = new Set(names(b));
  console.log('Parts ExcelJS dropped:');
  for (const p of names(a)) if (!kept.has(p)) console.log(`  ${p}`);
  const wbXml = await b.file('xl/workbook.xml')!.async('string');
  console.log(`Defined name SalesRange kept: ${wbXml.includes('SalesRange')}`);
  console.log(`Pivot cache list kept: ${wbXml.includes('pivotCache')}`);
  const sheet1 = await b.file('xl/worksheets/sheet1.xml')!.async('string');
  console.log(`<drawing> kept on the chart's sheet: ${sheet1.includes('<drawing')}`);
}

void main();
