// The suggestion as the pane takes it: shares with as few decimals as keep every customer where the
// exact suggestion puts it, under the type's own boundary rule (SEMANTICS.md 3 and 12).
import type { AbcType } from '../../src/engine/abc-schema';
import { parseConfig } from '../../src/engine/config';
import { prepare } from '../../src/engine/run';
import { withSuggestedShares } from '../../src/taskpane/state/suggestion';
import { paneSuggestion } from '../../src/taskpane/worker/suggestion';

/** Customers c1..c9 with net sales 1..9 (total 45): the contract's worked example, kP 4, kBE 5, kC 6. */
function suggestionFor(boundary: 'upper' | 'lower', segments: unknown[] = [{ name: 'A', share: 80 }, { name: 'B', share: 15 }, { name: 'C', share: 5 }]) {
  const r = parseConfig({ version: 1, segmentTypes: [{ name: 'ABC', kind: 'abc', boundary, segments }] });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  const rows = Array.from({ length: 9 }, (_, i) => [`c${i + 1}`, i + 1]);
  const p = prepare({ sheet: 'Sales', header: ['Customer', 'Sales'], rows, origin: { row: 1, column: 0 } }, r.config);
  return paneSuggestion(p, r.config.segmentTypes[0] as AbcType);
}

describe('the suggestion the pane takes', () => {
  it('upper boundary: limits rounded down to whole percents, 66 / 20 / 14, give the suggested 4 / 2 / 3', () => {
    // Ahead of each customer: c9 0, c8 20, c7 37.8, c6 53.3, c5 66.7, c4 77.8, c3 86.7: A below 66, B below 86.
    const s = suggestionFor('upper')!;
    expect(s.shares).toEqual([66, 20, 14]);
    expect(s.counts).toEqual([4, 2, 3]);
    expect([s.paretoPoint, s.breakEven]).toEqual([4, 5]);
    expect(s.points.map((p) => [p.x, p.y].map((v) => Math.round(v * 1e4) / 1e4))).toEqual([
      [0.4444, 0.6667],
      [0.6667, 0.8667],
    ]);
  });

  it('lower boundary: limits rounded up, 67 / 20 / 13, keep c6 (66.7 % with it) in A and c4 (86.7 %) in B', () => {
    const s = suggestionFor('lower')!;
    expect(s.shares).toEqual([67, 20, 13]);
    expect(s.counts).toEqual([4, 2, 3]);
  });

  it('is for three ranked segments only; an excluded segment does not count', () => {
    expect(suggestionFor('upper', [{ name: 'A', share: 80 }, { name: 'B', share: 20 }])).toBeUndefined();
    const s = suggestionFor('upper', [{ name: 'VIP', exclude: true }, { name: 'A', share: 80 }, { name: 'B', share: 15 }, { name: 'C', share: 5 }])!;
    expect(s.segments).toEqual(['A', 'B', 'C']);
  });

  it('sets the ranked segments\' shares and leaves an excluded one as it was', () => {
    const type = { segments: [{ name: 'VIP', exclude: true }, { name: 'A', share: 80 }, { name: 'B', share: 15 }, { name: 'C', share: 5 }] };
    expect(withSuggestedShares(type, [66, 20, 14]).segments).toEqual([{ name: 'VIP', exclude: true }, { name: 'A', share: 66 }, { name: 'B', share: 20 }, { name: 'C', share: 14 }]);
  });
});
