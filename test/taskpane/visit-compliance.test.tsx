/**
 * @jest-environment jsdom
 */
import { screen, within } from '@testing-library/react';
import type { ConfigInput } from '../../src/engine/config';
import { rangesWanted } from '../../src/taskpane/components/ExtraSourcePickers';
import { VisitComplianceTable } from '../../src/taskpane/components/VisitComplianceTable';
import { ABC_80_15_5, config } from '../support/tables';
import { renderPane } from './render';

describe('the visit compliance table of the preview', () => {
  it('shows each segment with its frequency, visited in time out of customers, and the share', () => {
    // docs/kinds.md's example: Key customers every 30 days, k1 in time, k2 20 days overdue: 1 / 2 = 50 %.
    // Regular every 90 days: 2 of 3 = 66.666... %, shown to one decimal in German: 66,7 %.
    renderPane(
      <VisitComplianceTable
        typeName="Sales ABC"
        rows={[
          { segment: 'Key', visitEveryDays: 30, customers: 2, visitedInTime: 1, share: 0.5 },
          { segment: 'Regular', visitEveryDays: 90, customers: 3, visitedInTime: 2, share: 2 / 3 },
        ]}
      />,
      'de-DE',
    );
    const table = screen.getByRole('table', { name: 'Visit compliance of Sales ABC' });
    const rows = within(table).getAllByRole('row').slice(1).map((r) => within(r).getAllByRole('cell').map((c) => c.textContent));
    expect(rows).toEqual([
      ['Key', '30', '1 of 2', '50,0\u00a0%'],
      ['Regular', '90', '2 of 3', '66,7\u00a0%'],
    ]);
  });
});

describe('which second ranges the Data step offers', () => {
  const parsed = (input: Partial<ConfigInput>) => config(input).segmentTypes;

  it('answers for profiles; visits for a frequency on a segment, or on an activity type itself', () => {
    expect(rangesWanted(parsed({ segmentTypes: [ABC_80_15_5] }))).toEqual({ answers: false, visits: false });
    expect(rangesWanted(parsed({ segmentTypes: [{ name: 'P', kind: 'profiles', profiles: [{ name: 'Any' }] }] }))).toEqual({ answers: true, visits: false });
    expect(rangesWanted(parsed({ segmentTypes: [{ ...ABC_80_15_5, segments: [{ name: 'A', share: 80, visitEveryDays: 30 }, { name: 'B', share: 20 }] }] }))).toEqual({ answers: false, visits: true });
    // The activity type carries its frequency on itself, for its one category (the engine plans it so).
    expect(rangesWanted(parsed({ segmentTypes: [{ name: 'Active', kind: 'activity', category: 'Active', visitEveryDays: 14 }] }))).toEqual({ answers: false, visits: true });
  });
});
