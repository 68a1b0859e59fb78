// The RFM recency x frequency heat map, as the summary sheet and the pane both show it: recency
// rows from the most recent score down (so the best customers are top right), frequency columns
// from 1 up, customers per cell, coloured from white (fewest) to green (most).

export const HEAT_LOW = '#FFFFFF';
export const HEAT_HIGH = '#63BE7B';

export interface HeatRow {
  /** The recency score of the row (n..1). */
  recency: number;
  /** Customers per frequency score, F 1 first. */
  counts: number[];
}

/** `grid[r - 1][f - 1]` (the engine's `rfmGrid`) -> rows R n..1. */
export const heatRows = (grid: readonly (readonly number[])[]): HeatRow[] => grid.map((counts, i) => ({ recency: i + 1, counts: counts.slice() })).reverse();

const channels = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
const hex2 = (v: number) => Math.round(v).toString(16).padStart(2, '0').toUpperCase();

/**
 * The colour of `value` on a linear scale from `min` (HEAT_LOW) to `max` (HEAT_HIGH), as Excel's
 * two-colour scale blends between the lowest and the highest value; all equal: the low colour.
 */
export function heatColor(value: number, min: number, max: number, low = HEAT_LOW, high = HEAT_HIGH): string {
  const t = max > min ? Math.min(1, Math.max(0, (value - min) / (max - min))) : 0;
  const a = channels(low);
  const b = channels(high);
  return `#${a.map((c, i) => hex2(c + (b[i] - c) * t)).join('')}`;
}
