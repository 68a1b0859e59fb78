// Profit bands (SEMANTICS.md 4) as SQL: [min, max), a value on a boundary in the band that starts there,
// with the engine's tolerance (bands.ts): 499.99999999999994 is in the band that starts at 500.
import type { BandsType } from '../engine/bands-schema';
import { num } from './dialect';
import { eligibleSql, measureSql, segmentText, type KindContext, type KindSql } from './measures';

const TOLERANCE = 1e-9;

/** `v >= bound` as the engine's atLeast: within a billionth of the bound's size (at least 1e-9). */
const atLeast = (v: string, bound: number) => `${v} >= ${num(bound - TOLERANCE * Math.max(1, Math.abs(bound)))}`;

export function bandsSql(type: BandsType, k: KindContext): KindSql {
  const { d, prefix } = k;
  const bands = type.bands;
  const fallback = segmentText(d, bands.find((b) => b.default === true)?.name);
  const lastBand = bands[bands.length - 1];
  // The bands are contiguous (validated), so the engine's scan from the last band down is this CASE.
  const whens: string[] = [];
  if (lastBand.max !== undefined) whens.push(`WHEN ${atLeast('m.v', lastBand.max)} THEN ''`);
  for (let i = bands.length - 1; i >= 0; i--) {
    const b = bands[i];
    whens.push(b.min === undefined ? `WHEN 1 = 1 THEN ${segmentText(d, b.name)}` : `WHEN ${atLeast('m.v', b.min)} THEN ${segmentText(d, b.name)}`);
  }
  const minimum = type.minimumNetSales ?? k.config.minimumNetSales;
  const measured = `SELECT c.cust, ${measureSql(type.measure)} AS v, CASE WHEN ${eligibleSql(minimum)} THEN 1 ELSE 0 END AS eligible FROM tw_customers c`;
  const assigned = `SELECT m.cust, m.v AS measure,
      CASE WHEN m.eligible = 0 OR m.v IS NULL THEN ${fallback} ${whens.join(' ')} ELSE '' END AS segment
    FROM ${prefix}_measured m`;
  const columns = [{ header: type.name, expr: `${prefix}.segment` }];
  if (type.measure === 'margin') columns.push({ header: `${type.name} (margin %)`, expr: `${prefix}.measure` });
  return {
    ctes: [
      { name: `${prefix}_measured`, sql: measured },
      { name: prefix, sql: assigned },
    ],
    columns,
  };
}
