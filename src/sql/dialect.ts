// What differs between the SQL dialects Tierwise writes: quoting, type names, date arithmetic,
// rounding. Everything else in src/sql is written once, in the SQL they all share.

export const SQL_DIALECTS = ['duckdb', 'postgres', 'spark', 'bigquery', 'snowflake'] as const;
export type SqlDialectName = (typeof SQL_DIALECTS)[number];

export interface Dialect {
  name: SqlDialectName;
  /** A quoted identifier: a header, a table, an output column. */
  ident(name: string): string;
  /** A string literal that holds `text` as data, whatever it holds. */
  text(value: string): string;
  /** The type a number is computed in: the engine computes in doubles, so does the query. */
  double: string;
  /** The type a value is compared as text in (customers, filters). */
  string: string;
  /** A whole number (line numbers, counts). */
  integer: string;
  /** `date` moved `months` calendar months back; a day the earlier month lacks becomes its last day. */
  monthsBefore(date: string, months: number): string;
  /** `date` plus `days` days (days may be negative). */
  addDays(date: string, days: number): string;
  /** Whole days from `from` to `to`. */
  daysBetween(from: string, to: string): string;
  /** `value` without the characters of the literal `chars` at either end. */
  trim(value: string, chars: string): string;
  /**
   * Optional: an aggregate giving `value` of the row with the greatest `by` among the rows where `where`
   * holds (NULL for none). Where the database has one (DuckDB's arg_max), the customer's name is picked
   * by it instead of a ROW_NUMBER window over every line, which sorts the lines by customer (most of
   * the query's time on a million lines).
   */
  lastBy?(value: string, by: string, where: string): string;
  /** How a CTE that must be computed once is introduced (`AS MATERIALIZED` where the database reads it). */
  materialized: string;
  /** Longest column name the database keeps whole, in bytes (PostgreSQL cuts names at 63). */
  maxIdentifierBytes?: number;
}

/** Doubles the quote character inside: `a"b` -> `"a""b"`. */
const doubled = (quote: string) => (name: string) => `${quote}${name.split(quote).join(quote + quote)}${quote}`;

/** PostgreSQL and DuckDB: a quote is doubled, a backslash is an ordinary character. */
const standardText = (value: string) => `'${value.replace(/'/g, "''")}'`;

/**
 * Spark, BigQuery and Snowflake read backslash escapes inside string literals, so a backslash is
 * doubled and a quote is written \' ; control characters are written as escapes so that a literal never
 * spans lines (BigQuery refuses a raw newline in a quoted string).
 */
const backslashText = (value: string) =>
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must be escaped
  `'${value.replace(/[\\'\u0000-\u001f]/g, (c) => {
    switch (c) {
      case '\\':
        return '\\\\';
      case "'":
        return "\\'";
      case '\n':
        return '\\n';
      case '\r':
        return '\\r';
      case '\t':
        return '\\t';
      default:
        return hexEscape(c);
    }
  })}'`;

// BigQuery and Spark read \xHH... not alike; \u is read by Spark, BigQuery and Snowflake.
const hexEscape = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** BigQuery reads backslash escapes inside backquoted identifiers too. */
const bigqueryIdent = (name: string) => `\`${name.replace(/[\\`]/g, (c) => `\\${c}`)}\``;

export const DIALECTS: Record<SqlDialectName, Dialect> = {
  duckdb: {
    name: 'duckdb',
    materialized: 'AS',
    ident: doubled('"'),
    text: standardText,
    double: 'DOUBLE',
    string: 'VARCHAR',
    integer: 'BIGINT',
    monthsBefore: (d, m) => `CAST(${d} - INTERVAL ${m} MONTH AS DATE)`,
    addDays: (d, n) => `CAST(${d} + INTERVAL ${n} DAY AS DATE)`,
    daysBetween: (a, b) => `DATE_DIFF('day', ${a}, ${b})`,
    trim: (v, chars) => `TRIM(${v}, ${chars})`,
    lastBy: (v, by, where) => `ARG_MAX(${v}, ${by}) FILTER (WHERE ${where})`,
  },
  postgres: {
    name: 'postgres',
    materialized: 'AS MATERIALIZED',
    ident: doubled('"'),
    text: standardText,
    double: 'DOUBLE PRECISION',
    string: 'TEXT',
    integer: 'BIGINT',
    // PostgreSQL keeps the day when it can and takes the month's last day otherwise: 03-31 - 1 month = 02-28.
    monthsBefore: (d, m) => `CAST(${d} - INTERVAL '${m} months' AS DATE)`,
    addDays: (d, n) => `(${d} + (${n}))`,
    daysBetween: (a, b) => `(${b} - ${a})`,
    trim: (v, chars) => `BTRIM(${v}, ${chars})`,
    maxIdentifierBytes: 63,
  },
  spark: {
    name: 'spark',
    materialized: 'AS',
    ident: doubled('`'),
    text: backslashText,
    double: 'DOUBLE',
    string: 'STRING',
    integer: 'BIGINT',
    // Spark 3 add_months keeps the day or takes the month's last day (it no longer moves month ends to month ends).
    monthsBefore: (d, m) => `ADD_MONTHS(${d}, ${-m})`,
    addDays: (d, n) => `DATE_ADD(${d}, ${n})`,
    daysBetween: (a, b) => `DATEDIFF(${b}, ${a})`,
    trim: (v, chars) => `TRIM(BOTH ${chars} FROM ${v})`,
  },
  bigquery: {
    name: 'bigquery',
    materialized: 'AS',
    ident: bigqueryIdent,
    text: backslashText,
    double: 'FLOAT64',
    string: 'STRING',
    integer: 'INT64',
    monthsBefore: (d, m) => `DATE_SUB(${d}, INTERVAL ${m} MONTH)`,
    addDays: (d, n) => `DATE_ADD(${d}, INTERVAL ${n} DAY)`,
    daysBetween: (a, b) => `DATE_DIFF(${b}, ${a}, DAY)`,
    trim: (v, chars) => `TRIM(${v}, ${chars})`,
    maxIdentifierBytes: 300,
  },
  snowflake: {
    name: 'snowflake',
    materialized: 'AS',
    ident: doubled('"'),
    text: backslashText,
    double: 'DOUBLE',
    string: 'VARCHAR',
    integer: 'BIGINT',
    // DATEADD, not ADD_MONTHS: ADD_MONTHS moves a month's last day to the other month's last day.
    monthsBefore: (d, m) => `DATEADD(month, ${-m}, ${d})`,
    addDays: (d, n) => `DATEADD(day, ${n}, ${d})`,
    daysBetween: (a, b) => `DATEDIFF(day, ${a}, ${b})`,
    trim: (v, chars) => `TRIM(${v}, ${chars})`,
    maxIdentifierBytes: 255,
  },
};

/**
 * A number as SQL: the shortest text that reads back as the same double, negative ones in parentheses
 * so that `x - -5` can never become the comment `x --5`.
 */
export function num(x: number): string {
  if (!Number.isFinite(x)) throw new Error(`not a finite number: ${x}`);
  const s = String(x);
  return x < 0 || Object.is(x, -0) ? `(${s})` : s;
}

/** A day written YYYY-MM-DD as a date literal (the same in every dialect here). */
export const dateLiteral = (iso: string): string => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) throw new Error(`not a day: ${iso}`);
  return `DATE '${iso}'`;
};

/** A table name, possibly qualified (`db.schema.table`): each part quoted on its own. */
export const tableName = (d: Dialect, name: string): string =>
  name
    .split('.')
    .map((part) => d.ident(part))
    .join('.');
