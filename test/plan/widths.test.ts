// Column widths come from the tables' contents (issue 16.5, 18.8): never from the scope sentence,
// a title or a problem's message. Worked out by hand on a sheet where the segment names are one letter.
import { defaultConfig } from '../../src/engine/config';
import { takeSnapshot } from '../../src/engine/history';
import { classifyType, prepare, resultOf } from '../../src/engine/run';
import type { SourceTable } from '../../src/engine/types';
import { planWorkbook } from '../../src/plan/planner';
import { columnFits, MAX_WIDTH, shownLength } from '../../src/plan/widths';

const table: SourceTable = {
  sheet: 'Orders',
  header: ['Customer ID', 'Customer Name', 'Sales', 'Profit'],
  rows: [
    ['C1', 'One', 800, 100],
    ['C2', 'Two', 150, -20],
    ['C3', 'Three', 50, 5],
    ['C4', 'Four', 'not a number at all, a long text the user typed where the sales belong', 0],
  ],
  origin: { row: 1, column: 0 },
};

function summary() {
  const config = defaultConfig();
  const p = prepare(table, config);
  const result = resultOf(p, config.segmentTypes.map((t) => classifyType(p, t)));
  const plan = planWorkbook({ result, snapshot: takeSnapshot(result, p.ingested.lines, '2026-01-01T00:00:00Z'), configText: '{}' });
  return plan.sheets.find((s) => s.role === 'summary')!;
}

describe('column widths', () => {
  it('shows numbers as their format does: grouped, with the format\'s decimals or percent', () => {
    expect(shownLength(1839080, '#,##0.00')).toBe('1,839,080.00'.length);
    expect(shownLength(0.499, '0.0%')).toBe('49.9%'.length);
    expect(shownLength(-20, '#,##0')).toBe('-20'.length);
    expect(shownLength('A', '@')).toBe(1);
  });

  it('the Segment Summary\'s column A fits its tables (segment names, the headers, problem addresses), not the scope line or a message', () => {
    const s = summary();
    const scope = String(s.blocks.find((b) => b.id === 'scope')!.values[0][0]);
    expect(scope.length).toBeGreaterThan(40);
    const fits = columnFits(s);
    const a = fits.find((f) => f.column === 0)!;
    // Widest in A: the header "Segment" (7), the Pareto block's "Segment", "Where" and "Orders!C5" (9) + 2.
    expect(a.width).toBe(11);
    // The problem's value and message (columns B and C of the problems block) set nothing: C is as
    // wide as the Pareto block's "Cumulative %" (12) + 2.
    expect(fits.find((f) => f.column === 2)!.width).toBe(14);
    for (const f of fits) expect(f.width).toBeLessThanOrEqual(MAX_WIDTH);
  });
});
