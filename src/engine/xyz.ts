// XYZ (SEMANTICS.md section 11): how steady a customer's buying is, as the coefficient of variation of
// its per-period totals over the window, zero-filled; and the ABC-XYZ matrix that crosses it with an ABC type.
import { inRange } from './aggregate';
import { cached, typePath, type Prepared } from './prepared';
import { round9 } from './loyalty';
import { segmentInfo, type ExtraColumn, type TypeResult } from './result';
import { summarize } from './summary';
import type { EpochDay, Issue } from './types';
import { civil } from './window';
import type { XyzPeriod, XyzType } from './xyz-schema';

/** CV at or below a segment's maxCv, with this tolerance: 0.5000000000000001 is 0.5. */
const CV_TOLERANCE = 1e-9;

/** A number per calendar period that only grows with time: months and quarters count from year 0; ISO weeks from a Monday. */
export function periodIndex(day: EpochDay, period: XyzPeriod): number {
  switch (period) {
    case 'week':
      // 1970-01-01 (day 0) was a Thursday: day -3 is the Monday that starts week 0.
      return Math.floor((day + 3) / 7);
    case 'month': {
      const [y, m] = civil(day);
      return y * 12 + (m - 1);
    }
    case 'quarter': {
      const [y, m] = civil(day);
      return y * 4 + Math.floor((m - 1) / 3);
    }
  }
}

export interface Variability {
  /** Number of periods (n). */
  periods: number;
  /** Per customer: CV (NaN when the mean is 0 or less, or the customer has no line in the window). */
  cv: Float64Array;
  /** Per customer: periods whose total is not 0. */
  periodsWithSales: Int32Array;
  /** Per customer: the mean per period (NaN outside the window). */
  mean: Float64Array;
}

/**
 * Per-customer totals for every period of the window (zero-filled), reduced to mean, population SD and CV.
 * Undefined when there is no dated line to span the periods.
 */
export function variability(p: Prepared, type: Pick<XyzType, 'measure' | 'period'>): Variability | undefined {
  const { lines } = p.ingested;
  const values = type.measure === 'quantity' ? lines.quantity : lines.amount;
  if (!values) return undefined;
  let first: EpochDay;
  let last: EpochDay;
  if (p.window) {
    first = p.window.start;
    last = p.window.end;
  } else {
    // The whole history: from the earliest to the latest date among the filtered lines.
    first = Infinity;
    last = -Infinity;
    for (let i = 0; i < lines.length; i++) {
      const d = lines.day[i];
      if (d < first) first = d;
      if (d > last) last = d;
    }
    if (first === Infinity) return undefined;
  }
  const base = periodIndex(first, type.period);
  const periods = periodIndex(last, type.period) - base + 1;
  // The period of each day is looked up, not computed per line: a million lines span a few thousand days.
  const dayPeriod = new Int32Array(last - first + 1);
  for (let d = first; d <= last; d++) dayPeriod[d - first] = periodIndex(d, type.period) - base;

  const n = p.measures.count;
  const totals = new Float64Array(n * periods);
  // The one pass XYZ adds over the lines (issue 20's 1.3x budget): the window's test only when there is one.
  const { customer, day } = lines;
  if (p.window) {
    for (let i = 0; i < lines.length; i++) if (inRange(lines, i, p.window)) totals[customer[i] * periods + dayPeriod[day[i] - first]] += values[i];
  } else {
    for (let i = 0; i < lines.length; i++) totals[customer[i] * periods + dayPeriod[day[i] - first]] += values[i];
  }
  const cv = new Float64Array(n).fill(NaN);
  const mean = new Float64Array(n).fill(NaN);
  const periodsWithSales = new Int32Array(n);
  for (let c = 0; c < n; c++) {
    if (!p.measures.inWindow[c]) continue;
    const at = c * periods;
    let sum = 0;
    for (let k = 0; k < periods; k++) {
      const t = totals[at + k];
      sum += t;
      // Returns that cancel a sale to the cent leave a total of 0, not 1e-13: round9(t) !== 0, written
      // out because it runs once per customer and period (round9 rounds x * 1e9 half up, so 0 is [-0.5, 0.5)).
      const scaled = t * 1e9;
      if (scaled >= 0.5 || scaled < -0.5) periodsWithSales[c]++;
    }
    const m = sum / periods;
    mean[c] = m;
    if (!(round9(m) > 0)) continue;
    // Two passes (mean, then squared deviations): the one-pass formula loses digits when the CV is small.
    let squares = 0;
    for (let k = 0; k < periods; k++) squares += (totals[at + k] - m) ** 2;
    cv[c] = Math.sqrt(squares / periods) / m;
  }
  return { periods, cv, periodsWithSales, mean };
}

/** The first segment whose maxCv holds the CV; the last segment takes the rest. */
export function xyzSegment(cv: number, segments: XyzType['segments']): number {
  for (let i = 0; i < segments.length - 1; i++) if (cv <= (segments[i].maxCv ?? Infinity) + CV_TOLERANCE) return i;
  return segments.length - 1;
}

export function classifyXyz(p: Prepared, type: XyzType): TypeResult {
  const n = p.measures.count;
  const segments = [...type.segments.map(segmentInfo), segmentInfo({ name: type.unclassified })];
  const unclassified = segments.length - 1;
  const final = new Int32Array(n).fill(unclassified);
  const measureValues = type.measure === 'quantity' ? p.measures.quantity : p.measures.sales;
  const measure = new Float64Array(n);
  for (let c = 0; c < n; c++) measure[c] = p.measures.inWindow[c] && measureValues ? measureValues[c] : NaN;
  const issues: Issue[] = [];
  // Once per measure and period of a preparation: moving a maxCv in the pane only reclassifies.
  const v = cached(p, `variability|${type.measure}|${type.period}`, () => variability(p, type));
  const name = type.name;
  if (!v) {
    if (p.ingested.lines.length > 0) issues.push({ severity: 'error', where: typePath(p, name), message: `"${name}" measures ${type.measure} per ${type.period}: map a Date column with readable dates` });
    return { type, segments, measureName: type.measure, measure, auto: final, final, extraColumns: [], summary: summarize(segments, final, measure, p.measures), issues };
  }
  const minimum = p.config.minimumNetSales;
  for (let c = 0; c < n; c++) {
    const cv = v.cv[c];
    if (cv !== cv || v.periodsWithSales[c] < type.minPeriods) continue;
    if (minimum !== undefined && !(p.measures.sales[c] >= minimum)) continue; // not counted, as for every kind
    final[c] = xyzSegment(cv, type.segments);
  }
  const extraColumns: ExtraColumn[] = [
    { header: `${name} (cv)`, format: 'number', values: v.cv },
    { header: `${name} (periods with sales)`, format: 'integer', values: v.periodsWithSales },
  ];
  return { type, segments, measureName: type.measure, measure, auto: final, final, extraColumns, summary: summarize(segments, final, measure, p.measures), issues };
}

/** The ABC-XYZ matrix (section 11): customers and the ABC measure per ABC segment x XYZ segment. */
export interface AbcXyzMatrix {
  abcType: string;
  xyzType: string;
  /** ABC segments (rows), then `(no segment)` when some customer has none. */
  rows: string[];
  /** XYZ segments (columns), unclassified last. */
  columns: string[];
  customers: number[][];
  customerShare: number[][];
  measure: number[][];
  measureShare: number[][];
  /** The ABC type's measure, for headings. */
  measureName: string;
}

export const NO_ABC_SEGMENT = '(no segment)';

export function abcXyzMatrix(abc: TypeResult, xyz: TypeResult): AbcXyzMatrix {
  const n = abc.final.length;
  const missing = abc.final.some((s) => s < 0);
  const rows = [...abc.segments.map((s) => s.name), ...(missing ? [NO_ABC_SEGMENT] : [])];
  const columns = xyz.segments.map((s) => s.name);
  const customers = rows.map(() => new Array<number>(columns.length).fill(0));
  const measure = rows.map(() => new Array<number>(columns.length).fill(0));
  let totalMeasure = 0;
  for (let c = 0; c < n; c++) {
    const r = abc.final[c] >= 0 ? abc.final[c] : rows.length - 1;
    const x = xyz.final[c];
    customers[r][x]++;
    const m = abc.measure[c];
    if (m === m) {
      measure[r][x] += m;
      totalMeasure += m;
    }
  }
  return {
    abcType: abc.type.name,
    xyzType: xyz.type.name,
    rows,
    columns,
    customers,
    customerShare: customers.map((row) => row.map((v) => (n ? v / n : 0))),
    measure,
    measureShare: measure.map((row) => row.map((v) => (totalMeasure ? v / totalMeasure : 0))),
    measureName: abc.measureName,
  };
}

/**
 * After every type is classified: each XYZ type that names an ABC type gets its matrix and, when asked,
 * the combined column (`AX`): blank where the customer has no ABC segment or is unclassified.
 */
export function crossAbcXyz(types: TypeResult[]): TypeResult[] {
  return types.map((t) => {
    if (t.type.kind !== 'xyz' || t.type.abcType === undefined) return t;
    const wanted = t.type.abcType.toLowerCase();
    const abc = types.find((a) => a.type.kind === 'abc' && a.type.name.toLowerCase() === wanted);
    if (!abc) return t;
    const unclassified = t.segments.length - 1;
    const extraColumns = t.type.combined
      ? [
          ...t.extraColumns,
          {
            header: `${t.type.name} (ABC-XYZ)`,
            format: 'text' as const,
            values: Array.from(t.final, (x, c) => (abc.final[c] >= 0 && x !== unclassified ? `${abc.segments[abc.final[c]].name}${t.segments[x].name}` : '')),
          },
        ]
      : t.extraColumns;
    return { ...t, extraColumns, abcXyz: abcXyzMatrix(abc, t) };
  });
}
