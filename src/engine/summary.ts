// The summary of one segment type: per segment, customers and measure with their shares.
import type { CustomerMeasures } from './aggregate';
import type { SegmentInfo, SummaryRow } from './result';

export const NO_SEGMENT_LABEL = '(no segment)';
/**
 * The row of customers that appear (section 3.7) without a sale in the window, when the type has no
 * default segment: the contract puts them in the last segment, and so does their segment column, but a
 * summary that counted them there would say "C: 444 customers" of whom 199 bought nothing in the period.
 */
export const NO_SALES_LABEL = '(no sales in the period)';

/**
 * One row per segment in configuration order, then a `(no sales in the period)` row for the customers
 * `apart` marks (counted there, not in their segment's row), then a `(no segment)` row when some
 * customers have none.
 * Shares are of all customers in the result and of the measure summed over all of them, so the
 * rows add up to 100 %. NaN measures (a margin without sales) count as customers, not as measure.
 */
export function summarize(segments: readonly SegmentInfo[], final: Int32Array, measure: Float64Array, m: CustomerMeasures, apart?: Uint8Array): SummaryRow[] {
  const k = segments.length;
  // Slots: the k segments, then the customers apart, then those without a segment.
  const APART = k, NONE = k + 1;
  const customers = new Float64Array(k + 2);
  const sum = new Float64Array(k + 2);
  const profit = new Float64Array(k + 2);
  const sales = new Float64Array(k + 2);
  let totalMeasure = 0;
  for (let c = 0; c < final.length; c++) {
    const s = final[c] < 0 ? NONE : apart !== undefined && apart[c] ? APART : final[c];
    customers[s]++;
    const v = measure[c];
    if (v === v) {
      sum[s] += v;
      totalMeasure += v;
    }
    if (m.profit[c] === m.profit[c]) profit[s] += m.profit[c];
    sales[s] += m.sales[c];
  }
  const rows: SummaryRow[] = [];
  const total = final.length;
  for (let s = 0; s <= NONE; s++) {
    if (s >= k && customers[s] === 0) continue;
    rows.push({
      segment: s < k ? segments[s].name : s === APART ? NO_SALES_LABEL : NO_SEGMENT_LABEL,
      customers: customers[s],
      customerShare: total ? customers[s] / total : 0,
      measure: sum[s],
      measureShare: totalMeasure ? sum[s] / totalMeasure : 0,
      profit: profit[s],
      sales: sales[s],
      averageMeasure: customers[s] ? sum[s] / customers[s] : 0,
    });
  }
  return rows;
}
