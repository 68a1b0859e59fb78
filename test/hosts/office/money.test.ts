// The workbook's currency through the office host: the Sales column's number format is read with the
// source, and the summary and tiers write their amounts in it (to the cent); the summary's Pareto bars
// take each segment's colour, point by point, and the runs' stacked columns each segment's colour, series
// by series.
import type { Cell } from '../../../src/engine/types';
import type { SimOptions } from '../../support/excel-sim';
import { runTierwise } from '../../support/pipeline';
import { excel, sheetWith } from './helpers';

// C1 sells 800, C2 150, C3 50: with ABC 80/15/5, A C1, B C2, C C3.
const SALES: Cell[][] = [
  ['Customer ID', 'Customer Name', 'Sales', 'Profit'],
  ['C1', 'One', 800, 100],
  ['C2', 'Two', 150, -20],
  ['C3', 'Three', 50, 5],
];
const SHEET = { kind: 'sheet', name: 'Sales' } as const;

function book(salesFormat?: string, faults: SimOptions['faults'] = {}) {
  const x = excel({ faults });
  const sheet = sheetWith(x.sim, 'Sales', SALES);
  if (salesFormat) for (let r = 1; r < SALES.length; r++) sheet.setFormatId(r, 2, sheet.formats.id(salesFormat));
  return x;
}

describe('office host: the workbook’s currency', () => {
  it('reads the number format of each column with the source: the Sales column’s euros, Profit’s General, none for text', async () => {
    const { host } = book('[$€-407] #,##0.00');
    const table = await host.readSource(SHEET);
    expect(table.numberFormats).toEqual([undefined, undefined, '[$€-407] #,##0.00', 'General']);
  });

  it('writes the summary’s and the tiers’ amounts in the Sales column’s currency, never past the cent', async () => {
    const { sim, host } = book('#,##0.000\\ "€"');
    const { result } = await runTierwise(host, SHEET);
    expect(result.moneyFormat).toBe('#,##0.000\\ "€"');
    const summary = sim.model.findSheet('Segment Summary')!;
    // Row 4 (0-based) is segment A of Sales ABC: Sales, Profit and Average sales in euros, counts and shares as before.
    expect([1, 2, 3, 4, 5, 6].map((c) => summary.format(4, c))).toEqual(['#,##0', '0.0%', '#,##0.00\\ "€"', '0.0%', '#,##0.00\\ "€"', '#,##0.00\\ "€"']);
    const tiers = sim.model.findSheet('Customer Tiers')!;
    expect(tiers.value(0, 2)).toBe('Sales');
    expect(tiers.format(1, 2)).toBe('#,##0.00\\ "€"');
    expect(tiers.format(1, 3)).toBe('#,##0.00\\ "€"'); // Profit
  });

  it('without a money format on Sales (General), amounts keep two grouped decimals', async () => {
    const { sim, host } = book();
    const { result } = await runTierwise(host, SHEET);
    expect(result.moneyFormat).toBeUndefined();
    expect(sim.model.findSheet('Segment Summary')!.format(4, 3)).toBe('#,##0.00');
  });

  it('colours each bar of the Pareto chart with its segment’s colour (A, B, C by rank)', async () => {
    const { sim, host } = book();
    await runTierwise(host, SHEET);
    const [chart] = sim.model.findSheet('Segment Summary')!.charts.filter((c) => !c.deleted);
    expect(chart.type).toBe('Pareto');
    // The chart's rows are the segments by sales, largest first: A 800, B 150, C 50.
    expect(chart.props.pointFills).toEqual([['#A9D08E', '#C6E0B4', '#E2EFDA']]);
  });

  it('colours the bars of the column and line combination too (Excel without the Pareto type, ExcelApi 1.8)', async () => {
    const { sim, host } = excel({ excelApi: 8 });
    sheetWith(sim, 'Sales', SALES);
    await runTierwise(host, SHEET);
    const [chart] = sim.model.findSheet('Segment Summary')!.charts.filter((c) => !c.deleted);
    expect(chart.type).toBe('ColumnClustered');
    expect(chart.props.seriesTypes).toEqual(['ColumnClustered', 'Line']);
    // Only the columns (series 0); the cumulative line keeps its one colour.
    expect(chart.props.pointFills).toEqual([['#A9D08E', '#C6E0B4', '#E2EFDA']]);
  });

  it('draws the runs side by side as stacked columns, a series per segment in its colour, from the second run on', async () => {
    const { sim, host } = book();
    await runTierwise(host, SHEET, { time: '2026-01-31T09:00:00.000Z' });
    expect(sim.model.findSheet('Segment Summary')!.charts.filter((c) => !c.deleted).map((c) => c.type)).toEqual(['Pareto', 'Pareto']);
    await runTierwise(host, SHEET, { time: '2026-02-28T09:00:00.000Z' });
    const summary = sim.model.findSheet('Segment Summary')!;
    const charts = summary.charts.filter((c) => !c.deleted);
    expect(charts.map((c) => c.type)).toEqual(['Pareto', 'ColumnStacked', 'Pareto', 'ColumnStacked']);
    const [, abc] = charts;
    // Its data is the runs' table: Run, then A, B, C (nobody was without a segment, so no (none)).
    const { r0, c0, rows, cols } = abc.source.rect;
    expect([summary.value(r0, c0), rows, cols]).toEqual(['Run', 3, 4]);
    expect(summary.value(r0 + 1, c0)).toBe('2026-01-31 09:00 UTC');
    expect(abc.series).toEqual(['A', 'B', 'C']);
    expect(abc.props.seriesFills).toEqual(['#A9D08E', '#C6E0B4', '#E2EFDA']);
    expect(abc.props.title).toEqual({ text: 'Sales ABC: customers per segment, run by run' });
  });

  it('a series colour this Excel refuses costs the colours only: the stacked chart stays, and a warning says so', async () => {
    const { sim, host } = book(undefined, { 'ChartSeries.format.fill': 'NotImplemented' });
    await runTierwise(host, SHEET, { time: '2026-01-31T09:00:00.000Z' });
    const { report } = await runTierwise(host, SHEET, { time: '2026-02-28T09:00:00.000Z' });
    expect(report.complete).toBe(true);
    const charts = sim.model.findSheet('Segment Summary')!.charts.filter((c) => !c.deleted);
    expect(charts.map((c) => [c.type, c.props.seriesFills])).toEqual([
      ['Pareto', undefined],
      ['ColumnStacked', undefined],
      ['Pareto', undefined],
      ['ColumnStacked', undefined],
    ]);
    // The Pareto bars keep theirs.
    expect(charts[0].props.pointFills).toEqual([['#A9D08E', '#C6E0B4', '#E2EFDA']]);
    expect(report.issues.map((i) => i.message)).toContainEqual(expect.stringMatching(/^The segment colours of the chart "Sales ABC: customers per segment, run by run" could not be applied in this version of Excel \(.+\): its segments keep Excel’s own colours; the legend names each one\.$/));
  });

  // A Margin column the workbook formats as a percentage holds rates: the run says so at its header
  // (test/engine/rate-column.test.ts has the rule), from the format the host read.
  it('a Margin column formatted as a percentage is said to hold rates, not profit amounts', async () => {
    const x = excel();
    const rows: Cell[][] = [['Customer ID', 'Sales', 'Margin'], ['C1', 800, 0.125], ['C2', 150, -0.2], ['C3', 50, 0.3]];
    const sheet = sheetWith(x.sim, 'Sales', rows);
    for (let r = 1; r < rows.length; r++) sheet.setFormatId(r, 2, sheet.formats.id('0.0%'));
    const { table, result } = await runTierwise(x.host, SHEET);
    expect(table.numberFormats?.[2]).toBe('0.0%');
    expect(result.issues.filter((i) => i.severity === 'warning').map((i) => `${i.where}: ${i.message.slice(0, 58)}`)).toEqual(['Sales!C1: Margin is formatted as a percentage (0.0%): it holds rates']);
  });
});
