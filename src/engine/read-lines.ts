// The hot loop of ingest: one pass over the rows, each row's cells read once.
// Why one pass: every row is its own array, so each cell costs a chain of dependent memory loads; reading
// the whole row while it is in cache costs little more than reading one cell (one pass per column measured
// several times slower). Why a plain function with plain parameters: V8 keeps a small loop without
// closures monomorphic; the first version, a loop inside `ingest` with per-row closures, deoptimized.
import type { DateOrder } from './parse/date';
import { readDate, serialToEpochDay } from './parse/date';
import { excelError, readNumber, type DecimalSeparator } from './parse/number';
import type { Cell } from './types';

/** 0-based source column per role; -1 when the role is not read. */
export interface LineColumns {
  customer: number;
  name: number;
  date: number;
  amount: number;
  profit: number;
  cost: number;
  quantity: number;
  spent: number;
  /** Coded to dictionary numbers (only when a segment type reads them). */
  order: number;
  product: number;
  category: number;
  /** Mapped text columns checked for Excel error values. */
  text: number[];
}

/** Per-row state: kept, filtered out (not counted anywhere), or left out (an issue). */
export const KEEP = 0;
export const LEFT_OUT = 1;
export const FILTERED = 2;

/** The line columns, one entry per kept line. */
export interface LineBuffers {
  /** Index into `SourceTable.rows`. */
  row: Int32Array;
  customer: Int32Array;
  /** Epoch day, NaN when no date column is mapped. */
  day: Float64Array;
  amount: Float64Array;
  /** Profit column, or amount - cost when only cost is mapped; NaN when neither is. */
  profit: Float64Array;
  quantity: Float64Array;
  spent: Float64Array;
  /** Dictionary codes; -1 when the column is not coded. */
  order: Int32Array;
  product: Int32Array;
  category: Int32Array;
}

export class Dictionary {
  readonly values: string[] = [];
  private readonly codes = new Map<string, number>();
  code(v: string): number {
    let c = this.codes.get(v);
    if (c === undefined) {
      c = this.values.length;
      this.codes.set(v, c);
      this.values.push(v);
    }
    return c;
  }
}

export interface ReadResult {
  kept: number;
  filtered: number;
  leftOutRows: number[];
  /** Customer ids in order of first kept line. */
  ids: string[];
  byId: Map<string, number>;
  /** Per customer, the last kept row whose name cell is not blank (-1: none). */
  nameRow: number[];
}

/** Whether text has white space at either end, or is empty (two character codes). */
export function needsTrim(s: string): boolean {
  if (s.length === 0) return true;
  const a = s.charCodeAt(0);
  const b = s.charCodeAt(s.length - 1);
  return a <= 32 || b <= 32 || a === 160 || b === 160 || a === 0xfeff;
}

/** Trimmed text of a key cell; numbers keep their shortest form (`1001`). */
export function keyText(cell: Cell): string {
  if (typeof cell === 'string') return cell.trim();
  if (cell === null || cell === undefined) return '';
  return String(cell);
}

/** Could hold an Excel error value: starts with `#`, possibly after white space. */
const mayBeError = (cell: Cell) => typeof cell === 'string' && (cell.charCodeAt(0) === 35 || needsTrim(cell)) && excelError(cell) !== undefined;

const nonBlank = (cell: Cell) => typeof cell === 'number' || typeof cell === 'boolean' || (typeof cell === 'string' && cell !== '' && (!needsTrim(cell) || cell.trim() !== ''));

/**
 * Reads every row whose state is KEEP into `out`, compacted (line k of out is row `out.row[k]`).
 * Rows with an unreadable cell are marked LEFT_OUT and listed; nothing else is said about them here:
 * the caller explains each one (the slow path).
 */
export function readLines(
  rows: Cell[][],
  cols: LineColumns,
  decimal: DecimalSeparator,
  date1904: boolean,
  dateOrder: DateOrder,
  state: Uint8Array,
  out: LineBuffers,
  dictionaries: { order: Dictionary; product: Dictionary; category: Dictionary },
): ReadResult {
  const { customer: cCustomer, name: cName, date: cDate, amount: cAmount, profit: cProfit, cost: cCost, quantity: cQty, spent: cSpent } = cols;
  const { order: cOrder, product: cProduct, category: cCategory, text } = cols;
  const ids: string[] = [];
  const byId = new Map<string, number>();
  // Keys that arrive as numbers (1001) are looked up without building their text on every line.
  const numeric = new Map<number, number>();
  const nameRow: number[] = [];
  const leftOutRows: number[] = [];
  let kept = 0;
  let filtered = 0;

  for (let r = 0; r < rows.length; r++) {
    if (state[r] === FILTERED) {
      filtered++;
      continue;
    }
    const row = rows[r];
    const amount = cAmount >= 0 ? readNumber(row[cAmount], decimal) : NaN;
    const profit = cProfit >= 0 ? readNumber(row[cProfit], decimal) : cCost >= 0 ? amount - readNumber(row[cCost], decimal) : NaN;
    const quantity = cQty >= 0 ? readNumber(row[cQty], decimal) : NaN;
    const spent = cSpent >= 0 ? readNumber(row[cSpent], decimal) : NaN;
    const dateCell = cDate >= 0 ? row[cDate] : undefined;
    // Serial numbers (what Excel hands over) take the small path that V8 inlines; text goes to the parser.
    const day = typeof dateCell === 'number' ? serialToEpochDay(dateCell, date1904) : cDate >= 0 ? readDate(dateCell, date1904, dateOrder) : NaN;
    let bad =
      (cAmount >= 0 && amount !== amount) ||
      ((cProfit >= 0 || cCost >= 0) && profit !== profit) ||
      (cQty >= 0 && quantity !== quantity) ||
      (cSpent >= 0 && spent !== spent) ||
      (cDate >= 0 && day !== day);
    for (let t = 0; t < text.length && !bad; t++) bad = mayBeError(row[text[t]]);

    // Keys in the index are trimmed and valid, so a padded or `#N/A` key misses and takes the slow path.
    const key = row[cCustomer];
    let ci = typeof key === 'string' ? byId.get(key) : typeof key === 'number' ? numeric.get(key) : undefined;
    if (ci === undefined && !bad) {
      const id = keyText(key);
      if (id === '' || excelError(id) !== undefined) bad = true;
      else {
        ci = byId.get(id);
        if (ci === undefined) {
          ci = ids.length;
          byId.set(id, ci);
          ids.push(id);
          nameRow.push(-1);
        }
        if (typeof key === 'number') numeric.set(key, ci);
      }
    }
    if (bad || ci === undefined) {
      state[r] = LEFT_OUT;
      leftOutRows.push(r);
      continue;
    }
    if (cName >= 0 && nonBlank(row[cName])) nameRow[ci] = r;
    const k = kept++;
    out.row[k] = r;
    out.customer[k] = ci;
    out.day[k] = day;
    out.amount[k] = amount;
    out.profit[k] = profit;
    out.quantity[k] = quantity;
    out.spent[k] = spent;
    out.order[k] = cOrder >= 0 ? dictionaries.order.code(keyText(row[cOrder])) : -1;
    out.product[k] = cProduct >= 0 ? dictionaries.product.code(keyText(row[cProduct])) : -1;
    out.category[k] = cCategory >= 0 ? dictionaries.category.code(keyText(row[cCategory])) : -1;
  }
  return { kept, filtered, leftOutRows, ids, byId, nameRow };
}
