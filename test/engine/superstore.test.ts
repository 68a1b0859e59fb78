// The Superstore sample through the whole engine, checked against a deliberately plain reference
// written here (objects, sort, a loop: nothing shared with the engine's columnar code), and a few
// customers whose numbers were summed by hand from superstore.csv.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseConfigText } from '../../src/engine/config';
import { segmentName } from '../../src/engine/result';
import { segment } from '../../src/engine/run';
import { superstoreRecords, superstoreTable } from '../support/tables';

const loaded = parseConfigText(readFileSync(join(__dirname, '..', '..', 'examples', 'superstore.config.json'), 'utf8'));
if (!loaded.ok) throw new Error('examples/superstore.config.json is invalid');
const sampleConfig = loaded.config;

interface Ref { id: string; sales: number; profit: number; lines: number }

function referenceTotals(): Map<string, Ref> {
  const totals = new Map<string, Ref>();
  for (const r of superstoreRecords()) {
    const t = totals.get(r['Customer ID']) ?? { id: r['Customer ID'], sales: 0, profit: 0, lines: 0 };
    t.sales += parseFloat(r.Sales);
    t.profit += parseFloat(r.Profit);
    t.lines += 1;
    totals.set(t.id, t);
  }
  return totals;
}

/** SEMANTICS 3 read literally: groups of equal totals, share strictly ahead, first bound above it. */
function referenceAbc(totals: Ref[], bounds: number[], boundary: 'upper' | 'lower'): Map<string, number> {
  const positive = totals.filter((t) => t.sales > 0).sort((a, b) => b.sales - a.sales);
  const sum = positive.reduce((s, t) => s + t.sales, 0);
  const out = new Map<string, number>();
  let ahead = 0;
  let i = 0;
  while (i < positive.length) {
    let j = i;
    let group = 0;
    while (j < positive.length && positive[j].sales === positive[i].sales) group += positive[j++].sales;
    const share = (boundary === 'upper' ? ahead : ahead + group) / sum;
    const tier = bounds.findIndex((b) => (boundary === 'upper' ? b > share + 1e-9 : b >= share - 1e-9));
    for (let k = i; k < j; k++) out.set(positive[k].id, tier);
    ahead += group;
    i = j;
  }
  for (const t of totals) if (!out.has(t.id)) out.set(t.id, bounds.length - 1);
  return out;
}

function referenceBand(profit: number): string {
  // Loss < 0 <= Low < 500 <= Mid < 2000 <= High, compared the way a person reads a rounded number.
  const p = Math.round(profit * 1e6) / 1e6;
  return p < 0 ? 'Loss' : p < 500 ? 'Low' : p < 2000 ? 'Mid' : 'High';
}

describe('Superstore sample, whole engine', () => {
  const totals = referenceTotals();
  const result = segment(superstoreTable(), { ...sampleConfig, overrides: {} });
  const index = new Map(result.customers.ids.map((id, c) => [id, c]));
  const abc = result.types.find((t) => t.type.kind === 'abc')!;
  const bands = result.types.find((t) => t.type.kind === 'bands')!;

  test('every line is read: 9,994 lines, 793 customers, nothing left out', () => {
    expect(result.lineCount).toBe(9994);
    expect(result.customers.ids.length).toBe(793);
    expect(result.leftOutRows).toBe(0);
    expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  test('per-customer sales and profit equal the reference sums', () => {
    for (const t of totals.values()) {
      const c = index.get(t.id)!;
      expect(result.measures.sales[c]).toBeCloseTo(t.sales, 6);
      expect(result.measures.profit[c]).toBeCloseTo(t.profit, 6);
    }
  });

  test('customers checked by hand from the CSV', () => {
    // Summed by hand from superstore.csv (grep the Customer ID, add the Sales and Profit columns).
    const at = (id: string) => index.get(id)!;
    expect(result.measures.sales[at('SM-20320')]).toBeCloseTo(25043.05, 4); // the largest customer, 15 lines
    expect(result.measures.profit[at('SM-20320')]).toBeCloseTo(-1980.7393, 4); // largest, yet loss-making
    expect(result.measures.sales[at('CG-12520')]).toBeCloseTo(1148.78, 4); // 5 lines
    expect(result.measures.profit[at('CG-12520')]).toBeCloseTo(169.9344, 4);
    expect(result.measures.sales[at('AA-10315')]).toBeCloseTo(5563.56, 4);
    expect(result.measures.profit[at('AA-10315')]).toBeCloseTo(-362.8825, 4);
    expect(segmentName(abc, at('SM-20320'))).toBe('A');
    expect(segmentName(bands, at('SM-20320'))).toBe('Loss');
    expect(segmentName(bands, at('CG-12520'))).toBe('Low');
    expect(segmentName(bands, at('CS-12505'))).toBe('Loss'); // the lowest profit in the file, -6,626.39
    // The 396th customer by sales, MC-17605 (2,258.19), crosses 80 %: 79.959 % ahead of it, 80.057 % with it.
    expect(segmentName(abc, at('MC-17605'))).toBe('A');
    // DB-13360 (1,081.47) crosses 95 % the same way and stays in B.
    expect(segmentName(abc, at('DB-13360'))).toBe('B');
  });

  test.each(['upper', 'lower'] as const)('ABC 80/15/5 (%s boundary) equals the reference for all 793 customers', (boundary) => {
    const config = { ...sampleConfig, overrides: {}, segmentTypes: [{ ...abc.type, boundary } as typeof abc.type] };
    const r = boundary === 'upper' ? result : segment(superstoreTable(), config);
    const t = r.types[0];
    const expected = referenceAbc([...totals.values()], [0.8, 0.95, 1], boundary);
    const names = ['A', 'B', 'C'];
    const actual = Object.fromEntries(r.customers.ids.map((id, c) => [id, segmentName(t, c)]));
    expect(actual).toEqual(Object.fromEntries([...expected].map(([id, tier]) => [id, names[tier]])));
    const counts = names.map((n) => Object.values(actual).filter((s) => s === n).length);
    // upper: 396 / 209 / 188 (the crossing customers stay up); lower moves MC-17605 and DB-13360 down.
    expect(counts).toEqual(boundary === 'upper' ? [396, 209, 188] : [395, 209, 189]);
  });

  test('profit bands equal the reference for all 793 customers: 155 / 417 / 196 / 25', () => {
    const actual = result.customers.ids.map((_, c) => segmentName(bands, c));
    expect(actual).toEqual(result.customers.ids.map((id) => referenceBand(totals.get(id)!.profit)));
    expect(bands.summary.map((s) => [s.segment, s.customers])).toEqual([['Loss', 155], ['Low', 417], ['Mid', 196], ['High', 25]]);
  });

  test('the summary adds up: customers, measure and profit per segment', () => {
    const total = [...totals.values()].reduce((s, t) => s + t.sales, 0);
    expect(abc.summary.reduce((s, r) => s + r.customers, 0)).toBe(793);
    expect(abc.summary.reduce((s, r) => s + r.measure, 0)).toBeCloseTo(total, 4);
    expect(abc.summary.reduce((s, r) => s + r.measureShare, 0)).toBeCloseTo(1, 9);
    // A holds the top 80 % plus the crossing customer: 80.057 % of sales (reference: 0.80057).
    expect(abc.summary[0].measureShare).toBeGreaterThanOrEqual(0.8);
    expect(abc.summary[0].measureShare).toBeCloseTo(0.80057, 5);
    // Each band's net sales are its customers' sales from the reference totals.
    for (const row of bands.summary) {
      const members = result.customers.ids.filter((id) => referenceBand(totals.get(id)!.profit) === row.segment);
      expect(row.sales).toBeCloseTo(members.reduce((s, id) => s + totals.get(id)!.sales, 0), 6);
    }
  });

  test('the manual override of the SEMANTICS example wins and is flagged', () => {
    const r = segment(superstoreTable(), { ...sampleConfig, overrides: { 'Sales ABC': { 'CG-12520': 'C' } } });
    const t = r.types[0];
    const c = r.customers.ids.indexOf('CG-12520');
    expect(segmentName(t, c)).toBe('C');
    expect(t.manual?.[c]).not.toBe(t.auto[c]);
  });
});
