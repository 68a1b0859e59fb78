// Why each customer moved, on Superstore and on random small tables: every customer off the migration
// matrix's diagonal has exactly one cause, so the causes add up to the matrix's off-diagonal total.
import fc from 'fast-check';
import type { Config, ConfigInput } from '../../src/engine/config';
import { migration, takeSnapshot, type Migration, type Snapshot } from '../../src/engine/history';
import type { EngineResult } from '../../src/engine/result';
import { classifyAll, prepare } from '../../src/engine/run';
import type { Cell, SourceTable } from '../../src/engine/types';
import { describeCause, explainMoves, type Cause, type Move } from '../../src/engine/why';
import { historyValues, parseHistory } from '../../src/plan/history-sheet';
import { comparedTypes, whyCounts } from '../../src/plan/why';
import { ABC_80_15_5, config, superstoreTable, table } from '../support/tables';

const COLUMNS = { customer: 'Customer ID', customerName: 'Customer Name', date: 'Order Date', amount: 'Sales', profit: 'Profit', order: 'Order ID' };

function run(source: SourceTable, cfg: Config, previous?: Snapshot): { result: EngineResult; snapshot: Snapshot } {
  const p = prepare(source, cfg, previous ? { segments: previous.segments } : undefined);
  const result = classifyAll(p);
  expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
  return { result, snapshot: takeSnapshot(result, p.ingested.lines, previous ? '2026-02-01T00:00:00Z' : '2026-01-01T00:00:00Z') };
}

/** The matrix's cells whose row and column are not the same label: (new) and (gone) count as labels. */
const offDiagonal = (m: Migration) => m.counts.reduce((sum, row, i) => sum + row.reduce((s, n, j) => s + (m.from[i] === m.to[j] ? 0 : n), 0), 0);

/** Per segment type: the moves, each customer once, and as many as the matrix has off its diagonal. */
function checkAgainstMatrix(moves: Move[], result: EngineResult, previous: Snapshot): Map<string, Record<Cause['kind'], number>> {
  const counts = new Map<string, Record<Cause['kind'], number>>();
  for (const t of result.types) {
    if (!previous.segments[t.type.name]) continue;
    const mine = moves.filter((m) => m.typeName === t.type.name);
    expect(new Set(mine.map((m) => m.customer)).size).toBe(mine.length);
    const mg = migration(previous, t, result.customers.ids);
    const byKind = { new: 0, gone: 0, override: 0, window: 0, thresholds: 0, measure: 0 };
    for (const m of mine) {
      byKind[m.cause.kind]++;
      expect(describeCause(m.cause)).not.toBe('');
      // The move's labels are a cell of the matrix that counts it.
      expect(mg.counts[mg.from.indexOf(m.from)][mg.to.indexOf(m.to)]).toBeGreaterThan(0);
    }
    expect(Object.values(byKind).reduce((a, b) => a + b, 0)).toBe(offDiagonal(mg));
    counts.set(t.type.name, byKind);
  }
  return counts;
}

const cfg = (partial: Partial<ConfigInput>) => config({ columns: COLUMNS, ...partial });

describe('why each customer moved, on Superstore', () => {
  const source = superstoreTable();
  const xyz = { name: 'Demand', kind: 'xyz' as const, period: 'quarter' as const, minPeriods: 2 };
  const bands = (mid: number) => ({ name: 'Profit band', kind: 'bands' as const, measure: 'profit' as const, bands: [{ name: 'Loss', max: 0 }, { name: 'Low', min: 0, max: mid }, { name: 'Mid', min: mid, max: 2000 }, { name: 'High', min: 2000 }] });
  const before = cfg({ window: { kind: 'year', year: 2016, startMonth: 1 }, segmentTypes: [ABC_80_15_5, bands(500), xyz, { name: 'RFM', kind: 'rfm' }] });
  const after = cfg({
    window: { kind: 'year', year: 2017, startMonth: 1 },
    segmentTypes: [{ ...ABC_80_15_5, segments: [{ name: 'A', share: 70 }, { name: 'B', share: 20 }, { name: 'C', share: 10 }] }, bands(400), { ...xyz, segments: [{ name: 'X', maxCv: 0.6 }, { name: 'Y', maxCv: 1 }, { name: 'Z' }] }, { name: 'RFM', kind: 'rfm' }],
    overrides: { 'Sales ABC': { 'AA-10315': 'A', 'AA-10375': 'B' } },
  });
  const first = run(source, before);
  const second = run(source, after, first.snapshot);
  const moves = explainMoves(first.snapshot, second.snapshot, before, after);

  it('gives every moved customer exactly one cause, adding up to the migration matrix', () => {
    const counts = checkAgainstMatrix(moves, second.result, first.snapshot);
    const abc = counts.get('Sales ABC')!;
    // A year later with other shares: some customers stopped or started buying, the thresholds moved many,
    // and the two overrides (both customers bought in 2016 and 2017) are the overrides' moves, if any.
    expect(abc.window).toBeGreaterThan(0);
    expect(abc.thresholds).toBeGreaterThan(0);
    expect(abc.measure).toBeGreaterThan(0);
    // Each override either moved its customer (and is the cause) or confirmed the segment it had.
    let overridden = 0;
    for (const [id, segment] of Object.entries({ 'AA-10315': 'A', 'AA-10375': 'B' })) {
      const move = moves.find((m) => m.typeName === 'Sales ABC' && m.customer === id);
      if (first.snapshot.segments['Sales ABC'][id] === segment) expect(move).toBeUndefined();
      else {
        expect(move?.cause).toEqual({ kind: 'override', action: 'set', now: segment });
        overridden++;
      }
    }
    expect(abc.override).toBe(overridden);
    // No customer is new or gone: the previous run's customers are still listed, and every 2017 buyer was in the data.
    expect(abc.new + abc.gone).toBe(0);
    expect(counts.get('RFM')!.thresholds).toBe(0);
  });

  it('says each cause with the figures of both runs', () => {
    for (const m of moves.filter((x) => x.typeName === 'Sales ABC')) {
      const text = describeCause(m.cause);
      if (m.cause.kind === 'window') expect(text).toMatch(m.cause.action === 'left' ? /^Left the window: no sales in the period now \(sales before [\d,]+\.\d\d\)$/ : /^Entered the window: .*; sales now [\d,]+\.\d\d$/);
      if (m.cause.kind === 'thresholds') expect(text).toMatch(/^Thresholds changed: A share 80 % → 70 %, B share 15 % → 20 %, C share 5 % → 10 %; /);
      if (m.cause.kind === 'measure') expect(text).toMatch(/^Sales [\d,.]+ (→ [\d,.]+|\(unchanged\)), share of sales ahead of it [\d.]+\+? % (→ [\d.]+\+? %|\(unchanged\)): (past|within) [ABC]'s limit \(top \d+ % of sales\)$/);
    }
  });

  it("counts the moves by cause for the pane, adding up to each type's causes and its migration", () => {
    const counts = checkAgainstMatrix(moves, second.result, first.snapshot);
    const summed = whyCounts(moves, comparedTypes(second.result, first.snapshot));
    expect(summed.map((t) => t.typeName)).toEqual(['Sales ABC', 'Profit band', 'Demand', 'RFM']);
    for (const t of summed) {
      const byKind = counts.get(t.typeName)!;
      const of = (cause: string) => t.causes.find((c) => c.cause === cause)?.customers ?? 0;
      expect(t.moved).toBe(moves.filter((m) => m.typeName === t.typeName).length);
      expect(t.causes.reduce((a, c) => a + c.customers, 0)).toBe(t.moved);
      expect(of('Entered the window') + of('Left the window')).toBe(byKind.window);
      expect([of('New customers'), of('Gone since the last run'), of('Manual overrides'), of('Thresholds changed')]).toEqual([byKind.new, byKind.gone, byKind.override, byKind.thresholds]);
      expect(t.causes.filter((c) => c.cause.startsWith('Own figures changed (')).reduce((a, c) => a + c.customers, 0)).toBe(byKind.measure);
      // The most frequent first.
      expect(t.causes.map((c) => c.customers)).toEqual(t.causes.map((c) => c.customers).sort((a, b) => b - a));
    }
  });

  it('reads the same causes back from the written history sheet', () => {
    const [read] = parseHistory(historyValues([first.snapshot]))!;
    expect(explainMoves(read, second.snapshot, undefined, after)).toEqual(moves);
  });
});

describe('why each customer moved, on random small tables', () => {
  const customers = ['C1', 'C2', 'C3', 'C4', 'C5', 'C6'];
  const line = fc.tuple(fc.constantFrom(...customers), fc.integer({ min: 2016, max: 2017 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: -50, max: 900 }), fc.integer({ min: -200, max: 300 }));
  const shares = fc.constantFrom([80, 15, 5], [70, 20, 10], [50, 30, 20], [90, 5, 5]);
  const setup = fc.record({
    rows: fc.array(line, { minLength: 1, maxLength: 30 }),
    later: fc.array(line, { maxLength: 10 }),
    windows: fc.tuple(fc.constantFrom<'all' | 2016 | 2017>('all', 2016, 2017), fc.constantFrom<'all' | 2016 | 2017>('all', 2016, 2017)),
    shares: fc.tuple(shares, shares),
    mids: fc.tuple(fc.constantFrom(100, 200, 300), fc.constantFrom(100, 200, 300)),
    overrides: fc.tuple(fc.dictionary(fc.constantFrom(...customers), fc.constantFrom('A', 'B', 'C'), { maxKeys: 2 }), fc.dictionary(fc.constantFrom(...customers), fc.constantFrom('A', 'B', 'C'), { maxKeys: 2 })),
  });
  const toRows = (lines: [string, number, number, number, number][]): Cell[][] => lines.map(([c, y, m, s, p]) => [c, `${y}-${String(m).padStart(2, '0')}-15`, s, p]);
  const configOf = (window: 'all' | 2016 | 2017, [a, b, c]: readonly number[], mid: number, overrides: Record<string, string>) =>
    config({
      columns: { customer: 'Customer', date: 'Date', amount: 'Sales', profit: 'Profit' },
      window: window === 'all' ? { kind: 'all' } : { kind: 'year', year: window, startMonth: 1 },
      segmentTypes: [
        { ...ABC_80_15_5, segments: [{ name: 'A', share: a }, { name: 'B', share: b }, { name: 'C', share: c }] },
        { name: 'Profit band', kind: 'bands', measure: 'profit', bands: [{ name: 'Loss', max: 0 }, { name: 'Low', min: 0, max: mid }, { name: 'High', min: mid }] },
      ],
      overrides: { 'Sales ABC': overrides },
    });

  it('has one cause per customer off the diagonal, whatever changed between the runs', () => {
    fc.assert(
      fc.property(setup, (s) => {
        const header = ['Customer', 'Date', 'Sales', 'Profit'];
        const c1 = configOf(s.windows[0], s.shares[0], s.mids[0], s.overrides[0]);
        const c2 = configOf(s.windows[1], s.shares[1], s.mids[1], s.overrides[1]);
        const first = run(table(header, toRows(s.rows)), c1);
        const second = run(table(header, toRows([...s.rows, ...s.later])), c2, first.snapshot);
        const moves = explainMoves(first.snapshot, second.snapshot, c1, c2);
        checkAgainstMatrix(moves, second.result, first.snapshot);
        // Without a change of configuration or data, nobody moves.
        const again = run(table(header, toRows(s.rows)), c1, first.snapshot);
        expect(explainMoves(first.snapshot, again.snapshot, c1, c1)).toEqual([]);
        // With the facts read back from the sheet, the same causes.
        const [read] = parseHistory(historyValues([first.snapshot]))!;
        expect(explainMoves(read, second.snapshot, undefined, c2)).toEqual(moves);
      }),
      { numRuns: 150 },
    );
  });
});
