import { defaultConfig, parseConfigText } from '../../src/engine/config';
import { SEGMENT_FILLS } from '../../src/plan/colors';
import { takeSnapshot, type Snapshot } from '../../src/engine/history';
import { prepare, resultOf, classifyType, segment } from '../../src/engine/run';
import type { SourceTable } from '../../src/engine/types';
import { historyValues, parseHistory, keepRuns } from '../../src/plan/history-sheet';
import { freeSheetName, freeTableName, validSheetName } from '../../src/plan/names';
import { MAX_LINKED_PROBLEMS, planWorkbook, problemLinks, problemRows, problemsTitle, runTime, scopeLine, sourceColumnHeader, TEXT, MANUAL_SUFFIX } from '../../src/plan/planner';
import { drawableCharts } from '../../src/plan/plan';
import { mergeOverrides, overridesFromTiers, readPreviousRun } from '../../src/plan/previous';
import { headerProblem, packedLineProblem, sourceFromGrid, tableFingerprint, titleRows } from '../../src/plan/source-check';
import { loadStoredConfig, defaultConfigText, startingConfig } from '../../src/plan/stored-config';

const table: SourceTable = {
  sheet: 'Orders',
  header: ['Customer ID', 'Customer Name', 'Sales', 'Profit'],
  rows: [
    ['C1', '=HYPERLINK("http://x","y")', 800, 100],
    ['C2', '+1', 150, -20],
    ['C3', '-cmd', 50, 5],
    ['', 'blank', 10, 1],
  ],
  origin: { row: 1, column: 0 },
};

function run(configText?: string) {
  const config = configText ? (parseConfigText(configText) as { ok: true; config: ReturnType<typeof defaultConfig> }).config : defaultConfig();
  const p = prepare(table, config);
  const result = resultOf(p, config.segmentTypes.map((t) => classifyType(p, t)));
  return { result, snapshot: takeSnapshot(result, p.ingested.lines, '2026-01-01T00:00:00Z') };
}

describe('planWorkbook', () => {
  it('plans the tiers table, the summary and the hidden history', () => {
    const { result, snapshot } = run();
    const plan = planWorkbook({ result, snapshot, configText: '{}', source: table, segmentColumnTypes: ['Sales ABC'] });
    expect(plan.sheets.map((s) => [s.role, s.name, s.visible])).toEqual([
      ['tiers', 'Customer Tiers', true],
      ['summary', 'Segment Summary', true],
      ['history', 'Tierwise History', false],
    ]);
    const tiers = plan.sheets[0].blocks[0];
    const header = tiers.values[0];
    expect(header).toEqual(expect.arrayContaining(['Customer', 'Customer name', 'Sales', 'Profit', 'Sales ABC', 'Sales ABC (auto)', `Sales ABC${MANUAL_SUFFIX}`, 'Sales ABC (flag)', 'Profit band']));
    // text columns are Text-formatted, so a name like =HYPERLINK(...) stays those characters
    expect(tiers.numberFormats?.[header.indexOf('Customer name')]).toBe(TEXT);
    expect(tiers.numberFormats?.[header.indexOf('Sales ABC (share)')]).toBe('0.0%');
    expect(tiers.dropDowns).toEqual([{ column: header.indexOf('Sales ABC (manual)'), list: ['A', 'B', 'C'] }]);
    expect(tiers.table?.name).toBe('TierwiseTiers');
    expect(plan.sheets[0].freezeRows).toBe(1);
    const summary = plan.sheets[1];
    expect(summary.charts.map((c) => c.kind)).toEqual(['pareto', 'pareto']);
    const pareto = summary.blocks.find((b) => b.id === 'pareto-0')!;
    expect(pareto.values.slice(1).map((r) => r[1])).toEqual([800, 150, 50]);
    expect(pareto.values[pareto.values.length - 1][2]).toBeCloseTo(1);
    expect(plan.sourceColumns?.columns.map((c) => c.header)).toEqual([sourceColumnHeader('Sales ABC')]);
    expect(plan.sourceColumns?.columns[0].values).toEqual(['A', 'B', 'C', '']);
    expect(plan.sourceColumns).toMatchObject({ sheet: 'Orders', headerRow: 1, rowCount: 4, column: 4, sourceFingerprint: tableFingerprint(table) });
    expect(plan.settings['tierwise.config']).toBe('{}');
  });

  it('cuts a text longer than an Excel cell holds to 32,767 characters, the last an ellipsis', () => {
    // C1's name is 40,000 characters (a notes field pasted as a name): Excel holds 32,767 in a cell.
    const long = { ...table, rows: [['C1', 'N'.repeat(40_000), 800, 100], ['C2', 'Bob', 150, -20]] };
    const result = segment(long, defaultConfig());
    const plan = planWorkbook({ result, snapshot: takeSnapshot(result, prepare(long, defaultConfig()).ingested.lines, '2026-01-01T00:00:00Z'), configText: '{}' });
    const tiers = plan.sheets[0].blocks[0];
    const names = tiers.values.slice(1).map((r) => r[tiers.values[0].indexOf('Customer name')] as string);
    expect(names.map((n) => n.length)).toEqual([32_767, 3]);
    expect(names[0]).toBe(`${'N'.repeat(32_766)}\u2026`);
  });

  it('lists every problem of the run under the summaries and their charts, values as text', () => {
    const { result, snapshot } = run();
    const summary = planWorkbook({ result, snapshot, configText: '' }).sheets[1];
    const title = summary.blocks.find((b) => b.id === 'problems-title')!;
    const problems = summary.blocks.find((b) => b.id === 'problems')!;
    // The fourth line (Excel row 5) has no customer.
    expect(title.values).toEqual([['Left out: 1 row with a problem; fix the cells and run Tierwise again']]);
    expect(problems.values).toEqual([
      ['Where', 'Value', 'Problem'],
      ['Orders!A5', '', 'the customer is blank: fill it in, or delete the line if it is not a sale'],
    ]);
    expect(problems).toMatchObject({ row: title.row + 1, column: 0, header: true, numberFormats: [TEXT, TEXT, TEXT] });
    // The address links to the cell (row 1 of the block: under the header).
    expect(problems.links).toEqual([{ row: 1, column: 0, target: 'Orders!A5' }]);
    const others = summary.blocks.filter((b) => !b.id.startsWith('problems'));
    expect(title.row).toBeGreaterThan(Math.max(...others.map((b) => b.row + b.values.length - 1), ...summary.charts.map((c) => c.row + c.height - 1)));
  });

  it('opens with what the run counted: window and its days, filters, minimum, lines', () => {
    const { result } = run();
    const summary = planWorkbook({ result, snapshot: run().snapshot, configText: '' }).sheets[1];
    // 4 lines, the blank customer left out: 3 used.
    expect(summary.blocks[0]).toMatchObject({ id: 'scope', row: 0, values: [['Sales of all dates; 3 lines used, 0 filtered out, 1 left out']] });
    expect(summary.blocks[1]).toMatchObject({ id: 'title-0', row: 2 });
    const base = { lineCount: 3203, filteredRows: 6791, leftOutRows: 0 };
    const config = defaultConfig();
    // 2016-04-01 is epoch day 16892, 2017-03-31 is 17256.
    expect(
      scopeLine({ ...base, config: { ...config, window: { kind: 'year', year: 2017, startMonth: 4 }, filters: [{ column: 'Region', in: ['West', 'East'] }, { column: 'Segment', notIn: ['Consumer'] }], minimumNetSales: 100 }, window: { start: 16892, end: 17256 } }),
    ).toBe('Sales of the fiscal year 2017, 2016-04-01 to 2017-03-31; Region in West, East; Segment not in Consumer; minimum net sales 100; 3,203 lines used, 6,791 filtered out, 0 left out');
    expect(scopeLine({ ...base, config: { ...config, window: { kind: 'rolling', months: 12 } }, window: { start: 17166, end: 17530 } })).toBe(
      'Sales of the last 12 months, 2016-12-31 to 2017-12-30; 3,203 lines used, 6,791 filtered out, 0 left out',
    );
    expect(scopeLine({ ...base, config: { ...config, window: { kind: 'year', year: 2017, startMonth: 1 } }, window: undefined })).toBe('Sales of the year 2017; 3,203 lines used, 6,791 filtered out, 0 left out');
    // Text amounts read with a decimal comma (configured, or what decimal auto found) are said; a point is not.
    expect(scopeLine({ ...base, config, window: undefined, decimal: ',' })).toBe('Sales of all dates; numbers written as text read with a decimal comma; 3,203 lines used, 6,791 filtered out, 0 left out');
    expect(scopeLine({ ...base, config, window: undefined, decimal: '.' })).toBe('Sales of all dates; 3,203 lines used, 6,791 filtered out, 0 left out');
  });

  it('titles the problems by what they did: rows left out, or notes only', () => {
    expect(problemsTitle({ leftOutRows: 1234, issues: [] })).toBe('Left out: 1,234 rows with a problem; fix the cells and run Tierwise again');
    // Every line of a full sheet unreadable (a wrong column mapped): the list stops at 100,000 and says so.
    const many = Array.from({ length: 1_048_575 }, (_, r) => ({ severity: 'error' as const, where: `Orders!C${r + 2}`, message: 'not a number' }));
    expect(problemsTitle({ leftOutRows: 1_048_575, issues: many })).toBe('Left out: 1,048,575 rows with a problem; fix the cells and run Tierwise again (the first 100,000 of 1,048,575 problems are listed)');
    const note = { severity: 'warning' as const, where: 'overrides["Profit band"]', message: 'manual overrides apply to ABC segment types only' };
    expect(problemsTitle({ leftOutRows: 0, issues: [note] })).toBe('Notes on this run (1)');
    // A value is written as the text it was read as, so an error value or a formula-like text stays those characters.
    expect(problemRows([{ ...note, where: 'Orders!C9', value: 60 }, { ...note, where: 'Orders!D2', value: '=1+1' }]).slice(1).map((r) => r[1])).toEqual(['60', '=1+1']);
  });

  it('lists at most 100,000 problems, so the list always fits on a sheet', () => {
    const { result, snapshot } = run();
    const many = Array.from({ length: 100_005 }, (_, r) => ({ severity: 'error' as const, where: `Orders!C${r + 2}`, value: 'x', message: 'not a number' }));
    const summary = planWorkbook({ result: { ...result, issues: many, leftOutRows: many.length }, snapshot, configText: '' }).sheets[1];
    const problems = summary.blocks.find((b) => b.id === 'problems')!;
    expect(problems.values).toHaveLength(1 + 100_000);
    expect(problems.values[100_000][0]).toBe('Orders!C100001');
  });

  it("links the first 1,000 addresses to their cells; a setting's path is no link", () => {
    const setting = { severity: 'warning' as const, where: 'columns.profit', message: 'map a Profit column' };
    const cells = Array.from({ length: 1002 }, (_, r) => ({ severity: 'error' as const, where: r === 0 ? "'Sales 2017'!C2:C9" : `Orders!C${r + 2}`, message: 'not a number' }));
    const links = problemLinks([setting, ...cells]);
    expect(links).toHaveLength(MAX_LINKED_PROBLEMS);
    // Row 0 of the block is the header, row 1 the setting (no link), row 2 the first address.
    expect(links[0]).toEqual({ row: 2, column: 0, target: "'Sales 2017'!C2:C9" });
    expect(links[1]).toEqual({ row: 3, column: 0, target: 'Orders!C3' });
    expect(links[MAX_LINKED_PROBLEMS - 1]).toEqual({ row: 1001, column: 0, target: 'Orders!C1001' });
    expect(problemLinks([setting])).toEqual([]);
  });

  it('plans no problem list when every row was used', () => {
    const clean = { ...table, rows: table.rows.slice(0, 3) };
    const p = prepare(clean, defaultConfig());
    const result = resultOf(p, p.config.segmentTypes.map((t) => classifyType(p, t)));
    const plan = planWorkbook({ result, snapshot: takeSnapshot(result, p.ingested.lines, '2026-01-01T00:00:00Z'), configText: '' });
    expect(plan.sheets[1].blocks.filter((b) => b.id.startsWith('problems'))).toEqual([]);
  });

  it('adds a migration matrix against the previous run', () => {
    const first = run();
    const previous = { snapshots: [{ ...first.snapshot, segments: { 'Sales ABC': { C1: 'B', C2: 'B', C9: 'A' } } }], overrides: {} };
    const { result, snapshot } = run();
    const plan = planWorkbook({ result, snapshot, previous, configText: '' });
    const m = plan.sheets[1].blocks.find((b) => b.id === 'migration-0')!;
    expect(m.values[0]).toEqual(['Before \\ Now', 'A', 'B', 'C', '(none)', '(gone)']);
    const row = (label: string) => m.values.find((r) => r[0] === label)!;
    expect(row('B').slice(1)).toEqual([1, 1, 0, 0, 0]);
    expect(row('A').slice(1)).toEqual([0, 0, 0, 0, 1]);
    expect(row('(new)').slice(1)).toEqual([0, 0, 1, 0, 0]);
    // Profit band had no previous run
    expect(plan.sheets[1].blocks.some((b) => b.id === 'migration-1')).toBe(false);
    expect(plan.sheets[1].blocks.some((b) => b.id === 'runs-1')).toBe(false);
    // One segment column per run and type (this run's followed by its facts, whose type cell is blank).
    const history = plan.sheets[2].blocks[0].values;
    expect(history[4].slice(1).filter((t) => t !== '')).toEqual(['Sales ABC', 'Sales ABC', 'Profit band']);
    expect(history[1].slice(1).every((t) => t === '2026-01-01T00:00:00Z')).toBe(true);
  });
});

describe('customers per segment, run by run', () => {
  it('puts each kept run that had the type in a row, this one last, under the migration matrix', () => {
    // This run (the planner's table, 80/15/5): C1 A, C2 B, C3 C. Kept: November with a segment since
    // renamed (Gold) and a customer gone since (C9); a run without Sales ABC; December with C3 in none.
    const { result, snapshot } = run();
    const kept = (time: string, segments: Snapshot['segments']): Snapshot => ({ ...snapshot, time, segments });
    const previous = {
      snapshots: [
        kept('2025-11-01T09:00:00Z', { 'Sales ABC': { C1: 'A', C2: 'Gold', C9: 'C' } }),
        kept('2025-12-01T09:00:00Z', { 'Profit band': { C1: 'High' } }),
        kept('2025-12-15T09:00:00Z', { 'Sales ABC': { C1: 'A', C2: 'A', C3: '' } }),
      ],
      overrides: {},
    };
    const summary = planWorkbook({ result, snapshot, previous, configText: '' }).sheets[1];
    const matrix = summary.blocks.find((b) => b.id === 'migration-0')!;
    const title = summary.blocks.find((b) => b.id === 'runs-title-0')!;
    const runs = summary.blocks.find((b) => b.id === 'runs-0')!;
    expect(title.values).toEqual([['Customers per segment, run by run']]);
    expect([title.row, runs.row]).toEqual([matrix.row + matrix.values.length + 1, matrix.row + matrix.values.length + 2]);
    expect(runs.values).toEqual([
      ['Run', 'A', 'B', 'C', 'Gold', '(none)'],
      ['2025-11-01 09:00 UTC', 1, 0, 1, 1, 0],
      ['2025-12-15 09:00 UTC', 2, 0, 0, 0, 1],
      ['2026-01-01 00:00 UTC', 1, 1, 1, 0, 0],
    ]);
    expect(runs.numberFormats).toEqual([TEXT, '#,##0', '#,##0', '#,##0', '#,##0', '#,##0']);
    // The same counts as stacked columns: a column per run, a series per segment in the table's order,
    // today's in their colours (ABC's fading greens), the renamed Gold and (none) in the grey of set-aside.
    // The Pareto chart is in rows 3 to 17 of column I; this one starts beside the runs' title (row 19
    // here), or below the Pareto's blank row where the title is higher.
    const chart = summary.charts.find((c) => c.blockId === 'runs-0')!;
    expect(chart).toEqual({
      kind: 'stacked',
      title: 'Sales ABC: customers per segment, run by run',
      blockId: 'runs-0',
      categoryColumn: 0,
      firstSeriesColumn: 1,
      seriesColors: ['#A9D08E', '#C6E0B4', '#E2EFDA', SEGMENT_FILLS.aside, SEGMENT_FILLS.aside],
      row: title.row,
      column: 8,
      width: 8,
      height: 14,
    });
    expect(summary.charts.find((c) => c.blockId === 'pareto-0')).toMatchObject({ row: 3, column: 8, height: 15 });
    expect(title.row).toBeGreaterThanOrEqual(19);
    // Two runs in one minute are told to the second, every run then.
    const sameMinute = { snapshots: [kept('2025-12-31T23:59:00Z', { 'Sales ABC': { C1: 'A' } }), kept('2026-01-01T00:00:30Z', { 'Sales ABC': { C1: 'A' } })], overrides: {} };
    const closeSheet = planWorkbook({ result, snapshot, previous: sameMinute, configText: '' }).sheets[1];
    const close = closeSheet.blocks.find((b) => b.id === 'runs-0')!;
    expect(close.values.map((r) => r[0])).toEqual(['Run', '2025-12-31 23:59:00 UTC', '2026-01-01 00:00:30 UTC', '2026-01-01 00:00:00 UTC']);
    // The migration's title names the last run as the table does, to the second.
    expect(closeSheet.blocks.find((b) => b.id === 'migration-title-0')!.values[0][0]).toMatch(/^Migration since 2026-01-01 00:00:30 UTC: /);
    expect(summary.blocks.find((b) => b.id === 'migration-title-0')!.values[0][0]).toMatch(/^Migration since 2025-12-15 09:00 UTC: /);
    // The runs the history keeps after this one, no more: with room for two, December's and this one.
    const two = planWorkbook({ result, snapshot, previous, configText: '', keepRuns: 2 }).sheets[1].blocks.find((b) => b.id === 'runs-0')!;
    expect(two.values.map((r) => r[0])).toEqual(['Run', '2025-12-15 09:00 UTC', '2026-01-01 00:00 UTC']);
    // Profit band: the last run lacks it, so there is no migration and no table, though an earlier run had it.
    expect(summary.blocks.some((b) => b.id === 'migration-1' || b.id === 'runs-1')).toBe(false);
    // With a last run that has it, (none) is left out where it is empty in every run.
    const banded = planWorkbook({ result, snapshot, previous: { snapshots: [snapshot], overrides: {} }, configText: '' }).sheets[1];
    expect(banded.blocks.find((b) => b.id === 'runs-1')!.values[0]).toEqual(['Run', ...result.types[1].segments.map((s) => s.name)]);
  });
  it('puts the runs’ chart below the Pareto chart when the runs’ title is higher, and what follows below it', () => {
    // One segment of 100 %: summary rows 3-4, Pareto data 6-7, migration title 9, matrix 10-13 (Before \ Now,
    // All, (none), (new)), runs' title 15 and table 16-18. The Pareto chart covers rows 3 to 17 of column I,
    // so the runs' chart starts at row 19, after one blank row, and ends at row 32; after the blank rows
    // that close a type (33, 34), the next type's title is at 35.
    const config = JSON.stringify({ ...defaultConfig(), segmentTypes: [{ name: 'All in one', kind: 'abc', measure: 'sales', segments: [{ name: 'All', share: 100 }] }, defaultConfig().segmentTypes[1]] });
    const first = run(config);
    const { result, snapshot } = run(config);
    const summary = planWorkbook({ result, snapshot, previous: { snapshots: [{ ...first.snapshot, time: '2025-12-01T09:00:00Z' }], overrides: {} }, configText: '' }).sheets[1];
    const row = (id: string) => summary.blocks.find((b) => b.id === id)!.row;
    expect([row('summary-0'), row('pareto-0'), row('migration-title-0'), row('runs-title-0'), row('runs-0')]).toEqual([3, 6, 9, 15, 16]);
    expect(summary.charts.find((c) => c.blockId === 'runs-0')).toMatchObject({ kind: 'stacked', row: 19, column: 8, height: 14, seriesColors: ['#A9D08E'] });
    expect(row('title-1')).toBe(35);
  });
});

describe('why they moved, on the summary and in the tiers table', () => {
  // The planner's table: C1 800, C2 150, C3 50 (total 1,000). 80/15/5: C1 A, C2 B (80 % ahead), C3 C (95 %).
  // Then A 90 / B 5 / C 5: C2 (80 % ahead) is A; C3 (95 %) stays C.
  const wider = JSON.stringify({ ...defaultConfig(), segmentTypes: [{ name: 'Sales ABC', kind: 'abc', measure: 'sales', segments: [{ name: 'A', share: 90 }, { name: 'B', share: 5 }, { name: 'C', share: 5 }] }, defaultConfig().segmentTypes[1]] });
  const C2_WHY = 'Thresholds changed: A share 80 % → 90 %, B share 15 % → 5 %; Sales 150.00 (unchanged), share of sales ahead of it 80 % (unchanged)';

  it('lists every moved customer under the migration matrix, as text', () => {
    const first = run();
    const { result, snapshot } = run(wider);
    const plan = planWorkbook({ result, snapshot, previous: { snapshots: [first.snapshot], overrides: {} }, configText: '' });
    const summary = plan.sheets[1];
    const matrix = summary.blocks.find((b) => b.id === 'migration-0')!;
    const title = summary.blocks.find((b) => b.id === 'why-title-0')!;
    const list = summary.blocks.find((b) => b.id === 'why-0')!;
    expect(title.values).toEqual([['Why they moved: 1 customer']]);
    // Below the matrix, the runs side by side, then the list (it can be long).
    const runs = summary.blocks.find((b) => b.id === 'runs-0')!;
    expect(summary.blocks.find((b) => b.id === 'runs-title-0')!.row).toBe(matrix.row + matrix.values.length + 1);
    // The list starts under the runs' chart (rows 21 to 34 beside the runs' title and table): its
    // Why column runs over the cells to its right, and a chart over it would hide the reasons.
    const chart = summary.charts.find((c) => c.blockId === 'runs-0')!;
    expect([runs.row - 1, chart.row, chart.height]).toEqual([21, 21, 14]);
    expect(title.row).toBe(36);
    expect(list.row).toBe(title.row + 1);
    expect(list.values).toEqual([
      ['Customer', 'Before', 'Now', 'Why'],
      ['C2', 'B', 'A', C2_WHY],
    ]);
    expect(list.numberFormats).toEqual([TEXT, TEXT, TEXT, TEXT]);
    // The next segment type's title starts below the list.
    expect(summary.blocks.find((b) => b.id === 'title-1')!.row).toBeGreaterThan(list.row + list.values.length);
    // The profit bands type was in the previous run as well, and nobody moved there: no list.
    expect(summary.blocks.some((b) => b.id === 'why-1')).toBe(false);
  });

  it("adds '<type> (why)' after the type's columns, blank for a customer that did not move", () => {
    const first = run();
    const { result, snapshot } = run(wider);
    const plan = planWorkbook({ result, snapshot, previous: { snapshots: [first.snapshot], overrides: {} }, configText: '' });
    const tiers = plan.sheets[0].blocks[0];
    const header = tiers.values[0];
    const why = header.indexOf('Sales ABC (why)');
    expect(why).toBe(header.indexOf('Sales ABC (cumulative share)') + 1);
    expect(tiers.values.slice(1).map((r) => r[why])).toEqual(['', C2_WHY, '']);
    expect(tiers.numberFormats?.[why]).toBe(TEXT);
    expect(header).toContain('Profit band (why)');
    // The first run has nothing to compare with: no such column.
    expect(planWorkbook({ result, snapshot, configText: '' }).sheets[0].blocks[0].values[0]).not.toContain('Sales ABC (why)');
  });
});

describe('history sheet', () => {
  it('round-trips snapshots, including customers without a segment and customers absent from a run', () => {
    const a = { time: 't1', configHash: 'h1', dataFingerprint: 'f1', segments: { X: { c1: 'A', c2: '' } } };
    const b = { time: 't2', configHash: 'h2', dataFingerprint: 'f2', segments: { X: { c1: 'B', c3: 'C' }, Y: { c1: 'Low' } } };
    expect(parseHistory(historyValues([a, b]))).toEqual([a, b]);
    expect(parseHistory([['not ours']])).toBeUndefined();
    expect(keepRuns([a, b, a, b], 2)).toEqual([a, b]);
  });
});

describe('previous run', () => {
  const tiersValues = [
    ['Customer', 'Customer name', 'Sales ABC', 'Sales ABC (auto)', 'Sales ABC (manual)'],
    ['C1', 'x', 'A', 'A', ''],
    ['C2', 'y', 'C', 'B', 'C'],
    [1001, 'z', 'A', 'B', ' A '],
  ];
  it('reads overrides from the Manual column', () => {
    expect(overridesFromTiers(tiersValues)).toEqual({ 'Sales ABC': { C2: 'C', '1001': 'A' } });
    expect(readPreviousRun({})).toBeUndefined();
  });
  it('merges them into the configuration without losing any', () => {
    const config = { ...defaultConfig(), overrides: { 'Sales ABC': { C2: 'B', C7: 'A' } } };
    const merged = mergeOverrides(config, readPreviousRun({ tiers: tiersValues }));
    expect(merged.config.overrides['Sales ABC']).toEqual({ C2: 'C', C7: 'A', '1001': 'A' });
    expect([merged.added, merged.changed]).toEqual([1, 1]);
    const r = segment(table, merged.config);
    expect(r.types[0].manual?.[r.customers.byId.get('C2')!]).toBe(2);
  });
});

describe('names', () => {
  it('makes valid sheet names and never takes a user sheet', () => {
    expect(validSheetName('a[b]:c*d?e/f\\g')).toBe('a b c d e f g');
    expect(validSheetName("'x'")).toBe('x');
    expect(validSheetName('History')).toBe('History (1)');
    expect(validSheetName('x'.repeat(40))).toHaveLength(31);
    expect(freeSheetName('Customer Tiers', ['customer tiers'])).toBe('Customer Tiers (2)');
    expect(freeSheetName('y'.repeat(31), ['y'.repeat(31)])).toBe(`${'y'.repeat(27)} (2)`);
    expect(freeTableName('TierwiseTiers', ['TIERWISETIERS'])).toBe('TierwiseTiers2');
    expect(freeTableName('A1', [])).toBe('_A1');
  });
});

describe('source checks and stored configuration', () => {
  it('starts a workbook without settings with the default types its columns can run', () => {
    const names = (header: string[]) => startingConfig(header).segmentTypes.map((t) => t.name);
    expect(names(['Customer', 'Order Date', 'Sales', 'Profit'])).toEqual(['Sales ABC', 'Profit band']);
    expect(names(['Kunde', 'Datum', 'Umsatz', 'Kosten'])).toEqual(['Sales ABC', 'Profit band']); // profit = sales - cost
    expect(names(['Customer', 'Order Date', 'Sales'])).toEqual(['Sales ABC']);
    // With every column the default needs, it is the default itself.
    expect(startingConfig(['Customer', 'Sales', 'Profit'])).toEqual(defaultConfig());
  });

  it('says when the first row looks like data', () => {
    expect(headerProblem('Orders', { row: 3, column: 1 }, ['C1', 120.5, 'x'])).toMatchObject({ where: 'Orders!C3', value: 120.5 });
    expect(headerProblem('Orders', { row: 1, column: 0 }, ['Title', '', '', ''])?.message).toMatch(/mostly empty/);
    expect(headerProblem('Orders', { row: 1, column: 0 }, ['Customer', 'Sales'])).toBeUndefined();
  });
  it("finds the header below a sheet's title rows, and only below rows that are mostly empty", () => {
    const header = ['Customer', 'Date', 'Sales', 'Profit'];
    const line = ['C1', 42736, 100, 10];
    expect(titleRows([['Sales 2017', '', '', ''], ['', '', '', ''], header, line])).toBe(2);
    expect(titleRows([['', '', 'Sales 2017 (in EUR), printed 3 Jan', ''], header, line])).toBe(1);
    expect(titleRows([header, line])).toBe(0);
    // No header below the title: the lines start at once (the first row's problem is then said).
    expect(titleRows([['Sales 2017', '', '', ''], line, line])).toBe(0);
    // A first row that is data, not a title, is not skipped, whatever follows.
    expect(titleRows([line, header, line])).toBe(0);
    // A text file's lines: a one-field title above a two-column header; a line of text numbers is no header.
    expect(titleRows([['Report'], ['Customer', 'Sales'], ['C1', '5']])).toBe(1);
    expect(titleRows([['Customer', ''], ['C1', '100'], ['C2', '5']])).toBe(0);
    // Ten title rows at most.
    const blank = ['', '', '', ''];
    expect(titleRows([...Array.from({ length: 10 }, () => blank), header, line])).toBe(10);
    expect(titleRows([...Array.from({ length: 11 }, () => blank), header, line])).toBe(0);
  });

  it('builds the source below the title, with a note that points at the title rows', () => {
    const grid = [['Sales 2017', '', '', ''], ['', '', '', ''], ['Customer', 'Date', 'Sales', 'Profit'], ['C1', 42736, 100, 10]];
    const source = sourceFromGrid('Orders', 1, 0, grid, undefined);
    expect(source).toMatchObject({ origin: { row: 3, column: 0 }, header: grid[2], rows: [grid[3]] });
    expect(source.notes).toEqual([{ severity: 'warning', where: 'Orders!A1:D2', message: 'the 2 rows above the header are a title, not data: the header is row 3, the lines start below it.' }]);
    // A table's first row is its header: nothing is skipped, and the problem is said.
    expect(() => sourceFromGrid('Orders', 1, 0, grid, undefined, 'Sales')).toThrow(/mostly empty/);
  });

  it('says when a CSV file was opened with another separator, each line packed into one cell', () => {
    // A semicolon file in an English Excel: every line in column A.
    const inA = [['Kunde;Datum;Umsatz;Gewinn'], ['1001;05.03.2017;1.234,50;-12,50'], ['1002;06.03.2017;1.000,00;0']];
    expect(packedLineProblem('Umsatz', 1, 0, inA)).toMatchObject({ where: 'Umsatz!A1', value: 'Kunde;Datum;Umsatz;Gewinn', message: expect.stringMatching(/choose Semicolon as the delimiter/) });
    expect(() => sourceFromGrid('Umsatz', 1, 0, inA, undefined)).toThrow(/Umsatz!A1: the cell holds a whole line of a CSV file \("Kunde;Datum;Umsatz;Gewinn"\)/);
    // The same file where its decimal commas parted the lines in three: still packed (3 fields, 3 cells).
    const split = [['Kunde;Datum;Umsatz;Gewinn', '', ''], ['1001;05.03.2017;1.234', '50;-12', '50'], ['1002;06.03.2017;1.000', '00;0', '']];
    expect(packedLineProblem('Sales', 1, 0, split)?.where).toBe('Sales!A1');
    // A comma file in a German Excel, below a blank row and at C3 of the sheet; tabs too.
    expect(packedLineProblem('S', 2, 2, [[''], ['Customer,Date,Sales'], ['C1,2017-03-05,1234.50']])).toMatchObject({ where: 'S!C3', message: expect.stringMatching(/written with commas.*choose Comma/) });
    expect(packedLineProblem('S', 1, 0, [['Customer\tSales'], ['C1\t5']])?.message).toMatch(/choose Tab/);
    // Not packed: a title with a comma above a header whose first name has one (the header has more
    // cells than fields), one odd header name above ordinary lines, a real header, a one-column list.
    expect(packedLineProblem('S', 1, 0, [['Sales, 2017', '', ''], ['Customer, region', 'Sales', 'Profit'], ['C1', 5, 1]])).toBeUndefined();
    expect(packedLineProblem('S', 1, 0, [['Customer;ID'], ['C1']])).toBeUndefined();
    expect(packedLineProblem('S', 1, 0, [['Customer', 'Sales'], ['C1', 5]])).toBeUndefined();
    expect(packedLineProblem('S', 1, 0, [['Customer'], ['C1'], ['C2']])).toBeUndefined();
  });

  it('keeps an invalid or newer configuration as text and lists every problem', () => {
    const newer = loadStoredConfig({ text: '{"version": 2}' });
    expect(newer).toMatchObject({ state: 'invalid', text: '{"version": 2}' });
    const bad = loadStoredConfig({ text: '{"version":1,"segmentTypes":[{"name":"X","kind":"abc","measure":"sales","segments":[{"name":"A","share":50}]}],"window":{"kind":"rolling","months":0}}' });
    expect(bad.state).toBe('invalid');
    if (bad.state === 'invalid') expect(bad.issues.length).toBeGreaterThanOrEqual(2);
    expect(loadStoredConfig(undefined).state).toBe('none');
    expect(loadStoredConfig({ text: defaultConfigText() }).state).toBe('ok');
  });
});

describe('drawable charts', () => {
  it('pairs each chart with its data block and skips a block that has its header row only', () => {
    const chart = (id: string) => ({ kind: 'pareto' as const, title: id, blockId: id, categoryColumn: 0, valueColumn: 1, cumulativeColumn: 2, row: 0, column: 8, width: 8, height: 15 });
    const sheet = {
      role: 'summary' as const,
      name: 'Segment Summary',
      visible: true,
      blocks: [
        { id: 'full', row: 0, column: 0, values: [['Segment', 'Sales', 'Cumulative %'], ['A', 80, 0.8]] },
        { id: 'empty', row: 5, column: 0, values: [['Segment', 'Sales', 'Cumulative %']] },
      ],
      charts: [chart('full'), chart('empty'), chart('missing')],
    };
    expect(drawableCharts(sheet).map(({ chart, block }) => [chart.title, block.id])).toEqual([['full', 'full']]);
  });
});

describe('run times in titles', () => {
  it('an ISO time in UTC reads as date, hours and minutes; anything else is kept as it is', () => {
    expect(runTime('2026-01-31T09:05:59.999Z')).toBe('2026-01-31 09:05 UTC');
    expect(runTime('2026-01-31T09:05Z')).toBe('2026-01-31 09:05 UTC');
    // To the second where two runs share a minute (the runs table asks for it then), when the time has seconds.
    expect(runTime('2026-01-31T09:05:59.999Z', true)).toBe('2026-01-31 09:05:59 UTC');
    expect(runTime('2026-01-31T09:05Z', true)).toBe('2026-01-31 09:05 UTC');
    expect(runTime('2026-01-31T09:05:00+01:00')).toBe('2026-01-31T09:05:00+01:00');
    expect(runTime('last Tuesday')).toBe('last Tuesday');
  });
});
