// Loyalty points, levels and rewards (SEMANTICS.md 5) as SQL, term by term as the engine's earnPoints:
// rules per line (each term rounded on its own), program rates per order and customer (rounded once),
// a returned order's perOrder taken back, then levels, balance and rewards per customer.
import { POINTS_TOLERANCE } from '../engine/loyalty';
import type { LoyaltyType } from '../engine/loyalty-schema';
import { num, type Dialect } from './dialect';
import type { Cte } from './lines';
import { listSql, segmentText, type KindContext, type KindSql } from './measures';

/**
 * The engine's round9 (x to 9 decimals, half up): Math.round(x x 1e9) / 1e9. Above a million the engine
 * rounds the decimal text instead (toFixed); the two differ only on an exact half-billionth there.
 */
export const round9Sql = (x: string): string => `(FLOOR((${x}) * 1e9 + 0.5) / 1e9)`;

/** The engine's roundPoints: to a multiple of `multiple`, half away from zero, after round9 of the quotient. */
export function roundPointsSql(x: string, multiple: number): string {
  const q = round9Sql(multiple === 1 ? x : `(${x}) / ${num(multiple)}`);
  const n = `(SIGN(${q}) * FLOOR(ABS(${q}) + 0.5))`;
  const v = multiple === 1 ? n : `${n} * ${num(multiple)}`;
  // A multiple such as 0.1 leaves noise (3 x 0.1): the engine rounds it away again.
  return Number.isInteger(multiple) ? v : round9Sql(v);
}

/** `rate x value` rounded, or nothing when the rate is 0 (the engine adds a 0 for it). */
function term(value: string, rate: number, rounding: number): string[] {
  return rate === 0 ? [] : [roundPointsSql(`${value} * ${num(rate)}`, rounding)];
}

const sum = (terms: string[], d: Dialect): string => (terms.length === 0 ? `CAST(0 AS ${d.double})` : terms.join(' + '));

/**
 * `<prefix>_points`: earned and spent points per customer with a line in the window (cust, earned,
 * spent), round9'd as the engine leaves them. Activity criteria read the same CTEs under their own
 * prefix. A rule whose column is not in the table is a problem (the engine warns and earns nothing).
 */
export function loyaltyPointsCtes(type: LoyaltyType, k: KindContext, p: string): Cte[] | string {
  const { d } = k;
  const masks: string[] = [];
  for (const [r, rule] of type.rules.entries()) {
    const column = k.textColumn(rule.match.column);
    if (column === undefined) return `rules[${r}]: no column is headed "${rule.match.column}"`;
    masks.push(`k.${column} IN (${rule.match.in.map(d.text).join(', ')})`);
  }
  // A rule earns on a line it matches unless a non-cumulative rule before it matched (which stopped the rules).
  const ruleTerms = type.rules.flatMap((rule, r) => {
    const terms = [...term('COALESCE(k.qty, 0)', rule.perUnit, type.rounding), ...term('k.amount', rule.perCurrency, type.rounding)];
    if (terms.length === 0) return [];
    const stoppedBefore = type.rules.slice(0, r).flatMap((before, j) => (before.cumulative ? [] : [masks[j]]));
    const applies = [masks[r], ...stoppedBefore.map((m) => `NOT (${m})`)].join(' AND ');
    return [`CASE WHEN ${applies} THEN ${terms.join(' + ')} ELSE 0 END`];
  });
  const stops = type.rules.flatMap((rule, r) => (rule.cumulative ? [] : [masks[r]]));
  const lines = `SELECT k.cust, k.ord, k.amount, COALESCE(k.qty, 0) AS qty, COALESCE(k.spent, 0) AS spent,
      ${sum(ruleTerms, d)} AS rule_points,
      ${stops.length === 0 ? '0' : `CASE WHEN ${stops.join(' OR ')} THEN 1 ELSE 0 END`} AS taken
    FROM tw_kept k WHERE k.in_window = 1`;
  // Program rates per order and customer (each line its own order without an order column), on the lines no rule took.
  const programTerms = [...term('o.s', type.perCurrency, type.rounding), ...term('o.u', type.perUnit, type.rounding)];
  if (type.perOrder !== 0) programTerms.push(`SIGN(${round9Sql('o.s')}) * ${num(type.perOrder)}`);
  const orders = k.hasRole('order')
    ? `SELECT l.cust, SUM(l.amount) AS s, SUM(l.qty) AS u FROM ${p}_lines l WHERE l.taken = 0 GROUP BY l.cust, l.ord`
    : `SELECT l.cust, l.amount AS s, l.qty AS u FROM ${p}_lines l WHERE l.taken = 0`;
  const parts = [`SELECT cust, rule_points AS pts, spent FROM ${p}_lines`];
  if (programTerms.length > 0) parts.push(`SELECT o.cust, ${programTerms.join(' + ')} AS pts, 0 AS spent FROM ${p}_orders o`);
  const points = `SELECT cust, ${round9Sql('SUM(pts)')} AS earned, ${round9Sql('SUM(spent)')} AS spent
    FROM (${parts.join('\n      UNION ALL ')}) x GROUP BY cust`;
  return [
    { name: `${p}_lines`, sql: lines },
    ...(programTerms.length > 0 ? [{ name: `${p}_orders`, sql: orders }] : []),
    { name: `${p}_points`, sql: points, materialize: true },
  ];
}

/** A CASE over the level index `level` (-1: below the first level); `value(i)` the value for level i. */
function byLevel(level: string, count: number, value: (i: number) => string | undefined): string {
  const whens: string[] = [];
  for (let i = -1; i < count; i++) {
    const v = value(i);
    if (v !== undefined) whens.push(`WHEN ${i} THEN ${v}`);
  }
  return whens.length === 0 ? 'NULL' : `CASE ${level} ${whens.join(' ')} END`;
}

export function loyaltySql(type: LoyaltyType, k: KindContext): KindSql | string {
  const { d, prefix: p } = k;
  const points = loyaltyPointsCtes(type, k, p);
  if (typeof points === 'string') return points;
  const levels = type.levels;
  const earned = `c.${p}_earned`;
  // The engine's levelOf: the highest level whose minPoints the points reach, within 1e-9.
  const levelIndex = `CASE ${levels
    .map((l, i) => ({ l, i }))
    .reverse()
    .map(({ l, i }) => `WHEN ${earned} >= ${num(l.minPoints - POINTS_TOLERANCE)} THEN ${i}`)
    .join(' ')} ELSE -1 END`;
  const measured = `SELECT c.*, COALESCE(pt.earned, 0) AS ${p}_earned, COALESCE(pt.spent, 0) AS ${p}_spent
    FROM ${k.from} c LEFT JOIN ${p}_points pt ON pt.cust = c.cust`;
  const leveled = `SELECT c.*, ${levelIndex} AS ${p}_level, ${round9Sql(`${earned} - c.${p}_spent`)} AS ${p}_balance FROM ${p}_measured c`;

  const level = `c.${p}_level`;
  const balance = `c.${p}_balance`;
  const name = type.name;
  const columns = [
    { header: name, expr: byLevel(level, levels.length, (i) => segmentText(d, levels[i]?.name)) },
    { header: `${name} (earned)`, expr: earned },
    { header: `${name} (spent)`, expr: `c.${p}_spent` },
    { header: `${name} (balance)`, expr: balance },
    { header: `${name} (next level)`, expr: byLevel(level, levels.length, (i) => segmentText(d, levels[i + 1]?.name)) },
    {
      header: `${name} (points missing)`,
      expr: byLevel(level, levels.length, (i) => (i + 1 < levels.length ? round9Sql(`GREATEST(0, ${num(levels[i + 1].minPoints)} - ${earned})`) : undefined)),
    },
  ];
  if (type.rewards.length > 0) {
    // "Gift x2; Voucher x1".
    const pieces = type.rewards.map(
      (r) =>
        `CASE WHEN ${balance} >= ${num(r.minPoints - POINTS_TOLERANCE)} AND ${balance} >= ${num(r.cost - POINTS_TOLERANCE)} THEN CONCAT(${d.text(`; ${r.name} x`)}, CAST(CAST(FLOOR(${round9Sql(`${balance} / ${num(r.cost)}`)}) AS ${d.integer}) AS ${d.string})) ELSE '' END`,
    );
    columns.push({ header: `${name} (available rewards)`, expr: listSql(pieces) });
  }
  if (levels.some((l) => l.discount !== undefined)) {
    columns.push({ header: `${name} (discount)`, expr: byLevel(level, levels.length, (i) => (levels[i]?.discount !== undefined ? num(levels[i].discount! / 100) : undefined)) });
  }
  return {
    ctes: [...points, { name: `${p}_measured`, sql: measured }, { name: p, sql: leveled }],
    columns,
  };
}
