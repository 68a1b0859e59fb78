/**
 * @jest-environment node
 */
import { readFileSync } from 'node:fs';
import { defaultConfig } from '../../src/engine/config';
import { segment } from '../../src/engine/run';
import type { SourceTable } from '../../src/engine/types';
import { InProcessClient, receivePlan, sendPrevious, sendSource } from '../../src/taskpane/worker/client';
import { PLAN_CHUNK } from '../../src/taskpane/worker/protocol';
import { syntheticTable } from '../../src/taskpane/worker/synthetic';
import { classifyType, prepare, resultOf } from '../../src/engine/run';
import { migration, takeSnapshot } from '../../src/engine/history';
import { previousSegments } from '../../src/plan/previous';
import { planWorkbook } from '../../src/plan/planner';
import type { PreviousRun } from '../../src/hosts/host';
import { csvGrid, parseCsv } from '../../src/taskpane/worker/csv';
import { EngineSession, ROW_CHUNK } from '../../src/taskpane/worker/session';
import { moveThreshold } from '../../src/taskpane/state/thresholds';
import { superstoreGrid } from '../plan/superstore';
import { ABC_80_15_5, config as configOf, SUPERSTORE_CSV, table as tableFrom } from '../support/tables';
import type { Cell } from '../../src/engine/types';
import type { AbcType } from '../../src/engine/abc-schema';
import { EDITORS } from '../../src/taskpane/components/editors/registry';

const sessionOnSample = () => new InProcessClient(new EngineSession(async (url) => (url === 'sample.csv' ? readFileSync(SUPERSTORE_CSV, 'utf8') : Promise.reject(new Error(`unexpected ${url}`)))));

function tableOf(grid: ReturnType<typeof superstoreGrid>): SourceTable {
  return { sheet: 'Orders', header: grid[0], rows: grid.slice(1), origin: { row: 1, column: 0 } };
}

describe('the playground CSV reader', () => {
  it('reads quotes, doubled quotes, commas and line breaks inside quotes', () => {
    expect(parseCsv('a,"b,c","say ""hi"""\r\n1,"two\nlines",\n')).toEqual([
      ['a', 'b,c', 'say "hi"'],
      ['1', 'two\nlines', ''],
    ]);
  });

  it('reads the Superstore sample exactly as the test helper does (numbers, dates as serials)', () => {
    const grid = csvGrid(readFileSync(SUPERSTORE_CSV, 'utf8'));
    expect(grid).toEqual(superstoreGrid());
    // 2016-11-08 is Excel serial 42682 (days since 1899-12-30).
    expect(grid[1][2]).toBe(42682);
  });
});

describe('the engine session (what the worker runs)', () => {
  it('loads the sample, prepares once, and classifies to the same numbers as a whole run', async () => {
    const engine = sessionOnSample();
    const { grid } = await engine.ask({ type: 'loadSample', url: 'sample.csv' });
    const table = tableOf(grid);
    await sendSource(engine, table);
    expect(table.rows.length).toBeGreaterThan(ROW_CHUNK); // the rows really went in several chunks
    const config = defaultConfig();
    const { prepared } = await engine.ask({ type: 'prepare', config, withPrevious: false, extras: [] });
    expect(prepared).toMatchObject({ lineCount: 9994, customerCount: 793, leftOutRows: 0, usable: true });
    expect(prepared.header[prepared.mapping.customer!]).toBe('Customer ID');
    expect(prepared.header[prepared.mapping.amount!]).toBe('Sales');

    const at70 = moveThreshold(config.segmentTypes[0] as AbcType, 0, 70);
    const { preview } = await engine.ask({ type: 'classify', segmentType: at70 });
    const whole = segment(table, { ...config, segmentTypes: [at70] });
    expect(preview.rows).toEqual(whole.types[0].summary);
    expect(preview.rows.reduce((s, r) => s + r.customers, 0)).toBe(793);

    // The curve rises from (0,0) to (1,1), never down, and does not depend on the thresholds.
    const c = preview.curve!;
    expect([c.x[0], c.y[0], c.x[c.x.length - 1]]).toEqual([0, 0, 1]);
    expect(c.y[c.y.length - 1]).toBeCloseTo(1, 12);
    for (let i = 1; i < c.y.length; i++) expect(c.y[i]).toBeGreaterThanOrEqual(c.y[i - 1]);
    const again = await engine.ask({ type: 'classify', segmentType: config.segmentTypes[0] });
    expect(again.preview.curve).toBe(c); // same object: kept, not recomputed
  });

  it('hands the RFM grid to the preview, the same as a whole run computes', async () => {
    const engine = sessionOnSample();
    const { grid } = await engine.ask({ type: 'loadSample', url: 'sample.csv' });
    const table = tableOf(grid);
    await sendSource(engine, table);
    // The pane prepares with the draft configuration, RFM included (so the order column is read).
    const rfm = EDITORS.rfm.create('RFM');
    const config = { ...defaultConfig(), segmentTypes: [...defaultConfig().segmentTypes, rfm] };
    await engine.ask({ type: 'prepare', config, withPrevious: false, extras: [] });
    const { preview } = await engine.ask({ type: 'classify', segmentType: rfm });
    const whole = segment(table, config);
    expect(preview.rfmGrid).toEqual(whole.types[2].rfmGrid);
    // 5 x 5 and every one of the 793 customers (all bought in the window) in one cell
    expect(preview.rfmGrid!.map((r) => r.length)).toEqual([5, 5, 5, 5, 5]);
    expect(preview.rfmGrid!.flat().reduce((a, b) => a + b, 0)).toBe(793);
    const abc = await engine.ask({ type: 'classify', segmentType: config.segmentTypes[0] });
    expect(abc.preview.rfmGrid).toBeUndefined();
  });

  it('lists a column\'s values for the filters, and says which days a window counted', async () => {
    const engine = sessionOnSample();
    const table = tableOf(superstoreGrid());
    await sendSource(engine, table);
    const { values } = await engine.ask({ type: 'columnValues', column: 'region', limit: 500 });
    expect(values).toEqual({ values: ['Central', 'East', 'South', 'West'], distinct: 4 });
    expect((await engine.ask({ type: 'columnValues', column: 'Country/Region', limit: 500 })).values).toBeUndefined();

    const all = await engine.ask({ type: 'prepare', config: defaultConfig(), withPrevious: false, extras: [] });
    expect(all.prepared.window).toBeUndefined();
    // The sample's last order is dated 2017-12-30: twelve months ending then start on 2016-12-31 (SEMANTICS.md section 2).
    expect(all.prepared.latestSale).toBe('2017-12-30');
    const config = { ...defaultConfig(), window: { kind: 'rolling' as const, months: 12 }, filters: [{ column: 'Region', in: ['West'] }] };
    const { prepared } = await engine.ask({ type: 'prepare', config, withPrevious: false, extras: [] });
    expect(prepared.window).toEqual({ start: '2016-12-31', end: '2017-12-30' });
    const west = table.rows.filter((r) => r[table.header.indexOf('Region')] === 'West').length;
    expect(prepared.filteredRows).toBe(9994 - west);
    const { preview } = await engine.ask({ type: 'classify', segmentType: config.segmentTypes[0] });
    expect(preview.rows).toEqual(segment(table, config).types[0].summary);
  });

  it('answers a request it cannot serve with an error, not a crash', async () => {
    const engine = new InProcessClient();
    await expect(engine.ask({ type: 'classify', segmentType: defaultConfig().segmentTypes[0] })).rejects.toThrow('the data is not prepared yet');
  });

  it('plans the workbook with the snapshot the pane compares the data with', async () => {
    const engine = sessionOnSample();
    const table = tableOf(superstoreGrid());
    await sendSource(engine, table);
    const config = defaultConfig();
    const { prepared } = await engine.ask({ type: 'prepare', config, withPrevious: false, extras: [] });
    const { planned } = await engine.ask({ type: 'plan', config, withPrevious: false, extras: [], time: '2026-01-01T00:00:00.000Z', configText: '{}', segmentColumnTypes: [] });
    expect(planned.customers).toBe(793);
    expect(planned.snapshot.dataFingerprint).toBe(prepared.dataFingerprint);
    expect(planned.plan.sheets.map((s) => s.name)).toEqual(['Customer Tiers', 'Segment Summary', 'Tierwise History']);
  });
});

describe('the second ranges (answers, visits) reach the engine', () => {
  const grid = superstoreGrid();
  const sales = tableOf(grid);
  const customerCol = grid[0].indexOf('Customer ID');
  const dateCol = grid[0].indexOf('Order Date');
  const ids = [...new Set(sales.rows.map((r) => r[customerCol] as string))].sort();

  it('profiles: the preview equals a whole run with the answers range, prospects included', async () => {
    // The first 40 customers (sorted) answer the newsletter question, every fourth one Yes
    // (indexes 0, 4, ..., 36: 10 customers); two prospects who never bought answer too, one Yes.
    const rows: Cell[][] = ids.slice(0, 40).map((id, i) => [id, i % 4 === 0 ? 'Yes' : 'No']);
    rows.push(['PROSPECT-1', 'Yes'], ['PROSPECT-2', 'No']);
    const answers = tableFrom(['Customer ID', 'Newsletter'], rows, 'Answers');
    const config = configOf({ segmentTypes: [{ name: 'Profile', kind: 'profiles', profiles: [{ name: 'Subscribers', include: { Newsletter: ['Yes'] } }] }] });

    const engine = sessionOnSample();
    await sendSource(engine, sales);
    await sendSource(engine, answers, undefined, 'answers');
    const { prepared } = await engine.ask({ type: 'prepare', config, withPrevious: false, extras: ['answers'] });
    // 793 buyers + the 2 prospects the answers range adds.
    expect(prepared.customerCount).toBe(795);
    const { preview } = await engine.ask({ type: 'classify', segmentType: config.segmentTypes[0] });
    const whole = segment(sales, config, undefined, { answers });
    expect(preview.rows).toEqual(whole.types[0].summary);
    // 10 buyers + PROSPECT-1.
    expect(preview.rows.find((r) => r.segment === 'Subscribers')?.customers).toBe(11);

    // Sent but not chosen (the pane's "None"): ignored, and the question is then missing from the sales range.
    const without = await engine.ask({ type: 'prepare', config, withPrevious: false, extras: [] });
    expect(without.prepared.customerCount).toBe(793);
    const bare = await engine.ask({ type: 'classify', segmentType: config.segmentTypes[0] });
    expect(bare.preview.rows).toEqual(segment(sales, config).types[0].summary);
    expect(bare.preview.issues.some((i) => i.severity === 'error' && i.message.includes('Newsletter'))).toBe(true);
  });

  it('visits: the preview shows the same compliance as a whole run, and Apply plans the visit columns', async () => {
    // Every order day counts as a visit, except for customers whose id starts with A (never visited).
    const visitRows = sales.rows.filter((r) => !(r[customerCol] as string).startsWith('A')).map((r) => [r[customerCol], r[dateCol]]);
    const visits = tableFrom(['Customer ID', 'Visit date'], visitRows, 'Visits');
    const abc = { ...ABC_80_15_5, segments: [{ name: 'A', share: 80, visitEveryDays: 90 }, { name: 'B', share: 15, visitEveryDays: 180 }, { name: 'C', share: 5 }] };
    const config = configOf({ segmentTypes: [abc] });

    const engine = sessionOnSample();
    await sendSource(engine, sales);
    await sendSource(engine, visits, undefined, 'visits');
    expect(visits.rows.length).toBeGreaterThan(ROW_CHUNK); // in several chunks, like the sales
    await engine.ask({ type: 'prepare', config, withPrevious: false, extras: ['visits'] });
    const { preview } = await engine.ask({ type: 'classify', segmentType: config.segmentTypes[0] });
    const whole = segment(sales, config, undefined, { visits });
    expect(preview.visitCompliance).toEqual(whole.types[0].visitCompliance);
    expect(preview.visitCompliance!.map((c) => c.segment)).toEqual(['A', 'B']);
    // Customers starting with A were never visited, so they are never compliant: at most the others are.
    const t = whole.types[0];
    const neverVisited = (segment: string) => whole.customers.ids.filter((id, c) => id.startsWith('A') && t.segments[t.final[c]]?.name === segment).length;
    expect(neverVisited('A') + neverVisited('B')).toBeGreaterThan(0);
    for (const c of preview.visitCompliance!) expect(c.visitedInTime).toBeLessThanOrEqual(c.customers - neverVisited(c.segment));

    const time = '2026-01-01T00:00:00.000Z';
    const { planned } = await engine.ask({ type: 'plan', config, withPrevious: false, extras: ['visits'], time, configText: '{}', segmentColumnTypes: [] });
    const plan = await receivePlan(engine, planned);
    const p = prepare(sales, config, undefined, { visits });
    const result = resultOf(p, config.segmentTypes.map((t) => classifyType(p, t)));
    expect(plan).toEqual(planWorkbook({ result, snapshot: takeSnapshot(result, p.ingested.lines, time), source: sales, segmentColumnTypes: [], configText: '{}' }));
    expect(JSON.stringify(plan.sheets[0])).toContain('Sales ABC (overdue days)');

    // Without the visits range chosen: no compliance.
    await engine.ask({ type: 'prepare', config, withPrevious: false, extras: [] });
    expect((await engine.ask({ type: 'classify', segmentType: config.segmentTypes[0] })).preview.visitCompliance).toBeUndefined();
  });

  it('a second range chosen but never sent is an error answer, not a crash', async () => {
    const engine = sessionOnSample();
    await sendSource(engine, sales);
    await expect(engine.ask({ type: 'prepare', config: defaultConfig(), withPrevious: false, extras: ['visits'] })).rejects.toThrow('the visits range was not sent');
  });
});

describe('large plans and histories travel in chunks', () => {
  it('a plan with more rows than a chunk arrives whole and equal to the one planned directly', async () => {
    const engine = new InProcessClient();
    await engine.ask({ type: 'synthesize', lines: 14_000, customers: 7_000 });
    const config = defaultConfig();
    const time = '2026-01-01T00:00:00.000Z';
    const { planned } = await engine.ask({ type: 'plan', config, withPrevious: false, extras: [], time, configText: '{}', segmentColumnTypes: ['Sales ABC'] });
    // Tiers (7,001 rows), history (7,005) and the column beside 14,000 source rows exceed one chunk.
    expect(planned.parts.map((p) => [p.kind, p.rows])).toEqual([
      ['block', 7_001],
      ['block', 7_005],
      ['column', 14_000],
    ]);
    expect(planned.parts.every((p) => p.rows > PLAN_CHUNK)).toBe(true);
    const plan = await receivePlan(engine, planned);

    const table = syntheticTable(14_000, 7_000);
    const p = prepare(table, config);
    const result = resultOf(p, config.segmentTypes.map((t) => classifyType(p, t)));
    const direct = planWorkbook({ result, snapshot: takeSnapshot(result, p.ingested.lines, time), source: table, segmentColumnTypes: ['Sales ABC'], configText: '{}' });
    expect(plan).toEqual(direct);
  });

  it('after a run, the preview says how customers would move, the same matrix Apply writes, on every drag', async () => {
    const engine = sessionOnSample();
    const table = tableOf(superstoreGrid());
    await sendSource(engine, table);
    const config = defaultConfig();
    // The last run: the sample at 80/15/5, plus one customer who is gone since.
    const first = segment(table, config);
    const lastRun = takeSnapshot(first, prepare(table, config).ingested.lines, '2026-01-31T09:00:00.000Z');
    lastRun.segments['Sales ABC']['GONE-1'] = 'B';
    const previous: PreviousRun = { snapshots: [lastRun], overrides: {} };
    await sendPrevious(engine, previous);
    await engine.ask({ type: 'prepare', config, withPrevious: true, extras: [] });
    for (const at of [80, 70, 60]) {
      const abc = moveThreshold(config.segmentTypes[0] as AbcType, 0, at);
      const { preview } = await engine.ask({ type: 'classify', segmentType: abc });
      const p = prepare(table, { ...config, segmentTypes: [abc, config.segmentTypes[1]] }, previousSegments(previous));
      const expected = migration(lastRun, classifyType(p, abc), p.customers.ids);
      expect(preview.migration).toEqual({ ...expected, since: '2026-01-31T09:00:00.000Z' });
      // At 80 nobody moves but the customer who is gone; lower A lines move customers from A to B.
      if (at === 80) expect(preview.migration!.moved).toBe(1);
      else expect(preview.migration!.moved).toBeGreaterThan(1);
    }
    // Prepared without the history, or for a type the last run did not have: no migration.
    await engine.ask({ type: 'prepare', config, withPrevious: false, extras: [] });
    expect((await engine.ask({ type: 'classify', segmentType: config.segmentTypes[0] })).preview.migration).toBeUndefined();
    await engine.ask({ type: 'prepare', config, withPrevious: true, extras: [] });
    const renamed = { ...config.segmentTypes[0], name: 'Sales ABC 2' } as AbcType;
    expect((await engine.ask({ type: 'classify', segmentType: renamed })).preview.migration).toBeUndefined();
  });

  // A history written before Tierwise kept each run's thresholds has segments only: which moves the new
  // shares made is told from the configuration the workbook saved with that run, as the command line does.
  it('explains moves against a history without thresholds from the configuration saved with it', async () => {
    const engine = new InProcessClient();
    const table = tableOf(superstoreGrid());
    await sendSource(engine, table);
    const before = defaultConfig();
    const { facts, ...lastRun } = takeSnapshot(segment(table, before), prepare(table, before).ingested.lines, '2026-01-31T09:00:00.000Z');
    expect(facts).toBeDefined();
    await sendPrevious(engine, { snapshots: [lastRun], overrides: {} });
    const after = { ...before, segmentTypes: [moveThreshold(before.segmentTypes[0] as AbcType, 0, 70), ...before.segmentTypes.slice(1)] };
    const thresholdMoves = async (previousConfig?: typeof before) => {
      const { planned } = await engine.ask({ type: 'plan', config: after, withPrevious: true, extras: [], time: '2026-02-28T09:00:00.000Z', configText: '{}', segmentColumnTypes: [], previousConfig });
      const abc = planned.moved?.find((t) => t.typeName === 'Sales ABC');
      expect(abc?.moved).toBeGreaterThan(0);
      return abc!.causes.filter((c) => c.cause.startsWith('Thresholds changed')).reduce((n, c) => n + c.customers, 0);
    };
    const told = await thresholdMoves(before);
    expect(told).toBeGreaterThan(0);
    expect(await thresholdMoves()).toBe(0);
    // Another configuration than the one that run had (its hash differs) is not trusted.
    expect(await thresholdMoves({ ...before, segmentTypes: before.segmentTypes.slice(0, 1) })).toBe(0);
  });

  it('the history reaches the engine: customers known only from the last run are listed again', async () => {
    const engine = sessionOnSample();
    await sendSource(engine, tableOf(superstoreGrid()));
    // 6,000 customers that are not in the data, in one run: more than a chunk.
    const gone = Object.fromEntries(Array.from({ length: 6_000 }, (_, i) => [`GONE-${i}`, 'A']));
    const previous: PreviousRun = { snapshots: [{ time: 't', configHash: 'h', dataFingerprint: 'f', segments: { 'Sales ABC': gone } }], overrides: {} };
    expect(await sendPrevious(engine, previous)).toBe(true);
    const withIt = await engine.ask({ type: 'prepare', config: defaultConfig(), withPrevious: true, extras: [] });
    const without = await engine.ask({ type: 'prepare', config: defaultConfig(), withPrevious: false, extras: [] });
    // 793 customers in the data + 6,000 from the history.
    expect([withIt.prepared.customerCount, without.prepared.customerCount]).toEqual([6_793, 793]);
    expect(await sendPrevious(engine, undefined)).toBe(false);
  });
});
