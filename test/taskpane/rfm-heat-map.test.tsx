/**
 * @jest-environment jsdom
 */
// The RFM heat map in the preview: an accessible table with the counts as text and a colour per cell.
import { screen, within } from '@testing-library/react';
import axe from 'axe-core';
import { EDITORS } from '../../src/taskpane/components/editors/registry';
import { Preview } from '../../src/taskpane/components/Preview';
import { RfmHeatMap } from '../../src/taskpane/components/RfmHeatMap';
import type { Preview as PreviewData } from '../../src/taskpane/worker/protocol';
import { renderPane } from './render';

// rfmGrid[r - 1][f - 1]: R1 = [0, 1, 0], R2 = [2, 0, 0], R3 = [0, 0, 4] (3 scores). Min 0, max 4.
const GRID = [
  [0, 1, 0],
  [2, 0, 0],
  [0, 0, 4],
];

const cellsOf = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent));

describe('RFM heat map', () => {
  it('shows recency rows from the most recent down and frequency columns from 1 up, counts as text', () => {
    renderPane(<RfmHeatMap grid={GRID} typeName="RFM" />);
    const table = screen.getByRole('table', { name: /RFM: customers by recency/ });
    expect(cellsOf(table)).toEqual([
      ['', 'F 1', 'F 2', 'F 3'],
      ['R 3', '0', '0', '4'],
      ['R 2', '2', '0', '0'],
      ['R 1', '0', '1', '0'],
    ]);
    expect(within(table).getByRole('rowheader', { name: 'R 3' })).toBeTruthy();
  });

  it('colours each cell from white (fewest) to green (most), as the summary sheet does', () => {
    renderPane(<RfmHeatMap grid={GRID} typeName="RFM" />);
    const table = screen.getByTestId('rfm-heat-map');
    const fills = [...table.querySelectorAll('td[data-fill]')].map((td) => [td.textContent, td.getAttribute('data-fill'), (td as HTMLElement).style.backgroundColor]);
    // 0 -> #FFFFFF; 4 (max) -> #63BE7B; 2 (half) -> #B1DFBD; 1 (a quarter): FF - 9C/4 = 255 - 39 = 216 = D8,
    // FF - 41/4 = 255 - 16.25 = 238.75 -> 239 = EF, FF - 84/4 = 255 - 33 = 222 = DE -> #D8EFDE.
    const byCount = Object.fromEntries(fills.map(([count, fill]) => [count, fill]));
    expect(byCount).toEqual({ '0': '#FFFFFF', '1': '#D8EFDE', '2': '#B1DFBD', '4': '#63BE7B' });
    // the style carries the same colour (jsdom reports it as rgb)
    expect(fills.find(([count]) => count === '4')![2]).toBe('rgb(99, 190, 123)');
  });

  it('has no accessibility violations (axe)', async () => {
    const { container } = renderPane(<RfmHeatMap grid={GRID} typeName="RFM" />);
    const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations.map((v) => v.id)).toEqual([]);
  });

  it('appears in the preview when the selected type is RFM, not for other kinds', () => {
    const preview: PreviewData = { typeName: 'RFM', counted: { lines: 10, customers: 5 }, colors: {}, kind: 'rfm', measureName: 'sales', rows: [], issues: [], rfmGrid: GRID };
    const state = { preview, revision: 1, error: undefined };
    const { unmount } = renderPane(<Preview state={state} draft={EDITORS.rfm.create('RFM')} valid waiting={false} onThreshold={() => undefined} />);
    expect(screen.getByTestId('rfm-heat-map')).toBeTruthy();
    unmount();
    const abc = { ...preview, typeName: 'Sales ABC', kind: 'abc' as const };
    renderPane(<Preview state={{ ...state, preview: abc }} draft={EDITORS.abc.create('Sales ABC')} valid waiting={false} onThreshold={() => undefined} />);
    expect(screen.queryByTestId('rfm-heat-map')).toBeNull();
  });
});
