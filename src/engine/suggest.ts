// Thresholds suggested from the data (SEMANTICS.md section 12): computed ABC after Ultsch and Lotsch
// (2015), in the contract's discrete, deterministic form. Pure: sorted totals in, a suggestion out.
import { takesPartInRanking, type AbcSegment } from './abc-schema';
import type { Ranking } from './abc';
import type { Prepared } from './prepared';
import { abcRanking } from './run';

export interface Suggestion {
  /** Customers in the first, second and third ranked segment: kA, kC - kA, n - kC. */
  counts: [number, number, number];
  /** The shares (percent of the measure) that give those counts under the upper boundary; they add up to 100. */
  shares: [number, number, number];
  /** kP: the k nearest to the ideal point (0, 1) of the Pareto curve. */
  paretoPoint: number;
  /** kBE: customers whose value is at least the mean, at least 1. */
  breakEven: number;
  /** kC: the submarginal point. */
  submarginal: number;
}

/**
 * The suggestion for positive totals sorted largest first. Undefined when there is nothing to rank.
 * Squared distances are compared exactly as the contract states them, and the first k wins a tie,
 * so the result does not depend on floating-point luck in the order of the comparisons.
 */
export function suggestFromValues(values: ArrayLike<number>): Suggestion | undefined {
  const n = values.length;
  if (n === 0) return undefined;
  const y = new Float64Array(n + 1); // y[k]: share of the top k; y[0] = 0
  let total = 0;
  for (let i = 0; i < n; i++) total += values[i];
  if (!(total > 0)) return undefined;
  let running = 0;
  for (let k = 1; k <= n; k++) {
    running += values[k - 1];
    y[k] = running / total;
  }
  y[n] = 1; // the whole total, without the last addition's rounding

  const nearest = (from: number, x0: number): number => {
    let best = from;
    let bestDistance = Infinity;
    for (let k = from; k <= n; k++) {
      const dx = k / n - x0;
      const dy = 1 - y[k];
      const d = dx * dx + dy * dy;
      if (d < bestDistance) {
        bestDistance = d;
        best = k;
      }
    }
    return best;
  };

  const paretoPoint = nearest(1, 0);
  const mean = total / n;
  let breakEven = 0;
  for (let i = 0; i < n; i++) if (values[i] >= mean) breakEven++;
  breakEven = Math.max(1, breakEven);
  const kA = Math.min(paretoPoint, breakEven);
  const xB = Math.max(paretoPoint, breakEven) / n;
  const submarginal = nearest(kA, xB);

  const first = 100 * y[kA];
  const second = 100 * (y[submarginal] - y[kA]);
  return {
    counts: [kA, submarginal - kA, n - submarginal],
    shares: [first, second, 100 - first - second],
    paretoPoint,
    breakEven,
    submarginal,
  };
}

/** The ranked customers' totals, largest first, from a ranking (ties keep their order: the values are equal). */
export function rankedValues(ranking: Ranking, values: Float64Array): Float64Array {
  const out = new Float64Array(ranking.order.length);
  for (let p = 0; p < out.length; p++) out[p] = values[ranking.order[p]];
  return out;
}

/** Only a type whose ranking has exactly three segments gets a suggestion (section 12). */
export function rankedSegmentCount(segments: readonly AbcSegment[]): number {
  return segments.filter(takesPartInRanking).length;
}

/** One ABC type's suggestion, or why it has none: a user's situation, not an error. */
export type TypeSuggestion = { type: string; ok: true; ranked: number; suggestion: Suggestion } | { type: string; ok: false; reason: string };

/** A suggestion for every ABC type of a prepared run, in the configuration's order. */
export function suggestAll(p: Prepared): TypeSuggestion[] {
  return p.config.segmentTypes.flatMap((type): TypeSuggestion[] => {
    if (type.kind !== 'abc') return [];
    const segments = rankedSegmentCount(type.segments);
    if (segments !== 3) return [{ type: type.name, ok: false, reason: `it ranks ${segments} segments; a suggestion needs exactly three` }];
    const { ranking, measure } = abcRanking(p, type);
    const suggestion = suggestFromValues(rankedValues(ranking, measure));
    if (!suggestion) return [{ type: type.name, ok: false, reason: `no customer has a ${type.measure} above 0 in the window` }];
    return [{ type: type.name, ok: true, ranked: ranking.order.length, suggestion }];
  });
}
