// Where the ABC boundary is decided (SEMANTICS.md section 3).
// Ranking (the sort) and assignment (the thresholds) are separate, so dragging a threshold only
// walks the ranked groups again: O(customers), no sort.
import { SHARE_TOLERANCE, takesPartInRanking, type AbcSegment, type AbcType } from './abc-schema';

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

/** Positions of a double's two 32-bit halves in a Uint32Array view (little-endian on every machine Excel runs on, checked anyway). */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const HIGH = LITTLE_ENDIAN ? 1 : 0;
const LOW = 1 - HIGH;
const DIGIT_BITS = 16;
const DIGIT_MASK = (1 << DIGIT_BITS) - 1;

/**
 * The eligible customers with a positive value, largest first, equal values by customer index: a least
 * significant digit radix sort of the values' bits, four passes of 16 bits. A positive double's bits,
 * read as an unsigned integer, order as its value does; their complement orders largest first; each pass
 * is stable, so equal values keep the customer order they started in. Why not the built-in sort: it
 * sorts values, not customers, and placing 50,000 customers back by binary search (16 cache misses
 * each) cost 15 to 25 ms per ranking on fresh measures; a comparator sort costs more (800,000 calls).
 * The radix sort takes 3 to 7 ms (docs/performance.md).
 */
function rankOrder(values: Float64Array, eligible: Uint8Array, count: number): Int32Array {
  const bits = new Float64Array(count);
  let order = new Int32Array(count);
  let k = 0;
  for (let c = 0; c < values.length; c++) {
    const v = values[c];
    if (eligible[c] && v > 0) {
      bits[k] = v;
      order[k++] = c;
    }
  }
  if (count === 0) return order;
  const words = new Uint32Array(bits.buffer);
  let high = new Uint32Array(count);
  let low = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    high[i] = ~words[2 * i + HIGH];
    low[i] = ~words[2 * i + LOW];
  }
  let highTo = new Uint32Array(count);
  let lowTo = new Uint32Array(count);
  let orderTo = new Int32Array(count);
  const starts = new Int32Array(DIGIT_MASK + 1);
  for (let pass = 0; pass < 4; pass++) {
    const key = pass < 2 ? low : high;
    const shift = (pass & 1) * DIGIT_BITS;
    starts.fill(0);
    for (let i = 0; i < count; i++) starts[(key[i] >>> shift) & DIGIT_MASK]++;
    if (starts[(key[0] >>> shift) & DIGIT_MASK] === count) continue; // one digit for all: nothing moves
    for (let d = 0, sum = 0; d <= DIGIT_MASK; d++) {
      const n = starts[d];
      starts[d] = sum;
      sum += n;
    }
    for (let i = 0; i < count; i++) {
      const at = starts[(key[i] >>> shift) & DIGIT_MASK]++;
      highTo[at] = high[i];
      lowTo[at] = low[i];
      orderTo[at] = order[i];
    }
    [high, highTo] = [highTo, high];
    [low, lowTo] = [lowTo, low];
    [order, orderTo] = [orderTo, order];
  }
  return order;
}

/** Cumulative upper bounds of the segments that take part in the ranking: 80/15/5 -> 0.80, 0.95, 1.00. */
export function upperBounds(segments: readonly AbcSegment[]): { index: number; upper: number }[] {
  let sum = 0;
  return segments.flatMap((s, index) => {
    if (!takesPartInRanking(s)) return [];
    sum += s.share ?? 0;
    return [{ index, upper: sum / 100 }];
  });
}

/** Index of the segment customers fall back to: the last one that takes part in the ranking. */
export function lastRanked(segments: readonly AbcSegment[]): number {
  for (let i = segments.length - 1; i >= 0; i--) if (takesPartInRanking(segments[i])) return i;
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
