// ABC (SEMANTICS.md 3) as SQL: rank, group equal totals, cumulative shares, thresholds, overrides.
import { TIE_TOLERANCE, upperBounds, lastRanked, defaultSegment } from '../engine/abc';
import { SHARE_TOLERANCE, type AbcType } from '../engine/abc-schema';
import { FLAG_TEXT } from '../plan/tiers';
import { num, type Dialect } from './dialect';
import { eligibleSql, measureSql, segmentText, type KindContext, type KindSql } from './measures';

/** Customer -> segment name, resolved as the engine's applyOverrides: exact name, then ignoring case; unknown names are not applied. */
export function resolvedOverrides(type: AbcType, overrides: Readonly<Record<string, string>> | undefined): [string, string][] {
  const names = type.segments.map((s) => s.name);
  const lower = names.map((s) => s.toLowerCase());
  const out = new Map<string, string>();
  for (const [id, wanted] of Object.entries(overrides ?? {})) {
    const name = wanted.trim();
    const key = id.trim();
    if (name === '' || key === '') continue;
    let s = names.indexOf(name);
    if (s < 0) s = lower.indexOf(name.toLowerCase());
    if (s >= 0) out.set(key, names[s]);
  }
  return [...out];
}

/** Rows of (cust, seg) as a derived table: a VALUES list, or BigQuery's array of structs (it has no VALUES). */
function valuesTable(d: Dialect, rows: [string, string][]): string {
  if (d.name === 'bigquery') {
    return `UNNEST([${rows.map(([c, s]) => `STRUCT(${d.text(c)} AS cust, ${d.text(s)} AS seg)`).join(', ')}]) AS o`;
  }
  return `(VALUES ${rows.map(([c, s]) => `(${d.text(c)}, ${d.text(s)})`).join(', ')}) AS o(cust, seg)`;
}

export function abcSql(type: AbcType, k: KindContext): KindSql {
  const { d, prefix: p } = k;
  const minimum = type.minimumNetSales ?? k.config.minimumNetSales;
  const measure = measureSql(type.measure);
  const last = lastRanked(type.segments);
  const dflt = defaultSegment(type.segments);
  const name = (i: number) => segmentText(d, i >= 0 ? type.segments[i].name : undefined);
  // Ranked customers (eligible, positive total) in one partition, the rest in the other: window
  // functions instead of joins, so every CTE keeps one row per customer.
  const rank = `PARTITION BY c.${p}_ranked ORDER BY c.${p}_v DESC, c.cust`;
  const group = `PARTITION BY c.${p}_ranked, c.${p}_grp`;

  const flagged = `SELECT c.*, ${measure} AS ${p}_v, CASE WHEN ${eligibleSql(minimum)} AND ${measure} > 0 THEN 1 ELSE 0 END AS ${p}_ranked FROM ${k.from} c`;
  const running = `SELECT c.*,
      SUM(c.${p}_v) OVER (${rank} ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS ${p}_running,
      SUM(c.${p}_v) OVER (PARTITION BY c.${p}_ranked) AS ${p}_total,
      CASE WHEN LAG(c.${p}_v) OVER (${rank}) - c.${p}_v <= ${num(TIE_TOLERANCE)} * LAG(c.${p}_v) OVER (${rank}) THEN 0 ELSE 1 END AS ${p}_starts
    FROM ${p}_flagged c`;
  // Equal totals (within the engine's tolerance, each compared with the one before) form one group.
  // The sum strictly ahead is the running sum of the customer before (exactly the engine's `before`).
  const grouped = `SELECT c.*,
      SUM(c.${p}_starts) OVER (${rank} ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS ${p}_grp,
      COALESCE(LAG(c.${p}_running) OVER (${rank}), 0) AS ${p}_ahead
    FROM ${p}_running c`;
  const shares = `SELECT c.*,
      MIN(c.${p}_ahead) OVER (${group}) / c.${p}_total AS ${p}_before,
      MAX(c.${p}_running) OVER (${group}) / c.${p}_total AS ${p}_after,
      COUNT(*) OVER (${group}) AS ${p}_members
    FROM ${p}_grouped c`;

  const bounds = upperBounds(type.segments);
  const when =
    type.boundary === 'lower'
      ? bounds.map((b) => `WHEN ${num(b.upper)} >= c.${p}_after - ${num(SHARE_TOLERANCE)} THEN ${name(b.index)}`)
      : bounds.map((b) => `WHEN ${num(b.upper)} - c.${p}_before > ${num(SHARE_TOLERANCE)} THEN ${name(b.index)}`);
  const auto = `CASE
        WHEN c.in_window = 0 THEN ${name(dflt >= 0 ? dflt : last)}
        WHEN NOT ${eligibleSql(minimum)} THEN ${name(dflt)}
        WHEN c.${p}_ranked = 0 THEN ${name(last)}
        ${when.join('\n        ')}
        ELSE ${name(last)}
      END`;
  const overrides = resolvedOverrides(type, k.config.overrides[type.name]);
  const assigned =
    overrides.length > 0
      ? `SELECT c.*, ${auto} AS ${p}_auto, o.seg AS ${p}_manual FROM ${p}_shares c LEFT JOIN ${valuesTable(d, overrides)} ON o.cust = c.cust`
      : `SELECT c.*, ${auto} AS ${p}_auto, CAST(NULL AS ${d.string}) AS ${p}_manual FROM ${p}_shares c`;

  const ranked = (expr: string) => `CASE WHEN c.${p}_ranked = 1 THEN ${expr} END`;
  const columns = [
    { header: type.name, expr: `COALESCE(c.${p}_manual, c.${p}_auto)` },
    { header: `${type.name} (auto)`, expr: `c.${p}_auto` },
    { header: `${type.name} (manual)`, expr: `COALESCE(c.${p}_manual, '')` },
    { header: `${type.name} (flag)`, expr: `CASE WHEN c.${p}_manual IS NOT NULL AND c.${p}_manual <> c.${p}_auto THEN ${d.text(FLAG_TEXT)} ELSE '' END` },
  ];
  if (type.measure === 'quantity') columns.push({ header: `${type.name} (quantity)`, expr: `c.${p}_v` });
  // Tied customers split their group's share evenly, as the engine's rankingShares does.
  columns.push(
    { header: `${type.name} (share)`, expr: ranked(`(c.${p}_after - c.${p}_before) / c.${p}_members`) },
    { header: `${type.name} (cumulative share)`, expr: ranked(`c.${p}_after`) },
  );

  return {
    ctes: [
      { name: `${p}_flagged`, sql: flagged },
      { name: `${p}_running`, sql: running },
      { name: `${p}_grouped`, sql: grouped },
      { name: `${p}_shares`, sql: shares },
      { name: p, sql: assigned },
    ],
    columns,
  };
}
