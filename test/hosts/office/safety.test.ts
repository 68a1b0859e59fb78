// The office host's safety rules, each on a small hand-made sheet through the simulator.
//
// The sheet: C1 sells 800, C2 150, C3 50 (C4 0). Total 1,000; by sales C1 holds 80%, C1+C2 95%,
// C1+C2+C3 100%: with the default ABC 80/15/5, C1 is A, C2 is B, C3 is C.
import { defaultConfig } from '../../../src/engine/config';
import { segment } from '../../../src/engine/run';
import type { Cell, SourceTable } from '../../../src/engine/types';
import type { WorkbookPlan } from '../../../src/plan/plan';
import { planWorkbook } from '../../../src/plan/planner';
import { OfficeHost } from '../../../src/hosts/office/host';
import { parseOwned, SETTINGS_CONFIG, SETTINGS_OWNED } from '../../../src/plan/owned';
import { defaultConfigText, loadStoredConfig } from '../../../src/plan/stored-config';
import { SourceProblem } from '../../../src/plan/source-check';
import { SimRichApiError } from '../../support/excel-sim';
import { bigSheet } from '../../support/big-sheet';
import { runTierwise } from '../../support/pipeline';
import { excel, formulasIn, sheetWith, snapshotOf, valuesOf } from './helpers';

const SALES: Cell[][] = [
  ['Customer ID', 'Customer Name', 'Sales', 'Profit'],
  ['C1', '=HYPERLINK("http://x","y")', 800, 100],
  ['C2', '+1', 150, -20],
  ['C3', '-cmd', 50, 5],
  ['C4', '@SUM(A1)', 0, 0],
];
const SHEET = { kind: 'sheet', name: 'Sales' } as const;

/** A plan for a source as read (no history): for tests that change the workbook between read and apply. */
function planFor(source: SourceTable): WorkbookPlan {
  const result = segment(source, defaultConfig());
  const snapshot = { time: 't', configHash: 'h', dataFingerprint: 'f', segments: {} };
  return planWorkbook({ result, snapshot, source, segmentColumnTypes: ['Sales ABC'], configText: '{}' });
}

function salesBook(options = {}) {
  const x = excel(options);
  sheetWith(x.sim, 'Sales', SALES);
  return x;
}

const column = (sim: ReturnType<typeof excel>['sim'], sheet: string, header: string): (string | number | boolean)[] => {
  const values = valuesOf(sim.model.findSheet(sheet)!);
  const c = values[0].indexOf(header);
  return values.slice(1).map((r) => r[c]);
};

describe('office host safety', () => {
  it('writes text as text: names and segment names that look like formulas stay those characters', async () => {
    const { sim, host } = salesBook();
    const config = JSON.parse(defaultConfigText());
    config.segmentTypes[0].segments = [{ name: '=A', share: 80 }, { name: '+B', share: 15 }, { name: '-C', share: 5 }];
    const { report } = await runTierwise(host, SHEET, { configText: JSON.stringify(config) });
    expect(report.complete).toBe(true);
    expect(column(sim, 'Customer Tiers', 'Customer name')).toEqual(['=HYPERLINK("http://x","y")', '+1', '-cmd', '@SUM(A1)']);
    expect(column(sim, 'Customer Tiers', 'Sales ABC').slice(0, 3)).toEqual(['=A', '+B', '-C']);
    expect(column(sim, 'Sales', 'Sales ABC (Tierwise)').slice(0, 3)).toEqual(['=A', '+B', '-C']);
    for (const s of sim.model.sheets) expect(formulasIn(s)).toEqual([]);
  });

  it('stops, changing nothing at all, when a target cell beside the source holds the user\'s data', async () => {
    const { sim, host } = salesBook();
    const plan = planFor(await host.readSource(SHEET));
    sim.model.findSheet('Sales')!.writeRaw(2, 4, 'my note'); // E3, typed after the read, where the column would go
    const before = snapshotOf(sim);
    const settingsBefore = JSON.stringify([...sim.model.settings]);
    const report = await host.apply(plan);
    expect(report.complete).toBe(false);
    expect(report.issues).toEqual([expect.objectContaining({ severity: 'error', where: 'Sales!E3', value: 'my note' })]);
    expect(report.issues[0].message).toMatch(/did not write: nothing was changed/);
    expect(snapshotOf(sim)).toBe(before);
    expect(JSON.stringify([...sim.model.settings])).toBe(settingsBefore);
  });

  it('stops before writing when the source sheet is protected and columns would go beside it; writes the rest without them', async () => {
    const { sim, host } = salesBook();
    const plan = planFor(await host.readSource(SHEET));
    sim.model.findSheet('Sales')!.protected = true;
    const before = snapshotOf(sim);
    const report = await host.apply(plan);
    expect(report.complete).toBe(false);
    expect(report.issues).toEqual([expect.objectContaining({ severity: 'error', where: 'Sales', message: expect.stringMatching(/^the sheet Sales is protected, so Tierwise cannot write its segment columns beside the lines: nothing was changed/) })]);
    expect(snapshotOf(sim)).toBe(before);
    // Without segment columns the protected source is only read: the tiers and the summary are written.
    const tiersOnly = await runTierwise(host, SHEET, { segmentColumns: [] });
    expect(tiersOnly.report.complete).toBe(true);
    expect(valuesOf(sim.model.findSheet('Customer Tiers')!).length).toBe(5);
  });

  it("stops before writing when the workbook's structure is protected (ExcelApi 1.7), and says how to unprotect it", async () => {
    const { sim, host } = salesBook();
    sim.model.structureProtected = true;
    const before = snapshotOf(sim);
    const { report } = await runTierwise(host, SHEET);
    expect(report.complete).toBe(false);
    expect(report.issues).toEqual([expect.objectContaining({ severity: 'error', message: expect.stringMatching(/^the workbook's structure is protected, so Tierwise cannot add or replace its sheets: nothing was changed/) })]);
    expect(snapshotOf(sim)).toBe(before);
    // Before 1.7 Excel cannot be asked: the first sheet Tierwise adds is refused, and nothing of the user's changes.
    const old = salesBook({ excelApi: 6 });
    old.sim.model.structureProtected = true;
    const oldBefore = snapshotOf(old.sim);
    const refused = await runTierwise(old.host, SHEET);
    expect(refused.report.complete).toBe(false);
    expect(refused.report.issues[0].message).toMatch(/Excel stopped the run/);
    expect(snapshotOf(old.sim)).toBe(oldBefore);
  });

  it('notices rows added to the source between reading and writing, and writes nothing', async () => {
    const { sim, host } = salesBook();
    const plan = planFor(await host.readSource(SHEET));
    sheetWith(sim, 'Sales', [['C5', 'late', 10, 1]], 5); // a row added under the data
    const before = snapshotOf(sim);
    const report = await host.apply(plan);
    expect(report.complete).toBe(false);
    expect(report.issues[0]).toMatchObject({ severity: 'error', where: 'Sales!A1:D6' });
    expect(report.issues[0].message).toMatch(/the source changed since it was read \(5 rows now, 4 then/);
    expect(snapshotOf(sim)).toBe(before);
  });

  it('never takes the name of a user\'s sheet, and finds its own sheet again on the next run', async () => {
    const { sim, host } = salesBook();
    sheetWith(sim, 'Customer Tiers', [['my own tiers'], ['keep me']]);
    const mine = JSON.stringify(valuesOf(sim.model.findSheet('Customer Tiers')!));
    const first = await runTierwise(host, SHEET);
    expect(first.report.renamed).toEqual([{ wanted: 'Customer Tiers', used: 'Customer Tiers (2)' }]);
    const second = await runTierwise(host, SHEET, { time: '2026-02-01T00:00:00Z' });
    expect(second.report.complete).toBe(true);
    expect(sim.model.sheets.map((s) => s.name)).toEqual(['Sales', 'Customer Tiers', 'Customer Tiers (2)', 'Segment Summary', 'Tierwise History']);
    expect(JSON.stringify(valuesOf(sim.model.findSheet('Customer Tiers')!))).toBe(mine);
    expect(column(sim, 'Customer Tiers (2)', 'Sales ABC')).toEqual(['A', 'B', 'C', 'C']);
    // the second run compared with the first: the migration matrix is there
    expect(JSON.stringify(valuesOf(sim.model.findSheet('Segment Summary')!))).toMatch(/Migration since 2026-01-01 \d\d:\d\d UTC: \d+ customers? changed segment/);
  });

  it('rewrites its own segment column in place on the next run, and leaves a column the user took over alone', async () => {
    const { sim, host } = salesBook();
    await runTierwise(host, SHEET);
    expect(column(sim, 'Sales', 'Sales ABC (Tierwise)')).toEqual(['A', 'B', 'C', 'C']);
    const again = await runTierwise(host, SHEET, { time: '2026-02-01T00:00:00Z' });
    expect(again.table.header).toEqual(SALES[0]); // its own column is not read as data
    expect(valuesOf(sim.model.findSheet('Sales')!)[0]).toEqual([...SALES[0], 'Sales ABC (Tierwise)']);
    // the user renames the header of that column: it is theirs now, Tierwise writes beside it
    sim.model.findSheet('Sales')!.writeRaw(0, 4, 'My tiers');
    const third = await runTierwise(host, SHEET, { time: '2026-03-01T00:00:00Z' });
    expect(third.report.complete).toBe(true);
    const sales = valuesOf(sim.model.findSheet('Sales')!);
    expect(sales.map((r) => r[4])).toEqual(['My tiers', 'A', 'B', 'C', 'C']);
    expect(sales.map((r) => r[5])).toEqual(['Sales ABC (Tierwise)', 'A', 'B', 'C', 'C']);
    expect(parseOwned(sim.model.settings.get(SETTINGS_OWNED)).sourceColumns).toMatchObject({ column: 5, rowCount: 4 });
  });

  it('adds its column to a source table once, and rewrites it in place after', async () => {
    const { sim, host } = salesBook();
    sim.model.addTable(sim.model.findSheet('Sales')!, { r0: 0, c0: 0, rows: 5, cols: 4 }, 'Orders');
    const ref = { kind: 'table', name: 'Orders' } as const;
    await runTierwise(host, ref);
    await runTierwise(host, ref, { time: '2026-02-01T00:00:00Z' });
    expect(sim.model.findTable('Orders')!.rect).toEqual({ r0: 0, c0: 0, rows: 5, cols: 5 });
    expect(sim.model.columnNames(sim.model.findTable('Orders')!)).toEqual([...SALES[0], 'Sales ABC (Tierwise)']);
    expect(column(sim, 'Sales', 'Sales ABC (Tierwise)')).toEqual(['A', 'B', 'C', 'C']);
  });

  it('keeps manual overrides typed into the tiers table for the next run', async () => {
    const { sim, host } = salesBook();
    const config = JSON.parse(defaultConfigText());
    config.overrides = { 'Sales ABC': { C1: 'B' } };
    await runTierwise(host, SHEET, { configText: JSON.stringify(config) });
    const tiers = sim.model.findSheet('Customer Tiers')!;
    const header = valuesOf(tiers)[0];
    const manual = header.indexOf('Sales ABC (manual)');
    expect(tiers.dataValidations).toEqual([{ rect: { r0: 1, c0: manual, rows: 4, cols: 1 }, rule: { list: { inCellDropDown: true, source: 'A,B,C' } } }]);
    tiers.writeRaw(2, manual, 'A'); // the user picks A for C2 in the drop-down
    await runTierwise(host, SHEET, { time: '2026-02-01T00:00:00Z' }); // configuration from the workbook
    expect(column(sim, 'Customer Tiers', 'Sales ABC')).toEqual(['B', 'A', 'C', 'C']);
    expect(JSON.parse(String(sim.model.settings.get(SETTINGS_CONFIG))).overrides).toEqual({ 'Sales ABC': { C1: 'B', C2: 'A' } });
  });

  it('keeps an invalid or newer configuration from a shared workbook as it is, and applies none of it', async () => {
    const { sim, host } = salesBook();
    const newer = '{ "version": 2, "segmentTypes": [{ "kind": "quantum" }] }';
    const broken = '{"version":1,"segmentTypes":[{"name":"Sales ABC","kind":"abc","measure":"sales","segments":[{"name":"A","share":"eighty"}]}]}';
    for (const text of [newer, broken, '{ not json']) {
      sim.model.settings.set(SETTINGS_CONFIG, text);
      const before = snapshotOf(sim);
      const stored = await host.loadConfig();
      expect(stored).toEqual({ text });
      const loaded = loadStoredConfig(stored);
      expect(loaded.state).toBe('invalid');
      if (loaded.state === 'invalid') expect(loaded.issues.length).toBeGreaterThan(0);
      await expect(runTierwise(host, SHEET)).rejects.toThrow(/invalid configuration/);
      expect(sim.model.settings.get(SETTINGS_CONFIG)).toBe(text); // the original text is kept
      expect(snapshotOf(sim)).toBe(before);
    }
    await host.saveConfig(defaultConfigText()); // "Reset to defaults"
    expect(loadStoredConfig(await host.loadConfig()).state).toBe('ok');
  });

  it('reports engine issues at the real cell, wherever the range starts', async () => {
    const { sim, host } = excel();
    sheetWith(sim, 'Orders 2017', [['Customer ID', 'Sales', 'Profit'], ['C1', 10, 1], ['C2', 'lots', 1], ['C3', 5, 1]], 2, 1); // header at B3
    const { result } = await runTierwise(host, { kind: 'sheet', name: 'Orders 2017' }, { segmentColumns: [] });
    // 'lots' is the second data line: row 3 + 2 = 5, in column C
    expect(result.issues.map((i) => i.where)).toContain("'Orders 2017'!C5");
  });

  it('asks for a header row when the range starts with data', async () => {
    const { sim, host } = excel();
    sheetWith(sim, 'Raw', [['C1', 10], ['C2', 20]]);
    const err = await host.readSource({ kind: 'sheet', name: 'Raw' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SourceProblem);
    expect((err as SourceProblem).issues[0]).toMatchObject({ where: 'Raw!B1', value: 10 });
  });

  it('cancels a read between blocks, and an apply before the swap, leaving the workbook as it was', async () => {
    const { sim, host } = excel();
    bigSheet(sim, 'Orders', 60_000);
    const stop = new AbortController();
    const seen: number[] = [];
    const read = host.readSource({ kind: 'sheet', name: 'Orders' }, { signal: stop.signal, progress: (done) => (seen.push(done), stop.abort()) });
    await expect(read).rejects.toMatchObject({ name: 'AbortError' });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toBeLessThan(60_000);

    const before = snapshotOf(sim);
    const cancel = new AbortController();
    const { report } = await runTierwise(host, { kind: 'sheet', name: 'Orders' }, { apply: { signal: cancel.signal, progress: () => cancel.abort() } });
    expect(report.complete).toBe(false);
    expect(report.issues[0].message).toMatch(/^Cancelled\. Your own data was not changed; your previous Tierwise sheets are unchanged\. Not written: /);
    // the user's cells are as they were; only Tierwise's claimed column may hold part of its values
    const orders = sim.model.findSheet('Orders')!;
    expect(JSON.stringify(orders.readValues({ r0: 0, c0: 0, rows: 60_000, cols: 8 }))).toBe(JSON.stringify(JSON.parse(before)[0].cells.map((r: unknown[]) => r.slice(0, 8))));
    expect(sim.model.sheets.map((s) => s.name)).toEqual(['Orders']);
  });

  it('uses what this Excel supports: Pareto on 1.9, column + line on 1.8, plain columns and no fills on 1.4', async () => {
    const charts: Record<number, unknown> = {};
    for (const api of [9, 8, 4]) {
      const { sim, host } = salesBook({ excelApi: api });
      const { report } = await runTierwise(host, SHEET);
      expect(report.complete).toBe(true);
      const summary = sim.model.findSheet('Segment Summary')!;
      charts[api] = summary.charts.map((c) => [c.type, c.props.seriesTypes, c.props.seriesAxes]);
      if (api === 4) {
        expect(sim.model.findSheet('Customer Tiers')!.conditionalFormats).toEqual([]);
        expect(report.issues.map((i) => i.message)).toContainEqual(expect.stringMatching(/no conditional formatting for add-ins \(ExcelApi 1\.6\)/));
        expect(sim.stats.calculationSuspendedSyncs).toBe(0);
      } else {
        expect(sim.stats.calculationSuspendedSyncs).toBeGreaterThan(0);
        expect(sim.stats.eventsOffSyncs).toBeGreaterThan(0);
      }
      expect(sim.stats.screenSuspendedSyncs > 0).toBe(api >= 9);
      expect(sim.model.enableEvents).toBe(true);
    }
    expect(charts[9]).toEqual([['Pareto', ['Pareto'], ['Primary']], ['Pareto', ['Pareto'], ['Primary']]]);
    expect(charts[8]).toEqual([['ColumnClustered', ['ColumnClustered', 'Line'], ['Primary', 'Secondary']], ['ColumnClustered', ['ColumnClustered', 'Line'], ['Primary', 'Secondary']]]);
    expect(charts[4]).toEqual([['ColumnClustered', ['ColumnClustered'], ['Primary']], ['ColumnClustered', ['ColumnClustered'], ['Primary']]]);
  });
});

describe('problem addresses on the summary sheet', () => {
  // C2's sales unreadable (Sales!C3), C3's profit an error value (Sales!D4): two rows left out.
  const withProblems = (options = {}) => {
    const x = excel(options);
    sheetWith(x.sim, 'Sales', SALES.map((r, i) => (i === 2 ? [r[0], r[1], 'n/a', r[3]] : i === 3 ? [r[0], r[1], r[2], '#N/A'] : r)));
    return x;
  };
  const whereCells = (sim: ReturnType<typeof excel>['sim']) => {
    const summary = sim.model.findSheet('Segment Summary')!;
    const values = valuesOf(summary);
    const header = values.findIndex((r) => r[0] === 'Where');
    return { summary, rows: values.slice(header + 1).map((r, i) => ({ row: header + 1 + i, where: r[0] })) };
  };

  it('link to their cells where Excel has hyperlinks (ExcelApi 1.7); the cells keep their text', async () => {
    const { sim, host } = withProblems();
    const { report } = await runTierwise(host, SHEET);
    expect(report.complete).toBe(true);
    const { summary, rows } = whereCells(sim);
    expect(rows.map((r) => r.where)).toEqual(['Sales!C3', 'Sales!D4']);
    for (const r of rows) {
      expect(summary.hyperlinks.get(`${r.row},0`)).toEqual({ documentReference: r.where, screenTip: `Go to ${r.where}` });
      expect(summary.value(r.row, 0)).toBe(r.where);
    }
    expect(summary.hyperlinks.size).toBe(2);
  });

  it('stay text, with a note saying why, on an Excel without hyperlinks for add-ins (1.6)', async () => {
    const { sim, host } = withProblems({ excelApi: 6 });
    const { report } = await runTierwise(host, SHEET);
    expect(report.complete).toBe(true);
    expect(whereCells(sim).rows.map((r) => r.where)).toEqual(['Sales!C3', 'Sales!D4']);
    expect(whereCells(sim).summary.hyperlinks.size).toBe(0);
    expect(report.issues.map((i) => i.message)).toContainEqual(expect.stringMatching(/no hyperlinks for add-ins \(ExcelApi 1\.7\): the problem addresses are text/));
  });
});

/**
 * A host whose syncs fail as `fault` says, counting syncs from the first one of its apply (n = 1, 2, ...):
 * the reads before the apply always succeed.
 */
function failingDuringApply(sim: ReturnType<typeof excel>['sim'], fault: (n: number) => Error | { error: Error; after: number } | undefined): OfficeHost {
  let applying = false;
  let n = 0;
  sim.options.inject = () => (applying ? fault(++n) : undefined);
  const host = new OfficeHost(sim.run, sim.isSetSupported);
  const realApply = host.apply.bind(host);
  host.apply = (plan, options) => {
    applying = true;
    return realApply(plan, options);
  };
  return host;
}

describe('office host: a failure in the middle of a plan', () => {
  /** The syncs an apply makes on this workbook (after one complete run), counted on a twin. */
  async function applySyncs(): Promise<number> {
    const { sim, host } = salesBook();
    await runTierwise(host, SHEET);
    let count = 0;
    const counting = new OfficeHost(sim.run, sim.isSetSupported);
    const realApply = counting.apply.bind(counting);
    counting.apply = async (plan, options) => {
      const before = sim.stats.syncs;
      const report = await realApply(plan, options);
      count = sim.stats.syncs - before;
      return report;
    };
    const { report } = await runTierwise(counting, SHEET, { time: '2026-02-01T00:00:00Z' });
    expect(report.complete).toBe(true);
    return count;
  }

  it('at every sync of the apply: the user\'s data and the previous Tierwise sheets stay as they were; the next run repairs', async () => {
    const total = await applySyncs();
    expect(total).toBeGreaterThan(5);
    let coreSyncs = 0;
    let decorationSyncs = 0;
    for (let k = 1; k <= total; k++) {
      const { sim, host } = salesBook();
      await runTierwise(host, SHEET);
      const userBefore = JSON.stringify(valuesOf(sim.model.findSheet('Sales')!).map((r) => r.slice(0, 4)));
      const tiersBefore = JSON.stringify(valuesOf(sim.model.findSheet('Customer Tiers')!));
      // the read steps of the second run take a few syncs; fail at the k-th sync from the apply's start
      const failing = failingDuringApply(sim, (n) => (n === k ? new SimRichApiError('GeneralException', 'the connection was lost') : undefined));
      const { report } = await runTierwise(failing, SHEET, { time: '2026-02-01T00:00:00Z' });
      sim.options.inject = undefined;
      expect(JSON.stringify(valuesOf(sim.model.findSheet('Sales')!).map((r) => r.slice(0, 4)))).toBe(userBefore);
      if (report.complete) {
        // The k-th sync was one of the decorations, after the data was in: each is tried again on its own.
        decorationSyncs++;
        expect(report.issues.filter((i) => i.severity === 'error')).toEqual([]);
        expect(column(sim, 'Customer Tiers', 'Sales ABC')).toEqual(['A', 'B', 'C', 'C']);
      } else {
        coreSyncs++;
        expect(report.issues[report.issues.length - 1].message).toMatch(/the connection was lost\)\. (Nothing was changed|Your own data was not changed.*Not written: )/);
        if (!/swapping/.test(report.issues[report.issues.length - 1].message)) {
          expect(JSON.stringify(valuesOf(sim.model.findSheet('Customer Tiers')!))).toBe(tiersBefore);
          // any other sheet left is a provisional one (hidden unless the batch broke between adding and hiding it), recorded so the next run deletes it
          const extra = sim.model.sheets.filter((s) => !['Sales', 'Customer Tiers', 'Segment Summary', 'Tierwise History'].includes(s.name));
          const pending = (parseOwned(sim.model.settings.get(SETTINGS_OWNED)).pending ?? []).map((p) => p.name);
          for (const s of extra) expect(pending).toContain(s.name);
        }
      }
      // a clean run repairs whatever was left
      const repair = await runTierwise(new OfficeHost(sim.run, sim.isSetSupported), SHEET, { time: '2026-03-01T00:00:00Z' });
      expect(repair.report.complete).toBe(true);
      expect(sim.model.sheets.map((s) => s.name)).toEqual(['Sales', 'Customer Tiers', 'Segment Summary', 'Tierwise History']);
      expect(column(sim, 'Customer Tiers', 'Sales ABC')).toEqual(['A', 'B', 'C', 'C']);
      expect(column(sim, 'Sales', 'Sales ABC (Tierwise)')).toEqual(['A', 'B', 'C', 'C']);
      expect(parseOwned(sim.model.settings.get(SETTINGS_OWNED)).pending).toEqual([]);
    }
    // The core (checks, claim, values, tables, swap) fails whole; the look comes after it.
    expect(coreSyncs).toBeGreaterThan(5);
    expect(decorationSyncs).toBeGreaterThan(0);
  });

  it('when the connection stays lost, the half-written sheets are recorded and deleted by the next run', async () => {
    const { sim, host } = salesBook();
    await runTierwise(host, SHEET);
    const failing = failingDuringApply(sim, (n) => (n >= 6 ? { error: new Error('offline'), after: 0 } : undefined)); // from the first sync after the values on
    const { report } = await runTierwise(failing, SHEET, { time: '2026-02-01T00:00:00Z' });
    expect(report.complete).toBe(false);
    const pending = parseOwned(sim.model.settings.get(SETTINGS_OWNED)).pending ?? [];
    expect(pending.length).toBe(3);
    expect(sim.model.sheets.filter((s) => s.name.startsWith('Tierwise new')).map((s) => s.visibility)).toEqual(['Hidden', 'Hidden', 'Hidden']);
    sim.options.inject = undefined;
    const repair = await runTierwise(host, SHEET, { time: '2026-03-01T00:00:00Z' });
    expect(repair.report.complete).toBe(true);
    expect(sim.model.sheets.map((s) => s.name)).toEqual(['Sales', 'Customer Tiers', 'Segment Summary', 'Tierwise History']);
  });
});
