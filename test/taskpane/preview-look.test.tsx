/**
 * @jest-environment jsdom
 */
// Share sliders draw a solid rail (Fluent draws a mark per step when `step` is given), and the
// preview shows each segment's colour as the written sheets fill it.
import { screen, within } from '@testing-library/react';
import { defaultConfig } from '../../src/engine/config';
import { PreviewTable } from '../../src/taskpane/components/PreviewTable';
import { SEGMENT_FILLS } from '../../src/plan/colors';
import { EditorHarness, renderPane } from './render';

describe('share sliders', () => {
  it('have no step marks on the rail', () => {
    const { container } = renderPane(<EditorHarness start={defaultConfig().segmentTypes[0]} />);
    const sliders = container.querySelectorAll<HTMLElement>('.fui-Slider');
    expect(sliders.length).toBe(3);
    sliders.forEach((s) => expect(s.style.getPropertyValue('--fui-Slider--steps-percent')).toBe(''));
  });
});

describe('the preview table', () => {
  it("shows each segment's colour beside its name", () => {
    const row = (segment: string) => ({ segment, customers: 1, customerShare: 0.5, measure: 1, measureShare: 0.5, profit: 1, sales: 1, averageMeasure: 1 });
    renderPane(<PreviewTable rows={[row('Loss'), row('High')]} measureName="profit" caption="Segments" colors={{ Loss: SEGMENT_FILLS.bad, High: SEGMENT_FILLS.good }} />);
    const cells = within(screen.getByTestId('preview-table')).getAllByRole('row').slice(1, -1).map((r) => r.querySelector('[data-color]')?.getAttribute('data-color'));
    expect(cells).toEqual([SEGMENT_FILLS.bad, SEGMENT_FILLS.good]);
  });
});

describe('money in the preview', () => {
  /*
   * A: 2 customers, sales 800 of 1,000, profit 80 -> average sales 400; B: 1, 150, profit 30; C: 1, 50, profit 5.
   * Total: 4 customers, 1,000 sales, profit 115, average 250.
   */
  const rows = [
    { segment: 'A', customers: 2, customerShare: 0.5, measure: 800, measureShare: 0.8, profit: 80, sales: 800, averageMeasure: 400 },
    { segment: 'B', customers: 1, customerShare: 0.25, measure: 150, measureShare: 0.15, profit: 30, sales: 150, averageMeasure: 150 },
    { segment: 'C', customers: 1, customerShare: 0.25, measure: 50, measureShare: 0.05, profit: 5, sales: 50, averageMeasure: 50 },
  ];
  it('says what each percent is of, shows the sales and the average, and totals them', () => {
    renderPane(<PreviewTable rows={rows} measureName="sales" caption="Segments" />, 'de-DE');
    const table = screen.getByTestId('preview-table');
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Segment', 'Customers', '% of customers', '% of sales', 'Profit', 'Sales', 'Average sales']);
    expect(within(table).getAllByRole('row')[1].textContent?.replace(/\u00a0/g, ' ')).toBe('A250,0 %80,0 %80800400');
    expect(screen.getByTestId('preview-table-total').textContent?.replace(/\u00a0/g, ' ')).toBe('Total4100,0 %100,0 %1151.000250');
  });
});
