/**
 * @jest-environment jsdom
 */
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { MemoryHost } from '../../src/hosts/memory/host';
import { MemoryWorkbook } from '../../src/hosts/memory/workbook';
import { PlaygroundHost } from '../../src/taskpane/playground/PlaygroundHost';
import { SheetsView } from '../../src/taskpane/playground/SheetsView';
import { runTierwise } from '../support/pipeline';
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

  it('draws the summary’s charts from its cells, and colours each segment’s cells, as Excel shows them', async () => {
    // C1 800 is A, C2 150 B, C3 50 C (80/15/5), in two runs: a Pareto and a runs chart per type.
    const wb = new MemoryWorkbook();
    wb.addSheet('Sales', [['Customer ID', 'Sales', 'Profit'], ['C1', 800, 100], ['C2', 150, -20], ['C3', 50, 5]]);
    const host = new MemoryHost(wb);
    for (const time of ['2026-01-31T09:00:00.000Z', '2026-02-28T09:00:00.000Z']) await runTierwise(host, { kind: 'sheet', name: 'Sales' }, { time });
    renderPane(<SheetsView host={new PlaygroundHost(wb)} workbook={wb} />);
    fireEvent.click(screen.getByRole('tab', { name: 'Segment Summary' }));
    expect(screen.getByRole('heading', { name: 'Charts on this sheet (4)' })).toBeTruthy();
    const pareto = screen.getByRole('img', { name: /^Sales ABC: sales by segment\./ });
    // Sales 800, 150, 50 with their running shares (80 %, 95 %, 100 %).
    expect(pareto.getAttribute('aria-label')).toBe('Sales ABC: sales by segment. A: 800, Cumulative % 80.0%; B: 150, Cumulative % 95.0%; C: 50, Cumulative % 100.0%.');
    expect(Array.from(pareto.querySelectorAll('rect'), (r) => r.getAttribute('fill'))).toEqual(['#A9D08E', '#C6E0B4', '#E2EFDA']);
    const runs = screen.getByRole('img', { name: /^Sales ABC: customers per segment, run by run\./ });
    expect(runs.getAttribute('aria-label')).toBe('Sales ABC: customers per segment, run by run. 2026-01-31 09:00 UTC: A 1, B 1, C 1; 2026-02-28 09:00 UTC: A 1, B 1, C 1.');
    expect(runs.querySelectorAll('rect')).toHaveLength(6);
    // The summary table's segment cells in their colours (row 5 of the sheet is A's).
    const a = document.querySelector('table[data-sheet="Segment Summary"] td[data-value="A"]')!;
    expect(a.getAttribute('data-fill')).toBe('#A9D08E');
  });
});
