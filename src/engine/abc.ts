// Where the ABC boundary is decided (SEMANTICS.md section 3).
// Ranking (the sort) and assignment (the thresholds) are separate, so dragging a threshold only
// walks the ranked groups again: O(customers), no sort.
import { SHARE_TOLERANCE, type AbcSegment, type AbcType } from './abc-schema';

export const NO_SEGMENT = -1;

/**
 * Totals a hair apart are equal: 0.1 + 0.2 and 0.3 differ only by the order in which lines were added,
 * and a tie must not depend on row order. One part in 10^10 is far below a cent on any real total.
 */
export const TIE_TOLERANCE = 1e-10;

const sameTotal = (a: number, b: number) => Math.abs(a - b) <= TIE_TOLERANCE * Math.max(Math.abs(a), Math.abs(b));

/** Customers with a positive total, largest first; equal totals (see TIE_TOLERANCE) form one group. */
export interface Ranking {
  /** Ranked customers, largest total first (ties by customer index, so the order is stable). */
  order: Int32Array;
  /** For each group g: positions groupStart[g] .. groupStart[g+1]-1 of `order`. Has groups+1 entries. */
  groupStart: Int32Array;
  /** Cumulative share strictly ahead of group g, as a fraction of `total`. */
  before: Float64Array;
  /** Cumulative share including group g. */
  after: Float64Array;
  /** Sum of the positive totals. */
  total: number;
}

export function rank(values: Float64Array, eligible: Uint8Array): Ranking {
  let count = 0;
  let total = 0;
  for (let c = 0; c < values.length; c++) {
    if (eligible[c] && values[c] > 0) {
      count++;
      total += values[c];
    }
  }
  const order = rankOrder(values, eligible, count);

  // At most one group per ranked customer; the typed arrays are cut to the groups found.
  const groupStart = new Int32Array(count + 1);
  const before = new Float64Array(count);
  const after = new Float64Array(count);
  let groups = 0;
  let running = 0;
  for (let i = 0; i < count; ) {
    let j = i;
    let groupSum = 0;
    // Compared with the previous member, so a run of near-equal totals stays one group whatever the row order.
    do groupSum += values[order[j++]];
    while (j < count && sameTotal(values[order[j - 1]], values[order[j]]));
    groupStart[groups] = i;
    before[groups] = running / total;
    running += groupSum;
    after[groups] = running / total;
    groups++;
    i = j;
  }
  groupStart[groups] = count;
  return { order, groupStart: groupStart.slice(0, groups + 1), before: before.slice(0, groups), after: after.slice(0, groups), total };
}

/**
 * The eligible customers with a positive value, largest first, equal values by customer index. Sorting
 * the values natively and placing each customer by binary search costs a fifth of sorting customer
 * numbers with a comparator function (a call per comparison, 800,000 of them for 50,000 customers).
 */
function rankOrder(values: Float64Array, eligible: Uint8Array, count: number): Int32Array {
  const sorted = new Float64Array(count);
  let k = 0;
  for (let c = 0; c < values.length; c++) if (eligible[c] && values[c] > 0) sorted[k++] = values[c];
  sorted.sort(); // ascending, numeric
  const order = new Int32Array(count);
  // filled[p]: customers already placed in the run of equal values that starts at position p.
  const filled = new Int32Array(count);
  for (let c = 0; c < values.length; c++) {
    const v = values[c];
    if (!(eligible[c] && v > 0)) continue;
    // Positions ahead of v (largest first) are the values greater than v: count - (index of the first one).
    let lo = 0;
    let hi = count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid] <= v) lo = mid + 1;
      else hi = mid;
    }
    const first = count - lo;
    order[first + filled[first]++] = c;
  }
  return order;
}

/** Cumulative upper bounds of the segments that take part in the ranking: 80/15/5 -> 0.80, 0.95, 1.00. */
export function upperBounds(segments: readonly AbcSegment[]): { index: number; upper: number }[] {
  let sum = 0;
  return segments.flatMap((s, index) => {
    if (s.exclude) return [];
    sum += s.share ?? 0;
    return [{ index, upper: sum / 100 }];
  });
}

/** Index of the segment customers fall back to: the last one that is not excluded. */
export function lastRanked(segments: readonly AbcSegment[]): number {
  for (let i = segments.length - 1; i >= 0; i--) if (!segments[i].exclude) return i;
  return NO_SEGMENT;
}

export function defaultSegment(segments: readonly AbcSegment[]): number {
  return segments.findIndex((s) => s.default === true);
}

/**
 * Writes the segment of every ranked customer into `out` (indexes into `type.segments`).
 * upper: the group goes to the first segment whose bound is greater than the share ahead of it, so
 *        the customer who crosses 80 % is in A and the top customer is always in the first segment.
 * lower: the first segment whose bound is at least the share including the group (SQLBI, inventorize).
 */
export function assignRanked(ranking: Ranking, type: Pick<AbcType, 'segments' | 'boundary'>, out: Int32Array): void {
  const bounds = upperBounds(type.segments);
  const last = lastRanked(type.segments);
  const groups = ranking.before.length;
  let k = 0;
  for (let g = 0; g < groups; g++) {
    const share = type.boundary === 'lower' ? ranking.after[g] : ranking.before[g];
    // Shares only grow along the groups, so the segment pointer only moves forward.
    if (type.boundary === 'lower') {
      while (k < bounds.length && bounds[k].upper < share - SHARE_TOLERANCE) k++;
    } else {
      while (k < bounds.length && !(bounds[k].upper - share > SHARE_TOLERANCE)) k++;
    }
    const segment = k < bounds.length ? bounds[k].index : last;
    for (let p = ranking.groupStart[g]; p < ranking.groupStart[g + 1]; p++) out[ranking.order[p]] = segment;
  }
}

/** Per customer: its own share of the ranked total and the cumulative share up to and including its group. */
export function rankingShares(ranking: Ranking, count: number): { share: Float64Array; cumulative: Float64Array } {
  const share = new Float64Array(count).fill(NaN);
  const cumulative = new Float64Array(count).fill(NaN);
  for (let g = 0; g < ranking.before.length; g++) {
    const from = ranking.groupStart[g];
    const to = ranking.groupStart[g + 1];
    // Tied customers split their group's share evenly: they are indistinguishable by the measure.
    const each = (ranking.after[g] - ranking.before[g]) / (to - from);
    for (let p = from; p < to; p++) {
      share[ranking.order[p]] = each;
      cumulative[ranking.order[p]] = ranking.after[g];
    }
  }
  return { share, cumulative };
}
