// Property: whatever text the host writes comes back as exactly those characters, never a formula,
// number, date or boolean (Excel's typed-input rules, as the simulator applies them).
import fc from 'fast-check';
import { Batcher, writeGrid } from '../../../src/hosts/office/batch';
import { detectFeatures } from '../../../src/hosts/office/excel';
import { SimExcel } from '../../support/excel-sim';

const risky = fc.constantFrom('=1+1', '=HYPERLINK("http://x","y")', '+1', '-cmd', '-12', '@SUM(A1)', '1.50', '0012', '2024-01-01', '1/2/2024', 'TRUE', '10%', '1,234', '#N/A', ' ', '=');
// A leading apostrophe is left out: Excel may read it as its quote prefix even in a Text cell (unverified).
const text = fc.oneof(risky, fc.string().filter((s) => !s.startsWith("'")), fc.tuple(risky, fc.string()).map(([a, b]) => a + b));

it('writes any text so that Excel keeps exactly those characters', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(fc.array(fc.oneof(text, fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean()), { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 20 }), async (grid) => {
      const sim = new SimExcel();
      const sheet = sim.model.addSheet('S');
      await sim.run(async (ctx) => {
        const batcher = new Batcher(ctx, detectFeatures(sim.isSetSupported));
        await writeGrid(batcher, ctx.workbook.worksheets.getItem('S'), 0, 0, grid, () => '0.00');
        await batcher.flush();
      });
      const back = sheet.readValues({ r0: 0, c0: 0, rows: grid.length, cols: 3 });
      for (let r = 0; r < grid.length; r++) {
        for (let c = 0; c < 3; c++) {
          expect(sheet.isFormula(r, c)).toBe(false);
          expect(back[r][c]).toEqual(Object.is(grid[r][c], -0) ? 0 : grid[r][c]);
        }
      }
    }),
    { numRuns: 200 },
  );
});
