// The charts Tierwise wrote on a sheet of the playground's workbook, drawn from the sheet's cells as
// Excel draws them (chart-figure.ts lays them out). Each is a white chart area, as in Excel, so its
// colours are the workbook's in either theme of the page.
import { useRef } from 'react';
import { Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { columnLetter } from '../../engine/address';
import { CHART_COLORS } from '../../plan/colors';
import type { PlannedChart } from '../../plan/plan';
import { chartCells, type MemoryChart, type MemorySheet } from '../../hosts/memory/workbook';
import { useFormats, type Formats } from '../format';
import { useWidth } from '../state/useWidth';
import { chartFigure, FIGURE_HEIGHT, FIGURE_WIDTH, type ChartFigure } from './chart-figure';

/** Chart text and gridlines in the greys Excel's default chart style uses, on white; outlines as the .xlsx charts'. */
const INK = '#404040';
const GRID = '#D9D9D9';
const { outline: OUTLINE, line: LINE } = CHART_COLORS;

const useStyles = makeStyles({
  list: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
  figure: { margin: 0, width: '100%', maxWidth: '480px', backgroundColor: '#FFFFFF', color: INK, border: `1px solid ${tokens.colorNeutralStroke1}`, padding: tokens.spacingHorizontalS, boxSizing: 'border-box' },
  title: { fontWeight: tokens.fontWeightSemibold, textAlign: 'center', fontSize: tokens.fontSizeBase300 },
  svg: { width: '100%', height: 'auto', display: 'block' },
  legend: { display: 'flex', flexWrap: 'wrap', justifyContent: 'center', columnGap: tokens.spacingHorizontalM, rowGap: '2px', listStyleType: 'none', margin: 0, padding: 0, fontSize: tokens.fontSizeBase200 },
  key: { display: 'inline-block', width: '10px', height: '10px', marginRight: '4px', border: `1px solid ${OUTLINE}`, verticalAlign: 'middle' },
  lineKey: { display: 'inline-block', width: '14px', height: '0', marginRight: '4px', borderTop: `2px solid ${LINE}`, verticalAlign: 'middle' },
});

/** A value as the chart's labels say it: counts whole, amounts to the cent. */
const valueText = (v: number, f: Formats) => (Number.isInteger(v) ? f.integer(v) : f.number(v));

/**
 * The figures as a screen reader hears the chart: each category with its value and cumulative share
 * (`A: 800, Cumulative % 80.0%`), or with each series' value (`2026-01-31 09:00 UTC: A 300, B 500`).
 */
function description(chart: PlannedChart, figure: ChartFigure, f: Formats): string {
  const n = (v: number) => valueText(v, f);
  const byCategory = figure.categories.map(({ label }, i) => {
    const bars = figure.bars.filter((b) => b.index === i);
    if (chart.kind === 'stacked') return `${label}: ${bars.map((b) => `${b.series} ${n(b.value)}`).join(', ') || 'none'}`;
    const share = figure.line?.points.find((p) => p.index === i);
    return `${label}: ${bars.map((b) => n(b.value)).join('') || 'none'}${share ? `, ${figure.line!.name} ${f.percent(share.value)}` : ''}`;
  });
  return `${chart.title}. ${byCategory.join('; ')}.`;
}

function Figure({ sheet, chart }: { sheet: MemorySheet; chart: MemoryChart }) {
  const styles = useStyles();
  const f = useFormats();
  // Drawn as wide as the figure's box (FIGURE_WIDTH until it is measured), so its text keeps its size.
  const box = useRef<HTMLElement>(null);
  const measured = useWidth(box);
  const figure = chartFigure(chart.chart, chartCells(sheet, chart), measured > 0 ? measured : FIGURE_WIDTH, f);
  const { plot } = figure;
  const labelY = plot.top + plot.height + 14;
  return (
    <figure ref={box} className={styles.figure} data-chart={chart.chart.title} data-kind={chart.chart.kind} data-anchor={`${columnLetter(chart.chart.column)}${chart.chart.row + 1}`}>
      <figcaption className={styles.title}>{chart.chart.title}</figcaption>
      <svg className={styles.svg} viewBox={`0 0 ${figure.width} ${FIGURE_HEIGHT}`} role="img" aria-label={description(chart.chart, figure, f)}>
        {figure.ticks.map((t) => (
          <g key={`v${t.value}`}>
            <line x1={plot.left} x2={plot.left + plot.width} y1={t.y} y2={t.y} stroke={GRID} strokeWidth={1} />
            <text x={plot.left - 6} y={t.y + 4} textAnchor="end" fontSize={11} fill={INK}>
              {t.text}
            </text>
          </g>
        ))}
        {figure.bars.map((b, i) => (
          <rect key={i} x={b.x} y={b.y} width={b.width} height={Math.max(b.height, 0)} fill={b.fill} stroke={OUTLINE} strokeWidth={0.75} data-category={b.category} data-series={b.series} data-value={b.value}>
            <title>{`${b.category}, ${b.series}: ${valueText(b.value, f)}`}</title>
          </rect>
        ))}
        <line x1={plot.left} x2={plot.left + plot.width} y1={plot.zero} y2={plot.zero} stroke={OUTLINE} strokeWidth={1} />
        {figure.line && (
          <g>
            <polyline points={figure.line.points.map((p) => `${p.x},${p.y}`).join(' ')} fill="none" stroke={LINE} strokeWidth={2} />
            {figure.line.points.map((p, i) => (
              <circle key={i} cx={p.x} cy={p.y} r={3} fill={LINE} />
            ))}
            {figure.line.ticks.map((t) => (
              <text key={`s${t.value}`} x={plot.left + plot.width + 6} y={t.y + 4} fontSize={11} fill={INK}>
                {t.text}
              </text>
            ))}
          </g>
        )}
        {figure.categories.map((c, i) =>
          figure.turned ? (
            <text key={i} x={c.x} y={labelY - 6} fontSize={10} fill={INK} textAnchor="end" transform={`rotate(-40 ${c.x} ${labelY - 6})`}>
              {c.label}
            </text>
          ) : (
            <text key={i} x={c.x} y={labelY} fontSize={11} fill={INK} textAnchor="middle">
              {c.label}
            </text>
          ),
        )}
      </svg>
      {figure.legend.length > 0 && (
        <ul className={styles.legend} aria-label="Legend">
          {figure.legend.map((l) => (
            <li key={l.name}>
              <span className={l.kind === 'line' ? styles.lineKey : styles.key} style={l.kind === 'line' ? undefined : { backgroundColor: l.fill }} aria-hidden />
              {l.name}
            </li>
          ))}
        </ul>
      )}
    </figure>
  );
}

/** The sheet's charts under its grid, in the order Tierwise wrote them (top to bottom on the sheet). */
export function SheetCharts({ sheet }: { sheet: MemorySheet }) {
  const styles = useStyles();
  if (sheet.charts.length === 0) return null;
  return (
    <section aria-label={`Charts on ${sheet.name}`}>
      <Subtitle2 as="h3">Charts on this sheet ({sheet.charts.length})</Subtitle2>
      <div className={styles.list}>
        {sheet.charts.map((c, i) => (
          <Figure key={i} sheet={sheet} chart={c} />
        ))}
      </div>
    </section>
  );
}
