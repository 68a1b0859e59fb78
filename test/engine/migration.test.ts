// The migration matrix (SEMANTICS.md section 9): counted from previous segments coded once, so a
// preview can recount it on every threshold drag; checked against a plain count written here.
import fc from 'fast-check';
import { countsByRun, GONE_CUSTOMER, migration, migrationFrom, NEW_CUSTOMER, NONE, previousSegmentCodes, type Migration, type Snapshot } from '../../src/engine/history';
import type { TypeResult } from '../../src/engine/result';

/** A segment type result with these segment names and final segments (-1: none). */
function typeResult(names: string[], final: number[]): TypeResult {
  return {
    type: { name: 'Tier' } as TypeResult['type'],
    segments: names.map((name) => ({ name })) as TypeResult['segments'],
    measureName: 'sales',
    measure: new Float64Array(final.length),
    auto: Int32Array.from(final),
    final: Int32Array.from(final),
    extraColumns: [],
    summary: [],
    issues: [],
  };
}

const snapshot = (segments: Record<string, string>): Snapshot => ({ time: '2026-01-01T00:00:00Z', configHash: '', dataFingerprint: '', segments: { Tier: segments } });

/** The matrix counted the plain way: each customer looked up by id, each label found by name. */
function reference(previous: Record<string, string>, names: string[], final: number[], ids: string[]): Migration {
  const prevNames = [...new Set(Object.values(previous).filter((s) => s !== ''))];
  const from = [...names.filter((n) => prevNames.includes(n)), ...prevNames.filter((n) => !names.includes(n)).sort(), NONE, NEW_CUSTOMER];
  const to = [...names, NONE, GONE_CUSTOMER];
  const counts = from.map(() => to.map(() => 0));
  const label = (s: string | undefined, none: string, absent: string) => (s === undefined ? absent : s === '' ? none : s);
  let moved = 0;
  ids.forEach((id, c) => {
    const now = final[c] >= 0 ? names[final[c]] : '';
    const was = Object.prototype.hasOwnProperty.call(previous, id) ? previous[id] : undefined;
    counts[from.indexOf(label(was, NONE, NEW_CUSTOMER))][to.indexOf(label(now, NONE, NONE))]++;
    if (was !== undefined && was !== now) moved++;
  });
  for (const [id, was] of Object.entries(previous)) {
    if (ids.includes(id)) continue;
    counts[from.indexOf(label(was, NONE, NEW_CUSTOMER))][to.length - 1]++;
    moved++;
  }
  return { typeName: 'Tier', from, to, counts, moved };
}

describe('migration', () => {
  it('counts a hand-made run', () => {
    // Before: c1 A, c2 B, c3 none, c4 A (gone now), c5 Old (a segment renamed since).
    // Now: c1 A (stays), c2 A (moved up), c3 B (moved from none), c5 B (moved), c6 C (new).
    const previous = { c1: 'A', c2: 'B', c3: '', c4: 'A', c5: 'Old' };
    const t = typeResult(['A', 'B', 'C'], [0, 0, 1, 1, 2]);
    const m = migration(snapshot(previous), t, ['c1', 'c2', 'c3', 'c5', 'c6']);
    expect(m.from).toEqual(['A', 'B', 'Old', NONE, NEW_CUSTOMER]);
    expect(m.to).toEqual(['A', 'B', 'C', NONE, GONE_CUSTOMER]);
    expect(m.counts).toEqual([
      [1, 0, 0, 0, 1], // A: c1 stays, c4 gone
      [1, 0, 0, 0, 0], // B: c2 to A
      [0, 1, 0, 0, 0], // Old: c5 to B
      [0, 1, 0, 0, 0], // none: c3 to B
      [0, 0, 1, 0, 0], // new: c6 to C
    ]);
    // c2, c3, c4 (gone), c5 moved; c1 stayed; c6 is new, not moved.
    expect(m.moved).toBe(4);
  });

  it('a customer id that is also an object property (constructor) is a customer like any other', () => {
    // No previous segment at all: rows (none) and (new); the customer is new, in A.
    const m = migration(snapshot({}), typeResult(['A'], [0]), ['constructor']);
    expect(m.from).toEqual([NONE, NEW_CUSTOMER]);
    expect(m.counts).toEqual([
      [0, 0, 0],
      [1, 0, 0],
    ]);
    expect(m.moved).toBe(0);
  });

  it('coded once, recounted for any final segments: the same as the plain count', () => {
    const names = ['A', 'B', 'C'];
    const segment = fc.constantFrom('A', 'B', 'C', 'Old', '');
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom('c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8'), segment),
        fc.uniqueArray(fc.constantFrom('c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8', 'c9'), { maxLength: 9 }),
        fc.array(fc.integer({ min: -1, max: 2 }), { minLength: 9, maxLength: 9 }),
        fc.array(fc.integer({ min: -1, max: 2 }), { minLength: 9, maxLength: 9 }),
        (previous, ids, first, second) => {
          const coded = previousSegmentCodes(snapshot(previous), 'Tier', ids);
          for (const finals of [first, second]) {
            const final = finals.slice(0, ids.length);
            expect(migrationFrom(coded, typeResult(names, final))).toEqual(reference(previous, names, final, ids));
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('countsByRun: segment migration over time', () => {
  const at = (time: string, segments: Record<string, Record<string, string>>): Snapshot => ({ time, configHash: '', dataFingerprint: '', segments });

  it('counts each run that had the type, with the segments only earlier runs used and (none)', () => {
    // November: C1 A, C2 Gold (a segment renamed since), C9 C. December 1: a run without Tier. December 15:
    // C1 and C2 A, C3 none. January: C1 A, C2 B, C3 C.
    const runs = [
      at('2025-11-01T09:00:00Z', { Tier: { C1: 'A', C2: 'Gold', C9: 'C' } }),
      at('2025-12-01T09:00:00Z', { Other: { C1: 'X' } }),
      at('2025-12-15T09:00:00Z', { Tier: { C1: 'A', C2: 'A', C3: '' } }),
      at('2026-01-01T09:00:00Z', { Tier: { C1: 'A', C2: 'B', C3: 'C' } }),
    ];
    expect(countsByRun(runs, 'Tier', ['A', 'B', 'C'])).toEqual({
      names: ['A', 'B', 'C', 'Gold', NONE],
      runs: [
        { time: '2025-11-01T09:00:00Z', counts: [1, 0, 1, 1, 0] },
        { time: '2025-12-15T09:00:00Z', counts: [2, 0, 0, 0, 1] },
        { time: '2026-01-01T09:00:00Z', counts: [1, 1, 1, 0, 0] },
      ],
    });
  });

  it("adds up to each run's customers, on random runs", () => {
    const segment = fc.constantFrom('', 'A', 'B', 'C', 'Old', 'constructor');
    const run = fc.dictionary(fc.constantFrom('C1', 'C2', 'C3', 'C4', 'toString', '__proto__'), segment);
    fc.assert(
      fc.property(fc.array(fc.option(run, { nil: undefined }), { maxLength: 6 }), (given) => {
        const runs = given.map((segments, i) => at(`2026-01-0${i + 1}T00:00:00Z`, segments ? { Tier: segments } : {}));
        const counted = countsByRun(runs, 'Tier', ['A', 'B', 'C']);
        expect(counted.names.slice(0, 3)).toEqual(['A', 'B', 'C']);
        expect(counted.names.at(-1)).toBe(NONE);
        expect(counted.runs.map((r) => r.time)).toEqual(runs.filter((r) => r.segments.Tier).map((r) => r.time));
        counted.runs.forEach((r, k) => {
          const segments = Object.values(runs.filter((x) => x.segments.Tier)[k].segments.Tier);
          expect(r.counts.reduce((a, b) => a + b, 0)).toBe(segments.length);
          counted.names.forEach((n, i) => expect(r.counts[i]).toBe(segments.filter((s) => (n === NONE ? s === '' : s === n)).length));
        });
      }),
      { numRuns: 300 },
    );
  });
});
