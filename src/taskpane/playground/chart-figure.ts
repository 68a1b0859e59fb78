// The playground's drawing of a chart Tierwise wrote, read from the sheet's cells as Excel reads a
// chart's source: columns in each segment's colour with the cumulative share as a line (a Pareto),
// or a stacked column per run. Pure: the chart and its cells in, shapes in a fixed box out; the
// component (SheetCharts.tsx) only draws them.
import type { Cell } from '../../engine/types';
import { CHART_COLORS } from '../../plan/colors';
import { stackedSeries, type PlannedChart } from '../../plan/plan';

/**
 * The box a figure is drawn in (SVG user units, one per CSS pixel where the page has room), and the
 * margins around its plot. The width follows the space the page gives, so a narrow pane gets a
 * narrower plot with text at its full size rather than the whole drawing scaled down; below
 * MIN_FIGURE_WIDTH the drawing is scaled after all, as the plot would have no room left.
 */
export const FIGURE_WIDTH = 420;
export const MIN_FIGURE_WIDTH = 240;
export const FIGURE_HEIGHT = 260;
const LEFT = 60;
const RIGHT = 44;
const TOP = 12;
/** Below the plot: one line of category names, or room for them turned when they do not fit side by side. */
const BOTTOM_FLAT = 24;
const BOTTOM_TURNED = 84;
/** A column without a segment colour, and the cumulative line: as the .xlsx charts draw them. */
const COLUMN = CHART_COLORS.column;
const LINE = CHART_COLORS.line;
/** Column width over the width each category gets: Excel's gap width of 60 % (the .xlsx charts' too). */
const COLUMN_SHARE = 1 / 1.6;
/** An average character of the category names at their size, to tell whether they fit side by side. */
const CHAR_WIDTH = 6.2;

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

/** Ticks in round steps covering `[min, max]` (both widened to a step), and the scale to the plot's rows. */
function axis(min: number, max: number, top: number, height: number, count = 5): { ticks: FigureTick[]; y: (v: number) => number } {
  const step = roundStep(max - min, count);
  const lo = Math.floor(min / step + 1e-9) * step;
  const hi = Math.max(Math.ceil(max / step - 1e-9) * step, lo + step);
  const y = (v: number) => top + ((hi - v) / (hi - lo)) * height;
  const n = Math.round((hi - lo) / step);
  // Each tick from its index, so 0.1 steps do not gather 0.30000000000000004.
  const ticks = Array.from({ length: n + 1 }, (_, i) => {
    const value = Number((lo + i * step).toPrecision(12));
    return { value, y: y(value) };
  });
  return { ticks, y };
}

/**
 * The figure of `chart` drawn from `cells`: its data range as the sheet holds it, the header row first
 * (the series' names) and a data row per category; `width` wide (rounded, and at least MIN_FIGURE_WIDTH).
 */
export function chartFigure(chart: PlannedChart, cells: readonly (readonly Cell[])[], width = FIGURE_WIDTH): ChartFigure {
  const header = cells[0] ?? [];
  const rows = cells.slice(1);
  const labels = rows.map((r) => text(r[chart.categoryColumn]));
  const boxWidth = Math.max(MIN_FIGURE_WIDTH, Math.round(width));
  const band = (boxWidth - LEFT - RIGHT) / Math.max(1, rows.length);
  const longest = labels.reduce((m, l) => Math.max(m, l.length), 0);
  const turned = longest * CHAR_WIDTH > band;
  const plot = { left: LEFT, top: TOP, width: boxWidth - LEFT - RIGHT, height: FIGURE_HEIGHT - TOP - (turned ? BOTTOM_TURNED : BOTTOM_FLAT) };
  const middle = (i: number) => plot.left + band * (i + 0.5);
  const columnWidth = band * COLUMN_SHARE;
  const categories = labels.map((label, i) => ({ x: middle(i), label }));
  switch (chart.kind) {
    case 'pareto':
    case 'column': {
      const values = rows.map((r) => plotted(r[chart.valueColumn]));
      const known = values.filter((v): v is number => v !== undefined);
      const { ticks, y } = axis(Math.min(0, ...known), Math.max(0, ...known), plot.top, plot.height);
      const name = text(header[chart.valueColumn]);
      const colored = (chart.pointColors?.length ?? 0) > 0;
      const bars = values.flatMap((v, i) =>
        v === undefined ? [] : [{ x: middle(i) - columnWidth / 2, y: Math.min(y(v), y(0)), width: columnWidth, height: Math.abs(y(v) - y(0)), fill: chart.pointColors?.[i] ?? COLUMN, index: i, category: labels[i], series: name, value: v }],
      );
      const legend: ChartFigure['legend'] = colored ? [] : [{ name, fill: COLUMN, kind: 'column' }];
      if (chart.kind === 'column' || chart.cumulativeColumn === undefined) return { bars, categories, turned, width: boxWidth, plot: { ...plot, zero: y(0) }, ticks, legend };
      const shares = rows.map((r) => plotted(r[chart.cumulativeColumn!]));
      const knownShares = shares.filter((v): v is number => v !== undefined);
      const right = axis(Math.min(0, ...knownShares), Math.max(1, ...knownShares), plot.top, plot.height);
      const lineName = text(header[chart.cumulativeColumn]);
      const points = shares.flatMap((v, i) => (v === undefined ? [] : [{ x: middle(i), y: right.y(v), index: i, value: v }]));
      return { bars, categories, turned, width: boxWidth, plot: { ...plot, zero: y(0) }, ticks, line: { name: lineName, points, ticks: right.ticks }, legend: [...legend, { name: lineName, fill: LINE, kind: 'line' }] };
    }
    case 'stacked': {
      const series = stackedSeries(chart, header.length);
      // Each run's column: its segments' counts one on the other, from the first column up.
      const tops = rows.map((r) => series.reduce((sum, c) => sum + Math.max(0, plotted(r[c]) ?? 0), 0));
      const { ticks, y } = axis(0, Math.max(0, ...tops), plot.top, plot.height);
      const bars: FigureBar[] = [];
      rows.forEach((r, i) => {
        let below = 0;
        series.forEach((c, s) => {
          const v = plotted(r[c]);
          if (v === undefined || v <= 0) return;
          bars.push({ x: middle(i) - columnWidth / 2, y: y(below + v), width: columnWidth, height: y(below) - y(below + v), fill: chart.seriesColors[s] ?? COLUMN, index: i, category: labels[i], series: text(header[c]), value: v });
          below += v;
        });
      });
      const legend = series.map((c, s) => ({ name: text(header[c]), fill: chart.seriesColors[s] ?? COLUMN, kind: 'column' as const }));
      return { bars, categories, turned, width: boxWidth, plot: { ...plot, zero: y(0) }, ticks, legend };
    }
  }
}
