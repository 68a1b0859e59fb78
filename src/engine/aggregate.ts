// Per-customer measures inside the window, in one pass over the lines.
import type { SalesLines } from './ingest';
import type { DayRange } from './window';

export interface CustomerMeasures {
  count: number;
  /** Net sales: returns (negative amounts) reduce them. */
  sales: Float64Array;
  profit: Float64Array;
  quantity: Float64Array;
  /** Lines inside the window. */
  lineCount: Int32Array;
  firstDay: Float64Array;
  lastDay: Float64Array;
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
  const m: CustomerMeasures = {
    count: customerCount,
    sales: new Float64Array(customerCount),
    profit: new Float64Array(customerCount),
    quantity: new Float64Array(customerCount),
    lineCount: new Int32Array(customerCount),
    firstDay: new Float64Array(customerCount).fill(NaN),
    lastDay: new Float64Array(customerCount).fill(NaN),
    inWindow: new Uint8Array(customerCount),
  };
  const { customer, amount, profit, quantity, day } = lines;
  const start = range ? range.start : -Infinity;
  const end = range ? range.end : Infinity;
  const windowed = range !== undefined;
  for (let i = 0; i < lines.length; i++) {
    const d = day[i];
    if (windowed && !(d >= start && d <= end)) continue;
    const c = customer[i];
    m.sales[c] += amount[i];
    m.profit[c] += profit[i];
    m.quantity[c] += quantity[i];
    m.lineCount[c]++;
    m.inWindow[c] = 1;
    // NaN comparisons are false, so a first date always replaces NaN.
    if (!(m.firstDay[c] <= d)) m.firstDay[c] = d;
    if (!(m.lastDay[c] >= d)) m.lastDay[c] = d;
  }
  return m;
}

/** Margin % = profit / sales x 100; customers without sales get no margin (NaN). */
export function marginPercent(m: CustomerMeasures): Float64Array {
  const out = new Float64Array(m.count);
  for (let c = 0; c < m.count; c++) out[c] = m.sales[c] === 0 || !m.inWindow[c] ? NaN : (m.profit[c] / m.sales[c]) * 100;
  return out;
}
