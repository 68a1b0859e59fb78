// The in-memory host (it backs the browser playground): the same run as in Excel gives the same
// workbook, and the same ownership rules hold.
//
// Hand-made sheet: C1 sells 800, C2 150, C3 50 of 1,000: cumulative 80%, 95%, 100% against
// ABC 80/15/5, so C1 is A, C2 is B, C3 is C.
import type { Cell } from '../../../src/engine/types';
import { MemoryHost } from '../../../src/hosts/memory/host';
import { chartCells, MemoryWorkbook, shownFills } from '../../../src/hosts/memory/workbook';
import { parseOwned, SETTINGS_OWNED } from '../../../src/plan/owned';
import { superstoreGrid } from '../../plan/superstore';
import { runTierwise } from '../../support/pipeline';
import { excel, sheetWith, valuesOf } from '../office/helpers';

const SALES: Cell[][] = [
  ['Customer ID', 'Customer Name', 'Sales', 'Profit'],
  ['C1', '=HYPERLINK("http://x","y")', 800, 100],
  ['C2', '+1', 150, -20],
  ['C3', '-cmd', 50, 5],
];
const SHEET = { kind: 'sheet', name: 'Sales' } as const;

function memory(grid: Cell[][] = SALES, name = 'Sales'): { wb: MemoryWorkbook; host: MemoryHost } {
  const wb = new MemoryWorkbook();
  wb.addSheet(name, grid);
  return { wb, host: new MemoryHost(wb) };
}

const col = (wb: MemoryWorkbook, sheet: string, header: string) => {
  const v = wb.values(sheet);
  const c = v[0].indexOf(header);
  return v.slice(1).map((r) => r[c]);
};

describe('memory host', () => {
  it('writes the Superstore run exactly as the office host writes it into (simulated) Excel', async () => {
    const grid = superstoreGrid();
    const { wb, host } = memory(grid, 'Orders');
    const { sim, host: office } = excel();
    sheetWith(sim, 'Orders', grid);
    const m = await runTierwise(host, { kind: 'sheet', name: 'Orders' });
    const o = await runTierwise(office, { kind: 'sheet', name: 'Orders' });
    expect(m.report.complete && o.report.complete).toBe(true);
    expect([...m.report.written].sort()).toEqual([...o.report.written].sort());
    for (const name of ['Customer Tiers', 'Segment Summary', 'Tierwise History', 'Orders']) {
      expect(wb.values(name)).toEqual(valuesOf(sim.model.findSheet(name)!));
    }
    // The report counts rows as Excel numbers them: the summary's blank rows between its blocks count too.
    const summaryRows = wb.values('Segment Summary').length;
    expect(m.report.written).toContain(`Segment Summary: ${summaryRows} rows`);
    expect(m.report.written).toContain('Customer Tiers: 794 rows');
    expect(wb.sheet('Tierwise History')!.visible).toBe(false);
    expect(wb.tables.map((t) => [t.name, t.rows, t.columns])).toEqual([['TierwiseTiers', 793, valuesOf(sim.model.findSheet('Customer Tiers')!)[0].length]]);
  });

  it('writes the segment beside the source, rewrites it in place, and does not read it back as data', async () => {
    const { wb, host } = memory();
    await runTierwise(host, SHEET);
    const again = await runTierwise(host, SHEET, { time: '2026-02-01T00:00:00Z' });
    expect(again.table.header).toEqual(SALES[0]);
    expect(col(wb, 'Sales', 'Sales ABC (Tierwise)')).toEqual(['A', 'B', 'C']);
    expect(col(wb, 'Customer Tiers', 'Customer name')).toEqual(['=HYPERLINK("http://x","y")', '+1', '-cmd']);
    expect(wb.sheets.map((s) => s.name)).toEqual(['Sales', 'Customer Tiers', 'Segment Summary', 'Tierwise History']);
    expect(parseOwned(wb.settings.get(SETTINGS_OWNED)).sourceColumns).toMatchObject({ column: 4, rowCount: 3, headers: ['Sales ABC (Tierwise)'] });
  });

  it('stops when a target cell holds the user\'s data, and when the source changed since it was read', async () => {
    const { wb, host } = memory();
    wb.sheet('Sales')!.cells[2][4] = 'my note';
    const before = JSON.stringify(wb.values('Sales'));
    const blocked = await runTierwise(host, SHEET);
    // the note widened the used range, so column E was read as a blank-headed source column and the segment goes to F
    expect(blocked.report.complete).toBe(true);
    expect(wb.values('Sales').map((r) => r[4])).toEqual(JSON.parse(before).map((r: Cell[]) => r[4]));

    const fresh = memory();
    const table = await fresh.host.readSource(SHEET);
    fresh.wb.sheet('Sales')!.cells.push(['C4', 'late', 1, 1]);
    const { planWorkbook } = await import('../../../src/plan/planner');
    const { segment } = await import('../../../src/engine/run');
    const { defaultConfig } = await import('../../../src/engine/config');
    const plan = planWorkbook({ result: segment(table, defaultConfig()), snapshot: { time: 't', configHash: 'h', dataFingerprint: 'f', segments: {} }, source: table, segmentColumnTypes: ['Sales ABC'], configText: '{}' });
    const changed = await fresh.host.apply(plan);
    expect(changed.complete).toBe(false);
    expect(changed.issues[0].message).toMatch(/the source changed since it was read \(4 rows now, 3 then\)/);
    expect(fresh.wb.sheets.map((s) => s.name)).toEqual(['Sales']);

    fresh.wb.sheet('Sales')!.cells.pop();
    fresh.wb.sheet('Sales')!.cells[1][4] = 'mine';
    const taken = await fresh.host.apply(plan);
    expect(taken.issues[0]).toMatchObject({ where: 'Sales!E2', value: 'mine' });
    expect(fresh.wb.sheets.map((s) => s.name)).toEqual(['Sales']);
  });

  it('picks another name when a user\'s sheet holds the wanted one, and keeps it on the next run', async () => {
    const { wb, host } = memory();
    wb.addSheet('Customer Tiers', [['mine']]);
    const first = await runTierwise(host, SHEET);
    expect(first.report.renamed).toEqual([{ wanted: 'Customer Tiers', used: 'Customer Tiers (2)' }]);
    await runTierwise(host, SHEET, { time: '2026-02-01T00:00:00Z' });
    expect(wb.values('Customer Tiers')).toEqual([['mine']]);
    expect(wb.sheets.map((s) => s.name)).toEqual(['Sales', 'Customer Tiers', 'Customer Tiers (2)', 'Segment Summary', 'Tierwise History']);
  });
});

describe('memory host: what the playground draws', () => {
  it('keeps each chart with the cells it draws from, the range the office host gives Excel', async () => {
    const { wb, host } = memory();
    const { sim, host: office } = excel();
    sheetWith(sim, 'Sales', SALES);
    for (const time of ['2026-01-31T09:00:00.000Z', '2026-02-28T09:00:00.000Z']) {
      await runTierwise(host, SHEET, { time });
      await runTierwise(office, SHEET, { time });
    }
    const summary = wb.sheet('Segment Summary')!;
    expect(summary.charts.map((c) => c.chart.kind)).toEqual(['pareto', 'stacked', 'pareto', 'stacked']);
    // The runs' table of Sales ABC: C1 800 is A, C2 150 B, C3 50 C, in both runs.
    expect(chartCells(summary, summary.charts[1])).toEqual([
      ['Run', 'A', 'B', 'C'],
      ['2026-01-31 09:00 UTC', 1, 1, 1],
      ['2026-02-28 09:00 UTC', 1, 1, 1],
    ]);
    const excelCharts = sim.model.findSheet('Segment Summary')!.charts.filter((c) => !c.deleted && c.type === 'ColumnStacked');
    const stacked = summary.charts.filter((c) => c.chart.kind === 'stacked');
    expect(stacked.map((c) => c.data)).toEqual(excelCharts.map((c) => ({ row: c.source.rect.r0, column: c.source.rect.c0, rows: c.source.rect.rows, columns: c.source.rect.cols })));
  });

  it('shows each segment in its colour where a cell equals its name, case aside, and blends a colour scale', () => {
    const wb = new MemoryWorkbook();
    const s = wb.addSheet('S', [['Segment', 'n'], ['A', 1], ['b', 5], ['C', 3], ['', 9]]);
    s.conditionalFills.push({ column: 0, rules: [{ text: 'A', fill: '#111111' }, { text: 'B', fill: '#222222' }, { text: 'b', fill: '#333333' }], row: 1, rows: 4, columnOffset: 0 });
    // 1 to 9 over white to #63BE7B: 5 is half way, (255 + 99) / 2 = 177 = B1, (255 + 190) / 2 = 222.5 -> DF, (255 + 123) / 2 = 189 = BD.
    s.colorScales.push({ firstColumn: 1, lastColumn: 1, low: '#FFFFFF', high: '#63BE7B', row: 1, rows: 4, columnOffset: 0 });
    const fills = shownFills(s, 60);
    expect([fills.get('1,0'), fills.get('2,0'), fills.get('3,0'), fills.get('4,0')]).toEqual(['#111111', '#222222', undefined, undefined]);
    expect([fills.get('1,1'), fills.get('2,1'), fills.get('4,1')]).toEqual(['#FFFFFF', '#B1DFBD', '#63BE7B']);
    // Only the rows asked for.
    expect(shownFills(s, 2).has('2,1')).toBe(false);
  });
});

describe('memory host turns', () => {
  // The playground reads and writes a million cells through this host on the page's main thread; it
  // must give the page turns between rows, as the Excel host does between syncs. With turnMs 0 it gives
  // one every 1,024 rows, so 5,000 lines give at least 4 while reading and more while writing, and a
  // tiers table of 2,500 customers at least 2 while reading the previous run back.
  const grid: Cell[][] = [['Customer ID', 'Sales', 'Profit'], ...Array.from({ length: 5_000 }, (_, r) => [`C${r % 2_500}`, 1 + (r % 7), r % 3])];

  async function turnsDuring<T>(work: () => Promise<T>): Promise<{ value: T; turns: number }> {
    let turns = 0;
    const ticker = setInterval(() => turns++, 0);
    try {
      const value = await work();
      return { value, turns };
    } finally {
      clearInterval(ticker);
    }
  }

  it('reads and writes in turns, and writes what it would have written in one go', async () => {
    const paced = new MemoryWorkbook();
    paced.addSheet('Sales', grid);
    const host = new MemoryHost(paced, { turnMs: 0 });
    const read = await turnsDuring(() => host.readSource(SHEET));
    expect(read.value.rows).toHaveLength(5_000);
    expect(read.turns).toBeGreaterThanOrEqual(4);
    const run = await turnsDuring(() => runTierwise(host, SHEET));
    expect(run.value.report.complete).toBe(true);
    expect(run.value.result.customers.ids).toHaveLength(2_500);
    // Read again (4 turns), then the tiers, summary, history and 5,000 segment cells written in turns.
    expect(run.turns).toBeGreaterThanOrEqual(8);
    const previous = await turnsDuring(() => host.readPrevious());
    expect(previous.value?.snapshots).toHaveLength(1);
    expect(previous.turns).toBeGreaterThanOrEqual(2);

    const { wb: whole, host: unpaced } = memory(grid);
    await runTierwise(unpaced, SHEET);
    for (const name of ['Sales', 'Customer Tiers', 'Segment Summary', 'Tierwise History']) expect(paced.values(name)).toEqual(whole.values(name));
  });
});
