// A configuration -> one SQL query per dialect (pure: config in, text out). The query's result has the
// columns, names and values of `tierwise segment --format csv` for the same configuration; the
// TypeScript engine stays the reference and the tests hold the two together (docs/sql.md).
import type { Config, SegmentType } from '../engine/config';
import { missingRoles, resolveMapping } from '../engine/ingest';
import { ruleColumn } from '../engine/loyalty';
import { columnNamed } from '../engine/parse/headers';
import type { ColumnRole } from '../engine/types';
import { abcSql } from './abc';
import { activitySql } from './activity';
import { bandsSql } from './bands';
import { loyaltySql } from './loyalty';
import { rfmSql } from './rfm';
import { xyzSql } from './xyz';
import { answersSql, profilesSql, salesAnswersSql } from './profiles';
import { visitColumns, visitsSql } from './visits';
import { plansVisits, visitsNeedDates } from '../engine/visits';
import { DIALECTS, tableName, type SqlDialectName } from './dialect';
import { customerOrder, linesCtes, type Cte, type RoleColumns } from './lines';
import type { KindContext, KindSql, OutputColumn } from './measures';

export { SQL_DIALECTS, type SqlDialectName } from './dialect';

/**
 * The source table's columns, by their header names: the same header row the engine would read, so
 * the column roles are found exactly as the engine finds them (detected, then the configuration's
 * `columns` on top), and filters find their columns by header.
 */
export interface ColumnNames {
  header: readonly string[];
  /**
   * Optional: a column numbering the lines in the source's order. A table has no order of its own; with
   * this, the customer name is the last non-blank one (as the engine reads it) and the rows come in the
   * engine's order. Without it, the name of the latest dated line and rows ordered by customer.
   */
  lineOrder?: string;
  /**
   * Optional: columns the table already holds as trimmed text (as the engine trims keys), so the query
   * compares them as they are instead of trimming every cell again. For a source that typed its lines
   * itself (the DuckDB path, duckdb-ingest.ts): trimming with the engine's 25 space characters is the
   * dearest thing the query would do per line. Any other table leaves it out.
   */
  trimmed?: readonly string[];
}

export interface SqlOptions {
  dialect: SqlDialectName;
  /** The sales table (default `sales`); `db.schema.table` is quoted part by part. */
  table?: string;
  /** The questionnaire answers (profiles): the table, one row per answering (customer, one column per question). */
  answersTable?: string;
  /**
   * The answers table's columns (default: the configuration's customer column, then the profiles' questions),
   * its customer column found as the engine finds it in an answers range; `lineOrder` numbers its rows in the
   * original order (then the last answer wins, as in the engine; without it, the greatest: docs/sql.md).
   */
  answersColumns?: ColumnNames;
  /** The visits (visit planning): the table, one row per visit (customer, visit date typed as a date). */
  visitsTable?: string;
  /**
   * The visits table's column names (default: the configuration's customer column, else `Customer`, then
   * `Visit date`): its customer column found as the engine finds it in a visits range, its date column
   * headed like a visit or a date.
   */
  visitsColumns?: readonly string[];
  columns: ColumnNames;
  /**
   * Optional: the latest date of the table's lines with a customer that are readable or dropped by a
   * filter (the window's default end, which the query otherwise finds itself), YYYY-MM-DD, or null for
   * none. For a caller that counted it already (the DuckDB path, while typing the lines): the query then
   * reads the lines once. Read twice, DuckDB keeps every line in memory between the two reads, which
   * for 100,000,000 lines spills to disk.
   */
  latestDay?: string | null;
}

export interface SqlProblem {
  path: string;
  message: string;
}

export type SqlResult =
  /** `textColumns`: the sales table's columns the query compares as text (loyalty rules' columns, questions asked of the sales lines). */
  | { ok: true; sql: string; textColumns: readonly string[] }
  | { ok: false; problems: SqlProblem[] };

/** Exhaustive over the kinds: what a kind cannot write (a rule on a missing column) is a problem value, never wrong SQL. */
function kindSql(type: SegmentType, k: KindContext): KindSql | string {
  switch (type.kind) {
    case 'abc':
      return abcSql(type, k);
    case 'bands':
      return bandsSql(type, k);
    case 'loyalty':
      return loyaltySql(type, k);
    case 'activity':
      return activitySql(type, k);
    case 'profiles':
      return profilesSql(type, k);
    case 'rfm':
      return rfmSql(type, k);
    case 'xyz':
      return xyzSql(type, k);
  }
}

/** The customers the engine adds from the overrides (extendCustomers): trimmed, each once, in the engine's order. */
function overrideCustomers(config: Config): string[] {
  const seen = new Set<string>();
  for (const perType of Object.values(config.overrides)) {
    for (const raw of Object.keys(perType)) {
      const id = raw.trim();
      if (id !== '') seen.add(id);
    }
  }
  return [...seen];
}

export function compileSql(config: Config, options: SqlOptions): SqlResult {
  const d = DIALECTS[options.dialect];
  const header = options.columns.header;
  const problems: SqlProblem[] = [];
  const { mapping, issues } = resolveMapping(header, config.columns);
  problems.push(...issues.map((i) => ({ path: i.where, message: i.message })));
  const roles: RoleColumns = {};
  for (const [role, index] of Object.entries(mapping) as [ColumnRole, number][]) roles[role] = header[index];
  // The engine reads profit from the profit column, from amount - cost only without one.
  if (roles.profit !== undefined) delete roles.cost;
  problems.push(...missingRoles(config, (role) => roles[role] !== undefined).map((m) => ({ path: m.where, message: m.message })));

  const filters = config.filters.flatMap((f, i) => {
    const c = columnNamed(header, f.column);
    if (c < 0) {
      problems.push({ path: `filters[${i}].column`, message: `no column is headed "${f.column}"` });
      return [];
    }
    return [{ column: header[c], keep: f.in !== undefined, values: f.in ?? f.notIn ?? [] }];
  });
  if (options.columns.lineOrder !== undefined && !header.includes(options.columns.lineOrder)) {
    problems.push({ path: 'lineOrder', message: `no column is headed "${options.columns.lineOrder}"` });
  }

  const hasProfit = roles.profit !== undefined || roles.cost !== undefined;
  const kinds: KindSql[] = [];
  let from = 'tw_customers';
  const visits = visitsSql(d, config, options.visitsTable === undefined ? undefined : { table: options.visitsTable, header: options.visitsColumns }, from);
  if (visits !== undefined) {
    from = 'tw_visited';
    // The engine counts visit days to the latest sale (addVisits): without dates there is none.
    if (roles.date === undefined) problems.push({ path: 'visitsTable', message: visitsNeedDates().message });
  }
  const abcPrefix = (name: string) => {
    const i = config.segmentTypes.findIndex((t) => t.kind === 'abc' && t.name.toLowerCase() === name.toLowerCase());
    return i >= 0 ? `tw_t${i + 1}` : undefined;
  };
  // Source columns read as text by a kind (loyalty rules), carried through tw_source and tw_kept as tw_x1, tw_x2, ...
  const textColumns: string[] = [];
  const textColumn = (name: string): string | undefined => {
    const c = ruleColumn(header, mapping, name);
    if (c < 0) return undefined;
    if (!textColumns.includes(header[c])) textColumns.push(header[c]);
    return `tw_x${textColumns.indexOf(header[c]) + 1}`;
  };
  // The questionnaire answers: a table of their own, else (as the engine without an answers range) the sales lines.
  const answers =
    options.answersTable === undefined
      ? salesAnswersSql(config, header, textColumn, options.columns.lineOrder !== undefined, problems)
      : answersSql(d, config, { table: options.answersTable, header: options.answersColumns?.header, order: options.answersColumns?.lineOrder }, problems);
  const hasRole = (role: ColumnRole) => roles[role] !== undefined;
  config.segmentTypes.forEach((type, i) => {
    const prefix = `tw_t${i + 1}`;
    const sql = kindSql(type, { d, config, prefix, from, abcPrefix, hasRole, textColumn, answers });
    if (typeof sql === 'string') problems.push({ path: `segmentTypes[${i}]`, message: `"${type.name}": ${sql}` });
    else {
      // Visit planning reads the type's segment, its first column.
      kinds.push(visits !== undefined && plansVisits(type) ? { ...sql, columns: [...sql.columns, ...visitColumns(d, type, sql.columns[0].expr)] } : sql);
      from = prefix;
    }
  });
  if (problems.length > 0) return { ok: false, problems };

  const ctes: Cte[] = [
    ...(answers && !answers.afterLines ? answers.ctes : []),
    ...linesCtes({
      d,
      config,
      table: tableName(d, options.table ?? 'sales'),
      roles,
      filters,
      lineOrder: options.columns.lineOrder,
      trimmed: options.columns.trimmed,
      latestDay: options.latestDay,
      extraCustomers: overrideCustomers(config),
      textColumns,
      answerCustomers: answers?.customers,
    }),
    ...(answers?.afterLines ? answers.ctes : []),
    ...(visits ?? []),
    ...kinds.flatMap((k) => k.ctes),
  ];
  const columns: OutputColumn[] = [
    { header: 'Customer', expr: 'c.cust' },
    { header: 'Customer name', expr: 'c.cname' },
    { header: 'Sales', expr: 'c.sales' },
    ...(hasProfit ? [{ header: 'Profit', expr: 'c.profit' }] : []),
    ...kinds.flatMap((k) => k.columns),
  ];
  const limit = d.maxIdentifierBytes;
  const tooLong = limit === undefined ? [] : columns.filter((c) => new TextEncoder().encode(c.header).length > limit);
  if (tooLong.length > 0) {
    return {
      ok: false,
      problems: tooLong.map((c) => ({
        path: 'segmentTypes',
        message: `the column "${c.header}" has a name longer than ${options.dialect} keeps (${limit} bytes): shorten the segment type's name`,
      })),
    };
  }
  const sql = `WITH
${ctes.map((c) => `${c.name} ${c.materialize ? d.materialized : 'AS'} (\n  ${c.sql}\n)`).join(',\n')}
SELECT
  ${columns.map((c) => `${c.expr} AS ${d.ident(c.header)}`).join(',\n  ')}
FROM ${from} c
ORDER BY ${customerOrder(options.columns.lineOrder !== undefined)}
`;
  return { ok: true, sql, textColumns };
}
