/**
 * @jest-environment jsdom
 */
// The first screen says where you are: the data in use and its size at the top, with a way to change
// it; "needs attention" on the selected type is not red on the brand colour (1.34:1); the pane opens on
// Data the first time and on the step last used afterwards; Apply sits in a footer of the other steps.
import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { MemoryHost } from '../../src/hosts/memory/host';
import { MemoryWorkbook } from '../../src/hosts/memory/workbook';
import { Pane } from '../../src/taskpane/components/Pane';
import { SegmentTypeList } from '../../src/taskpane/components/SegmentTypeList';
import { defaultConfig } from '../../src/engine/config';
import { InProcessClient } from '../../src/taskpane/worker/client';
import { SETTINGS_CONFIG } from '../../src/plan/owned';
import { LAST_STEP_PREFIX, openingStep, storedStepMemory } from '../../src/taskpane/state/lastStep';
import { fourCustomers, lastOn, renderPane } from './render';

jest.setTimeout(90_000);
configure({ asyncUtilTimeout: 15_000 });

it('names the data in use and its size at the top, and Change opens the Data step', async () => {
  const wb = new MemoryWorkbook();
  wb.addSheet('Sales', [
    ['Customer', 'Sales', 'Profit'],
    ['C1', 500, 50],
    ['C2', 300, 30],
    ['C3', 150, 15],
  ]);
  renderPane(<Pane host={new MemoryHost(wb)} engine={new InProcessClient()} steps={lastOn('segments')} />);
  await waitFor(() => expect(screen.getByTestId('preview-table')).toBeTruthy());
  await waitFor(() => expect(screen.getByTestId('source-line').textContent).toBe('Data: Sheet Sales (3 rows) · 3 lines used · Change'));
  fireEvent.click(screen.getByRole('button', { name: 'Change' }));
  await waitFor(() => expect(screen.getByRole('tab', { name: 'Data' }).getAttribute('aria-selected')).toBe('true'));
  expect(screen.getByTestId('source-line').textContent).toBe('Data: Sheet Sales (3 rows) · 3 lines used');
});

// Customer, date and amount only, the most common export: the default's profit bands cannot run, and
// would make the first screen an error about a type nobody asked for. 500 / 300 / 150 of 950: C1 is
// ahead of nobody (A), C2 ahead 52.6 % (A), C3 ahead 84.2 % (B).
it('starts a workbook without settings with the types its columns can run', async () => {
  const wb = new MemoryWorkbook();
  wb.addSheet('Sales', [
    ['Customer', 'Date', 'Sales'],
    ['C1', '2017-01-01', 500],
    ['C2', '2017-01-02', 300],
    ['C3', '2017-01-03', 150],
  ]);
  renderPane(<Pane host={new MemoryHost(wb)} engine={new InProcessClient()} steps={lastOn('segments')} />);
  await waitFor(() => expect(screen.getByTestId('preview-table')).toBeTruthy(), { timeout: 20_000 });
  expect(screen.queryByRole('button', { name: /Profit band/ })).toBeNull();
  expect(screen.getByTestId('source-line').textContent).toBe('Data: Sheet Sales (3 rows) · 3 lines used · Change');
  const rows = Array.from(screen.getByTestId('preview-table').querySelectorAll('tbody tr')).map((r) => within(r as HTMLElement).getAllByRole('cell').slice(0, 2).map((c) => c.textContent));
  expect(rows).toEqual([['A', '2'], ['B', '1'], ['C', '0']]);
  expect(wb.settings.size).toBe(0); // nothing is written until Apply
});

it('fits the untouched start to another range chosen, and leaves an edited one alone', async () => {
  const wb = new MemoryWorkbook();
  wb.addSheet('Sales', [['Customer', 'Sales'], ['C1', 500], ['C2', 300], ['C3', 150]]);
  wb.addSheet('Margins', [['Customer', 'Sales', 'Profit'], ['C1', 500, 50], ['C2', 300, 30], ['C3', 150, 15]]);
  renderPane(<Pane host={new MemoryHost(wb)} engine={new InProcessClient()} steps={lastOn('data')} />);
  await waitFor(() => expect(screen.getByTestId('data-summary').textContent).toBe('3 lines used · 3 customers'));
  const choose = async (sheet: string) => {
    // The picker waits while the engine prepares (after an edit of the Data step, say).
    await waitFor(() => expect(screen.getByRole('combobox', { name: /Sales data/ }).getAttribute('tabindex')).toBe('0'), { timeout: 20_000 });
    fireEvent.click(screen.getByRole('combobox', { name: /Sales data/ }));
    fireEvent.click(await screen.findByRole('option', { name: new RegExp(`Sheet ${sheet}`) }));
    await waitFor(() => expect(screen.getByTestId('source-line').textContent).toContain(`Sheet ${sheet}`));
  };
  const typesShown = async (names: string[]) => {
    fireEvent.click(screen.getByRole('tab', { name: 'Segment types' }));
    await waitFor(() =>
      expect(within(screen.getByRole('list', { name: 'Segment types' })).getAllByRole('listitem').map((li) => names.find((n) => li.textContent?.startsWith(n)))).toEqual(names),
    );
    fireEvent.click(screen.getByRole('tab', { name: 'Data' }));
  };
  await typesShown(['Sales ABC']);
  await choose('Margins');
  await typesShown(['Sales ABC', 'Profit band']);
  // An edit (the minimum net sales of the Data step) makes the draft the user's: back on Sales, the
  // profit bands stay, and the engine says what they need.
  fireEvent.change(screen.getByRole('textbox', { name: 'Minimum net sales' }), { target: { value: '10' } });
  await choose('Sales');
  await typesShown(['Sales ABC', 'Profit band']);
});

it('"needs attention" takes the selected button\'s own colour, and red elsewhere', () => {
  const types = defaultConfig().segmentTypes;
  renderPane(<SegmentTypeList types={types} selected={0} invalid={[true, true]} onSelect={() => undefined} onMove={() => undefined} onRemove={() => undefined} onAdd={() => undefined} />);
  const [selected, other] = screen.getAllByTestId('needs-attention');
  expect(getComputedStyle(selected).color).not.toBe(getComputedStyle(other).color);
  expect(selected.className).not.toBe(other.className);
});

describe('the step the pane opens on', () => {
  const sales = () => {
    const wb = new MemoryWorkbook();
    wb.addSheet('Sales', [
      ['Customer', 'Sales', 'Profit'],
      ['C1', 500, 50],
      ['C2', 300, 30],
      ['C3', 150, 15],
    ]);
    return wb;
  };
  const selected = () => screen.getAllByRole('tab').find((t) => t.getAttribute('aria-selected') === 'true')?.textContent;

  beforeEach(() => localStorage.clear());

  it('is Data the first time (no saved settings, nothing remembered), then the step last used in that workbook', async () => {
    const wb = sales();
    const first = renderPane(<Pane host={new MemoryHost(wb)} engine={new InProcessClient()} steps={storedStepMemory('Book1.xlsx')} />);
    await waitFor(() => expect(screen.getByTestId('data-counted')).toBeTruthy());
    expect(selected()).toBe('Data');
    fireEvent.click(screen.getByRole('tab', { name: 'Segment types' }));
    await waitFor(() => expect(screen.getByTestId('preview-table')).toBeTruthy());
    expect(localStorage.getItem(`${LAST_STEP_PREFIX}Book1.xlsx`)).toBe('segments');
    first.unmount();
    // Opened again on the same workbook: where the user left it.
    const again = renderPane(<Pane host={new MemoryHost(wb)} engine={new InProcessClient()} steps={storedStepMemory('Book1.xlsx')} />);
    expect(selected()).toBe('Segment types');
    await waitFor(() => expect(screen.getByTestId('preview-table')).toBeTruthy());
    again.unmount();
    // Another workbook is a first visit of its own.
    renderPane(<Pane host={new MemoryHost(sales())} engine={new InProcessClient()} steps={storedStepMemory('Book2.xlsx')} />);
    await waitFor(() => expect(screen.getByTestId('data-counted')).toBeTruthy());
    expect(selected()).toBe('Data');
  });

  it('is Segment types for a workbook with saved settings and no step remembered (a colleague, another browser)', async () => {
    const wb = sales();
    wb.settings.set(SETTINGS_CONFIG, JSON.stringify(defaultConfig()));
    renderPane(<Pane host={new MemoryHost(wb)} engine={new InProcessClient()} steps={storedStepMemory('Shared.xlsx')} />);
    await waitFor(() => expect(selected()).toBe('Segment types'));
    await waitFor(() => expect(screen.getByTestId('preview-table')).toBeTruthy());
  });

  it('is Data when the browser keeps nothing (storage refused)', async () => {
    const refused = storedStepMemory('Book1.xlsx', () => {
      throw new Error('SecurityError');
    });
    renderPane(<Pane host={new MemoryHost(sales())} engine={new InProcessClient()} steps={refused} />);
    await waitFor(() => expect(screen.getByTestId('data-counted')).toBeTruthy());
    fireEvent.click(screen.getByRole('tab', { name: 'Apply' }));
    expect(selected()).toBe('Apply');
  });

  it('openingStep: remembered first, else Segment types with saved settings, else Data', () => {
    expect(openingStep(undefined, false)).toBe('data');
    expect(openingStep(undefined, true)).toBe('segments');
    expect(openingStep('apply', false)).toBe('apply');
    expect(openingStep('data', true)).toBe('data');
  });
});

describe('the footer of the Data and Segment types steps', () => {
  it('says what Apply will write, and its Apply runs the Apply step with the focus on the progress, then the result', async () => {
    const wb = fourCustomers();
    renderPane(<Pane host={new MemoryHost(wb)} engine={new InProcessClient()} />);
    const footer = await screen.findByTestId('apply-footer');
    await waitFor(() => expect(screen.getByTestId('apply-footer-what').textContent).toBe('Writes 2 segment types to Customer Tiers and Segment Summary.'));
    fireEvent.click(within(footer).getByRole('button', { name: 'Apply' }));
    expect(screen.getByRole('tab', { name: 'Apply' }).getAttribute('aria-selected')).toBe('true');
    // No second footer on the Apply step.
    expect(screen.queryByTestId('apply-footer')).toBeNull();
    await waitFor(() => expect(screen.getByTestId('apply-report').textContent).toContain('Done: 4 customers segmented.'), { timeout: 30_000 });
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('apply-result')));
    expect(wb.sheet('Customer Tiers')).toBeDefined();
  });

  it('while a problem blocks Apply, names it with a link to its field', async () => {
    renderPane(<Pane host={new MemoryHost(fourCustomers())} engine={new InProcessClient()} steps={lastOn('segments')} />);
    await waitFor(() => expect(screen.getByTestId('preview-table')).toBeTruthy());
    fireEvent.click(screen.getByRole('button', { name: /^Profit band/ }));
    const low = screen.getByRole('textbox', { name: 'Low: to profit (excluded)' });
    fireEvent.change(low, { target: { value: '' } });
    fireEvent.change(low, { target: { value: '400' } });
    const footer = screen.getByTestId('apply-footer');
    await waitFor(() => expect(screen.getByTestId('apply-footer-what').textContent).toBe('Fix this problem first: Profit band > Mid: from: no band covers 400 to 500'));
    expect((within(footer).getByRole('button', { name: 'Apply' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(within(footer).getByRole('button', { name: 'Profit band > Mid: from' }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Mid: from profit (included)' })));
  });
});
