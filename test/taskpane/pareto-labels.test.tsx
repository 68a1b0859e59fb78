/**
 * @jest-environment jsdom
 */
// The Pareto chart's threshold labels: the segment's own share ("A: top 50.0% of customers, 80.0% of
// sales"), and never one over another, however close the thresholds.
import { screen } from '@testing-library/react';
import { labelPositions, ParetoChart, segmentLabel } from '../../src/taskpane/components/ParetoChart';
import { makeFormats } from '../../src/taskpane/format';
import { renderPane } from './render';

describe('threshold labels', () => {
  it("name the segment's own share of customers and of the measure", () => {
    // Four customers with 500 / 300 / 150 / 50 of 1,000: the curve's steps at 25 % of the customers each.
    const curve = { x: [0, 0.25, 0.5, 0.75, 1], y: [0, 0.5, 0.8, 0.95, 1], ranked: 4 };
    const thresholds = [
      { upper: 0, lower: 1, at: 80, min: 0, max: 95 },
      { upper: 1, lower: 2, at: 95, min: 80, max: 100 },
    ];
    renderPane(<ParetoChart curve={curve} thresholds={thresholds} names={['A', 'B', 'C']} measureName="sales" onMove={() => undefined} />);
    expect(screen.getAllByTestId('threshold-label').map((t) => t.textContent)).toEqual(['A: top 50.0% of customers, 80.0% of sales', 'B: next 25.0% of customers, 15.0% of sales']);
    expect(segmentLabel('A', true, 0.5, 0.8, 'profit', makeFormats('de-DE').percent)).toBe('A: top 50,0\u00a0% of customers, 80,0\u00a0% of profit');
  });

  it('are pushed apart when thresholds are close, and stay inside the plot', () => {
    const at = labelPositions([100, 101, 102], 10, 200);
    expect(at[1] - at[0]).toBeGreaterThanOrEqual(22);
    expect(at[2] - at[1]).toBeGreaterThanOrEqual(22);
    const low = labelPositions([199, 200], 10, 200);
    expect(low[1]).toBeLessThanOrEqual(200);
    expect(low[1] - low[0]).toBeGreaterThanOrEqual(22);
    // Far apart: each stays on its line.
    expect(labelPositions([50, 150], 10, 200)).toEqual([50, 150]);
  });
});
