// Medians of repeated timings, in one process, so a figure and its peer share the same machine state.
import { performance } from 'node:perf_hooks';

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Runs `fn` once to warm up, then `runs` times; returns the median in milliseconds. */
export function timeMedian(fn: () => unknown, runs: number): number {
  fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return median(times);
}

export const ms = (x: number) => (x < 10 ? x.toFixed(2) : x.toFixed(0));
