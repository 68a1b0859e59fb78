// Filter values no row holds: one warning per filter, with the column's own spellings when only letter
// case or spaces differ (src/engine/filter-values.ts). Worked by hand on the four rows below.
import { segment } from '../../src/engine/run';
import { unmatchedFilterIssues } from '../../src/engine/filter-values';
import { config, table, ABC_80_15_5 } from '../support/tables';

const T = table(
  ['Customer', 'Sales', 'Region'],
  [
    ['C1', 100, 'West'],
    ['C2', 50, 'East'],
    ['C3', 20, ' west '],
    ['C4', 10, 'North  East'],
  ],
);
const run = (filters: object[]) => segment(T, config({ filters: filters as never, segmentTypes: [ABC_80_15_5] }));
const filterIssues = (r: ReturnType<typeof run>) => r.issues.filter((i) => i.where.startsWith('filters'));

describe('filter values no row holds', () => {
  it('are said at the filter, with the spellings the column holds, and the lines it keeps are still kept', () => {
    const r = run([{ column: 'Region', in: ['WEST', 'East', 'South'] }]);
    expect(filterIssues(r)).toEqual([
      {
        severity: 'warning',
        where: 'filters[0]',
        message: 'no row\'s Region is "WEST" or "South": filter values compare as written (trimmed, letter case included), so the filter keeps no line for them. The column writes "West", "west".',
      },
    ]);
    // Only C2's East is kept; West and west are not WEST.
    expect(r.customers.ids).toEqual(['C2']);
    expect(r.filteredRows).toBe(3);
  });

  it('say when a filter keeps no line at all, and when one leaves nothing out', () => {
    expect(filterIssues(run([{ column: 'Region', in: ['north east'] }])).map((i) => i.message)).toEqual([
      'no row\'s Region is "north east": filter values compare as written (trimmed, letter case included), so the filter keeps no line at all. The column writes "North  East".',
    ]);
    expect(filterIssues(run([{ column: 'Region', notIn: ['South', 'West'] }])).map((i) => i.message)).toEqual([
      'no row\'s Region is "South": filter values compare as written (trimmed, letter case included), so the filter leaves nothing out for it.',
    ]);
  });

  it('are nothing when every value is found, trimmed, in every filter, whichever filter drops the row first', () => {
    // Filter 0 drops C1 and C3 before filter 1 would see them: filter 1 still finds "west" (C3's, trimmed).
    expect(filterIssues(run([{ column: 'Region', in: ['East'] }, { column: 'Region', notIn: ['west', 'West'] }]))).toEqual([]);
  });

  it('list three values and the count of the rest', () => {
    const [said] = unmatchedFilterIssues([{ column: 'Region', in: ['a', 'b', 'c', 'd', 'e'] }], [['a', 'b', 'c', 'd']], [[]]);
    expect(said.message).toMatch(/^no row's Region is "a" or "b" or "c", and 1 more: .* so the filter keeps no line for them\.$/);
  });
});
