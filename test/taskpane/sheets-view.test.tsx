/**
 * @jest-environment jsdom
 */
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { MemoryWorkbook } from '../../src/hosts/memory/workbook';
import { PlaygroundHost } from '../../src/taskpane/playground/PlaygroundHost';
import { SheetsView } from '../../src/taskpane/playground/SheetsView';
import { renderPane } from './render';

describe("the playground's workbook", () => {
  it('follows a link of the summary to the cell it names, as Excel does', async () => {
    const wb = new MemoryWorkbook();
    wb.addSheet('Sales', [['Customer', 'Sales'], ['C1', 500], ['C2', 'n/a']]);
    const summary = wb.addSheet('Segment Summary', [['Where', 'Value'], ['Sales!B3', 'n/a'], ['columns.profit', '']]);
    summary.links.set('1,0', 'Sales!B3');
    const host = new PlaygroundHost(wb);
    renderPane(<SheetsView host={host} workbook={wb} />);
    fireEvent.click(screen.getByRole('tab', { name: 'Segment Summary' }));
    // The address is a link; a setting's path is plain text.
    expect(screen.queryByRole('button', { name: 'columns.profit' })).toBeNull();
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Sales!B3' })));
    await waitFor(() => expect(document.querySelector('table[data-sheet="Sales"]')).not.toBeNull());
    expect(wb.selected).toBe('Sales!B3');
    expect(screen.getByRole('tab', { name: 'Sales' }).getAttribute('aria-selected')).toBe('true');
  });
});
