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

describe('columnValues on a column with a value per line', () => {
  it('keeps the most frequent values, ties in the order the column has them', () => {
    // o1 three times, o2 twice, o3..o7 once each: a limit of 4 keeps o1, o2, then o7 and o3, the first
    // of the once-only values in the column; listed in reading order.
    const rows = ['o7', 'o1', 'o2', 'o3', 'o1', 'o4', 'o2', 'o5', 'o1', 'o6'].map((o, i) => [`c${i}`, o]);
    expect(columnValues(table(['Customer', 'Order'], rows), 'Order', 4)).toEqual({ values: ['o1', 'o2', 'o3', 'o7'], distinct: 7 });
  });

  it('lists 500 of 200,000 order ids', () => {
    const rows = Array.from({ length: 200_000 }, (_, i) => [`c${i % 100}`, `O-${i}`]);
    const v = columnValues(table(['Customer', 'Order'], rows), 'Order', 500)!;
    expect(v.distinct).toBe(200_000);
    // All equally frequent: the first 500 of the column, in reading order.
    expect(v.values).toHaveLength(500);
    expect(v.values.slice(0, 3)).toEqual(['O-0', 'O-1', 'O-2']);
    expect(v.values[499]).toBe('O-499');
  });
});
