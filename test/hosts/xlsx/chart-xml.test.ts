/**
 * @jest-environment jsdom
 */
// The chart and drawing parts, parsed by a real XML parser (jsdom's DOMParser): well-formed, in the
// schema's element order (which Excel checks), and every axis crossing the axis it names.
import { chartXml, drawingXml } from '../../../src/hosts/xlsx/chart-xml';
import type { PlannedBlock, PlannedChart } from '../../../src/plan/plan';

const block: PlannedBlock = {
  id: 'pareto-0',
  row: 6,
  column: 0,
  values: [['Segment', 'Sales', 'Cumulative %'], ['A', 800, 0.8], ['B', 150, 0.95], ['C', 50, 1]],
};
const pareto: PlannedChart = { kind: 'pareto', title: 'Sales & "ABC" <2026>', blockId: 'pareto-0', categoryColumn: 0, valueColumn: 1, cumulativeColumn: 2, row: 6, column: 8, width: 8, height: 15 };

function parse(xml: string): Document {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
  return doc;
}
const children = (el: Element) => Array.from(el.children).map((c) => c.localName);
const one = (doc: Document | Element, tag: string) => doc.getElementsByTagName(tag)[0];
const val = (el: Element, tag: string) => Array.from(el.children).find((c) => c.localName === tag)?.getAttribute('val');

describe('chart part', () => {
  it('a Pareto: columns on the primary axes, the cumulative share as a line on secondary axes at the right', () => {
    const doc = parse(chartXml("O'Brien Summary", pareto, block));
    expect(children(one(doc, 'c:chartSpace'))).toEqual(['roundedCorners', 'chart']);
    expect(children(one(doc, 'c:chart'))).toEqual(['title', 'autoTitleDeleted', 'plotArea', 'legend', 'plotVisOnly', 'dispBlanksAs']);
    expect(children(one(doc, 'c:plotArea'))).toEqual(['layout', 'barChart', 'lineChart', 'catAx', 'valAx', 'catAx', 'valAx']);
    expect(children(one(doc, 'c:barChart'))).toEqual(['barDir', 'grouping', 'varyColors', 'ser', 'gapWidth', 'axId', 'axId']);
    expect(children(one(doc, 'c:lineChart'))).toEqual(['grouping', 'varyColors', 'ser', 'marker', 'axId', 'axId']);
    const [bar, line] = Array.from(doc.getElementsByTagName('c:ser'));
    expect(children(bar)).toEqual(['idx', 'order', 'tx', 'spPr', 'invertIfNegative', 'cat', 'val']);
    expect(children(line)).toEqual(['idx', 'order', 'tx', 'spPr', 'marker', 'cat', 'val', 'smooth']);
    // The block sits at A7:C10 (0-based row 6): names in row 7, data in rows 8 to 10; the quote in the sheet name is doubled.
    const formulas = (ser: Element) => Array.from(ser.getElementsByTagName('c:f')).map((f) => f.textContent);
    expect(formulas(bar)).toEqual(["'O''Brien Summary'!$B$7", "'O''Brien Summary'!$A$8:$A$10", "'O''Brien Summary'!$B$8:$B$10"]);
    expect(formulas(line)).toEqual(["'O''Brien Summary'!$C$7", "'O''Brien Summary'!$A$8:$A$10", "'O''Brien Summary'!$C$8:$C$10"]);
    expect(one(doc, 'a:t').textContent).toBe('Sales & "ABC" <2026>');
    // Each chart type's two axes exist and cross each other; the secondary value axis is on the right.
    const axes = new Map(Array.from(one(doc, 'c:plotArea').children).filter((c) => c.localName.endsWith('Ax')).map((ax) => [val(ax, 'axId'), ax]));
    for (const chart of ['c:barChart', 'c:lineChart']) {
      const [x, y] = Array.from(one(doc, chart).children).filter((c) => c.localName === 'axId').map((c) => c.getAttribute('val'));
      expect([val(axes.get(x)!, 'crossAx'), val(axes.get(y)!, 'crossAx')]).toEqual([y, x]);
    }
    const [, primary, secondaryCat, secondary] = [...axes.values()];
    expect([val(primary, 'axPos'), val(secondary, 'axPos'), val(secondary, 'crosses'), val(secondaryCat, 'delete')]).toEqual(['l', 'r', 'max', '1']);
    expect(one(secondary, 'c:numFmt').getAttribute('formatCode')).toBe('0%');
  });

  it('a plain column chart has the columns and their two axes only', () => {
    const doc = parse(chartXml('Summary', { ...pareto, kind: 'column', cumulativeColumn: undefined }, block));
    expect(children(one(doc, 'c:plotArea'))).toEqual(['layout', 'barChart', 'catAx', 'valAx']);
  });

  it('stacked columns: a column per run, one series per segment column, each in its colour with a grey outline', () => {
    // The runs' table at A20:E23: Run, A, B, (none); three runs.
    const runs: PlannedBlock = {
      id: 'runs-0',
      row: 19,
      column: 0,
      values: [['Run', 'A', 'B', '(none)'], ['2026-01-31 09:00 UTC', 1, 2, 0], ['2026-02-28 09:00 UTC', 2, 1, 0], ['2026-03-31 09:00 UTC', 2, 0, 1]],
    };
    const stacked: PlannedChart = { kind: 'stacked', title: 'Sales ABC: customers per segment, run by run', blockId: 'runs-0', categoryColumn: 0, firstSeriesColumn: 1, seriesColors: ['#A9D08E', '#c6e0b4', '#EDEDED'], row: 19, column: 8, width: 8, height: 14 };
    const doc = parse(chartXml('Summary', stacked, runs));
    expect(children(one(doc, 'c:plotArea'))).toEqual(['layout', 'barChart', 'catAx', 'valAx']);
    const bars = one(doc, 'c:barChart');
    expect(children(bars)).toEqual(['barDir', 'grouping', 'varyColors', 'ser', 'ser', 'ser', 'gapWidth', 'overlap', 'axId', 'axId']);
    expect([val(bars, 'barDir'), val(bars, 'grouping'), val(bars, 'overlap')]).toEqual(['col', 'stacked', '100']);
    const series = Array.from(doc.getElementsByTagName('c:ser'));
    expect(series.map((s) => [val(s, 'idx'), val(s, 'order')])).toEqual([['0', '0'], ['1', '1'], ['2', '2']]);
    expect(children(series[0])).toEqual(['idx', 'order', 'tx', 'spPr', 'invertIfNegative', 'cat', 'val']);
    const formulas = (ser: Element) => Array.from(ser.getElementsByTagName('c:f')).map((f) => f.textContent);
    expect(series.map(formulas)).toEqual([
      ['Summary!$B$20', 'Summary!$A$21:$A$23', 'Summary!$B$21:$B$23'],
      ['Summary!$C$20', 'Summary!$A$21:$A$23', 'Summary!$C$21:$C$23'],
      ['Summary!$D$20', 'Summary!$A$21:$A$23', 'Summary!$D$21:$D$23'],
    ]);
    // The fill is the series' first srgbClr, the outline's the second.
    const colours = (ser: Element) => Array.from(one(ser, 'c:spPr').getElementsByTagName('a:srgbClr')).map((c) => c.getAttribute('val'));
    expect(series.map(colours)).toEqual([['A9D08E', '7F7F7F'], ['C6E0B4', '7F7F7F'], ['EDEDED', '7F7F7F']]);
    expect(one(one(doc, 'c:valAx'), 'c:numFmt').getAttribute('formatCode')).toBe('#,##0');
  });
});

describe('drawing part', () => {
  it('anchors each chart to the cells the plan gave it, with unique ids', () => {
    const doc = parse(drawingXml([{ chart: pareto, relId: 'rId1' }, { chart: { ...pareto, row: 30, title: 'Second' }, relId: 'rId2' }]));
    const anchors = Array.from(doc.getElementsByTagName('xdr:twoCellAnchor'));
    expect(anchors.map(children)).toEqual([['from', 'to', 'graphicFrame', 'clientData'], ['from', 'to', 'graphicFrame', 'clientData']]);
    const cell = (a: Element, tag: string) => ['xdr:col', 'xdr:row'].map((t) => Number(one(one(a, tag), t).textContent));
    expect(anchors.map((a) => [cell(a, 'xdr:from'), cell(a, 'xdr:to')])).toEqual([[[8, 6], [16, 21]], [[8, 30], [16, 45]]]);
    expect(anchors.map((a) => one(a, 'xdr:cNvPr').getAttribute('id'))).toEqual(['2', '3']);
    expect(anchors.map((a) => one(a, 'c:chart').getAttribute('r:id'))).toEqual(['rId1', 'rId2']);
    expect(one(anchors[0], 'xdr:cNvPr').getAttribute('name')).toBe('Sales & "ABC" <2026>');
  });
});
