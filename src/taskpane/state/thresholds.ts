// Thresholds on the Pareto curve are the cumulative bounds of the ABC segments (A: 80, B: 95).
// Moving one moves the share between the two segments it separates; the total stays 100.
import type { AbcType } from '../../engine/abc-schema';

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
  const ranked = type.segments.flatMap((s, i) => (s.exclude ? [] : [i]));
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
