// Playground only: `window.__tierwiseBench`, what bench/pane.ts drives in Chromium. It measures
// in the page, where the frames are: from a threshold change to the preview on screen, and the
// longest main-thread block (Long Tasks API, plus a heartbeat for blocks under 50 ms).
import type { PaneApi } from '../components/Pane';
import { benchEvents } from '../state/bench-events';
import type { EngineClient } from '../worker/client';

export interface TierwiseBench {
  /** Replaces the data with a synthetic source and waits for its first preview. */
  synthesize(lines: number, customers: number): Promise<{ ms: number }>;
  /** Moves the first threshold `samples` times; each time, ms until the new preview is painted. */
  thresholdLatency(samples: number): Promise<number[]>;
  /** Synthesize + prepare + preview + apply, watching the main thread throughout. */
  fullRun(lines: number, customers: number): Promise<{ ms: number; longestTask: number; longTasks: number; longestGap: number }>;
}

declare global {
  interface Window {
    __tierwiseBench?: TierwiseBench;
  }
}

const nextPaint = () => new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0)));

function previewAtLeast(revision: number): Promise<void> {
  return new Promise((resolve) => {
    const stop = benchEvents.listen((r) => {
      if (r >= revision) {
        stop();
        resolve();
      }
    });
  });
}

/** The longest gap between heartbeats: a block the Long Tasks API would not report (< 50 ms). */
function heartbeat(): () => number {
  let last = performance.now();
  let longest = 0;
  let on = true;
  const ch = new MessageChannel();
  ch.port1.onmessage = () => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
    if (on) setTimeout(() => ch.port2.postMessage(0), 0);
  };
  ch.port2.postMessage(0);
  return () => {
    on = false;
    return longest;
  };
}

export function installBench(engine: EngineClient, api: () => PaneApi | undefined): void {
  const pane = () => {
    const a = api();
    if (!a) throw new Error('the pane is not ready');
    return a;
  };
  const synthesize = async (lines: number, customers: number) => {
    const t0 = performance.now();
    await engine.ask({ type: 'synthesize', lines, customers });
    const revision = pane().resync();
    await previewAtLeast(revision);
    await nextPaint();
    return { ms: performance.now() - t0 };
  };
  window.__tierwiseBench = {
    synthesize,
    async thresholdLatency(samples) {
      const out: number[] = [];
      for (let i = 0; i < samples; i++) {
        // Alternates between 70 and 71..79, so every step is a real change.
        const to = i % 2 === 0 ? 70 : 71 + (i % 9);
        const t0 = performance.now();
        const revision = pane().moveThreshold(0, to);
        await previewAtLeast(revision);
        await new Promise<void>((r) => requestAnimationFrame(() => r()));
        out.push(performance.now() - t0);
        await nextPaint();
      }
      return out;
    },
    async fullRun(lines, customers) {
      const tasks: number[] = [];
      const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => tasks.push(e.duration)));
      observer.observe({ type: 'longtask', buffered: false });
      const stop = heartbeat();
      const t0 = performance.now();
      await synthesize(lines, customers);
      await pane().apply({ reread: false });
      await nextPaint();
      const ms = performance.now() - t0;
      const longestGap = stop();
      observer.disconnect();
      return { ms, longestTask: tasks.length ? Math.max(...tasks) : 0, longTasks: tasks.length, longestGap };
    },
  };
}
