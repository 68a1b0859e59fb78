// A Margin column of rates (0.25 for 25 %) read as profit amounts: said once at its header, from the
// workbook's percentage format or from the values, never converted (src/engine/rate-column.ts).
import { ingest } from '../../src/engine/ingest';
import { isPercentFormat } from '../../src/engine/money-format';
import { profitFigures, profitRateIssue } from '../../src/engine/rate-column';
import type { Cell, SourceTable } from '../../src/engine/types';
import { config, table } from '../support/tables';

const HEAD = ['Customer', 'Sales', 'Margin'];
/** `n` lines of three customers; line i sells `sale(i)` at margin `margin(i)`. */
const lines = (n: number, sale: (i: number) => Cell, margin: (i: number) => Cell): Cell[][] => Array.from({ length: n }, (_, i) => [`C${i % 3}`, sale(i), margin(i)]);
const warnings = (t: SourceTable) => ingest(t, config()).issues.filter((i) => i.severity === 'warning');
const RATES_SAID =
  'every Margin value of the kept lines lies between -1 and 1 while most Sales values are above 20: they look like rates (0.25 for 25 %), but Tierwise reads its profit column as amounts, so the Profit figures, profit bands and rankings by profit would be wrong. Map a column of profit amounts as Profit, or add one (Sales x Margin) and map it; if they are amounts, ignore this warning.';

describe('a profit column of rates', () => {
  it('counts the figures the check needs from the kept lines', () => {
    // Profits 0.25, 0, NaN (none), -1 (within), 1.5 and -3 (beyond); sales 20 (not above), 21, -25, 5, 100, 0.
    expect(profitFigures([0.25, 0, NaN, -1, 1.5, -3], [20, 21, -25, 5, 100, 0])).toEqual({ lines: 6, nonZero: 4, beyondOne: 2, largeSales: 3 });
  });

  it('is said at the Margin header when every margin lies within -1 to 1 and most sales are above 20', () => {
    // Ten lines at 0.05 to 0.5 of sales 30 to 120: a quarter of a 100 sale is 25, not 0.25.
    const rows = lines(10, (i) => 30 + i * 10, (i) => (i + 1) * 0.05);
    expect(warnings(table(HEAD, rows))).toEqual([{ severity: 'warning', where: 'Sales!C1', message: RATES_SAID }]);
    // A loss rate counts as a rate too; -1 and 1 are still within.
    expect(warnings(table(HEAD, lines(10, () => 50, (i) => (i % 2 ? -1 : 1))))).toHaveLength(1);
  });

  it('is not said when one margin is an amount, when most sales are small, with few lines, or with no margin at all', () => {
    // One line of ten earns 1.01: amounts.
    expect(warnings(table(HEAD, lines(10, () => 50, (i) => (i === 9 ? 1.01 : 0.2))))).toEqual([]);
    // A cafe: sales of 2 to 5 earning 0.4 to 1 a line. Five of ten sales above 20 is not most.
    expect(warnings(table(HEAD, lines(10, (i) => 2 + (i % 4), () => 0.4)))).toEqual([]);
    expect(warnings(table(HEAD, lines(10, (i) => (i < 5 ? 50 : 5), () => 0.2)))).toEqual([]);
    // Nine lines tell nothing; ten blank or zero margins hold no profit to judge.
    expect(warnings(table(HEAD, lines(9, () => 50, () => 0.2)))).toEqual([]);
    expect(warnings(table(HEAD, lines(10, () => 50, (i) => (i % 2 ? 0 : ''))))).toEqual([]);
  });

  it('counts only the kept lines: a left-out line and a filtered one are not looked at', () => {
    // Ten kept lines of rates, one line left out (no customer) with a margin of 500, and one filtered out
    // (Region West) with a margin of 300: still rates.
    const head = ['Customer', 'Region', 'Sales', 'Margin'];
    const rows: Cell[][] = [...lines(10, () => 50, () => 0.3).map(([c, s, m]) => [c, 'East', s, m]), ['', 'East', 50, 500], ['C1', 'West', 50, 300]];
    const said = ingest(table(head, rows), config({ filters: [{ column: 'Region', in: ['East'] }] })).issues.filter((i) => i.severity === 'warning');
    expect(said.map((i) => i.where)).toEqual(['Sales!D1']);
  });

  it('is said from a percentage format alone, whatever the values and the number of lines', () => {
    const t = { ...table(HEAD, lines(3, () => 5, () => 0.25)), numberFormats: ['General', '#,##0.00', '0.0%'] };
    expect(warnings(t)).toEqual([
      {
        severity: 'warning',
        where: 'Sales!C1',
        message:
          'Margin is formatted as a percentage (0.0%): it holds rates, 0.25 for 25 %, but Tierwise reads its profit column as amounts, so the Profit figures, profit bands and rankings by profit would be wrong. Map a column of profit amounts as Profit, or add one (Sales x Margin) and map it.',
      },
    ]);
    // A money format says amounts: not said, though the values alone would be.
    const money = { ...table(HEAD, lines(10, () => 50, () => 0.25)), numberFormats: ['General', '#,##0.00', '#,##0.00'] };
    expect(warnings(money)).toEqual([]);
    expect(profitRateIssue(money, 2, 'Margin', 'Sales', { lines: 10, nonZero: 0, beyondOne: 0, largeSales: 10 })).toBeUndefined();
  });

  it('is not said of a cost column, nor of a profit column headed Profit that holds amounts', () => {
    expect(warnings(table(['Customer', 'Sales', 'Cost'], lines(10, () => 50, () => 0.2)))).toEqual([]);
    expect(warnings(table(['Customer', 'Sales', 'Profit'], lines(10, (i) => 50 + i, (i) => 5 + i)))).toEqual([]);
  });

  it('reads a percentage in a format code only where Excel shows one', () => {
    for (const code of ['0%', '0.0%', '#,##0.00 %', '[Red]0.00%;-0.00%']) expect(isPercentFormat(code)).toBe(true);
    for (const code of ['General', '#,##0.00', '0 "%"', '0\\%', '"$"#,##0.00', undefined]) expect(isPercentFormat(code)).toBe(false);
  });
});
