// Splicing segment columns into a sheet part: hand-written sheet XML, expected cells by hand.
import fc from 'fast-check';
import type { PlannedSourceColumns } from '../../../src/plan/plan';
import { readSheetXml } from '../../../src/hosts/xlsx/read';
import { spliceRow, spliceSourceColumns } from '../../../src/hosts/xlsx/source-columns';

const head = '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:B4"/><sheetData>';
const tail = '</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>';
const t = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
const n = (ref: string, v: number) => `<c r="${ref}"><v>${v}</v></c>`;

/** Customer in A, sales in B; header in row 1, three lines (rows 2-4). */
const rows = (extra: Record<number, string> = {}) =>
  [1, 2, 3, 4].map((r) => `<row r="${r}">${r === 1 ? t('A1', 'Customer') + t('B1', 'Sales') : t(`A${r}`, `C${r - 1}`) + n(`B${r}`, r * 10)}${extra[r] ?? ''}</row>`).join('');

const plan = (rowCount: number, values: string[]): PlannedSourceColumns => ({
  sheet: 'Orders',
  headerRow: 1,
  sourceColumn: 0,
  rowCount,
  column: 2,
  columns: [{ header: 'Sales ABC (Tierwise)', values }],
  sourceFingerprint: '',
});

describe('spliceSourceColumns', () => {
  it('adds the column at C, header included, and widens the dimension', () => {
    const out = spliceSourceColumns(Buffer.from(head + rows() + tail), plan(3, ['A', 'B', '']));
    const xml = out.xml.toString();
    expect(out.conflict).toBeUndefined();
    expect(xml).toContain(`<row r="1">${t('A1', 'Customer')}${t('B1', 'Sales')}${t('C1', 'Sales ABC (Tierwise)')}</row>`);
    expect(xml).toContain(`<row r="2">${t('A2', 'C1')}${n('B2', 20)}${t('C2', 'A')}</row>`);
    // C3 -> B; the third line has no segment: nothing written in C4.
    expect(xml).toContain(`<row r="4">${t('A4', 'C3')}${n('B4', 40)}</row>`);
    expect(xml).toContain('<dimension ref="A1:C4"/>');
  });

  it('refuses to overwrite a cell it did not write, and names it', () => {
    const out = spliceSourceColumns(Buffer.from(head + rows({ 3: t('C3', 'my note') }) + tail), plan(3, ['A', 'B', 'C']));
    expect(out.conflict).toEqual({ column: 2, row: 3, cellXml: t('C3', 'my note') });
  });

  it('replaces what an earlier run wrote, clears it below a shorter source, and refuses below the old range', () => {
    // An earlier run wrote C1:C4; the source now has two lines: C4 is cleared.
    const earlier = { 1: t('C1', 'Sales ABC (Tierwise)'), 2: t('C2', 'B'), 3: t('C3', 'C'), 4: t('C4', 'A') };
    const out = spliceSourceColumns(Buffer.from(head + rows(earlier) + tail), plan(2, ['A', 'A']), 0, { lastColumn: 2, lastRow: 4 });
    const xml = out.xml.toString();
    expect(out.conflict).toBeUndefined();
    expect(xml).toContain(`<row r="2">${t('A2', 'C1')}${n('B2', 20)}${t('C2', 'A')}</row>`);
    expect(xml).toContain(`<row r="4">${t('A4', 'C3')}${n('B4', 40)}</row>`);
    // The earlier run wrote down to row 2 only; a note typed in C4 is the user's.
    const user = spliceSourceColumns(Buffer.from(head + rows({ 2: t('C2', 'B'), 4: t('C4', 'note') }) + tail), plan(3, ['A', 'A', 'A']), 0, { lastColumn: 2, lastRow: 2 });
    expect(user.conflict).toMatchObject({ column: 2, row: 4 });
  });

  it('adds rows the sheet does not have (a line with nothing but a customer further down)', () => {
    const sparse = head + `<row r="1">${t('A1', 'Customer')}</row><row r="3">${t('A3', 'C2')}</row>` + tail;
    const xml = spliceSourceColumns(Buffer.from(sparse), plan(2, ['B', 'C'])).xml.toString();
    expect(xml).toContain(`<row r="1">${t('A1', 'Customer')}${t('C1', 'Sales ABC (Tierwise)')}</row><row r="2">${t('C2', 'B')}</row><row r="3">${t('A3', 'C2')}${t('C3', 'C')}</row>`);
  });
});

describe('spliceRow', () => {
  it('puts cells in column order, keeping the cells right of them', () => {
    expect(spliceRow(t('A1', 'x') + t('E1', 'y'), 2, 2, t('C1', 'new'))).toBe(t('A1', 'x') + t('C1', 'new') + t('E1', 'y'));
  });
});

describe('spliceSourceColumns (property)', () => {
  // Any sheet (cells anywhere in A:H, rows 1-12, some rows missing) and any planned columns at D:E
  // over rows 1-8, earlier owned by Tierwise: after the splice, D:E hold exactly the plan in
  // rows 1-8, and every other cell is what it was.
  it('changes the planned cells and nothing else', () => {
    const cellArb = fc.record({ row: fc.integer({ min: 1, max: 12 }), col: fc.integer({ min: 0, max: 7 }), v: fc.oneof(fc.integer({ min: -99, max: 99 }), fc.constantFrom('x', '=1', 'note', ' a ')) });
    fc.assert(
      fc.property(fc.array(cellArb, { maxLength: 40 }), fc.array(fc.constantFrom('A', 'B', ''), { minLength: 14, maxLength: 14 }), (cells, planned) => {
        const grid = new Map<string, string | number>();
        for (const c of cells) grid.set(`${c.row},${c.col}`, c.v);
        const rowsXml = [...new Set(cells.map((c) => c.row))]
          .sort((a, b) => a - b)
          .map((r) => {
            const inRow = [...grid.entries()].filter(([k]) => Number(k.split(',')[0]) === r).map(([k, v]) => ({ col: Number(k.split(',')[1]), v })).sort((a, b) => a.col - b.col);
            return `<row r="${r}">${inRow.map(({ col, v }) => (typeof v === 'number' ? n(`${'ABCDEFGH'[col]}${r}`, v) : t(`${'ABCDEFGH'[col]}${r}`, v))).join('')}</row>`;
          })
          .join('');
        const p: PlannedSourceColumns = {
          sheet: 'S',
          headerRow: 1,
          sourceColumn: 0,
          rowCount: 7,
          column: 3,
          columns: [
            { header: 'D', values: planned.slice(0, 7) },
            { header: 'E', values: planned.slice(7) },
          ],
          sourceFingerprint: '',
        };
        // Everything in D:E down to row 8 counts as an earlier run's, so nothing is refused.
        const out = spliceSourceColumns(Buffer.from(head + rowsXml + tail), p, 0, { lastColumn: 4, lastRow: 8 });
        expect(out.conflict).toBeUndefined();
        const back = readSheetXml(out.xml, []);
        const at = (r: number, c: number) => back.rows[r - 1 - back.top]?.[c] ?? '';
        for (let r = 1; r <= 12; r++) {
          for (let c = 0; c < 8; c++) {
            const ours = (c === 3 || c === 4) && r <= 8;
            const want = ours ? (r === 1 ? (c === 3 ? 'D' : 'E') : p.columns[c - 3].values[r - 2]) : (grid.get(`${r},${c}`) ?? '');
            if (at(r, c) !== want) throw new Error(`row ${r} column ${c}: ${JSON.stringify(at(r, c))} instead of ${JSON.stringify(want)}`);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
