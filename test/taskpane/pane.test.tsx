/**
 * @jest-environment jsdom
 */
import { act, cleanup, configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { MemoryHost } from '../../src/hosts/memory/host';
import { MemoryWorkbook, setCell } from '../../src/hosts/memory/workbook';
import { SETTINGS_CONFIG } from '../../src/plan/owned';
import { IssueList } from '../../src/taskpane/components/IssueList';
import { Pane } from '../../src/taskpane/components/Pane';
import { PreviewDock } from '../../src/taskpane/components/PreviewDock';
import { InProcessClient } from '../../src/taskpane/worker/client';
import { defaultConfig } from '../../src/engine/config';
import { lastOn, renderPane } from './render';

/*
 * Four customers, net sales 500 / 300 / 150 / 50 (total 1,000), and one unreadable row.
 * ABC 80/15/5, upper boundary (share strictly ahead of the customer decides):
 *   C1 ahead 0.00 -> A;  C2 ahead 0.50 < 0.80 -> A;  C3 ahead 0.80 (not < 0.80) -> B;  C4 ahead 0.95 -> C.
 *   A: 2 customers (50.0 %), 800/1000 = 80.0 % of sales, profit 100 - 20 = 80
 *   B: 1 (25.0 %), 15.0 %, profit 30;  C: 1 (25.0 %), 5.0 %, profit 5
 * With the A|B line at 50: C2 ahead 0.50 is not < 0.50 -> B, so A: 1 (25.0 %, 50.0 %, profit 100), B: 2 (50.0 %, 45.0 %, profit -20 + 30 = 10).
 */
function workbook(): MemoryWorkbook {
  const wb = new MemoryWorkbook();
  wb.addSheet('Sales', [
    ['Customer', 'Sales', 'Profit'],
    ['C1', 500, 100],
    ['C2', 300, -20],
    ['C3', 150, 30],
    ['C4', 50, 5],
    ['C5', 'abc', 1],
  ]);
  return wb;
}

// The segment rows' first five cells (the money columns and the total row have tests of their own).
const rowsOf = () =>
  Array.from(screen.getByTestId('preview-table').querySelectorAll('tbody tr')).map((r) =>
    within(r as HTMLElement)
      .getAllByRole('cell')
      .slice(0, 5)
      .map((c) => c.textContent),
  );

/** Apply from the Apply step, and wait for its report: `customers` segmented. */
async function applyAndWait(customers: number) {
  fireEvent.click(screen.getByRole('tab', { name: 'Apply' }));
  fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
  await waitFor(() => expect(screen.getByTestId('apply-report').textContent).toContain(`Done: ${customers} customers segmented.`), { timeout: 20_000 });
}

async function openPane(wb = workbook()) {
  const host = new MemoryHost(wb);
  renderPane(<Pane host={host} engine={new InProcessClient()} steps={lastOn('segments')} />);
  await waitFor(() => expect(screen.getByTestId('preview-table')).toBeTruthy(), { timeout: 20_000 });
  return { host, wb };
}

// The whole pane in jsdom renders slowly (every Fluent component, no layout engine): seconds, not a hang.
// The answers-range test opens the pane twice and applies: 66 s alone on a shared 2-core machine.
jest.setTimeout(180_000);
// ...and on a busy machine a dialog can take more than the default second to appear.
configure({ asyncUtilTimeout: 15_000 });

describe('the pane on an in-memory workbook', () => {
  it('previews the segments of the selected type with the numbers worked out by hand', async () => {
    await openPane();
    // Profit is shown in whole units since the preview table was fitted to the 320 px pane.
    expect(rowsOf()).toEqual([
      ['A', '2', '50.0%', '80.0%', '80'],
      ['B', '1', '25.0%', '15.0%', '30'],
      ['C', '1', '25.0%', '5.0%', '5'],
    ]);
  });

  it('moves the A threshold with the keyboard and the preview follows', async () => {
    await openPane();
    const line = screen.getByRole('slider', { name: 'Threshold between A and B' });
    expect(line.getAttribute('aria-valuenow')).toBe('80');
    for (let i = 0; i < 6; i++) fireEvent.keyDown(line, { key: 'PageDown' });
    await waitFor(() => expect(screen.getByRole('slider', { name: 'Threshold between A and B' }).getAttribute('aria-valuenow')).toBe('50'));
    await waitFor(() =>
      expect(rowsOf()).toEqual([
        ['A', '1', '25.0%', '50.0%', '100'],
        ['B', '2', '50.0%', '45.0%', '10'],
        ['C', '1', '25.0%', '5.0%', '5'],
      ]),
    );
    // The share boxes of the editor moved with it: A 50, B 45.
    expect(screen.getByRole('spinbutton', { name: 'Share of A, percent' })).toHaveProperty('value', '50');
    expect(screen.getByRole('spinbutton', { name: 'Share of B, percent' })).toHaveProperty('value', '45');
  });

  it('shows the detected columns and the row left out, and selects its cell on click', async () => {
    const { wb } = await openPane();
    fireEvent.click(screen.getByRole('tab', { name: 'Data' }));
    await waitFor(() => expect(screen.getByTestId('data-summary').textContent).toBe('4 lines used · 4 customers'));
    expect(screen.getByRole('combobox', { name: 'Customer (required)' }).textContent).toBe('Customer');
    expect(screen.getByRole('combobox', { name: 'Sales amount (required)' }).textContent).toBe('Sales');
    expect(screen.getByRole('combobox', { name: 'Cost' }).textContent).toBe('(not mapped)');
    expect(screen.getByTestId('left-out').textContent).toBe('1 row was left out because of a problem.');
    // No profiles and no visit frequencies in the defaults: no second-range pickers.
    expect(screen.queryByRole('combobox', { name: /Questionnaire answers/ })).toBeNull();
    expect(screen.queryByRole('combobox', { name: /Visits/ })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Select Sales!B6 in the workbook' }));
    await waitFor(() => expect(wb.selected).toBe('Sales!B6'));
  });

  it('applies: writes the tiers and the summary, saves the configuration, then says whether the data changed since', async () => {
    const { wb } = await openPane();
    expect(screen.getByTestId('run-status').textContent).toBe('No tiers computed in this workbook yet.');
    await applyAndWait(4);
    const tiers = wb.values('Customer Tiers');
    const header = tiers[0];
    const byId = Object.fromEntries(tiers.slice(1).map((r) => [r[0], r[header.indexOf('Sales ABC')]]));
    expect(byId).toEqual({ C1: 'A', C2: 'A', C3: 'B', C4: 'C' });
    expect(JSON.parse(wb.settings.get(SETTINGS_CONFIG)!).segmentTypes.map((t: { name: string }) => t.name)).toEqual(['Sales ABC', 'Profit band']);
    // The pane lists the first problems; the summary sheet lists every one, under the summaries.
    const summary = wb.values('Segment Summary');
    const at = summary.findIndex((r) => r[0] === 'Where');
    expect(summary[at - 1][0]).toBe('Left out: 1 row with a problem; fix the cells and run Tierwise again');
    expect(summary[at + 1].slice(0, 3)).toEqual(['Sales!B6', 'abc', 'Sales "abc" is not a number: type a number such as 1234.50']);
    // Its address links to the cell.
    expect([...wb.sheet('Segment Summary')!.links.entries()]).toEqual([[`${at + 1},0`, 'Sales!B6']]);
    await waitFor(() => expect(screen.getByTestId('run-status').textContent).toContain('Data unchanged since then'));
    fireEvent.click(screen.getByRole('button', { name: 'Go to the summary' }));
    await waitFor(() => expect(wb.selected).toBe("'Segment Summary'!A1"));
    // Someone corrects C4's sales to 60 and the data is read again: the pane says the tiers are out of date.
    setCell(wb.sheet('Sales')!, 4, 1, 60);
    fireEvent.click(screen.getByRole('tab', { name: 'Data' }));
    fireEvent.click(screen.getByRole('button', { name: 'Read again' }));
    await waitFor(() => expect(screen.getByTestId('run-status').textContent).toContain('The data changed since then: apply again'));
  });

  it('cancel during Apply stops before anything is written, and says so', async () => {
    let release: () => void = () => undefined;
    // Holds Apply's read of the sales data until the test lets it go (the pane's first read passes).
    class SlowHost extends MemoryHost {
      armed = false;
      override async readSource(...args: Parameters<MemoryHost['readSource']>) {
        if (this.armed) await new Promise<void>((r) => (release = r));
        return super.readSource(...args);
      }
    }
    const wb = workbook();
    const host = new SlowHost(wb);
    renderPane(<Pane host={host} engine={new InProcessClient()} steps={lastOn('segments')} />);
    await waitFor(() => expect(screen.getByTestId('preview-table')).toBeTruthy());
    host.armed = true;
    fireEvent.click(screen.getByRole('tab', { name: 'Apply' }));
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
    expect(await screen.findByRole('progressbar')).toBeTruthy();
    fireEvent.click(await screen.findByRole('button', { name: 'Cancel' }));
    release();
    expect(await screen.findByText('Cancelled: nothing was written.')).toBeTruthy();
    expect(wb.sheet('Customer Tiers')).toBeUndefined();
  });

  it('loads the saved configuration, and clears manual overrides only after confirmation', async () => {
    const wb = workbook();
    const saved = defaultConfig();
    saved.overrides = { 'Sales ABC': { C4: 'A' } };
    wb.settings.set(SETTINGS_CONFIG, JSON.stringify(saved));
    await openPane(wb);
    // C4 is in A by hand: A has 3 customers.
    await waitFor(() => expect(rowsOf()[0].slice(0, 2)).toEqual(['A', '3']));
    fireEvent.click(screen.getByRole('tab', { name: 'Apply' }));
    fireEvent.click(screen.getByRole('button', { name: 'Clear manual overrides (1)' }));
    // findByRole retries until the dialog is open and accessible (it animates in, and out).
    expect(await screen.findByRole('alertdialog', { name: 'Clear the manual overrides?' })).toBeTruthy();
    fireEvent.click(await screen.findByRole('button', { name: 'Keep them' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(screen.queryByText('The manual overrides will be removed when you apply.')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Clear manual overrides (1)' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Clear overrides' }));
    expect(await screen.findByText('The manual overrides will be removed when you apply.')).toBeTruthy();
    fireEvent.click(screen.getByRole('tab', { name: 'Segment types' }));
    await waitFor(() => expect(rowsOf()[0].slice(0, 2)).toEqual(['A', '2']));
    await act(async () => undefined);
  });

  it('takes a questionnaire answers range chosen in the Data step: the preview and Apply use it', async () => {
    /*
     * The workbook above plus an Answers sheet. Subscribers = Newsletter "Yes": C1, C3 and P1, a prospect
     * who never bought (5 customers in all). Subscribers: 3 customers (60.0 %), sales 500 + 150 = 650 of
     * 1,000 (65.0 %), profit 100 + 30 = 130. The rest (C2, C4): 2 (40.0 %), 350 (35.0 %), profit -20 + 5 = -15.
     */
    const wb = workbook();
    wb.addSheet('Answers', [
      ['Customer', 'Newsletter'],
      ['C1', 'Yes'],
      ['C2', 'No'],
      ['C3', 'yes'],
      ['P1', 'Yes'],
    ]);
    const saved = { ...defaultConfig(), segmentTypes: [{ name: 'Profile', kind: 'profiles', profiles: [{ name: 'Subscribers', include: { Newsletter: ['Yes'] } }] }] };
    wb.settings.set(SETTINGS_CONFIG, JSON.stringify(saved));
    renderPane(<Pane host={new MemoryHost(wb)} engine={new InProcessClient()} steps={lastOn('segments')} />);
    fireEvent.click(await screen.findByRole('tab', { name: 'Data' }));
    await waitFor(() => expect(screen.getByTestId('data-summary').textContent).toBe('4 lines used · 4 customers'));
    // A profiles type reads answers; no segment has a visit frequency, so only that picker shows.
    const picker = screen.getByRole('combobox', { name: /Questionnaire answers/ });
    expect(picker.textContent).toBe('None');
    expect(screen.queryByRole('combobox', { name: /Visits/ })).toBeNull();
    fireEvent.click(picker);
    fireEvent.click(screen.getByRole('option', { name: 'Sheet Answers (4 rows)' }));
    await waitFor(() => expect(screen.getByTestId('data-summary').textContent).toBe('4 lines used · 5 customers'));
    expect(screen.getByRole('combobox', { name: /Questionnaire answers/ }).textContent).toBe('Sheet Answers (4 rows)');

    fireEvent.click(screen.getByRole('tab', { name: 'Segment types' }));
    await waitFor(() =>
      expect(rowsOf()).toEqual([
        ['Subscribers', '3', '60.0%', '65.0%', '130'],
        ['(no segment)', '2', '40.0%', '35.0%', '-15'],
      ]),
    );
    // No visits range: no compliance table.
    expect(screen.queryByTestId('visit-compliance')).toBeNull();

    await applyAndWait(5);
    const tiers = wb.values('Customer Tiers');
    const column = tiers[0].indexOf('Profile');
    expect(Object.fromEntries(tiers.slice(1).map((r) => [r[0], r[column] || '']))).toEqual({ C1: 'Subscribers', C2: '', C3: 'Subscribers', C4: '', P1: 'Subscribers' });

    // The ranges are saved with the configuration: a colleague opening the workbook starts from them.
    expect(JSON.parse(wb.settings.get(SETTINGS_CONFIG)!).ranges).toEqual({ sales: { sheet: 'Sales' }, answers: { sheet: 'Answers' } });
    cleanup();
    renderPane(<Pane host={new MemoryHost(wb)} engine={new InProcessClient()} steps={lastOn('segments')} />);
    fireEvent.click(await screen.findByRole('tab', { name: 'Data' }));
    await waitFor(() => expect(screen.getByTestId('data-summary').textContent).toBe('4 lines used · 5 customers'));
    expect(screen.getByRole('combobox', { name: /Questionnaire answers/ }).textContent).toBe('Sheet Answers (4 rows)');
  });

  it('says which saved range the workbook no longer has, and starts from the first one', async () => {
    const wb = workbook();
    wb.settings.set(SETTINGS_CONFIG, JSON.stringify({ ...defaultConfig(), ranges: { sales: { table: 'Orders 2016' }, answers: { sheet: 'Survey' } } }));
    renderPane(<Pane host={new MemoryHost(wb)} engine={new InProcessClient()} steps={lastOn('segments')} />);
    // Said on opening, whatever the step.
    expect((await screen.findByTestId('missing-ranges')).textContent).toBe(
      'Not in this workbook any more: the sales data last used, table "Orders 2016"; the questionnaire answers last used, sheet "Survey". Choose the range in the Data step; Apply saves the new choice.',
    );
    fireEvent.click(await screen.findByRole('tab', { name: 'Data' }));
    await waitFor(() => expect(screen.getByTestId('data-summary').textContent).toBe('4 lines used · 4 customers'));
    // Choosing a range answers the message.
    fireEvent.click(screen.getByRole('combobox', { name: /Sales data/ }));
    fireEvent.click(screen.getByRole('option', { name: /Sheet Sales/ }));
    await waitFor(() => expect(screen.queryByTestId('missing-ranges')).toBeNull());
  });

  it('takes a visits range chosen in the Data step: the preview shows the visit compliance', async () => {
    /*
     * docs/kinds.md's example. Sales on 2024-03-31 (serial 45382, the reference day with the whole history):
     * k1 500, k2 300, k3 100 (900). ABC 80/15/5: k1 ahead 0 -> A; k2 ahead 500/900 = 0.56 -> A; k3 ahead
     * 800/900 = 0.89 -> B. A is visited every 30 days: k1 last 2024-03-21 (45372), due 2024-04-20, in time;
     * k2 last 2024-02-10 (45332), due 2024-03-11, 20 days overdue. Compliance of A: 1 of 2 = 50.0 %.
     */
    const wb = new MemoryWorkbook();
    wb.addSheet('Sales', [
      ['Customer', 'Sales', 'Order Date'],
      ['k1', 500, 45382],
      ['k2', 300, 45382],
      ['k3', 100, 45382],
    ]);
    wb.addSheet('Visits', [
      ['Customer', 'Visit date'],
      ['k1', 45372],
      ['k2', 45332],
    ]);
    const saved = defaultConfig();
    const abc = saved.segmentTypes[0];
    if (abc.kind !== 'abc') throw new Error('the default type is ABC');
    abc.segments[0].visitEveryDays = 30;
    saved.segmentTypes = [abc];
    wb.settings.set(SETTINGS_CONFIG, JSON.stringify(saved));
    renderPane(<Pane host={new MemoryHost(wb)} engine={new InProcessClient()} steps={lastOn('segments')} />);
    fireEvent.click(await screen.findByRole('tab', { name: 'Data' }));
    await waitFor(() => expect(screen.getByTestId('data-summary').textContent).toBe('3 lines used · 3 customers'));
    expect(screen.queryByRole('combobox', { name: /Questionnaire answers/ })).toBeNull();
    fireEvent.click(screen.getByRole('combobox', { name: /Visits/ }));
    fireEvent.click(screen.getByRole('option', { name: 'Sheet Visits (2 rows)' }));
    await waitFor(() => expect(screen.getByRole('combobox', { name: /Visits/ }).textContent).toBe('Sheet Visits (2 rows)'));
    fireEvent.click(screen.getByRole('tab', { name: 'Segment types' }));
    const table = await screen.findByTestId('visit-compliance');
    expect(within(table).getAllByRole('row').slice(1).map((r) => within(r).getAllByRole('cell').map((c) => c.textContent))).toEqual([['A', '30', '1 of 2', '50.0%']]);
  });

  it('says at the header when the sales range has no line below it, and writes nothing on Apply', async () => {
    const wb = new MemoryWorkbook();
    wb.addSheet('Sales', [['Customer', 'Sales', 'Profit']]);
    const host = new MemoryHost(wb);
    renderPane(<Pane host={host} engine={new InProcessClient()} steps={lastOn('data')} />);
    const said = 'there are no sales lines below the header (row 1), so there is nothing to segment: give the header with the lines below it.';
    await waitFor(() => expect(screen.getAllByText(new RegExp(said.replace(/[().]/g, '\\$&'))).length).toBeGreaterThan(0), { timeout: 20_000 });
    expect(screen.getByRole('button', { name: /Sales!A1:C1/ })).toBeTruthy();
    fireEvent.click(screen.getByRole('tab', { name: 'Apply' }));
    const apply = screen.getByRole('button', { name: 'Apply' });
    if (!apply.hasAttribute('disabled')) {
      fireEvent.click(apply);
      await waitFor(() => expect(screen.getAllByText(new RegExp(said.replace(/[().]/g, '\\$&'))).length).toBeGreaterThan(0));
    }
    expect(wb.sheets.map((sheet) => sheet.name)).toEqual(['Sales']);
    expect(wb.settings.size).toBe(0);
  });

  it('says so when the saved configuration cannot be used, and starts from the defaults', async () => {
    const wb = workbook();
    wb.settings.set(SETTINGS_CONFIG, JSON.stringify({ version: 1, segmentTypes: [{ name: 'X', kind: 'abc', segments: [{ name: 'A', share: 90 }] }] }));
    await openPane(wb);
    expect(screen.getByText('The settings saved in this workbook cannot be used')).toBeTruthy();
    expect(screen.getByText(/segmentTypes\[0\]\.segments: the shares of the segments add up to 90, not 100/)).toBeTruthy();
    expect(wb.settings.get(SETTINGS_CONFIG)).toContain('"share":90'); // kept until an Apply replaces it
  });
});

/** The dock's items as the user reads them, `A 2 50.0%`. */
const dockItems = () =>
  within(screen.getByTestId('preview-dock'))
    .getAllByRole('listitem')
    .map((li) => li.textContent);

/** A stand-in for the browser's IntersectionObserver (jsdom has none): the test says what is on screen. */
class FakeObserver {
  static all: FakeObserver[] = [];
  readonly targets: Element[] = [];
  constructor(private readonly callback: (entries: Partial<IntersectionObserverEntry>[]) => void) {
    FakeObserver.all.push(this);
  }
  observe(el: Element): void {
    this.targets.push(el);
  }
  disconnect(): void {
    this.targets.length = 0;
  }
  unobserve(): void {}
  show(ratio: number): void {
    for (const target of this.targets) this.callback([{ target, intersectionRatio: ratio, isIntersecting: ratio > 0 }]);
  }
}

describe('the counts docked at the bottom of the pane', () => {
  const scrollIntoView = Element.prototype.scrollIntoView; // jsdom has none: undefined
  afterEach(() => {
    delete (window as { IntersectionObserver?: unknown }).IntersectionObserver;
    FakeObserver.all = [];
    Element.prototype.scrollIntoView = scrollIntoView;
  });

  it("show the preview's counts and follow a threshold move; the button goes to the preview", async () => {
    // Without an IntersectionObserver the dock cannot know where the preview is, and always shows.
    const scrolled: Element[] = [];
    Element.prototype.scrollIntoView = function (this: Element) {
      scrolled.push(this);
    };
    await openPane();
    const dock = screen.getByTestId('preview-dock');
    expect(dock.getAttribute('data-hidden')).toBe('false');
    expect(dockItems()).toEqual(['A 2 50.0%', 'B 1 25.0%', 'C 1 25.0%']);
    const line = screen.getByRole('slider', { name: 'Threshold between A and B' });
    for (let i = 0; i < 6; i++) fireEvent.keyDown(line, { key: 'PageDown' });
    // A at 50 %: worked out at the top of this file.
    await waitFor(() => expect(dockItems()).toEqual(['A 1 25.0%', 'B 2 50.0%', 'C 1 25.0%']));
    fireEvent.click(screen.getByRole('button', { name: 'Go to the preview of Sales ABC' }));
    const preview = screen.getByTestId('preview');
    expect(scrolled).toEqual([preview]);
    expect(document.activeElement).toBe(preview);
  });

  it("list at most six segments: RFM's twelve show as five and '7 more in the preview'", () => {
    const rows = Array.from({ length: 12 }, (_, i) => ({ segment: `S${i + 1}`, customers: i, customerShare: i / 66, measure: 0, measureShare: 0, profit: 0, sales: 0, averageMeasure: 0 }));
    renderPane(<PreviewDock preview={{ typeName: 'RFM', counted: { lines: 100, customers: 66 }, colors: {}, kind: 'rfm', measureName: 'sales', rows, issues: [] }} hidden={false} stale={false} onShowPreview={() => undefined} />);
    expect(dockItems()).toEqual(['S1 0 0.0%', 'S2 1 1.5%', 'S3 2 3.0%', 'S4 3 4.5%', 'S5 4 6.1%', '7 more in the preview']);
  });

  it("hide while the preview's table is wholly on screen, and keep their place", async () => {
    (window as { IntersectionObserver?: unknown }).IntersectionObserver = FakeObserver;
    await openPane();
    const table = screen.getByTestId('preview-table');
    const observer = FakeObserver.all.find((o) => o.targets.some((t) => t.contains(table)));
    expect(observer).toBeDefined();
    const hidden = () => screen.getByTestId('preview-dock').getAttribute('data-hidden');
    act(() => observer!.show(1));
    expect(hidden()).toBe('true');
    // Hidden, its button is out of the tab order (and, in a browser, invisible): no focus on nothing.
    const button = screen.getByTestId('preview-dock').querySelector('button');
    expect(button?.getAttribute('aria-label')).toBe('Go to the preview of Sales ABC');
    expect(button?.getAttribute('tabindex')).toBe('-1');
    act(() => observer!.show(0.5));
    expect(hidden()).toBe('false');
    act(() => observer!.show(0));
    expect(hidden()).toBe('false');
  });
});

describe('after a first run', () => {
  it('the preview says how many customers a threshold change would move, and from where to where', async () => {
    await openPane();
    await applyAndWait(4);
    fireEvent.click(screen.getByRole('tab', { name: 'Segment types' }));
    // Applied at 80/15/5 (C1 A, C2 A, C3 B, C4 C): nothing would change yet.
    await waitFor(() => expect(screen.getByTestId('migration-summary').textContent).toMatch(/^Since the last run \(.+\): 0 customers would change segment\.$/));
    // A at 50 %: C2 (500 of 1,000 ahead of it) is no longer in A, it moves to B.
    const line = screen.getByRole('slider', { name: 'Threshold between A and B' });
    for (let i = 0; i < 6; i++) fireEvent.keyDown(line, { key: 'PageDown' });
    await waitFor(() => expect(screen.getByTestId('migration-summary').textContent).toMatch(/: 1 customer would change segment\.$/));
    expect(screen.getByTestId('dock-moved').textContent).toBe('1 would move');
    const table = screen.getByTestId('migration');
    const cells = within(table)
      .getAllByRole('row')
      .map((r) => Array.from(r.querySelectorAll('th, td'), (c) => c.textContent));
    // Empty rows and the empty (none) and (gone) columns are left out at the pane's width.
    expect(cells).toEqual([
      ['Before \\ now', 'A', 'B', 'C'],
      ['A', '1', '1', '0'],
      ['B', '0', '1', '0'],
      ['C', '0', '0', '1'],
    ]);
  });
});

describe('after a second run', () => {
  it('says how many customers changed segment, and why, counted by cause', async () => {
    await openPane();
    await applyAndWait(4);
    // The first run has nothing to compare with.
    expect(screen.queryByTestId('why-moved')).toBeNull();
    fireEvent.click(screen.getByRole('tab', { name: 'Segment types' }));
    // A at 50 %: C2 moves from A to B, as the preview said; nothing else changed, so the thresholds did it.
    const line = await screen.findByRole('slider', { name: 'Threshold between A and B' });
    for (let i = 0; i < 6; i++) fireEvent.keyDown(line, { key: 'PageDown' });
    await waitFor(() => expect(screen.getByTestId('migration-summary').textContent).toMatch(/: 1 customer would change segment\.$/));
    fireEvent.click(screen.getByRole('tab', { name: 'Apply' }));
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
    await waitFor(() => expect(screen.getByTestId('why-moved').textContent).toContain('Since the last run'), { timeout: 20_000 });
    const why = screen.getByTestId('why-moved');
    expect(within(why).getByRole('heading', { name: 'Since the last run' })).toBeTruthy();
    expect(why.textContent).toContain('Sales ABC: 1 customer changed segment.');
    expect(why.textContent).toContain('Profit band: no customer changed segment.');
    expect(
      within(why)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Thresholds changed: 1']);
    expect(why.textContent).toContain('Each customer and the reason are listed on the Segment Summary');
  });
});

describe('the list of problems', () => {
  it('shows the first problems and says where all of them are', () => {
    const issue = (n: number) => ({ severity: 'error' as const, where: `Sales!B${n}`, value: 'x', message: 'Sales "x" is not a number' });
    renderPane(<IssueList issues={[issue(2), issue(3)]} total={120} leftOutRows={120} />);
    expect(screen.getByText(/^The first 2 of 120 problems/).textContent).toBe('The first 2 of 120 problems (Apply lists every one on the Segment Summary sheet):');
    expect(screen.getByTestId('left-out').textContent).toBe('120 rows were left out because of a problem.');
  });
});
