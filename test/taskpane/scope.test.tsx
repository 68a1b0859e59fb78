/**
 * @jest-environment jsdom
 */
// What is counted (Data step): window, minimum, filters and how text is read, edited as the pane
// edits them (the draft reducer, validated by the engine's schema).
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { useReducer } from 'react';
import type { ColumnValues } from '../../src/engine/column-values';
import { defaultConfig, type Config } from '../../src/engine/config';
import { ScopeEditor } from '../../src/taskpane/components/ScopeEditor';
import { draftReducer, initialDraft } from '../../src/taskpane/state/draft';
import { checkDraft } from '../../src/taskpane/state/validation';
import { renderPane } from './render';

const HEADER = ['Order ID', 'Order Date', 'Customer ID', 'Region', 'Sales', 'Profit'];
const REGIONS: ColumnValues = { values: ['Central', 'East', 'South', 'West'], distinct: 4 };

function Harness({ start, onConfig, valuesOf, window, decimalRead }: { start?: Partial<Config>; onConfig(c: Config): void; valuesOf(column: string): Promise<ColumnValues | undefined>; window?: { start: string; end: string }; decimalRead?: { decimal: '.' | ','; proven: boolean } }) {
  const [draft, dispatch] = useReducer(draftReducer, undefined, () => initialDraft({ ...defaultConfig(), ...start }));
  onConfig(draft.config);
  return (
    <ScopeEditor
      config={draft.config}
      header={HEADER}
      window={window}
      latestSale="2017-12-30"
      decimalRead={decimalRead}
      issues={checkDraft(draft.config).issues}
      onChange={(scope) => dispatch({ type: 'setScope', scope })}
      valuesOf={valuesOf}
    />
  );
}

function setup(start?: Partial<Config>, window?: { start: string; end: string }, decimalRead?: { decimal: '.' | ','; proven: boolean }) {
  let config = defaultConfig();
  const asked: string[] = [];
  const valuesOf = jest.fn(async (column: string) => {
    asked.push(column);
    return column === 'Region' ? REGIONS : { values: ['x'], distinct: 900 };
  });
  renderPane(<Harness start={start} window={window} decimalRead={decimalRead} onConfig={(c) => (config = c)} valuesOf={valuesOf} />);
  return { config: () => config, asked };
}

const choose = (combobox: string, option: string) => {
  fireEvent.click(screen.getByRole('combobox', { name: combobox }));
  fireEvent.click(screen.getByRole('option', { name: option }));
};

describe('the time window', () => {
  it('starts as all dates; rolling months end on the latest sale unless a day is given', () => {
    const s = setup();
    expect(screen.getByRole('combobox', { name: 'Sales lines counted' }).textContent).toBe('All dates');
    choose('Sales lines counted', 'The last months (rolling)');
    expect(s.config().window).toEqual({ kind: 'rolling', months: 12 });
    // The hint names the latest sale, formatted for the user (en-US here).
    expect(screen.getByText(/Blank: the latest sale \(Dec 30, 2017\)/)).toBeTruthy();
    fireEvent.change(screen.getByRole('textbox', { name: 'Months' }), { target: { value: '6' } });
    fireEvent.change(screen.getByLabelText('Ending on'), { target: { value: '2017-06-30' } });
    expect(s.config().window).toEqual({ kind: 'rolling', months: 6, end: '2017-06-30' });
    fireEvent.change(screen.getByLabelText('Ending on'), { target: { value: '' } });
    expect(s.config().window).toEqual({ kind: 'rolling', months: 6 });
  });

  it('a year starts in the latest sale\'s year, in January; a fiscal year names its start month', () => {
    const s = setup();
    choose('Sales lines counted', 'A calendar or fiscal year');
    expect(s.config().window).toEqual({ kind: 'year', year: 2017, startMonth: 1 });
    choose('Starting in', 'April');
    expect(s.config().window).toEqual({ kind: 'year', year: 2017, startMonth: 4 });
    choose('Sales lines counted', 'All dates');
    expect(s.config().window).toEqual({ kind: 'all' });
  });

  it('shows the schema\'s message under a field it rejects, and the days the last preparation counted', () => {
    setup({ window: { kind: 'rolling', months: 12 } }, { start: '2016-12-31', end: '2017-12-30' });
    expect(screen.getByTestId('window-days').textContent).toBe('Sales from Dec 31, 2016 to Dec 30, 2017, both included.');
    fireEvent.change(screen.getByRole('textbox', { name: 'Months' }), { target: { value: '0' } });
    expect(screen.getByText('a rolling window needs at least 1 month')).toBeTruthy();
  });
});

describe('the minimum and how text is read', () => {
  it('a typed minimum is set, and a blank one is no minimum', () => {
    const s = setup();
    const box = screen.getByRole('textbox', { name: 'Minimum net sales' });
    fireEvent.change(box, { target: { value: '500' } });
    expect(s.config().minimumNetSales).toBe(500);
    fireEvent.change(box, { target: { value: '' } });
    expect('minimumNetSales' in s.config()).toBe(false);
  });

  it('decimal comma and the order of text dates', () => {
    const s = setup();
    choose('Numbers written as text', '1.234,50 (decimal comma)');
    choose('Dates written as text', 'Day/month/year (25/03/2017)');
    expect(s.config().locale).toEqual({ decimal: ',', dateOrder: 'DMY' });
    choose('Numbers written as text', 'Detect from the data');
    expect(s.config().locale.decimal).toBe('auto');
  });

  it('with detect, the hint says which separator the text numbers proved, or that none did', () => {
    setup(undefined, undefined, { decimal: ',', proven: true });
    expect(screen.getByText('The numbers written as text use a decimal comma. Number cells are read as they are.')).toBeTruthy();
  });

  it('with detect and no text number to go by, the hint says a point is used', () => {
    setup(undefined, undefined, { decimal: '.', proven: false });
    expect(screen.getByText('No number written as text shows its separator: read with a decimal point. Number cells are read as they are.')).toBeTruthy();
  });
});

describe('filters', () => {
  it('a new filter leaves nothing out until values are chosen; keep only with none says every line goes', async () => {
    const s = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Add a filter' }));
    // No column yet: the schema says so under the column, and nothing is read.
    expect(s.config().filters).toEqual([{ column: '', notIn: [] }]);
    expect(screen.getByText('a filter needs a column')).toBeTruthy();
    expect(screen.getByRole('combobox', { name: 'Filter 1: column' }).textContent).toBe('Choose a column');
    expect(screen.getByRole('combobox', { name: 'Filter 1: values' })).toHaveProperty('disabled', true);
    expect(s.asked).toEqual([]);
    choose('Filter 1: column', 'Region');
    expect(screen.getByRole('alert').textContent).toBe('No value chosen yet: the filter leaves nothing out.');
    expect(s.config().filters).toEqual([{ column: 'Region', notIn: [] }]);
    choose('Filter 1: lines', 'Keep only');
    expect(s.config().filters).toEqual([{ column: 'Region', in: [] }]);
    expect(screen.getByRole('alert').textContent).toBe('No value chosen: every line is left out. Choose the values to keep.');
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Filter 1: values' })).not.toHaveProperty('disabled', true));
    expect(s.asked).toContain('Region');
    fireEvent.click(screen.getByRole('combobox', { name: 'Filter 1: values' }));
    // A multiselect lists its values as check boxes (Fluent's menuitemcheckbox role).
    const listed = await screen.findAllByRole('menuitemcheckbox');
    expect(listed.map((o) => o.textContent)).toEqual(['Central', 'East', 'South', 'West']);
    fireEvent.click(screen.getByRole('menuitemcheckbox', { name: 'West' }));
    fireEvent.click(screen.getByRole('menuitemcheckbox', { name: 'East' }));
    expect(s.config().filters).toEqual([{ column: 'Region', in: ['West', 'East'] }]);
    expect(screen.queryByRole('alert')).toBeNull();
    choose('Filter 1: lines', 'Leave out');
    expect(s.config().filters).toEqual([{ column: 'Region', notIn: ['West', 'East'] }]);
  });

  it('keeps a saved value the column no longer has, says so, and says when only the most frequent values are listed', async () => {
    setup({ filters: [{ column: 'Region', in: ['West', 'North'] }, { column: 'Order ID', notIn: ['x'] }] });
    // The list opens once the column's values are in.
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Filter 1: values' })).not.toHaveProperty('disabled', true));
    fireEvent.click(screen.getByRole('combobox', { name: 'Filter 1: values' }));
    const listed = await screen.findAllByRole('menuitemcheckbox');
    expect(listed.map((o) => o.textContent)).toEqual(['Central', 'East', 'South', 'West', 'North (not in the data)']);
    expect(await screen.findByText('The 1 most frequent of 900 values are listed.')).toBeTruthy();
  });

  it('removes a filter', async () => {
    const s = setup({ filters: [{ column: 'Region', in: ['West'] }] });
    await act(async () => {});
    fireEvent.click(screen.getByRole('button', { name: 'Remove filter 1' }));
    expect(s.config().filters).toEqual([]);
    expect(screen.queryByRole('group', { name: 'Filter 1' })).toBeNull();
  });

  it('shows the message of a run that cannot apply a filter under the filter\'s column', async () => {
    renderPane(
      <ScopeEditor
        config={{ ...defaultConfig(), filters: [{ column: 'Country', in: ['US'] }] }}
        header={HEADER}
        issues={[{ severity: 'error', where: 'filters[0].column', message: 'no column is headed "Country"' }]}
        onChange={() => undefined}
        valuesOf={async () => undefined}
      />,
    );
    const group = screen.getByRole('group', { name: 'Filter 1' });
    expect(within(group).getByText('no column is headed "Country"')).toBeTruthy();
    await act(async () => {}); // the (empty) list of values arrives
  });
});
