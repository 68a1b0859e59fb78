// The terminal summary that `npm run demo` prints, on a hand-made table worked out by hand.
import { formatSummary } from '../../src/cli/summary-text';
import { parseConfig } from '../../src/engine/config';
import { segment } from '../../src/engine/run';

test('one table per segment type, headed as the workbook summary heads it, numbers right-aligned', () => {
  const parsed = parseConfig({
    version: 1,
    segmentTypes: [{ name: 'Sales ABC', kind: 'abc', segments: [{ name: 'A', share: 80 }, { name: 'B', share: 15 }, { name: 'C', share: 5 }] }],
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  // Sales 80 + 15 + 5 = 100. Ahead of C1 0 % -> A; ahead of C2 80 % -> B; ahead of C3 95 % -> C.
  const table = {
    sheet: 'Sales',
    header: ['Customer', 'Sales', 'Profit'],
    rows: [['C1', 50, 6], ['C2', 15, -3], ['C3', 5, 1], ['C1', 30, 4]],
    origin: { row: 1, column: 0 },
  };
  expect(formatSummary(segment(table, parsed.config)).split('\n')).toEqual([
    'Tierwise: 3 customers from 4 lines (0 left out); window: all dates',
    '',
    'Sales ABC (abc, by sales)',
    'Segment  Customers  % customers  Sales  % sales  Profit  Average sales',
    '-------  ---------  -----------  -----  -------  ------  -------------',
    'A                1        33.3%     80    80.0%      10             80',
    'B                1        33.3%     15    15.0%      -3             15',
    'C                1        33.3%      5     5.0%       1              5',
    '',
  ]);
});
