// The Pareto curve of an ABC segment type with its thresholds as horizontal lines. Each line is a
// slider: drag it with a pointer, or focus it and use the arrow keys (1 point), Page Up/Down
// (5 points), Home/End. It moves the share between the two segments it separates.
import { makeStyles, tokens } from '@fluentui/react-components';
import { useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import type { Threshold } from '../state/thresholds';
import type { Curve } from '../worker/protocol';
import { useFormats } from '../format';

const W = 400;
const H = 240;
const M = { left: 44, right: 14, top: 12, bottom: 34 };
const PW = W - M.left - M.right;
const PH = H - M.top - M.bottom;
const px = (x: number) => M.left + x * PW;
const py = (y: number) => M.top + (1 - y) * PH;

const useStyles = makeStyles({
  svg: { width: '100%', height: 'auto', display: 'block', touchAction: 'none', userSelect: 'none' },
  handle: { cursor: 'ns-resize', outline: 'none' },
});

/** Share of ranked customers needed to reach `y` of the measure (where a threshold meets the curve). */
export function customersAt(curve: Curve, y: number): number {
  for (let i = 1; i < curve.x.length; i++) if (curve.y[i] >= y - 1e-9) return curve.x[i];
  return 1;
}

/** Height of a threshold's label, and the room kept between two labels' centres. */
const LABEL_H = 20;
const LABEL_GAP = LABEL_H + 2;

/**
 * Where each label sits (its centre), starting at its line and pushed apart so that none overlaps
 * the next, kept inside the plot: two thresholds a point apart used to print one label over the other.
 */
export function labelPositions(ys: readonly number[], top = M.top + LABEL_H / 2, bottom = M.top + PH - LABEL_H / 2): number[] {
  const order = ys.map((_, i) => i).sort((a, b) => ys[a] - ys[b]);
  const at = ys.slice();
  let prev = -Infinity;
  for (const i of order) {
    at[i] = Math.max(ys[i], prev + LABEL_GAP, top);
    prev = at[i];
  }
  // Pushed past the bottom: move the stack back up, each keeping its distance from the one below.
  let next = Infinity;
  for (let k = order.length - 1; k >= 0; k--) {
    const i = order[k];
    at[i] = Math.min(at[i], next - LABEL_GAP, bottom);
    next = at[i];
  }
  return at;
}

/** "A: top 49.9% of customers, 80.0% of sales": the segment's own share, not the cumulative threshold. */
export function segmentLabel(name: string, first: boolean, customers: number, measure: number, measureName: string, percent: (f: number) => string): string {
  return `${name}: ${first ? 'top' : 'next'} ${percent(customers)} of customers, ${percent(measure)} of ${measureName}`;
}

export interface ParetoChartProps {
  curve: Curve;
  thresholds: Threshold[];
  names: string[];
  measureName: string;
  onMove(which: number, to: number): void;
  /** The limits suggested from the data (SEMANTICS.md 12), drawn as diamonds on the curve, each with its label. */
  suggested?: readonly { x: number; y: number; label: string }[];
}

export function ParetoChart({ curve, thresholds, names, measureName, onMove, suggested = [] }: ParetoChartProps) {
  const styles = useStyles();
  const f = useFormats();
  const svg = useRef<SVGSVGElement>(null);
  const [dragging, setDragging] = useState<number>();
  const [focused, setFocused] = useState<number>();

  // The curve only changes with the measure; thresholds move on top of it.
  const path = useMemo(() => curve.x.map((x, i) => `${i === 0 ? 'M' : 'L'}${px(x).toFixed(1)},${py(curve.y[i]).toFixed(1)}`).join(''), [curve]);
  const percentAt = (clientY: number) => {
    const r = svg.current!.getBoundingClientRect();
    const y = ((clientY - r.top) / r.height) * H;
    return Math.round((1 - (y - M.top) / PH) * 100);
  };
  const onKey = (k: number, t: Threshold) => (e: KeyboardEvent) => {
    const step: Record<string, number> = { ArrowUp: 1, ArrowRight: 1, ArrowDown: -1, ArrowLeft: -1, PageUp: 5, PageDown: -5 };
    let to: number | undefined;
    if (e.key in step) to = t.at + step[e.key];
    else if (e.key === 'Home') to = t.min;
    else if (e.key === 'End') to = t.max;
    if (to === undefined) return;
    e.preventDefault();
    onMove(k, to);
  };
  const grid = [0, 0.2, 0.4, 0.6, 0.8, 1];
  const labelYs = labelPositions(thresholds.map((t) => py(t.at / 100)));
  return (
    <svg ref={svg} className={styles.svg} viewBox={`0 0 ${W} ${H}`} role="group" aria-label={`Pareto curve: cumulative share of ${measureName} by ranked customers, with the segment thresholds`} data-testid="pareto">
      {grid.map((g) => (
        <g key={g} aria-hidden="true">
          <line x1={px(0)} x2={px(1)} y1={py(g)} y2={py(g)} style={{ stroke: tokens.colorNeutralStroke2 }} />
          <text x={M.left - 6} y={py(g) + 4} textAnchor="end" fontSize="11" style={{ fill: tokens.colorNeutralForeground3 }}>
            {f.percent(g).replace(/[.,]0(?=\D*$)/, '')}
          </text>
          <text x={px(g)} y={H - M.bottom + 14} textAnchor="middle" fontSize="11" style={{ fill: tokens.colorNeutralForeground3 }}>
            {f.percent(g).replace(/[.,]0(?=\D*$)/, '')}
          </text>
        </g>
      ))}
      <text x={px(0.5)} y={H - 4} textAnchor="middle" fontSize="11" aria-hidden="true" style={{ fill: tokens.colorNeutralForeground2 }}>
        {`customers ranked by ${measureName} (${f.integer(curve.ranked)})`}
      </text>
      <path d={path} fill="none" strokeWidth={2} aria-hidden="true" style={{ stroke: tokens.colorBrandForeground1 }} />
      {suggested.map((m, k) => {
        const cx = px(m.x);
        const cy = py(m.y);
        // A diamond, not a dot in another colour: the shape says "suggested" without the colour.
        return (
          <path
            key={`s${k}`}
            role="img"
            aria-label={m.label}
            data-testid="suggested-marker"
            d={`M${cx.toFixed(1)},${(cy - 6).toFixed(1)}l6,6l-6,6l-6,-6z`}
            strokeWidth={1.5}
            style={{ fill: tokens.colorNeutralBackground1, stroke: tokens.colorNeutralForeground1 }}
          >
            <title>{m.label}</title>
          </path>
        );
      })}
      {thresholds.map((t, k) => {
        const y = py(t.at / 100);
        const cx = customersAt(curve, t.at / 100);
        const before = k > 0 ? thresholds[k - 1].at : 0;
        const text = segmentLabel(names[t.upper], k === 0, cx - (k > 0 ? customersAt(curve, before / 100) : 0), (t.at - before) / 100, measureName, f.percent);
        const ly = labelYs[k];
        // About 5.6 units a character at 11 px; right-aligned inside the plot.
        const lw = Math.min(PW, text.length * 5.6 + 10);
        const label = `Threshold between ${names[t.upper]} and ${names[t.lower]}`;
        const active = dragging === k || focused === k;
        return (
          <g
            key={k}
            role="slider"
            tabIndex={0}
            className={styles.handle}
            aria-label={label}
            aria-orientation="vertical"
            aria-valuemin={t.min}
            aria-valuemax={t.max}
            aria-valuenow={t.at}
            aria-valuetext={`${names[t.upper]} up to ${f.percent(t.at / 100)} of ${measureName}, ${f.percent(cx)} of ranked customers`}
            data-threshold={k}
            onKeyDown={onKey(k, t)}
            onFocus={() => setFocused(k)}
            onBlur={() => setFocused(undefined)}
            onPointerDown={(e: PointerEvent<SVGGElement>) => {
              e.currentTarget.setPointerCapture(e.pointerId);
              e.currentTarget.focus();
              setDragging(k);
            }}
            onPointerMove={(e) => {
              if (dragging !== k) return;
              const to = percentAt(e.clientY);
              if (to !== t.at) onMove(k, to);
            }}
            onPointerUp={() => setDragging(undefined)}
            onPointerCancel={() => setDragging(undefined)}
          >
            {/* A wide invisible stroke makes the line easy to catch. */}
            <line x1={px(0)} x2={px(1)} y1={y} y2={y} stroke="transparent" strokeWidth={14} />
            <line x1={px(0)} x2={px(1)} y1={y} y2={y} strokeWidth={active ? 3 : 2} strokeDasharray="6 4" style={{ stroke: tokens.colorPaletteDarkOrangeForeground1 }} />
            <line x1={px(cx)} x2={px(cx)} y1={y} y2={py(0)} strokeWidth={1} strokeDasharray="2 3" style={{ stroke: tokens.colorNeutralForeground3 }} />
            <rect x={px(1) - lw - 2} y={ly - LABEL_H / 2} width={lw} height={LABEL_H} rx={4} strokeWidth={active ? 2 : 1} style={{ fill: tokens.colorNeutralBackground1, stroke: active ? tokens.colorStrokeFocus2 : tokens.colorPaletteDarkOrangeForeground1 }} />
            <text x={px(1) - 2 - lw / 2} y={ly + 4} textAnchor="middle" fontSize="11" style={{ fill: tokens.colorNeutralForeground1 }} data-testid="threshold-label">
              {text}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
