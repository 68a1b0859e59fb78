// Reading through the office host: sources listed, blocks sized from the data and shrunk when Excel
// says a response is too large, progress per block, selection, selecting a cell.
import { defaultConfig } from '../../../src/engine/config';
import { ingest } from '../../../src/engine/ingest';
import { epochDayToIso } from '../../../src/engine/parse/date';
import { OfficeHost } from '../../../src/hosts/office/host';
import { firstReadRows, nextReadRows } from '../../../src/hosts/office/payload';
import { bigSheet } from '../../support/big-sheet';
import { FunctionsProxy } from '../../support/excel-sim/workbook';
import { runTierwise } from '../../support/pipeline';
import { excel, sheetWith, valuesOf } from './helpers';

const SALES = [
  ['Customer ID', 'Customer Name', 'Sales', 'Profit'],
  ['C1', 'Ann', 800, 100],
  ['C2', 'Bob', 150, -20],
  ['C3', 'Cy', 50, 5],
];

describe('office host: reading', () => {
  it('lists the user\'s tables and sheets with their rows, never Tierwise\'s own sheets', async () => {
    const { sim, host } = excel();
    sheetWith(sim, 'Sales', SALES);
    sheetWith(sim, 'Notes', [['just a note']]);
    sim.model.addTable(sim.model.findSheet('Sales')!, { r0: 0, c0: 0, rows: 4, cols: 4 }, 'Orders');
    await runTierwise(host, { kind: 'table', name: 'Orders' });
    const sources = await host.listSources();
    expect(sources.map((s) => s.label)).toEqual(['Table Orders (3 rows)', 'Sheet Sales (3 rows)', 'Sheet Notes (0 rows)', 'The selection']);
  });

  it('asks Excel for the date system: a 1904 workbook (old Excel for Mac files) reads its serials from 1904', async () => {
    // Serial 41274 is 2017-01-01 counted from 1904-01-01, and 2012-12-31 in the 1900 system (1,462 days apart).
    const grid = [['Customer ID', 'Order Date', 'Sales', 'Profit'], ['C1', 41274, 100, 10]];
    const mac = excel();
    mac.sim.model.date1904 = true;
    sheetWith(mac.sim, 'Sales', grid);
    const macTable = await mac.host.readSource({ kind: 'sheet', name: 'Sales' });
    expect(macTable.date1904).toBe(true);
    expect(Array.from(ingest(macTable, defaultConfig()).lines.day, epochDayToIso)).toEqual(['2017-01-01']);
    const pc = excel();
    sheetWith(pc.sim, 'Sales', grid);
    const pcTable = await pc.host.readSource({ kind: 'sheet', name: 'Sales' });
    expect(pcTable.date1904).toBe(false);
    expect(Array.from(ingest(pcTable, defaultConfig()).lines.day, epochDayToIso)).toEqual(['2012-12-31']);
    // An Excel that does not answer leaves the question open (the 1900 system, unless the configuration says 1904).
    const mute = jest.spyOn(FunctionsProxy.prototype, 'date').mockImplementation(() => {
      throw new Error('no functions here');
    });
    try {
      expect((await mac.host.readSource({ kind: 'sheet', name: 'Sales' })).date1904).toBeUndefined();
    } finally {
      mute.mockRestore();
    }
  });

  it("reads a report sheet's header below its title, and writes the segment column beside the lines there, run after run", async () => {
    const { sim, host } = excel();
    sheetWith(sim, 'Report', [['Sales 2017'], [], ...SALES]);
    const first = await runTierwise(host, { kind: 'sheet', name: 'Report' });
    expect(first.table).toMatchObject({ origin: { row: 3, column: 0 }, header: SALES[0], rows: SALES.slice(1) });
    expect(first.result.issues).toContainEqual(expect.objectContaining({ where: 'Report!A1:D2', message: expect.stringMatching(/^the 2 rows above the header are a title/) }));
    // 800 of 1,000 is A, 150 B, 50 C; the title rows stay as they were.
    const column = () => valuesOf(sim.model.findSheet('Report')!).map((r) => r[4]);
    expect(column()).toEqual(['', '', 'Sales ABC (Tierwise)', 'A', 'B', 'C']);
    expect(valuesOf(sim.model.findSheet('Report')!)[0][0]).toBe('Sales 2017');
    const second = await runTierwise(host, { kind: 'sheet', name: 'Report' });
    expect(second.report.complete).toBe(true);
    expect(second.table.header).toEqual(SALES[0]); // its own column is recognised, not read as data
    expect(column()).toEqual(['', '', 'Sales ABC (Tierwise)', 'A', 'B', 'C']);
  });

  it("leaves a table's Total Row out: it is a sum of the lines, not a customer", async () => {
    const { sim, host } = excel();
    // The Total Row sums the three lines (1,000); read as a line it would be the largest customer.
    sheetWith(sim, 'Sales', [...SALES, ['Total', '', 1000, 85]]);
    const table = sim.model.addTable(sim.model.findSheet('Sales')!, { r0: 0, c0: 0, rows: 5, cols: 4 }, 'Orders');
    table.showTotals = true;
    expect((await host.listSources())[0].label).toBe('Table Orders (3 rows)');
    const first = await runTierwise(host, { kind: 'table', name: 'Orders' });
    expect(first.result.customers.ids).toEqual(['C1', 'C2', 'C3']);
    expect(first.report.complete).toBe(true);
    // The segment column beside the lines stops above the Total Row (800 of 1,000 is A; 150 B; 50 C).
    const column = valuesOf(sim.model.findSheet('Sales')!).map((r) => r[4]);
    expect(column).toEqual(['Sales ABC (Tierwise)', 'A', 'B', 'C', '']);
    // The next run finds the source as it was read (the guard measures the same data body).
    const second = await runTierwise(host, { kind: 'table', name: 'Orders' });
    expect(second.report.complete).toBe(true);
    expect(second.report.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  it("warns, with the range's address, when Excel's filter hides rows of the source: every row is still counted", async () => {
    const { sim, host } = excel();
    sheetWith(sim, 'Sales', SALES);
    sheetWith(sim, 'Plain', SALES);
    const table = sim.model.addTable(sim.model.findSheet('Sales')!, { r0: 0, c0: 0, rows: 4, cols: 4 }, 'Orders');
    // A table's filter buttons alone hide nothing: no warning.
    const unfiltered = await runTierwise(host, { kind: 'table', name: 'Orders' });
    expect(unfiltered.result.issues.filter((i) => i.severity === 'warning')).toEqual([]);
    table.autoFilter = { enabled: true, isDataFiltered: true };
    const filtered = await runTierwise(host, { kind: 'table', name: 'Orders' });
    expect(filtered.result.issues).toContainEqual(expect.objectContaining({ severity: 'warning', where: 'Sales!A1:D4', message: expect.stringMatching(/^The table Orders is filtered in Excel: Tierwise counts every row/) }));
    expect(filtered.result.lineCount).toBe(3);
    sim.model.findSheet('Plain')!.autoFilter = { enabled: true, isDataFiltered: true };
    const sheet = await host.readSource({ kind: 'sheet', name: 'Plain' });
    expect(sheet.notes).toEqual([expect.objectContaining({ where: 'Plain!A1:D4', message: expect.stringMatching(/^Excel's filter on Plain hides rows/) })]);
    // Before ExcelApi 1.9 there is no AutoFilter to ask: nothing is said.
    const old = excel({ excelApi: 8 });
    sheetWith(old.sim, 'Plain', SALES).autoFilter = { enabled: true, isDataFiltered: true };
    expect((await old.host.readSource({ kind: 'sheet', name: 'Plain' })).notes).toEqual([]);
  });

  it('reads a selection of whole columns as the data in them, with the real origin', async () => {
    const { sim, host } = excel();
    sheetWith(sim, 'Sales', SALES, 4, 2); // C5:F8
    sim.model.selection = { sheet: sim.model.findSheet('Sales')!, rect: { r0: 0, c0: 2, rows: 1_048_576, cols: 4 } }; // C:F
    const t = await host.readSource({ kind: 'selection' });
    expect(t).toMatchObject({ sheet: 'Sales', origin: { row: 5, column: 2 }, header: SALES[0] });
    expect(t.rows).toEqual(SALES.slice(1));
    await host.selectCell('Sales!E7');
    expect(sim.model.selection).toMatchObject({ rect: { r0: 6, c0: 4, rows: 1, cols: 1 } });
  });

  it('runs on the global Excel.run and Office requirements when constructed as the task pane does', async () => {
    const { sim } = excel({ excelApi: 8 });
    sheetWith(sim, 'Sales', SALES);
    const uninstall = sim.installGlobals();
    try {
      const { report } = await runTierwise(new OfficeHost(), { kind: 'sheet', name: 'Sales' });
      expect(report.complete).toBe(true);
      // ExcelApi 1.8 detected through Office.context.requirements: a column + line chart, not a Pareto
      expect(sim.model.findSheet('Segment Summary')!.charts.map((c) => c.type)).toEqual(['ColumnClustered', 'ColumnClustered']);
    } finally {
      uninstall();
    }
  });

  it('sizes blocks from the column count first, then from the bytes the rows cost', () => {
    expect(firstReadRows(8)).toBeGreaterThanOrEqual(5_000);
    expect(firstReadRows(8)).toBeLessThanOrEqual(20_000);
    expect(firstReadRows(200) * 200).toBeLessThanOrEqual(200_000);
    // a row ["xxx...x"] of 996 x: 996 + 2 quotes + 2 brackets + 1 comma = 1,001 bytes;
    // 3,500,000 / 1,001 = 3,496.5 -> 3,496 rows per block
    const wide = Array.from({ length: 100 }, () => ['x'.repeat(996)]);
    expect(nextReadRows(wide, 1)).toBe(3_496);
    // tiny rows: capped at 50,000 rows
    expect(nextReadRows([[1]], 1)).toBe(50_000);
  });

  it('shrinks a block and retries when Excel finds the response too large, reporting progress per block', async () => {
    const { sim, host } = excel({ responseLimit: 400_000 });
    bigSheet(sim, 'Orders', 30_000);
    const progress: number[] = [];
    const t = await host.readSource({ kind: 'sheet', name: 'Orders' }, { progress: (done) => progress.push(done) });
    expect(t.rows.length).toBe(29_999);
    expect(t.rows[29_998][0]).toBe(29_999);
    expect(sim.stats.largestResponseBytes).toBeGreaterThan(400_000); // the refused ones were measured
    expect(host.counters.readBlocks).toBe(progress.length);
    expect(progress[progress.length - 1]).toBe(30_000);
    expect(progress.every((d, i) => i === 0 || d > progress[i - 1])).toBe(true);
    expect(sim.stats.syncs).toBeGreaterThan(host.counters.readBlocks); // at least one refused block
  });
});
