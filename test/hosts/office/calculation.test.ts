// Formulas over the segment columns are up to date after a run (issue 16.6). Excel recalculates what
// depends on a write, except while an add-in suspends calculation (suspendApiCalculationUntilNextSync:
// "it is the developer's responsibility to re-calc the workbook"); the simulator does the same.
//
// The sheet: C1 sells 800, C2 150, C3 50, C4 0: ABC 80/15/5 makes them A, B, C, C, written in E.
// The user's Report!B1 counts the C customers in Sales!E: 2 after the run, 0 before.
import type { Cell } from '../../../src/engine/types';
import { runTierwise } from '../../support/pipeline';
import { excel, sheetWith } from './helpers';

const SALES: Cell[][] = [
  ['Customer ID', 'Customer Name', 'Sales', 'Profit'],
  ['C1', 'One', 800, 100],
  ['C2', 'Two', 150, -20],
  ['C3', 'Three', 50, 5],
  ['C4', 'Four', 0, 0],
];

describe('office host: calculation', () => {
  it('a user formula over a segment column written by the run shows the new segments', async () => {
    const { sim, host } = excel();
    const sales = sheetWith(sim, 'Sales', SALES);
    const report0 = sheetWith(sim, 'Report', [['C customers']]);
    report0.write(0, 1, { t: 'formula', f: '=COUNTIF(Sales!E:E,"C")' });
    sim.model.recalculate();
    expect(report0.value(0, 1)).toBe(0);
    const { report } = await runTierwise(host, { kind: 'sheet', name: 'Sales' });
    expect(report.complete).toBe(true);
    expect(sales.value(0, 4)).toBe('Sales ABC (Tierwise)');
    expect(report0.value(0, 1)).toBe(2);
    // Tierwise's own sheets are still written with calculation suspended (nothing of the user's depends on them).
    expect(sim.stats.calculationSuspendedSyncs).toBeGreaterThan(0);
  });
});
