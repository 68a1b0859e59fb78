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
    const cells = within(screen.getByTestId('preview-table')).getAllByRole('row').slice(1).map((r) => r.querySelector('[data-color]')?.getAttribute('data-color'));
    expect(cells).toEqual([SEGMENT_FILLS.bad, SEGMENT_FILLS.good]);
  });
});
