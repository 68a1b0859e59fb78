// The migration matrix (SEMANTICS.md section 9): counted from previous segments coded once, so a
// preview can recount it on every threshold drag; checked against a plain count written here.
import fc from 'fast-check';
import { GONE_CUSTOMER, migration, migrationFrom, NEW_CUSTOMER, NONE, previousSegmentCodes, type Migration, type Snapshot } from '../../src/engine/history';
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
