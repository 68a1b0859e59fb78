/**
 * @jest-environment jsdom
 */
// Keyboard and recovery: removing a type can be undone and the focus lands on the Undo, a new type's
// name takes the focus, Ctrl+Z / Ctrl+Y undo and redo edits, and Apply moves the focus to its progress
// and then to its result.
import { configure, fireEvent, screen, waitFor } from '@testing-library/react';
import { defaultConfig } from '../../src/engine/config';
import { MemoryHost } from '../../src/hosts/memory/host';
import { MemoryWorkbook } from '../../src/hosts/memory/workbook';
import { Pane } from '../../src/taskpane/components/Pane';
import { HISTORY_LIMIT, historyReducer, initialHistory } from '../../src/taskpane/state/draft';
import { InProcessClient } from '../../src/taskpane/worker/client';
import { renderPane } from './render';

jest.setTimeout(40_000);
configure({ asyncUtilTimeout: 15_000 });

function workbook(): MemoryWorkbook {
  const wb = new MemoryWorkbook();
  wb.addSheet('Sales', [
    ['Customer', 'Sales', 'Profit'],
    ['C1', 500, 100],
    ['C2', 300, -20],
    ['C3', 150, 30],
    ['C4', 50, 5],
  ]);
  return wb;
}

async function open() {
  renderPane(<Pane host={new MemoryHost(workbook())} engine={new InProcessClient()} />);
  await waitFor(() => expect(screen.getByTestId('preview-table')).toBeTruthy());
}

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

describe('the pane', () => {
  it('removing a type can be undone, and the focus goes to the Undo button, not to the next Remove', async () => {
    await open();
    fireEvent.click(screen.getByRole('button', { name: 'Remove Sales ABC' }));
    await waitFor(() => expect(screen.getByTestId('removed-type').textContent).toContain('Removed the segment type Sales ABC.'));
    const undo = screen.getByRole('button', { name: 'Undo' });
    await waitFor(() => expect(document.activeElement).toBe(undo));
    expect(typeNames()).toEqual(['Profit bandBands']);
    fireEvent.click(undo);
    await waitFor(() => expect(typeNames()).toEqual(['Sales ABCABC', 'Profit bandBands']));
    expect(screen.queryByTestId('removed-type')).toBeNull();
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
