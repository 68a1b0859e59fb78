// The values a filter can pick, read as the filter compares them.
import { columnValues } from '../../src/engine/column-values';
import { superstoreTable, table } from '../support/tables';

describe('columnValues', () => {
  const t = table(['Customer', ' Region ', 'Store'], [
    ['c1', ' West', 10],
    ['c2', 'West ', 2],
    ['c3', 'East', 2],
    ['c4', '', '10'],
    ['c5', 'west', 1],
  ]);

  it('trims as filters do, leaves blanks out, and sorts as a person reads (2 before 10)', () => {
    // " West" and "West " are one value; "west" is another (filters compare exactly, after trimming).
    expect(columnValues(t, 'region', 10)).toEqual({ values: ['East', 'West', 'west'], distinct: 3 });
    // The number 10 and the text "10" are one value, as a filter on "10" keeps both.
    expect(columnValues(t, 'Store', 10)).toEqual({ values: ['1', '2', '10'], distinct: 3 });
    expect(columnValues(t, 'Country', 10)).toBeUndefined();
  });

  it('keeps the most frequent values when there are more than the limit', () => {
    // Store: 10 twice, 2 twice, 1 once: the limit of 2 keeps 2 and 10, in reading order.
    expect(columnValues(t, 'Store', 2)).toEqual({ values: ['2', '10'], distinct: 3 });
  });

  it('lists the Superstore regions and counts its 49 states', () => {
    const s = superstoreTable();
    expect(columnValues(s, 'Region', 100)?.values).toEqual(['Central', 'East', 'South', 'West']);
    expect(columnValues(s, 'State', 100)?.distinct).toBe(49);
  });
});
