// Visit planning compiled to SQL: a generated visits table for the Superstore sample (deterministic:
// derived from the customer ids) and a configuration in which every kind plans visits for some of its
// segments, checked against the engine by DuckDB and PostgreSQL and kept as golden files.
import type { Config, ConfigInput } from '../../src/engine/config';
import type { Cell } from '../../src/engine/types';
import { epochDayToIso, isoToEpochDay } from '../../src/engine/parse/date';
import { compileSql, type SqlDialectName } from '../../src/sql/compile';
import { NASTY, SQL_CASES, SUPERSTORE_COLUMNS } from './cases';
import { hash, profilesType, type TableAt } from './profiles-cases';

/** The customer column, a column that is neither, then the date: found by its header (`visit`), not its place. */
export const SUPERSTORE_VISITS_HEADER = ['Customer ID', 'Rep', 'Visit date'];

/**
 * Up to three visits a customer between 2016-07-01 and 2018-02-28, so some fall after the reference day
 * (2017-12-30) and do not count; every seventh customer never visited; ids with spaces around; a visit
 * without a date, one without a customer, one of a customer who has no line (named in an override), one
 * of a prospect who only answered and one of nobody the run knows.
 */
export function superstoreVisits(customerIds: readonly string[]): Cell[][] {
  const first = isoToEpochDay(2016, 7, 1);
  const span = isoToEpochDay(2018, 2, 28) - first + 1;
  const rows: Cell[][] = [];
  for (const id of customerIds) {
    const h = hash(id);
    if (h % 7 === 0) continue;
    for (let v = 0; v < 1 + (h % 3); v++) {
      const day = first + (Math.imul(h, v + 1) >>> 0) % span;
      rows.push([v === 1 ? ` ${id} ` : id, `rep ${NASTY}`, epochDayToIso(day)]);
    }
  }
  rows.push(['CG-12520', 'rep', null], ['', 'rep', '2017-12-01'], ['OVERRIDE-ONLY', 'rep', '2017-11-30'], ['PROSPECT-3', 'rep', '2017-12-30'], ['NOBODY-1', 'rep', '2017-12-01']);
  return rows;
}

const every = <T extends { name: string }>(items: readonly T[], days: Record<string, number>): T[] =>
  items.map((s) => (days[s.name] !== undefined ? { ...s, visitEveryDays: days[s.name] } : s));

/**
 * Every kind over 12 rolling months (the reference day is the window's end, 2017-12-30), each with visit
 * frequencies on some segments and none on others: ABC with overrides for a customer without lines and a
 * prospect, profit bands, the loyalty levels (one name holding NASTY), an activity category, the
 * profiles (over the generated answers), RFM's own table and XYZ by month (its unclassified customers
 * have no frequency).
 */
export function superstoreVisitsConfig(question?: string): Partial<ConfigInput> {
  type Types = NonNullable<ConfigInput['segmentTypes']>;
  const from = (name: string, index: number) => SQL_CASES[name].segmentTypes![index] as Record<string, unknown> & { name: string };
  const abc = { name: 'Sales ABC', kind: 'abc', measure: 'sales', segments: every([{ name: 'A', share: 80 }, { name: 'B', share: 15 }, { name: 'C', share: 5 }], { A: 30, B: 90 }) };
  const bands = from('default', 1);
  const club = from('loyalty', 0);
  const lapsed = from('activity', 2);
  const profiles = profilesType(question);
  const rfm = from('rfm', 1);
  const xyz = from('xyz', 2);
  return {
    columns: SUPERSTORE_COLUMNS,
    window: { kind: 'rolling', months: 12 },
    segmentTypes: [
      abc,
      { ...bands, bands: every(bands.bands as { name: string }[], { Loss: 60, High: 14 }) },
      { ...club, levels: every(club.levels as { name: string }[], { Silver: 45, [`Gold ${NASTY}`]: 21 }) },
      { ...lapsed, visitEveryDays: 7 },
      { ...profiles, profiles: every(profiles.profiles, { Corporate: 30, Private: 60 }) },
      { ...rfm, segments: every(rfm.segments as { name: string }[], { [`Best ${NASTY}`]: 7, Big: 14 }) },
      { ...xyz, segments: every(xyz.segments as { name: string }[], { Steady: 30 }) },
    ] as Types,
    overrides: { 'Sales ABC': { 'PROSPECT-3': 'A', 'OVERRIDE-ONLY': 'B' } },
  };
}

/** The query for a sales table with answers and visits tables. */
export function compiledVisits(dialect: SqlDialectName, c: Config, sales: TableAt, answers: TableAt | undefined, visits: { table: string; header?: string[] }): string {
  const r = compileSql(c, {
    dialect,
    table: sales.table,
    columns: { header: sales.header, lineOrder: sales.order },
    answersTable: answers?.table,
    answersColumns: answers ? { header: answers.header, lineOrder: answers.order } : undefined,
    visitsTable: visits.table,
    visitsColumns: visits.header,
  });
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.sql;
}
