// Activity segmentation (SEMANTICS.md section 6): the state of mind over periods ending at the window
// end, criteria lines, and the category they add (or, exclusive, also take away).
import type { ActivityLine, ActivityOperator, ActivityType } from './activity-schema';
import type { SalesLines } from './ingest';
import { loyaltyPoints } from './loyalty';
import type { LoyaltyType } from './loyalty-schema';
import { entryOf, referenceDay, typePath, type Prepared } from './prepared';
import { segmentInfo, type TypeResult } from './result';
import { ordersInWindow } from './orders';
import { summarize } from './summary';
import type { EpochDay, Issue } from './types';

/**
 * State of mind per customer after `periods` periods of `periodDays` days ending on `end`, oldest first:
 * a period with a purchase (a line with a positive amount) moves it toward 1 (`1 - (1 - som) x decrease`),
 * a period without one multiplies it by `decrease`.
 */
export function stateOfMind(
  lines: SalesLines,
  customerCount: number,
  end: EpochDay,
  spec: Pick<ActivityType, 'periods' | 'periodDays' | 'initial' | 'decrease'>,
): Float64Array {
  const { periods, periodDays, initial, decrease } = spec;
  const words = Math.ceil(periods / 32);
  const bought = new Uint32Array(customerCount * words);
  const start = end - periods * periodDays; // exclusive
  for (let i = 0; i < lines.length; i++) {
    const d = lines.day[i];
    if (!(d > start && d <= end) || !(lines.amount[i] > 0)) continue;
    const k = periods - 1 - Math.floor((end - d) / periodDays); // 0 = oldest period
    bought[lines.customer[i] * words + (k >>> 5)] |= 1 << (k & 31);
  }
  const som = new Float64Array(customerCount);
  for (let c = 0; c < customerCount; c++) {
    let s = initial;
    for (let k = 0; k < periods; k++) {
      s = bought[c * words + (k >>> 5)] & (1 << (k & 31)) ? 1 - (1 - s) * decrease : s * decrease;
    }
    som[c] = s;
  }
  return som;
}

/** Days from the last purchase (positive amount, on or before `end`, any earlier date) to `end`; Infinity: never. */
export function daysSinceLastPurchase(lines: SalesLines, customerCount: number, end: EpochDay): Float64Array {
  const last = new Float64Array(customerCount).fill(-Infinity);
  for (let i = 0; i < lines.length; i++) {
    const d = lines.day[i];
    if (d <= end && lines.amount[i] > 0 && d > last[lines.customer[i]]) last[lines.customer[i]] = d;
  }
  return last.map((d) => end - d);
}

/** How far a measure may miss a criteria line's value and still be equal to it: a billionth of its size, at least 1e-9. */
export const criteriaTolerance = (value: number): number => 1e-9 * Math.max(1, Math.abs(value));

/** Comparisons allow for floating-point noise: a state of mind of 0.8000000000000002 is 0.8. NaN never holds. */
export function holds(v: number, op: ActivityOperator, value: number): boolean {
  if (v !== v) return false;
  const tol = criteriaTolerance(value);
  switch (op) {
    case '<':
      return v < value - tol;
    case '<=':
      return v <= value + tol;
    case '=':
      return Math.abs(v - value) <= tol;
    case '>=':
      return v >= value - tol;
    case '>':
      return v > value + tol;
    case '!=':
      return Math.abs(v - value) > tol;
  }
}

/** Every mandatory line holds and, when there are optional lines, at least one of them (no short cut). */
export function matches(values: readonly number[], criteria: readonly Pick<ActivityLine, 'operator' | 'value' | 'mandatory'>[]): boolean {
  let anyOptional = false;
  let optionalHolds = false;
  for (let l = 0; l < criteria.length; l++) {
    const ok = holds(values[l], criteria[l].operator, criteria[l].value);
    if (criteria[l].mandatory) {
      if (!ok) return false;
    } else {
      anyOptional = true;
      optionalHolds ||= ok;
    }
  }
  return !anyOptional || optionalHolds;
}

/** `"VIP; Newsletter"` -> `['VIP', 'Newsletter']`. */
export const splitCategories = (text: string | undefined): string[] =>
  (text ?? '').split(';').map((s) => s.trim()).filter((s) => s !== '');

/** Without a readable date there is no day to count the periods back from (the DuckDB path says so too). */
export const periodsNeedDates = (p: Pick<Prepared, 'config'>, name: string): Issue => ({
  severity: 'error',
  where: typePath(p as Prepared, name),
  message: `"${name}" counts periods back from the latest sale: map a Date column with readable dates`,
});

export function classifyActivity(p: Prepared, type: ActivityType): TypeResult {
  const n = p.measures.count;
  const segments = [segmentInfo({ ...type, name: type.category })];
  const final = new Int32Array(n).fill(-1);
  const issues: Issue[] = [];
  const where = typePath(p, type.name);
  const end = referenceDay(p);
  const empty = (): TypeResult => ({
    type, segments, measureName: 'state of mind', measure: new Float64Array(n).fill(NaN), auto: final, final, extraColumns: [], summary: summarize(segments, final, new Float64Array(n).fill(NaN), p.measures), issues,
  });
  if (end === undefined) {
    issues.push(periodsNeedDates(p, type.name));
    return empty();
  }
  const lines = p.ingested.lines;
  const som = stateOfMind(lines, n, end, type);
  const lastDays = daysSinceLastPurchase(lines, n, end);

  let points: Float64Array | undefined;
  if (type.criteria.some((l) => l.measure === 'points')) {
    const loyalty = p.config.segmentTypes.find(
      (t): t is LoyaltyType => t.kind === 'loyalty' && (type.loyalty === undefined || t.name.toLowerCase() === type.loyalty.toLowerCase()),
    );
    if (!loyalty) {
      issues.push({ severity: 'error', where: `${where}.${type.loyalty ? 'loyalty' : 'criteria'}`, message: type.loyalty ? `no loyalty segment type is named "${type.loyalty}"` : 'a "points" line needs a loyalty segment type' });
      return empty();
    }
    points = loyaltyPoints(p, loyalty).earned;
  }
  const orders = type.criteria.some((l) => l.measure === 'orders') ? ordersInWindow(p) : undefined;
  const columnOf = (l: ActivityLine): ArrayLike<number> => {
    switch (l.measure) {
      case 'sales':
        return p.measures.sales;
      case 'profit':
        return p.measures.profit;
      case 'orders':
        return orders as Int32Array;
      case 'points':
        return points as Float64Array;
      case 'lastPurchaseDays':
        return lastDays;
      case 'som':
        return som;
    }
  };
  const columns = type.criteria.map(columnOf);
  const values = new Array<number>(columns.length);

  const previousCategories = p.previous?.categories?.[type.name];
  const previousSegments = p.previous?.segments[type.name];
  const category = type.category;
  const same = (a: string) => a.toLowerCase() === category.toLowerCase();
  const text: string[] = new Array(n);
  for (let c = 0; c < n; c++) {
    for (let l = 0; l < columns.length; l++) values[l] = columns[l][c];
    const id = p.customers.ids[c];
    const before = entryOf(previousCategories, id);
    let held = before !== undefined ? splitCategories(before) : same(entryOf(previousSegments, id)?.trim() ?? '') ? [category] : [];
    if (matches(values, type.criteria)) {
      if (!held.some(same)) held = [...held, category];
    } else if (type.exclusive) held = held.filter((h) => !same(h));
    final[c] = held.some(same) ? 0 : -1;
    text[c] = held.join('; ');
  }
  return {
    type,
    segments,
    measureName: 'state of mind',
    measure: som,
    auto: final,
    final,
    extraColumns: [
      { header: `${type.name} (days since last purchase)`, format: 'integer', values: lastDays },
      { header: `${type.name} (categories)`, format: 'text', values: text },
    ],
    summary: summarize(segments, final, som, p.measures),
    issues,
  };
}
