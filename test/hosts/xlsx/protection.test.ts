// A protected workbook file is treated as Excel treats it: a protected structure takes no new sheets, a
// protected source sheet takes no segment columns; the command line stops before writing and says why.
import type { Cell } from '../../../src/engine/types';
import { XlsxHost } from '../../../src/hosts/xlsx/host';
import { runTierwise } from '../../support/pipeline';
import { editPart, plainWorkbook } from '../../support/xlsx-fixture';
import { parts } from '../../support/xlsx-files';

const ROWS: Cell[][] = [
  ['Customer ID', 'Customer Name', 'Sales', 'Profit'],
  ['C1', 'Ann', 800, 100],
  ['C2', 'Bob', 150, -20],
  ['C3', 'Cy', 50, 5],
];
const SHEET = { kind: 'sheet', name: 'Orders' } as const;

async function unchanged(host: XlsxHost, input: Uint8Array): Promise<boolean> {
  const before = await parts(input);
  const after = await parts(await host.toBuffer());
  return [...before.keys()].every((k) => after.get(k)?.equals(before.get(k)!)) && after.size === before.size;
}

describe('protection in an .xlsx file', () => {
  it('a protected source sheet takes no segment columns; without them, the tiers are written', async () => {
    const input = await editPart(await plainWorkbook('Orders', ROWS), 'xl/worksheets/sheet1.xml', (xml) => xml.replace('</sheetData>', '</sheetData><sheetProtection sheet="1" objects="1" scenarios="1"/>'));
    const host = await XlsxHost.open(input, 'book.xlsx');
    const { report } = await runTierwise(host, SHEET);
    expect(report.complete).toBe(false);
    expect(report.issues).toEqual([expect.objectContaining({ severity: 'error', where: 'Orders', message: expect.stringMatching(/^the sheet Orders is protected, so Tierwise cannot write its segment columns/) })]);
    expect(await unchanged(host, input)).toBe(true);
    const tiersOnly = await runTierwise(await XlsxHost.open(input, 'book.xlsx'), SHEET, { segmentColumns: [] });
    expect(tiersOnly.report.complete).toBe(true);
  });

  it('a protected structure takes no sheets; a sheet protection that is off (sheet="0") stops nothing', async () => {
    const locked = await editPart(await plainWorkbook('Orders', ROWS), 'xl/workbook.xml', (xml) => xml.replace('<sheets>', '<workbookProtection lockStructure="1"/><sheets>'));
    const host = await XlsxHost.open(locked, 'book.xlsx');
    const { report } = await runTierwise(host, SHEET);
    expect(report.complete).toBe(false);
    expect(report.issues).toEqual([expect.objectContaining({ message: expect.stringMatching(/^the workbook's structure is protected/) })]);
    expect(await unchanged(host, locked)).toBe(true);
    const off = await editPart(await plainWorkbook('Orders', ROWS), 'xl/worksheets/sheet1.xml', (xml) => xml.replace('</sheetData>', '</sheetData><sheetProtection sheet="0"/>'));
    expect((await runTierwise(await XlsxHost.open(off, 'book.xlsx'), SHEET)).report.complete).toBe(true);
  });
});
