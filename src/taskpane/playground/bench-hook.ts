// Playground only: `window.__tierwiseBench`, what bench/pane.ts drives in Chromium. It measures
// in the page, where the frames are: from a threshold change to the preview on screen, and the
// longest main-thread block (Long Tasks API, plus a heartbeat for blocks under 50 ms).
import type { PaneApi } from '../components/Pane';
import { benchEvents } from '../state/bench-events';
import type { EngineClient } from '../worker/client';
import { hostWork } from './PlaygroundHost';

export interface FullRun {
  ms: number;
  /** Longest Long Task (only tasks over 50 ms are reported by the browser). */
  longestTask: number;
  longTasks: number;
  /** Longest gap between heartbeats (sees blocks under 50 ms too). */
  longestGap: number;
  /** Wall time inside the in-memory host (it gives the page turns, so this is not one block). */
  hostMs: number;
  /** The longest block while the in-memory host was working. */
  longestInHost: number;
  /** The longest blocks, ms after the start (and whether the host was working then), and when the data was ready and the apply ended. */
  worst: { at: number; ms: number; inHost: boolean }[];
  phases: { prepared: number; applyDone: number };
}

export interface TierwiseBench {
  /** Replaces the data with a synthetic source and waits for its first preview. */
  synthesize(lines: number, customers: number): Promise<{ ms: number }>;
  /** Moves the first threshold `samples` times; each time, [ms to the preview in the DOM, ms to the next frame]. */
  thresholdLatency(samples: number): Promise<[number, number][]>;
  /** Synthesize + prepare + preview + apply, watching the main thread throughout. */
  fullRun(lines: number, customers: number): Promise<FullRun>;
  /** Apply on the data as it is (so the next previews have a previous run to compare with). */
  apply(): Promise<void>;
}

declare global {
  interface Window {
    __tierwiseBench?: TierwiseBench;
  }
}

const nextPaint = () => new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0)));

/** Resolves with the time the preview for `revision` (or later) was committed to the DOM. */
function previewAtLeast(revision: number): Promise<number> {
  return new Promise((resolve) => {
    const stop = benchEvents.listen((r) => {
      if (r >= revision) {
        stop();
        resolve(performance.now());
      }
    });
  });
}

type Span = { start: number; end: number };

/** Gaps between heartbeats: blocks the Long Tasks API would not report (< 50 ms) are seen too. */
function heartbeat(): () => Span[] {
  let last = performance.now();
  const gaps: Span[] = [];
  let on = true;
  const ch = new MessageChannel();
  ch.port1.onmessage = () => {
    const now = performance.now();
    if (now - last > 8) gaps.push({ start: last, end: now });
    last = now;
    if (on) setTimeout(() => ch.port2.postMessage(0), 0);
  };
  ch.port2.postMessage(0);
  return () => {
    on = false;
    return gaps;
  };
}

/** Where the last measured drag put the A line. */
let lastMove: number | undefined;

const overlaps = (a: Span, spans: Span[]) => spans.some((b) => a.start < b.end && b.start < a.end);
const longest = (spans: Span[]) => spans.reduce((m, s) => Math.max(m, s.end - s.start), 0);

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
    apply: () => pane().apply({ reread: false }),
    async thresholdLatency(samples) {
      const out: [number, number][] = [];
      for (let i = 0; i < samples; i++) {
        // Alternates between 70 and 71..79, so every step is a real change; also the first one of a
        // second call (a move to where the line already is previews nothing, and would never be seen).
        let to = i % 2 === 0 ? 70 : 71 + (i % 9);
        if (to === lastMove) to = 69;
        lastMove = to;
        const t0 = performance.now();
        const committed = previewAtLeast(pane().moveThreshold(0, to));
        const inDom = (await committed) - t0;
        await new Promise<void>((r) => requestAnimationFrame(() => r()));
        out.push([inDom, performance.now() - t0]);
        await nextPaint();
      }
      return out;
    },
    async fullRun(lines, customers) {
      const tasks: Span[] = [];
      const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => tasks.push({ start: e.startTime, end: e.startTime + e.duration })));
      observer.observe({ type: 'longtask', buffered: false });
      const stop = heartbeat();
      hostWork.length = 0;
      const t0 = performance.now();
      await synthesize(lines, customers);
      const prepared = performance.now() - t0;
      await pane().apply({ reread: false });
      const applyDone = performance.now() - t0;
      await nextPaint();
      const ms = performance.now() - t0;
      const gaps = stop();
      observer.disconnect();
      const blocks = [...tasks, ...gaps];
      return {
        ms,
        longestTask: longest(tasks),
        longTasks: tasks.length,
        longestGap: longest(gaps),
        hostMs: hostWork.reduce((s, h) => s + h.end - h.start, 0),
        longestInHost: longest(blocks.filter((b) => overlaps(b, hostWork))),
        worst: blocks
          .sort((a, b) => b.end - b.start - (a.end - a.start))
          .slice(0, 5)
          .map((b) => ({ at: Math.round(b.start - t0), ms: Math.round(b.end - b.start), inHost: overlaps(b, hostWork) })),
        phases: { prepared: Math.round(prepared), applyDone: Math.round(applyDone) },
      };
    },
  };
}
