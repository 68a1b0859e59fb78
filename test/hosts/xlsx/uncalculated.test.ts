// Formulas whose results were never saved: openpyxl and pandas write `<f>` with an empty `<v>` (or
// none), because they do not calculate. Such a cell reads as blank, as Excel shows it until it
// calculates, and the reader says so once, at the first such cell, with what to do.
import type { Cell } from '../../../src/engine/types';
import { segment } from '../../../src/engine/run';
import { XlsxHost } from '../../../src/hosts/xlsx/host';
import { editPart, plainWorkbook } from '../../support/xlsx-fixture';
import { config } from '../../support/tables';

const ROWS: Cell[][] = [
  ['Customer', 'Sales', 'Note'],
  ['C1', 100, 'x'],
  ['C2', 50, 'y'],
  ['C3', 30, 'z'],
];

/** The workbook with the cells named replaced by the given `<c>` bodies and types. */
async function withCells(cells: Record<string, { body: string; type?: string }>): Promise<Buffer> {
  return editPart(await plainWorkbook('Orders', ROWS), 'xl/worksheets/sheet1.xml', (xml) =>
    Object.entries(cells).reduce((x, [ref, c]) => x.replace(new RegExp(`<c r="${ref}"[^>]*?(/>|>[\\s\\S]*?</c>)`), `<c r="${ref}"${c.type ? ` t="${c.type}"` : ''}>${c.body}</c>`), xml),
  );
}

describe('formulas without a saved result', () => {
  it('read as blank, and one warning at the first cell counts them all (by hand: B2 and C3 as openpyxl writes them, B4 without <v>)', async () => {
    const book = await withCells({ B2: { body: '<f>60+40</f><v></v>' }, C3: { body: '<f>UPPER("y")</f><v></v>' }, B4: { body: '<f>10*3</f>' } });
    const source = await (await XlsxHost.open(book, 'book.xlsx')).readSource({ kind: 'sheet', name: 'Orders' });
    expect(source.rows).toEqual([
      ['C1', '', 'x'],
      ['C2', 50, ''],
      ['C3', '', 'z'],
    ]);
    expect(source.notes).toEqual([
      {
        severity: 'warning',
        where: 'Orders!B2',
        message:
          'this cell and 2 more hold formulas without a saved result (the file was written by a program that does not calculate, such as openpyxl or pandas), so Tierwise reads them as blank. Open the file in Excel or LibreOffice, save it, and run again.',
      },
    ]);
    // The engine lists the warning with the blank cells it leaves out.
    const result = segment(source, config({ columns: { customer: 'Customer', amount: 'Sales' } }));
    expect(result.issues.map((i) => `${i.severity} ${i.where}`)).toEqual(['warning Orders!B2', 'error Orders!B2', 'error Orders!B4']);
  });

  it('says nothing for calculated formulas, nor for a formula whose result is empty text (t="str", as Excel saves =IF(...,"",...))', async () => {
    const book = await withCells({ B2: { body: '<f>60+40</f><v>100</v>' }, C3: { body: '<f>IF(1,"","y")</f><v></v>', type: 'str' } });
    const source = await (await XlsxHost.open(book, 'book.xlsx')).readSource({ kind: 'sheet', name: 'Orders' });
    expect(source.rows[0][1]).toBe(100);
    expect(source.rows[1][2]).toBe('');
    expect(source.notes).toBeUndefined();
  });

  it('one such cell is "this cell"', async () => {
    const book = await withCells({ B3: { body: '<f>25*2</f>' } });
    const source = await (await XlsxHost.open(book, 'book.xlsx')).readSource({ kind: 'sheet', name: 'Orders' });
    expect(source.notes?.[0].where).toBe('Orders!B3');
    expect(source.notes?.[0].message).toMatch(/^this cell holds a formula without a saved result .* so Tierwise reads it as blank\./);
  });
});
