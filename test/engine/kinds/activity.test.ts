// Activity segmentation (SEMANTICS.md section 6): state of mind, criteria lines, exclusive categories.
import fc from 'fast-check';
import { holds, matches } from '../../../src/engine/activity';
import { parseConfig } from '../../../src/engine/config';
import { previousSegments, readPreviousRun } from '../../../src/plan/previous';
import { column, run } from './support';

const H = ['Customer', 'Date', 'Order', 'Sales'];
// The latest date is 2024-03-31 (a's last purchase): three periods of 30 days end there, oldest first:
// P1 = 2024-01-02..2024-01-31, P2 = 2024-02-01..2024-03-01, P3 = 2024-03-02..2024-03-31.
const ROWS = [
  ['a', '2024-01-15', 'A1', 10], // P1
  ['a', '2024-02-15', 'A2', 10], // P2
  ['a', '2024-03-31', 'A3', 10], // P3
  ['b', '2024-01-20', 'B1', 5000], // P1, then nothing: b stops buying
  ['c', '2023-06-01', 'C1', 10], // before the periods
  ['d', '2024-02-10', 'D1', 10], // P2
  ['d', '2024-03-10', 'D2', -10], // P3, a return: not a purchase
  ['f', '2024-02-20', 'F1', 10], // P2
  ['f', '2024-03-20', 'F2', 10], // P3
];

const activity = (extra: Record<string, unknown> = {}) => ({
  name: 'Act',
  kind: 'activity' as const,
  category: 'Active',
  periodDays: 30,
  periods: 3,
  initial: 0.5,
  decrease: 0.8,
  criteria: [
    { measure: 'som', operator: '>=', value: 0.6, mandatory: true },
    { measure: 'sales', operator: '>=', value: 1000, mandatory: false },
    { measure: 'orders', operator: '>=', value: 3, mandatory: false },
  ],
  ...extra,
});

describe('state of mind', () => {
  test('a purchase moves it toward 1, an empty period multiplies it by the decrease: a customer who stops buying drifts down', () => {
    const som = column(run(H, ROWS, { segmentTypes: [activity()] }), 'Act (state of mind)');
    // a buys in P1, P2, P3: 0.5 -> 1 - 0.5 x 0.8 = 0.6 -> 1 - 0.4 x 0.8 = 0.68 -> 1 - 0.32 x 0.8 = 0.744.
    expect(som.a).toBeCloseTo(0.744, 12);
    // b buys in P1 only: 0.6, then two empty periods: 0.6 x 0.8 = 0.48, 0.48 x 0.8 = 0.384.
    expect(som.b).toBeCloseTo(0.384, 12);
    // c bought before the periods: three empty periods: 0.5 x 0.8^3 = 0.256.
    expect(som.c).toBeCloseTo(0.256, 12);
    // d: P1 empty 0.4; P2 bought 1 - 0.6 x 0.8 = 0.52; P3 only a return, empty: 0.52 x 0.8 = 0.416.
    expect(som.d).toBeCloseTo(0.416, 12);
    // f: P1 empty 0.4; P2 0.52; P3 1 - 0.48 x 0.8 = 0.616.
    expect(som.f).toBeCloseTo(0.616, 12);
  });

  test('the example of docs/kinds.md: three months of purchases, then three quiet months', () => {
    // Six periods of 30 days ending 2024-06-28 (z's line): P1 ends 2024-01-30, P2 2024-02-29, P3 2024-03-30.
    const rows = [['z', '2024-06-28', 'Z1', 0], ['m', '2024-01-15', 'M1', 10], ['m', '2024-02-15', 'M2', 10], ['m', '2024-03-15', 'M3', 10]];
    const type = activity({ periods: 6, criteria: [{ measure: 'som', operator: '>=', value: 0.6 }] });
    const r = run(H, rows, { segmentTypes: [type] });
    // 0.5 -> 0.6 -> 0.68 -> 0.744, then x 0.8 three times: 0.5952, 0.47616, 0.380928: no longer Active.
    expect(column(r, 'Act (state of mind)').m).toBeCloseTo(0.380928, 12);
    expect(column(r, 'Act').m).toBe('');
    // z's only line has amount 0, not a purchase: 0.5 x 0.8^6 = 0.131072.
    expect(column(r, 'Act (state of mind)').z).toBeCloseTo(0.131072, 12);
    // Ending the periods after the third month instead (a window ending 2024-03-30): Active, at 0.744.
    const early = run(H, rows, { window: { kind: 'rolling', months: 12, end: '2024-03-30' }, segmentTypes: [activity({ periods: 3, criteria: type.criteria })] });
    expect(column(early, 'Act (state of mind)').m).toBeCloseTo(0.744, 12);
    expect(column(early, 'Act').m).toBe('Active');
  });

  test('days since the last purchase count to the window end; a return is not a purchase', () => {
    const days = column(run(H, ROWS, { segmentTypes: [activity()] }), 'Act (days since last purchase)');
    // b: 2024-01-20 to 2024-03-31 = 11 (rest of January) + 29 (February 2024) + 31 = 71.
    // c: 2023-06-01 to 2024-03-31 = 29 + 31 + 31 + 30 + 31 + 30 + 31 (to Dec 31) + 31 + 29 + 31 = 304.
    // d: the return on 03-10 does not count: 2024-02-10 to 2024-03-31 = 19 + 31 = 50. f: 03-20 -> 11.
    expect(days).toEqual({ a: 0, b: 71, c: 304, d: 50, f: 11 });
  });
});

describe('criteria lines', () => {
  test('every mandatory line must hold; a true optional line does not hide a failing mandatory one', () => {
    const r = run(H, ROWS, { segmentTypes: [activity()] });
    // a: som 0.744 >= 0.6, and 3 orders >= 3 (optional) -> Active.
    // b: sales 5000 >= 1000 holds (optional), but som 0.384 < 0.6 (mandatory) -> not Active.
    // f: som 0.616 >= 0.6, but neither optional line holds (sales 20, 2 orders) -> not Active.
    expect(column(r, 'Act')).toEqual({ a: 'Active', b: '', c: '', d: '', f: '' });
    expect(r.types[0].summary.map((s) => [s.segment, s.customers])).toEqual([
      ['Active', 1],
      ['(no segment)', 4],
    ]);
  });

  test('the rule itself, line by line', () => {
    const mandatory = { operator: '>=' as const, value: 0.6, mandatory: true };
    const optional = { operator: '>=' as const, value: 1000, mandatory: false };
    expect(matches([0.384, 5000], [mandatory, optional])).toBe(false);
    expect(matches([0.7, 5000], [mandatory, optional])).toBe(true);
    expect(matches([0.7, 10], [mandatory, optional])).toBe(false);
    expect(matches([0.7], [mandatory])).toBe(true);
    // 1 - 0.4 x 0.8 is 0.6799999999999999 in floating point: it still equals 0.68.
    expect(holds(1 - 0.4 * 0.8, '=', 0.68)).toBe(true);
    expect(holds(NaN, '!=', 1)).toBe(false);
  });

  test('points come from a loyalty segment type; without one, the line is an error with its path', () => {
    const points = { measure: 'points', operator: '>=', value: 20, mandatory: true };
    const loyalty = { name: 'Club', kind: 'loyalty' as const, perCurrency: 1, levels: [{ name: 'Member', minPoints: 0 }] };
    const r = run(H, ROWS, { segmentTypes: [loyalty, activity({ criteria: [points] })] });
    // Points earned at 1 per unit of currency: a 30, b 5000, c 10, d 10 - 10 = 0, f 20.
    expect(column(r, 'Act')).toEqual({ a: 'Active', b: 'Active', c: '', d: '', f: 'Active' });
    // Checked with the configuration, before any run: nothing is half-applied.
    const bad = parseConfig({ version: 1, segmentTypes: [activity({ criteria: [points] }), { ...activity({ loyalty: 'Klub' }), name: 'Act 2' }] });
    expect(bad.ok ? [] : bad.issues.map((i) => `${i.where}: ${i.message}`)).toEqual([
      'segmentTypes[0].criteria[0].measure: a "points" line reads the points of a loyalty segment type: add one, or choose another measure',
      'segmentTypes[1].loyalty: no loyalty segment type is named "Klub"',
    ]);
  });
});

describe('categories', () => {
  const previous = {
    segments: {},
    categories: { Act: { b: 'Active; Newsletter', c: 'Active', f: 'VIP' } },
  };

  test('not exclusive: the category is added to matching customers and never taken away', () => {
    const r = run(H, ROWS, { segmentTypes: [activity({ exclusive: false })] }, { previous });
    expect(column(r, 'Act (categories)')).toEqual({ a: 'Active', b: 'Active; Newsletter', c: 'Active', d: '', f: 'VIP' });
    expect(column(r, 'Act')).toEqual({ a: 'Active', b: 'Active', c: 'Active', d: '', f: '' });
  });

  test('exclusive: the category is also taken from customers that no longer match; other categories stay', () => {
    const r = run(H, ROWS, { segmentTypes: [activity({ exclusive: true })] }, { previous });
    expect(column(r, 'Act (categories)')).toEqual({ a: 'Active', b: 'Newsletter', c: '', d: '', f: 'VIP' });
    expect(column(r, 'Act')).toEqual({ a: 'Active', b: '', c: '', d: '', f: '' });
  });

  test('a host reading the tiers table back hands the categories column to the engine', () => {
    // The same cells as above, as a workbook holds them: readPreviousRun -> previousSegments -> engine.
    const tiers = [['Customer', 'Act', 'Act (categories)'], ['b', '', 'Active; Newsletter'], ['c', 'Active', 'Active'], ['f', '', 'VIP']];
    const read = readPreviousRun({ tiers });
    expect(read?.categories).toEqual(previous.categories);
    const r = run(H, ROWS, { segmentTypes: [activity({ exclusive: true })] }, { previous: previousSegments(read) });
    expect(column(r, 'Act (categories)')).toEqual({ a: 'Active', b: 'Newsletter', c: '', d: '', f: 'VIP' });
  });

  test('without a categories column, the previous run\'s segments are the starting point', () => {
    const fromSegments = { segments: { Act: { c: 'Active', d: '' } } };
    expect(column(run(H, ROWS, { segmentTypes: [activity({ exclusive: false })] }, { previous: fromSegments }), 'Act')).toEqual({ a: 'Active', b: '', c: 'Active', d: '', f: '' });
    expect(column(run(H, ROWS, { segmentTypes: [activity({ exclusive: true })] }, { previous: fromSegments }), 'Act')).toEqual({ a: 'Active', b: '', c: '', d: '', f: '' });
  });
});

test('customer ids such as "constructor" are data, not object keys', () => {
  const rows = [['constructor', '2024-03-31', 'K1', 10], ['toString', '2023-01-01', 'K2', 10]];
  const type = { ...activity({ exclusive: true }), criteria: [{ measure: 'som', operator: '>=', value: 0.6 }] };
  const r = run(H, rows, { segmentTypes: [type, { name: 'Club', kind: 'loyalty', levels: [{ name: 'Member', minPoints: 0 }] }] }, { previous: { segments: {}, categories: { Act: {} } } });
  // constructor: P3 only: 0.5 x 0.8 x 0.8 = 0.32 -> 1 - 0.68 x 0.8 = 0.456: not Active; toString never in the periods.
  expect(column(r, 'Act (categories)')).toEqual({ constructor: '', toString: '' });
  expect(column(r, 'Club')).toEqual({ constructor: 'Member', toString: 'Member' });
});

describe('properties', () => {
  test('one more purchase never lowers the state of mind', () => {
    const day = fc.integer({ min: 0, max: 89 }).map((d) => new Date(Date.UTC(2024, 0, 2 + d)).toISOString().slice(0, 10));
    fc.assert(
      fc.property(fc.array(day, { maxLength: 6 }), day, (days, extra) => {
        const rows = [['z', '2024-03-31', 'Z0', 0], ...days.map((d, i) => ['y', d, `Y${i}`, 10])];
        const before = column(run(H, rows, { segmentTypes: [activity()] }), 'Act (state of mind)').y ?? 0.256;
        const after = column(run(H, [...rows, ['y', extra, 'YX', 10]], { segmentTypes: [activity()] }), 'Act (state of mind)').y as number;
        expect(after).toBeGreaterThanOrEqual((before as number) - 1e-12);
      }),
      { numRuns: 40 },
    );
  });
});
