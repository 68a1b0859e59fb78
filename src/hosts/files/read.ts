// Reading a sales range from a file, so the command line sees cells as Excel hands them over:
// numbers, text, booleans, '' for empty, error codes as text, dates as 1900-system serial numbers.
import { readFile, stat } from 'node:fs/promises';
import { extname, basename } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { Cell, SourceTable } from '../../engine/types';

/** A file the user named cannot be read as a sales range. Carries the message the user sees. */
export class SourceError extends Error {}

/** Beyond this a file would not fit the memory of an ordinary laptop once parsed; say so instead of crashing. */
export const MAX_FILE_BYTES = 512 * 1024 * 1024;

export async function readSourceFile(path: string, options: { sheet?: string; table?: string; maxFileBytes?: number } = {}): Promise<SourceTable & { workbook?: ExcelJS.Workbook }> {
  const limit = options.maxFileBytes ?? MAX_FILE_BYTES;
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch {
    throw new SourceError(`${path}: no such file`);
  }
  if (size > limit) {
    throw new SourceError(`${path} is ${(size / 2 ** 20).toFixed(1)} MB; Tierwise reads files up to ${(limit / 2 ** 20).toFixed(0)} MB. Split the file, or filter it to the period you need.`);
  }
  const ext = extname(path).toLowerCase();
  if (ext === '.csv' || ext === '.txt' || ext === '.tsv') return readCsv(path, ext === '.tsv' ? '\t' : undefined);
  if (ext === '.xlsx' || ext === '.xlsm') return readXlsx(path, options);
  throw new SourceError(`${path}: Tierwise reads .csv and .xlsx files (this one is "${ext || 'without an extension'}")`);
}

async function readCsv(path: string, delimiter?: string): Promise<SourceTable> {
  const text = (await readFile(path, 'utf8')).replace(/^\uFEFF/, '');
  const firstLine = text.slice(0, text.indexOf('\n') >>> 0);
  // European exports separate with semicolons because the comma is their decimal separator.
  const sep = delimiter ?? (count(firstLine, ';') > count(firstLine, ',') ? ';' : ',');
  let records: string[][];
  try {
    records = parse(text, { delimiter: sep, relax_column_count: true, skip_empty_lines: true, bom: true });
  } catch (e) {
    throw new SourceError(`${path} is not a readable CSV file: ${(e as Error).message}`);
  }
  if (records.length === 0) throw new SourceError(`${path} is empty: it needs a header row and at least one line`);
  const [header, ...rows] = records;
  return { sheet: basename(path).replace(/\.[^.]+$/, ''), header, rows, origin: { row: 1, column: 0 } };
}

const count = (s: string, ch: string) => s.split(ch).length - 1;

async function readXlsx(path: string, options: { sheet?: string; table?: string }): Promise<SourceTable & { workbook: ExcelJS.Workbook }> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(path);
  } catch (e) {
    const msg = (e as Error).message;
    const hint = /encrypt|password|CFB|End of data|central directory|signature/i.test(msg)
      ? 'it is not an .xlsx workbook, or it is protected with a password (save an unprotected copy)'
      : msg;
    throw new SourceError(`${path} cannot be opened: ${hint}`);
  }
  const ws = options.sheet ? workbook.getWorksheet(options.sheet) : workbook.worksheets.find((w) => w.state === 'visible' && w.actualRowCount > 0);
  if (!ws) {
    const names = workbook.worksheets.map((w) => w.name).join(', ');
    throw new SourceError(options.sheet ? `${path} has no sheet named "${options.sheet}" (sheets: ${names})` : `${path} has no sheet with data`);
  }
  const grid: Cell[][] = [];
  let firstRow = 0;
  let firstCol = Infinity;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (firstRow === 0) firstRow = rowNumber;
    const values: Cell[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      firstCol = Math.min(firstCol, col);
      values[col - 1] = cellValue(cell.value);
    });
    grid[rowNumber - firstRow] = values;
  });
  if (firstRow === 0) throw new SourceError(`${path}: sheet "${ws.name}" is empty`);
  const width = Math.max(...grid.map((r) => (r ? r.length : 0)));
  const dense = (r: Cell[] | undefined) => Array.from({ length: width - firstCol + 1 }, (_, i) => r?.[firstCol - 1 + i] ?? '');
  const rows = Array.from({ length: grid.length }, (_, i) => dense(grid[i]));
  return { sheet: ws.name, header: rows[0], rows: rows.slice(1), origin: { row: firstRow, column: firstCol - 1 }, workbook };
}

/** ExcelJS cell values -> what Excel's `range.values` would give. */
export function cellValue(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v.getTime() / 86400000 + 25569;
  if (typeof v === 'object') {
    if ('error' in v) return String(v.error);
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('formula' in v || 'sharedFormula' in v) return cellValue((v as { result?: ExcelJS.CellValue }).result ?? '');
    if ('text' in v) return String((v as { text: unknown }).text);
  }
  return String(v);
}
