// Editing a band's bounds: bands that meet keep meeting. The analogue of an ABC share handing the
// difference on (thresholds.ts): every edit of a contiguous scale stays a scale the preview can show.
import type { Band } from '../../engine/bands-schema';

type Bounds = Pick<Band, 'min' | 'max'>;

const meet = (a: number | undefined, b: number | undefined) => a !== undefined && b !== undefined && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));

/**
 * Band i as edited. When its `to` moves and the next band started where it ended, that band's `from`
 * moves with it; likewise its `from` and the band before. So moving a boundary never opens a gap or
 * an overlap. A bound that did not meet its neighbour, or one cleared (an open end), changes alone, and
 * the editor names the gap or overlap as before.
 */
export function editBand<B extends Bounds>(bands: readonly B[], i: number, next: B): B[] {
  const old = bands[i];
  const out = bands.map((b, k) => (k === i ? next : b));
  const follows = (from: number | undefined, to: number | undefined) => from !== to && from !== undefined && to !== undefined && Number.isFinite(to);
  if (follows(old.max, next.max) && i + 1 < bands.length && meet(bands[i + 1].min, old.max)) out[i + 1] = { ...out[i + 1], min: next.max };
  if (follows(old.min, next.min) && i > 0 && meet(bands[i - 1].max, old.min)) out[i - 1] = { ...out[i - 1], max: next.min };
  return out;
}
