// Medians of repeated timings, in one process, so a figure and its peer share the same machine state.
import { performance } from 'node:perf_hooks';

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export const ms = (x: number) => (x < 10 ? x.toFixed(2) : x.toFixed(0));

/** A full collection when the bench runs with --expose-gc (npm run bench does); nothing otherwise. */
export const collectGarbage = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

/**
 * Times several functions in turns (a, b, c, a, b, c, ...) after one warm-up each, and returns each one's
 * times in milliseconds, turn by turn. Taking turns lets a figure and its peer share the machine's good
 * and bad moments: on a shared machine, timing all runs of one and then all runs of the other moved their
 * ratio by 2x. A full collection before each timed call (the bench runs with --expose-gc) keeps one
 * function's garbage from being collected on the next one's time; what a function collects of its own
 * still counts.
 */
export function timeInTurns<K extends string>(fns: Record<K, () => unknown>, runs: number): Record<K, number[]> {
  const keys = Object.keys(fns) as K[];
  for (const k of keys) fns[k]();
  const times = Object.fromEntries(keys.map((k) => [k, [] as number[]])) as Record<K, number[]>;
  for (let i = 0; i < runs; i++) {
    for (const k of keys) {
      collectGarbage();
      const t0 = performance.now();
      fns[k]();
      times[k].push(performance.now() - t0);
    }
  }
  return times;
}

/** The median of a / b taken turn by turn: each pair ran back to back, so it saw the same machine. */
export function medianRatio(a: readonly number[], b: readonly number[]): number {
  return median(a.map((x, i) => x / b[i]));
}
