// Profit bands (SEMANTICS.md 4) as SQL: [min, max), a value on a boundary in the band that starts there,
// with the engine's tolerance (bands.ts): 499.99999999999994 is in the band that starts at 500.
import type { BandsType } from '../engine/bands-schema';
import { num } from './dialect';
import { eligibleSql, measureSql, segmentText, type KindContext, type KindSql } from './measures';

const TOLERANCE = 1e-9;

/** `v >= bound` as the engine's atLeast: within a billionth of the bound's size (at least 1e-9). */
const atLeast = (v: string, bound: number) => `${v} >= ${num(bound - TOLERANCE * Math.max(1, Math.abs(bound)))}`;

export function bandsSql(type: BandsType, k: KindContext): KindSql {
  const { d, prefix: p } = k;
  const bands = type.bands;
  const fallback = segmentText(d, bands.find((b) => b.default === true)?.name);
  const lastBand = bands[bands.length - 1];
  const v = `c.${p}_v`;
  // The bands are contiguous (validated), so the engine's scan from the last band down is this CASE.
  const whens: string[] = [];
  if (lastBand.max !== undefined) whens.push(`WHEN ${atLeast(v, lastBand.max)} THEN ''`);
  for (let i = bands.length - 1; i >= 0; i--) {
    const b = bands[i];
    whens.push(b.min === undefined ? `WHEN 1 = 1 THEN ${segmentText(d, b.name)}` : `WHEN ${atLeast(v, b.min)} THEN ${segmentText(d, b.name)}`);
  }
  const minimum = type.minimumNetSales ?? k.config.minimumNetSales;
  const measured = `SELECT c.*, ${measureSql(type.measure)} AS ${p}_v, CASE WHEN ${eligibleSql(minimum)} THEN 1 ELSE 0 END AS ${p}_eligible FROM ${k.from} c`;
  const assigned = `SELECT c.*,
      CASE WHEN c.${p}_eligible = 0 OR ${v} IS NULL THEN ${fallback}
        ${whens.join('\n        ')}
        ELSE ''
      END AS ${p}_segment
    FROM ${p}_measured c`;
  const columns = [{ header: type.name, expr: `c.${p}_segment` }];
  if (type.measure === 'margin') columns.push({ header: `${type.name} (margin %)`, expr: v });
  return {
    ctes: [
      { name: `${p}_measured`, sql: measured },
      { name: p, sql: assigned },
    ],
    columns,
  };
}
