// Visit planning as SQL, after the engine's addVisits (src/engine/visits.ts): each customer's last visit
// on or before the reference day from the visits table, then for a type whose segments carry a visit
// frequency, `(last visit)`, `(next visit due)` and `(overdue days)` beside its segment. Days count to
// the reference day (the window's end, else the latest date), never the clock.
//
// A warehouse's visits table has its dates typed (DATE): a blank or NULL date is not a visit, as the
// engine leaves out a visit date it cannot read (and warns; a query has no warnings to give).
import type { Config, SegmentType } from '../engine/config';
import { customerColumnOf } from '../engine/second-range';
import { plannedSegments, plansVisits, visitDateColumn } from '../engine/visits';
import { num, tableName, type Dialect } from './dialect';
import { keyTextSql, type Cte } from './lines';
import { segmentText, type OutputColumn } from './measures';

export interface VisitsOptions {
  /** The visits table; `db.schema.table` is quoted part by part. */
  table: string;
  /** Its column names (default: the configuration's customer column, else `Customer`, then `Visit date`). */
  header?: readonly string[];
}

/** Without a header: the customer column the configuration names, then `Visit date`. */
export const configuredVisitColumns = (config: Config): string[] => [config.columns.customer ?? 'Customer', 'Visit date'];

/**
 * The CTEs giving every customer its last visit (`visit_last`) and the reference day (`visit_ref`) as
 * the CTE `tw_visited`, which the first segment type then reads; undefined when no type plans visits
 * or no visits table is named (then, as in the engine without a visits range, no visit columns).
 */
export function visitsSql(d: Dialect, config: Config, options: VisitsOptions | undefined, from: string): Cte[] | undefined {
  if (options === undefined || !config.segmentTypes.some(plansVisits)) return undefined;
  const header = options.header ?? configuredVisitColumns(config);
  const customer = customerColumnOf(header, config.columns.customer);
  const date = visitDateColumn(header, customer);
  // A visit after the reference day has not happened yet as far as this run is concerned.
  const last = `SELECT v.cust, MAX(v.d) AS visit_last
    FROM (SELECT ${keyTextSql(d, d.ident(header[customer]))} AS cust, CAST(${d.ident(header[date])} AS DATE) AS d FROM ${tableName(d, options.table)}) v
    CROSS JOIN tw_window w
    WHERE v.cust <> '' AND v.d IS NOT NULL AND v.d <= w.ref_day
    GROUP BY v.cust`;
  const visited = `SELECT c.*, v.visit_last, w.ref_day AS visit_ref
    FROM ${from} c CROSS JOIN tw_window w LEFT JOIN tw_last_visits v ON v.cust = c.cust`;
  return [
    { name: 'tw_last_visits', sql: last, materialize: true },
    { name: 'tw_visited', sql: visited },
  ];
}

/**
 * A planning type's three columns, read beside its segment (`segment`, an expression over `c`): a
 * customer never visited is due on the reference day and 0 days overdue; a customer in a segment
 * without a frequency (or in none) has only its last visit.
 */
export function visitColumns(d: Dialect, type: SegmentType, segment: string): OutputColumn[] {
  const planned = plannedSegments(type).filter((s): s is { name: string; visitEveryDays: number } => s.visitEveryDays !== undefined);
  const perSegment = (value: (every: number) => string) => `CASE ${planned.map((s) => `WHEN ${segment} = ${segmentText(d, s.name)} THEN ${value(s.visitEveryDays)}`).join(' ')} END`;
  const due = perSegment((every) => `CASE WHEN c.visit_last IS NULL THEN c.visit_ref ELSE ${d.addDays('c.visit_last', every)} END`);
  const overdue = perSegment((every) => `CASE WHEN c.visit_last IS NULL THEN 0 ELSE GREATEST(0, ${d.daysBetween('c.visit_last', 'c.visit_ref')} - ${num(every)}) END`);
  return [
    { header: `${type.name} (last visit)`, expr: 'c.visit_last' },
    { header: `${type.name} (next visit due)`, expr: due },
    { header: `${type.name} (overdue days)`, expr: overdue },
  ];
}
