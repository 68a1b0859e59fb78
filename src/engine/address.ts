// A1-style addresses, so every issue points at a cell the user can click.

/** 0 -> A, 25 -> Z, 26 -> AA, 16383 -> XFD */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** `AA` -> 26 */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Excel quotes a sheet name in a reference unless it is a plain word: `'Sales 2017'!A1`, `Orders!A1`. */
export function quoteSheet(sheet: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) && !/^[A-Za-z]{1,3}\d+$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

/** `cellAddress('Orders', 5, 12)` -> `Orders!F12` (0-based column, 1-based row, as Excel shows it). */
export function cellAddress(sheet: string, column: number, row: number): string {
  return `${quoteSheet(sheet)}!${columnLetter(column)}${row}`;
}

/**
 * The address of a source range's cell: `row` counts its lines from 0 (the row under the header), `column`
 * its columns from 0, wherever the range starts on the sheet.
 */
export function sourceCellAddress(table: { sheet: string; origin: { row: number; column: number } }, column: number, row: number): string {
  return cellAddress(table.sheet, table.origin.column + column, table.origin.row + 1 + row);
}

/** `Orders!A1:H9995` */
export function rangeAddress(sheet: string, column: number, row: number, columns: number, rows: number): string {
  const a = `${columnLetter(column)}${row}`;
  const b = `${columnLetter(column + columns - 1)}${row + rows - 1}`;
  return `${quoteSheet(sheet)}!${a === b ? a : `${a}:${b}`}`;
}

/**
 * A reference to cells of a sheet (`Orders!F12`, `'My sheet'!B3:B9`), as an issue's `where` holds for
 * a cell; a setting's path (`columns.profit`, `segmentTypes[0].segments`) is not one.
 */
export const isSheetReference = (where: string): boolean => /!\$?[A-Z]{1,3}\$?\d+(:\$?[A-Z]{1,3}\$?\d+)?$/.test(where);
