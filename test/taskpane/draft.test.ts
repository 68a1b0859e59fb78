/**
 * @jest-environment node
 */
import fc from 'fast-check';
import { defaultConfig } from '../../src/engine/config';
import type { AbcType } from '../../src/engine/abc-schema';
import { editBand } from '../../src/taskpane/state/bands';
import { draftReducer, freeName, initialDraft } from '../../src/taskpane/state/draft';
import { moveThreshold, removeSegment, setExcluded, setShare, thresholds } from '../../src/taskpane/state/thresholds';
import { checkDraft, issuesAt, issuesUnder } from '../../src/taskpane/state/validation';
import { prepareKey } from '../../src/taskpane/state/useSource';
import { EDITORS } from '../../src/taskpane/components/editors/registry';

const abc = (shares: number[], exclude: number[] = []): AbcType => ({
  name: 'T',
  kind: 'abc',
  measure: 'sales',
  boundary: 'upper',
  segments: shares.map((share, i) => ({ name: String.fromCharCode(65 + i), share, exclude: exclude.includes(i) || undefined })),
});

describe('thresholds', () => {
  it('are the cumulative bounds between ranked segments', () => {
    // 80/15/5: A|B at 80 (can move 0..95), B|C at 95 (80..100).
    expect(thresholds(abc([80, 15, 5]))).toEqual([
      { upper: 0, lower: 1, at: 80, min: 0, max: 95 },
      { upper: 1, lower: 2, at: 95, min: 80, max: 100 },
    ]);
  });

  it('skip excluded segments: VIP (excluded) between A and B does not get a line', () => {
    expect(thresholds(abc([80, 0, 20], [1]))).toEqual([{ upper: 0, lower: 2, at: 80, min: 0, max: 100 }]);
  });

  it('skip a default segment without a share, as the engine does not rank it (SEMANTICS.md 3.7)', () => {
    // A 80, New (default, no share) between, B 20: one line, A|B at 80, movable 0..100.
    const t = abc([80, 0, 20]);
    t.segments[1] = { name: 'New', default: true };
    expect(thresholds(t)).toEqual([{ upper: 0, lower: 2, at: 80, min: 0, max: 100 }]);
    expect(moveThreshold(t, 0, 70).segments.map((s) => s.share)).toEqual([70, undefined, 30]);
  });

  it('moving A|B from 80 to 70 gives B the 10 points: 70/25/5', () => {
    expect(moveThreshold(abc([80, 15, 5]), 0, 70).segments.map((s) => s.share)).toEqual([70, 25, 5]);
  });

  it('stops at the neighbouring line instead of emptying past it', () => {
    // B|C cannot go below A|B (80): asking for 60 gives 80, so B is empty (0) and C has 20.
    expect(moveThreshold(abc([80, 15, 5]), 1, 60).segments.map((s) => s.share)).toEqual([80, 0, 20]);
  });

  it('keeps the shares adding up to 100 wherever a line is dragged', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 1 }), fc.double({ min: -50, max: 150, noNaN: true }), (a, which, to) => {
        const start = abc([a, (100 - a) / 2, (100 - a) / 2]);
        const sum = moveThreshold(start, which, to).segments.reduce((s, x) => s + (x.share ?? 0), 0);
        expect(Math.abs(sum - 100)).toBeLessThan(0.02);
      }),
    );
  });
});

describe('a share set in the editor', () => {
  const shares = (t: AbcType) => t.segments.map((s) => s.share);
  const set = (start: number[], i: number, to: number, exclude: number[] = []) => setShare(abc(start, exclude).segments, i, to).map((s) => s.share);

  it('A from 80 to 70 gives the 10 points to B, as dragging the A|B line does: 70/25/5', () => {
    expect(set([80, 15, 5], 0, 70)).toEqual(shares(moveThreshold(abc([80, 15, 5]), 0, 70)));
    expect(set([80, 15, 5], 0, 70)).toEqual([70, 25, 5]);
  });

  it("A from 80 to 90 takes B's 15 down to 5; to 99 it empties B and takes 4 of C's 5", () => {
    expect(set([80, 15, 5], 0, 90)).toEqual([90, 5, 5]);
    expect(set([80, 15, 5], 0, 99)).toEqual([99, 0, 1]);
  });

  it('B takes from C first, then from A above it: B 15 -> 25 leaves C 0 and A 75', () => {
    expect(set([80, 15, 5], 1, 25)).toEqual([75, 25, 0]);
  });

  it('the last segment gives and takes with the one above it: C 5 -> 10 makes B 10', () => {
    expect(set([80, 15, 5], 2, 10)).toEqual([80, 10, 10]);
  });

  it('an excluded segment (VIP, manual only) neither gives nor takes', () => {
    // A 80, VIP excluded (its 7 does not count), B 20: A to 70 gives B the 10.
    expect(set([80, 7, 20], 0, 70, [1])).toEqual([70, 7, 30]);
  });

  it('shares that do not add up to 100 are set alone, so typing can repair the sum', () => {
    // 70 + 15 + 5 = 90: C to 15 makes 100, the others stay.
    expect(set([70, 15, 5], 2, 15)).toEqual([70, 15, 15]);
  });

  it('keeps the total at 100, every share within 0..100, and the changed one where asked when the others can give it', () => {
    const start = fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 2, maxLength: 6 }).map((xs) => {
      // Integer shares adding up to 100: the last one takes the rest, the others are cut to fit.
      let left = 100;
      const out = xs.slice(0, -1).map((x) => {
        const s = Math.min(x, left);
        left -= s;
        return s;
      });
      return [...out, left];
    });
    fc.assert(
      fc.property(start, fc.nat(), fc.double({ min: -20, max: 120, noNaN: true }), (start, pick, to) => {
        const i = pick % start.length;
        const next = set(start, i, to) as number[];
        expect(Math.abs(next.reduce((a, b) => a + b, 0) - 100)).toBeLessThan(1e-6);
        for (const x of next) expect(x >= 0 && x <= 100).toBe(true);
        expect(next[i]).toBeCloseTo(Math.min(100, Math.max(0, Math.round(to * 100) / 100)), 6);
      }),
    );
  });

  it('excluding a segment hands its share on and leaves it 0; including it again keeps the total at 100', () => {
    const excluded = setExcluded(abc([80, 15, 5]).segments, 1, true);
    expect(excluded.map((s) => [s.name, s.share, s.exclude === true])).toEqual([['A', 80, false], ['B', 0, true], ['C', 20, false]]);
    const included = setExcluded(excluded, 1, false);
    expect(included.map((s) => [s.share, s.exclude === true])).toEqual([[80, false], [0, false], [20, false]]);
    // Not adding up to 100 before: only the switch changes.
    expect(setExcluded(abc([70, 15, 5]).segments, 1, true).map((s) => [s.share, s.exclude === true])).toEqual([[70, false], [15, true], [5, false]]);
  });

  it('removing a segment gives its share to the next one (to the one above when it is the last)', () => {
    expect(removeSegment(abc([80, 15, 5]).segments, 1).map((s) => [s.name, s.share])).toEqual([['A', 80], ['C', 20]]);
    expect(removeSegment(abc([80, 15, 5]).segments, 2).map((s) => [s.name, s.share])).toEqual([['A', 80], ['B', 20]]);
    // Not adding up to 100 before: removed alone.
    expect(removeSegment(abc([70, 15, 5]).segments, 2).map((s) => s.share)).toEqual([70, 15]);
  });
});

describe('a band bound edited', () => {
  const scale: { name: string; min?: number; max?: number }[] = [{ name: 'Loss', max: 0 }, { name: 'Low', min: 0, max: 500 }, { name: 'Mid', min: 500, max: 2000 }, { name: 'High', min: 2000 }];
  const bounds = (bs: { min?: number; max?: number }[]) => bs.map((b) => [b.min, b.max]);

  it('moves the neighbour that met it: Mid from 500 to 600 ends Low at 600; Low from 0 to -100 ends Loss there', () => {
    expect(bounds(editBand(scale, 2, { ...scale[2], min: 600 }))).toEqual([[undefined, 0], [0, 600], [600, 2000], [2000, undefined]]);
    expect(bounds(editBand(scale, 1, { ...scale[1], min: -100 }))).toEqual([[undefined, -100], [-100, 500], [500, 2000], [2000, undefined]]);
  });

  it('leaves the neighbour alone when they did not meet, and when the bound is cleared (an open end)', () => {
    const gap = scale.map((b) => (b.name === 'Mid' ? { ...b, min: 600 } : b));
    expect(bounds(editBand(gap, 1, { ...gap[1], max: 550 }))).toEqual([[undefined, 0], [0, 550], [600, 2000], [2000, undefined]]);
    expect(bounds(editBand(scale, 2, { ...scale[2], min: undefined }))).toEqual([[undefined, 0], [0, 500], [undefined, 2000], [2000, undefined]]);
  });

  it('counts bounds within a billionth as meeting, as the bands themselves do', () => {
    const close = scale.map((b) => (b.name === 'Mid' ? { ...b, min: 500 + 1e-10 } : b));
    expect(editBand(close, 1, { ...close[1], max: 700 })[2].min).toBe(700);
  });
});

describe('draft reducer', () => {
  const start = initialDraft(defaultConfig());

  it('renaming a segment type carries its manual overrides along', () => {
    const withOverride = { ...start, config: { ...start.config, overrides: { 'Sales ABC': { 'CG-12520': 'C' } } } };
    const d = draftReducer(withOverride, { type: 'renameType', index: 0, name: 'Revenue ABC' });
    expect(d.config.segmentTypes[0].name).toBe('Revenue ABC');
    expect(d.config.overrides).toEqual({ 'Revenue ABC': { 'CG-12520': 'C' } });
  });

  it('moves, removes and keeps the selection on the same segment type', () => {
    let d = draftReducer(start, { type: 'select', index: 1 });
    d = draftReducer(d, { type: 'moveType', index: 1, by: -1 });
    expect(d.config.segmentTypes.map((t) => t.name)).toEqual(['Profit band', 'Sales ABC']);
    expect(d.selected).toBe(0);
    d = draftReducer(d, { type: 'removeType', index: 1 });
    expect(d.config.segmentTypes.map((t) => t.name)).toEqual(['Profit band']);
    expect(d.selected).toBe(0);
  });

  it('maps a column by its header and unmaps it back to detection', () => {
    let d = draftReducer(start, { type: 'setColumn', role: 'amount', header: 'Net' });
    expect(d.config.columns.amount).toBe('Net');
    d = draftReducer(d, { type: 'setColumn', role: 'amount', header: undefined });
    expect('amount' in d.config.columns).toBe(false);
    // Not mapped, even where a header would be detected: null, as a configuration file writes it.
    d = draftReducer(d, { type: 'setColumn', role: 'quantity', header: null });
    expect(d.config.columns.quantity).toBeNull();
  });

  it('sets what is counted; no minimum is no key at all, as in a configuration file', () => {
    let d = draftReducer(start, { type: 'setScope', scope: { window: { kind: 'rolling', months: 12 }, minimumNetSales: 100 } });
    expect(d.config.window).toEqual({ kind: 'rolling', months: 12 });
    expect(d.config.minimumNetSales).toBe(100);
    expect(d.revision).toBe(start.revision + 1);
    d = draftReducer(d, { type: 'setScope', scope: { minimumNetSales: undefined, filters: [{ column: 'Region', in: ['West'] }] } });
    expect('minimumNetSales' in d.config).toBe(false);
    expect(d.config.window).toEqual({ kind: 'rolling', months: 12 });
    expect(d.config.filters).toEqual([{ column: 'Region', in: ['West'] }]);
  });

  it('clearing overrides empties them and remembers it until the next apply', () => {
    const d = draftReducer({ ...start, config: { ...start.config, overrides: { 'Sales ABC': { X: 'A' } } } }, { type: 'clearOverrides' });
    expect(d.config.overrides).toEqual({});
    expect(d.overridesCleared).toBe(true);
    expect(draftReducer(d, { type: 'applied' }).overridesCleared).toBe(false);
  });

  it('bumps the revision on every edit, not on a selection', () => {
    expect(draftReducer(start, { type: 'select', index: 1 }).revision).toBe(start.revision);
    expect(draftReducer(start, { type: 'renameType', index: 0, name: 'X' }).revision).toBe(start.revision + 1);
  });

  it('names new things without clashing', () => {
    expect(freeName('ABC', ['Sales ABC'])).toBe('ABC');
    expect(freeName('ABC', ['abc', 'ABC 2'])).toBe('ABC 3');
  });
});

describe('checkDraft', () => {
  it('reports a gap in the bands at the band where it starts, and keeps the other type usable', () => {
    const config = defaultConfig();
    const bands = config.segmentTypes[1];
    if (bands.kind !== 'bands') throw new Error('the default config changed');
    bands.bands[2] = { ...bands.bands[2], min: 600 };
    const c = checkDraft(config);
    expect(issuesAt(c.issues, 'segmentTypes[1].bands[2].min').map((i) => i.message)).toEqual(['no band covers 500 to 600']);
    expect(issuesUnder(c.issues, 'segmentTypes[0]')).toEqual([]);
    expect(c.config).toBeUndefined();
    expect(c.types[0]?.name).toBe('Sales ABC');
    expect(c.types[1]).toBeUndefined();
    expect(c.usable?.segmentTypes.map((t) => t.name)).toEqual(['Sales ABC']);
  });

  it('says what the shares add up to', () => {
    const c = checkDraft({ ...defaultConfig(), segmentTypes: [abc([70, 15, 5])] });
    expect(issuesAt(c.issues, 'segmentTypes[0].segments').map((i) => i.message)).toEqual(['the shares of the segments add up to 90, not 100']);
  });
});

describe('prepareKey', () => {
  it('ignores thresholds and names (a drag never re-prepares) but not measures or columns', () => {
    const c = defaultConfig();
    const moved = { ...c, segmentTypes: [moveThreshold(c.segmentTypes[0] as AbcType, 0, 70), c.segmentTypes[1]] };
    expect(prepareKey(moved, undefined, false)).toBe(prepareKey(c, undefined, false));
    const byProfit = { ...c, segmentTypes: [{ ...(c.segmentTypes[0] as AbcType), measure: 'profit' as const }, c.segmentTypes[1]] };
    expect(prepareKey(byProfit, undefined, false)).not.toBe(prepareKey(c, undefined, false));
    expect(prepareKey({ ...c, columns: { amount: 'Net' } }, undefined, false)).not.toBe(prepareKey(c, undefined, false));
  });

  it('changes when a type starts reading line columns the preparation did not code (loyalty rules, an orders line)', () => {
    const c = defaultConfig();
    const loyalty = EDITORS.loyalty.create('Loyalty');
    const withLoyalty = { ...c, segmentTypes: [...c.segmentTypes, loyalty] };
    const ruled = { ...withLoyalty, segmentTypes: [...c.segmentTypes, { ...loyalty, rules: [{ match: { column: 'Category', in: ['Technology'] }, perUnit: 0, perCurrency: 2, cumulative: false }] }] };
    expect(prepareKey(ruled, undefined, false)).not.toBe(prepareKey(withLoyalty, undefined, false));
    const activity = EDITORS.activity.create('Activity');
    const withActivity = { ...c, segmentTypes: [activity] };
    const byOrders = { ...c, segmentTypes: [{ ...activity, criteria: [...activity.criteria, { measure: 'orders' as const, operator: '>=' as const, value: 3, mandatory: true }] }] };
    expect(prepareKey(byOrders, undefined, false)).not.toBe(prepareKey(withActivity, undefined, false));
  });
});
