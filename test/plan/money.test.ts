// The planner's money: amounts in the Sales column's own format (to the cent), other measures in
// plain decimals, and the Pareto bars in each segment's colour, ABC by rank and bands by sign.
import { parseConfigText, type Config } from '../../src/engine/config';
import { takeSnapshot } from '../../src/engine/history';
import { classifyType, prepare, resultOf } from '../../src/engine/run';
import type { SourceTable } from '../../src/engine/types';
import { SEGMENT_FILLS } from '../../src/plan/colors';
import { planWorkbook } from '../../src/plan/planner';
import { shownLength } from '../../src/plan/widths';

// By hand: sales C1 800, C2 150, C3 50 (A, B, C at 80/15/5); profit C1 100, C2 -20, C3 5.
const table = (numberFormats?: (string | undefined)[]): SourceTable => ({
  sheet: 'Orders',
  header: ['Customer ID', 'Sales', 'Profit'],
  rows: [
    ['C1', 800, 100],
    ['C2', 150, -20],
    ['C3', 50, 5],
  ],
  origin: { row: 1, column: 0 },
  numberFormats,
});

const CONFIG = {
  version: 1,
  columns: { customer: 'Customer ID', amount: 'Sales', profit: 'Profit' },
  segmentTypes: [
    { name: 'Sales ABC', kind: 'abc', segments: [{ name: 'A', share: 80 }, { name: 'B', share: 15 }, { name: 'C', share: 5 }] },
    { name: 'Profit band', kind: 'bands', bands: [{ name: 'Loss', max: 0 }, { name: 'Low', min: 0, max: 50 }, { name: 'High', min: 50 }] },
    { name: 'Margin band', kind: 'bands', measure: 'margin', bands: [{ name: 'Thin', max: 10 }, { name: 'Fat', min: 10 }] },
  ],
};

function plan(numberFormats?: (string | undefined)[]) {
  const parsed = parseConfigText(JSON.stringify(CONFIG));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed));
  const config: Config = parsed.config;
  const p = prepare(table(numberFormats), config);
  const result = resultOf(p, config.segmentTypes.map((t) => classifyType(p, t)));
  return { result, plan: planWorkbook({ result, snapshot: takeSnapshot(result, p.ingested.lines, '2026-01-01T00:00:00Z'), configText: '{}' }) };
}

const sheet = (p: ReturnType<typeof plan>['plan'], role: string) => p.sheets.find((s) => s.role === role)!;
const block = (p: ReturnType<typeof plan>['plan'], id: string) => sheet(p, 'summary').blocks.find((b) => b.id === id)!;

describe('money in the plan', () => {
  it('writes sales, profit and averages in the Sales column’s currency, decimals beyond cents cut', () => {
    const { result, plan: p } = plan([undefined, '_-* #,##0.000\\ "€"_-;\\-* #,##0.000\\ "€"_-;_-* "-"??\\ "€"_-;_-@_-', 'General']);
    const euro = '_-* #,##0.00\\ "€"_-;\\-* #,##0.00\\ "€"_-;_-* "-"??\\ "€"_-;_-@_-';
    expect(result.moneyFormat).toBe('_-* #,##0.000\\ "€"_-;\\-* #,##0.000\\ "€"_-;_-* "-"??\\ "€"_-;_-@_-');
    // Segment, Customers, % customers, Sales, % sales, Profit, Average sales.
    expect(block(p, 'summary-0').numberFormats).toEqual(['@', '#,##0', '0.0%', euro, '0.0%', euro, euro]);
    expect(block(p, 'pareto-0').numberFormats).toEqual(['@', euro, '0.0%']);
    // A profit band: Profit, % profit, Sales (its companion), Average profit, all money.
    expect(block(p, 'summary-1').numberFormats).toEqual(['@', '#,##0', '0.0%', euro, '0.0%', euro, euro]);
    // A margin band: margin % and its average are no money; net sales beside them are.
    expect(block(p, 'summary-2').numberFormats).toEqual(['@', '#,##0', '0.0%', '#,##0.00', '0.0%', euro, '#,##0.00']);
    const tiers = sheet(p, 'tiers').blocks[0];
    const formatOf = (header: string) => tiers.numberFormats![tiers.values[0].indexOf(header)];
    expect([formatOf('Sales'), formatOf('Profit'), formatOf('Margin band (margin %)')]).toEqual([euro, euro, '#,##0.00']);
  });

  it('a Sales column in General, or read from a CSV file, keeps two grouped decimals', () => {
    for (const formats of [['@', 'General', 'General'], undefined]) {
      const { result, plan: p } = plan(formats);
      expect(result.moneyFormat).toBeUndefined();
      expect(block(p, 'summary-0').numberFormats![3]).toBe('#,##0.00');
    }
  });

  it('counts the currency sign in the column widths: "$1,000.00" is nine characters, "1,000.00 €" ten', () => {
    expect(shownLength(1000, '#,##0.00')).toBe(8);
    expect(shownLength(1000, '"$"#,##0.00')).toBe(9);
    expect(shownLength(1000, '#,##0.00\\ "€"')).toBe(10);
    // The accounting layout's padding: a space before and after (`_-`), one for the `* ` fill.
    expect(shownLength(1000, '_-* #,##0.00\\ "€"_-;\\-* #,##0.00\\ "€"_-;_-* "-"??\\ "€"_-;_-@_-')).toBe(13);
  });

  it('colours each Pareto bar with its segment’s colour, in the chart’s order (largest first)', () => {
    const { plan: p } = plan();
    const colors = sheet(p, 'summary').charts.map((c) => (c.kind === 'pareto' ? c.pointColors : undefined));
    // ABC by rank: A, B, C in fading greens.
    expect(colors[0]).toEqual(['#A9D08E', '#C6E0B4', '#E2EFDA']);
    // Bands by sign, sorted by profit: High (C1 100) green, Low (C3 5) yellow, Loss (C2 -20) red.
    expect(block(p, 'pareto-1').values.slice(1).map((r) => r[0])).toEqual(['High', 'Low', 'Loss']);
    expect(colors[1]).toEqual([SEGMENT_FILLS.good, SEGMENT_FILLS.middle, SEGMENT_FILLS.bad]);
  });
});
