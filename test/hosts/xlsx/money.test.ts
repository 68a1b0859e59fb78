// The workbook's currency through the xlsx host: the Sales column's number format is read from the
// cells' styles (a custom numFmt, or a built-in id the file only names), the summary and tiers
// write their amounts in it, and the summary's Pareto bars carry one <c:dPt> per segment colour.
import ExcelJS from 'exceljs';
import { runWorkbook } from '../../../src/cli/workbook';
import type { Cell } from '../../../src/engine/types';
import { XlsxHost } from '../../../src/hosts/xlsx/host';
import { cellFormatCodes } from '../../../src/hosts/xlsx/styles';
import { ABC_CONFIG, chartsOf, excel, parts } from '../../support/xlsx-files';

// C1 sells 800, C2 150, C3 50: with ABC 80/15/5, A C1, B C2, C C3.
const SALES: Cell[][] = [
  ['Customer ID', 'Customer Name', 'Sales', 'Profit'],
  ['C1', 'One', 800, 100],
  ['C2', 'Two', 150, -20],
  ['C3', 'Three', 50, 5],
];

/** The sales rows on sheet Orders, the Sales cells in `format` (as ExcelJS writes a cell's numFmt). */
async function workbook(format?: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Orders');
  SALES.forEach((r) => ws.addRow(r));
  if (format) for (let r = 2; r <= SALES.length; r++) ws.getCell(r, 3).numFmt = format;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function run(bytes: Uint8Array) {
  const host = await XlsxHost.open(bytes, 'money.xlsx');
  const config = { text: JSON.stringify(ABC_CONFIG), path: 'abc.json' };
  const r = await runWorkbook({ host, config, source: { kind: 'sheet', name: 'Orders' }, sourceColumns: [], now: '2026-01-31T09:00:00Z' });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return { ...r, bytes: await host.toBuffer() };
}

describe('xlsx host: the workbook’s currency', () => {
  it('reads each column’s format from the cells’ styles: euros in Sales, General in Profit, none for text', async () => {
    const host = await XlsxHost.open(await workbook('#,##0.00\\ "€"'), 'money.xlsx');
    const table = await host.readSource({ kind: 'sheet', name: 'Orders' });
    expect(table.numberFormats).toEqual([undefined, undefined, '#,##0.00\\ "€"', 'General']);
  });

  it('writes sales, profit and averages in the Sales column’s format, cut to the cent', async () => {
    const { bytes, result } = await run(await workbook('[$€-407] #,##0.000'));
    expect(result.moneyFormat).toBe('[$€-407] #,##0.000');
    const wb = await excel(bytes);
    const summary = wb.getWorksheet('Segment Summary')!;
    // Row 5 (1-based) is segment A of Sales ABC: Customers, % customers, Sales, % sales, Profit, Average sales.
    expect([2, 3, 4, 5, 6, 7].map((c) => summary.getCell(5, c).numFmt)).toEqual(['#,##0', '0.0%', '[$€-407] #,##0.00', '0.0%', '[$€-407] #,##0.00', '[$€-407] #,##0.00']);
    const tiers = wb.getWorksheet('Customer Tiers')!;
    expect([tiers.getCell(1, 3).value, tiers.getCell(2, 3).numFmt, tiers.getCell(2, 4).numFmt]).toEqual(['Sales', '[$€-407] #,##0.00', '[$€-407] #,##0.00']);
  });

  it('a built-in currency the file names by id only (7: Excel’s en-US dollars) is read as its code', async () => {
    const styles = `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="&quot;£&quot;#,##0.00"/></numFmts><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="7" applyNumberFormat="1"/><xf numFmtId="164"/><xf numFmtId="4"/></cellXfs></styleSheet>`;
    expect(cellFormatCodes(styles)).toEqual(['General', '"$"#,##0.00_);\\("$"#,##0.00\\)', '"£"#,##0.00', '#,##0.00']);
  });

  it('colours each Pareto bar with its segment’s colour: one <c:dPt> per bar, and LibreOffice’s and Excel’s schema order kept', async () => {
    const { bytes } = await run(await workbook());
    const [chart] = await chartsOf(bytes, 'Segment Summary');
    const xml = (await parts(bytes)).get(chart.path)!.toString();
    const bar = /<c:barChart>[\s\S]*?<\/c:barChart>/.exec(xml)![0];
    const points = [...bar.matchAll(/<c:dPt><c:idx val="(\d)"\/>[\s\S]*?<a:srgbClr val="(\w+)"\/>/g)].map((m) => [Number(m[1]), m[2]]);
    // The chart's rows are the segments by sales, largest first: A 800, B 150, C 50, in ABC's rank greens.
    expect(points).toEqual([
      [0, 'A9D08E'],
      [1, 'C6E0B4'],
      [2, 'E2EFDA'],
    ]);
    // CT_BarSer: dPt after invertIfNegative, before cat; the line has none.
    expect(bar.indexOf('<c:dPt>')).toBeGreaterThan(bar.indexOf('<c:invertIfNegative'));
    expect(bar.lastIndexOf('</c:dPt>')).toBeLessThan(bar.indexOf('<c:cat>'));
    expect(/<c:lineChart>[\s\S]*?<\/c:lineChart>/.exec(xml)![0]).not.toContain('<c:dPt>');
  });

  // The same from a file: the Margin cells' style says 0.00%, and the run says they are rates.
  it('a Margin column formatted as a percentage is said to hold rates, not profit amounts', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Orders');
    [['Customer ID', 'Sales', 'Margin'], ['C1', 800, 0.125], ['C2', 150, -0.2], ['C3', 50, 0.3]].forEach((r) => ws.addRow(r));
    for (let r = 2; r <= 4; r++) ws.getCell(r, 3).numFmt = '0.00%';
    const { result } = await run(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(result.issues.filter((i) => i.severity === 'warning').map((i) => `${i.where}: ${i.message.slice(0, 59)}`)).toEqual(['Orders!C1: Margin is formatted as a percentage (0.00%): it holds rates']);
  });
});
