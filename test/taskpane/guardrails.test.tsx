/**
 * @jest-environment jsdom
 */
// A meaningless run must not report success: what the period and filters count is said, a period
// without sales blocks Apply, customers without sales get their own row, and edits not yet applied
// are announced in the header.
import { act, configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { defaultConfig, type Config } from '../../src/engine/config';
import { NO_SALES_LABEL } from '../../src/engine/summary';
import { MemoryHost } from '../../src/hosts/memory/host';
import { MemoryWorkbook } from '../../src/hosts/memory/workbook';
import { SETTINGS_CONFIG } from '../../src/plan/owned';
import { Pane } from '../../src/taskpane/components/Pane';
import { MIN_CUSTOMERS, scopeProblem } from '../../src/taskpane/state/guardrails';
import { InProcessClient } from '../../src/taskpane/worker/client';
import { lastOn, renderPane } from './render';

jest.setTimeout(40_000);
configure({ asyncUtilTimeout: 15_000 });

/*
 * Latest sale 2017-12-30; 12 rolling months cover 2016-12-31 .. 2017-12-30.
 * In them: a 700, b 200, c 100. d and e bought only in June 2016.
 * ABC 80/15/5: a (ahead 0) A, b (ahead 0.70) A, c (ahead 0.90) B; d and e without sales: C by the
 * contract, counted on the "(no sales in the period)" row: A 2 (40 %), B 1 (20 %), C 0, apart 2 (40 %).
 */
function workbook(window: Config['window']): MemoryWorkbook {
  const wb = new MemoryWorkbook();
  wb.addSheet('Sales', [
    ['Customer', 'Order Date', 'Sales', 'Region'],
    ['a', '2017-03-01', 700, 'West'],
    ['b', '2017-05-01', 200, 'West'],
    ['c', '2017-12-30', 100, 'East'],
    ['d', '2016-06-01', 400, 'East'],
    ['e', '2016-06-02', 50, 'East'],
  ]);
  const abc = defaultConfig().segmentTypes[0];
  wb.settings.set(SETTINGS_CONFIG, JSON.stringify({ ...defaultConfig(), window, segmentTypes: [abc] }));
  return wb;
}

const rowsOf = () =>
  Array.from(screen.getByTestId('preview-table').querySelectorAll('tbody tr')).map((r) =>
    within(r as HTMLElement)
      .getAllByRole('cell')
      .slice(0, 3)
      .map((c) => c.textContent),
  );

async function open(wb: MemoryWorkbook) {
  renderPane(<Pane host={new MemoryHost(wb)} engine={new InProcessClient()} steps={lastOn('segments')} />);
  await waitFor(() => expect(screen.getByTestId('preview-table')).toBeTruthy());
}

describe('guardrails', () => {
  it('counts the lines and customers of the period, and shows customers without sales on their own row', async () => {
    await open(workbook({ kind: 'rolling', months: 12 }));
    await waitFor(() => expect(rowsOf()).toEqual([
      ['A', '2', '40.0%'],
      ['B', '1', '20.0%'],
      ['C', '0', '0.0%'],
      [NO_SALES_LABEL, '2', '40.0%'],
    ]));
    expect(screen.getByTestId('preview-counted').textContent).toBe('In the period and filters: 3 sales lines, 3 customers with sales');
    fireEvent.click(screen.getByRole('tab', { name: 'Data' }));
    await waitFor(() => expect(screen.getByTestId('data-counted').textContent).toBe('In the period and filters: 3 sales lines, 3 customers with sales'));
    expect(screen.queryByTestId('scope-problem')).toBeNull();
  });

  it('a year without sales (a typo: 2030) blocks Apply with a plain message, in every step', async () => {
    await open(workbook({ kind: 'year', year: 2030, startMonth: 1 }));
    const message = 'No sales line falls in the period you chose. Choose another period in the Data step.';
    await waitFor(() => expect(screen.getByTestId('preview-blocked').textContent).toBe(message));
    fireEvent.click(screen.getByRole('tab', { name: 'Data' }));
    await waitFor(() => expect(screen.getByTestId('data-counted').textContent).toBe('In the period and filters: 0 sales lines, 0 customers with sales'));
    expect(screen.getByTestId('scope-problem').textContent).toBe(message);
    // The footer's Apply says the same, and waits.
    expect(screen.getByTestId('apply-footer-what').textContent).toBe(message);
    expect((within(screen.getByTestId('apply-footer')).getByRole('button', { name: 'Apply' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('tab', { name: 'Apply' }));
    expect(screen.getByTestId('apply-blocked').textContent).toBe(message);
    expect((screen.getByRole('button', { name: 'Apply' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('says when settings changed since the last run, until Apply', async () => {
    const wb = workbook({ kind: 'all' });
    await open(wb);
    fireEvent.click(screen.getByRole('tab', { name: 'Apply' }));
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
    await waitFor(() => expect(screen.getByTestId('run-status').textContent).toContain('Tiers last computed'), { timeout: 20_000 });
    expect(screen.queryByTestId('settings-changed')).toBeNull();
    // Both states take a badge on a line of its own, so the pane does not jump when they change.
    expect(screen.getByTestId('settings-unchanged').textContent).toBe('Settings as applied in the last run');
    fireEvent.click(screen.getByRole('tab', { name: 'Segment types' }));
    const name = () => screen.getByRole('textbox', { name: 'Segment type name' });
    fireEvent.change(name(), { target: { value: 'Sales tiers' } });
    await waitFor(() => expect(screen.getByTestId('settings-changed').textContent).toBe('Settings changed since the last run'));
    expect(screen.queryByTestId('settings-unchanged')).toBeNull();
    // Typing the old name back: nothing differs from the last run any more.
    fireEvent.change(name(), { target: { value: 'Sales ABC' } });
    await waitFor(() => expect(screen.queryByTestId('settings-changed')).toBeNull());
    fireEvent.change(name(), { target: { value: 'Sales tiers' } });
    await screen.findByTestId('settings-changed');
    fireEvent.click(screen.getByRole('tab', { name: 'Apply' }));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Apply' })));
    await waitFor(() => expect(screen.queryByTestId('settings-changed')).toBeNull(), { timeout: 20_000 });
  });
});

describe('scopeProblem', () => {
  const base = { usable: true, lineCount: 10, windowLines: 10, windowCustomers: 5 };
  it('names what leaves nothing to count, and what to change', () => {
    expect(scopeProblem(base, false)).toBeUndefined();
    expect(scopeProblem({ ...base, windowLines: 0, windowCustomers: 0 }, true)).toBe('No sales line falls in the period and filters you chose. Choose another period in the Data step, or remove a filter.');
    expect(scopeProblem({ ...base, lineCount: 0, windowLines: 0, windowCustomers: 0 }, true)).toBe('The filters leave no sales line. Remove a filter in the Data step.');
    expect(scopeProblem({ ...base, windowCustomers: 1 }, false)).toBe(`Only 1 customer has sales in the period: tiers need at least ${MIN_CUSTOMERS}. Choose another period in the Data step.`);
    expect(scopeProblem({ ...base, windowCustomers: MIN_CUSTOMERS }, false)).toBeUndefined();
    // An unusable mapping has its own messages.
    expect(scopeProblem({ ...base, usable: false, windowLines: 0 }, false)).toBeUndefined();
  });
});
