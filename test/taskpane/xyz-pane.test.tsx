/**
 * @jest-environment jsdom
 */
// The XYZ editor, the live ABC-XYZ matrix and the suggested thresholds in the pane, on small hand-made
// tables whose figures are worked out below.
import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import axe from 'axe-core';
import { parseConfig } from '../../src/engine/config';
import { MemoryHost } from '../../src/hosts/memory/host';
import { MemoryWorkbook } from '../../src/hosts/memory/workbook';
import { SETTINGS_CONFIG } from '../../src/plan/owned';
import { AbcXyzHeatMap } from '../../src/taskpane/components/AbcXyzHeatMap';
import { Pane } from '../../src/taskpane/components/Pane';
import { paneWhere } from '../../src/taskpane/state/where';
import { InProcessClient } from '../../src/taskpane/worker/client';
import { renderPane } from './render';

jest.setTimeout(120_000);
configure({ asyncUtilTimeout: 15_000 });

const JAN = 45306; // 2024-01-15
const FEB = 45337; // 2024-02-15
const MAR = 45366; // 2024-03-15

/*
 * Six customers over January to March 2024 (window: all dates, so n = 3 months; minPeriods 3):
 *   k1 100 100 100  total 300  mean 100, SD 0                              CV 0      -> X
 *   k2  50 100 150  total 300  mean 100, SD sqrt(5000/3) = 40.82           CV 0.408  -> X (<= 0.5)
 *   k3  20  20 260  total 300  mean 100, SD sqrt(38400/3) = 113.1          CV 1.131  -> Z
 *   k4  10  60  30  total 100  mean 33.33, SD sqrt(3800/9) = 20.55         CV 0.616  -> Y
 *   k5  50   -   -  total  50  1 period with sales                                 -> Unclassified
 *   k6  10   -  10  total  20  2 periods with sales                                -> Unclassified
 * Net sales 1,070. ABC 80/15/5, upper boundary: k1 k2 k3 tie at 300 with 0 % ahead -> A; k4 ahead
 * 900/1070 = 84.1 % -> B; k5 ahead 93.5 % -> B; k6 ahead 98.1 % -> C.
 * Matrix (customers, % of net sales):
 *        X            Y           Z            Unclassified
 *   A    2  56.1 %    0  0.0 %    1  28.0 %    0  0.0 %       (600/1070, 300/1070)
 *   B    0  0.0 %     1  9.3 %    0  0.0 %     1  4.7 %       (100/1070, 50/1070)
 *   C    0  0.0 %     0  0.0 %    0  0.0 %     1  1.9 %       (20/1070)
 * X's largest CV 0.5 -> 0.4: k2 (0.408) moves to Y: A row X 1 28.0 %, Y 1 28.0 %.
 */
function xyzWorkbook(xyz: Record<string, unknown> = {}): MemoryWorkbook {
  const wb = new MemoryWorkbook();
  const lines: [string, number, number][] = [
    ['k1', JAN, 100], ['k1', FEB, 100], ['k1', MAR, 100],
    ['k2', JAN, 50], ['k2', FEB, 100], ['k2', MAR, 150],
    ['k3', JAN, 20], ['k3', FEB, 20], ['k3', MAR, 260],
    ['k4', JAN, 10], ['k4', FEB, 60], ['k4', MAR, 30],
    ['k5', JAN, 50],
    ['k6', JAN, 10], ['k6', MAR, 10],
  ];
  wb.addSheet('Sales', [['Customer', 'Order Date', 'Sales'], ...lines]);
  const config = {
    version: 1,
    segmentTypes: [
      { name: 'Sales ABC', kind: 'abc', segments: [{ name: 'A', share: 80 }, { name: 'B', share: 15 }, { name: 'C', share: 5 }] },
      { name: 'Steadiness', kind: 'xyz', ...xyz },
    ],
  };
  if (!parseConfig(config).ok) throw new Error('the test configuration is invalid');
  wb.settings.set(SETTINGS_CONFIG, JSON.stringify(config));
  return wb;
}

async function openXyz(wb: MemoryWorkbook): Promise<void> {
  renderPane(<Pane host={new MemoryHost(wb)} engine={new InProcessClient()} />);
  await waitFor(() => expect(screen.getByTestId('preview-table')).toBeTruthy());
  fireEvent.click(screen.getByRole('button', { name: /^Steadiness/ }));
  await waitFor(() => expect(screen.getByRole('heading', { name: 'Preview: Steadiness' })).toBeTruthy());
}

const countOf = (segment: string) => document.querySelector(`[data-testid="segment-count"][data-segment="${segment}"]`)?.textContent;

const cellsOf = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent));

const box = (name: string) => screen.getByRole('textbox', { name }) as HTMLInputElement;

describe('the XYZ editor', () => {
  it('edits the measure, period, minimum periods and segments; counts per segment follow a threshold', async () => {
    await openXyz(xyzWorkbook());
    expect(screen.getByRole('combobox', { name: 'Measure per period' }).textContent).toBe('Net sales');
    expect(screen.getByRole('combobox', { name: 'Period' }).textContent).toBe('Month');
    expect(box('Periods with sales at least').value).toBe('3');
    expect(box('X: largest CV (included)').value).toBe('0.5');
    expect(box('Y: largest CV (included)').value).toBe('1');
    // The last segment takes the rest: no box.
    expect(screen.queryByRole('textbox', { name: 'Z: largest CV (included)' })).toBeNull();
    await waitFor(() => expect(countOf('X')).toBe('2 customers (33.3%) in the preview'));
    expect(countOf('Y')).toBe('1 customer (16.7%) in the preview');
    expect(countOf('Z')).toBe('1 customer (16.7%) in the preview');
    expect(countOf('Unclassified')).toBe('2 customers (33.3%) in the preview');

    fireEvent.change(box('X: largest CV (included)'), { target: { value: '0.4' } });
    await waitFor(() => expect(countOf('X')).toBe('1 customer (16.7%) in the preview'));
    expect(countOf('Y')).toBe('2 customers (33.3%) in the preview');

    // Two periods with sales are enough now: k6 (Jan, Mar) is classified. 10, 0, 10: mean 6.67, SD 4.71, CV 0.707 -> Y.
    fireEvent.change(box('Periods with sales at least'), { target: { value: '2' } });
    await waitFor(() => expect(countOf('Y')).toBe('3 customers (50.0%) in the preview'));
    expect(countOf('Unclassified')).toBe('1 customer (16.7%) in the preview');
  });

  it('adds a segment before the last, half a CV above the one before it, and renames the unclassified segment', async () => {
    await openXyz(xyzWorkbook());
    fireEvent.click(screen.getByRole('button', { name: 'Add segment' }));
    expect(box('New segment: largest CV (included)').value).toBe('1.5');
    const names = within(screen.getByRole('group', { name: 'Segments' }))
      .getAllByRole('group', { name: /^Segment / })
      .map((g) => g.getAttribute('aria-label'));
    expect(names).toEqual(['Segment X', 'Segment Y', 'Segment New segment', 'Segment Z']);
    fireEvent.change(box('Unclassified segment'), { target: { value: 'Too few' } });
    await waitFor(() => expect(countOf('Too few')).toBe('2 customers (33.3%) in the preview'));
    // Removing the last makes the one before it the last: it takes the rest, its box goes.
    fireEvent.click(screen.getByRole('button', { name: 'Remove Z' }));
    expect(screen.queryByRole('textbox', { name: 'New segment: largest CV (included)' })).toBeNull();
  });

  it('says a problem under its field and, in the Apply step, in the pane\'s words with a link to the box', async () => {
    await openXyz(xyzWorkbook());
    fireEvent.change(box('X: largest CV (included)'), { target: { value: '1.5' } });
    const message = 'the largest CV of "Y" (maxCv 1) must be above 1.5, that of the segment before it';
    await waitFor(() => expect(screen.getByText(message)).toBeTruthy());
    fireEvent.change(box('Unclassified segment'), { target: { value: 'x' } });
    expect(screen.getByText('"x" is already the name of segment 1: the unclassified segment needs a name of its own')).toBeTruthy();
    fireEvent.click(screen.getByRole('tab', { name: 'Apply' }));
    const link = await screen.findByRole('button', { name: 'Steadiness > Y: largest CV' });
    expect(link.closest('li')?.textContent).toBe(`Steadiness > Y: largest CV: ${message}`);
    fireEvent.click(link);
    await waitFor(() => expect(document.activeElement).toBe(box('Y: largest CV (included)')));
    fireEvent.click(screen.getByRole('tab', { name: 'Apply' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Steadiness: unclassified segment' }));
    await waitFor(() => expect(document.activeElement).toBe(box('Unclassified segment')));
  });

  it('names the XYZ fields as the pane labels them', () => {
    const r = parseConfig({ version: 1, segmentTypes: [{ name: 'Sales ABC', kind: 'abc', segments: [{ name: 'A', share: 100 }] }, { name: 'Steadiness', kind: 'xyz' }] });
    if (!r.ok) throw new Error('invalid');
    expect(paneWhere('segmentTypes[1].segments[0].maxCv', r.config)).toBe('Steadiness > X: largest CV');
    expect(paneWhere('segmentTypes[1].minPeriods', r.config)).toBe('Steadiness: periods with sales at least');
    expect(paneWhere('segmentTypes[1].abcType', r.config)).toBe('Steadiness: ABC type to cross with');
    expect(paneWhere('segmentTypes[1].combined', r.config)).toBe('Steadiness: combined column');
  });
});

describe('the ABC-XYZ matrix in the preview', () => {
  it('appears when an ABC type is chosen to cross with, with the hand-worked cells, and follows a threshold', async () => {
    await openXyz(xyzWorkbook());
    expect(screen.queryByTestId('abc-xyz-matrix')).toBeNull();
    expect((screen.getByRole('switch', { name: /Combined column/ }) as HTMLInputElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('combobox', { name: 'ABC type to cross with' }));
    fireEvent.click(screen.getByRole('option', { name: 'Sales ABC' }));
    const table = await screen.findByRole('table', { name: /Sales ABC x Steadiness/ });
    expect(cellsOf(table)).toEqual([
      ['', 'X', 'Y', 'Z', 'Unclassified'],
      ['A', '2 56.1%', '0 0.0%', '1 28.0%', '0 0.0%'],
      ['B', '0 0.0%', '1 9.3%', '0 0.0%', '1 4.7%'],
      ['C', '0 0.0%', '0 0.0%', '0 0.0%', '1 1.9%'],
    ]);
    // Shaded by the share of net sales: the largest (56.1 %) the darkest green, 0 % white.
    expect(table.querySelector('tbody tr td')?.getAttribute('data-fill')).toBe('#63BE7B');
    expect(within(table).getAllByRole('cell').find((c) => c.textContent === '0 0.0%')?.getAttribute('data-fill')).toBe('#FFFFFF');
    fireEvent.click(screen.getByRole('switch', { name: /Combined column/ }));
    expect((screen.getByRole('switch', { name: /Combined column/ }) as HTMLInputElement).checked).toBe(true);

    fireEvent.change(box('X: largest CV (included)'), { target: { value: '0.4' } });
    await waitFor(() => expect(cellsOf(screen.getByTestId('abc-xyz-matrix'))[1]).toEqual(['A', '1 28.0%', '1 28.0%', '1 28.0%', '0 0.0%']));

    // Choosing None again drops the matrix and the combined column with it.
    fireEvent.click(screen.getByRole('combobox', { name: 'ABC type to cross with' }));
    fireEvent.click(screen.getByRole('option', { name: 'None' }));
    await waitFor(() => expect(screen.queryByTestId('abc-xyz-matrix')).toBeNull());
    expect((screen.getByRole('switch', { name: /Combined column/ }) as HTMLInputElement).checked).toBe(false);
  });

  it('follows the ABC type as edited: at 90/5/5 k4 (Y) joins A', async () => {
    // At 90/5/5: k4 (84.1 % ahead) -> A, k5 (93.5 %) -> B, k6 (98.1 %) -> C.
    const wb = xyzWorkbook({ abcType: 'sales abc' });
    await openXyz(wb);
    await screen.findByTestId('abc-xyz-matrix');
    fireEvent.click(screen.getByRole('button', { name: /^Sales ABC/ }));
    const a = screen.getByRole('spinbutton', { name: 'Share of A, percent' });
    fireEvent.change(a, { target: { value: '90' } });
    fireEvent.blur(a);
    await waitFor(() => expect((screen.getByRole('spinbutton', { name: 'Share of B, percent' }) as HTMLInputElement).value).toBe('5'));
    fireEvent.click(screen.getByRole('button', { name: /^Steadiness/ }));
    await waitFor(() =>
      expect(cellsOf(screen.getByTestId('abc-xyz-matrix')).slice(1)).toEqual([
        ['A', '2 56.1%', '1 9.3%', '1 28.0%', '0 0.0%'],
        ['B', '0 0.0%', '0 0.0%', '0 0.0%', '1 4.7%'],
        ['C', '0 0.0%', '0 0.0%', '0 0.0%', '1 1.9%'],
      ]),
    );
  });

  it('has no accessibility violations (axe) and lists customers without an ABC segment on a row of their own', async () => {
    const matrix = {
      abcType: 'ABC',
      xyzType: 'XYZ',
      rows: ['A', '(no segment)'],
      columns: ['X', 'Unclassified'],
      customers: [
        [3, 1],
        [0, 2],
      ],
      customerShare: [
        [0.5, 1 / 6],
        [0, 1 / 3],
      ],
      measure: [
        [90, 10],
        [0, 0],
      ],
      measureShare: [
        [0.9, 0.1],
        [0, 0],
      ],
      measureName: 'sales',
    };
    const { container } = renderPane(<AbcXyzHeatMap matrix={matrix} />);
    expect(cellsOf(screen.getByTestId('abc-xyz-matrix'))).toEqual([
      ['', 'X', 'Unclassified'],
      ['A', '3 90.0%', '1 10.0%'],
      ['(no segment)', '0 0.0%', '2 0.0%'],
    ]);
    const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations.map((v) => v.id)).toEqual([]);
  });
});

/*
 * Nine customers with net sales 1..9 (total 45): SEMANTICS.md 12's worked example, kP = 4, kBE = 5,
 * kC = 6: counts 4, 2, 3, shares 66.67 / 20 / 13.33. Whole percents give the same customers under the
 * upper boundary: with the A limit at 66, c6 (53.3 % ahead) is A and c5 (66.7 % ahead) is B; with the B
 * limit at 86, c4 (77.8 % ahead) is B and c3 (86.7 % ahead) is C. So the button sets 66 / 20 / 14.
 * At 80/15/5 now: A = c9 .. c4 (ahead 0, 20, 37.8, 53.3, 66.7, 77.8), B = c3 (86.7) and c2 (93.3), C = c1 (97.8).
 */
function nineCustomers(): MemoryWorkbook {
  const wb = new MemoryWorkbook();
  wb.addSheet('Sales', [['Customer', 'Sales'], ...Array.from({ length: 9 }, (_, i) => [`c${i + 1}`, i + 1])]);
  wb.settings.set(SETTINGS_CONFIG, JSON.stringify({ version: 1, segmentTypes: [{ name: 'Sales ABC', kind: 'abc', segments: [{ name: 'A', share: 80 }, { name: 'B', share: 15 }, { name: 'C', share: 5 }] }] }));
  return wb;
}

const shareOf = (segment: string) => (screen.getByRole('spinbutton', { name: `Share of ${segment}, percent` }) as HTMLInputElement).value;

describe('the suggested thresholds', () => {
  it('are drawn on the curve with labels, listed beside the current ones, and taken in one undoable edit', async () => {
    renderPane(<Pane host={new MemoryHost(nineCustomers())} engine={new InProcessClient()} />);
    const panel = await screen.findByTestId('suggestion');
    const markers = screen.getAllByTestId('suggested-marker');
    expect(markers.map((m) => m.getAttribute('aria-label'))).toEqual([
      'Suggested limit between A and B: top 44.4% of customers, 66.7% of sales',
      'Suggested limit between B and C: top 66.7% of customers, 86.7% of sales',
    ]);
    expect(markers.map((m) => m.querySelector('title')?.textContent)).toEqual(markers.map((m) => m.getAttribute('aria-label')));
    expect(within(panel).getByText(/the top 4 customers are nearest the ideal point, 5 buy at least the mean sales/)).toBeTruthy();
    expect(cellsOf(within(panel).getByTestId('suggestion-table')).slice(1)).toEqual([
      ['A', '6', '4', '80.0%', '66.0%'],
      ['B', '2', '2', '15.0%', '20.0%'],
      ['C', '1', '3', '5.0%', '14.0%'],
    ]);

    const use = within(panel).getByRole('button', { name: 'Use the suggested thresholds' });
    fireEvent.click(use);
    expect([shareOf('A'), shareOf('B'), shareOf('C')]).toEqual(['66', '20', '14']);
    await waitFor(() => expect(cellsOf(screen.getByTestId('suggestion-table')).slice(1).map((r) => r[1])).toEqual(['4', '2', '3']));
    expect((screen.getByRole('button', { name: 'Use the suggested thresholds' }) as HTMLButtonElement).disabled).toBe(true);

    // One edit: one Ctrl+Z puts 80 / 15 / 5 back, Ctrl+Y takes the suggestion again.
    fireEvent.keyDown(screen.getByRole('button', { name: 'Use the suggested thresholds' }), { key: 'z', ctrlKey: true });
    await waitFor(() => expect([shareOf('A'), shareOf('B'), shareOf('C')]).toEqual(['80', '15', '5']));
    fireEvent.keyDown(screen.getByRole('main', { name: 'Tierwise' }), { key: 'y', ctrlKey: true });
    await waitFor(() => expect([shareOf('A'), shareOf('B'), shareOf('C')]).toEqual(['66', '20', '14']));
  });

  it('is not offered for an ABC type that ranks two segments', async () => {
    const wb = nineCustomers();
    wb.settings.set(SETTINGS_CONFIG, JSON.stringify({ version: 1, segmentTypes: [{ name: 'Sales ABC', kind: 'abc', segments: [{ name: 'A', share: 80 }, { name: 'B', share: 20 }] }] }));
    renderPane(<Pane host={new MemoryHost(wb)} engine={new InProcessClient()} />);
    await screen.findByTestId('pareto');
    expect(screen.queryByTestId('suggestion')).toBeNull();
    expect(screen.queryAllByTestId('suggested-marker')).toEqual([]);
  });
});
