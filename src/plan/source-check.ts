// What every host does the same way with a source range: the header row found (below a report's title)
// and required, the columns Tierwise wrote last time not read as data, a changed source noticed before
// anything is written beside it, and the messages for what stops or qualifies a run (Excel's filter,
// protection, a table without its header row).
import { cellAddress, rangeAddress } from '../engine/address';
import { hashText } from '../engine/history';
import { isBlank, readNumber } from '../engine/parse/number';
import type { Cell, Issue, SourceTable } from '../engine/types';
import type { OwnedSourceColumns } from './owned';

/** A source that cannot be read as a sales range: the pane shows `issues` (each with an address). */
export class SourceProblem extends Error {
  constructor(readonly issues: Issue[]) {
    super(issues.map((i) => `${i.where}: ${i.message}`).join('\n'));
    this.name = 'SourceProblem';
  }
}

/**
 * The warning when the user's filter (Excel's AutoFilter) hides rows of the source; `table` is the source
 * table's name, or undefined for a sheet. Tierwise counts every row: tiers that followed a filter set
 * for a look at the data would change with the view and differ between colleagues; filters meant for
 * the segmentation belong in the configuration, saved with the workbook.
 */
export function hiddenRowsNote(source: Pick<SourceTable, 'sheet' | 'origin' | 'header' | 'rows'>, table: string | undefined): Issue {
  const what = table ? `The table ${table} is filtered in Excel` : `Excel's filter on ${source.sheet} hides rows`;
  return {
    severity: 'warning',
    where: rangeAddress(source.sheet, source.origin.column, source.origin.row, Math.max(1, source.header.length), source.rows.length + 1),
    message: `${what}: Tierwise counts every row, the hidden ones too. To leave lines out of the tiers, add a filter under "What is counted" (filters in the configuration): it is saved with the workbook, so colleagues get the same tiers.`,
  };
}

/**
 * Cells of the sheet hold formulas whose results were never saved (a workbook written by a program
 * that does not calculate, such as openpyxl or pandas): they read as blank, so their lines would be
 * left out as blank cells without this saying why.
 */
export function uncalculatedNote(sheet: string, cells: { count: number; row: number; column: number }): Issue {
  const which = cells.count === 1 ? 'this cell holds a formula' : `this cell and ${(cells.count - 1).toLocaleString('en-US')} more hold formulas`;
  return {
    severity: 'warning',
    where: cellAddress(sheet, cells.column, cells.row + 1),
    message: `${which} without a saved result (the file was written by a program that does not calculate, such as openpyxl or pandas), so Tierwise reads ${cells.count === 1 ? 'it' : 'them'} as blank. Open the file in Excel or LibreOffice, save it, and run again.`,
  };
}

/** The workbook's structure is protected (Review > Protect Workbook): no sheet can be added or replaced. */
export const protectedStructure = (): Issue => ({
  severity: 'error',
  where: 'Tierwise',
  message: "the workbook's structure is protected, so Tierwise cannot add or replace its sheets: nothing was changed. Unprotect it (Review > Protect Workbook) and apply again.",
});

/** The source sheet is protected: no segment column can go beside the lines. */
export const protectedSource = (sheet: string): Issue => ({
  severity: 'error',
  where: sheet,
  message: `the sheet ${sheet} is protected, so Tierwise cannot write its segment columns beside the lines: nothing was changed. Unprotect it (Review > Unprotect Sheet), or turn the segment columns off, and apply again.`,
});

/** A table whose header row is switched off: its columns have no names to map. */
export const noHeaderRow = (table: string): Issue => ({
  severity: 'error',
  where: table,
  message: `table "${table}" has no header row: turn it on in Excel (Table Design > Header Row) so Tierwise knows the columns`,
});

const filledIn = (row: readonly Cell[]) => row.filter((h) => !isBlank(h)).length;
/** Nothing in it, or less than half of its `width` cells filled in (a title, a blank row). */
const mostlyEmpty = (row: readonly Cell[], width = row.length) => filledIn(row) === 0 || (width > 1 && filledIn(row) * 2 < width);

/**
 * A header row names columns: text, mostly filled in. A number, a boolean or a mostly empty first
 * row means the range starts with data (or a title), so column detection would guess wrong.
 */
export function headerProblem(sheet: string, origin: { row: number; column: number }, header: readonly Cell[]): Issue | undefined {
  const where = rangeAddress(sheet, origin.column, origin.row, Math.max(1, header.length), 1);
  if (header.length === 0) return { severity: 'error', where, message: 'the range is empty: Tierwise needs a header row and at least one line' };
  const nonText = header.findIndex((h) => !isBlank(h) && typeof h !== 'string');
  if (nonText >= 0) {
    return {
      severity: 'error',
      where: cellAddress(sheet, origin.column + nonText, origin.row),
      value: header[nonText],
      message: `the first row looks like data (${String(header[nonText])} is not a column name): Tierwise needs a header row naming the columns (Customer, Sales, ...). Insert one above the data, or pick a range that starts with it.`,
    };
  }
  if (mostlyEmpty(header)) {
    return { severity: 'error', where, message: 'the first row is mostly empty: Tierwise needs a header row naming every column (a title above the header? pick the range that starts at the header)' };
  }
  return undefined;
}

/** Rows looked through for a header below a sheet's title. */
export const MAX_TITLE_ROWS = 10;

/** The separators a packed line is looked for with, as Excel's import dialogs name them. */
const SEPARATORS: readonly { char: string; name: string; plural: string }[] = [
  { char: ';', name: 'Semicolon', plural: 'semicolons' },
  { char: ',', name: 'Comma', plural: 'commas' },
  { char: '\t', name: 'Tab', plural: 'tabs' },
];

/**
 * A CSV file opened with another separator than it was written with (a semicolon file in an English
 * Excel, a comma file in a German one) puts each whole line into column A: `Kunde;Datum;Umsatz` is one
 * cell, and the header, the mapping and every line are wrong for a reason no column message names.
 * Told when each of the first two filled rows has a first cell that the separator parts into two fields
 * or more, and at least as many as the row has filled cells: a title such as `Sales, 2017` above a
 * header whose first name holds a comma is no such pair (the header has more cells than fields).
 */
export function packedLineProblem(sheet: string, top: number, column: number, grid: readonly (readonly Cell[])[]): Issue | undefined {
  const filled = grid.slice(0, MAX_TITLE_ROWS + 2).flatMap((row, r) => (filledIn(row) > 0 ? [{ row, r }] : []));
  if (filled.length < 2) return undefined;
  const firstCell = (row: readonly Cell[]) => row.find((h) => !isBlank(h));
  const fields = (row: readonly Cell[], separator: string) => {
    const cell = firstCell(row);
    return typeof cell === 'string' ? cell.split(separator).filter((f) => f.trim() !== '').length : 0;
  };
  const packed = (row: readonly Cell[], separator: string) => fields(row, separator) >= Math.max(2, filledIn(row));
  const [{ row: head, r }, { row: next }] = filled;
  const separator = SEPARATORS.filter((s) => packed(head, s.char) && packed(next, s.char)).sort((a, b) => fields(head, b.char) - fields(head, a.char))[0];
  if (!separator) return undefined;
  const c = head.findIndex((h) => !isBlank(h));
  const cell = String(head[c]);
  const shown = cell.length > 60 ? `${cell.slice(0, 57)}...` : cell;
  return {
    severity: 'error',
    where: cellAddress(sheet, column + c, top + r),
    value: cell,
    message: `the cell holds a whole line of a CSV file ("${shown}"), and so do the lines below: the columns were not split apart, as when a file written with ${separator.plural} is opened with another separator. In Excel, open the file again with Data > From Text/CSV and choose ${separator.name} as the delimiter, or select the column and use Data > Text to Columns (Delimited, ${separator.name}); then pick the range again.`,
  };
}

/**
 * How many rows above the header are a title: a report sheet often starts with `Sales 2017` in A1 and a
 * blank row, and its used range with them. Each such row holds one cell at most, or is mostly empty, and
 * the row after the last one is a good header: text that does not read as numbers (a text file's lines
 * are all text), at least two names, mostly filled in. 0 when the first row is the header, or when no
 * good header follows within ten rows (the first row's problem is then said).
 */
export function titleRows(grid: readonly (readonly Cell[])[]): number {
  const names = (row: readonly Cell[]) => row.every((h) => isBlank(h) || (typeof h === 'string' && Number.isNaN(readNumber(h, '.'))));
  const goodHeader = (row: readonly Cell[]) => filledIn(row) >= 2 && names(row) && !mostlyEmpty(row);
  // A text file's lines have their own lengths (a title line has one field): measured against the widest.
  const width = Math.max(0, ...grid.slice(0, MAX_TITLE_ROWS + 1).map((r) => r.length));
  const title = (row: readonly Cell[]) => width > 1 && (filledIn(row) <= 1 || mostlyEmpty(row, width));
  for (let r = 0; r < Math.min(MAX_TITLE_ROWS, grid.length - 1); r++) {
    if (!title(grid[r])) return 0;
    if (goodHeader(grid[r + 1])) return r + 1;
  }
  return 0;
}

/**
 * The source from the cells a host read, `grid[0]` at 1-based sheet row `top`: the header (below a
 * sheet's title rows, which are said in a note), the lines, and Tierwise's own segment columns from a
 * previous run taken off both. A table's first row is its header. Throws a SourceProblem when there is
 * no usable header row.
 */
export function sourceFromGrid(sheet: string, top: number, column: number, grid: Cell[][], owned: OwnedSourceColumns | undefined, tableName?: string): SourceTable {
  const packed = packedLineProblem(sheet, top, column, grid);
  if (packed) throw new SourceProblem([packed]);
  const skip = tableName ? 0 : titleRows(grid);
  const origin = { row: top + skip, column };
  let header = grid[skip] ?? [];
  const problem = headerProblem(sheet, origin, header);
  if (problem) throw new SourceProblem([problem]);
  let rows = grid.slice(skip + 1);
  const strip = ownedColumnCount(sheet, origin, header, owned, tableName);
  if (strip) {
    header = header.slice(0, -strip);
    rows = rows.map((r) => r.slice(0, -strip));
  }
  const source: SourceTable = { sheet, header, rows, origin };
  if (tableName) source.tableName = tableName;
  if (skip > 0) {
    source.notes = [
      {
        severity: 'warning',
        where: rangeAddress(sheet, column, top, Math.max(1, header.length), skip),
        message: `${skip === 1 ? 'the row above the header is' : `the ${skip} rows above the header are`} a title, not data: the header is row ${origin.row}, the lines start below it.`,
      },
    ];
  }
  return source;
}

/**
 * How many columns at the right of a read range are Tierwise's own segment columns (written by a
 * previous run), so they are not read as data and are rewritten in place.
 */
export function ownedColumnCount(sheet: string, origin: { row: number; column: number }, header: readonly Cell[], owned: OwnedSourceColumns | undefined, tableName?: string): number {
  if (!owned || owned.sheet !== sheet || owned.headerRow !== origin.row) return 0;
  if ((owned.tableName ?? '') !== (tableName ?? '')) return 0;
  const at = owned.column - origin.column;
  if (at < 1 || at + owned.headers.length !== header.length) return 0;
  for (let i = 0; i < owned.headers.length; i++) if (String(header[at + i] ?? '') !== owned.headers[i]) return 0;
  return owned.headers.length;
}

/** Row count, header and the first and last data rows: enough to notice rows added or removed, cheap to re-read. */
export function sourceFingerprint(header: readonly Cell[], rowCount: number, first: readonly Cell[] | undefined, last: readonly Cell[] | undefined): string {
  const text = JSON.stringify([header, first ?? null, last ?? null]);
  return `${rowCount}:${hashText(text).toString(16)}`;
}

export const tableFingerprint = (t: SourceTable): string =>
  sourceFingerprint(t.header, t.rows.length, t.rows[0], t.rows[t.rows.length - 1]);
