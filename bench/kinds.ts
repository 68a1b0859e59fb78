// Issue 5's figure: every segment kind together (ABC, bands, loyalty, activity, profiles, RFM, and
// visit planning) against ABC and bands alone, on the same rows in the same process. Goal: at most 2x.
// Issue 20's figure: ABC and bands with an XYZ type (one more pass over the window's lines) against ABC
// and bands alone, in the same run. Goal: at most 1.3x.
// Run alone: `node --expose-gc -r @swc-node/register bench/kinds.ts [lines]`.
import { parseConfig, type Config, type ConfigInput } from '../src/engine/config';
import { segment, type ExtraSources } from '../src/engine/run';
import type { Cell, SourceTable } from '../src/engine/types';
import { BENCH_CUSTOMERS, BENCH_LINES, benchTable, random } from './data';
import { performance } from 'node:perf_hooks';
import { collectGarbage, median, ms } from './stats';

const ABC_AND_BANDS: ConfigInput['segmentTypes'] = [
  {
    name: 'Sales ABC',
    kind: 'abc',
    segments: [
      { name: 'A', share: 80, visitEveryDays: 30 },
      { name: 'B', share: 15, visitEveryDays: 90 },
      { name: 'C', share: 5, visitEveryDays: 180 },
    ],
  },
  { name: 'Profit band', kind: 'bands', bands: [{ name: 'Loss', max: 0 }, { name: 'Low', min: 0, max: 500 }, { name: 'Mid', min: 500, max: 2000 }, { name: 'High', min: 2000 }] },
];

const OTHER_KINDS: ConfigInput['segmentTypes'] = [
  {
    name: 'Loyalty',
    kind: 'loyalty',
    perCurrency: 1,
    perUnit: 0.5,
    perOrder: 10,
    rules: [{ match: { column: 'Region', in: ['West'] }, perCurrency: 2, cumulative: false }],
    levels: [{ name: 'Bronze', minPoints: 0 }, { name: 'Silver', minPoints: 20_000 }, { name: 'Gold', minPoints: 50_000, discount: 5 }],
    rewards: [{ name: 'Voucher', minPoints: 1000, cost: 1000 }],
  },
  {
    name: 'Activity',
    kind: 'activity',
    category: 'Active',
    periodDays: 90,
    periods: 16,
    exclusive: true,
    criteria: [
      { measure: 'som', operator: '>=', value: 0.6, mandatory: true },
      { measure: 'orders', operator: '>=', value: 10, mandatory: false },
      { measure: 'points', operator: '>=', value: 20_000, mandatory: false },
    ],
  },
  {
    name: 'Profile',
    kind: 'profiles',
    profiles: [
      { name: 'Large services', include: { 'Industry sector': ['Services'], 'Implementation budget': ['Unknown', '100k-300k', '>300k'] }, priority: 2 },
      { name: 'Large services, decision-maker', parent: 'Large services', include: { 'Job function': ['Decision-maker'] }, priority: 1 },
    ],
  },
  { name: 'RFM', kind: 'rfm' },
];

/** Quarterly XYZ crossed with the ABC type above, as examples/all-kinds.config.json has it. */
const XYZ: ConfigInput['segmentTypes'] = [
  {
    name: 'Demand',
    kind: 'xyz',
    period: 'quarter',
    abcType: 'Sales ABC',
    combined: true,
    segments: [
      { name: 'X', maxCv: 2 },
      { name: 'Y', maxCv: 3 },
      { name: 'Z' },
    ],
  },
];

function configOf(segmentTypes: ConfigInput['segmentTypes']): Config {
  const r = parseConfig({ version: 1, segmentTypes });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.config;
}

/** One answers row per customer and about two visits per customer, ids as the sales rows write them. */
function extraSources(customers: number): ExtraSources {
  const next = random(7);
  const id = (i: number) => `C${String(i + 1).padStart(6, '0')}`;
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)];
  const answers: Cell[][] = Array.from({ length: customers }, (_, i) => [
    id(i),
    pick(['IT', 'ERP Consultant', 'Services', 'Industry', 'Others']),
    pick(['Decision-maker', 'Not decision-maker']),
    pick(['Unknown', '<100k', '100k-300k', '>300k']),
  ]);
  const visits: Cell[][] = Array.from({ length: customers * 2 }, () => [id(Math.floor(next() * customers)), 41640 + Math.floor(next() * 1461)]);
  return {
    answers: { sheet: 'Answers', header: ['Customer ID', 'Industry sector', 'Job function', 'Implementation budget'], rows: answers, origin: { row: 1, column: 0 } },
    visits: { sheet: 'Visits', header: ['Customer ID', 'Visit date'], rows: visits, origin: { row: 1, column: 0 } },
  };
}

/**
 * Wall and CPU milliseconds of one call (CPU time is what a loaded, shared machine distorts least), after
 * a full collection, so that one configuration's garbage is not collected on the other's time.
 */
function timeOne(fn: () => unknown): [number, number] {
  collectGarbage();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  fn();
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return [wall, (cpu.user + cpu.system) / 1000];
}

/**
 * Median milliseconds of a whole run (ingest to summaries) with ABC and bands alone, and with every
 * kind together (the extra ranges included), on the same table, the two alternating so that neither
 * gets the quieter half of the process. `ratio` = all / ABC-and-bands, by wall time; `cpuRatio` by CPU time.
 */
export function benchKinds(lines: number, runs = 5, table: SourceTable = benchTable(lines)): Record<string, number> {
  const base = configOf(ABC_AND_BANDS);
  const all = configOf([...ABC_AND_BANDS!, ...OTHER_KINDS!]);
  const withXyz = configOf([...ABC_AND_BANDS!, ...XYZ!]);
  const sources = extraSources(BENCH_CUSTOMERS);
  const check = segment(table, all, undefined, sources);
  if (check.types.length !== 6 || check.issues.some((i) => i.severity === 'error' && i.row === undefined)) {
    throw new Error(`the all-kinds run did not classify: ${JSON.stringify(check.issues.slice(0, 5))}`);
  }
  const xyzCheck = segment(table, withXyz);
  if (xyzCheck.types.length !== 3 || !xyzCheck.types[2].abcXyz) throw new Error('the XYZ run gave no ABC-XYZ matrix');
  segment(table, base); // warm-up
  const baseTimes: [number, number][] = [];
  const allTimes: [number, number][] = [];
  const xyzTimes: [number, number][] = [];
  for (let k = 0; k < runs; k++) {
    baseTimes.push(timeOne(() => segment(table, base)));
    allTimes.push(timeOne(() => segment(table, all, undefined, sources)));
    xyzTimes.push(timeOne(() => segment(table, withXyz)));
  }
  const abcAndBandsMs = median(baseTimes.map((t) => t[0]));
  const allKindsMs = median(allTimes.map((t) => t[0]));
  const abcAndBandsCpuMs = median(baseTimes.map((t) => t[1]));
  const allKindsCpuMs = median(allTimes.map((t) => t[1]));
  const withXyzMs = median(xyzTimes.map((t) => t[0]));
  const withXyzCpuMs = median(xyzTimes.map((t) => t[1]));
  return {
    lines: table.rows.length,
    customers: check.customers.ids.length,
    abcAndBandsMs,
    allKindsMs,
    ratio: allKindsMs / abcAndBandsMs,
    abcAndBandsCpuMs,
    allKindsCpuMs,
    cpuRatio: allKindsCpuMs / abcAndBandsCpuMs,
    withXyzMs,
    xyzRatio: withXyzMs / abcAndBandsMs,
    withXyzCpuMs,
    xyzCpuRatio: withXyzCpuMs / abcAndBandsCpuMs,
  };
}

if (require.main === module) {
  const lines = Number(process.argv[2] ?? BENCH_LINES);
  const f = benchKinds(lines);
  const row = (label: string, wall: number, cpu: number) => console.log(`${label.padEnd(46)} ${`${ms(wall)} ms`.padStart(10)} ${`${ms(cpu)} ms`.padStart(10)}`);
  console.log(`${f.lines.toLocaleString('en-US')} lines, ${f.customers.toLocaleString('en-US')} customers; medians of 5 runs${' '.repeat(6)}wall        CPU`);
  row('ABC and bands alone', f.abcAndBandsMs, f.abcAndBandsCpuMs);
  row('every kind together, with answers and visits', f.allKindsMs, f.allKindsCpuMs);
  row('ABC and bands with XYZ (quarters)', f.withXyzMs, f.withXyzCpuMs);
  const verdict = (x: number, goal: number) => `${x.toFixed(2)}x ${x <= goal ? 'met' : 'NOT MET'}`;
  console.log(`all kinds / ABC and bands (goal <= 2x): wall ${verdict(f.ratio, 2)}, CPU ${verdict(f.cpuRatio, 2)}`);
  console.log(`ABC, bands and XYZ / ABC and bands (goal <= 1.3x): wall ${verdict(f.xyzRatio, 1.3)}, CPU ${verdict(f.xyzCpuRatio, 1.3)}`);
}
