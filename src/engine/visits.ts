// Visit planning: any segment may carry `visitEveryDays`; with a visits range (customer, date) each
// customer gets a last visit, the next visit due and the days overdue, and each segment its compliance.
// Days count against the window end, never the clock, like everything else.
import { keyText } from './ingest';
import { sourceCellAddress } from './address';
import { readDate, type DateOrder } from './parse/date';
import { detectColumns, normalizeHeader } from './parse/headers';
import { excelError, isBlank } from './parse/number';
import { referenceDay, type Prepared } from './prepared';
import { customerColumnOf } from './second-range';
import type { ExtraColumn, TypeResult, VisitCompliance } from './result';
import { OTHERS } from './rfm-schema';
import type { Config, SegmentType } from './config';
import type { Cell, EpochDay, Issue, SourceTable } from './types';

/**
 * The segments a type's result lists (TypeResult.segments), by name with their visit frequencies, read
 * from the configuration alone: what visit planning plans for, here for the SQL compiler (which has no
 * result); test/sql/visits.test.ts keeps it equal to the kinds' own lists.
 */
export function plannedSegments(type: SegmentType): { name: string; visitEveryDays?: number }[] {
  const plan = (s: { name: string; visitEveryDays?: number }) => ({ name: s.name, visitEveryDays: s.visitEveryDays });
  switch (type.kind) {
    case 'abc':
    case 'rfm':
    case 'xyz': {
      const own = type.segments.map(plan);
      // RFM's customers in no row of the table, XYZ's without enough history: a segment without visits.
      if (type.kind === 'rfm') return [...own, { name: OTHERS }];
      if (type.kind === 'xyz') return [...own, { name: type.unclassified }];
      return own;
    }
    case 'bands':
      return type.bands.map(plan);
    case 'loyalty':
      return type.levels.map(plan);
    case 'activity':
      return [{ name: type.category, visitEveryDays: type.visitEveryDays }];
    case 'profiles':
      return type.profiles.map(plan);
  }
}

/** Whether a type plans visits: one of its segments has a visit frequency. */
export const plansVisits = (type: SegmentType): boolean => plannedSegments(type).some((s) => s.visitEveryDays !== undefined);

export interface VisitLog {
  /** Last visit on or before the reference day, per customer (NaN: never visited). Unreadable dates go to `Prepared.issues`. */
  last: Float64Array;
}

/** The visit date column of a visits range: headed like a visit or a date, else detected, else the first other column. */
export function visitDateColumn(header: readonly Cell[], customer: number): number {
  const normalized = header.map(normalizeHeader);
  const named = normalized.findIndex((h, i) => i !== customer && /visit|date/.test(h));
  if (named >= 0) return named;
  const detected = detectColumns(header as Cell[]).date;
  if (detected !== undefined && detected !== customer) return detected;
  return customer === 0 ? 1 : 0;
}

/** One visit read from a visits range: the customer (trimmed) and the day. */
export interface Visit {
  customer: string;
  day: EpochDay;
}

/**
 * The visits of a visits range, read with the engine's date rules (the sales range's day order, the
 * workbook's date system unless the configuration sets one), and a warning with the cell for each date
 * that cannot be read (that visit is not counted). Rows with neither customer nor date are skipped.
 */
export function readVisitRows(table: SourceTable, config: Config, salesDateOrder: DateOrder | undefined): { visits: Visit[]; issues: Issue[] } {
  const issues: Issue[] = [];
  const visits: Visit[] = [];
  const cCustomer = customerColumnOf(table.header, config.columns.customer);
  const cDate = visitDateColumn(table.header, cCustomer);
  const date1904 = config.locale.date1904 ?? table.date1904 ?? false;
  const order = salesDateOrder ?? (config.locale.dateOrder === 'DMY' ? 'DMY' : 'MDY');
  table.rows.forEach((row, r) => {
    const customer = keyText(row[cCustomer]);
    const cell = row[cDate];
    if (customer === '' && isBlank(cell)) return;
    const day = readDate(cell, date1904, order);
    if (day !== day) {
      const err = excelError(cell);
      issues.push({
        severity: 'warning',
        where: sourceCellAddress(table, cDate, r),
        value: cell,
        message: err ? `the visit date is the Excel error ${err}; the visit is not counted` : 'the visit date is not a date; the visit is not counted',
      });
      return;
    }
    visits.push({ customer, day });
  });
  return { visits, issues };
}

export function readVisits(p: Prepared, table: SourceTable, end: EpochDay): VisitLog {
  const key = 'visits';
  const hit = p.cache.get(key) as VisitLog | undefined;
  if (hit) return hit;
  const last = new Float64Array(p.measures.count).fill(NaN);
  const { visits, issues } = readVisitRows(table, p.config, p.ingested.dateOrder);
  for (const { customer, day } of visits) {
    const c = p.customers.byId.get(customer);
    // A visit after the window end has not happened yet as far as this run is concerned.
    if (c === undefined || day > end) continue;
    if (!(last[c] >= day)) last[c] = day;
  }
  const log = { last };
  p.cache.set(key, log);
  // Read once per run, reported once, whatever the number of segment types that plan visits.
  p.issues.push(...issues);
  return log;
}

/** Visit days count to the latest sale (or the window's end): without a readable date there is none. */
export const visitsNeedDates = (): Issue => ({ severity: 'error', where: 'visits', message: 'visit planning counts days to the latest sale: map a Date column with readable dates' });

/**
 * Adds `(last visit)`, `(next visit due)` and `(overdue days)` and the compliance per segment, for a
 * type with at least one segment that has a visit frequency. A customer never visited is due on the
 * reference day (0 days overdue) and does not count as visited in time.
 */
export function addVisits(p: Prepared, result: TypeResult): TypeResult {
  const visits = p.sources.visits;
  if (!visits || !result.segments.some((s) => s.visitEveryDays !== undefined)) return result;
  const end = referenceDay(p);
  if (end === undefined) {
    result.issues.push(visitsNeedDates());
    return result;
  }
  const { last } = readVisits(p, visits, end);
  const n = result.final.length;
  const due = new Float64Array(n).fill(NaN);
  const overdue = new Float64Array(n).fill(NaN);
  const k = result.segments.length;
  const inSegment = new Array<number>(k).fill(0);
  const inTime = new Array<number>(k).fill(0);
  for (let c = 0; c < n; c++) {
    const s = result.final[c];
    const every = s >= 0 ? result.segments[s].visitEveryDays : undefined;
    if (every === undefined) continue;
    inSegment[s]++;
    if (last[c] === last[c]) {
      due[c] = last[c] + every;
      overdue[c] = Math.max(0, end - due[c]);
      if (end - last[c] <= every) inTime[s]++;
    } else {
      due[c] = end;
      overdue[c] = 0;
    }
  }
  const name = result.type.name;
  const columns: ExtraColumn[] = [
    { header: `${name} (last visit)`, format: 'date', values: last.slice(0, n) },
    { header: `${name} (next visit due)`, format: 'date', values: due },
    { header: `${name} (overdue days)`, format: 'integer', values: overdue },
  ];
  const visitCompliance: VisitCompliance[] = result.segments.flatMap((s, i) =>
    s.visitEveryDays === undefined
      ? []
      : [{ segment: s.name, visitEveryDays: s.visitEveryDays, customers: inSegment[i], visitedInTime: inTime[i], share: inSegment[i] ? inTime[i] / inSegment[i] : 0 }],
  );
  return { ...result, extraColumns: [...result.extraColumns, ...columns], visitCompliance };
}
