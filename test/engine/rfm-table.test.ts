// The RFM segment table as score cells (rfm-table.ts): carrying the ranges to another number of scores,
// and which cells each segment takes or leaves to Others.
import fc from 'fast-check';
import { parseConfig } from '../../src/engine/config';
import { DEFAULT_RFM_SEGMENTS, type RfmSegmentInput } from '../../src/engine/rfm-schema';
import { namedSegment, othersText, rescaleRange, rescaleRfmSegments, rfmCoverage } from '../../src/engine/rfm-table';

const valid = (segments: RfmSegmentInput[], scores: number) => parseConfig({ version: 1, segmentTypes: [{ name: 'RFM', kind: 'rfm', scores, segments }] });

describe('rescaleRange', () => {
  // Score s of n holds the slice ((s - 1) / n, s / n]; the middles of 3 scores are 1/6, 1/2, 5/6, those of
  // 5 scores 0.1, 0.3, 0.5, 0.7, 0.9. A range takes the new scores whose middle it holds.
  test.each([
    // 5 -> 3
    [[4, 5], 5, 3, [3, 3]], // 0.6..1 holds 5/6 only
    [[5, 5], 5, 3, [3, 3]], // 0.8..1 holds 5/6
    [[1, 2], 5, 3, [1, 1]], // 0..0.4 holds 1/6
    [[3, 4], 5, 3, [2, 2]], // 0.4..0.8 holds 1/2
    [[2, 3], 5, 3, [2, 2]], // 0.2..0.6 holds 1/2
    [[1, 5], 5, 3, [1, 3]], // everything
    [[4, 4], 5, 3, [3, 3]], // 0.6..0.8 holds no middle; its own middle 0.7 lies in score 3 (2/3..1)
    [[2, 2], 5, 3, [1, 1]], // 0.2..0.4 holds none; 0.3 lies in score 1 (0..1/3)
    [[3, 3], 5, 3, [2, 2]], // 0.4..0.6 holds 1/2
    // 3 -> 5
    [[1, 1], 3, 5, [1, 2]], // 0..1/3 holds 0.1, 0.3
    [[2, 2], 3, 5, [3, 3]], // 1/3..2/3 holds 0.5
    [[3, 3], 3, 5, [4, 5]], // 2/3..1 holds 0.7, 0.9
    [[2, 3], 3, 5, [3, 5]],
    // 5 -> 4 (middles 0.125, 0.375, 0.625, 0.875)
    [[3, 3], 5, 4, [2, 2]], // 0.4..0.6 holds none; 0.5 lies in score 2 (0.25..0.5, the top end included)
    [[4, 5], 5, 4, [3, 4]], // 0.6..1 holds 0.625, 0.875
    // 9 -> 2 (middles 0.25, 0.75)
    [[9, 9], 9, 2, [2, 2]], // 8/9..1 holds none; 17/18 lies in score 2
    [[1, 1], 9, 2, [1, 1]],
  ] as const)('%j of %i scores read with %i is %j', (range, from, to, expected) => {
    expect(rescaleRange(range, from, to)).toEqual(expected);
  });
});

describe('rescaleRfmSegments', () => {
  test('the default 5-score table becomes the usual 3 x 3 map; Promising and Lost are left with no cell', () => {
    // Worked by hand with rescaleRange (above): R 5 -> 3, R 3-4 -> 2, R 4-5 -> 3, R 4 -> 3, R 3 -> 2,
    // R 1-2 -> 1, R 2 -> 1, R 1 -> 1; F alike.
    const three = rescaleRfmSegments(DEFAULT_RFM_SEGMENTS, 5, 3);
    expect(three).toEqual([
      { name: 'Champions', r: [3, 3], f: [3, 3] },
      { name: 'Loyal', r: [2, 2], f: [3, 3] },
      { name: 'Potential loyalist', r: [3, 3], f: [2, 2] },
      { name: 'New', r: [3, 3], f: [1, 1] },
      { name: 'Promising', r: [3, 3], f: [1, 1] },
      { name: 'Need attention', r: [2, 2], f: [2, 2] },
      { name: 'About to sleep', r: [2, 2], f: [1, 1] },
      { name: 'At risk', r: [1, 1], f: [2, 2] },
      { name: "Can't lose them", r: [1, 1], f: [3, 3] },
      { name: 'Hibernating', r: [1, 1], f: [1, 1] },
      { name: 'Lost', r: [1, 1], f: [1, 1] },
    ]);
    expect(valid(three, 3).ok).toBe(true);
    // 9 R x F cells x 3 M scores each; New takes R 3 F 1 before Promising, Hibernating R 1 F 1 before Lost.
    const c = rfmCoverage(three, 3);
    expect(c.cells).toEqual([3, 3, 3, 3, 0, 3, 3, 3, 3, 3, 0]);
    expect(c.others).toEqual([]);
  });

  test('a table written for another number of scores is left as it is: 3 -> 5 makes the default table valid again', () => {
    // The default table under `scores: 3` (a file written by hand): R 5, F 4-5 ... run past 3.
    expect(valid([...DEFAULT_RFM_SEGMENTS], 3).ok).toBe(false);
    expect(rescaleRfmSegments(DEFAULT_RFM_SEGMENTS, 3, 5)).toEqual(DEFAULT_RFM_SEGMENTS);
    expect(
      rescaleRfmSegments(
        [
          { name: 'A', r: [1, 1] },
          { name: 'B', f: [2, 4] },
        ],
        3,
        5,
      ),
    ).toEqual([
      { name: 'A', r: [1, 1] },
      { name: 'B', f: [2, 4] },
    ]);
  });

  test('3 -> 5 widens each score to the scores whose middle it holds', () => {
    const segments = [
      { name: 'Best', r: [3, 3], f: [2, 3] },
      { name: 'Rest', m: [1, 2] },
    ] satisfies RfmSegmentInput[];
    expect(rescaleRfmSegments(segments, 3, 5)).toEqual([
      { name: 'Best', r: [4, 5], f: [3, 5] },
      { name: 'Rest', m: [1, 3] }, // 0..2/3 holds 0.1, 0.3, 0.5
    ]);
  });

  test('keeps colours and visit frequencies, and leaves a range that was already wrong as it is', () => {
    const segments = [{ name: 'A', r: [4, 2] as [number, number], f: [4, 5] as [number, number], color: '#ff0000', visitEveryDays: 30 }];
    expect(rescaleRfmSegments(segments, 5, 3)).toEqual([{ name: 'A', r: [4, 2], f: [3, 3], color: '#ff0000', visitEveryDays: 30 }]);
  });

  const scores = fc.integer({ min: 2, max: 9 });
  const table = (n: number) =>
    fc.array(
      fc.record(
        {
          name: fc.constant(''),
          r: fc.tuple(fc.integer({ min: 1, max: n }), fc.integer({ min: 1, max: n })).map(([a, b]): [number, number] => [Math.min(a, b), Math.max(a, b)]),
          f: fc.tuple(fc.integer({ min: 1, max: n }), fc.integer({ min: 1, max: n })).map(([a, b]): [number, number] => [Math.min(a, b), Math.max(a, b)]),
          m: fc.tuple(fc.integer({ min: 1, max: n }), fc.integer({ min: 1, max: n })).map(([a, b]): [number, number] => [Math.min(a, b), Math.max(a, b)]),
        },
        { requiredKeys: ['name'] },
      ),
      { minLength: 1, maxLength: 8 },
    );
  const named = (segments: RfmSegmentInput[]) => segments.map((s, i) => ({ ...s, name: `S${i}` }));

  test('property: any valid table carried to any number of scores passes the schema', () => {
    fc.assert(
      fc.property(
        scores.chain((from) => fc.tuple(fc.constant(from), table(from).map(named), scores)),
        ([from, segments, to]) => {
          expect(valid(segments, from).ok).toBe(true);
          const r = valid(rescaleRfmSegments(segments, from, to), to);
          expect(r.ok ? [] : r.issues).toEqual([]);
        },
      ),
    );
  });

  test('property: the same number of scores gives the same table', () => {
    fc.assert(
      fc.property(
        scores.chain((n) => fc.tuple(fc.constant(n), table(n).map(named))),
        ([n, segments]) => {
          expect(rescaleRfmSegments(segments, n, n)).toEqual(segments);
          for (const k of ['r', 'f', 'm'] as const) for (const s of segments) if (s[k]) expect(rescaleRange(s[k], n, n)).toEqual(s[k]);
        },
      ),
    );
  });

  test('property: nothing newly falls to Others (a new cell lies in one old cell, and is named as it was)', () => {
    // New score t has its middle in old score ceil((2t - 1) x from / (2 to)): the new cell of those scores
    // is taken by the segment that took the old cell, or by one above it.
    fc.assert(
      fc.property(
        scores.chain((from) => fc.tuple(fc.constant(from), table(from).map(named), scores)),
        ([from, segments, to]) => {
          const next = rescaleRfmSegments(segments, from, to);
          const old = (t: number) => Math.ceil(((2 * t - 1) * from) / (2 * to));
          for (let r = 1; r <= to; r++)
            for (let f = 1; f <= to; f++)
              for (let m = 1; m <= to; m++) {
                const before = namedSegment(old(r), old(f), old(m), segments);
                expect(namedSegment(r, f, m, next)).toBeLessThanOrEqual(before);
              }
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('rfmCoverage', () => {
  test('the default table takes the whole 5 x 5 x 5 grid: no cell falls to Others', () => {
    const c = rfmCoverage(DEFAULT_RFM_SEGMENTS, 5);
    // Champions R 5 x F 4-5 = 2 R x F cells x 5 M scores = 10; Loyal R 3-4 x F 4-5 = 4 x 5 = 20; ...
    expect(c.cells).toEqual([10, 20, 20, 5, 5, 5, 10, 20, 10, 10, 10]);
    expect(c.cells.reduce((a, b) => a + b, 0)).toBe(125);
    expect(c.others).toEqual([]);
  });

  test('a hole and a segment hidden by the ones above, by hand on 3 scores', () => {
    const segments: RfmSegmentInput[] = [
      { name: 'Top', r: [3, 3] }, // 1 R x 3 F x 3 M = 9 cells
      { name: 'Mid', r: [2, 2], m: [2, 3] }, // R 2, any F, M 2-3: 6 cells
      { name: 'Hidden', r: [3, 3], f: [1, 1] }, // inside Top: none
      { name: 'Low', r: [1, 1], f: [1, 2] }, // 6 cells
    ];
    const c = rfmCoverage(segments, 3);
    expect(c.cells).toEqual([9, 6, 0, 6]);
    // Left: R 2 with M 1 (F 1, 2, 3) and R 1 F 3 (every M): 3 + 3 = 6 of 27.
    expect(c.others).toEqual([
      { r: 1, f: 3, m: [1, 2, 3] },
      { r: 2, f: 1, m: [1] },
      { r: 2, f: 2, m: [1] },
      { r: 2, f: 3, m: [1] },
    ]);
    expect(othersText(c.others, 3)).toBe('R 1 F 3, R 2 F 1 (M 1), R 2 F 2 (M 1), R 2 F 3 (M 1)');
    expect(othersText(c.others, 3, 2)).toBe('R 1 F 3, R 2 F 1 (M 1) and 2 more');
    expect(othersText([{ r: 1, f: 1, m: [1, 2, 4] }], 5)).toBe('R 1 F 1 (M 1-2, 4)');
  });
});

describe('schema messages', () => {
  test('each bound is checked on its own, at the path of its box', () => {
    const r = valid(
      [
        { name: 'A', r: [3, 2] },
        { name: 'B', f: [0, 4] },
      ],
      3,
    );
    expect(r.ok ? [] : r.issues.map((i) => `${i.where}: ${i.message}`)).toEqual([
      'segmentTypes[0].segments[0].r[0]: no R score is from 3 to 2: "from" must not be above "to"',
      'segmentTypes[0].segments[1].f[0]: F scores run from 1 to 3, not 0 (the default segment table is written for 5 scores)',
      'segmentTypes[0].segments[1].f[1]: F scores run from 1 to 3, not 4 (the default segment table is written for 5 scores)',
    ]);
  });
});
