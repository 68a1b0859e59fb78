// XYZ (SEMANTICS.md 11) as SQL: the coefficient of variation of each customer's zero-filled period totals.
// The periods without a line are not written out: each adds (0 - mean)^2 to the squares, so the squares
// are the sum over the periods with lines plus (n - those periods) x mean^2.
import type { XyzPeriod, XyzType } from '../engine/xyz-schema';
import { num, type Dialect } from './dialect';
import { measureSql, type KindContext, type KindSql } from './measures';

const CV_TOLERANCE = 1e-9;

/** The engine's periodIndex: months and quarters counted from year 0, ISO weeks (Monday first) from the epoch. */
function periodSql(d: Dialect, day: string, period: XyzPeriod): string {
  const year = `CAST(EXTRACT(YEAR FROM ${day}) AS ${d.integer})`;
  switch (period) {
    case 'month':
      return `(${year} * 12 + CAST(EXTRACT(MONTH FROM ${day}) AS ${d.integer}) - 1)`;
    case 'quarter':
      return `(${year} * 4 + CAST(EXTRACT(QUARTER FROM ${day}) AS ${d.integer}) - 1)`;
    case 'week':
      return `CAST(FLOOR(CAST(${d.daysBetween("DATE '1970-01-01'", day)} + 3 AS ${d.double}) / 7) AS ${d.integer})`;
  }
}

/** round9(x) !== 0 in the engine: x x 10^9 rounds (half up) away from 0. */
const notZero9 = (x: string) => `(${x} * 1e9 >= 0.5 OR ${x} * 1e9 < -0.5)`;

export function xyzSql(type: XyzType, k: KindContext): KindSql {
  const { d, prefix: p } = k;
  const value = type.measure === 'quantity' ? 'k.qty' : 'k.amount';
  // The periods: every calendar period holding a day of the window; for the whole history, from the
  // earliest to the latest date of the lines the filters keep.
  const span = `SELECT ${periodSql(d, 'f', type.period)} AS base, ${periodSql(d, 'l', type.period)} - ${periodSql(d, 'f', type.period)} + 1 AS n
    FROM (SELECT COALESCE(w.first_day, x.f) AS f, COALESCE(w.last_day, x.l) AS l
      FROM tw_window w CROSS JOIN (SELECT MIN(d) AS f, MAX(d) AS l FROM tw_kept WHERE readable = 1) x) s`;
  const periods = `SELECT k.cust, ${periodSql(d, 'k.d', type.period)} AS period, SUM(${value}) AS t
    FROM tw_kept k WHERE k.in_window = 1 GROUP BY k.cust, ${periodSql(d, 'k.d', type.period)}`;
  const withMean = `SELECT q.cust, q.t, SUM(q.t) OVER (PARTITION BY q.cust) / s.n AS mean, s.n FROM ${p}_periods q CROSS JOIN ${p}_span s`;
  const stats = `SELECT cust, MAX(mean) AS mean, MAX(n) AS n, COUNT(*) AS present,
      SUM(CASE WHEN ${notZero9('t')} THEN 1 ELSE 0 END) AS with_sales,
      SUM((t - mean) * (t - mean)) AS squares
    FROM ${p}_means GROUP BY cust`;
  const cv = `CASE WHEN c.in_window = 1 AND s.mean * 1e9 >= 0.5 THEN SQRT((s.squares + (s.n - s.present) * s.mean * s.mean) / s.n) / s.mean END`;
  const measured = `SELECT c.*, ${cv} AS ${p}_cv, COALESCE(s.with_sales, 0) AS ${p}_with
    FROM ${k.from} c LEFT JOIN ${p}_stats s ON s.cust = c.cust`;

  const minimum = k.config.minimumNetSales;
  const segments = type.segments;
  const whens = segments.slice(0, -1).map((s) => `WHEN c.${p}_cv <= ${num((s.maxCv ?? Infinity) + CV_TOLERANCE)} THEN ${d.text(s.name)}`);
  const assigned = `SELECT c.*,
      CASE WHEN c.${p}_cv IS NULL OR c.${p}_with < ${type.minPeriods} THEN ${d.text(type.unclassified)}
        ${minimum !== undefined ? `WHEN NOT (c.sales >= ${num(minimum)}) THEN ${d.text(type.unclassified)}` : ''}
        ${whens.join('\n        ')}
        ELSE ${d.text(segments[segments.length - 1].name)}
      END AS ${p}_segment
    FROM ${p}_measured c`;

  const name = type.name;
  const columns = [{ header: name, expr: `c.${p}_segment` }];
  if (type.measure === 'quantity') columns.push({ header: `${name} (quantity)`, expr: measureSql('quantity') });
  columns.push({ header: `${name} (cv)`, expr: `c.${p}_cv` }, { header: `${name} (periods with sales)`, expr: `c.${p}_with` });
  const abc = type.abcType !== undefined ? k.abcPrefix(type.abcType) : undefined;
  if (type.combined && abc !== undefined) {
    const abcFinal = `COALESCE(c.${abc}_manual, c.${abc}_auto)`;
    columns.push({
      header: `${name} (ABC-XYZ)`,
      expr: `CASE WHEN ${abcFinal} <> '' AND c.${p}_segment <> ${d.text(type.unclassified)} THEN CONCAT(${abcFinal}, c.${p}_segment) ELSE '' END`,
    });
  }
  return {
    ctes: [
      { name: `${p}_span`, sql: span, materialize: true },
      { name: `${p}_periods`, sql: periods },
      { name: `${p}_means`, sql: withMean },
      { name: `${p}_stats`, sql: stats, materialize: true },
      { name: `${p}_measured`, sql: measured },
      { name: p, sql: assigned },
    ],
    columns,
  };
}
