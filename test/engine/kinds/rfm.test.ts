// RFM (SEMANTICS.md section 8): quantile scores with ties kept together, reversed recency, cut points,
// the named segment table and the recency x frequency grid.
import fc from 'fast-check';
import { parseConfig } from '../../../src/engine/config';
import type { Cell } from '../../../src/engine/types';
import { classifyType, prepare } from '../../../src/engine/run';
import { config, table } from '../../support/tables';
import { column, run } from './support';

const H = ['Customer', 'Date', 'Order', 'Sales'];
const iso = (daysBeforeEnd: number) => new Date(Date.UTC(2024, 11, 31) - daysBeforeEnd * 86_400_000).toISOString().slice(0, 10);

// Ten customers c1..c10. Customer k: last purchase 10 x (k - 1) days before 2024-12-31 (the window end),
// net sales 100 x k, and orders 1, 1, 1, 1, 2, 3, 4, 5, 6, 7. Extra orders are 200 days back, 0.01 each,
// taken off the last order so the sales stay round.
const ORDERS = [1, 1, 1, 1, 2, 3, 4, 5, 6, 7];
function rows(): Cell[][] {
  const out: Cell[][] = [];
  ORDERS.forEach((orders, i) => {
    const k = i + 1;
    for (let o = 1; o < orders; o++) out.push([`c${k}`, iso(200), `c${k}-${o}`, 0.01]);
    out.push([`c${k}`, iso(10 * (k - 1)), `c${k}-last`, 100 * k - 0.01 * (orders - 1)]);
  });
  return out;
}
const ids = ORDERS.map((_, i) => `c${i + 1}`);
const byCustomer = (values: Cell[]) => Object.fromEntries(ids.map((id, i) => [id, values[i]]));

describe('scores', () => {
  const r = run(H, rows(), { segmentTypes: [{ name: 'RFM', kind: 'rfm' }] });

  test('frequency: quantile cut points, and equal values always get the same score', () => {
    // Sorted frequencies 1 1 1 1 2 3 4 5 6 7 (N = 10, 5 scores): the k-th cut is the value at position
    // ceil(k x 10 / 5) = 2k: cuts 1, 1, 3, 5. Score = 1 + cuts below the value:
    // 1 -> 1 (all four, although a plain split by position would put two of them in score 2),
    // 2 -> 3, 3 -> 3, 4 -> 4, 5 -> 4, 6 -> 5, 7 -> 5.
    expect(column(r, 'RFM (frequency)')).toEqual(byCustomer(ORDERS));
    expect(column(r, 'RFM (F)')).toEqual(byCustomer([1, 1, 1, 1, 3, 3, 4, 4, 5, 5]));
  });

  test('recency is reversed: 5 = most recent', () => {
    // Days 0 10 ... 90: cuts at positions 2, 4, 6, 8: 10, 30, 50, 70. Score 1 + cuts below:
    // 0 -> 1, 10 -> 1, 20 -> 2, 30 -> 2, 40 -> 3, ... 90 -> 5; reversed (6 - score): 5 5 4 4 3 3 2 2 1 1.
    expect(column(r, 'RFM (recency days)')).toEqual(byCustomer([0, 10, 20, 30, 40, 50, 60, 70, 80, 90]));
    expect(column(r, 'RFM (R)')).toEqual(byCustomer([5, 5, 4, 4, 3, 3, 2, 2, 1, 1]));
  });

  test('monetary: net sales', () => {
    // 100 .. 1000: cuts 200, 400, 600, 800 (a value equal to a cut stays below it).
    expect(column(r, 'RFM (M)')).toEqual(byCustomer([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]));
    expect(column(r, 'RFM (RFM)').c10).toBe('155');
  });

  test('the named segments of the default table, first match, and the recency x frequency grid', () => {
    // R/F: 5/1 New, 5/1 New, 4/1 Promising, 4/1 Promising, 3/3 Need attention (x2), 2/4 At risk (x2),
    // 1/5 Can't lose them (x2).
    expect(column(r, 'RFM')).toEqual(
      byCustomer(['New', 'New', 'Promising', 'Promising', 'Need attention', 'Need attention', 'At risk', 'At risk', "Can't lose them", "Can't lose them"]),
    );
    const grid = r.types[0].rfmGrid as number[][];
    const expected = Array.from({ length: 5 }, () => [0, 0, 0, 0, 0]);
    expected[4][0] = 2; // R5 F1
    expected[3][0] = 2; // R4 F1
    expected[2][2] = 2; // R3 F3
    expected[1][3] = 2; // R2 F4
    expected[0][4] = 2; // R1 F5
    expect(grid).toEqual(expected);
  });
});

describe('cut points and the segment table', () => {
  test('custom cut points: a value up to the first cut point scores 1; recency cuts are days, reversed', () => {
    const r = run(H, rows(), { segmentTypes: [{ name: 'RFM', kind: 'rfm', cuts: { frequency: [1, 2, 4, 6], recency: [5, 25, 45, 65] } }] });
    // Frequencies 1 1 1 1 2 3 4 5 6 7 against 1, 2, 4, 6: 1 1 1 1 2 3 3 4 4 5.
    expect(column(r, 'RFM (F)')).toEqual(byCustomer([1, 1, 1, 1, 2, 3, 3, 4, 4, 5]));
    // Days 0..90 against 5, 25, 45, 65: 0 -> 1, 10 -> 2, 20 -> 2, 30 -> 3, 40 -> 3, 50 -> 4, 60 -> 4, 70.. -> 5;
    // reversed: 5 4 4 3 3 2 2 1 1 1.
    expect(column(r, 'RFM (R)')).toEqual(byCustomer([5, 4, 4, 3, 3, 2, 2, 1, 1, 1]));
  });

  test('an edited table: first match in table order, the rest in Others', () => {
    const segments = [
      { name: 'Big spenders', m: [5, 5] },
      { name: 'Frequent', f: [4, 5] },
    ];
    const r = run(H, rows(), { segmentTypes: [{ name: 'RFM', kind: 'rfm', segments }] });
    // c9, c10: M5 and F5: Big spenders comes first. c7, c8: F4, M4: Frequent.
    expect(column(r, 'RFM')).toEqual(byCustomer(['Others', 'Others', 'Others', 'Others', 'Others', 'Others', 'Frequent', 'Frequent', 'Big spenders', 'Big spenders']));
    expect(r.types[0].summary.map((s) => [s.segment, s.customers, s.measure])).toEqual([
      ['Big spenders', 2, 1900],
      ['Frequent', 2, 1500],
      ['Others', 6, 2100],
    ]);
  });

  test('a customer with only returns in the window has no recency and scores R = 1', () => {
    const r = run(H, [...rows(), ['r1', iso(3), 'r1-1', -50]], { segmentTypes: [{ name: 'RFM', kind: 'rfm' }] });
    expect(column(r, 'RFM (recency days)').r1).toBeNull();
    expect(column(r, 'RFM (R)').r1).toBe(1);
  });

  test('cut points in the wrong number or order, and score ranges outside the scores, are errors with paths', () => {
    const res = parseConfig({
      version: 1,
      segmentTypes: [{ name: 'RFM', kind: 'rfm', scores: 3, cuts: { frequency: [5, 2] }, segments: [{ name: 'Top', r: [3, 4] }, { name: 'Others' }] }],
    });
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.issues.map((i) => i.where)).toEqual([
      'segmentTypes[0].segments[1].name',
      'segmentTypes[0].cuts.frequency[1]',
      'segmentTypes[0].segments[0].r[1]', // the "to" bound, 4, is past the 3 scores
    ]);
  });
});

describe('properties', () => {
  test('scores are monotone in their measure (recency reversed), whatever the data', () => {
    const customer = fc.record({ orders: fc.integer({ min: 1, max: 6 }), days: fc.integer({ min: 0, max: 400 }), cents: fc.integer({ min: 1, max: 500_000 }) });
    fc.assert(
      fc.property(fc.array(customer, { minLength: 1, maxLength: 30 }), (cs) => {
        const data: Cell[][] = [['end', iso(0), 'end-1', 1]];
        cs.forEach((c, i) => {
          for (let o = 0; o < c.orders; o++) data.push([`k${i}`, iso(c.days + o), `k${i}-${o}`, c.cents / 100]);
        });
        const r = run(H, data, { segmentTypes: [{ name: 'RFM', kind: 'rfm' }] });
        const pairs = (measure: string, score: string, reversed: boolean) => {
          const m = column(r, measure);
          const s = column(r, score);
          const keys = Object.keys(m);
          for (const a of keys)
            for (const b of keys) {
              if ((m[a] as number) < (m[b] as number)) {
                if (reversed) expect(s[a] as number).toBeGreaterThanOrEqual(s[b] as number);
                else expect(s[a] as number).toBeLessThanOrEqual(s[b] as number);
              }
              if (m[a] === m[b]) expect(s[a]).toBe(s[b]);
            }
        };
        pairs('RFM (frequency)', 'RFM (F)', false);
        pairs('RFM (recency days)', 'RFM (R)', true);
        pairs('Sales', 'RFM (M)', false);
      }),
      { numRuns: 50 },
    );
  });
});

describe('data prepared for other types', () => {
  // A preview prepares once and classifies each type on the same lines; the order codes exist only when
  // a configured type reads them. Classifying RFM on lines prepared for ABC alone would count each line
  // as an order.
  const abcOnly = config({ segmentTypes: [{ name: 'ABC', kind: 'abc', segments: [{ name: 'A', share: 80 }, { name: 'B', share: 20 }] }] });
  const rfm = parseConfig({ version: 1, segmentTypes: [{ name: 'RFM', kind: 'rfm' }] });
  if (!rfm.ok) throw new Error('the RFM configuration is valid');

  test('classifying a type whose line columns were not kept is refused, not answered wrongly', () => {
    const p = prepare(table(H, rows()), abcOnly);
    expect(() => classifyType(p, rfm.config.segmentTypes[0])).toThrow('"RFM" reads the order column(s), which these lines were prepared without');
  });

  test('prepared with the type, it classifies; without an order column mapped, lines are its orders by design', () => {
    const both = { ...abcOnly, segmentTypes: [...abcOnly.segmentTypes, rfm.config.segmentTypes[0]] };
    const p = prepare(table(H, rows()), both);
    expect(classifyType(p, both.segmentTypes[1]).summary.length).toBeGreaterThan(0);
    const noOrders = prepare(table(['Customer', 'Date', 'Ref', 'Sales'], rows()), abcOnly);
    expect(() => classifyType(noOrders, rfm.config.segmentTypes[0])).not.toThrow();
  });
});
