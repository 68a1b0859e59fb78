// Thresholds on the Pareto curve are the cumulative bounds of the ABC segments (A: 80, B: 95).
// Moving one moves the share between the two segments it separates; the total stays 100. The
// editor's shares follow the same rule: a share typed, removed or excluded hands its difference on.
import { takesPartInRanking, type AbcType } from '../../engine/abc-schema';

export interface Threshold {
  /** Index (in `segments`) of the segment above the line and of the next ranked one below it. */
  upper: number;
  lower: number;
  /** Cumulative percent at the line. */
  at: number;
  /** How far it can move without emptying a segment. */
  min: number;
  max: number;
}

export function thresholds(type: Pick<AbcType, 'segments'>): Threshold[] {
  // As the engine ranks: not excluded, and not a default segment without a share (SEMANTICS.md 3.7).
  const ranked = type.segments.flatMap((s, i) => (takesPartInRanking(s) ? [i] : []));
  const out: Threshold[] = [];
  let sum = 0;
  for (let k = 0; k + 1 < ranked.length; k++) {
    const share = type.segments[ranked[k]].share ?? 0;
    const nextShare = type.segments[ranked[k + 1]].share ?? 0;
    out.push({ upper: ranked[k], lower: ranked[k + 1], at: sum + share, min: sum, max: sum + share + nextShare });
    sum += share;
  }
  return out;
}

/** Shares rounded to hundredths: a drag should not leave 69.99999999999 in a manager's configuration. */
const tidy = (x: number) => Math.round(x * 100) / 100;

export function moveThreshold<T extends Pick<AbcType, 'segments'>>(type: T, which: number, to: number): T {
  const t = thresholds(type)[which];
  if (!t) return type;
  const at = tidy(Math.min(t.max, Math.max(t.min, to)));
  const segments = type.segments.map((s, i) =>
    i === t.upper ? { ...s, share: tidy(at - t.min) } : i === t.lower ? { ...s, share: tidy(t.max - at) } : s,
  );
  return { ...type, segments };
}

type Shared = Pick<AbcType['segments'][number], 'share' | 'exclude' | 'default'>;

/** Ranked segments add up to 100 (the only state a run accepts). */
function adds(segments: readonly Shared[]): boolean {
  const sum = segments.reduce((acc, s) => acc + (s.exclude ? 0 : (s.share ?? 0)), 0);
  return Math.abs(sum - 100) <= 1e-6;
}

/** The ranked segments that give or take a change of segment i's share: those after it, nearest first, then those before it. */
function neighbours(segments: readonly Shared[], i: number): number[] {
  const ranked = (k: number) => takesPartInRanking(segments[k]);
  const after = segments.map((_, k) => k).filter((k) => k > i && ranked(k));
  const before = segments.map((_, k) => k).filter((k) => k < i && ranked(k)).reverse();
  return [...after, ...before];
}

/**
 * A share typed or slid in the editor. While the ranked shares add up to 100, the difference goes to
 * the others as if the line below the segment were dragged on the curve: taken from the next segment
 * first (down to 0, then the one after it, then those above), given to the next one. So every step of a
 * slider is a valid configuration and the preview follows it. When the shares do not add up to 100 (a
 * configuration saved that way), the share is set alone: typing must be able to repair the sum that the
 * message names.
 */
export function setShare<S extends Shared>(segments: readonly S[], i: number, value: number): S[] {
  const want = tidy(Math.min(100, Math.max(0, value)));
  const old = segments[i].share ?? 0;
  const others = neighbours(segments, i);
  const alone = () => segments.map((s, k) => (k === i ? { ...s, share: want } : s));
  if (segments[i].exclude || others.length === 0 || !adds(segments)) return alone();
  const shares = segments.map((s) => s.share ?? 0);
  let left = want - old;
  if (left < 0) {
    shares[others[0]] = tidy(shares[others[0]] - left);
    left = 0;
  }
  for (const k of others) {
    if (left <= 0) break;
    const take = Math.min(shares[k], left);
    shares[k] = tidy(shares[k] - take);
    left = tidy(left - take);
  }
  // What the others could not give (they are all at 0 already) is not added.
  shares[i] = tidy(want - left);
  return segments.map((s, k) => (shares[k] === (s.share ?? 0) ? s : { ...s, share: shares[k] }));
}

/** Who takes segment i's share when it leaves the ranking, and how much: the next ranked segment (the one above the last), while the shares add up to 100. */
function handOn(segments: readonly Shared[], i: number): { heir: number; share: number } | undefined {
  const heir = neighbours(segments, i)[0];
  const share = segments[i].share ?? 0;
  return !segments[i].exclude && heir !== undefined && share > 0 && adds(segments) ? { heir, share } : undefined;
}

/** Removes segment i; while the shares add up to 100, its share goes to the next ranked segment (or the one above the last). */
export function removeSegment<S extends Shared>(segments: readonly S[], i: number): S[] {
  const to = handOn(segments, i);
  return segments.flatMap((s, k) => (k === i ? [] : to && k === to.heir ? [{ ...s, share: tidy((s.share ?? 0) + to.share) }] : [s]));
}

/**
 * Excluding a segment (manual assignment only) hands its share on as removing it does and leaves it 0,
 * so the shares still add up to 100; including it again keeps the 0 (raise it then, and the next
 * segment gives).
 */
export function setExcluded<S extends Shared>(segments: readonly S[], i: number, excluded: boolean): S[] {
  const to = excluded ? handOn(segments, i) : undefined;
  return segments.map((s, k) =>
    k === i ? { ...s, exclude: excluded || undefined, share: to ? 0 : s.share } : to && k === to.heir ? { ...s, share: tidy((s.share ?? 0) + to.share) } : s,
  );
}

/**
 * A default segment may stand outside the ranking (SEMANTICS.md 3.7): without a share it takes only the
 * customers without sales in the window (and those under the minimum). Leaving the ranking hands its
 * share on as excluding does, so the others still add up to 100; joining it again starts at 0.
 */
export function setRanked<S extends Shared>(segments: readonly S[], i: number, ranked: boolean): S[] {
  const to = ranked ? undefined : handOn(segments, i);
  return segments.map((s, k) =>
    k === i ? { ...s, share: ranked ? (s.share ?? 0) : undefined } : to && k === to.heir ? { ...s, share: tidy((s.share ?? 0) + to.share) } : s,
  );
}
