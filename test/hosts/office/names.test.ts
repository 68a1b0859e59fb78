// A table name that a defined name already has (Formulas > Name Manager, workbook or sheet scope)
// is treated like a taken sheet name: Tierwise's table gets another name, and the report says so
// (issue 16.7). Without the check, Excel refuses the table's name and the whole run fails.
import type { Cell } from '../../../src/engine/types';
import { runTierwise } from '../../support/pipeline';
import { excel, sheetWith } from './helpers';

const SALES: Cell[][] = [
  ['Customer ID', 'Customer Name', 'Sales', 'Profit'],
  ['C1', 'One', 800, 100],
  ['C2', 'Two', 150, -20],
  ['C3', 'Three', 50, 5],
];
const SHEET = { kind: 'sheet', name: 'Sales' } as const;

describe('office host: defined names', () => {
  it.each([
    ['workbook', false],
    ['sheet', true],
  ])('a %s-scoped name TierwiseTiers: the tiers table is TierwiseTiers2, reported, and runs again the same way', async (_scope, onSheet) => {
    const { sim, host } = excel();
    const sales = sheetWith(sim, 'Sales', SALES);
    sim.model.addName('TierwiseTiers', '=Sales!$A$1:$D$4', onSheet ? sales : undefined);
    for (const time of ['2026-01-01T00:00:00Z', '2026-02-01T00:00:00Z']) {
      const { report } = await runTierwise(host, SHEET, { time });
      expect(report.complete).toBe(true);
      expect(sim.model.findTable('TierwiseTiers2')?.sheet.name).toBe('Customer Tiers');
      expect(sim.model.findTable('TierwiseTiers')).toBeUndefined();
      expect(report.issues).toContainEqual({
        severity: 'warning',
        where: 'TierwiseTiers2',
        message: "a defined name (Formulas > Name Manager) is already called TierwiseTiers, so Tierwise's table is called TierwiseTiers2: formulas that name TierwiseTiers mean yours, not Tierwise's",
      });
    }
  });

  it('the simulator refuses a table named like a defined name, as the host must expect', () => {
    const { sim } = excel();
    sim.model.addName('Rates', '=1');
    expect(() => sim.model.checkTableName('rates')).toThrow(/defined name/);
  });
});
