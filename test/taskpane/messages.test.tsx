/**
 * @jest-environment jsdom
 */
// Configuration problems in the pane's words, with a link to the field that fixes them.
import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { defaultConfig } from '../../src/engine/config';
import { MemoryHost } from '../../src/hosts/memory/host';
import { MemoryWorkbook } from '../../src/hosts/memory/workbook';
import { Pane } from '../../src/taskpane/components/Pane';
import { paneWhere } from '../../src/taskpane/state/where';
import { InProcessClient } from '../../src/taskpane/worker/client';
import { lastOn, renderPane } from './render';

jest.setTimeout(90_000);
configure({ asyncUtilTimeout: 15_000 });

describe('paneWhere', () => {
  const config = defaultConfig();
  it('names the type, the segment or band, and the field as the pane labels them', () => {
    expect(paneWhere('segmentTypes[1].bands[2].min', config)).toBe('Profit band > Mid: from');
    expect(paneWhere('segmentTypes[0].segments[0].share', config)).toBe('Sales ABC > A: share');
    expect(paneWhere('segmentTypes[0].segments', config)).toBe('Sales ABC: segments');
    expect(paneWhere('segmentTypes[1].name', config)).toBe('Profit band: name');
    expect(paneWhere('window.months', config)).toBe('What is counted > Sales lines counted: Months');
    expect(paneWhere('filters[0].in', config)).toBe('What is counted > Filter 1');
    expect(paneWhere('overrides["X"]', config)).toBe('overrides["X"]');
  });
});

describe('a problem in the Apply step', () => {
  it('reads "Profit band > Mid: from" and its link focuses that box', async () => {
    const wb = new MemoryWorkbook();
    wb.addSheet('Sales', [
      ['Customer', 'Sales', 'Profit'],
      ['C1', 500, 100],
      ['C2', 300, -20],
      ['C3', 150, 30],
    ]);
    renderPane(<Pane host={new MemoryHost(wb)} engine={new InProcessClient()} steps={lastOn('segments')} />);
    await waitFor(() => expect(screen.getByTestId('preview-table')).toBeTruthy());
    // A gap: Mid starts at 600 while Low ends at 500 (the pane moves linked bounds, so type it alone).
    fireEvent.click(screen.getByRole('button', { name: /^Profit band/ }));
    fireEvent.change(screen.getByRole('textbox', { name: 'Low: to profit (excluded)' }), { target: { value: '' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Low: to profit (excluded)' }), { target: { value: '400' } });
    fireEvent.click(screen.getByRole('tab', { name: 'Apply' }));
    const link = await screen.findByRole('button', { name: 'Profit band > Mid: from' });
    expect(link.closest('li')?.textContent).toBe('Profit band > Mid: from: no band covers 400 to 500');
    fireEvent.click(screen.getByRole('tab', { name: 'Segment types' }));
    fireEvent.click(screen.getByRole('button', { name: /^Sales ABC/ }));
    fireEvent.click(screen.getByRole('tab', { name: 'Apply' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Profit band > Mid: from' }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Mid: from profit (included)' })));
  });
});

describe('a number role mapped to a text column', () => {
  it('is said once at the mapping, with the count of cells, not cell by cell in the list', async () => {
    const wb = new MemoryWorkbook();
    wb.addSheet('Sales', [
      ['Customer', 'Customer Name', 'Sales', 'Profit'],
      ['C1', 'Ann', 500, 50],
      ['C2', 'Bob', 300, 30],
      ['C3', 'Cy', 150, 15],
    ]);
    renderPane(<Pane host={new MemoryHost(wb)} engine={new InProcessClient()} steps={lastOn('segments')} />);
    await waitFor(() => expect(screen.getByTestId('preview-table')).toBeTruthy());
    fireEvent.click(screen.getByRole('tab', { name: 'Data' }));
    fireEvent.click(await screen.findByRole('combobox', { name: 'Sales amount (required)' }));
    fireEvent.click(screen.getByRole('option', { name: 'Customer Name' }));
    const message = '3 cells of Customer Name are not a number: is it the Sales amount column? Their rows are left out.';
    await waitFor(() => expect(screen.getAllByText(message)).toHaveLength(1));
    expect(screen.queryByText(/"Ann" is not a number/)).toBeNull();
  });
});

// What the kept lines say as a whole reaches the Data step as the command line says it, each with a link
// to its cell: a Margin column of rates (ten lines of sales 30 to 120 at 0.05 to 0.5) and two credit
// notes written positive (rows 3 and 5).
describe('warnings about the data as a whole', () => {
  it('are listed in the Data step, and a link selects the cell', async () => {
    const wb = new MemoryWorkbook();
    const lines = Array.from({ length: 10 }, (_, i) => [`C${i % 3}`, i === 1 || i === 3 ? 'Credit Memo' : 'Invoice', 30 + i * 10, (i + 1) * 0.05]);
    wb.addSheet('Sales', [['Customer', 'Document Type', 'Sales', 'Margin'], ...lines]);
    const host = new MemoryHost(wb);
    renderPane(<Pane host={host} engine={new InProcessClient()} steps={lastOn('segments')} />);
    await waitFor(() => expect(screen.getByTestId('preview-table')).toBeTruthy());
    fireEvent.click(screen.getByRole('tab', { name: 'Data' }));
    const rates = await screen.findByText(/^every Margin value of the kept lines lies between -1 and 1/);
    expect(rates.closest('li')?.textContent).toMatch(/^Sales!D1/);
    const credits = screen.getByText(/^2 lines whose Document Type is a credit note \("Credit Memo"\) have a positive amount in Sales/);
    expect(credits.closest('li')?.textContent).toMatch(/^Sales!C3/);
    fireEvent.click(screen.getByRole('button', { name: 'Select Sales!C3 in the workbook' }));
    await waitFor(() => expect(wb.selected).toBe('Sales!C3'));
  });
});

// A Quantity column no segment type reads, with one `5 pcs`: the Data step says the line it costs, and
// choosing (not mapped) for Quantity keeps the line (src/engine/unread-columns.ts).
describe('a line left out only for a column no segment type reads', () => {
  it('is said in the Data step, and comes back when the column is set to not mapped', async () => {
    const wb = new MemoryWorkbook();
    wb.addSheet('Sales', [
      ['Customer', 'Sales', 'Quantity'],
      ['C1', 500, '5 pcs'],
      ['C2', 300, 3],
      ['C3', 150, 2],
    ]);
    renderPane(<Pane host={new MemoryHost(wb)} engine={new InProcessClient()} steps={lastOn('segments')} />);
    await waitFor(() => expect(screen.getByTestId('preview-table')).toBeTruthy());
    fireEvent.click(screen.getByRole('tab', { name: 'Data' }));
    const said = await screen.findByText(/^1 line is left out only for its Quantity cell, and no segment type reads that column: to count it, set Quantity to \(not mapped\) in the Data step/);
    expect(said.closest('li')?.textContent).toMatch(/^Sales!C1/);
    expect(screen.getByText(/^2 lines used/)).toBeTruthy();
    fireEvent.click(screen.getByRole('combobox', { name: 'Quantity' }));
    fireEvent.click(screen.getByRole('option', { name: '(not mapped)' }));
    await waitFor(() => expect(screen.getByText(/^3 lines used/)).toBeTruthy());
    expect(screen.queryByText(/left out only for/)).toBeNull();
    expect(screen.getByRole('combobox', { name: 'Quantity' }).textContent).toBe('(not mapped)');
    // The required columns offer no way out of being mapped.
    fireEvent.click(screen.getByRole('combobox', { name: 'Sales amount (required)' }));
    expect(screen.queryByRole('option', { name: '(not mapped)' })).toBeNull();
  });
});

// A configuration saved with a filter on `WEST` opened on a sheet that writes `West`: the warning stands
// under the filter's values in the Data step (src/engine/filter-values.ts).
describe('a saved filter value no row holds', () => {
  it('is said under the filter, with the spelling the column holds', async () => {
    const wb = new MemoryWorkbook();
    wb.addSheet('Sales', [
      ['Customer', 'Sales', 'Region'],
      ['C1', 500, 'West'],
      ['C2', 300, 'East'],
      ['C3', 150, 'West'],
      ['C4', 120, 'East'],
      ['C5', 90, 'East'],
    ]);
    const host = new MemoryHost(wb);
    const abcOnly = defaultConfig().segmentTypes.filter((t) => t.kind === 'abc'); // the sheet has no profit for the bands
    await host.saveConfig(JSON.stringify({ ...defaultConfig(), segmentTypes: abcOnly, filters: [{ column: 'Region', in: ['WEST', 'East'] }] }));
    renderPane(<Pane host={host} engine={new InProcessClient()} steps={lastOn('segments')} />);
    await waitFor(() => expect(screen.getByTestId('preview-table')).toBeTruthy());
    fireEvent.click(screen.getByRole('tab', { name: 'Data' }));
    const filter = await screen.findByRole('group', { name: 'Filter 1' });
    await waitFor(() =>
      expect(within(filter).getByText('no row\'s Region is "WEST": filter values compare as written (trimmed, letter case included), so the filter keeps no line for it. The column writes "West".')).toBeTruthy(),
    );
  });
});
