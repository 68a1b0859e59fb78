// The part of the query every kind reads (SEMANTICS.md 1 and 2): the source's lines typed and keyed,
// the lines left out, the filters, the window with its default end, and one row per customer with its
// measures. Segment kinds read `tw_customers` (and `tw_kept` when they need the lines themselves).
import type { Config } from '../engine/config';
import { isoTextToEpochDay, isoToEpochDay, epochDayToIso } from '../engine/parse/date';
import type { ColumnRole } from '../engine/types';
import { monthsBefore } from '../engine/window';
import { dateLiteral, type Dialect } from './dialect';

/** One common table expression: `name AS (sql)`. */
export interface Cte {
  name: string;
  sql: string;
  /**
   * Computed once even where the database would rather inline it: an aggregate joined back to the
   * customers. PostgreSQL inlines a CTE used once, and with a row guessed for each side it nests the
   * loop and recomputes the aggregate for every customer (a minute on Superstore instead of a second).
   */
  materialize?: boolean;
}

/** Header name per role the query reads (the source's own spelling), as compile.ts resolved them. */
export type RoleColumns = Partial<Record<ColumnRole, string>>;

export interface LinesInput {
  d: Dialect;
  config: Config;
  table: string;
  roles: RoleColumns;
  /** The filters with their columns resolved to header names. */
  filters: { column: string; keep: boolean; values: string[] }[];
  /** A column giving the source's line order (see ColumnNames.lineOrder). */
  lineOrder?: string;
  /** Columns (headers) the table holds trimmed already (see ColumnNames.trimmed). */
  trimmed?: readonly string[];
  /** The latest date before filters when the caller knows it (see SqlOptions.latestDay). */
  latestDay?: string | null;
  /** Customers named only in overrides, in the engine's order (they come after the customers of the lines). */
  extraCustomers: string[];
  /** Source columns (headers) a kind compares as text: tw_x1, tw_x2, ... in this order. */
  textColumns?: readonly string[];
  /**
   * A CTE of the customers of a second table (the answers: `cust`, `first_seq`), who join after those named
   * in overrides, as extendCustomers adds them: in the order of their first row, else by customer.
   */
  answerCustomers?: string;
}

/** What JavaScript's String.prototype.trim removes: the engine trims customers, names and filter values so. */
export const JS_WHITESPACE = '\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';

/** Trimmed text of any value, '' for a missing one: how the engine compares customers and filter values. */
export const keyTextSql = (d: Dialect, expr: string): string => `COALESCE(${d.trim(`CAST(${expr} AS ${d.string})`, d.text(JS_WHITESPACE))}, '')`;

/**
 * The window's first and last day as SQL expressions over `tw_end` (the latest date before filters), or
 * undefined for the whole history. Days known from the configuration alone are written as literals.
 */
function windowBounds(d: Dialect, config: Config): { start: string; end: string } | undefined {
  const w = config.window;
  switch (w.kind) {
    case 'all':
      return undefined;
    case 'rolling': {
      if (w.end !== undefined) {
        const end = isoTextToEpochDay(w.end);
        return { start: dateLiteral(epochDayToIso(monthsBefore(end, w.months) + 1)), end: dateLiteral(w.end) };
      }
      // "12 months ending 2017-12-30" covers the days after 2016-12-30.
      return { start: d.addDays(d.monthsBefore('e.d', w.months), 1), end: 'e.d' };
    }
    case 'year': {
      const firstYear = w.startMonth === 1 ? w.year : w.year - 1;
      const start = isoToEpochDay(firstYear, w.startMonth, 1);
      const next = isoToEpochDay(firstYear + 1, w.startMonth, 1);
      return { start: dateLiteral(epochDayToIso(start)), end: dateLiteral(epochDayToIso(next - 1)) };
    }
  }
}

/**
 * tw_source: every row of the table with its key, typed values and two flags: `kept` (the filters keep
 *   it) and `readable` (a customer, and every mapped number and date readable; a row that is not is
 *   left out, as the engine leaves it out).
 * tw_end: the latest date of a readable row or of a filtered-out row with a customer, before filters.
 * tw_window: the window's first and last day (NULL, NULL for the whole history) and the reference day.
 * tw_kept: the rows the filters keep, with in_window 1/0 and the row whose name the customer takes.
 * tw_customers: one row per customer of the lines (then those named only in overrides): its name,
 *   first line, and inside the window its net sales, profit, quantity, whether it has a line, its last
 *   purchase (a positive amount) and its orders (distinct order ids, or lines without an order column).
 */
export function linesCtes(input: LinesInput): Cte[] {
  const { d, roles, filters } = input;
  const q = (role: ColumnRole) => d.ident(roles[role]!);
  const has = (role: ColumnRole) => roles[role] !== undefined;
  const dbl = (expr: string) => `CAST(${expr} AS ${d.double})`;
  /** A column compared as the engine compares text: trimmed here, unless the table trimmed it already. */
  const key = (header: string) => (input.trimmed?.includes(header) ? `COALESCE(${d.ident(header)}, '')` : keyTextSql(d, d.ident(header)));

  const numbers: string[] = [q('amount')];
  if (has('profit')) numbers.push(q('profit'));
  else if (has('cost')) numbers.push(q('cost'));
  if (has('quantity')) numbers.push(q('quantity'));
  if (has('spent')) numbers.push(q('spent'));
  if (has('date')) numbers.push(q('date'));
  const readable = [`${key(roles.customer!)} <> ''`, ...numbers.map((c) => `${c} IS NOT NULL`)].join(' AND ');
  const kept = filters.length === 0 ? '1 = 1' : filters.map((f) => `${key(f.column)} ${f.keep ? 'IN' : 'NOT IN'} (${f.values.map(d.text).join(', ')})`).join(' AND ');
  const profit = has('profit') ? dbl(q('profit')) : has('cost') ? `${dbl(q('amount'))} - ${dbl(q('cost'))}` : 'CAST(0 AS ' + d.double + ')';
  const optional = (role: ColumnRole, alias: string, asText = false) =>
    has(role) ? `${asText ? key(roles[role]!) : dbl(q(role))} AS ${alias}` : `CAST(NULL AS ${asText ? d.string : d.double}) AS ${alias}`;

  const source = `SELECT
    ${key(roles.customer!)} AS cust,
    ${has('customerName') ? key(roles.customerName!) : "''"} AS cname,
    ${has('date') ? `CAST(${q('date')} AS DATE)` : 'CAST(NULL AS DATE)'} AS d,
    ${dbl(q('amount'))} AS amount,
    ${profit} AS profit,
    ${optional('quantity', 'qty')},
    ${optional('spent', 'spent')},
    ${optional('order', 'ord', true)},
    ${optional('product', 'product', true)},
    ${optional('category', 'category', true)},
    ${input.lineOrder !== undefined ? d.ident(input.lineOrder) : `CAST(NULL AS ${d.integer})`} AS seq,${(input.textColumns ?? []).map((h, i) => `
    ${key(h)} AS tw_x${i + 1},`).join('')}
    CASE WHEN ${kept} THEN 1 ELSE 0 END AS kept,
    CASE WHEN ${readable} THEN 1 ELSE 0 END AS readable
  FROM ${input.table}`;

  // Known: a literal, so tw_source is read once (by tw_kept) and streams instead of being kept whole.
  const end =
    input.latestDay === undefined
      ? `SELECT MAX(d) AS d FROM tw_source WHERE cust <> '' AND d IS NOT NULL AND (kept = 0 OR readable = 1)`
      : `SELECT ${input.latestDay === null ? 'CAST(NULL AS DATE)' : dateLiteral(input.latestDay)} AS d`;
  const bounds = windowBounds(d, input.config);
  // ref_day: the day recency counts to (the window's end; for the whole history the latest date before filters).
  const window = bounds
    ? `SELECT ${bounds.start} AS first_day, ${bounds.end} AS last_day, ${bounds.end} AS ref_day FROM tw_end e`
    : `SELECT CAST(NULL AS DATE) AS first_day, CAST(NULL AS DATE) AS last_day, e.d AS ref_day FROM tw_end e`;
  // The name: the last non-blank one seen, as the engine reads the lines in order. Without a line order
  // the latest dated line's name, then the greatest (a documented equivalent: a table has no order).
  const nameOrder = input.lineOrder !== undefined ? 's.seq DESC' : has('date') ? 's.d DESC, s.cname DESC' : 's.cname DESC';
  // With a line order and an aggregate for it: the name of the latest readable line with one, in the
  // GROUP BY itself. The window's pick differs only where no such line exists (NULL or ''), and
  // tw_customers writes both as ''.
  const lastName = input.lineOrder !== undefined ? d.lastBy?.('cname', 'seq', "readable = 1 AND cname <> ''") : undefined;
  // Every row the filters keep, readable or not: the engine numbers a customer at its first such row,
  // and counts it when at least one of its rows is readable. Only readable rows are in the window.
  const keptRows = `SELECT s.*,
      ${bounds ? 'CASE WHEN s.readable = 1 AND s.d >= w.first_day AND s.d <= w.last_day THEN 1 ELSE 0 END' : 's.readable'} AS in_window${lastName ? '' : `,
      ROW_NUMBER() OVER (PARTITION BY s.cust ORDER BY CASE WHEN s.readable = 1 AND s.cname <> '' THEN 0 ELSE 1 END, ${nameOrder}) AS name_pick`}
    FROM tw_source s CROSS JOIN tw_window w WHERE s.kept = 1 AND s.cust <> ''`;
  const measured = `SELECT cust,
      MIN(seq) AS first_line,
      ${lastName ?? 'MAX(CASE WHEN name_pick = 1 AND readable = 1 THEN cname END)'} AS cname,
      SUM(CASE WHEN in_window = 1 THEN amount ELSE 0 END) AS sales,
      SUM(CASE WHEN in_window = 1 THEN profit ELSE 0 END) AS profit,
      SUM(CASE WHEN in_window = 1 THEN qty ELSE 0 END) AS qty,
      MAX(in_window) AS in_window,
      MAX(CASE WHEN in_window = 1 AND amount > 0 THEN d END) AS last_buy,
      ${has('order') ? 'COUNT(DISTINCT CASE WHEN in_window = 1 THEN ord END)' : 'SUM(in_window)'} AS orders
    FROM tw_kept GROUP BY cust HAVING MAX(readable) = 1`;
  /** The columns of a customer without lines (named in an override, or only answering): no name, no measure; `order` places it. */
  const withoutLines = (order: string) =>
    `'' AS cname, CAST(NULL AS ${d.integer}) AS first_line, ${order} AS extra_order, CAST(0 AS ${d.double}) AS sales, CAST(0 AS ${d.double}) AS profit, CAST(0 AS ${d.double}) AS qty, 0 AS in_window, CAST(NULL AS DATE) AS last_buy, 0 AS orders`;
  // Customers named only in overrides: no line, no measure, after the customers of the lines.
  const extraRows = input.extraCustomers.map(
    (id, i) =>
      `SELECT ${d.text(id)} AS cust, ${withoutLines(String(i))} FROM tw_window WHERE ${d.text(id)} NOT IN (SELECT cust FROM tw_measured)`,
  );
  const answerRows = input.answerCustomers === undefined ? [] : [
    `SELECT a.cust, ${withoutLines(`${input.extraCustomers.length - 1} + ROW_NUMBER() OVER (ORDER BY CASE WHEN a.first_seq IS NULL THEN 1 ELSE 0 END, a.first_seq, a.cust)`)} FROM ${input.answerCustomers} a WHERE a.cust NOT IN (SELECT cust FROM tw_measured)${input.extraCustomers.length > 0 ? ` AND a.cust NOT IN (${input.extraCustomers.map(d.text).join(', ')})` : ''}`,
  ];
  const customers = [`SELECT cust, COALESCE(cname, '') AS cname, first_line, -1 AS extra_order, sales, profit, qty, in_window, last_buy, orders FROM tw_measured`, ...extraRows, ...answerRows].join('\n    UNION ALL ');

  return [
    { name: 'tw_source', sql: source },
    { name: 'tw_end', sql: end },
    { name: 'tw_window', sql: window },
    { name: 'tw_kept', sql: keptRows },
    { name: 'tw_measured', sql: measured },
    { name: 'tw_customers', sql: customers },
  ];
}

/** How the rows of the result are ordered: the engine's order (first line) when the line order is known, else by customer. */
export const customerOrder = (lineOrder: boolean): string => (lineOrder ? 'c.extra_order, c.first_line, c.cust' : 'c.extra_order, c.cust');
