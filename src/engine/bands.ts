// Profit bands (SEMANTICS.md section 4): [min, max), a value on a boundary belongs to the band that starts there.
import type { Band } from './bands-schema';
import { NO_SEGMENT } from './abc';

// Sums of money in floating point land a hair below a boundary (499.99999999999994 for 500):
// compare with the same tolerance as shares, relative to the boundary's size.
const TOLERANCE = 1e-9;
const atLeast = (v: number, bound: number) => v >= bound - TOLERANCE * Math.max(1, Math.abs(bound));

/** Index of the band holding `value`; the default band (or none) when the value is NaN. */
export function bandOf(value: number, bands: readonly Band[]): number {
  if (Number.isNaN(value)) return bands.findIndex((b) => b.default === true);
  for (let i = bands.length - 1; i >= 0; i--) {
    const b = bands[i];
    if (b.min === undefined || atLeast(value, b.min)) {
      return b.max === undefined || !atLeast(value, b.max) ? i : NO_SEGMENT;
    }
  }
  return NO_SEGMENT;
}

export function assignBands(values: Float64Array, eligible: Uint8Array, bands: readonly Band[], out: Int32Array): void {
  const fallback = bands.findIndex((b) => b.default === true);
  for (let c = 0; c < values.length; c++) out[c] = eligible[c] ? bandOf(values[c], bands) : fallback;
}
