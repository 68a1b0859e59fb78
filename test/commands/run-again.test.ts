// The ribbon's Run again against the Excel simulator: the saved configuration on the saved ranges,
// through the office host and the engine session the pane's worker runs, writing Tierwise's sheets.
import type { Cell } from '../../src/engine/types';
import { outcomeMessage, runAgain, type RunAgainOutcome } from '../../src/commands/run-again';
import { SETTINGS_CONFIG, SETTINGS_OWNED, parseOwned } from '../../src/plan/owned';
import { InProcessClient } from '../../src/taskpane/worker/client';
import { excel, snapshotOf, sheetWith, valuesOf } from '../hosts/office/helpers';
import type { SimExcel } from '../support/excel-sim';
import { ABC_80_15_5 } from '../support/tables';

// Five customers, sales worked out by hand: 500 + 300 + 100 + 60 + 40 = 1,000. With 80/15/5 a customer
// is in A while those ahead hold less than 80 %: C1 (0 %) and C2 (50 %) are A; C3 (80 %) and C4 (90 %)
// are B; C5 (96 %) is C.
const HEADER: Cell[] = ['Order Date', 'Customer ID', 'Customer Name', 'Sales', 'Profit'];
const LINES: Cell[][] = [
  [43101, 'C1', 'Ada', 300, 30],
  [43102, 'C2', 'Ben', 300, 20],
  [43103, 'C1', 'Ada', 200, 10],
  [43104, 'C3', 'Cy', 100, 5],
  [43105, 'C4', 'Di', 60, 4],
  [43106, 'C5', 'Ed', 40, -2],
];
const EXPECTED: Record<string, string> = { C1: 'A', C2: 'A', C3: 'B', C4: 'B', C5: 'C' };

const CONFIG = {
  version: 1,
  segmentTypes: [ABC_80_15_5],
  ranges: { sales: { table: 'Orders' } },
};
const NOW = '2026-12-05T20:00:00.000Z';

function workbook(config: unknown): { sim: SimExcel; host: ReturnType<typeof excel>['host'] } {
  const x = excel();
  sheetWith(x.sim, 'Sales', [HEADER, ...LINES]);
  x.sim.model.addTable(x.sim.model.findSheet('Sales')!, { r0: 0, c0: 0, rows: LINES.length + 1, cols: HEADER.length }, 'Orders');
  if (config !== undefined) x.sim.model.settings.set(SETTINGS_CONFIG, typeof config === 'string' ? config : JSON.stringify(config));
  x.host.retryDelays = [];
  return x;
}

/** Customer id -> the final segment in the Customer Tiers sheet. */
function tiers(sim: SimExcel, type = 'Sales ABC'): Record<string, string> {
  const values = valuesOf(sim.model.findSheet('Customer Tiers')!);
  const id = values[0].indexOf('Customer');
  const seg = values[0].indexOf(type);
  return Object.fromEntries(values.slice(1).map((r) => [String(r[id]), String(r[seg])]));
}

const run = (host: ReturnType<typeof excel>['host']) => runAgain(host, new InProcessClient(), { now: NOW });

describe('Run again', () => {
  it('runs the saved configuration on the saved table and writes the tiers, the summary and the history', async () => {
    const { sim, host } = workbook(CONFIG);
    const outcome = await run(host);
    expect(outcome).toMatchObject({ kind: 'done', customers: 5, source: { kind: 'table', name: 'Orders' } });
    expect(tiers(sim)).toEqual(EXPECTED);
    expect(sim.model.findSheet('Segment Summary')).toBeDefined();
    expect(sim.model.findSheet('Tierwise History')!.visibility).toBe('Hidden');
    // The configuration is saved again with its ranges, for the next Run again.
    expect(JSON.parse(String(sim.model.settings.get(SETTINGS_CONFIG))).ranges).toEqual({ sales: { table: 'Orders' } });
    const message = outcomeMessage(outcome);
    expect(message).toMatchObject({ title: 'Tiers updated', openPane: false, problem: false });
    expect(message.lines[0]).toMatch(/^5 customers from table "Orders"\. Written: .*Customer Tiers/);
    // The first run has nothing to compare with.
    expect(message.lines).toHaveLength(1);
  });

  it('on changed data, a second run follows the data, keeps overrides typed into the Manual column, and adds to the history', async () => {
    const { sim, host } = workbook(CONFIG);
    await run(host);
    // C5 buys 460 more.
    const sales = sim.model.findSheet('Sales')!;
    sales.writeRaw(6, 3, 500);
    // Totals: C1 500, C5 500, C2 300, C3 100, C4 60 = 1,460. Ahead shares: C1 and C5 tie (same total, same
    // tier) at 0 %, C2 68.5 % (A), C3 89.0 % (B), C4 95.9 % (C).
    const first = valuesOf(sim.model.findSheet('Customer Tiers')!);
    const manual = first[0].indexOf('Sales ABC (manual)');
    const id = first[0].indexOf('Customer');
    expect(manual).toBeGreaterThan(-1);
    const c3row = first.findIndex((r) => r[id] === 'C3');
    sim.model.findSheet('Customer Tiers')!.writeRaw(c3row, manual, 'A');
    const outcome = await run(host);
    expect(outcome.kind).toBe('done');
    expect(tiers(sim)).toEqual({ C1: 'A', C5: 'A', C2: 'A', C3: 'A', C4: 'C' });
    const again = valuesOf(sim.model.findSheet('Customer Tiers')!);
    expect(again.find((r) => r[id] === 'C3')![again[0].indexOf('Sales ABC (auto)')]).toBe('B');
    // Two runs in the hidden history.
    expect((await host.readPrevious())!.snapshots.length).toBe(2);
    // What changed, by cause. Before: C1 500, C2 300, C3 100, C4 60, C5 40 (1,000): ahead C1 0 (A), C2 50 %
    // (A), C3 80 % (B), C4 90 % (B), C5 96 % (C). Now C5 moves C -> A and C4 B -> C (95.9 % ahead, its own
    // sales unchanged): both by their own figures; C3 B -> A by the override.
    expect(outcomeMessage(outcome).lines[1]).toBe('Sales ABC: 3 customers changed segment since the last run. Own figures changed (sales): 2, Manual overrides: 1.');
  });

  it('writes again the segment columns the last run wrote beside the data', async () => {
    const { sim, host } = workbook(CONFIG);
    // A pane Apply with the segment column (tested in test/hosts/office): then Run again on changed data.
    const { runTierwise } = await import('../support/pipeline');
    await runTierwise(host, { kind: 'table', name: 'Orders' }, { configText: JSON.stringify(CONFIG), segmentColumns: ['Sales ABC'] });
    const sales = sim.model.findSheet('Sales')!;
    expect(sales.value(0, HEADER.length)).toBe('Sales ABC (Tierwise)');
    sales.writeRaw(6, 3, 500);
    const outcome = await run(host);
    expect(outcome.kind).toBe('done');
    const column = LINES.map((_, r) => sales.value(r + 1, HEADER.length));
    expect(column).toEqual(['A', 'A', 'A', 'B', 'C', 'A']);
    expect(parseOwned(sim.model.settings.get(SETTINGS_OWNED)).sourceColumns?.headers).toEqual(['Sales ABC (Tierwise)']);
  });

  it('without a saved configuration changes nothing and sends the user to the pane', async () => {
    const { sim, host } = workbook(undefined); /* nothing saved */
    const before = snapshotOf(sim);
    const outcome = await run(host);
    expect(outcome).toEqual({ kind: 'no-config' });
    expect(snapshotOf(sim)).toBe(before);
    expect(sim.model.settings.has(SETTINGS_CONFIG)).toBe(false);
    expect(outcomeMessage(outcome)).toMatchObject({ openPane: true, title: 'Nothing to run again yet' });
  });

  it('with an invalid or newer configuration changes nothing, keeps the text, and lists every problem', async () => {
    for (const text of [
      JSON.stringify({
        ...CONFIG,
        segmentTypes: [{ ...ABC_80_15_5, segments: ABC_80_15_5.segments.slice(0, 2) }],
      }),
      JSON.stringify({ ...CONFIG, version: 99 }),
      '{ not json',
    ]) {
      const { sim, host } = workbook(text);
      const before = snapshotOf(sim);
      const outcome = await run(host);
      expect(outcome.kind).toBe('invalid-config');
      expect((outcome as Extract<RunAgainOutcome, { kind: 'invalid-config' }>).issues.length).toBeGreaterThan(0);
      expect(snapshotOf(sim)).toBe(before);
      expect(sim.model.settings.get(SETTINGS_CONFIG)).toBe(text);
      const message = outcomeMessage(outcome);
      expect(message).toMatchObject({ openPane: true, problem: true });
      expect(message.lines.at(-1)).toContain('Nothing was changed');
    }
  });

  it('when the saved table is gone, or none was saved, changes nothing and asks for the data in the pane', async () => {
    const renamed = workbook({ ...CONFIG, ranges: { sales: { table: 'OldOrders' } } });
    const before = snapshotOf(renamed.sim);
    const gone = await run(renamed.host);
    expect(gone).toEqual({ kind: 'no-range', message: 'The sales data last used, table "OldOrders", is not in the workbook any more.' });
    expect(snapshotOf(renamed.sim)).toBe(before);
    const { ranges: _none, ...withoutRanges } = CONFIG;
    const none = await run(workbook(withoutRanges).host);
    expect(none.kind).toBe('no-range');
    expect(outcomeMessage(none).openPane).toBe(true);
  });

  it('a saved range that cannot be read is reported with its address, and nothing is written', async () => {
    const { sim, host } = workbook({ ...CONFIG, ranges: { sales: { sheet: 'Empty' } } });
    sim.model.addSheet('Empty');
    const before = snapshotOf(sim);
    const outcome = await run(host);
    expect(outcome.kind).toBe('source-problem');
    expect(outcomeMessage(outcome).lines[0]).toContain('Empty!A1');
    expect(snapshotOf(sim)).toBe(before);
  });

  it("a configuration the data cannot satisfy fails with the engine's reason and writes nothing", async () => {
    const { sim, host } = workbook({ ...CONFIG, columns: { amount: 'Revenue' } });
    const before = snapshotOf(sim);
    const outcome = await run(host);
    expect(outcome.kind).toBe('failed');
    expect(outcomeMessage(outcome).lines[0]).toContain('Revenue');
    expect(outcomeMessage(outcome).lines[0]).toContain('Your data was not changed');
    expect(snapshotOf(sim)).toBe(before);
  });

  it('a long list of problems is cut to a few lines, with the rest counted', () => {
    const issues = Array.from({ length: 30 }, (_, i) => ({ severity: 'error' as const, where: `x${i}`, message: 'bad' }));
    const lines = outcomeMessage({ kind: 'invalid-config', issues }).lines;
    expect(lines.length).toBe(8);
    expect(lines.at(-1)).toBe('... and 24 more (open Tierwise to see them all).');
  });

  it('after a run in which nobody moved, says so in one line; a type the last run lacked is not compared', () => {
    const done = (moved?: { typeName: string; moved: number; causes: { cause: string; customers: number }[] }[]) =>
      outcomeMessage({
        kind: 'done',
        report: { written: ['Customer Tiers: 6 rows'], renamed: [], issues: [], complete: true },
        customers: 5,
        source: { kind: 'table', name: 'Orders' },
        warnings: [],
        moved,
      }).lines.slice(1);
    expect(
      done([
        { typeName: 'Sales ABC', moved: 0, causes: [] },
        { typeName: 'Profit band', moved: 0, causes: [] },
      ]),
    ).toEqual(['Since the last run, no customer changed segment.']);
    expect(done([])).toEqual([]);
    expect(done(undefined)).toEqual([]);
    expect(
      done([
        { typeName: 'Sales ABC', moved: 0, causes: [] },
        { typeName: 'Profit band', moved: 1200, causes: [{ cause: 'New customers', customers: 1200 }] },
      ]),
    ).toEqual(['Profit band: 1,200 customers changed segment since the last run. New customers: 1,200.']);
  });
});
