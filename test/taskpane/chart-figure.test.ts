// The playground's chart figures, worked by hand. The box is 420 x 260 (unless a width is given), with
// margins top 12 and bottom 24 (84 when the category names are turned): the plot is 224 high from y 12
// (164 when turned). The side margins hold the axes' labels at 6.2 units a character, rounded up, plus
// 6 to the plot and 4 to the edge: "800" takes 19 + 10 = 29 at the left, "100.0%" 38 + 10 = 48 at the
// right; a chart without a share axis keeps 16 at the right. Numbers are written as en-US writes them.
import type { PlannedChart } from '../../src/plan/plan';
import { makeFormats } from '../../src/taskpane/format';
import { chartFigure, roundStep } from '../../src/taskpane/playground/chart-figure';

const frame = { title: 't', blockId: 'b', categoryColumn: 0, row: 0, column: 8, width: 8, height: 15 };

describe('roundStep', () => {
  it('steps by 1, 2 or 5 times a power of ten, for about five intervals', () => {
    expect([roundStep(800), roundStep(1000), roundStep(1200), roundStep(3), roundStep(0.8), roundStep(0), roundStep(-1)]).toEqual([200, 200, 500, 1, 0.2, 1, 1]);
  });
});

describe('chartFigure', () => {
  it('a Pareto: columns in the segments’ colours from zero, the cumulative share on its own axis', () => {
    const chart: PlannedChart = { ...frame, kind: 'pareto', valueColumn: 1, cumulativeColumn: 2, pointColors: ['#A9D08E', '#C6E0B4', '#E2EFDA'] };
    const f = chartFigure(chart, [
      ['Segment', 'Sales', 'Cumulative %'],
      ['A', 800, 0.8],
      ['B', 150, 0.95],
      ['C', 50, 1],
    ]);
    // Values 0 to 800 step 200 (800 / 5 = 160, rounded up to 200): 1 unit = 224 / 800 = 0.28 of a row.
    // The plot from x 29 to 420 - 48 = 372, 343 wide: three categories of 114.33 each; columns
    // 114.33 / 1.6 = 71.46 wide, centred at 86.17, 200.5, 314.83.
    expect(f.turned).toBe(false);
    expect(f.ticks.map((t) => t.value)).toEqual([0, 200, 400, 600, 800]);
    expect(f.ticks.map((t) => t.text)).toEqual(['0', '200', '400', '600', '800']);
    expect([f.plot.left, f.plot.width]).toEqual([29, 343]);
    expect(f.ticks.map((t) => t.y)).toEqual([236, 180, 124, 68, 12]);
    expect(f.plot.zero).toBe(236);
    const round = (n: number) => Math.round(n * 100) / 100;
    expect(f.bars.map((b) => [b.category, round(b.x), round(b.width), round(b.y), round(b.height), b.fill])).toEqual([
      ['A', 50.44, 71.46, 12, 224, '#A9D08E'],
      ['B', 164.77, 71.46, 194, 42, '#C6E0B4'],
      ['C', 279.1, 71.46, 222, 14, '#E2EFDA'],
    ]);
    // The share axis 0 to 100 % in steps of 0.2 (1 / 5): 80 % at 12 + 0.2 * 224 = 56.8.
    expect(f.line!.ticks.map((t) => t.value)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(f.line!.ticks.map((t) => t.text)).toEqual(['0.0%', '20.0%', '40.0%', '60.0%', '80.0%', '100.0%']);
    expect(f.line!.points.map((p) => [round(p.x), round(p.y)])).toEqual([
      [86.17, 56.8],
      [200.5, 23.2],
      [314.83, 12],
    ]);
    // Coloured columns need no legend entry of their own (the categories name them); the line has one.
    expect(f.legend).toEqual([{ name: 'Cumulative %', fill: '#ED7D31', kind: 'line' }]);
  });

  it('a loss reaches below zero, and the axis widens to the step below it', () => {
    const chart: PlannedChart = { ...frame, kind: 'pareto', valueColumn: 1, cumulativeColumn: 2 };
    const f = chartFigure(chart, [
      ['Segment', 'Profit', 'Cumulative %'],
      ['High', 100, 1.2],
      ['Loss', -20, 1],
    ]);
    // -20 to 100: 120 / 5 = 24, rounded up to 50; the axis -50 to 100, 150 units over 224 rows.
    expect(f.ticks.map((t) => t.value)).toEqual([-50, 0, 50, 100]);
    const zero = 12 + (100 / 150) * 224;
    expect(f.plot.zero).toBeCloseTo(zero, 9);
    const loss = f.bars[1];
    expect([loss.y, loss.height]).toEqual([zero, (20 / 150) * 224].map((v) => expect.closeTo(v, 9)));
    // A share above 100 % (a loss-making segment after it) widens the share axis: 1.2 / 5 = 0.24, rounded up
    // to 0.5, so 0 to 1.5.
    expect(f.line!.ticks.map((t) => t.value)).toEqual([0, 0.5, 1, 1.5]);
    // Without segment colours the columns take Office's first accent and a legend entry.
    expect(f.bars.map((b) => b.fill)).toEqual(['#4472C4', '#4472C4']);
    expect(f.legend.map((l) => l.name)).toEqual(['Profit', 'Cumulative %']);
  });

  it('stacked columns: each run’s segments one on the other in the table’s order; empty and text cells draw nothing', () => {
    const chart: PlannedChart = { ...frame, kind: 'stacked', firstSeriesColumn: 1, seriesColors: ['#A9D08E', '#C6E0B4', '#EDEDED'] };
    const f = chartFigure(chart, [
      ['Run', 'A', 'B', '(none)'],
      ['2026-01-31 09:00 UTC', 300, 500, 0],
      ['2026-02-28 09:00 UTC', 400, 350, 'n/a'],
    ]);
    // The runs' names (20 characters, 124 units) fit side by side in (420 - 29 - 16) / 2 = 187.5 per run: flat.
    expect(f.turned).toBe(false);
    // Tops 800 and 750: 0 to 800 by 200. Run 1: A from 0 to 300, B from 300 to 800; run 2: A 0-400, B 400-750.
    expect(f.ticks.map((t) => t.value)).toEqual([0, 200, 400, 600, 800]);
    const y = (v: number) => 236 - v * 0.28;
    expect(f.bars.map((b) => [b.category.slice(0, 10), b.series, b.value, b.y, b.height, b.fill])).toEqual([
      ['2026-01-31', 'A', 300, y(300), 300 * 0.28, '#A9D08E'],
      ['2026-01-31', 'B', 500, y(800), 500 * 0.28, '#C6E0B4'],
      ['2026-02-28', 'A', 400, y(400), 400 * 0.28, '#A9D08E'],
      ['2026-02-28', 'B', 350, y(750), 350 * 0.28, '#C6E0B4'],
    ].map((r) => r.map((v) => (typeof v === 'number' ? expect.closeTo(v, 9) : v))));
    expect(f.legend).toEqual([
      { name: 'A', fill: '#A9D08E', kind: 'column' },
      { name: 'B', fill: '#C6E0B4', kind: 'column' },
      { name: '(none)', fill: '#EDEDED', kind: 'column' },
    ]);
  });

  it('turns the category names when they would overlap side by side, and the plot gives them room', () => {
    const chart: PlannedChart = { ...frame, kind: 'stacked', firstSeriesColumn: 1, seriesColors: ['#A9D08E'] };
    // Twelve runs, ticks 0 to 12 ("12": 13 + 10 = 23 at the left): (420 - 23 - 16) / 12 = 31.75 per run,
    // less than a 20-character name.
    const rows = Array.from({ length: 12 }, (_, i) => [`2026-${String(i + 1).padStart(2, '0')}-01 09:00 UTC`, i + 1]);
    const f = chartFigure(chart, [['Run', 'A'], ...rows]);
    expect(f.turned).toBe(true);
    expect(f.plot.height).toBe(164);
    expect(f.categories).toHaveLength(12);
  });

  it('as wide as the page gives: a narrow figure narrows the plot, not the text; never below 240', () => {
    const chart: PlannedChart = { ...frame, kind: 'stacked', firstSeriesColumn: 1, seriesColors: ['#A9D08E'] };
    const cells = [['Run', 'A'], ['2026-01-31 09:00 UTC', 300], ['2026-02-28 09:00 UTC', 400]];
    // 280 wide (a 320-pixel pane), ticks 0 to 400: the margins 29 and 16, so the plot is 235 wide; two
    // runs get 117.5 each, less than a 20-character name (124), so the names turn. Columns 117.5 / 1.6 =
    // 73.44 wide, centred at 29 + 58.75 = 87.75 and 205.25.
    const narrow = chartFigure(chart, cells, 280.4);
    expect([narrow.width, narrow.plot.width, narrow.turned]).toEqual([280, 235, true]);
    expect(narrow.bars.map((b) => Math.round(b.x * 100) / 100)).toEqual([51.03, 168.53]);
    // Below the least width the drawing keeps 240 (the page scales it down then).
    expect(chartFigure(chart, cells, 100).width).toBe(240);
    // Unmeasured, the drawing is 420 wide, as in the tests above.
    expect(chartFigure(chart, cells).width).toBe(420);
  });

  it('the margins are as wide as the labels: millions at the left, in the page’s own way of writing them', () => {
    const chart: PlannedChart = { ...frame, kind: 'pareto', valueColumn: 1, cumulativeColumn: 2 };
    const cells = [['Segment', 'Sales', 'Cumulative %'], ['A', 1839080, 0.8], ['B', 343905, 1]];
    // 0 to 2,000,000 by 500,000: "2,000,000" is 9 characters, 56 units, so 66 at the left.
    const f = chartFigure(chart, cells);
    expect([f.ticks.at(-1)!.text, f.plot.left, f.plot.width]).toEqual(['2,000,000', 66, 420 - 66 - 48]);
    // In French the labels are "2 000 000" and "100,0 %" (7 characters: 44 + 10 = 54 at the right).
    const fr = chartFigure(chart, cells, 420, makeFormats('fr-FR'));
    expect([fr.ticks.at(-1)!.text.replace(/\s/g, ' '), fr.line!.ticks.at(-1)!.text.replace(/\s/g, ' '), fr.plot.left, fr.plot.width]).toEqual(['2 000 000', '100,0 %', 66, 420 - 66 - 54]);
  });
});
