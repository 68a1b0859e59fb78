// Customers without a sale in the window, when the ABC type has no default segment: the contract
// (SEMANTICS.md 3.7) puts them in the last segment, the summary counts them on a row of their own.
import { segment } from '../../src/engine/run';
import { segmentName } from '../../src/engine/result';
import { NO_SALES_LABEL } from '../../src/engine/summary';
import { ABC_80_15_5, config, table } from '../support/tables';

/*
 * Window: 12 months ending on the latest sale, 2017-12-30 (2016-12-31 .. 2017-12-30).
 * In it: a 700, b 200, c 100 (total 1,000); d and e bought only in 2016-06, outside it.
 * ABC 80/15/5, upper boundary (the share strictly ahead of the customer decides):
 *   a: ahead 0.00 < 0.80 -> A; b: ahead 0.70 < 0.80 -> A; c: ahead 0.90, not < 0.80, < 0.95 -> B.
 * d and e: no line in the window, no default segment -> C (the last non-excluded segment).
 * Summary: A 2 (40 %), B 1 (20 %), C 0, (no sales in the period) 2 (40 %); sales 900 / 100 / 0 / 0.
 */
const t = table(
  ['Customer', 'Date', 'Sales'],
  [
    ['a', '2017-03-01', 700],
    ['b', '2017-05-01', 200],
    ['c', '2017-12-30', 100],
    ['d', '2016-06-01', 400],
    ['e', '2016-06-02', 50],
  ],
);

describe('the summary of an ABC type without a default segment', () => {
  const window = { kind: 'rolling' as const, months: 12 };

  it('keeps the segment of the contract and counts customers without sales apart', () => {
    const r = segment(t, config({ window, segmentTypes: [ABC_80_15_5] }));
    const abc = r.types[0];
    expect(r.customers.ids.map((_, c) => segmentName(abc, c))).toEqual(['A', 'A', 'B', 'C', 'C']);
    expect(abc.summary.map((s) => [s.segment, s.customers, s.customerShare, s.measure])).toEqual([
      ['A', 2, 0.4, 900],
      ['B', 1, 0.2, 100],
      ['C', 0, 0, 0],
      [NO_SALES_LABEL, 2, 0.4, 0],
    ]);
  });

  it('needs no such row with a default segment: they are counted there', () => {
    const withDefault = { ...ABC_80_15_5, segments: [...ABC_80_15_5.segments, { name: 'Dormant', exclude: true, default: true }] };
    const r = segment(t, config({ window, segmentTypes: [withDefault] }));
    expect(r.types[0].summary.map((s) => [s.segment, s.customers])).toEqual([
      ['A', 2],
      ['B', 1],
      ['C', 0],
      ['Dormant', 2],
    ]);
  });

  it('counts a customer with a manual override in the segment the user chose', () => {
    const r = segment(t, config({ window, segmentTypes: [ABC_80_15_5], overrides: { 'Sales ABC': { d: 'B' } } }));
    expect(r.types[0].summary.map((s) => [s.segment, s.customers])).toEqual([
      ['A', 2],
      ['B', 2],
      ['C', 0],
      [NO_SALES_LABEL, 1],
    ]);
  });

  it('adds no row when every customer bought in the window', () => {
    const r = segment(t, config({ segmentTypes: [ABC_80_15_5] }));
    expect(r.types[0].summary.map((s) => s.segment)).toEqual(['A', 'B', 'C']);
  });
});
