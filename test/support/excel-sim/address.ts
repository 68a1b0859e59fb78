// A1 addresses: parsing, formatting, and the grid limits of a worksheet.
import { richError } from './errors';

export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384; // XFD

/** A rectangle of cells, zero-based. */
export interface Rect {
  r0: number;
  c0: number;
  rows: number;
  cols: number;
}

export function colName(c: number): string {
  let n = c + 1;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const COL = /^\$?([A-Za-z]{1,3})$/;
const ROW = /^\$?(\d{1,7})$/;

type Part = { r?: number; c?: number };

function parsePart(p: string): Part | undefined {
  let m = CELL.exec(p);
  if (m) return { c: colIndex(m[1]), r: Number(m[2]) - 1 };
  m = COL.exec(p);
  if (m) return { c: colIndex(m[1]) };
  m = ROW.exec(p);
  if (m) return { r: Number(m[1]) - 1 };
  return undefined;
}

function invalid(_address: string): never {
  throw richError('InvalidArgument');
}

/** Splits "Sheet 1!A1:B2" / "'It''s'!A1" into sheet name and local address. */
export function splitSheet(address: string): { sheet?: string; local: string } {
  const bang = address.lastIndexOf('!');
  if (bang < 0) return { local: address };
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, local: address.slice(bang + 1) };
}

/** Parses a local A1 address ("A1", "A1:D10", "A:C", "2:5"); beyond XFD1048576 -> InvalidArgument. */
export function parseLocal(local: string): Rect {
  const parts = local.trim().split(':');
  if (parts.length < 1 || parts.length > 2) invalid(local);
  const a = parsePart(parts[0]);
  const b = parts.length === 2 ? parsePart(parts[1]) : a;
  if (!a || !b) return invalid(local);
  const aCell = a.r !== undefined && a.c !== undefined;
  const bCell = b.r !== undefined && b.c !== undefined;
  const wholeCols = a.r === undefined && b.r === undefined && a.c !== undefined && b.c !== undefined;
  const wholeRows = a.c === undefined && b.c === undefined && a.r !== undefined && b.r !== undefined;
  if (parts.length === 1 && !aCell) return invalid(local); // "A" or "5" alone is not a range
  if (!(aCell && bCell) && !wholeCols && !wholeRows) return invalid(local);
  const r0 = wholeCols ? 0 : Math.min(a.r!, b.r!);
  const r1 = wholeCols ? MAX_ROWS - 1 : Math.max(a.r!, b.r!);
  const c0 = wholeRows ? 0 : Math.min(a.c!, b.c!);
  const c1 = wholeRows ? MAX_COLS - 1 : Math.max(a.c!, b.c!);
  if (r0 < 0 || c0 < 0 || r1 >= MAX_ROWS || c1 >= MAX_COLS) return invalid(local);
  return { r0, c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
}

/** Validates a rectangle against the grid; used by getRangeByIndexes, getOffsetRange, getResizedRange. */
export function checkRect(rect: Rect): Rect {
  const { r0, c0, rows, cols } = rect;
  const ints = [r0, c0, rows, cols].every(Number.isInteger);
  if (!ints || r0 < 0 || c0 < 0 || rows < 1 || cols < 1 || r0 + rows > MAX_ROWS || c0 + cols > MAX_COLS) {
    throw richError('InvalidArgument');
  }
  return rect;
}

export function formatLocal(rect: Rect): string {
  const { r0, c0, rows, cols } = rect;
  if (r0 === 0 && rows === MAX_ROWS) return `${colName(c0)}:${colName(c0 + cols - 1)}`;
  if (c0 === 0 && cols === MAX_COLS) return `${r0 + 1}:${r0 + rows}`;
  const tl = `${colName(c0)}${r0 + 1}`;
  return rows === 1 && cols === 1 ? tl : `${tl}:${colName(c0 + cols - 1)}${r0 + rows}`;
}

/** Quotes a sheet name the way Excel does in addresses ('My Sheet'!A1). */
export function quoteSheet(name: string): string {
  const plain = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !CELL.test(name) && !/^R\d*C\d*$/i.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

export function formatAddress(sheet: string, rect: Rect): string {
  return `${quoteSheet(sheet)}!${formatLocal(rect)}`;
}

export const cellCount = (r: Rect) => r.rows * r.cols;

export function intersects(a: Rect, b: Rect): boolean {
  return a.r0 < b.r0 + b.rows && b.r0 < a.r0 + a.rows && a.c0 < b.c0 + b.cols && b.c0 < a.c0 + a.cols;
}

export function contains(outer: Rect, inner: Rect): boolean {
  return (
    inner.r0 >= outer.r0 &&
    inner.c0 >= outer.c0 &&
    inner.r0 + inner.rows <= outer.r0 + outer.rows &&
    inner.c0 + inner.cols <= outer.c0 + outer.cols
  );
}
