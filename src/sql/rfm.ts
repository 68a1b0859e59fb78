// RFM (SEMANTICS.md 8) as SQL: recency, frequency and monetary scores by the engine's quantile cut points
// (nearest rank over the scored customers), then the named segment table, first match in table order.
import { OTHERS, type RfmType } from '../engine/rfm-schema';
import { num, type Dialect } from './dialect';
import type { KindContext, KindSql } from './measures';

/** The engine's `above`: a value equal to a cut point (within a billionth of its size) stays below it. */
function aboveSql(v: string, cut: string | number): string {
  if (typeof cut === 'number') return `${v} > ${num(cut + 1e-9 * Math.max(1, Math.abs(cut)))}`;
  return `${v} > ${cut} + 1e-9 * GREATEST(1, ABS(${cut}))`;
}

/**
 * The k-th cut point (k = 1 .. scores - 1) of `value` over the customers whose `member` is 1: the value at
 * position ceil(k x N / scores) in ascending order, as a window aggregate so every row carries it.
 */
function cutSql(d: Dialect, value: string, rank: string, count: string, member: string, k: number, scores: number): string {
  return `MAX(CASE WHEN ${rank} = CEIL(CAST(${k} * ${count} AS ${d.double}) / ${scores}) THEN ${value} END) OVER (PARTITION BY ${member})`;
}

export function rfmSql(type: RfmType, k: KindContext): KindSql {
  const { d, prefix: p } = k;
  const s = type.scores;
  const scored = 'c.in_window';
  // Recency cut points are taken over the customers that bought in the window (returns only: no recency).
  const bought = `CASE WHEN c.in_window = 1 AND c.last_buy IS NOT NULL THEN 1 ELSE 0 END`;
  const measured = `SELECT c.*,
      CASE WHEN c.in_window = 1 AND c.last_buy IS NOT NULL THEN ${d.daysBetween('c.last_buy', 'w.ref_day')} END AS ${p}_days,
      ${bought} AS ${p}_bought
    FROM ${k.from} c CROSS JOIN tw_window w`;
  const ranked = `SELECT c.*,
      ROW_NUMBER() OVER (PARTITION BY c.${p}_bought ORDER BY c.${p}_days, c.cust) AS ${p}_rr,
      COUNT(*) OVER (PARTITION BY c.${p}_bought) AS ${p}_rn,
      ROW_NUMBER() OVER (PARTITION BY ${scored} ORDER BY c.orders, c.cust) AS ${p}_fr,
      ROW_NUMBER() OVER (PARTITION BY ${scored} ORDER BY c.sales, c.cust) AS ${p}_mr,
      COUNT(*) OVER (PARTITION BY ${scored}) AS ${p}_n
    FROM ${p}_measured c`;
  const cutsOf = (given: number[] | undefined, value: string, rank: string, count: string, member: string) =>
    Array.from({ length: s - 1 }, (_, i) => (given ? given[i] : cutSql(d, value, `c.${rank}`, `c.${count}`, member, i + 1, s)));
  const cuts = {
    r: cutsOf(type.cuts.recency, `c.${p}_days`, `${p}_rr`, `${p}_rn`, `c.${p}_bought`),
    f: cutsOf(type.cuts.frequency, 'c.orders', `${p}_fr`, `${p}_n`, scored),
    m: cutsOf(type.cuts.monetary, 'c.sales', `${p}_mr`, `${p}_n`, scored),
  };
  const cutColumns = (letter: 'r' | 'f' | 'm') => cuts[letter].map((c, i) => (typeof c === 'number' ? [] : [`${c} AS ${p}_${letter}${i + 1}`])).flat();
  const withCuts = `SELECT c.*${[...cutColumns('r'), ...cutColumns('f'), ...cutColumns('m')].map((x) => `,\n      ${x}`).join('')}
    FROM ${p}_ranked c`;
  const cutRef = (letter: 'r' | 'f' | 'm', i: number) => {
    const c = cuts[letter][i];
    return typeof c === 'number' ? c : `c.${p}_${letter}${i + 1}`;
  };
  // 1 + the number of cut points the value is above; recency reversed (the most recent scores highest).
  const score = (letter: 'r' | 'f' | 'm', value: string) => `(1${cuts[letter].map((_, i) => ` + CASE WHEN ${aboveSql(value, cutRef(letter, i))} THEN 1 ELSE 0 END`).join('')})`;
  const scoredRows = `SELECT c.*,
      CASE WHEN c.in_window = 1 THEN CASE WHEN c.${p}_bought = 1 THEN ${s + 1} - ${score('r', `c.${p}_days`)} ELSE 1 END END AS ${p}_r,
      CASE WHEN c.in_window = 1 THEN ${score('f', 'c.orders')} END AS ${p}_f,
      CASE WHEN c.in_window = 1 THEN ${score('m', 'c.sales')} END AS ${p}_m
    FROM ${p}_cuts c`;
  const within = (v: string, range: readonly [number, number] | undefined) => (range === undefined ? [] : [`${v} BETWEEN ${range[0]} AND ${range[1]}`]);
  const whens = type.segments.map((seg) => {
    const tests = [...within(`c.${p}_r`, seg.r), ...within(`c.${p}_f`, seg.f), ...within(`c.${p}_m`, seg.m)];
    return `WHEN ${tests.length > 0 ? tests.join(' AND ') : '1 = 1'} THEN ${d.text(seg.name)}`;
  });
  const named = `SELECT c.*,
      CASE WHEN c.${p}_r IS NULL THEN ''
        ${whens.join('\n        ')}
        ELSE ${d.text(OTHERS)}
      END AS ${p}_segment
    FROM ${p}_scored c`;
  const name = type.name;
  return {
    ctes: [
      { name: `${p}_measured`, sql: measured },
      { name: `${p}_ranked`, sql: ranked },
      { name: `${p}_cuts`, sql: withCuts },
      { name: `${p}_scored`, sql: scoredRows },
      { name: p, sql: named },
    ],
    columns: [
      { header: name, expr: `c.${p}_segment` },
      { header: `${name} (recency days)`, expr: `c.${p}_days` },
      { header: `${name} (frequency)`, expr: `CASE WHEN c.in_window = 1 THEN c.orders END` },
      { header: `${name} (R)`, expr: `c.${p}_r` },
      { header: `${name} (F)`, expr: `c.${p}_f` },
      { header: `${name} (M)`, expr: `c.${p}_m` },
      { header: `${name} (RFM)`, expr: `CASE WHEN c.${p}_r IS NULL THEN '' ELSE CONCAT(CAST(c.${p}_r AS ${d.string}), CAST(c.${p}_f AS ${d.string}), CAST(c.${p}_m AS ${d.string})) END` },
    ],
  };
}
