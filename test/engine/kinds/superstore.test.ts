// The Superstore sample (9,994 lines, 793 customers) through every kind, against slow references
// written here from SEMANTICS.md: plain records, plain loops, none of the engine's helpers.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseConfigText } from '../../../src/engine/config';
import { segment } from '../../../src/engine/run';
import type { Cell } from '../../../src/engine/types';
import { config, superstoreRecords, superstoreTable, table } from '../../support/tables';
import { column, headers } from './support';

const records = superstoreRecords();
const TABLE = superstoreTable();
const COLUMNS = {
  customer: 'Customer ID', customerName: 'Customer Name', date: 'Order Date', amount: 'Sales', profit: 'Profit',
  quantity: 'Quantity', order: 'Order ID', product: 'Product ID', category: 'Category',
};
const DAY = 86_400_000;
const dayOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY;
const END = Math.max(...records.map((r) => dayOf(r['Order Date'])));
const customers = [...new Set(records.map((r) => r['Customer ID']))];

/** Half away from zero, after cutting floating-point noise at 9 decimals. */
const halfAway = (x: number) => {
  const q = Number(x.toFixed(9));
  return Math.sign(q) * Math.floor(Math.abs(q) + 0.5) + 0;
};

function groupBy<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const t of items) {
    const k = key(t);
    const list = m.get(k);
    if (list) list.push(t);
    else m.set(k, [t]);
  }
  return m;
}

const run = (segmentTypes: unknown[], sources = {}) => segment(TABLE, config({ columns: COLUMNS, segmentTypes: segmentTypes as never }), undefined, sources);

test('the sample is what these references assume', () => {
  expect(records.length).toBe(9994);
  expect(customers.length).toBe(793);
  expect(new Date(END * DAY).toISOString().slice(0, 10)).toBe('2017-12-30');
});

describe('loyalty on Superstore', () => {
  const LEVELS = [
    { name: 'Bronze', minPoints: 0 },
    { name: 'Silver', minPoints: 2000 },
    { name: 'Gold', minPoints: 5000 },
    { name: 'Platinum', minPoints: 10000 },
  ];
  const REWARDS = [
    { name: 'Free shipping', minPoints: 0, cost: 200 },
    { name: 'Voucher', minPoints: 2000, cost: 1000 },
  ];
  const r = run([
    {
      name: 'Loyalty',
      kind: 'loyalty',
      perCurrency: 1,
      perOrder: 10,
      rules: [
        { match: { column: 'Category', in: ['Technology'] }, perCurrency: 2, cumulative: false },
        { match: { column: 'Sub-Category', in: ['Chairs', 'Tables'] }, perUnit: 3, cumulative: true },
      ],
      levels: LEVELS,
      rewards: REWARDS,
    },
  ]);

  // Reference: Technology lines earn 2 per dollar each (and nothing else); Chairs and Tables lines earn
  // 3 per unit each and still count for their order; per order, the rest earns 1 per dollar (rounded
  // once) and 10 points.
  const earned = new Map<string, number>(customers.map((c) => [c, 0]));
  const rest: Record<string, string>[] = [];
  for (const rec of records) {
    const c = rec['Customer ID'];
    if (rec.Category === 'Technology') {
      earned.set(c, earned.get(c)! + halfAway(Number(rec.Sales) * 2));
      continue;
    }
    if (rec['Sub-Category'] === 'Chairs' || rec['Sub-Category'] === 'Tables') earned.set(c, earned.get(c)! + halfAway(Number(rec.Quantity) * 3));
    rest.push(rec);
  }
  for (const lines of groupBy(rest, (rec) => `${rec['Order ID']}|${rec['Customer ID']}`).values()) {
    let sum = 0;
    for (const rec of lines) sum += Number(rec.Sales);
    const c = lines[0]['Customer ID'];
    earned.set(c, earned.get(c)! + halfAway(sum) + Math.sign(sum) * 10);
  }

  test('points earned per customer', () => {
    const got = column(r, 'Loyalty (earned)');
    for (const c of customers) expect([c, got[c]]).toEqual([c, earned.get(c)]);
  });

  test('levels, next level, rewards', () => {
    const level = column(r, 'Loyalty');
    const next = column(r, 'Loyalty (next level)');
    const rewards = column(r, 'Loyalty (available rewards)');
    for (const c of customers) {
      const pts = earned.get(c)!;
      let l = -1;
      for (let i = 0; i < LEVELS.length; i++) if (LEVELS[i].minPoints <= pts) l = i;
      expect([c, level[c], next[c]]).toEqual([c, LEVELS[l].name, LEVELS[l + 1]?.name ?? '']);
      const want = REWARDS.filter((w) => pts >= w.minPoints && pts >= w.cost).map((w) => `${w.name} x${Math.floor(pts / w.cost)}`);
      expect([c, rewards[c]]).toEqual([c, want.join('; ')]);
    }
    expect(r.issues).toEqual([]);
  });
});

describe('activity on Superstore', () => {
  const TYPE = {
    name: 'Activity',
    kind: 'activity',
    category: 'Active',
    periodDays: 90,
    periods: 8,
    initial: 0.5,
    decrease: 0.8,
    criteria: [
      { measure: 'som', operator: '>=', value: 0.6, mandatory: true },
      { measure: 'lastPurchaseDays', operator: '<=', value: 60, mandatory: false },
      { measure: 'orders', operator: '>=', value: 10, mandatory: false },
    ],
  };
  const r = run([TYPE]);
  const byCustomer = groupBy(records, (rec) => rec['Customer ID']);

  test('state of mind, days since the last purchase, and the category', () => {
    const som = column(r, 'Activity (state of mind)');
    const days = column(r, 'Activity (days since last purchase)');
    const cat = column(r, 'Activity');
    let active = 0;
    for (const [c, lines] of byCustomer) {
      // Period p (0 = newest) holds the days END - 90(p+1) < d <= END - 90p.
      const bought = new Set<number>();
      let last = -Infinity;
      const orders = new Set<string>();
      for (const rec of lines) {
        const d = dayOf(rec['Order Date']);
        orders.add(rec['Order ID']);
        if (Number(rec.Sales) <= 0) continue;
        last = Math.max(last, d);
        const p = Math.floor((END - d) / 90);
        if (p < 8) bought.add(p);
      }
      let s = 0.5;
      for (let p = 7; p >= 0; p--) s = bought.has(p) ? 1 - (1 - s) * 0.8 : s * 0.8;
      expect(som[c]).toBeCloseTo(s, 12);
      expect(days[c]).toBe(END - last);
      const match = s >= 0.6 - 1e-9 && (END - last <= 60 || orders.size >= 10);
      if (match) active++;
      expect([c, cat[c]]).toEqual([c, match ? 'Active' : '']);
    }
    expect(active).toBeGreaterThan(0);
    expect(active).toBeLessThan(793);
  });
});

describe('profiles on Superstore (answers from the sales range)', () => {
  const TYPE = {
    name: 'Profile',
    kind: 'profiles',
    profiles: [
      { name: 'Corporate', include: { Segment: ['Corporate'] }, priority: 2 },
      { name: 'Corporate West', parent: 'Corporate', include: { Region: ['West'] }, priority: 1 },
      { name: 'Private', include: { Segment: ['Consumer', 'Home Office'] }, exclude: { Region: ['Central'] }, priority: 3 },
    ],
  };

  test('each customer\'s profiles from its last Segment and Region', () => {
    const r = run([TYPE]);
    const last = new Map<string, { segment: string; region: string }>();
    for (const rec of records) last.set(rec['Customer ID'], { segment: rec.Segment, region: rec.Region });
    const got = column(r, 'Profile (profiles)');
    for (const [c, a] of last) {
      const want: string[] = [];
      if (a.segment === 'Corporate' && a.region === 'West') want.push('Corporate West');
      if (a.segment === 'Corporate') want.push('Corporate');
      if ((a.segment === 'Consumer' || a.segment === 'Home Office') && a.region !== 'Central') want.push('Private');
      expect([c, got[c]]).toEqual([c, want.join('; ')]);
    }
  });

  test('with an answers range of one row per customer, prospects included', () => {
    const rows: Cell[][] = customers.map((c) => [c, c.startsWith('A') ? 'Corporate' : 'Consumer', 'West']);
    rows.push(['PROSPECT-1', 'Corporate', 'West']);
    const r = run([TYPE], { answers: table(['Customer ID', 'Segment', 'Region'], rows, 'Answers') });
    const got = column(r, 'Profile');
    expect(r.customers.ids.length).toBe(794);
    expect(got['PROSPECT-1']).toBe('Corporate West');
    for (const c of customers) expect([c, got[c]]).toEqual([c, c.startsWith('A') ? 'Corporate West' : 'Private']);
  });
});

describe('RFM on Superstore', () => {
  const r = run([{ name: 'RFM', kind: 'rfm' }]);
  // The default table, as SEMANTICS.md names it, written out here on purpose.
  const TABLE_ROWS: [string, [number, number], [number, number]][] = [
    ['Champions', [5, 5], [4, 5]],
    ['Loyal', [3, 4], [4, 5]],
    ['Potential loyalist', [4, 5], [2, 3]],
    ['New', [5, 5], [1, 1]],
    ['Promising', [4, 4], [1, 1]],
    ['Need attention', [3, 3], [3, 3]],
    ['About to sleep', [3, 3], [1, 2]],
    ['At risk', [1, 2], [3, 4]],
    ["Can't lose them", [1, 2], [5, 5]],
    ['Hibernating', [2, 2], [1, 2]],
    ['Lost', [1, 1], [1, 2]],
  ];
  const byCustomer = groupBy(records, (rec) => rec['Customer ID']);
  const recency = new Map<string, number>();
  const frequency = new Map<string, number>();
  const monetary = new Map<string, number>();
  for (const [c, lines] of byCustomer) {
    recency.set(c, END - Math.max(...lines.filter((l) => Number(l.Sales) > 0).map((l) => dayOf(l['Order Date']))));
    frequency.set(c, new Set(lines.map((l) => l['Order ID'])).size);
    monetary.set(c, lines.reduce((s, l) => s + Number(l.Sales), 0));
  }
  // Score by rank: a value passes the k-th cut when at least ceil(k x N / 5) values are strictly below it.
  const scorer = (m: Map<string, number>) => {
    const values = [...m.values()];
    const n = values.length;
    return (v: number) => {
      const below = values.filter((x) => x < v - 1e-9 * Math.max(1, Math.abs(v))).length;
      let s = 1;
      for (let k = 1; k < 5; k++) if (below >= Math.ceil((k * n) / 5)) s++;
      return s;
    };
  };
  const rScore = scorer(recency);
  const fScore = scorer(frequency);
  const mScore = scorer(monetary);

  test('scores and named segments per customer; the grid counts every customer once', () => {
    const R = column(r, 'RFM (R)');
    const F = column(r, 'RFM (F)');
    const M = column(r, 'RFM (M)');
    const seg = column(r, 'RFM');
    for (const c of customers) {
      const want = [6 - rScore(recency.get(c)!), fScore(frequency.get(c)!), mScore(monetary.get(c)!)];
      expect([c, R[c], F[c], M[c]]).toEqual([c, ...want]);
      const named = TABLE_ROWS.find(([, rr, ff]) => want[0] >= rr[0] && want[0] <= rr[1] && want[1] >= ff[0] && want[1] <= ff[1]);
      expect([c, seg[c]]).toEqual([c, named ? named[0] : 'Others']);
    }
    const grid = r.types[0].rfmGrid!;
    expect(grid.flat().reduce((a, b) => a + b, 0)).toBe(793);
    let r5f1 = 0;
    for (const c of customers) if (R[c] === 5 && F[c] === 1) r5f1++;
    expect(grid[4][0]).toBe(r5f1);
  });
});

describe('visit planning on Superstore', () => {
  test('a visits range of every order day, except for customers whose id starts with Z (never visited)', () => {
    const visitRows: Cell[][] = records.filter((rec) => !rec['Customer ID'].startsWith('Z')).map((rec) => [rec['Customer ID'], rec['Order Date']]);
    const abc = {
      name: 'Sales ABC',
      kind: 'abc',
      segments: [
        { name: 'A', share: 80, visitEveryDays: 30 },
        { name: 'B', share: 15, visitEveryDays: 90 },
        { name: 'C', share: 5, visitEveryDays: 180 },
      ],
    };
    const r = run([abc], { visits: table(['Customer ID', 'Visit date'], visitRows, 'Visits') });
    const seg = column(r, 'Sales ABC');
    const overdue = column(r, 'Sales ABC (overdue days)');
    const every: Record<string, number> = { A: 30, B: 90, C: 180 };
    const lastVisit = new Map<string, number>();
    for (const [c, d] of visitRows) lastVisit.set(c as string, Math.max(lastVisit.get(c as string) ?? -Infinity, dayOf(d as string)));
    const counts: Record<string, [number, number]> = { A: [0, 0], B: [0, 0], C: [0, 0] };
    for (const c of customers) {
      const s = seg[c] as string;
      const last = lastVisit.get(c);
      counts[s][0]++;
      if (last !== undefined && END - last <= every[s]) counts[s][1]++;
      expect([c, overdue[c]]).toEqual([c, last === undefined ? 0 : Math.max(0, END - (last + every[s]))]);
    }
    expect(customers.some((c) => c.startsWith('Z'))).toBe(true);
    expect(r.types[0].visitCompliance!.map((v) => [v.segment, v.customers, v.visitedInTime])).toEqual(
      Object.entries(counts).map(([s, [n, ok]]) => [s, n, ok]),
    );
  });
});

test('the all-kinds example configuration runs on the sample with no issue, every kind in its columns', () => {
  const text = readFileSync(join(__dirname, '..', '..', '..', 'examples', 'all-kinds.config.json'), 'utf8');
  const parsed = parseConfigText(text);
  expect(parsed.ok && parsed.warnings).toEqual([]);
  if (!parsed.ok) return;
  const r = segment(TABLE, parsed.config);
  expect(r.issues).toEqual([]);
  expect(r.types.map((t) => t.type.kind)).toEqual(['abc', 'bands', 'loyalty', 'activity', 'profiles', 'rfm', 'xyz']);
  expect(headers(r)).toEqual(
    expect.arrayContaining([
      'Loyalty', 'Loyalty (earned)', 'Loyalty (spent)', 'Loyalty (balance)', 'Loyalty (next level)', 'Loyalty (points missing)', 'Loyalty (available rewards)', 'Loyalty (discount)',
      'Activity', 'Activity (state of mind)', 'Activity (days since last purchase)', 'Activity (categories)',
      'Profile', 'Profile (profiles)',
      'RFM', 'RFM (recency days)', 'RFM (frequency)', 'RFM (R)', 'RFM (F)', 'RFM (M)', 'RFM (RFM)',
      'Demand', 'Demand (cv)', 'Demand (periods with sales)', 'Demand (ABC-XYZ)',
    ]),
  );
});

describe('XYZ on Superstore', () => {
  // Monthly net sales, all history: the 48 months from 2014-01 to 2017-12, zero-filled.
  const r = run([
    { name: 'Value', kind: 'abc', segments: [{ name: 'A', share: 80 }, { name: 'B', share: 15 }, { name: 'C', share: 5 }] },
    { name: 'Demand', kind: 'xyz', abcType: 'Value', combined: true },
  ]);
  const monthly = new Map<string, number[]>(customers.map((c) => [c, new Array<number>(48).fill(0)]));
  for (const rec of records) {
    const [y, m] = rec['Order Date'].split('-').map(Number);
    monthly.get(rec['Customer ID'])![(y - 2014) * 12 + (m - 1)] += Number(rec.Sales);
  }
  const expected = (totals: number[]) => {
    const mean = totals.reduce((a, b) => a + b, 0) / totals.length;
    const sd = Math.sqrt(totals.reduce((a, t) => a + (t - mean) ** 2, 0) / totals.length);
    const withSales = totals.filter((t) => Math.abs(t) > 1e-9).length;
    const cv = sd / mean;
    const segment = withSales < 3 || !(mean > 0) ? 'Unclassified' : cv <= 0.5 + 1e-9 ? 'X' : cv <= 1 + 1e-9 ? 'Y' : 'Z';
    return { cv, withSales, segment };
  };

  test('CV, periods with sales and segment per customer, from a plain loop over the records', () => {
    const cv = column(r, 'Demand (cv)');
    const periods = column(r, 'Demand (periods with sales)');
    const segment = column(r, 'Demand');
    for (const c of customers) {
      const e = expected(monthly.get(c)!);
      expect(cv[c] as number).toBeCloseTo(e.cv, 9);
      expect(periods[c]).toBe(e.withSales);
      expect(segment[c]).toBe(e.segment);
    }
  });

  test('the matrix counts every customer once and the combined column matches its cells', () => {
    const m = r.types[1].abcXyz!;
    expect(m.customers.flat().reduce((a, b) => a + b, 0)).toBe(793);
    const combined = column(r, 'Demand (ABC-XYZ)');
    const abc = column(r, 'Value');
    const xyz = column(r, 'Demand');
    for (const c of customers) expect(combined[c]).toBe(xyz[c] === 'Unclassified' ? '' : `${abc[c]}${xyz[c]}`);
    const ax = m.customers[m.rows.indexOf('A')][m.columns.indexOf('X')];
    expect(ax).toBe(customers.filter((c) => combined[c] === 'AX').length);
  });
});
