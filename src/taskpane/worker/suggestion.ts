// The thresholds suggested from the data (SEMANTICS.md 12), as the pane shows and takes them: the
// engine's suggestion, its shares written with as few decimals as still give the same customers, the
// counts those shares give under the type's own boundary rule, and where they meet the Pareto curve.
import { assignRanked, type Ranking } from '../../engine/abc';
import { takesPartInRanking, type AbcType } from '../../engine/abc-schema';
import { cached, type Prepared } from '../../engine/prepared';
import { abcRanking } from '../../engine/run';
import { rankedValues, suggestFromValues } from '../../engine/suggest';
import type { PaneSuggestion } from './protocol';

/** Customers per ranked segment (in ranking order) with these three shares. */
function countsWith(ranking: Ranking, type: AbcType, ranked: readonly number[], shares: readonly number[], scratch: Int32Array): number[] {
  const segments = type.segments.map((s, i) => (ranked.includes(i) ? { ...s, share: shares[ranked.indexOf(i)] } : s));
  assignRanked(ranking, { segments, boundary: type.boundary }, scratch);
  const counts = ranked.map(() => 0);
  for (let p = 0; p < ranking.order.length; p++) {
    const k = ranked.indexOf(scratch[ranking.order[p]]);
    if (k >= 0) counts[k]++;
  }
  return counts;
}

/**
 * Shares a manager can read (66.67, not 66.66666666666667): the fewest decimals whose rounded limits
 * put every ranked customer where the exact shares put it. Exact when no rounding does (a customer whose
 * own share is below a millionth of the total sits on the limit).
 */
export function readableShares(ranking: Ranking, type: AbcType, ranked: readonly number[], exact: readonly [number, number, number], scratch: Int32Array): { shares: [number, number, number]; counts: number[] } {
  const want = countsWith(ranking, type, ranked, exact, scratch);
  const firstLimit = exact[0];
  const secondLimit = exact[0] + exact[1];
  for (const decimals of [0, 1, 2, 3, 4, 6]) {
    const scale = 10 ** decimals;
    // The limits are rounded, not the shares: the customers are split at the cumulative shares. Down
    // keeps the customer just past a limit out under the upper boundary; up keeps the one on it in under
    // the lower boundary: both are tried, the counts decide.
    // A hair of slack, so that 20.000000000000004 is 20 both ways.
    const down = (x: number) => Math.floor(x * scale + 1e-7) / scale;
    const up = (x: number) => Math.ceil(x * scale - 1e-7) / scale;
    for (const [a, b] of [[down, down], [up, up], [down, up], [up, down]]) {
      const first = a(firstLimit);
      const second = b(secondLimit);
      const tidy = (x: number) => Math.round(x * scale) / scale;
      const shares: [number, number, number] = [first, tidy(second - first), tidy(100 - second)];
      if (shares.some((v) => v < 0)) continue;
      const counts = countsWith(ranking, type, ranked, shares, scratch);
      if (counts.every((c, k) => c === want[k])) return { shares, counts };
    }
  }
  return { shares: [...exact], counts: want };
}

/** The suggestion for an ABC type with three ranked segments; undefined for others or with nothing ranked. */
export function paneSuggestion(p: Prepared, type: AbcType): PaneSuggestion | undefined {
  const ranked = type.segments.flatMap((s, i) => (takesPartInRanking(s) ? [i] : []));
  if (ranked.length !== 3) return undefined;
  const minimum = type.minimumNetSales ?? p.config.minimumNetSales;
  // The ranking and the suggestion change with the measure and the minimum, not with the shares: a drag reuses them.
  const numbers = cached(p, `suggestion|${type.measure}|${minimum ?? ''}|${type.boundary}|${ranked.join(',')}`, () => {
    const { ranking, measure } = abcRanking(p, type);
    const s = suggestFromValues(rankedValues(ranking, measure));
    if (!s) return null;
    const n = ranking.order.length;
    const { shares, counts } = readableShares(ranking, type, ranked, s.shares, new Int32Array(p.measures.count));
    return {
      shares,
      counts: counts as [number, number, number],
      ranked: n,
      points: [
        { x: s.counts[0] / n, y: s.shares[0] / 100 },
        { x: s.submarginal / n, y: (s.shares[0] + s.shares[1]) / 100 },
      ],
      paretoPoint: s.paretoPoint,
      breakEven: s.breakEven,
    };
  });
  return numbers ? { ...numbers, segments: ranked.map((i) => type.segments[i].name) as [string, string, string] } : undefined;
}
