// The summary's charts in .xlsx files, as DrawingML: the measure as columns and, for a Pareto, the
// cumulative share as a line on a secondary axis (the combination the office host draws where Excel
// has no Pareto type); the customers of each segment, run by run, as stacked columns. Elements follow
// the schema's order (CT_ChartSpace, CT_BarChart, CT_LineChart, CT_CatAx, CT_ValAx), which Excel checks
// before it opens a file. Series point at the sheet's cells and carry no cached values, as other
// writers' charts often do: the reader draws from the cells (LibreOffice does, tested; Excel is expected
// to, not verified here: no Excel runs on these machines).
import { quoteSheet } from '../../engine/address';
import { CHART_COLORS } from '../../plan/colors';
import { stackedSeries, type PlannedBlock, type PlannedChart } from '../../plan/plan';
import { columnLetters, escapeXml, NS } from './xml';

const C = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const XDR = 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing';

/** `#c6efce` -> `C6EFCE`. */
const rgbOf = (hex: string) => hex.replace('#', '').toUpperCase();
// Office's first two accent colours, given explicitly: without them each reader picks its own
// (LibreOffice drew neither the columns nor the line, only the markers).
const BAR = rgbOf(CHART_COLORS.column);
const LINE = rgbOf(CHART_COLORS.line);
const fill = (rgb: string) => `<a:solidFill><a:srgbClr val="${rgb}"/></a:solidFill>`;
// Segment fills are light (black text on them reads at 10:1): a grey outline keeps a pale bar visible on
// white.
const OUTLINE = rgbOf(CHART_COLORS.outline);

/** One `<c:dPt>` per bar: the segment's colour (CT_DPt: idx, invertIfNegative, bubble3D, spPr). */
function dataPoints(colors: readonly string[] | undefined): string {
  return (colors ?? [])
    .map((hex, i) => `<c:dPt><c:idx val="${i}"/><c:invertIfNegative val="0"/><c:bubble3D val="0"/><c:spPr>${fill(rgbOf(hex))}<a:ln w="9525">${fill(OUTLINE)}</a:ln></c:spPr></c:dPt>`)
    .join('');
}

const marker = `<c:marker><c:symbol val="circle"/><c:size val="5"/><c:spPr>${fill(LINE)}<a:ln>${fill(LINE)}</a:ln></c:spPr></c:marker>`;

/** `'Segment Summary'!$A$8:$A$10`: rows are 0-based, both ends included. */
function ref(sheet: string, column: number, first: number, last: number): string {
  const col = `$${columnLetters(column)}$`;
  return `${quoteSheet(sheet)}!${col}${first + 1}${last > first ? `:${col}${last + 1}` : ''}`;
}

/**
 * One series of the block: its header cell names it, its data rows are the values. `look` is what the
 * schema puts between the name and the categories (spPr, then a bar's invertIfNegative and dPt, or a
 * line's marker); `tail` what follows the values (a line's smooth).
 */
function series(sheet: string, block: PlannedBlock, categoryColumn: number, index: number, column: number, look: string, tail = ''): string {
  const head = block.row;
  const first = block.row + 1;
  const last = block.row + block.values.length - 1;
  const f = (formula: string) => `<c:f>${escapeXml(formula)}</c:f>`;
  return [
    `<c:ser><c:idx val="${index}"/><c:order val="${index}"/>`,
    `<c:tx><c:strRef>${f(ref(sheet, block.column + column, head, head))}</c:strRef></c:tx>`,
    look,
    `<c:cat><c:strRef>${f(ref(sheet, block.column + categoryColumn, first, last))}</c:strRef></c:cat>`,
    `<c:val><c:numRef>${f(ref(sheet, block.column + column, first, last))}</c:numRef></c:val>`,
    tail,
    '</c:ser>',
  ].join('');
}

/** A bar series' look: one fill (and an outline under segment colours), then each bar's own. */
const barLook = (rgb: string, outline: boolean, points: string) => `<c:spPr>${fill(rgb)}${outline ? `<a:ln w="9525">${fill(OUTLINE)}</a:ln>` : ''}</c:spPr><c:invertIfNegative val="0"/>${points}`;
const lineLook = `<c:spPr><a:ln w="22225" cap="rnd">${fill(LINE)}<a:round/></a:ln></c:spPr>${marker}`;

const scaling = '<c:scaling><c:orientation val="minMax"/></c:scaling>';
const ticks = (labels: 'nextTo' | 'low') => `<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="${labels}"/>`;

function categoryAxis(id: number, cross: number, deleted: boolean): string {
  // The segment names under the plot area (`low`), not at the zero line: a loss-making band's bar
  // reaches below zero and its name was drawn over it.
  return (
    `<c:catAx><c:axId val="${id}"/>${scaling}<c:delete val="${deleted ? 1 : 0}"/><c:axPos val="b"/>${ticks('low')}` +
    `<c:crossAx val="${cross}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>`
  );
}

function valueAxis(id: number, cross: number, side: 'l' | 'r', format: string): string {
  return (
    `<c:valAx><c:axId val="${id}"/>${scaling}<c:delete val="0"/><c:axPos val="${side}"/>${side === 'l' ? '<c:majorGridlines/>' : ''}` +
    `<c:numFmt formatCode="${escapeXml(format)}" sourceLinked="0"/>${ticks('nextTo')}<c:crossAx val="${cross}"/>` +
    // The secondary axis crosses at the right end, where Excel puts a secondary axis.
    `<c:crosses val="${side === 'l' ? 'autoZero' : 'max'}"/><c:crossBetween val="between"/></c:valAx>`
  );
}

/** The chart part of one planned chart, whose data is `block` on the sheet named `sheet`. */
export function chartXml(sheet: string, chart: PlannedChart, block: PlannedBlock): string {
  const title = `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr/></a:pPr><a:r><a:t>${escapeXml(chart.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${C}" xmlns:a="${A}" xmlns:r="${NS.rel}"><c:roundedCorners val="0"/>` +
    `<c:chart>${title}<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>${plot(sheet, chart, block)}</c:plotArea>` +
    `<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`
  );
}

/** The plot area's charts and axes (CT_PlotArea: the charts, then the axes). */
function plot(sheet: string, chart: PlannedChart, block: PlannedBlock): string {
  const [cat, val, cat2, val2] = [1, 2, 3, 4];
  switch (chart.kind) {
    case 'stacked': {
      // Stacked columns overlap fully (CT_BarChart: barDir, grouping, varyColors, ser*, gapWidth, overlap, axId).
      const all = stackedSeries(chart, block.values[0].length).map((column, i) =>
        series(sheet, block, chart.categoryColumn, i, column, barLook(rgbOf(chart.seriesColors[i] ?? CHART_COLORS.column), chart.seriesColors.length > 0, '')),
      );
      return (
        `<c:barChart><c:barDir val="col"/><c:grouping val="stacked"/><c:varyColors val="0"/>${all.join('')}` +
        `<c:gapWidth val="60"/><c:overlap val="100"/><c:axId val="${cat}"/><c:axId val="${val}"/></c:barChart>` +
        categoryAxis(cat, val, false) +
        valueAxis(val, cat, 'l', '#,##0')
      );
    }
    case 'pareto':
    case 'column': {
      const line = chart.kind === 'pareto' && chart.cumulativeColumn !== undefined;
      // Under bars in segment colours the series itself is grey, so its legend entry claims no colour.
      const colored = (chart.pointColors?.length ?? 0) > 0;
      const bars =
        `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>` +
        series(sheet, block, chart.categoryColumn, 0, chart.valueColumn, barLook(colored ? OUTLINE : BAR, false, dataPoints(chart.pointColors))) +
        `<c:gapWidth val="60"/><c:axId val="${cat}"/><c:axId val="${val}"/></c:barChart>`;
      const cumulative = line
        ? `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${series(sheet, block, chart.categoryColumn, 1, chart.cumulativeColumn!, lineLook, '<c:smooth val="0"/>')}` +
          `<c:marker val="1"/><c:axId val="${cat2}"/><c:axId val="${val2}"/></c:lineChart>`
        : '';
      return (
        bars +
        cumulative +
        categoryAxis(cat, val, false) +
        valueAxis(val, cat, 'l', '#,##0') +
        // The share axis scales itself: with loss-making segments a cumulative profit share leaves 0 to 100 %.
        (line ? categoryAxis(cat2, val2, true) + valueAxis(val2, cat2, 'r', '0%') : '')
      );
    }
  }
}

/** The drawing part of a sheet: each chart anchored to the cells the plan gave it. */
export function drawingXml(anchors: readonly { chart: PlannedChart; relId: string }[]): string {
  const marker = (tag: 'from' | 'to', row: number, column: number) =>
    `<xdr:${tag}><xdr:col>${column}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  const frames = anchors.map(
    ({ chart, relId }, i) =>
      `<xdr:twoCellAnchor>${marker('from', chart.row, chart.column)}${marker('to', chart.row + chart.height, chart.column + chart.width)}` +
      `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${escapeXml(chart.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
      `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
      `<a:graphic><a:graphicData uri="${C}"><c:chart xmlns:c="${C}" xmlns:r="${NS.rel}" r:id="${relId}"/></a:graphicData></a:graphic>` +
      `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`,
  );
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="${XDR}" xmlns:a="${A}">${frames.join('')}</xdr:wsDr>`;
}
