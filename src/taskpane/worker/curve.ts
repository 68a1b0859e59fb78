// The Pareto curve the pane draws: customers ranked by the measure (x) against the cumulative share
// of the measure (y). Thresholds do not change it, so it is computed once per measure and kept.
import type { TypeResult } from '../../engine/result';
import type { Curve } from './protocol';

/** Enough points for a 400-pixel-wide chart; more would only cost time in postMessage. */
export const CURVE_POINTS = 400;

export function paretoCurve(t: TypeResult, points = CURVE_POINTS): Curve | undefined {
  const cumulative = t.shares?.cumulative;
  if (!cumulative) return undefined;
  let ranked = 0;
  for (let c = 0; c < cumulative.length; c++) if (cumulative[c] === cumulative[c]) ranked++;
  const sorted = new Float64Array(ranked);
  let k = 0;
  for (let c = 0; c < cumulative.length; c++) if (cumulative[c] === cumulative[c]) sorted[k++] = cumulative[c];
  sorted.sort();
  const x = [0];
  const y = [0];
  const step = Math.max(1, Math.floor(ranked / points));
  for (let i = step - 1; i < ranked; i += step) {
    x.push((i + 1) / ranked);
    y.push(sorted[i]);
  }
  if (ranked > 0 && x[x.length - 1] !== 1) {
    x.push(1);
    y.push(sorted[ranked - 1]);
  }
  return { x, y, ranked };
}
