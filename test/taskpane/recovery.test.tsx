/**
 * @jest-environment jsdom
 */
// Keyboard and recovery: removing a type, a segment or a band can be undone (the Undo bar or Ctrl+Z,
// one undo for all) and the focus lands on the Undo, then on the restored row; a new type's name takes
// the focus, Ctrl+Z / Ctrl+Y undo and redo edits, and Apply (from its step or from the footer of the
// others) moves the focus to its progress and then to its result.
import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { defaultConfig } from '../../src/engine/config';
import { MemoryHost } from '../../src/hosts/memory/host';
import { Pane } from '../../src/taskpane/components/Pane';
import { HISTORY_LIMIT, historyReducer, initialHistory, undoableRemoval } from '../../src/taskpane/state/draft';
import { InProcessClient } from '../../src/taskpane/worker/client';
import { fourCustomers, lastOn, renderPane } from './render';

jest.setTimeout(90_000);
configure({ asyncUtilTimeout: 15_000 });


async function open() {
  renderPane(<Pane host={new MemoryHost(fourCustomers())} engine={new InProcessClient()} steps={lastOn('segments')} />);
  await waitFor(() => expect(screen.getByTestId('preview-table')).toBeTruthy());
}

/** The ABC segments as the editor shows them: name and share. */
const shares = () =>
  within(screen.getByRole('group', { name: 'Segments' }))
    .getAllByRole('spinbutton')
    .map((b) => [b.getAttribute('aria-label')!.replace(/^Share of (.*), percent$/, '$1'), (b as HTMLInputElement).value]);

const typeNames = () => screen.getAllByRole('button', { name: /^(Sales ABC|Profit band|RFM|Loyalty)/ }).map((b) => b.textContent);

describe('the history of edits', () => {
  it('undoes and redoes, and an edit after an undo drops what could be redone', () => {
    let h = initialHistory(defaultConfig());
    h = historyReducer(h, { type: 'renameType', index: 0, name: 'Tiers' });
    h = historyReducer(h, { type: 'removeType', index: 1 });
    expect(h.present.config.segmentTypes.map((t) => t.name)).toEqual(['Tiers']);
    h = historyReducer(h, { type: 'undo' });
    expect(h.present.config.segmentTypes.map((t) => t.name)).toEqual(['Tiers', 'Profit band']);
    h = historyReducer(h, { type: 'undo' });
    expect(h.present.config.segmentTypes[0].name).toBe('Sales ABC');
    h = historyReducer(h, { type: 'redo' });
    expect(h.present.config.segmentTypes[0].name).toBe('Tiers');
    const revision = h.present.revision;
    h = historyReducer(h, { type: 'renameType', index: 0, name: 'Other' });
    expect(h.future).toEqual([]);
    expect(h.present.revision).toBeGreaterThan(revision);
    // Selecting is no edit: nothing to undo.
    expect(historyReducer(h, { type: 'select', index: 1 }).past.length).toBe(h.past.length);
    for (let i = 0; i < HISTORY_LIMIT + 10; i++) h = historyReducer(h, { type: 'renameType', index: 0, name: `N${i}` });
    expect(h.past.length).toBe(HISTORY_LIMIT);
  });
});

describe('a removal offered for undo', () => {
  it('is the last edit while nothing changed since; undo, redo or another edit take the offer away', () => {
    let h = initialHistory(defaultConfig());
    h = historyReducer(h, { type: 'removeType', index: 1 });
    h = historyReducer(h, { type: 'removed', what: 'the segment type Profit band', focus: { list: 'Segment types', index: 1 } });
    expect(undoableRemoval(h)?.what).toBe('the segment type Profit band');
    // Selecting another type is no edit: still offered.
    expect(undoableRemoval(historyReducer(h, { type: 'select', index: 0 }))).toBeDefined();
    const undone = historyReducer(h, { type: 'undo' });
    expect(undone.present.config.segmentTypes.map((t) => t.name)).toEqual(['Sales ABC', 'Profit band']);
    expect(undoableRemoval(undone)).toBeUndefined();
    expect(undoableRemoval(historyReducer(undone, { type: 'redo' }))).toBeUndefined();
    expect(undoableRemoval(historyReducer(h, { type: 'renameType', index: 0, name: 'Tiers' }))).toBeUndefined();
  });
});

describe('the pane', () => {
  it('removing a type can be undone, and the focus goes to the Undo button, not to the next Remove, then to the restored type', async () => {
    await open();
    fireEvent.click(screen.getByRole('button', { name: 'Remove Sales ABC' }));
    await waitFor(() => expect(screen.getByTestId('removed').textContent).toContain('Removed the segment type Sales ABC.'));
    const undo = screen.getByRole('button', { name: 'Undo' });
    await waitFor(() => expect(document.activeElement).toBe(undo));
    expect(typeNames()).toEqual(['Profit bandBands']);
    fireEvent.click(undo);
    await waitFor(() => expect(typeNames()).toEqual(['Sales ABCABC', 'Profit bandBands']));
    expect(screen.queryByTestId('removed')).toBeNull();
    // The restored row's first control: the type's own button in the list.
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Sales ABCABC'));
  });

  it('removing a segment puts it back where it was with its share, from the Undo bar', async () => {
    await open();
    fireEvent.click(screen.getByRole('button', { name: 'Remove B' }));
    // B's 15 went to C (removeSegment): A 80, C 20.
    await waitFor(() => expect(shares()).toEqual([['A', '80'], ['C', '20']]));
    expect(screen.getByTestId('removed').textContent).toContain('Removed the segment B.');
    const undo = screen.getByRole('button', { name: 'Undo' });
    await waitFor(() => expect(document.activeElement).toBe(undo));
    fireEvent.click(undo);
    await waitFor(() => expect(shares()).toEqual([['A', '80'], ['B', '15'], ['C', '5']]));
    // Focus on the restored row's first field, B's name.
    await waitFor(() => expect(document.activeElement).toBe(within(screen.getByRole('group', { name: 'Segment B' })).getByRole('textbox', { name: 'Name' })));
    expect(screen.queryByTestId('removed')).toBeNull();
  });

  it('removing a band is undone by Ctrl+Z as well, with the focus on the restored band', async () => {
    await open();
    fireEvent.click(screen.getByRole('button', { name: /^Profit band/ }));
    fireEvent.click(await screen.findByRole('button', { name: 'Remove Mid' }));
    await waitFor(() => expect(screen.getByTestId('removed').textContent).toContain('Removed the band Mid.'));
    expect(screen.queryByRole('group', { name: 'Band Mid' })).toBeNull();
    const undo = screen.getByRole('button', { name: 'Undo' });
    await waitFor(() => expect(document.activeElement).toBe(undo));
    // Ctrl+Z where the focus is, on the Undo button: the same undo.
    fireEvent.keyDown(undo, { key: 'z', ctrlKey: true });
    const mid = await screen.findByRole('group', { name: 'Band Mid' });
    expect((within(mid).getByRole('textbox', { name: 'Mid: from profit (included)' }) as HTMLInputElement).value).toBe('500');
    expect((within(mid).getByRole('textbox', { name: 'Mid: to profit (excluded)' }) as HTMLInputElement).value).toBe('2,000');
    await waitFor(() => expect(document.activeElement).toBe(within(mid).getByRole('textbox', { name: 'Name' })));
    expect(screen.queryByTestId('removed')).toBeNull();
  });

  it('the Undo bar goes with the next edit; Ctrl+Z still walks back through both', async () => {
    await open();
    fireEvent.click(screen.getByRole('button', { name: 'Remove C' }));
    await screen.findByTestId('removed');
    fireEvent.change(within(screen.getByRole('group', { name: 'Segment A' })).getByRole('textbox', { name: 'Name' }), { target: { value: 'Top' } });
    await waitFor(() => expect(screen.queryByTestId('removed')).toBeNull());
    const main = screen.getByRole('main', { name: 'Tierwise' });
    fireEvent.keyDown(main, { key: 'z', ctrlKey: true });
    await waitFor(() => expect(shares().map((r) => r[0])).toEqual(['A', 'B']));
    fireEvent.keyDown(main, { key: 'z', ctrlKey: true });
    await waitFor(() => expect(shares()).toEqual([['A', '80'], ['B', '15'], ['C', '5']]));
  });

  it("a new type's name box takes the focus", async () => {
    await open();
    fireEvent.click(screen.getByRole('button', { name: 'Add segment type' }));
    fireEvent.click(await screen.findByRole('menuitem', { name: 'RFM scores' }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Segment type name' })));
    expect((document.activeElement as HTMLInputElement).value).toBe('RFM');
  });

  it('Ctrl+Z and Ctrl+Y undo and redo an edit; inside a text box they are left to the box', async () => {
    await open();
    fireEvent.click(screen.getByRole('button', { name: 'Remove Profit band' }));
    await waitFor(() => expect(typeNames()).toEqual(['Sales ABCABC']));
    const main = screen.getByRole('main', { name: 'Tierwise' });
    fireEvent.keyDown(screen.getByRole('textbox', { name: 'Segment type name' }), { key: 'z', ctrlKey: true });
    expect(typeNames()).toEqual(['Sales ABCABC']);
    fireEvent.keyDown(main, { key: 'z', ctrlKey: true });
    await waitFor(() => expect(typeNames()).toEqual(['Sales ABCABC', 'Profit bandBands']));
    fireEvent.keyDown(main, { key: 'y', ctrlKey: true });
    await waitFor(() => expect(typeNames()).toEqual(['Sales ABCABC']));
  });

  it('Apply moves the focus to the result', async () => {
    await open();
    fireEvent.click(screen.getByRole('tab', { name: 'Apply' }));
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
    await waitFor(() => expect(screen.getByTestId('apply-report').textContent).toContain('Done: 4 customers segmented.'), { timeout: 20_000 });
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('apply-result')));
  });
});
