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
  const { d, prefix } = k;
  const minimum = type.minimumNetSales ?? k.config.minimumNetSales;
  const measure = measureSql(type.measure);
  const last = lastRanked(type.segments);
  const dflt = defaultSegment(type.segments);
  const name = (i: number) => segmentText(d, i >= 0 ? type.segments[i].name : undefined);
  const order = 'ORDER BY v DESC, cust';

  const ranked = `SELECT cust, v,
      COALESCE(SUM(v) OVER (${order} ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS ahead,
      SUM(v) OVER (${order} ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS running,
      CASE WHEN LAG(v) OVER (${order}) - v <= ${num(TIE_TOLERANCE)} * LAG(v) OVER (${order}) THEN 0 ELSE 1 END AS starts
    FROM (SELECT c.cust, ${measure} AS v FROM tw_customers c WHERE ${eligibleSql(minimum)} AND ${measure} > 0) r`;
  // Equal totals (within the engine's tolerance, each compared with the one before) form one group.
  const grouped = `SELECT cust, v, ahead, running, SUM(starts) OVER (${order} ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS grp FROM ${prefix}_ranked`;
  const groups = `SELECT g.grp, MIN(g.ahead) / MAX(t.total) AS share_before, MAX(g.running) / MAX(t.total) AS share_after, COUNT(*) AS members
    FROM ${prefix}_grouped g CROSS JOIN (SELECT SUM(v) AS total FROM ${prefix}_ranked) t GROUP BY g.grp`;

  const bounds = upperBounds(type.segments);
  const when =
    type.boundary === 'lower'
      ? bounds.map((b) => `WHEN ${num(b.upper)} >= g.share_after - ${num(SHARE_TOLERANCE)} THEN ${name(b.index)}`)
      : bounds.map((b) => `WHEN ${num(b.upper)} - g.share_before > ${num(SHARE_TOLERANCE)} THEN ${name(b.index)}`);
  const auto = `CASE
        WHEN c.in_window = 0 THEN ${name(dflt >= 0 ? dflt : last)}
        WHEN NOT ${eligibleSql(minimum)} THEN ${name(dflt)}
        WHEN g.grp IS NULL THEN ${name(last)}
        ELSE CASE ${when.join(' ')} ELSE ${name(last)} END
      END`;
  const overrides = resolvedOverrides(type, k.config.overrides[type.name]);
  const manualJoin = overrides.length > 0 ? `LEFT JOIN ${valuesTable(d, overrides)} ON o.cust = c.cust` : '';
  const manual = overrides.length > 0 ? 'o.seg' : `CAST(NULL AS ${d.string})`;
  const assigned = `SELECT c.cust, ${auto} AS auto, ${manual} AS manual, ${measure} AS measure,
      (g.share_after - g.share_before) / g.members AS share, g.share_after AS cumulative
    FROM tw_customers c
    LEFT JOIN ${prefix}_grouped r ON r.cust = c.cust
    LEFT JOIN ${prefix}_groups g ON g.grp = r.grp
    ${manualJoin}`;

  const t = prefix;
  const columns = [
    { header: type.name, expr: `COALESCE(${t}.manual, ${t}.auto)` },
    { header: `${type.name} (auto)`, expr: `${t}.auto` },
    { header: `${type.name} (manual)`, expr: `COALESCE(${t}.manual, '')` },
    { header: `${type.name} (flag)`, expr: `CASE WHEN ${t}.manual IS NOT NULL AND ${t}.manual <> ${t}.auto THEN ${d.text(FLAG_TEXT)} ELSE '' END` },
  ];
  if (type.measure === 'quantity') columns.push({ header: `${type.name} (quantity)`, expr: `${t}.measure` });
  columns.push({ header: `${type.name} (share)`, expr: `${t}.share` }, { header: `${type.name} (cumulative share)`, expr: `${t}.cumulative` });

  return {
    ctes: [
      { name: `${prefix}_ranked`, sql: ranked },
      { name: `${prefix}_grouped`, sql: grouped },
      { name: `${prefix}_groups`, sql: groups },
      { name: prefix, sql: assigned },
    ],
    columns,
  };
}
