// A filter set in Excel on the source (an AutoFilter with criteria) is said, with the range's address, as
// the office host says it; every row is still counted.
import type { Cell } from '../../../src/engine/types';
import { XlsxHost } from '../../../src/hosts/xlsx/host';
import { autoFilterHidesRows } from '../../../src/hosts/xlsx/read';
import { editPart, plainWorkbook } from '../../support/xlsx-fixture';

const ROWS: Cell[][] = [
  ['Customer', 'Region', 'Sales'],
  ['C1', 'West', 100],
  ['C2', 'East', 50],
];
/** What Excel writes when the Region column is filtered to West (the East row is hidden). */
const WEST = '<autoFilter ref="A1:C3"><filterColumn colId="1"><filters><filter val="West"/></filters></filterColumn></autoFilter>';

describe('Excel filters on an .xlsx source', () => {
  it('knows a filter that hides rows from one that only shows buttons (by hand, from the OOXML elements)', () => {
    expect(autoFilterHidesRows(WEST)).toBe(true);
    expect(autoFilterHidesRows('<x:autoFilter ref="A1:C3"><x:filterColumn colId="0"><x:customFilters><x:customFilter operator="greaterThan" val="5"/></x:customFilters></x:filterColumn></x:autoFilter>')).toBe(true);
    // Buttons only (ExcelJS writes these for tables), no criteria, or no filter at all.
    expect(autoFilterHidesRows('<autoFilter ref="A1:C3"><filterColumn colId="0" hiddenButton="1"/></autoFilter>')).toBe(false);
    expect(autoFilterHidesRows('<autoFilter ref="A1:C3"/>')).toBe(false);
    expect(autoFilterHidesRows('<pageMargins left="0.7"/>')).toBe(false);
    // A custom view's filter comes after the sheet's own and is not the one in force.
    expect(autoFilterHidesRows(`<autoFilter ref="A1:C3"/><customSheetViews><customSheetView guid="{1}">${WEST}</customSheetView></customSheetViews>`)).toBe(false);
  });

  it('warns for a filtered sheet and a filtered table, counts every row, and says nothing without criteria', async () => {
    const sheetBook = await editPart(await plainWorkbook('Orders', ROWS), 'xl/worksheets/sheet1.xml', (xml) => xml.replace('</sheetData>', `</sheetData>${WEST}`));
    const sheet = await (await XlsxHost.open(sheetBook, 'book.xlsx')).readSource({ kind: 'sheet', name: 'Orders' });
    expect(sheet.rows).toHaveLength(2);
    expect(sheet.notes).toEqual([expect.objectContaining({ severity: 'warning', where: 'Orders!A1:C3', message: expect.stringMatching(/^Excel's filter on Orders hides rows: Tierwise counts every row/) })]);

    const tableBook = await plainWorkbook('Orders', ROWS, { table: 'Sales' });
    const plain = await (await XlsxHost.open(tableBook, 'book.xlsx')).readSource({ kind: 'table', name: 'Sales' });
    expect(plain.notes).toBeUndefined(); // ExcelJS's buttons-only filter hides nothing
    const filtered = await editPart(tableBook, 'xl/tables/table1.xml', (xml) => xml.replace(/<autoFilter[^>]*>[\s\S]*?<\/autoFilter>/, WEST));
    const table = await (await XlsxHost.open(filtered, 'book.xlsx')).readSource({ kind: 'table', name: 'Sales' });
    expect(table.rows).toHaveLength(2);
    expect(table.notes).toEqual([expect.objectContaining({ where: 'Orders!A1:C3', message: expect.stringMatching(/^The table Sales is filtered in Excel/) })]);
  });
});
