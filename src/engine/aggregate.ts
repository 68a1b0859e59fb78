// Per-customer measures inside the window, in one pass over the lines.
import type { SalesLines } from './ingest';
import type { DayRange } from './window';

export interface CustomerMeasures {
  count: number;
  /** Net sales: returns (negative amounts) reduce them. */
  sales: Float64Array;
  profit: Float64Array;
  /** Absent when no segment type reads quantity (the lines do not keep it). */
  quantity?: Float64Array;
  /** 1 when the customer has at least one line inside the window. */
  inWindow: Uint8Array;
}

/** Whether line i is inside the window (all lines when the window is the whole history). */
export function inRange(lines: SalesLines, i: number, range: DayRange | undefined): boolean {
  if (range === undefined) return true;
  const d = lines.day[i];
  return d >= range.start && d <= range.end;
}

/**
 * `customerCount` may exceed the customers seen in the lines: customers known only from an override
 * or the previous run get zeros here and the default segment later.
 */
export function aggregate(lines: SalesLines, customerCount: number, range: DayRange | undefined): CustomerMeasures {
  // One stride of W numbers per customer, so a line touches one cache line, not four arrays: customers
  // come in random order, and with 50,000 of them separate arrays missed the cache on every line.
  const W = 4;
  const SALES = 0, PROFIT = 1, QUANTITY = 2, LINES = 3;
  const acc = new Float64Array(customerCount * W);
  const { customer, amount, profit, quantity, day } = lines;
  const start = range ? range.start : -Infinity;
  const end = range ? range.end : Infinity;
  const windowed = range !== undefined;
  for (let i = 0; i < lines.length; i++) {
    if (windowed && !(day[i] >= start && day[i] <= end)) continue;
    const at = customer[i] * W;
    acc[at + SALES] += amount[i];
    acc[at + PROFIT] += profit[i];
    if (quantity) acc[at + QUANTITY] += quantity[i];
    acc[at + LINES]++;
  }
  const m: CustomerMeasures = {
    count: customerCount,
    sales: new Float64Array(customerCount),
    profit: new Float64Array(customerCount),
    quantity: quantity ? new Float64Array(customerCount) : undefined,
    inWindow: new Uint8Array(customerCount),
  };
  for (let c = 0, at = 0; c < customerCount; c++, at += W) {
    m.sales[c] = acc[at + SALES];
    m.profit[c] = acc[at + PROFIT];
    if (m.quantity) m.quantity[c] = acc[at + QUANTITY];
    m.inWindow[c] = acc[at + LINES] > 0 ? 1 : 0;
  }
  return m;
}

/** Margin % = profit / sales x 100; customers without sales get no margin (NaN). */
export function marginPercent(m: CustomerMeasures): Float64Array {
  const out = new Float64Array(m.count);
  for (let c = 0; c < m.count; c++) out[c] = m.sales[c] === 0 || !m.inWindow[c] ? NaN : (m.profit[c] / m.sales[c]) * 100;
  return out;
}
