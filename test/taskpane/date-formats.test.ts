// The playground's sample sheet shows its dates as Excel would: serial numbers carrying a date format.
import { shownValue } from '../../src/taskpane/playground/SheetGrid';
import { dateFormats } from '../../src/taskpane/playground/date-formats';
import { makeFormats } from '../../src/taskpane/format';

describe('the sample sheet', () => {
  test('numeric cells of columns headed "date" get a date format; text, other columns and the header do not', () => {
    const grid = [
      ['Order ID', 'Order Date', 'Ship Date', 'Sales', 'Update'],
      ['CA-1', 41642, 41646, 261.96, 5],
      ['CA-2', '2014-01-04', 41648, 10, 6],
    ];
    expect([...dateFormats(grid)]).toEqual([
      ['1,1', 'yyyy-mm-dd'],
      ['1,2', 'yyyy-mm-dd'],
      ['2,2', 'yyyy-mm-dd'],
    ]);
  });

  test('a formatted serial shows as its date (41642 is 2014-01-03 in the 1900 system)', () => {
    const f = makeFormats('en-US');
    expect(shownValue(41642, dateFormats([['Order Date'], [41642]]).get('1,0'), f)).toBe('2014-01-03');
    expect(shownValue(41642, undefined, f)).toBe('41642');
  });
});
