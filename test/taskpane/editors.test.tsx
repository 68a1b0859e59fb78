/**
 * @jest-environment jsdom
 */
import { act, fireEvent, screen, within } from '@testing-library/react';
import type { AbcType } from '../../src/engine/abc-schema';
import type { BandsType } from '../../src/engine/bands-schema';
import { defaultConfig, type SegmentType } from '../../src/engine/config';
import { EDITORS } from '../../src/taskpane/components/editors/registry';
import { checkDraft, issuesUnder } from '../../src/taskpane/state/validation';
import { EditorHarness, renderPane } from './render';

const abc = EDITORS.abc.create('Sales ABC');
const bands = EDITORS.bands.create('Profit band');

describe('ABC editor', () => {
  it('shows each share as a slider and a number box with the same value', () => {
    renderPane(<EditorHarness start={abc} />);
    const a = screen.getByRole('group', { name: 'Segment A' });
    expect(within(a).getByRole('slider')).toHaveProperty('value', '80');
    expect(within(a).getByRole('spinbutton', { name: 'Share of A, percent' })).toHaveProperty('value', '80');
  });

  it('typing a share moves the difference to the next segment, so the shares still add up to 100', () => {
    let last: SegmentType | undefined;
    renderPane(<EditorHarness start={abc} onValue={(t) => (last = t)} />);
    const box = screen.getByRole('spinbutton', { name: 'Share of A, percent' });
    fireEvent.change(box, { target: { value: '70' } });
    fireEvent.blur(box);
    // 80/15/5 with A at 70: B takes the 10 points (as dragging the A|B line would).
    expect((last as AbcType).segments.map((s) => s.share)).toEqual([70, 25, 5]);
    expect(screen.getByRole('spinbutton', { name: 'Share of B, percent' })).toHaveProperty('value', '25');
    expect(screen.queryByText(/add up to/)).toBeNull();
  });

  it('shares saved not adding up to 100 get a message with the actual sum, and typing one repairs it', () => {
    let last: SegmentType | undefined;
    const saved = { ...abc, segments: abc.segments.map((s, i) => (i === 0 ? { ...s, share: 70 } : s)) };
    renderPane(<EditorHarness start={saved} onValue={(t) => (last = t)} />);
    // 70 + 15 + 5 = 90
    expect(screen.getByRole('alert').textContent).toBe('the shares of the segments add up to 90, not 100');
    const c = screen.getByRole('spinbutton', { name: 'Share of C, percent' });
    fireEvent.change(c, { target: { value: '15' } });
    fireEvent.blur(c);
    expect((last as AbcType).segments.map((s) => s.share)).toEqual([70, 15, 15]);
    expect(screen.queryByText(/add up to/)).toBeNull();
  });

  it('excluding B (manual assignment only) gives its 15 points to C, so no sum message appears', () => {
    let last: SegmentType | undefined;
    renderPane(<EditorHarness start={abc} onValue={(t) => (last = t)} />);
    const b = screen.getByRole('group', { name: 'Segment B' });
    fireEvent.click(within(b).getByRole('switch', { name: 'Excluded (manual assignment only)' }));
    expect((last as AbcType).segments.map((s) => [s.share, s.exclude === true])).toEqual([[80, false], [0, true], [20, false]]);
    expect(screen.queryByText(/add up to/)).toBeNull();
  });

  it('a default segment can stand outside the ranking, without a share (SEMANTICS.md 3.7), and join it again', () => {
    let last: SegmentType | undefined;
    // 80/15/5 plus New (default, 0): taking New out of the ranking keeps 80/15/5 and drops its share.
    const withNew = { ...abc, segments: [...abc.segments, { name: 'New', share: 0, default: true }] };
    renderPane(<EditorHarness start={withNew} onValue={(t) => (last = t)} />);
    const row = () => screen.getByRole('group', { name: 'Segment New' });
    fireEvent.click(within(row()).getByRole('switch', { name: 'Also ranked by share' }));
    expect((last as AbcType).segments.map((s) => s.share)).toEqual([80, 15, 5, undefined]);
    expect(within(row()).queryByRole('slider')).toBeNull();
    expect(within(row()).getByText(/Not ranked: New takes only the customers without sales/)).toBeTruthy();
    expect(checkDraft({ ...defaultConfig(), segmentTypes: [last!] }).issues).toEqual([]);
    // Back in the ranking at 0: the others keep their shares.
    fireEvent.click(within(row()).getByRole('switch', { name: 'Also ranked by share' }));
    expect((last as AbcType).segments.map((s) => s.share)).toEqual([80, 15, 5, 0]);
  });

  it('a ranked default segment with a share hands it on when it leaves the ranking', () => {
    let last: SegmentType | undefined;
    // A 80, B 15, C 5 with C the default: C's 5 points go to B (the segment above the last), 80/20/-.
    const cDefault = { ...abc, segments: abc.segments.map((s, i) => (i === 2 ? { ...s, default: true } : s)) };
    renderPane(<EditorHarness start={cDefault} onValue={(t) => (last = t)} />);
    fireEvent.click(within(screen.getByRole('group', { name: 'Segment C' })).getByRole('switch', { name: 'Also ranked by share' }));
    expect((last as AbcType).segments.map((s) => s.share)).toEqual([80, 20, undefined]);
  });

  it('only one segment is the default: switching one on switches the other off', () => {
    let last: SegmentType | undefined;
    renderPane(<EditorHarness start={abc} onValue={(t) => (last = t)} />);
    const switches = screen.getAllByRole('switch', { name: /^Default/ });
    fireEvent.click(switches[2]);
    fireEvent.click(switches[1]);
    expect((last as AbcType).segments.map((s) => s.default === true)).toEqual([false, true, false]);
  });

  it('adds, reorders and removes segments with labelled buttons', () => {
    let last: SegmentType | undefined;
    renderPane(<EditorHarness start={abc} onValue={(t) => (last = t)} />);
    fireEvent.click(screen.getByRole('button', { name: 'Add segment' }));
    expect((last as AbcType).segments.map((s) => s.name)).toEqual(['A', 'B', 'C', 'D']);
    fireEvent.click(screen.getByRole('button', { name: 'Move D up' }));
    expect((last as AbcType).segments.map((s) => s.name)).toEqual(['A', 'B', 'D', 'C']);
    fireEvent.click(screen.getByRole('button', { name: 'Remove D' }));
    expect((last as AbcType).segments.map((s) => s.name)).toEqual(['A', 'B', 'C']);
  });

  it('a duplicate segment name is flagged on the second one', () => {
    renderPane(<EditorHarness start={{ ...abc, segments: abc.segments.map((s, i) => (i === 2 ? { ...s, name: 'a' } : s)) }} />);
    const third = screen.getByRole('group', { name: 'Segment a' });
    expect(within(third).getByText('segment "a" is already used by segments[0]')).toBeTruthy();
  });

  it('offers the boundary rule by name', () => {
    let last: SegmentType | undefined;
    renderPane(<EditorHarness start={abc} onValue={(t) => (last = t)} />);
    fireEvent.click(screen.getByRole('radio', { name: /lower boundary/ }));
    expect((last as AbcType).boundary).toBe('lower');
  });
});

describe('bands editor', () => {
  it("moving a band's start moves the end of the band before it, so no gap opens", () => {
    let last: SegmentType | undefined;
    renderPane(<EditorHarness start={bands} onValue={(t) => (last = t)} />);
    fireEvent.change(screen.getByRole('textbox', { name: 'Mid: from profit (included)' }), { target: { value: '600' } });
    // Low was [0, 500), Mid [500, 2000): now Low [0, 600), Mid [600, 2000).
    expect((last as BandsType).bands.map((b) => [b.name, b.min, b.max])).toEqual([
      ['Loss', undefined, 0],
      ['Low', 0, 600],
      ['Mid', 600, 2000],
      ['High', 2000, undefined],
    ]);
    expect(screen.getByRole('textbox', { name: 'Low: to profit (excluded)' })).toHaveProperty('value', '600');
    expect(screen.queryByText(/no band covers|overlap/)).toBeNull();
    // And the end of a band moves the start of the next one.
    fireEvent.change(screen.getByRole('textbox', { name: 'Mid: to profit (excluded)' }), { target: { value: '2500' } });
    expect((last as BandsType).bands[3].min).toBe(2500);
  });

  it('a gap shows under the band where it starts, in the engine words', () => {
    // Saved with a gap (a configuration written by hand): Low ends at 500, Mid starts at 600.
    const gap = { ...bands, bands: bands.bands.map((b) => (b.name === 'Mid' ? { ...b, min: 600 } : b)) };
    renderPane(<EditorHarness start={gap} />);
    const midFrom = screen.getByRole('textbox', { name: 'Mid: from profit (included)' });
    const mid = screen.getByRole('group', { name: 'Band Mid' });
    expect(within(mid).getByText('no band covers 500 to 600')).toBeTruthy();
    expect(midFrom.getAttribute('aria-invalid')).toBe('true');
    // Low's end did not meet Mid's start, so it moves alone: typing 600 closes the gap and clears the message.
    fireEvent.change(screen.getByRole('textbox', { name: 'Low: to profit (excluded)' }), { target: { value: '600' } });
    expect(midFrom).toHaveProperty('value', '600');
    expect(screen.queryByText(/no band covers/)).toBeNull();
  });

  it('an overlap names both bands', () => {
    const overlap = { ...bands, bands: bands.bands.map((b) => (b.name === 'Mid' ? { ...b, min: 400 } : b)) };
    renderPane(<EditorHarness start={overlap} />);
    expect(screen.getByText(/bands "Low" and "Mid" overlap from 400 to 500/)).toBeTruthy();
  });

  it('text that is not a number stays in the box with a message, and the type keeps its last number', () => {
    let last: SegmentType | undefined;
    renderPane(<EditorHarness start={bands} onValue={(t) => (last = t)} />);
    const highFrom = screen.getByRole('textbox', { name: 'High: from profit (included)' });
    fireEvent.change(highFrom, { target: { value: '2 5x0' } });
    expect(highFrom).toHaveProperty('value', '2 5x0');
    expect(screen.getByText('"2 5x0" is not a number')).toBeTruthy();
    expect(last).toBeUndefined();
  });

  it('reads numbers in the user locale (decimal comma in fr-FR)', () => {
    let last: SegmentType | undefined;
    renderPane(<EditorHarness start={bands} onValue={(t) => (last = t)} />, 'fr-FR');
    fireEvent.change(screen.getByRole('textbox', { name: 'Low: to profit (excluded)' }), { target: { value: '499,5' } });
    expect((last as BandsType).bands[1].max).toBe(499.5);
    // ...and Mid, which started where Low ended, starts there still, shown in the user's format.
    expect((last as BandsType).bands[2].min).toBe(499.5);
    expect(screen.getByRole('textbox', { name: 'Mid: from profit (included)' })).toHaveProperty('value', '499,5');
  });

  it('a blank bound in the middle is required; the first band may be open', () => {
    renderPane(<EditorHarness start={bands} />);
    expect(screen.getByRole('textbox', { name: 'Loss: from profit (included)' })).toHaveProperty('placeholder', 'no minimum');
    fireEvent.change(screen.getByRole('textbox', { name: 'Mid: from profit (included)' }), { target: { value: '' } });
    expect(screen.getByText('band "Mid" needs a min: only the first band may start at minus infinity')).toBeTruthy();
  });

  it('adding a band continues the scale at the top', () => {
    let last: SegmentType | undefined;
    renderPane(<EditorHarness start={bands} onValue={(t) => (last = t)} />);
    fireEvent.click(screen.getByRole('button', { name: 'Add band' }));
    const b = (last as BandsType).bands;
    // High was [2000, +inf): it becomes [2000, 3000) and the new band [3000, +inf).
    expect(b.slice(3).map((x) => [x.name, x.min, x.max])).toEqual([
      ['High', 2000, 3000],
      ['New band', 3000, undefined],
    ]);
    expect(issuesUnder(checkDraft({ ...defaultConfig(), segmentTypes: [last!] }).issues, 'segmentTypes[0]')).toEqual([]);
  });
});

describe('editor registry', () => {
  it('has an editor for every segment kind the engine knows, each creating a valid type', async () => {
    const { SEGMENT_KINDS } = await import('../../src/engine/config');
    for (const kind of SEGMENT_KINDS) {
      const t = EDITORS[kind].create('New');
      expect(t.kind).toBe(kind);
      expect(checkDraft({ ...defaultConfig(), segmentTypes: [t] }).issues).toEqual([]);
    }
  });

  it('renders the editor registered for the kind', () => {
    renderPane(<EditorHarness start={bands} />);
    expect(screen.getByRole('combobox', { name: 'Band customers by' })).toBeTruthy();
    expect(screen.queryByRole('combobox', { name: 'Rank customers by' })).toBeNull();
    act(() => undefined);
  });
});

describe('a type\'s own minimum net sales (ABC and bands)', () => {
  it('is set when typed and gone when blank, and the measure is picked from its list', () => {
    for (const start of [abc, bands]) {
      let last: SegmentType | undefined;
      const view = renderPane(<EditorHarness start={start} onValue={(t) => (last = t)} />);
      const box = screen.getByRole('textbox', { name: 'Minimum net sales for this type' });
      expect(box.getAttribute('placeholder')).toBe('As in the Data step');
      fireEvent.change(box, { target: { value: '250' } });
      expect((last as AbcType | BandsType).minimumNetSales).toBe(250);
      fireEvent.change(box, { target: { value: '' } });
      expect('minimumNetSales' in (last as object)).toBe(false);
      fireEvent.click(screen.getByRole('combobox', { name: start.kind === 'abc' ? 'Rank customers by' : 'Band customers by' }));
      fireEvent.click(screen.getByRole('option', { name: start.kind === 'abc' ? 'Profit' : 'Net sales' }));
      expect((last as AbcType | BandsType).measure).toBe(start.kind === 'abc' ? 'profit' : 'sales');
      view.unmount();
    }
  });
});
