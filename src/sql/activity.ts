// Activity (SEMANTICS.md 6) as SQL: the state of mind over the periods ending on the reference day, the
// days since the last purchase, and the criteria lines with the engine's tolerance.
import { criteriaTolerance } from '../engine/activity';
import type { ActivityLine, ActivityType } from '../engine/activity-schema';
import type { LoyaltyType } from '../engine/loyalty-schema';
import { num } from './dialect';
import type { Cte } from './lines';
import { loyaltyPointsCtes } from './loyalty';
import { segmentText, type KindContext, type KindSql } from './measures';

/**
 * The engine's `holds` as a condition on `v`, NULL never holding, except that a customer who never
 * bought has Infinity days since the last purchase (NULL here): more than any number, equal to none.
 */
function holdsSql(v: string, line: ActivityLine): string {
  const { operator, value } = line;
  const tol = criteriaTolerance(value);
  const cond = (() => {
    switch (operator) {
      case '<':
        return `${v} < ${num(value - tol)}`;
      case '<=':
        return `${v} <= ${num(value + tol)}`;
      case '=':
        return `ABS(${v} - ${num(value)}) <= ${num(tol)}`;
      case '>=':
        return `${v} >= ${num(value - tol)}`;
      case '>':
        return `${v} > ${num(value + tol)}`;
      case '!=':
        return `ABS(${v} - ${num(value)}) > ${num(tol)}`;
    }
  })();
  const infinityHolds = operator === '>' || operator === '>=' || operator === '!=';
  return line.measure === 'lastPurchaseDays' && infinityHolds ? `(${v} IS NULL OR ${cond})` : `(${cond})`;
}

/** Every mandatory line and, when there are optional ones, at least one of them; no lines: everyone. */
function matchesSql(criteria: readonly ActivityLine[], valueOf: (l: ActivityLine) => string): string {
  const mandatory = criteria.filter((l) => l.mandatory).map((l) => holdsSql(valueOf(l), l));
  const optional = criteria.filter((l) => !l.mandatory).map((l) => holdsSql(valueOf(l), l));
  const all = [...mandatory, ...(optional.length > 0 ? [`(${optional.join(' OR ')})`] : [])];
  return all.length === 0 ? '1 = 1' : all.join(' AND ');
}

export function activitySql(type: ActivityType, k: KindContext): KindSql | string {
  const { d, prefix: p } = k;
  const { periods, periodDays, initial, decrease } = type;
  let pointsCtes: Cte[] = [];
  if (type.criteria.some((l) => l.measure === 'points')) {
    const loyalty = k.config.segmentTypes.find(
      (t): t is LoyaltyType => t.kind === 'loyalty' && (type.loyalty === undefined || t.name.toLowerCase() === type.loyalty.toLowerCase()),
    );
    if (!loyalty) return type.loyalty ? `no loyalty segment type is named "${type.loyalty}"` : 'a "points" line needs a loyalty segment type';
    const ctes = loyaltyPointsCtes(loyalty, k, `${p}_lp`);
    if (typeof ctes === 'string') return `the loyalty type "${loyalty.name}" ${ctes}`;
    pointsCtes = ctes;
  }
  // Purchases (a positive amount) on or before the reference day, as days before it; the periods may
  // reach back before the window's start (and the last purchase may lie anywhere before it).
  const buys = `SELECT k.cust, ${d.daysBetween('k.d', 'w.ref_day')} AS days
    FROM tw_kept k CROSS JOIN tw_window w WHERE k.readable = 1 AND k.amount > 0 AND k.d <= w.ref_day`;
  // Period j counts back from the newest (j = 0); each step of the engine's loop is som -> som x decrease
  // + bought x (1 - decrease), so after all periods som = initial x decrease^periods + (1 - decrease) x
  // the sum of decrease^j over the periods with a purchase: the same number up to rounding in the last digits.
  const bought = `SELECT DISTINCT b.cust, CAST(FLOOR(CAST(b.days AS ${d.double}) / ${periodDays}) AS ${d.integer}) AS j
    FROM ${p}_buys b WHERE b.days < ${periods * periodDays}`;
  const stats = `SELECT b.cust, MIN(b.days) AS last_days, MAX(s.weight) AS weight
    FROM ${p}_buys b LEFT JOIN (SELECT cust, SUM(POWER(${num(decrease)}, j)) AS weight FROM ${p}_bought GROUP BY cust) s ON s.cust = b.cust
    GROUP BY b.cust`;
  const som = `CASE WHEN w.ref_day IS NOT NULL THEN ${num(initial)} * POWER(${num(decrease)}, ${periods}) + ${num(1 - decrease)} * COALESCE(s.weight, 0) END`;
  const measured = `SELECT c.*, ${som} AS ${p}_som, s.last_days AS ${p}_last_days${pointsCtes.length > 0 ? `, COALESCE(pt.earned, 0) AS ${p}_points` : ''}
    FROM ${k.from} c CROSS JOIN tw_window w LEFT JOIN ${p}_stats s ON s.cust = c.cust${pointsCtes.length > 0 ? ` LEFT JOIN ${p}_lp_points pt ON pt.cust = c.cust` : ''}`;
  const valueOf = (l: ActivityLine): string => {
    switch (l.measure) {
      case 'sales':
        return 'c.sales';
      case 'profit':
        return 'c.profit';
      case 'orders':
        return 'c.orders';
      case 'points':
        return `c.${p}_points`;
      case 'lastPurchaseDays':
        return `c.${p}_last_days`;
      case 'som':
        return `c.${p}_som`;
    }
  };
  // No previous run here: a customer holds the category exactly when it matches (exclusive or not).
  const assigned = `SELECT c.*, CASE WHEN ${matchesSql(type.criteria, valueOf)} THEN ${segmentText(d, type.category)} ELSE '' END AS ${p}_segment FROM ${p}_measured c`;
  const name = type.name;
  return {
    ctes: [
      ...pointsCtes,
      { name: `${p}_buys`, sql: buys },
      { name: `${p}_bought`, sql: bought },
      { name: `${p}_stats`, sql: stats, materialize: true },
      { name: `${p}_measured`, sql: measured },
      { name: p, sql: assigned },
    ],
    columns: [
      { header: name, expr: `c.${p}_segment` },
      { header: `${name} (state of mind)`, expr: `c.${p}_som` },
      { header: `${name} (days since last purchase)`, expr: `c.${p}_last_days` },
      { header: `${name} (categories)`, expr: `c.${p}_segment` },
    ],
  };
}
