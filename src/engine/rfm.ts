// RFM (SEMANTICS.md section 8): recency, frequency and monetary scores by quantile cut points, and
// the named segment table, first match in table order (rfm-table.ts).
import { inRange } from './aggregate';
import type { SalesLines } from './ingest';
import { ordersInWindow } from './orders';
import { cached, referenceDay, typePath, type Prepared } from './prepared';
import { segmentInfo, type ExtraColumn, type TypeResult } from './result';
import { OTHERS, type RfmType } from './rfm-schema';
import { namedSegment } from './rfm-table';
import { summarize } from './summary';
import type { Issue } from './types';
import type { DayRange } from './window';

/** Relative tolerance for cut points: 268.28000000000003 is "up to 268.28". */
const above = (v: number, cut: number) => v > cut + 1e-9 * Math.max(1, Math.abs(cut));

/**
 * Quantile cut points of the values of the scored customers: the k-th cut is the value at position
 * ceil(k x N / scores) in ascending order (k = 1 .. scores - 1), so each score holds about N / scores
 * customers, and equal values can never be split by a cut.
 */
export function quantileCuts(values: ArrayLike<number>, scored: Uint8Array, scores: number): number[] {
  let count = 0;
  for (let c = 0; c < values.length; c++) if (scored[c]) count++;
  if (count === 0) return [];
  const sorted = new Float64Array(count);
  for (let c = 0, k = 0; c < values.length; c++) if (scored[c]) sorted[k++] = values[c];
  sorted.sort(); // a typed array sorts numerically
  const cuts: number[] = [];
  for (let k = 1; k < scores; k++) cuts.push(sorted[Math.max(0, Math.ceil((k * sorted.length) / scores) - 1)]);
  return cuts;
}

/** 1 + the number of cut points below the value (a value equal to a cut point stays below it). Reversed: scores + 1 - that. */
export function scoreOf(v: number, cuts: readonly number[], scores: number, reversed: boolean): number {
  let s = 1;
  for (const cut of cuts) if (above(v, cut)) s++;
  return reversed ? scores + 1 - s : s;
}

export interface RfmScores {
  recencyDays: Float64Array;
  frequency: Int32Array;
  r: Float64Array;
  f: Float64Array;
  m: Float64Array;
  cuts: { recency: number[]; frequency: number[]; monetary: number[] };
}

/** Latest line with a positive amount inside the range, per customer (NaN: none). */
function lastPurchase(lines: SalesLines, customerCount: number, range: DayRange | undefined): Float64Array {
  const last = new Float64Array(customerCount).fill(NaN);
  for (let i = 0; i < lines.length; i++) {
    if (!(lines.amount[i] > 0) || !inRange(lines, i, range)) continue;
    const c = lines.customer[i];
    if (!(last[c] >= lines.day[i])) last[c] = lines.day[i];
  }
  return last;
}

/** Scores of the customers with a line in the window; the others get NaN. */
export function rfmScores(p: Prepared, type: Pick<RfmType, 'scores' | 'cuts'>, end: number): RfmScores {
  const n = p.measures.count;
  const { lines } = p.ingested;
  const scored = p.measures.inWindow;
  const last = cached(p, 'lastPurchase', () => lastPurchase(lines, n, p.window));
  const frequency = ordersInWindow(p);
  const monetary = p.measures.sales;
  const recencyDays = new Float64Array(n).fill(NaN);
  // Only returns in the window: no recency; the cut points are taken over the customers that bought.
  const bought = new Uint8Array(n);
  for (let c = 0; c < n; c++) {
    if (scored[c] && last[c] === last[c]) {
      recencyDays[c] = end - last[c];
      bought[c] = 1;
    }
  }
  const s = type.scores;
  const cuts = {
    recency: type.cuts.recency ?? quantileCuts(recencyDays, bought, s),
    frequency: type.cuts.frequency ?? quantileCuts(frequency, scored, s),
    monetary: type.cuts.monetary ?? quantileCuts(monetary, scored, s),
  };
  const r = new Float64Array(n).fill(NaN);
  const f = new Float64Array(n).fill(NaN);
  const m = new Float64Array(n).fill(NaN);
  for (let c = 0; c < n; c++) {
    if (!scored[c]) continue;
    r[c] = bought[c] ? scoreOf(recencyDays[c], cuts.recency, s, true) : 1;
    f[c] = scoreOf(frequency[c], cuts.frequency, s, false);
    m[c] = scoreOf(monetary[c], cuts.monetary, s, false);
  }
  return { recencyDays, frequency, r, f, m, cuts };
}

/** Without a readable date there is no day to count recency back from (also said by the DuckDB path). */
export const recencyNeedsDates = (p: Pick<Prepared, 'config'>, name: string): Issue => ({
  severity: 'error',
  where: typePath(p as Prepared, name),
  message: `"${name}" measures recency in days: map a Date column with readable dates`,
});

export function classifyRfm(p: Prepared, type: RfmType): TypeResult {
  const n = p.measures.count;
  const segments = [...type.segments.map(segmentInfo), segmentInfo({ name: OTHERS })];
  const final = new Int32Array(n).fill(-1);
  const issues: Issue[] = [];
  const end = referenceDay(p);
  const sales = p.measures.sales;
  if (end === undefined) {
    issues.push(recencyNeedsDates(p, type.name));
    return { type, segments, measureName: 'sales', measure: sales, auto: final, final, extraColumns: [], summary: summarize(segments, final, sales, p.measures), issues };
  }
  const sc = rfmScores(p, type, end);
  const s = type.scores;
  const grid = Array.from({ length: s }, () => new Array<number>(s).fill(0));
  const code: string[] = new Array(n).fill('');
  for (let c = 0; c < n; c++) {
    if (sc.r[c] !== sc.r[c]) continue;
    final[c] = namedSegment(sc.r[c], sc.f[c], sc.m[c], type.segments);
    grid[sc.r[c] - 1][sc.f[c] - 1]++;
    code[c] = `${sc.r[c]}${sc.f[c]}${sc.m[c]}`;
  }
  const name = type.name;
  const extraColumns: ExtraColumn[] = [
    { header: `${name} (recency days)`, format: 'integer', values: sc.recencyDays },
    { header: `${name} (frequency)`, format: 'integer', values: Float64Array.from(sc.frequency, (v, c) => (sc.r[c] === sc.r[c] ? v : NaN)) },
    { header: `${name} (R)`, format: 'integer', values: sc.r },
    { header: `${name} (F)`, format: 'integer', values: sc.f },
    { header: `${name} (M)`, format: 'integer', values: sc.m },
    { header: `${name} (RFM)`, format: 'text', values: code },
  ];
  return {
    type,
    segments,
    measureName: 'sales',
    measure: sales,
    auto: final,
    final,
    extraColumns,
    summary: summarize(segments, final, sales, p.measures),
    rfmGrid: grid,
    issues,
  };
}
