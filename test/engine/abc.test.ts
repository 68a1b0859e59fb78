// ABC rules (SEMANTICS.md section 3) on hand-made tables. Every expected segment below was worked out
// by hand from the cumulative shares written next to it.
import { segment } from '../../src/engine/run';
import { segmentName, type EngineResult } from '../../src/engine/result';
import { ABC_80_15_5, config, table } from '../support/tables';

const H = ['Customer', 'Sales'];

function tiers(result: EngineResult, typeIndex = 0): Record<string, string> {
  const t = result.types[typeIndex];
  return Object.fromEntries(result.customers.ids.map((id, c) => [id, segmentName(t, c)]));
}

function abc(rows: [string, number][], boundary: 'upper' | 'lower' = 'upper', extra: object = {}) {
  return segment(table(H, rows), config({ segmentTypes: [{ ...ABC_80_15_5, boundary, ...extra }] }));
}

describe('ABC boundaries', () => {
  // Sorted: 50, 35, 6, 5, 4 (total 100). Share ahead / including: 0/.50, .50/.85, .85/.91, .91/.96, .96/1.
  const rows: [string, number][] = [['c5', 4], ['c1', 50], ['c3', 6], ['c2', 35], ['c4', 5]];

  test('upper: the customer who crosses 80 % is in A', () => {
    // c2 has 50 % ahead (< 80) -> A; c3 has 85 % ahead -> B; c4 91 % -> B; c5 96 % -> C.
    expect(tiers(abc(rows, 'upper'))).toEqual({ c1: 'A', c2: 'A', c3: 'B', c4: 'B', c5: 'C' });
  });

  test('lower: the crossing customer goes to the next segment (SQLBI / inventorize)', () => {
    // Including itself: c1 .50 <= .80 -> A; c2 .85 -> B; c3 .91 -> B; c4 .96 > .95 -> C; c5 1.0 -> C.
    expect(tiers(abc(rows, 'lower'))).toEqual({ c1: 'A', c2: 'B', c3: 'B', c4: 'C', c5: 'C' });
  });

  test('ties straddling a boundary stay together', () => {
    // 60, 15, 15, 10: the two 15s form one group with 60 % ahead and 90 % including it.
    const tied: [string, number][] = [['big', 60], ['t1', 15], ['t2', 15], ['small', 10]];
    expect(tiers(abc(tied, 'upper'))).toEqual({ big: 'A', t1: 'A', t2: 'A', small: 'B' });
    expect(tiers(abc(tied, 'lower'))).toEqual({ big: 'A', t1: 'B', t2: 'B', small: 'C' });
  });

  test('a tie is a tie even when the lines add up with floating-point noise', () => {
    // t1 = 0.1 + 0.2 + 0.3 = 0.6000000000000001 in floating point, t2 = 0.6: equal for a person.
    // Total 3.6: big .556; the t group has .556 ahead and .889 including it; small .889 / 1.
    // Split by the noise, t1 alone would end at .722 <= .80 and land in A under the lower option.
    const rows: [string, number][] = [['big', 2], ['t1', 0.1], ['t1', 0.2], ['t1', 0.3], ['t2', 0.6], ['small', 0.4]];
    expect(tiers(abc(rows, 'upper'))).toEqual({ big: 'A', t1: 'A', t2: 'A', small: 'B' });
    expect(tiers(abc(rows, 'lower'))).toEqual({ big: 'A', t1: 'B', t2: 'B', small: 'C' });
  });

  test('a customer holding more than 80 % alone', () => {
    // 90, 6, 4. upper: the top customer is always in the first segment.
    // lower: whale 90 % including itself > 80 -> B; mid 96 % > 95 -> C; tail 100 % -> C.
    const rows2: [string, number][] = [['whale', 90], ['mid', 6], ['tail', 4]];
    expect(tiers(abc(rows2, 'upper'))).toEqual({ whale: 'A', mid: 'B', tail: 'C' });
    expect(tiers(abc(rows2, 'lower'))).toEqual({ whale: 'B', mid: 'C', tail: 'C' });
  });

  test('shares are compared with a 1e-9 tolerance', () => {
    // 0.7 + 0.1 is 0.7999999999999999 in floating point: customer x3 has "80 %" ahead and must not be in A.
    const r = abc([['x1', 0.7], ['x2', 0.1], ['x3', 0.08], ['x4', 0.07], ['x5', 0.05]]);
    const total = 0.7 + 0.1 + 0.08 + 0.07 + 0.05;
    expect((0.7 + 0.1) / total).not.toBe(0.8); // the case really is noisy
    expect(Math.abs((0.7 + 0.1) / total - 0.8)).toBeLessThan(1e-9);
    expect(tiers(r)).toEqual({ x1: 'A', x2: 'A', x3: 'B', x4: 'B', x5: 'C' });
  });
});

describe('customers that are not ranked', () => {
  test('totals of 0 or less go to the last non-excluded segment; returns reduce net sales', () => {
    const r = segment(
      table(H, [['pos', 100], ['zero', 0], ['neg', -5], ['ret', 30], ['ret', -30], ['pos', -20]]),
      config({ segmentTypes: [{ ...ABC_80_15_5, segments: [...ABC_80_15_5.segments, { name: 'VIP', exclude: true }] }] }),
    );
    // ret: 30 - 30 = 0 (a full return); pos: 100 - 20 = 80 is the only positive total -> A.
    expect(tiers(r)).toEqual({ pos: 'A', zero: 'C', neg: 'C', ret: 'C' });
    expect(Array.from(r.measures.sales)).toEqual([80, 0, -5, 0]);
  });

  test('all totals zero or negative: nobody is ranked, everybody in the last segment', () => {
    const r = abc([['a', 0], ['b', -1]]);
    expect(tiers(r)).toEqual({ a: 'C', b: 'C' });
  });

  test('excluded segments are never assigned automatically, and shares ignore them', () => {
    const r = segment(
      table(H, [['a', 70], ['b', 20], ['c', 10]]),
      config({
        segmentTypes: [{ name: 'T', kind: 'abc', segments: [{ name: 'VIP', exclude: true }, { name: 'A', share: 80 }, { name: 'B', share: 20 }] }],
      }),
    );
    // bounds: A .80, B 1.00. a: 0 ahead -> A; b: .70 ahead -> A; c: .90 ahead -> B.
    expect(tiers(r)).toEqual({ a: 'A', b: 'A', c: 'B' });
  });

  test('minimum net sales: customers below it get the default segment, or none', () => {
    const withDefault = segment(
      table(H, [['a', 500], ['b', 300], ['small', 40]]),
      config({ minimumNetSales: 50, segmentTypes: [{ ...ABC_80_15_5, segments: [...ABC_80_15_5.segments, { name: 'Unranked', exclude: true, default: true }] }] }),
    );
    // Ranked: 500, 300 (total 800). a: 0 ahead -> A; b: 62.5 % ahead -> A.
    expect(tiers(withDefault)).toEqual({ a: 'A', b: 'A', small: 'Unranked' });
    const without = segment(table(H, [['a', 500], ['b', 300], ['small', 40]]), config({ minimumNetSales: 50, segmentTypes: [ABC_80_15_5] }));
    expect(tiers(without)).toEqual({ a: 'A', b: 'A', small: '' });
  });
});

describe('window, default segment and overrides', () => {
  const HD = ['Customer', 'Date', 'Sales'];
  const rows = [
    ['old', '2016-05-01', 100], // only outside the window
    ['a', '2017-02-01', 60],
    ['b', '2017-03-01', 30],
    ['c', '2017-12-30', 10],
  ];

  test('customers with no line in the window go to the default segment', () => {
    const r = segment(
      table(HD, rows),
      config({
        window: { kind: 'year', year: 2017 },
        segmentTypes: [{ ...ABC_80_15_5, segments: [...ABC_80_15_5.segments, { name: 'Dormant', exclude: true, default: true }] }],
      }),
    );
    expect(tiers(r)).toEqual({ old: 'Dormant', a: 'A', b: 'A', c: 'B' });
  });

  test('without a default segment they go to the last non-excluded segment', () => {
    const r = segment(table(HD, rows), config({ window: { kind: 'year', year: 2017 }, segmentTypes: [ABC_80_15_5] }));
    expect(tiers(r).old).toBe('C');
  });

  test('manual overrides win; auto, manual, final and flag are all kept', () => {
    const r = segment(
      table(HD, rows),
      config({
        segmentTypes: [ABC_80_15_5],
        overrides: { 'Sales ABC': { c: 'A', a: 'A', ghost: 'B', b: 'Platinum' } },
      }),
    );
    // Whole history: old 100, a 60, b 30, c 10 (total 200). old 0 -> A, a .50 -> A, b .80 -> B, c .95 -> C.
    const t = r.types[0];
    const idx = (id: string) => r.customers.byId.get(id)!;
    const name = (s: number) => (s >= 0 ? t.segments[s].name : '');
    expect(name(t.auto[idx('c')])).toBe('C');
    expect(name(t.manual![idx('c')])).toBe('A');
    expect(name(t.final[idx('c')])).toBe('A');
    // The same choice as auto is kept as manual but is not flagged as a difference.
    expect(name(t.manual![idx('a')])).toBe('A');
    // A customer known only from an override appears, with the override applied.
    expect(name(t.final[idx('ghost')])).toBe('B');
    expect(name(t.auto[idx('ghost')])).toBe('C');
    // An override naming a segment that no longer exists is reported and not applied.
    expect(name(t.final[idx('b')])).toBe('B');
    expect(r.issues).toEqual(expect.arrayContaining([expect.objectContaining({ severity: 'warning', where: 'overrides["Sales ABC"]["b"]' })]));
  });
});
