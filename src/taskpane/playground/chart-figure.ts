// The playground's drawing of a chart Tierwise wrote, read from the sheet's cells as Excel reads a
// chart's source: columns in each segment's colour with the cumulative share as a line (a Pareto),
// or a stacked column per run. Pure: the chart and its cells in, shapes in a fixed box out; the
// component (SheetCharts.tsx) only draws them.
import type { Cell } from '../../engine/types';
import { CHART_COLORS } from '../../plan/colors';
import { stackedSeries, type PlannedChart } from '../../plan/plan';
import { makeFormats, type Formats } from '../format';

/**
 * The box a figure is drawn in (SVG user units, one per CSS pixel where the page has room). The width
 * follows the space the page gives, so a narrow pane gets a narrower plot with text at its full size
 * rather than the whole drawing scaled down; below MIN_FIGURE_WIDTH the drawing is scaled after all,
 * as the plot would have no room left. The side margins are as wide as the axes' labels need.
 */
export const FIGURE_WIDTH = 420;
export const MIN_FIGURE_WIDTH = 240;
export const FIGURE_HEIGHT = 260;
const TOP = 12;
/** Between an axis label and the plot, and between a label and the drawing's edge. */
const LABEL_GAP = 6;
const EDGE = 4;
/** The right margin of a chart without a share axis: room for the last column's name to centre. */
const RIGHT_BARE = 16;
/** Below the plot: one line of category names, or room for them turned when they do not fit side by side. */
const BOTTOM_FLAT = 24;
const BOTTOM_TURNED = 84;
/** A column without a segment colour, and the cumulative line: as the .xlsx charts draw them. */
const COLUMN = CHART_COLORS.column;
const LINE = CHART_COLORS.line;
/** Column width over the width each category gets: Excel's gap width of 60 % (the .xlsx charts' too). */
const COLUMN_SHARE = 1 / 1.6;
/**
 * An average character of the labels at their size (11 px), to tell whether the category names fit
 * side by side and how wide the axes' labels are: digits and separators are about 6 to 7 px wide.
 */
const CHAR_WIDTH = 6.2;
const labelWidth = (texts: readonly string[]) => Math.ceil(texts.reduce((m, t) => Math.max(m, t.length), 0) * CHAR_WIDTH);

/** How the labels write numbers: the page's formats (src/taskpane/format.ts), counts whole, amounts to the cent. */
export type FigureFormats = Pick<Formats, 'integer' | 'number' | 'percent'>;

export interface FigureBar {
  x: number;
  y: number;
  width: number;
  height: number;
  fill: string;
  /** The category's position (its index in `categories`) and name, the series' name, the value drawn. */
  index: number;
  category: string;
  series: string;
  value: number;
}

export interface FigureTick {
  y: number;
  value: number;
  /** The label beside the axis. */
  text: string;
}

export interface ChartFigure {
  bars: FigureBar[];
  /** Each category's name under the middle of its column (`x`); `turned` when they would overlap flat. */
  categories: { x: number; label: string }[];
  turned: boolean;
  /** The drawing's width (its height is FIGURE_HEIGHT). */
  width: number;
  /** The plot's box, and where the value 0 lies in it. */
  plot: { left: number; top: number; width: number; height: number; zero: number };
  /** The value axis at the left, in round steps. */
  ticks: FigureTick[];
  /** A Pareto's cumulative share: the line and its own axis at the right (0 to 100 %, wider when a share leaves it). */
  line?: { name: string; points: { x: number; y: number; index: number; value: number }[]; ticks: FigureTick[] };
  legend: { name: string; fill: string; kind: 'column' | 'line' }[];
}

/** What a cell plots as: a number, or nothing (text and blanks draw no column, as in Excel). */
const plotted = (v: Cell): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const text = (v: Cell): string => (v === null || v === undefined ? '' : String(v));

/**
 * A round step for about `count` intervals over `span`: 1, 2 or 5 times a power of ten, as chart axes
 * step (a dozen lines; d3-array's `tickStep` does the same, and is ESM-only, which the tests' CommonJS
 * would need a transform for).
 */
export function roundStep(span: number, count = 5): number {
  if (!(span > 0)) return 1;
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const f = raw / power;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * power;
}

/** An axis in round steps covering `[min, max]` (both widened to a step): its tick values, before the plot's height is known. */
function axis(min: number, max: number, count = 5): { lo: number; hi: number; values: number[] } {
  const step = roundStep(max - min, count);
  const lo = Math.floor(min / step + 1e-9) * step;
  const hi = Math.max(Math.ceil(max / step - 1e-9) * step, lo + step);
  const n = Math.round((hi - lo) / step);
  // Each tick from its index, so 0.1 steps do not gather 0.30000000000000004.
  return { lo, hi, values: Array.from({ length: n + 1 }, (_, i) => Number((lo + i * step).toPrecision(12))) };
}

/** The axis placed on the plot's rows: a value's `y`, and the ticks with their labels. */
function placed(a: ReturnType<typeof axis>, texts: readonly string[], top: number, height: number): { ticks: FigureTick[]; y: (v: number) => number } {
  const y = (v: number) => top + ((a.hi - v) / (a.hi - a.lo)) * height;
  return { y, ticks: a.values.map((value, i) => ({ value, y: y(value), text: texts[i] })) };
}

const EN_US = makeFormats('en-US');

/**
 * The figure of `chart` drawn from `cells`: its data range as the sheet holds it, the header row first
 * (the series' names) and a data row per category; `width` wide (rounded, and at least
 * MIN_FIGURE_WIDTH), its numbers written by `formats`.
 */
export function chartFigure(chart: PlannedChart, cells: readonly (readonly Cell[])[], width = FIGURE_WIDTH, formats: FigureFormats = EN_US): ChartFigure {
  const header = cells[0] ?? [];
  const rows = cells.slice(1);
  const labels = rows.map((r) => text(r[chart.categoryColumn]));
  const boxWidth = Math.max(MIN_FIGURE_WIDTH, Math.round(width));

  // What each kind draws: its columns (one per category, or a stack per run), and a Pareto's shares.
  type Drawn = { value: number; index: number; series: string; fill: string; base: number };
  let drawn: Drawn[];
  let legend: ChartFigure['legend'];
  let shares: { name: string; values: (number | undefined)[] } | undefined;
  let low = 0;
  let high = 0;
  switch (chart.kind) {
    case 'pareto':
    case 'column': {
      const values = rows.map((r) => plotted(r[chart.valueColumn]));
      const name = text(header[chart.valueColumn]);
      drawn = values.flatMap((v, i) => (v === undefined ? [] : [{ value: v, index: i, series: name, fill: chart.pointColors?.[i] ?? COLUMN, base: 0 }]));
      low = Math.min(0, ...drawn.map((d) => d.value));
      high = Math.max(0, ...drawn.map((d) => d.value));
      // Coloured columns need no legend entry of their own (the categories name them).
      legend = (chart.pointColors?.length ?? 0) > 0 ? [] : [{ name, fill: COLUMN, kind: 'column' }];
      if (chart.kind === 'pareto' && chart.cumulativeColumn !== undefined) {
        const column = chart.cumulativeColumn;
        shares = { name: text(header[column]), values: rows.map((r) => plotted(r[column])) };
        legend = [...legend, { name: shares.name, fill: LINE, kind: 'line' }];
      }
      break;
    }
    case 'stacked': {
      const series = stackedSeries(chart, header.length);
      // Each run's column: its segments' counts one on the other, from the first column up.
      drawn = [];
      rows.forEach((r, i) => {
        let below = 0;
        series.forEach((c, s) => {
          const v = plotted(r[c]);
          if (v === undefined || v <= 0) return;
          drawn.push({ value: v, index: i, series: text(header[c]), fill: chart.seriesColors[s] ?? COLUMN, base: below });
          below += v;
        });
        high = Math.max(high, below);
      });
      legend = series.map((c, s) => ({ name: text(header[c]), fill: chart.seriesColors[s] ?? COLUMN, kind: 'column' as const }));
      break;
    }
  }

  const values = axis(low, high);
  const whole = values.values.every((v) => Number.isInteger(v));
  const valueTexts = values.values.map((v) => (whole ? formats.integer(v) : formats.number(v)));
  const known = shares?.values.filter((v): v is number => v !== undefined) ?? [];
  const shareAxis = shares && axis(Math.min(0, ...known), Math.max(1, ...known));
  const shareTexts = shareAxis?.values.map((v) => formats.percent(v)) ?? [];
  // The margins hold the labels: the values' at the left, the shares' at the right.
  const left = labelWidth(valueTexts) + LABEL_GAP + EDGE;
  const right = shareAxis ? labelWidth(shareTexts) + LABEL_GAP + EDGE : RIGHT_BARE;
  const band = (boxWidth - left - right) / Math.max(1, rows.length);
  const turned = labelWidth(labels) > band;
  const height = FIGURE_HEIGHT - TOP - (turned ? BOTTOM_TURNED : BOTTOM_FLAT);
  const { ticks, y } = placed(values, valueTexts, TOP, height);
  const plot = { left, top: TOP, width: boxWidth - left - right, height, zero: y(0) };
  const middle = (i: number) => left + band * (i + 0.5);
  const columnWidth = band * COLUMN_SHARE;
  const categories = labels.map((label, i) => ({ x: middle(i), label }));
  const bars = drawn.map((d) => {
    const [from, to] = [y(d.base), y(d.base + d.value)];
    return { x: middle(d.index) - columnWidth / 2, y: Math.min(from, to), width: columnWidth, height: Math.abs(to - from), fill: d.fill, index: d.index, category: labels[d.index], series: d.series, value: d.value };
  });
  if (!shares || !shareAxis) return { bars, categories, turned, width: boxWidth, plot, ticks, legend };
  const shareScale = placed(shareAxis, shareTexts, TOP, height);
  const points = shares.values.flatMap((v, i) => (v === undefined ? [] : [{ x: middle(i), y: shareScale.y(v), index: i, value: v }]));
  return { bars, categories, turned, width: boxWidth, plot, ticks, line: { name: shares.name, points, ticks: shareScale.ticks }, legend };
}
