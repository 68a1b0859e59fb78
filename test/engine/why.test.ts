// Why each customer moved: two runs over small tables whose segments were worked out by hand, and
// the sentence expected for every cause written out here.
import { takeSnapshot, type Snapshot } from '../../src/engine/history';
import { classifyAll, prepare } from '../../src/engine/run';
import type { Config, ConfigInput } from '../../src/engine/config';
import { describeCause, explainMoves, type Move } from '../../src/engine/why';
import type { Cell } from '../../src/engine/types';
import { historyValues, parseHistory } from '../../src/plan/history-sheet';
import { whyCounts } from '../../src/plan/why';
import { ABC_80_15_5, config, table } from '../support/tables';

const HEADER = ['Customer', 'Date', 'Sales', 'Profit'];
const COLUMNS = { customer: 'Customer', date: 'Date', amount: 'Sales', profit: 'Profit' };

/** One run of `rows` (customer, date, sales, profit) with the previous run's segments, as a host runs it. */
function run(rows: Cell[][], cfg: Config, previous?: Snapshot, time = '2026-01-02T00:00:00Z'): Snapshot {
  const p = prepare(table(HEADER, rows), cfg, previous ? { segments: previous.segments } : undefined);
  const result = classifyAll(p);
  expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
  return takeSnapshot(result, p.ingested.lines, time);
}

const cfg = (partial: Partial<ConfigInput>) => config({ columns: COLUMNS, ...partial });

/** The moves of two runs as [customer, from, to, sentence]. */
function words(moves: Move[]): string[][] {
  return moves.map((m) => [m.customer, m.from, m.to, describeCause(m.cause)]);
}

function twoRuns(before: { rows: Cell[][]; config: Config }, now: { rows: Cell[][]; config: Config }): Move[] {
  const first = run(before.rows, before.config, undefined, '2026-01-01T00:00:00Z');
  const second = run(now.rows, now.config, first);
  return explainMoves(first, second, before.config, now.config);
}

describe('why each customer moved', () => {
  // ABC 80/15/5, upper boundary. Before: C1 600, C2 250, C3 100, C4 50 (total 1,000); the share ahead of
  // each: C1 0 (A), C2 60 % (A), C3 85 % (B), C4 95 % (C: 95 % is not below B's 95 %).
  const abcBefore = [
    ['C1', '2017-01-05', 600, 60],
    ['C2', '2017-01-05', 250, 25],
    ['C3', '2017-01-05', 100, 10],
    ['C4', '2017-01-05', 50, 5],
  ];
  const abc = cfg({ segmentTypes: [ABC_80_15_5] });

  it('names the threshold a customer crossed, with its sales and its share before and after', () => {
    // Now: C2 100, C3 300 (total 1,050): C1 0 (A), C3 600/1,050 = 57.1 % (A), C2 900/1,050 = 85.7 % (B),
    // C4 1,000/1,050 = 95.2 % (C, unchanged).
    const now = [
      ['C1', '2017-01-05', 600, 60],
      ['C2', '2017-01-05', 100, 10],
      ['C3', '2017-01-05', 300, 30],
      ['C4', '2017-01-05', 50, 5],
    ];
    expect(words(twoRuns({ rows: abcBefore, config: abc }, { rows: now, config: abc }))).toEqual([
      ['C2', 'A', 'B', "Sales 250.00 → 100.00, share of sales ahead of it 60 % → 85.7 %: past A's limit (top 80 % of sales)"],
      ['C3', 'B', 'A', "Sales 100.00 → 300.00, share of sales ahead of it 85 % → 57.1 %: within A's limit (top 80 % of sales)"],
    ]);
    expect(whyCounts(twoRuns({ rows: abcBefore, config: abc }, { rows: now, config: abc }), ['Sales ABC', 'Profit band'])).toEqual([
      { typeName: 'Sales ABC', moved: 2, causes: [{ cause: 'Own figures changed (sales)', customers: 2 }] },
      // Every type asked for is listed, also one in which nobody moved.
      { typeName: 'Profit band', moved: 0, causes: [] },
    ]);
  });

  it('says when the thresholds changed, with the old and new values', () => {
    // Same sales; A 80 -> 50, B 15 -> 40 (B ends at 90 %): the share ahead of C2 (60 %) is past 50 %, so B;
    // C3 (85 %) stays B, C4 (95 %) stays C.
    const moved = cfg({ segmentTypes: [{ ...ABC_80_15_5, segments: [{ name: 'A', share: 50 }, { name: 'B', share: 40 }, { name: 'C', share: 10 }] }] });
    expect(words(twoRuns({ rows: abcBefore, config: abc }, { rows: abcBefore, config: moved }))).toEqual([
      ['C2', 'A', 'B', 'Thresholds changed: A share 80 % → 50 %, B share 15 % → 40 %, C share 5 % → 10 %; Sales 250.00 (unchanged), share of sales ahead of it 60 % (unchanged)'],
    ]);
  });

  it('counts a new minimum net sales as a threshold of every type it applies to', () => {
    // Minimum 60: C4 (50) is not ranked and, without a default segment, has none. The others keep theirs.
    const minimum = cfg({ segmentTypes: [ABC_80_15_5], minimumNetSales: 60 });
    expect(words(twoRuns({ rows: abcBefore, config: abc }, { rows: abcBefore, config: minimum }))).toEqual([
      ['C4', 'C', '(none)', 'Thresholds changed: minimum net sales none → 60; Sales 50.00 (unchanged), share of sales ahead of it before 95 %'],
    ]);
  });

  it('counts a new minimum net sales for profit bands too, though the band bound still holds the profit', () => {
    // C1 sales 100 and profit 480 (Low); minimum net sales 200: no band (none), its profit unchanged.
    const bands = (minimumNetSales?: number) =>
      cfg({ minimumNetSales, segmentTypes: [{ name: 'Profit band', kind: 'bands', measure: 'profit', bands: [{ name: 'Loss', max: 0 }, { name: 'Low', min: 0, max: 500 }, { name: 'High', min: 500 }] }] });
    const rows = [
      ['C1', '2017-01-05', 100, 480],
      ['C2', '2017-01-05', 900, 600],
    ];
    expect(words(twoRuns({ rows, config: bands() }, { rows, config: bands(200) }))).toEqual([['C1', 'Low', '(none)', 'Thresholds changed: minimum net sales none → 200; Profit 480.00 (unchanged)']]);
  });

  it('says both when the thresholds changed and the figure that mattered changed too', () => {
    // A 80 -> 60 (B 35): C2 250 -> 200 (total 950): its share ahead 600/950 = 63.2 %, B. The new 60 % on
    // its old 60 % moves it alone (60 % is not below 60 %): the thresholds, its figures only said.
    // C4 (sales unchanged) has 900/950 = 94.7 % ahead now: within B's 95 % under both, while its old 95 %
    // was C under both: the share moved it, not the thresholds.
    const a60 = cfg({ segmentTypes: [{ ...ABC_80_15_5, segments: [{ name: 'A', share: 60 }, { name: 'B', share: 35 }, { name: 'C', share: 5 }] }] });
    const now = abcBefore.map((r) => (r[0] === 'C2' ? ['C2', '2017-01-05', 200, 20] : r));
    const moves = twoRuns({ rows: abcBefore, config: abc }, { rows: now, config: a60 });
    expect(words(moves)).toEqual([
      ['C2', 'A', 'B', 'Thresholds changed: A share 80 % → 60 %, B share 15 % → 35 %; Sales 250.00 → 200.00, share of sales ahead of it 60 % → 63.2 %'],
      ['C4', 'C', 'B', "Sales 50.00 (unchanged), share of sales ahead of it 95 % → 94.7 %: within B's limit (top 95 % of sales)"],
    ]);
    expect(moves[0].cause).toMatchObject({ kind: 'thresholds', measureToo: false });
    // A 80 -> 70 (B 25) and C2 250 -> 120, C3 -> 50, C4 -> 30 (total 800): C2's share ahead 600/800 = 75 %
    // is within the old 80 %, and its old 60 % within the new 70 %: it takes both to make it B.
    const a70 = cfg({ segmentTypes: [{ ...ABC_80_15_5, segments: [{ name: 'A', share: 70 }, { name: 'B', share: 25 }, { name: 'C', share: 5 }] }] });
    const both = [
      ['C1', '2017-01-05', 600, 60],
      ['C2', '2017-01-05', 120, 12],
      ['C3', '2017-01-05', 50, 5],
      ['C4', '2017-01-05', 30, 3],
    ];
    const needsBoth = twoRuns({ rows: abcBefore, config: abc }, { rows: both, config: a70 });
    expect(words(needsBoth)).toEqual([
      ['C2', 'A', 'B', 'Thresholds changed: A share 80 % → 70 %, B share 15 % → 25 %; its figures changed too: Sales 250.00 → 120.00, share of sales ahead of it 60 % → 75 %'],
    ]);
  });

  it('says when a manual override was set or cleared', () => {
    const withOverride = cfg({ segmentTypes: [ABC_80_15_5], overrides: { 'Sales ABC': { C4: 'A' } } });
    expect(words(twoRuns({ rows: abcBefore, config: abc }, { rows: abcBefore, config: withOverride }))).toEqual([['C4', 'C', 'A', 'Manual override set to A']]);
    expect(words(twoRuns({ rows: abcBefore, config: withOverride }, { rows: abcBefore, config: abc }))).toEqual([['C4', 'A', 'C', 'Manual override A cleared: back to the automatic segment']]);
  });

  it('says when a customer entered or left the window, and when one is new', () => {
    // Calendar year 2017, then 2018. C5 bought in 2017 only, C6 in 2018 only, C7 is new in 2018's data.
    // 2017: C1 600, C2 300, C5 100 (total 1,000): C1 A, C2 A (60 %), C5 B (90 %).
    // 2018: C1 600, C2 300, C6 100 and C7 50 (total 1,050); C5 appears without sales: the last segment, C.
    const rows = [
      ['C1', '2017-03-01', 600, 60],
      ['C2', '2017-03-01', 300, 30],
      ['C5', '2017-03-01', 100, 10],
      ['C1', '2018-03-01', 600, 60],
      ['C2', '2018-03-01', 300, 30],
      ['C6', '2018-03-01', 100, 10],
    ];
    const y2017 = cfg({ window: { kind: 'year', year: 2017, startMonth: 1 }, segmentTypes: [ABC_80_15_5] });
    const y2018 = cfg({ window: { kind: 'year', year: 2018, startMonth: 1 }, segmentTypes: [ABC_80_15_5] });
    const moves = twoRuns({ rows, config: y2017 }, { rows: [...rows, ['C7', '2018-04-01', 50, 5]], config: y2018 });
    // C6 is in the data both times (its 2018 line was outside 2017's window): C before, B now.
    // Counted for the pane: three kinds, one customer each, in the order of their first customer.
    expect(whyCounts(moves, ['Sales ABC'])).toEqual([
      {
        typeName: 'Sales ABC',
        moved: 3,
        causes: [
          { cause: 'Left the window', customers: 1 },
          { cause: 'Entered the window', customers: 1 },
          { cause: 'New customers', customers: 1 },
        ],
      },
    ]);
    expect(words(moves)).toEqual([
      ['C5', 'B', 'C', 'Left the window: no sales in the period now (sales before 100.00)'],
      ['C6', 'C', 'B', "Entered the window: no sales in the previous run's period; sales now 100.00"],
      ['C7', '(new)', 'C', 'New: not in the previous run'],
    ]);
  });

  it('names the band bound a profit crossed', () => {
    const bands = cfg({
      segmentTypes: [{ name: 'Profit band', kind: 'bands', measure: 'profit', bands: [{ name: 'Loss', max: 0 }, { name: 'Low', min: 0, max: 500 }, { name: 'Mid', min: 500, max: 2000 }, { name: 'High', min: 2000 }] }],
    });
    const before = [
      ['C1', '2017-01-05', 4000, 480],
      ['C2', '2017-01-05', 4000, 600],
    ];
    const now = [
      ['C1', '2017-01-05', 4000, 520],
      ['C2', '2017-01-05', 4000, 400],
    ];
    expect(words(twoRuns({ rows: before, config: bands }, { rows: now, config: bands }))).toEqual([
      ['C1', 'Low', 'Mid', "Profit 480.00 → 520.00: reaching Mid's lower bound 500.00"],
      ['C2', 'Mid', 'Low', "Profit 600.00 → 400.00: below Mid's lower bound 500.00"],
    ]);
    // Mid from 500 to 450: C1's 480 is Mid now without a change of its own.
    const lower = cfg({
      segmentTypes: [{ name: 'Profit band', kind: 'bands', measure: 'profit', bands: [{ name: 'Loss', max: 0 }, { name: 'Low', min: 0, max: 450 }, { name: 'Mid', min: 450, max: 2000 }, { name: 'High', min: 2000 }] }],
    });
    expect(words(twoRuns({ rows: before, config: bands }, { rows: before, config: lower }))).toEqual([['C1', 'Low', 'Mid', 'Thresholds changed: Low up to 500.00 → 450.00, Mid from 500.00 → 450.00; Profit 480.00 (unchanged)']]);
  });

  it("names XYZ's CV limit, and the periods with sales for a customer unclassified before", () => {
    // Quarters of 2017, at least 2 with sales. X1: 100 each quarter, CV 0 (X). Then Q4 500: totals 100,
    // 100, 100, 500, mean 200, SD sqrt((3 x 100^2 + 300^2) / 4) = 173.2, CV 0.866 (Y).
    // X2: Q1 100 only (one period: Unclassified; CV of 100, 0, 0, 0 = 43.30 / 25 = 1.732). Then Q2 100 too:
    // mean 50, SD 50, CV 1 (Y, up to 1).
    const xyz = cfg({ window: { kind: 'year', year: 2017, startMonth: 1 }, segmentTypes: [{ name: 'Demand', kind: 'xyz', period: 'quarter', minPeriods: 2 }] });
    const before = [
      ['X1', '2017-02-01', 100, 0],
      ['X1', '2017-05-01', 100, 0],
      ['X1', '2017-08-01', 100, 0],
      ['X1', '2017-11-01', 100, 0],
      ['X2', '2017-02-01', 100, 0],
    ];
    const now = [...before, ['X1', '2017-11-02', 400, 0], ['X2', '2017-05-01', 100, 0]];
    expect(words(twoRuns({ rows: before, config: xyz }, { rows: now, config: xyz }))).toEqual([
      ['X1', 'X', 'Y', "Sales 400.00 → 800.00, CV 0 → 0.866: above X's limit (CV up to 0.5)"],
      ['X2', 'Unclassified', 'Y', 'Sales 100.00 → 200.00, CV 1.732 → 1: classified: 2 or more periods with sales'],
    ]);
  });

  it('names the loyalty level a customer reached or fell below', () => {
    // One point per unit of sales; Bronze from 0, Silver 500, Gold 1,000, levels may go down (demote).
    // L1 800 -> 1,200 points (Silver -> Gold), L2 1,200 -> 600 (Gold -> Silver).
    const loyalty = cfg({ segmentTypes: [{ name: 'Club', kind: 'loyalty', perCurrency: 1, demote: true, levels: [{ name: 'Bronze', minPoints: 0 }, { name: 'Silver', minPoints: 500 }, { name: 'Gold', minPoints: 1000 }] }] });
    const before = [
      ['L1', '2017-01-05', 800, 0],
      ['L2', '2017-01-05', 1200, 0],
    ];
    const now = [
      ['L1', '2017-01-05', 1200, 0],
      ['L2', '2017-01-05', 600, 0],
    ];
    expect(words(twoRuns({ rows: before, config: loyalty }, { rows: now, config: loyalty }))).toEqual([
      ['L1', 'Silver', 'Gold', 'Earned 800 → 1,200: reaching Gold (from 1,000 points)'],
      ['L2', 'Gold', 'Silver', 'Earned 1,200 → 600: below Gold (from 1,000 points)'],
    ]);
  });

  it('orders the causes: an override before the window, the window before a threshold change', () => {
    const rows = [
      ['C1', '2017-03-01', 600, 60],
      ['C2', '2017-03-01', 300, 30],
      ['C5', '2017-03-01', 100, 10],
      ['C1', '2018-03-01', 600, 60],
      ['C2', '2018-03-01', 300, 30],
      ['C5', '2018-03-01', 100, 10],
    ];
    const y2017 = cfg({ window: { kind: 'year', year: 2017, startMonth: 1 }, segmentTypes: [ABC_80_15_5] });
    // 2017 -> all dates and A 80 -> 50: C2 (share ahead 60 %) moves to B by the thresholds alone; C5's
    // sales double but it stays B. With C5 left out of 2018 instead, it leaves the window first.
    const all = cfg({ segmentTypes: [{ ...ABC_80_15_5, segments: [{ name: 'A', share: 50 }, { name: 'B', share: 45 }, { name: 'C', share: 5 }] }], overrides: { 'Sales ABC': { C1: 'C' } } });
    const moves = twoRuns({ rows, config: y2017 }, { rows, config: all });
    expect(words(moves)).toEqual([
      ['C1', 'A', 'C', 'Manual override set to C'],
      ['C2', 'A', 'B', 'Thresholds changed: A share 80 % → 50 %, B share 15 % → 45 %; Sales 300.00 → 600.00, share of sales ahead of it 60 % (unchanged)'],
    ]);
    const y2018 = cfg({ window: { kind: 'year', year: 2018, startMonth: 1 }, segmentTypes: [{ ...ABC_80_15_5, segments: [{ name: 'A', share: 50 }, { name: 'B', share: 45 }, { name: 'C', share: 5 }] }] });
    const withoutC5 = rows.slice(0, 5);
    expect(words(twoRuns({ rows, config: y2017 }, { rows: withoutC5, config: y2018 })).find((m) => m[0] === 'C5')).toEqual(['C5', 'B', 'C', 'Left the window: no sales in the period now (sales before 100.00)']);
  });

  it('reads the facts back from the history sheet, and gives what it can from a history without them', () => {
    const now = [
      ['C1', '2017-01-05', 600, 60],
      ['C2', '2017-01-05', 100, 10],
      ['C3', '2017-01-05', 300, 30],
      ['C4', '2017-01-05', 50, 5],
    ];
    const first = run(abcBefore, abc, undefined, '2026-01-01T00:00:00Z');
    const second = run(now, abc, first);
    const [read] = parseHistory(historyValues([first]))!;
    expect(explainMoves(read, second, undefined, abc)).toEqual(explainMoves(first, second, undefined, abc));
    // A sheet written before the facts: segments only. The figures of this run are still given.
    const old = { ...first, facts: undefined };
    const [readOld] = parseHistory(historyValues([old]))!;
    expect(readOld.facts).toBeUndefined();
    expect(words(explainMoves(readOld, second, undefined, abc))).toEqual([
      ['C2', 'A', 'B', "Sales now 100.00, share of sales ahead of it now 85.7 %: past A's limit (top 80 % of sales)"],
      ['C3', 'B', 'A', "Sales now 300.00, share of sales ahead of it now 57.1 %: within A's limit (top 80 % of sales)"],
    ]);
    // The workbook's saved configuration tells the old thresholds, when its hash is the previous run's.
    const moved = cfg({ segmentTypes: [{ ...ABC_80_15_5, segments: [{ name: 'A', share: 50 }, { name: 'B', share: 40 }, { name: 'C', share: 10 }] }] });
    const third = run(abcBefore, moved, first);
    expect(words(explainMoves(readOld, third, abc, moved))[0][3]).toMatch(/^Thresholds changed: A share 80 % → 50 %/);
    expect(words(explainMoves(readOld, third, moved, moved))[0][3]).not.toMatch(/^Thresholds/);
  });
});
