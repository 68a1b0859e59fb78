// XYZ (SEMANTICS.md section 11): the coefficient of variation of zero-filled period totals, minPeriods,
// the unclassified segment, ISO weeks, and the ABC-XYZ matrix with its combined column. Every figure below
// was worked out by hand and is written next to its test.
import fc from 'fast-check';
import { parseConfig } from '../../../src/engine/config';
import { isoToEpochDay } from '../../../src/engine/parse/date';
import type { Cell } from '../../../src/engine/types';
import { periodIndex } from '../../../src/engine/xyz';
import { column, issueTexts, run } from './support';

const H = ['Customer', 'Date', 'Sales', 'Quantity'];
// The year 2024 by quarter: Q1 2024-02-15, Q2 2024-05-15, Q3 2024-08-15, Q4 2024-11-15.
const Q = ['2024-02-15', '2024-05-15', '2024-08-15', '2024-11-15'];
const quarters = (id: string, totals: number[]): Cell[][] => totals.flatMap((t, q) => (t === 0 ? [] : [[id, Q[q], t, 1]]));
const ROWS: Cell[][] = [
  // 100 every quarter: mean 100, SD 0, CV 0 -> X.
  ...quarters('steady', [100, 100, 100, 100]),
  // 1000, 100, 100, 0: mean 300, deviations 700 -200 -200 -300, squares 490,000 + 40,000 + 40,000 + 90,000
  // = 660,000, / 4 = 165,000, SD 406.201920, CV 1.354006 -> Z.
  ...quarters('lumpy', [1000, 100, 100, 0]),
  // 300, 0, 150, 150: mean 150, deviations 150 -150 0 0, squares 45,000 / 4 = 11,250, SD 106.066017,
  // CV 0.707107 -> Y.
  ...quarters('mid', [300, 0, 150, 150]),
  // 300, 100, 300, 100: mean 200, deviations +-100, SD 100, CV exactly 0.5: X's maxCv holds it.
  ...quarters('edge', [300, 100, 300, 100]),
  // 100, 100, 0, 0: 2 periods with sales, fewer than minPeriods 3 -> Unclassified (CV 1 is still shown).
  ...quarters('twice', [100, 100, 0, 0]),
  // A sale and its return in the same quarter: every total 0, mean 0 -> Unclassified, CV blank.
  ['refund', Q[0], 100, 1],
  ['refund', Q[0], -100, -1],
  // Only a 2023 line: appears without lines in the window -> Unclassified.
  ['old', '2023-06-01', 500, 5],
];
const YEAR = { kind: 'year', year: 2024 };
const XYZ = { name: 'Demand', kind: 'xyz', period: 'quarter' };

describe('CV over zero-filled period totals', () => {
  const r = run(H, ROWS, { window: YEAR, segmentTypes: [XYZ] });

  test('segments: X up to 0.5 (inclusive), Y up to 1, Z above; too few periods, a zero mean and no lines are unclassified', () => {
    expect(column(r, 'Demand')).toEqual({ steady: 'X', lumpy: 'Z', mid: 'Y', edge: 'X', twice: 'Unclassified', refund: 'Unclassified', old: 'Unclassified' });
  });

  test('the cv column: the population SD over the mean, blank when the mean is 0 or the customer has no line', () => {
    const cv = column(r, 'Demand (cv)');
    expect(cv.steady).toBe(0);
    expect(cv.lumpy).toBeCloseTo(Math.sqrt(165_000) / 300, 9); // 406.201920 / 300 = 1.354006
    expect(cv.mid).toBeCloseTo(Math.SQRT1_2, 9); // 106.066017 / 150
    expect(cv.edge).toBeCloseTo(0.5, 12);
    expect(cv.twice).toBeCloseTo(1, 12);
    expect(cv.refund).toBeNull();
    expect(cv.old).toBeNull();
  });

  test('periods with sales count the totals other than 0, a sale and its return cancelling out', () => {
    expect(column(r, 'Demand (periods with sales)')).toEqual({ steady: 4, lumpy: 3, mid: 3, edge: 4, twice: 2, refund: 0, old: 0 });
  });

  test('minPeriods 1 classifies the customer with two quarters (CV 1 -> Y); a zero mean stays unclassified', () => {
    const one = run(H, ROWS, { window: YEAR, segmentTypes: [{ ...XYZ, minPeriods: 1 }] });
    expect(column(one, 'Demand')).toMatchObject({ twice: 'Y', lumpy: 'Z', refund: 'Unclassified' });
  });

  test('a year window spans its four quarters even when the data sits in fewer of them', () => {
    // Only Q1 and Q2 have lines: zero-filled to four periods, 100 100 0 0 has CV 1, not 0 over two periods.
    const two = run(H, quarters('a', [100, 100, 0, 0]), { window: YEAR, segmentTypes: [{ ...XYZ, minPeriods: 1 }] });
    expect(column(two, 'Demand (cv)').a).toBeCloseTo(1, 12);
  });

  test('window "all": the periods run from the earliest to the latest date, here 2023 Q2 to 2024 Q4', () => {
    // 7 quarters; steady has 100 in the last 4 and 0 in the first 3: mean 400/7 = 57.142857,
    // squares 4 x (42.857143)^2 + 3 x (57.142857)^2 = 7346.94 + 9795.92 = 17142.857, / 7 = 2448.98,
    // SD 49.487166, CV 0.866025 (= sqrt(3/4)).
    const all = run(H, ROWS, { segmentTypes: [XYZ] });
    expect(column(all, 'Demand (cv)').steady).toBeCloseTo(Math.sqrt(0.75), 9);
    expect(column(all, 'Demand').old).toBe('Unclassified'); // 1 period with sales
  });

  test('measure quantity counts units, not money', () => {
    // steady bought 1 unit each quarter: CV 0, as for sales. lumpy 1, 1, 1, 0 units: mean 0.75,
    // squares 3 x 0.0625 + 0.5625 = 0.75, / 4 = 0.1875, SD 0.433013, CV 0.577350 (1 / sqrt(3)) -> Y, not Z.
    const q = run(H, ROWS, { window: YEAR, segmentTypes: [{ ...XYZ, measure: 'quantity' }] });
    expect(column(q, 'Demand (cv)')).toMatchObject({ steady: 0, edge: 0 });
    expect(column(q, 'Demand (cv)').lumpy).toBeCloseTo(1 / Math.sqrt(3), 9);
    expect(column(q, 'Demand').lumpy).toBe('Y');
  });

  test('customers under the minimum net sales are not classified, as for every kind', () => {
    const min = run(H, ROWS, { window: YEAR, minimumNetSales: 500, segmentTypes: [XYZ] });
    // steady 400 < 500; edge 800, mid 600 and lumpy 1200 stay.
    expect(column(min, 'Demand')).toMatchObject({ steady: 'Unclassified', edge: 'X', mid: 'Y', lumpy: 'Z' });
  });

  test('without a Date column the type says what to map', () => {
    const noDate = run(['Customer', 'Sales'], [['a', 10]], { segmentTypes: [XYZ] });
    expect(issueTexts(noDate).join('\n')).toMatch(/map a Date column/);
  });
});

describe('periods', () => {
  const day = (iso: string) => {
    const [y, m, d] = iso.split('-').map(Number);
    return isoToEpochDay(y, m, d);
  };

  test('ISO weeks start on Monday: 2024-01-01 (Mon) to 2024-01-07 (Sun) is one week, 2023-12-31 (Sun) the one before', () => {
    const w = periodIndex(day('2024-01-01'), 'week');
    expect(periodIndex(day('2024-01-07'), 'week')).toBe(w);
    expect(periodIndex(day('2024-01-08'), 'week')).toBe(w + 1);
    expect(periodIndex(day('2023-12-31'), 'week')).toBe(w - 1);
    // Before 1970 as well: 1969-12-29 was a Monday, and 1970-01-01 (a Thursday) is in its week.
    expect(periodIndex(day('1969-12-29'), 'week')).toBe(periodIndex(day('1970-01-01'), 'week'));
    expect(periodIndex(day('1969-12-28'), 'week')).toBe(periodIndex(day('1970-01-01'), 'week') - 1);
  });

  test('months and quarters follow the calendar', () => {
    expect(periodIndex(day('2024-03-31'), 'quarter')).toBe(periodIndex(day('2024-01-01'), 'quarter'));
    expect(periodIndex(day('2024-04-01'), 'quarter')).toBe(periodIndex(day('2024-03-31'), 'quarter') + 1);
    expect(periodIndex(day('2025-01-01'), 'month')).toBe(periodIndex(day('2024-12-31'), 'month') + 1);
  });

  test('weekly: a customer buying the same amount every week of a 4-week window has CV 0', () => {
    // A rolling window of 1 month ending 2024-01-28 (a Sunday) holds 2023-12-29 to 2024-01-28:
    // weeks from the one of Fri 2023-12-29 to that of Sun 2024-01-28, 5 weeks. Same amount in each -> CV 0.
    const weeks = ['2023-12-29', '2024-01-03', '2024-01-10', '2024-01-17', '2024-01-24'];
    const r = run(H, [...weeks.map((d) => ['a', d, 50, 1]), ['b', '2024-01-28', 250, 1]], {
      window: { kind: 'rolling', months: 1 },
      segmentTypes: [{ ...XYZ, period: 'week' }],
    });
    expect(column(r, 'Demand (cv)').a).toBe(0);
    expect(column(r, 'Demand (periods with sales)').a).toBe(5);
    // b bought once in 5 weeks: mean 50, deviations 200 and four -50: 40,000 + 10,000 = 50,000 / 5,
    // SD 100, CV 2.
    expect(column(r, 'Demand (cv)').b).toBeCloseTo(2, 12);
  });
});

describe('ABC-XYZ matrix', () => {
  // ABC 80/15/5 on 2024 sales: lumpy 1200, edge 800, mid 600, steady 400, twice 200, refund 0 (total 3200).
  // Share ahead: lumpy 0 -> A, edge .375 -> A, mid .625 -> A, steady .8125 -> B, twice .9375 -> B,
  // refund (0) -> C, the last ranked segment.
  const ABC = { name: 'Value', kind: 'abc', segments: [{ name: 'A', share: 80 }, { name: 'B', share: 15 }, { name: 'C', share: 5 }] };
  const r = run(H, ROWS, { window: YEAR, segmentTypes: [ABC, { ...XYZ, abcType: 'Value', combined: true }] });
  const demand = r.types[1];

  test('rows are the ABC segments, columns the XYZ segments with Unclassified', () => {
    const m = demand.abcXyz!;
    expect(m.columns).toEqual(['X', 'Y', 'Z', 'Unclassified']);
    expect(m.rows.slice(0, 3)).toEqual(['A', 'B', 'C']);
    const cell = (row: string, col: string) => m.customers[m.rows.indexOf(row)][m.columns.indexOf(col)];
    expect([cell('A', 'X'), cell('A', 'Y'), cell('A', 'Z'), cell('A', 'Unclassified')]).toEqual([1, 1, 1, 0]); // edge, mid, lumpy
    expect([cell('B', 'X'), cell('B', 'Unclassified')]).toEqual([1, 1]); // steady, twice
    // Every customer is in exactly one cell, and the shares add up to 1.
    expect(m.customers.flat().reduce((a, b) => a + b, 0)).toBe(r.customers.ids.length);
    expect(m.customerShare.flat().reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  test('the ABC measure per cell and its share of the total 3200', () => {
    const m = demand.abcXyz!;
    const at = (row: string, col: string) => m.measureShare[m.rows.indexOf(row)][m.columns.indexOf(col)];
    expect(m.measure[0]).toEqual([800, 600, 1200, 0]);
    expect([at('A', 'X'), at('A', 'Y'), at('A', 'Z'), at('B', 'X'), at('B', 'Unclassified')]).toEqual([0.25, 0.1875, 0.375, 0.125, 0.0625]);
  });

  test('the combined column pairs the two segments, blank when either is missing', () => {
    expect(column(r, 'Demand (ABC-XYZ)')).toMatchObject({ lumpy: 'AZ', edge: 'AX', mid: 'AY', steady: 'BX', twice: '', refund: '' });
  });

  test('the configuration names an ABC type that exists, and combined needs one', () => {
    const missing = parseConfig({ version: 1, segmentTypes: [{ ...XYZ, abcType: 'Nope' }] });
    expect(missing.ok).toBe(false);
    const combined = parseConfig({ version: 1, segmentTypes: [{ ...XYZ, combined: true }] });
    expect(combined.ok).toBe(false);
    if (!combined.ok) expect(combined.issues.map((i) => i.message).join()).toMatch(/combined column needs abcType/);
  });

  test('segments must climb: a maxCv at or below the one before is refused with its path', () => {
    const bad = parseConfig({ version: 1, segmentTypes: [{ ...XYZ, segments: [{ name: 'X', maxCv: 0.5 }, { name: 'Y', maxCv: 0.5 }, { name: 'Z' }] }] });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.issues.map((i) => i.where)).toContain('segmentTypes[0].segments[1].maxCv');
  });
});

describe('invariants', () => {
  test('scaling every amount by a positive factor leaves every CV and segment unchanged', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 1, max: 1000 })), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 2, max: 50 }),
        (lines, factor) => {
          const rows = (k: number): Cell[][] => lines.map(([c, q, v]) => [`c${c}`, Q[q], v * k, 1]);
          const a = run(H, rows(1), { window: YEAR, segmentTypes: [{ ...XYZ, minPeriods: 1 }] });
          const b = run(H, rows(factor), { window: YEAR, segmentTypes: [{ ...XYZ, minPeriods: 1 }] });
          expect(column(b, 'Demand')).toEqual(column(a, 'Demand'));
          const ca = column(a, 'Demand (cv)');
          const cb = column(b, 'Demand (cv)');
          for (const id of Object.keys(ca)) expect(cb[id] as number).toBeCloseTo(ca[id] as number, 9);
        },
      ),
      { numRuns: 60 },
    );
  });

  test('the CV of n period totals is at most sqrt(n - 1) (all in one period)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 1, max: 1000 })), { minLength: 1, maxLength: 20 }), (lines) => {
        const r = run(H, lines.map(([q, v]) => ['a', Q[q], v, 1]), { window: YEAR, segmentTypes: [{ ...XYZ, minPeriods: 1 }] });
        expect(column(r, 'Demand (cv)').a as number).toBeLessThanOrEqual(Math.sqrt(3) + 1e-9);
      }),
      { numRuns: 60 },
    );
  });
});
