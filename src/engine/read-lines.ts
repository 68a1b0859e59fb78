// The hot loops of ingest. A short pass per key column (codeKeys for the customer, codeColumn for order,
// product and category when read), then one main pass (readLines) that reads each row's other cells once.
// Why keys apart: a key lookup is a random access into a big table, and only a loop that does little else
// keeps many of them in flight. Why everything else together: every row is its own array, so reading the
// whole row while it is in cache costs little more than reading one cell (one pass per column measured
// several times slower). Why plain functions with plain parameters: V8 keeps a small loop without closures
// monomorphic; the first version, a loop inside `ingest` with per-row closures, deoptimized.
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
  /** Whether the quantity column (always checked when mapped) is kept per line. */
  keepQuantity: boolean;
  /** Mapped text columns checked for Excel error values. */
  text: number[];
  /** The mapped columns read as numbers (amount, profit or cost, quantity, spent). */
  numbers: number[];
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
  /**
   * Only the columns a run reads are allocated: a million lines cost 8 MB per column, and fresh
   * buffers cost page faults and garbage collection (docs/performance.md). Quantity is kept when a
   * segment type reads it (ingest's typeReads), spent when mapped; absent otherwise.
   */
  quantity?: Float64Array;
  spent?: Float64Array;
  /** Dictionary codes; absent when no segment type reads the column (ingest's typeReads). */
  order?: Int32Array;
  product?: Int32Array;
  category?: Int32Array;
}

/**
 * Distinct trimmed texts of a column, coded 0, 1, 2, ... in order of first appearance. Raw cells map to
 * their code too, so a clean value costs one lookup and `1001`, `" 1001"` and `"1001"` share one code.
 */
export class Dictionary {
  readonly values: string[] = [];
  private readonly codes = new Map<Cell, number>();
  codeCell(cell: Cell): number {
    let c = this.codes.get(cell);
    if (c === undefined) {
      const text = keyText(cell);
      // A clean text cell is its own trimmed text: the lookup just made already answered.
      if (text !== cell) c = this.codes.get(text);
      if (c === undefined) {
        c = this.values.length;
        this.codes.set(text, c);
        this.values.push(text);
      }
      if (cell !== text) this.codes.set(cell, c);
    }
    return c;
  }
}

/**
 * The dictionary code of each row's cell in one column (order, product or category; filtered rows are
 * not coded), in a pass of its own for the reason given at codeKeys: 250,000 order ids are a big table.
 * Codes follow first appearance among the rows a filter keeps, left-out rows included: they only group
 * lines, and an order seen only on a left-out row is an empty group.
 */
export function codeColumn(rows: Cell[][], column: number, state: Uint8Array, dictionary: Dictionary): Int32Array {
  const codes = new Int32Array(rows.length);
  // The lines of one order usually sit together: a cell equal to the one above takes its code unlooked-up.
  let above: Cell = undefined;
  let aboveCode = -1;
  for (let r = 0; r < rows.length; r++) {
    if (state[r] === FILTERED) continue;
    const cell = rows[r][column];
    if (aboveCode < 0 || cell !== above) {
      above = cell;
      aboveCode = dictionary.codeCell(cell);
    }
    codes[r] = aboveCode;
  }
  return codes;
}

export interface ReadResult {
  kept: number;
  filtered: number;
  leftOutRows: number[];
  /**
   * Per customer, the name cell of its last kept row whose name is not blank (undefined: none). The cell,
   * not its row: finding 50,000 rows again afterwards is a random walk through the whole input.
   */
  nameCell: Cell[];
  /** The customers of left-out rows: those among them without a kept line must not appear (soldCustomers). */
  leftOutCustomers: number[];
}

/**
 * Text whose first character is printable ASCII other than `#`: it is neither blank nor an Excel error
 * value (those start with `#`, possibly after white space). One character code decides the common case;
 * anything else (a space, `#`, a letter outside ASCII) takes the full check.
 */
function plainStart(s: string): boolean {
  const a = s.charCodeAt(0); // NaN for '' compares false
  return a > 32 && a < 127 && a !== 35;
}

/** Trimmed text of a key cell; numbers keep their shortest form (`1001`). */
export function keyText(cell: Cell): string {
  if (typeof cell === 'string') return cell.trim();
  if (cell === null || cell === undefined) return '';
  return String(cell);
}

const isError = (cell: Cell) => typeof cell === 'string' && !plainStart(cell) && excelError(cell) !== undefined;

const nonBlank = (cell: Cell) => typeof cell === 'number' || typeof cell === 'boolean' || (typeof cell === 'string' && (plainStart(cell) || cell.trim() !== ''));

/** A row whose customer cell is blank or an Excel error value: it has no customer. */
export const NO_CUSTOMER = -1;

/** Each row's customer, found once per distinct raw cell. */
export interface RowKeys {
  /** Per row, an index into `ids`, or NO_CUSTOMER; filtered rows are not coded. */
  code: Int32Array;
  /** Customer ids (trimmed text) in order of first appearance among the rows a filter keeps. */
  ids: string[];
  byId: Map<string, number>;
  /** Every text cell of the date column, when asked for (the evidence for dateOrder `auto`). */
  textDates: string[];
}

/**
 * The pass before the main one: finds each row's customer, and collects text dates if asked. Why a
 * pass of its own: a key lookup is a random access into a table of 50,000 customers, and a loop that does
 * nothing else keeps many lookups in flight at once; inside the long main loop each one stalled it
 * (measured at twice the time of both passes together, docs/performance.md). The Map is keyed by the raw
 * cell, so trimming and checking a key happen once per distinct cell (`1001`, `"1001"` and `" 1001"` are
 * three cells of one customer), and the main pass reads the customer straight from `code`.
 * A customer is created by its first row here, left-out or not; soldCustomers removes the few whose rows
 * were all left out.
 */
export function codeKeys(rows: Cell[][], column: number, state: Uint8Array, textDateColumn = -1): RowKeys {
  const code = new Int32Array(rows.length);
  const byRaw = new Map<Cell, number>();
  const keys: RowKeys = { code, ids: [], byId: new Map(), textDates: [] };
  const { textDates } = keys;
  const dates = textDateColumn >= 0;
  let aboveKey: Cell = undefined;
  let above = NO_CUSTOMER;
  let first = true;
  for (let r = 0; r < rows.length; r++) {
    if (state[r] === FILTERED) continue;
    const row = rows[r];
    const key = row[column];
    // Lines of one customer often sit together (an order's lines): equal to the cell above, same code.
    if (first || key !== aboveKey) {
      let c = byRaw.get(key);
      if (c === undefined) {
        c = customerOf(keyText(key), keys);
        byRaw.set(key, c);
      }
      aboveKey = key;
      above = c;
      first = false;
    }
    code[r] = above;
    if (dates) {
      const d = row[textDateColumn];
      if (typeof d === 'string') textDates.push(d);
    }
  }
  return keys;
}

/** The customer of a trimmed key: found, new, or NO_CUSTOMER when blank or an error value. */
function customerOf(id: string, keys: RowKeys): number {
  if (id === '' || excelError(id) !== undefined) return NO_CUSTOMER;
  let ci = keys.byId.get(id);
  if (ci === undefined) {
    ci = keys.ids.length;
    keys.byId.set(id, ci);
    keys.ids.push(id);
  }
  return ci;
}

/**
 * readNumber, with each text cell added to `sink` when there is one (the evidence for decimal `auto`).
 * A number cell, the usual case, takes the first line and pays nothing for the evidence (a loop over
 * the number columns for it cost 3 to 6 % of a whole run).
 */
function numberIn(cell: Cell, decimal: DecimalSeparator, sink: Cell[] | undefined): number {
  if (typeof cell === 'number') return cell - cell === 0 ? cell : NaN;
  if (sink !== undefined && typeof cell === 'string') sink.push(cell);
  return readNumber(cell, decimal);
}

/**
 * Pass two: reads every row whose state is KEEP into `out`, compacted (line k of out is row `out.row[k]`).
 * `out.customer` may be `customers.code` itself: line k is written after row k's code was read.
 * Rows with an unreadable cell are marked LEFT_OUT and listed; nothing else is said about them here:
 * the caller explains each one (the slow path).
 */
export function readLines(
  rows: Cell[][],
  customers: RowKeys,
  /** Per row, from codeColumn; present exactly when `out` has the column. */
  codes: { order?: Int32Array; product?: Int32Array; category?: Int32Array },
  cols: LineColumns,
  decimal: DecimalSeparator,
  date1904: boolean,
  dateOrder: DateOrder,
  state: Uint8Array,
  out: LineBuffers,
  /** When given, every text cell of the number columns is added (the evidence for decimal `auto`). */
  textNumbers?: Cell[],
): ReadResult {
  const { name: cName, date: cDate, amount: cAmount, profit: cProfit, cost: cCost, quantity: cQty, spent: cSpent } = cols;
  const { text } = cols;
  const { quantity: quantityOut, spent: spentOut, order: orderOut, product: productOut, category: categoryOut } = out;
  const { order, product, category } = codes;
  const nameCell: Cell[] = new Array<Cell>(customers.ids.length).fill(undefined);
  const leftOutRows: number[] = [];
  const leftOutCustomers: number[] = [];
  let kept = 0;
  let filtered = 0;

  for (let r = 0; r < rows.length; r++) {
    if (state[r] === FILTERED) {
      filtered++;
      continue;
    }
    const row = rows[r];
    const amount = cAmount >= 0 ? numberIn(row[cAmount], decimal, textNumbers) : NaN;
    const profit = cProfit >= 0 ? numberIn(row[cProfit], decimal, textNumbers) : cCost >= 0 ? amount - numberIn(row[cCost], decimal, textNumbers) : NaN;
    const quantity = cQty >= 0 ? numberIn(row[cQty], decimal, textNumbers) : NaN;
    const spent = cSpent >= 0 ? numberIn(row[cSpent], decimal, textNumbers) : NaN;
    const dateCell = cDate >= 0 ? row[cDate] : undefined;
    // Serial numbers (what Excel hands over) take the small path that V8 inlines; text goes to the parser.
    const day = typeof dateCell === 'number' ? serialToEpochDay(dateCell, date1904) : cDate >= 0 ? readDate(dateCell, date1904, dateOrder) : NaN;
    let bad =
      (cAmount >= 0 && amount !== amount) ||
      ((cProfit >= 0 || cCost >= 0) && profit !== profit) ||
      (cQty >= 0 && quantity !== quantity) ||
      (cSpent >= 0 && spent !== spent) ||
      (cDate >= 0 && day !== day);
    for (let t = 0; t < text.length && !bad; t++) bad = isError(row[text[t]]);

    const ci = customers.code[r];
    if (bad || ci < 0) {
      state[r] = LEFT_OUT;
      leftOutRows.push(r);
      if (ci >= 0) leftOutCustomers.push(ci);
      continue;
    }
    if (cName >= 0) {
      const name = row[cName];
      if (nonBlank(name)) nameCell[ci] = name;
    }
    const k = kept++;
    out.row[k] = r;
    out.customer[k] = ci;
    out.day[k] = day;
    out.amount[k] = amount;
    out.profit[k] = profit;
    if (quantityOut) quantityOut[k] = quantity;
    if (spentOut) spentOut[k] = spent;
    if (orderOut && order) orderOut[k] = order[r];
    if (productOut && product) productOut[k] = product[r];
    if (categoryOut && category) categoryOut[k] = category[r];
  }
  return { kept, filtered, leftOutRows, nameCell, leftOutCustomers };
}

/** The customers that have a kept line, and each one's name cell. */
export interface SoldCustomers {
  ids: string[];
  byId: Map<string, number>;
  nameCell: Cell[];
}

/**
 * The customers of the kept lines: codeKeys created one for every valid key, and a customer whose rows
 * were all left out must not appear (it has no line that counts). Rare (a customer seen once, on a bad
 * row): the usual run returns the keys' own index after walking the kept lines only until each customer
 * of a left-out row has been met. When customers are dropped, `customer` is renumbered in place.
 */
export function soldCustomers(keys: RowKeys, read: ReadResult, customer: Int32Array): SoldCustomers {
  const all: SoldCustomers = { ids: keys.ids, byId: keys.byId, nameCell: read.nameCell };
  const unmet = new Uint8Array(read.leftOutCustomers.length > 0 ? keys.ids.length : 0);
  let left = 0;
  for (const c of read.leftOutCustomers) {
    if (unmet[c] === 1) continue;
    unmet[c] = 1;
    left++;
  }
  for (let k = 0; k < read.kept && left > 0; k++) {
    if (unmet[customer[k]] === 0) continue;
    unmet[customer[k]] = 0;
    left--;
  }
  if (left === 0) return all;
  const renumber = new Int32Array(keys.ids.length);
  const kept: SoldCustomers = { ids: [], byId: new Map(), nameCell: [] };
  for (let c = 0; c < unmet.length; c++) {
    renumber[c] = unmet[c] ? NO_CUSTOMER : kept.ids.length;
    if (unmet[c]) continue;
    kept.byId.set(keys.ids[c], kept.ids.length);
    kept.ids.push(keys.ids[c]);
    kept.nameCell.push(read.nameCell[c]);
  }
  for (let k = 0; k < read.kept; k++) customer[k] = renumber[customer[k]];
  return kept;
}
