// Issue 2's figures: the full engine against two peers measured in the same process on the same rows:
// a bare pass that only looks up each line's customer in a Map (the floor any engine pays), and the same
// pipeline written with arquero 7 (group by, sum, order, running sum, tiers).
import * as aq from 'arquero';
import { parseConfig, type Config } from '../src/engine/config';
import { classifyType, prepare, segment } from '../src/engine/run';
import type { Cell, SourceTable } from '../src/engine/types';
import { collectGarbage, median, medianRatio, timeInTurns } from './stats';
import { performance } from 'node:perf_hooks';

function benchConfig(shares: [number, number, number]): Config {
  const r = parseConfig({
    version: 1,
    segmentTypes: [
      { name: 'Sales ABC', kind: 'abc', segments: [{ name: 'A', share: shares[0] }, { name: 'B', share: shares[1] }, { name: 'C', share: shares[2] }] },
      { name: 'Profit band', kind: 'bands', bands: [{ name: 'Loss', max: 0 }, { name: 'Low', min: 0, max: 500 }, { name: 'Mid', min: 500, max: 2000 }, { name: 'High', min: 2000 }] },
    ],
  });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.config;
}

function barePass(rows: Cell[][]): number {
  const index = new Map<Cell, number>();
  for (let r = 0; r < rows.length; r++) {
    const key = rows[r][0];
    if (index.get(key) === undefined) index.set(key, index.size);
  }
  return index.size;
}

/** The same job in arquero: the columns it needs from the rows (numbers only), then its verbs. */
function arqueroPipeline(rows: Cell[][]): number {
  const customer: string[] = [];
  const sales: number[] = [];
  const profit: number[] = [];
  for (const row of rows) {
    const s = row[3];
    const p = row[4];
    if (typeof s === 'number' && typeof p === 'number') {
      customer.push(String(row[0]).trim());
      sales.push(s);
      profit.push(p);
    }
  }
  const ranked = aq
    .table({ customer, sales, profit })
    .groupby('customer')
    .rollup({ sales: aq.op.sum('sales'), profit: aq.op.sum('profit') })
    .orderby(aq.desc('sales'))
    .derive({ cumulative: aq.rolling((d: { sales: number }) => aq.op.sum(d.sales)) })
    .derive({ share: (d: { cumulative: number; sales: number }) => (d.cumulative - d.sales) / aq.op.sum(d.sales) })
    .derive({ tier: (d: { share: number }) => (d.share < 0.8 ? 'A' : d.share < 0.95 ? 'B' : 'C') });
  return ranked.numRows();
}

export interface EngineFigures {
  lines: number;
  /** Timed turns; the ratios are medians of the per-turn ratios, not ratios of medians. */
  runs: number;
  customers: number;
  inputMB: number;
  peakBeyondInputMB: number;
  retainedHeapMB: number;
  engineMs: number;
  barePassMs: number;
  engineVsBare: number;
  arqueroMs: number;
  arqueroVsEngine: number;
  reclassifyMs: number;
  leftOutRows: number;
}

export function benchEngine(table: SourceTable, runs = 9): EngineFigures {
  const config = benchConfig([80, 15, 5]);

  // Memory first, before any peer has raised the process's high-water mark.
  collectGarbage();
  const baseline = process.memoryUsage();
  const maxBefore = process.resourceUsage().maxRSS * 1024;
  let result = segment(table, config);
  const maxAfter = process.resourceUsage().maxRSS * 1024;
  // Twice: V8 frees array buffers on a background thread; after a single collection one run in six still
  // counted the run's 32 MB of line buffers (35 MB kept instead of 3), and the second lets the freeing end.
  collectGarbage();
  collectGarbage();
  const retained = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers - baseline.heapUsed - baseline.arrayBuffers;
  if (maxBefore > baseline.rss && maxAfter === maxBefore) {
    console.warn('note: the input builder set a higher memory mark than the engine run; the peak is an upper bound');
  }

  const times = timeInTurns(
    { engine: () => (result = segment(table, config)), bare: () => barePass(table.rows), arquero: () => arqueroPipeline(table.rows) },
    runs,
  );

  // A threshold drag: the prepared data and its ranking are reused; only the ABC type is classified again.
  const prepared = prepare(table, config);
  const abc = config.segmentTypes[0];
  const dragged = benchConfig([70, 25, 5]).segmentTypes[0];
  classifyType(prepared, abc);
  const drags: number[] = [];
  for (let i = 0; i < 201; i++) {
    const t0 = performance.now();
    classifyType(prepared, i % 2 ? abc : dragged);
    drags.push(performance.now() - t0);
  }

  return {
    lines: table.rows.length,
    customers: result.customers.ids.length,
    inputMB: baseline.rss / 2 ** 20,
    peakBeyondInputMB: (maxAfter - baseline.rss) / 2 ** 20,
    retainedHeapMB: retained / 2 ** 20,
    runs,
    engineMs: median(times.engine),
    barePassMs: median(times.bare),
    engineVsBare: medianRatio(times.engine, times.bare),
    arqueroMs: median(times.arquero),
    arqueroVsEngine: medianRatio(times.arquero, times.engine),
    reclassifyMs: median(drags),
    leftOutRows: result.leftOutRows,
  };
}
