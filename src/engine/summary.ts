// The summary of one segment type: per segment, customers and measure with their shares.
import type { CustomerMeasures } from './aggregate';
import type { SegmentInfo, SummaryRow } from './result';

export const NO_SEGMENT_LABEL = '(no segment)';

/**
 * One row per segment in configuration order, then a `(no segment)` row when some customers have none.
 * Shares are of all customers in the result and of the measure summed over all of them, so the
 * rows add up to 100 %. NaN measures (a margin without sales) count as customers, not as measure.
 */
export function summarize(segments: readonly SegmentInfo[], final: Int32Array, measure: Float64Array, m: CustomerMeasures): SummaryRow[] {
  const k = segments.length;
  const customers = new Float64Array(k + 1);
  const sum = new Float64Array(k + 1);
  const profit = new Float64Array(k + 1);
  const sales = new Float64Array(k + 1);
  let totalMeasure = 0;
  for (let c = 0; c < final.length; c++) {
    const s = final[c] >= 0 ? final[c] : k;
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
  for (let s = 0; s <= k; s++) {
    if (s === k && customers[k] === 0) break;
    rows.push({
      segment: s < k ? segments[s].name : NO_SEGMENT_LABEL,
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
