// The Superstore sample read from, and written back to, a simulated Excel.
import { segmentName } from '../../../src/engine/result';
import { keyText } from '../../../src/engine/ingest';
import { SETTINGS_CONFIG, SETTINGS_OWNED, parseOwned } from '../../../src/plan/owned';
import { superstoreGrid } from '../../plan/superstore';
import { runTierwise } from '../../support/pipeline';
import { excel, formulasIn, sheetWith, valuesOf } from './helpers';

describe('office host: Superstore end to end', () => {
  it('reads the sheet as Excel holds it and writes tiers, summary, history and the segment column', async () => {
    const { sim, host } = excel();
    const grid = superstoreGrid();
    sheetWith(sim, 'Orders', grid);
    const { table, result, plan, report } = await runTierwise(host, { kind: 'sheet', name: 'Orders' });
    expect(report.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(report.complete).toBe(true);
    // read: 9,994 lines, every cell as the grid holds it
    expect(table.header).toEqual(grid[0]);
    expect(table.rows.length).toBe(9994);
    expect(table.rows).toEqual(grid.slice(1));
    expect(result.customers.ids.length).toBe(793);

    // written: the tiers sheet holds exactly the planned values; the segment column the engine's segment per row
    const tiers = sim.model.findSheet('Customer Tiers')!;
    const planned = plan.sheets[0].blocks[0].values.map((r) => r.map((v) => (v === null ? '' : v)));
    expect(valuesOf(tiers)).toEqual(planned);
    const abc = result.types.find((t) => t.type.name === 'Sales ABC')!;
    const orders = sim.model.findSheet('Orders')!;
    const customerCol = grid[0].indexOf('Customer ID');
    expect(orders.value(0, grid[0].length)).toBe('Sales ABC (Tierwise)');
    for (let r = 1; r < grid.length; r++) {
      const c = result.customers.byId.get(keyText(grid[r][customerCol]))!;
      expect(orders.value(r, grid[0].length)).toBe(segmentName(abc, c));
    }
    // the counts of A/B/C customers in the tiers sheet are the engine's
    const header = valuesOf(tiers)[0];
    const col = header.indexOf('Sales ABC');
    const counts: Record<string, number> = {};
    for (const row of valuesOf(tiers).slice(1)) counts[String(row[col])] = (counts[String(row[col])] ?? 0) + 1;
    expect(counts).toEqual(Object.fromEntries(abc.summary.filter((s) => s.customers > 0).map((s) => [s.segment, s.customers])));

    // no cell Tierwise wrote is a formula; the history is hidden; tables, fills and charts are there
    for (const name of ['Customer Tiers', 'Segment Summary', 'Tierwise History']) expect(formulasIn(sim.model.findSheet(name)!)).toEqual([]);
    expect(sim.model.findSheet('Tierwise History')!.visibility).toBe('Hidden');
    expect(sim.model.findTable('TierwiseTiers')!.rect).toEqual({ r0: 0, c0: 0, rows: 794, cols: header.length });
    expect(tiers.conditionalFormats.length).toBeGreaterThan(0);
    expect(tiers.frozenRows).toBe(1);
    const summary = sim.model.findSheet('Segment Summary')!;
    expect(summary.charts.map((c) => c.type)).toEqual(['Pareto', 'Pareto']);
    // settings: the configuration and what Tierwise owns (by id)
    expect(JSON.parse(String(sim.model.settings.get(SETTINGS_CONFIG))).version).toBe(1);
    const owned = parseOwned(sim.model.settings.get(SETTINGS_OWNED));
    expect(owned.sheets.tiers).toEqual({ name: 'Customer Tiers', id: tiers.id });
    expect(owned.sourceColumns).toMatchObject({ sheet: 'Orders', column: 21, headers: ['Sales ABC (Tierwise)'], rowCount: 9994 });
    expect(owned.pending).toEqual([]);
    expect(sim.model.sheets.map((s) => s.name)).toEqual(['Orders', 'Customer Tiers', 'Segment Summary', 'Tierwise History']);
    // within the limits, and a handful of syncs beyond the blocks
    expect(sim.stats.largestRequestBytes).toBeLessThan(5_000_000);
    expect(sim.stats.largestResponseBytes).toBeLessThan(5_000_000);
  });
});
