// The RFM named segment table as a map of score cells (SEMANTICS.md section 8): which cells each segment
// takes (first match wins), which fall to `Others`, and the table carried over to another number of
// scores. Pure functions of the table; the pane's segment grid and its messages are built on them.
import type { RfmSegmentInput } from './rfm-schema';

export type ScoreLetter = 'r' | 'f' | 'm';
export const SCORE_LETTERS: readonly ScoreLetter[] = ['r', 'f', 'm'];
type Range = readonly [number, number];

const isScoreRange = (v: unknown, scores: number): v is Range => Array.isArray(v) && v.length === 2 && Number.isInteger(v[0]) && Number.isInteger(v[1]) && v[0] >= 1 && v[0] <= v[1] && v[1] <= scores;

/**
 * A score range [a, b] of `from` scores read with `to` scores. Quantile scores split the customers into
 * `from` equal slices: score s holds the slice ((s - 1) / from, s / from], so [a, b] holds
 * ((a - 1) / from, b / from]. The new range is every new score whose slice has its middle in there: the
 * lower bound rounds down and the upper bound up by at most half a new score. A range too narrow to
 * hold any new middle (R 4 of 5 read with 3 scores: 0.6 to 0.8, while the middles are 0.17, 0.5, 0.83)
 * takes the one new score its own middle falls in (0.7: score 3).
 *
 * Why middles: each new score then lies in exactly one old score, so a table that took every cell
 * still takes every cell (nothing newly falls to Others), the same number gives the same table, and
 * the usual 5-score map becomes the usual 3 x 3 map (Champions R 5 F 4-5 becomes R 3 F 3).
 */
export function rescaleRange(range: Range, from: number, to: number): [number, number] {
  const [a, b] = range;
  // Integer arithmetic: the middle of new score t is (2t - 1) / (2 to).
  // lowest t with (2t - 1) / (2 to) > (a - 1) / from, highest t with (2t - 1) / (2 to) <= b / from.
  const lo = Math.floor((2 * (a - 1) * to + from) / (2 * from)) + 1;
  const hi = Math.floor((2 * b * to + from) / (2 * from));
  if (lo <= hi) return [lo, hi];
  const t = Math.max(1, Math.ceil(((a - 1 + b) * to) / (2 * from)));
  return [t, t];
}

/**
 * The table carried from `from` to `to` scores (rescaleRange on every range); a missing letter stays
 * missing (any score). A table with a bound outside 1..from was not written for `from` scores (the
 * default 5-score table under `scores: 3` in a file written by hand): it is left as it is, so choosing
 * the number it was written for makes it valid again. An empty range (from above to, a mistake being
 * fixed) is left as it is too, to be fixed by hand. With a `from` or `to` that is no number of scores,
 * the table is returned unchanged.
 */
export function rescaleRfmSegments<S extends RfmSegmentInput>(segments: readonly S[], from: number, to: number): S[] {
  if (!Number.isInteger(from) || !Number.isInteger(to) || from < 1 || to < 1 || from === to) return segments.slice();
  const inScores = (v: unknown) => Number.isInteger(v) && (v as number) >= 1 && (v as number) <= from;
  const writtenForOther = segments.some((s) =>
    SCORE_LETTERS.some((k) => {
      const r: unknown = s[k];
      return r !== undefined && !(Array.isArray(r) && r.length === 2 && r.every(inScores));
    }),
  );
  if (writtenForOther) return segments.slice();
  return segments.map((s) => {
    const next = { ...s };
    for (const k of SCORE_LETTERS) {
      const r = s[k];
      if (r !== undefined && isScoreRange(r, from)) next[k] = rescaleRange(r, from, to);
    }
    return next;
  });
}

const within = (v: number, range: readonly [number, number] | undefined) => range === undefined || (v >= range[0] && v <= range[1]);

/** The first segment of the table whose ranges hold the scores; `segments.length` (Others) when none does. */
export function namedSegment(r: number, f: number, m: number, segments: readonly RfmSegmentInput[]): number {
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i];
    if (within(r, s.r) && within(f, s.f) && within(m, s.m)) return i;
  }
  return segments.length;
}

/** Score cells (one R, F and M score each) of an RFM table of `scores` scores. */
export interface RfmCoverage {
  /** Cells each segment takes, in table order: 0 when the segments above it take all of its cells. */
  cells: number[];
  /** Cells no segment takes (their customers are in Others), as R x F cells with the M scores that fall. */
  others: { r: number; f: number; m: number[] }[];
  /** scores ^ 3. */
  total: number;
}

/** Which cells each segment takes, first match in table order (namedSegment, as a run assigns them). */
export function rfmCoverage(segments: readonly RfmSegmentInput[], scores: number): RfmCoverage {
  const cells = new Array<number>(segments.length).fill(0);
  const others: RfmCoverage['others'] = [];
  for (let r = 1; r <= scores; r++) {
    for (let f = 1; f <= scores; f++) {
      const m: number[] = [];
      for (let mm = 1; mm <= scores; mm++) {
        const i = namedSegment(r, f, mm, segments);
        if (i < segments.length) cells[i]++;
        else m.push(mm);
      }
      if (m.length > 0) others.push({ r, f, m });
    }
  }
  return { cells, others, total: scores ** 3 };
}

/** "1-3", "2" */
export const rangeText = (lo: number, hi: number) => (lo === hi ? `${lo}` : `${lo}-${hi}`);

/** The M scores as ranges: [1, 2, 4] -> "1-2, 4". */
function scoresText(m: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < m.length;) {
    let j = i;
    while (j + 1 < m.length && m[j + 1] === m[j] + 1) j++;
    parts.push(rangeText(m[i], m[j]));
    i = j + 1;
  }
  return parts.join(', ');
}

/** The cells that fall to Others in words, the first `max` of them: "R 1 F 3, R 2 F 3 (M 1-2)". */
export function othersText(others: RfmCoverage['others'], scores: number, max = 6): string {
  const shown = others.slice(0, max).map((c) => `R ${c.r} F ${c.f}${c.m.length === scores ? '' : ` (M ${scoresText(c.m)})`}`);
  const more = others.length - shown.length;
  return more > 0 ? `${shown.join(', ')} and ${more} more` : shown.join(', ');
}
