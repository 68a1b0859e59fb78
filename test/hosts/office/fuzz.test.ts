// Any sheet a user may point Tierwise at, through the office host and the Excel simulator: cells of
// every kind Excel hands over (text that looks like formulas or errors, numbers, booleans, empty cells),
// a header or not, anywhere on the sheet. Every run either completes or stops with the user's problem
// (SourceProblem); the user's cells are never changed, and no cell Tierwise writes is a formula.
import fc from 'fast-check';
import type { Cell } from '../../../src/engine/types';
import { SourceProblem } from '../../../src/plan/source-check';
import { runTierwise } from '../../support/pipeline';
import { excel, formulasIn, sheetWith } from './helpers';

jest.setTimeout(120_000);

const cell: fc.Arbitrary<Cell> = fc.oneof(
  fc.constantFrom<Cell>('', '', 'C1', ' C1', 'C2', '=1+1', '+cmd', '@SUM(A1)', '#N/A', '1,234.50', '12,50', '2017-03-05', 'Sales ABC', 'x'),
  fc.string({ maxLength: 6 }),
  fc.integer({ min: -1000, max: 60000 }),
  fc.double({ min: -1e6, max: 1e6, noNaN: true }),
  fc.boolean(),
);
const header = fc.oneof(
  { weight: 3, arbitrary: fc.constant<Cell[]>(['Customer ID', 'Order Date', 'Sales', 'Profit']) },
  { weight: 1, arbitrary: fc.array(cell, { minLength: 1, maxLength: 5 }) },
);

test('any sheet: completes or stops with the problem; user cells unchanged; no formula written', async () => {
  await fc.assert(
    fc.asyncProperty(header, fc.array(fc.array(cell, { minLength: 4, maxLength: 4 }), { minLength: 1, maxLength: 15 }), fc.nat(3), fc.nat(3), async (head, rows, top, left) => {
      const { sim, host } = excel();
      const grid = [head, ...rows];
      const sheet = sheetWith(sim, 'Sales', grid, top, left);
      const before = grid.map((r, i) => r.map((_, c) => sheet.formulaBar(top + i, left + c)));
      try {
        const { report } = await runTierwise(host, { kind: 'sheet', name: 'Sales' }, { segmentColumns: ['Sales ABC'] });
        expect(report.complete).toBe(true);
      } catch (e) {
        if (!(e instanceof SourceProblem)) throw e;
        expect(e.issues.length).toBeGreaterThan(0);
      }
      expect(grid.map((r, i) => r.map((_, c) => sheet.formulaBar(top + i, left + c)))).toEqual(before);
      for (const s of sim.model.sheets) expect(formulasIn(s)).toEqual([]);
    }),
    { numRuns: 60 },
  );
});
