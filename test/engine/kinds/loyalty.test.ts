// Loyalty points, levels and rewards (SEMANTICS.md section 5), with expectations worked out by hand.
import fc from 'fast-check';
import { parseConfig } from '../../../src/engine/config';
import { availableRewards, roundPoints } from '../../../src/engine/loyalty';
import { column, headers, issueTexts, run } from './support';

const H = ['Customer', 'Date', 'Order', 'Category', 'Sales', 'Quantity'];
const loyalty = (extra: Record<string, unknown>) => ({ name: 'Club', kind: 'loyalty' as const, levels: [{ name: 'Member', minPoints: 0 }], ...extra });

describe('rounding', () => {
  test('half away from zero, after taking the quotient to 9 decimals', () => {
    expect(roundPoints(2.5)).toBe(3);
    expect(roundPoints(-2.5)).toBe(-3);
    // 2.4999999999999996 is 2.5 that lost a bit: it counts as 2.5.
    expect(roundPoints(2.4999999999999996)).toBe(3);
    expect(roundPoints(2.49)).toBe(2);
    // 268.28000000000003 to a multiple of 0.01: 26828.000000000004 -> 26828 -> 268.28, with no noise left.
    expect(roundPoints(268.28000000000003, 0.01)).toBe(268.28);
    // To a multiple of 5: 12.5 / 5 = 2.5 -> 3 -> 15.
    expect(roundPoints(12.5, 5)).toBe(15);
  });

  test('program rates: summed per order, rounded once per order; a return takes its points back', () => {
    const earned = (rows: (string | number)[][], extra: Record<string, unknown>) => column(run(H, rows, { segmentTypes: [loyalty(extra)] }), 'Club (earned)');
    const tenth = earned(
      [
        // a, order O1: (12.5 + 12.5) x 0.1 = 2.5 -> 3 (rounded per line it would be 1.25 -> 1, twice: 2).
        ['a', '2024-01-05', 'O1', 'Office', 12.5, 1],
        ['a', '2024-01-05', 'O1', 'Office', 12.5, 1],
        // b returns order O3: -25 x 0.1 = -2.5 -> -3 (half away from zero).
        ['b', '2024-01-07', 'O3', 'Office', -25, -1],
      ],
      { perCurrency: 0.1 },
    );
    expect(tenth).toEqual({ a: 3, b: -3 });
    // 1.15 x 10 is 11.499999999999998 in floating point: 11.5 after the 9-decimal guard -> 12.
    expect(earned([['b', '2024-01-06', 'O2', 'Office', 1.15, 1]], { perCurrency: 10 })).toEqual({ b: 12 });
    // (0.04 + 268.24) x 1 = 268.28000000000003, to a multiple of 0.01 -> 268.28 exactly.
    expect(earned([['c', '2024-01-08', 'O4', 'Office', 0.04, 1], ['c', '2024-01-08', 'O4', 'Office', 268.24, 1]], { perCurrency: 1, rounding: 0.01 })).toEqual({ c: 268.28 });
    // A sale then its return, as two orders with 4 points per order: 25 x 0.1 = 2.5 -> 3, + 4 = 7;
    // the return: -2.5 -> -3, - 4 = -7. The return takes back all 7.
    expect(earned([['d', '2024-01-05', 'O5', 'Office', 25, 1], ['d', '2024-01-09', 'O6', 'Office', -25, -1]], { perCurrency: 0.1, perOrder: 4 })).toEqual({ d: 0 });
    expect(earned([['d', '2024-01-09', 'O6', 'Office', -25, -1]], { perCurrency: 0.1, perOrder: 4 })).toEqual({ d: -7 });
    // Per unit, per line without an order column is per order too: 3 units x 0.5 = 1.5 -> 2.
    expect(column(run(['Customer', 'Sales', 'Quantity'], [['e', 9, 3]], { segmentTypes: [loyalty({ perUnit: 0.5 })] }), 'Club (earned)')).toEqual({ e: 2 });
  });

  test('a non-cumulative rule stops the rules after it and the program rates for its lines', () => {
    const r = run(
      H,
      [
        ['a', '2024-01-05', 'O1', 'Technology', 40, 2],
        ['a', '2024-01-05', 'O1', 'Furniture', 60, 1],
      ],
      {
        segmentTypes: [
          loyalty({
            perCurrency: 1,
            perOrder: 5,
            rules: [
              { match: { column: 'Category', in: ['Technology'] }, perUnit: 10, cumulative: false },
              { match: { column: 'Category', in: ['Technology', 'Furniture'] }, perCurrency: 100, cumulative: true },
            ],
          }),
        ],
      },
    );
    // Technology line: rule 1 only, 2 units x 10 = 20; it stops rule 2 (4,000) and the program rate (40).
    // Furniture line: rule 2, 60 x 100 = 6,000; cumulative, so the program rates still apply to it:
    // order O1 without the Technology line: 60 x 1 = 60, plus 5 for the order. 20 + 6,000 + 65 = 6,085.
    expect(column(r, 'Club (earned)').a).toBe(6085);
  });

  test('a rule on an unknown column is an error with its path', () => {
    const r = run(H, [['a', '2024-01-05', 'O1', 'Technology', 40, 2]], { segmentTypes: [loyalty({ rules: [{ match: { column: 'Brand', in: ['X'] }, perUnit: 1 }] })] });
    expect(issueTexts(r)).toContainEqual(expect.stringMatching(/^segmentTypes\[0\]\.rules\[0\]\.match\.column: no column is headed "Brand"/));
  });
});

describe('levels, balance and rewards', () => {
  const HS = [...H, 'Points Spent'];
  const club = (demote: boolean) =>
    loyalty({
      perCurrency: 1,
      demote,
      levels: [
        { name: 'Bronze', minPoints: 0 },
        { name: 'Silver', minPoints: 100, discount: 5 },
        { name: 'Gold', minPoints: 500, discount: 10 },
      ],
      rewards: [
        { name: 'Coffee', minPoints: 0, cost: 30 },
        { name: 'Voucher', minPoints: 200, cost: 150 },
      ],
    });
  const rows = [
    // a bought 520 (Gold last run), then returned 100: 420 earned this run; 50 points spent: balance 370.
    ['a', '2024-01-05', 'O1', 'Office', 520, 1, 0],
    ['a', '2024-02-05', 'O2', 'Office', -100, -1, 50],
    // b: 99.5 -> 100 (half away from zero): exactly Silver's minimum. Balance 100.
    ['b', '2024-01-06', 'O3', 'Office', 99.5, 1, 0],
    // c: 40: Bronze. Balance 40.
    ['c', '2024-01-07', 'O4', 'Office', 40, 1, 0],
  ];
  const previous = { segments: { Club: { a: 'Gold', b: 'Bronze', c: 'Bronze' } } };

  test('a return after a promotion: the level holds unless demote is asked for', () => {
    const kept = run(HS, rows, { segmentTypes: [club(false)] }, { previous });
    expect(column(kept, 'Club')).toEqual({ a: 'Gold', b: 'Silver', c: 'Bronze' });
    // Gold is the top level: no next level, nothing missing.
    expect(column(kept, 'Club (next level)').a).toBe('');
    expect(column(kept, 'Club (points missing)').a).toBeNull();
    expect(column(kept, 'Club (discount)').a).toBe(0.1);

    const demoted = run(HS, rows, { segmentTypes: [club(true)] }, { previous });
    // 420 earned: Silver (100 <= 420 < 500); Gold is 80 points away.
    expect(column(demoted, 'Club')).toEqual({ a: 'Silver', b: 'Silver', c: 'Bronze' });
    expect(column(demoted, 'Club (next level)')).toEqual({ a: 'Gold', b: 'Gold', c: 'Silver' });
    // b: 500 - 100 = 400; c: 100 - 40 = 60.
    expect(column(demoted, 'Club (points missing)')).toEqual({ a: 80, b: 400, c: 60 });
    expect(column(demoted, 'Club (discount)')).toEqual({ a: 0.05, b: 0.05, c: null });
  });

  test('earned, spent, balance and the rewards each balance allows, with how many times', () => {
    const r = run(HS, rows, { segmentTypes: [club(false)] }, { previous });
    expect(headers(r).filter((h) => h.startsWith('Club'))).toEqual([
      'Club',
      'Club (earned)',
      'Club (spent)',
      'Club (balance)',
      'Club (next level)',
      'Club (points missing)',
      'Club (available rewards)',
      'Club (discount)',
    ]);
    expect(column(r, 'Club (earned)')).toEqual({ a: 420, b: 100, c: 40 });
    expect(column(r, 'Club (spent)')).toEqual({ a: 50, b: 0, c: 0 });
    expect(column(r, 'Club (balance)')).toEqual({ a: 370, b: 100, c: 40 });
    // a: 370 / 30 = 12.3 -> Coffee x12; 370 >= 200 and >= 150: Voucher, 370 / 150 = 2.5 -> x2.
    // b: 100 / 30 -> Coffee x3; 100 < 200: no Voucher. c: 40 / 30 -> Coffee x1.
    expect(column(r, 'Club (available rewards)')).toEqual({ a: 'Coffee x12; Voucher x2', b: 'Coffee x3', c: 'Coffee x1' });
    const t = r.types[0];
    expect(t.rewardsSummary).toEqual([
      { reward: 'Coffee', customers: 3, times: 16 },
      { reward: 'Voucher', customers: 1, times: 2 },
    ]);
    // Summary: customers and points earned per level.
    expect(t.summary.map((s) => [s.segment, s.customers, s.measure])).toEqual([
      ['Bronze', 1, 40],
      ['Silver', 1, 100],
      ['Gold', 1, 420],
    ]);
  });

  test('levels must go up, rewards must cost something: each problem with its path', () => {
    const r = parseConfig({
      version: 1,
      segmentTypes: [
        loyalty({
          levels: [{ name: 'Bronze', minPoints: 0 }, { name: 'Silver', minPoints: 500 }, { name: 'Gold', minPoints: 500 }],
          rewards: [{ name: 'Free', cost: 0 }],
        }),
      ],
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => i.where)).toEqual(['segmentTypes[0].rewards[0].cost', 'segmentTypes[0].levels[2].minPoints']);
    expect(r.issues[1].message).toMatch(/"Gold" needs more points than "Silver"/);
  });
});

describe('properties', () => {
  const line = fc.record({
    customer: fc.constantFrom('a', 'b', 'c'),
    order: fc.integer({ min: 1, max: 12 }),
    category: fc.constantFrom('Technology', 'Office'),
    sales: fc.integer({ min: -50_000, max: 200_000 }).map((c) => c / 100),
    quantity: fc.integer({ min: -3, max: 9 }),
  });
  const type = loyalty({
    perCurrency: 0.3,
    perUnit: 1.5,
    perOrder: 2,
    rules: [
      { match: { column: 'Category', in: ['Technology'] }, perCurrency: 0.7, cumulative: true },
      { match: { column: 'Category', in: ['Technology'] }, perUnit: 4, cumulative: false },
    ],
  });
  // No lines at all is no run (the header alone is refused: noLinesProblem): nobody has points.
  const earned = (ls: { customer: string; order: number; category: string; sales: number; quantity: number }[]) => {
    if (ls.length === 0) return () => 0;
    const r = run(H, ls.map((l) => [l.customer, '2024-01-05', `O${l.order}`, l.category, l.sales, l.quantity]), { segmentTypes: [type] });
    const e = column(r, 'Club (earned)');
    return (id: string) => (e[id] as number | undefined) ?? 0;
  };

  test('points are additive over orders: the points of two sets of orders are the sum of their points', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 40 }), (ls) => {
        // Split by order (an order is rounded as a whole, so whole orders go to one side).
        const all = earned(ls);
        const odd = earned(ls.filter((l) => l.order % 2 === 1));
        const even = earned(ls.filter((l) => l.order % 2 === 0));
        for (const id of ['a', 'b', 'c']) expect(all(id)).toBe(odd(id) + even(id));
      }),
      { numRuns: 60 },
    );
  });

  test('without an order column each line is its own order: points are additive over lines, however they are split', () => {
    const rowsOf = (ls: { customer: string; category: string; sales: number; quantity: number }[]) => ls.map((l) => [l.customer, l.category, l.sales, l.quantity]);
    const pts = (ls: { customer: string; category: string; sales: number; quantity: number }[]) => {
      if (ls.length === 0) return () => 0;
      const e = column(run(['Customer', 'Category', 'Sales', 'Quantity'], rowsOf(ls), { segmentTypes: [type] }), 'Club (earned)');
      return (id: string) => (e[id] as number | undefined) ?? 0;
    };
    fc.assert(
      fc.property(fc.array(fc.tuple(line, fc.boolean()), { maxLength: 40 }), (tagged) => {
        const all = pts(tagged.map(([l]) => l));
        const left = pts(tagged.filter(([, side]) => side).map(([l]) => l));
        const right = pts(tagged.filter(([, side]) => !side).map(([l]) => l));
        for (const id of ['a', 'b', 'c']) expect(all(id)).toBe(left(id) + right(id));
      }),
      { numRuns: 60 },
    );
  });

  test('a larger balance never has fewer rewards, nor fewer times', () => {
    const reward = fc.record({ name: fc.constantFrom('x', 'y', 'z'), minPoints: fc.integer({ min: 0, max: 500 }), cost: fc.integer({ min: 1, max: 300 }) });
    fc.assert(
      fc.property(fc.array(reward, { maxLength: 5 }), fc.double({ min: -100, max: 2000, noNaN: true }), fc.double({ min: 0, max: 2000, noNaN: true }), (rewards, b, extra) => {
        const low = availableRewards(b, rewards);
        const high = new Map(availableRewards(b + extra, rewards).map((a) => [a.reward, a.times]));
        expect(high.size).toBeGreaterThanOrEqual(low.length);
        for (const a of low) expect(high.get(a.reward)).toBeGreaterThanOrEqual(a.times);
      }),
    );
  });
});
