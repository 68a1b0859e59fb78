import fc from 'fast-check';
import { readDate } from '../../../src/engine/parse/date';
import { whyNotADate } from '../../../src/engine/parse/date-trouble';

// Each expected text was written by hand from the calendar: 2017 is no leap year, April has 30 days,
// 20170305 is 5 March 2017, and Excel's last day 9999-12-31 is serial 2958465 (2957003 in the 1904 system).
describe('why a cell is not a date', () => {
  test('a day that does not exist says which month has how many days', () => {
    expect(whyNotADate('2017-02-29', false, 'MDY')).toBe('February 2017 has 28 days: correct the date');
    expect(whyNotADate('2017-13-01', false, 'MDY')).toBe('there is no month 13: correct the date');
    expect(whyNotADate('31.04.2017', false, 'DMY')).toBe('read day first, April 2017 has 30 days: correct the date');
    expect(whyNotADate('2/30/2017', false, 'MDY')).toBe('read month first, February 2017 has 28 days: correct the date');
  });

  test('a date that exists only in the other order says so, and which setting reads it', () => {
    expect(whyNotADate('13/03/2017', false, 'MDY')).toBe(
      'read month first, there is no month 13; read day first, it is 2017-03-13: if the dates are written so, set "Dates written as text" to Day/month/year (locale.dateOrder "DMY")',
    );
    expect(whyNotADate('03/13/2017', false, 'DMY')).toBe(
      'read day first, there is no month 13; read month first, it is 2017-03-13: if the dates are written so, set "Dates written as text" to Month/day/year (locale.dateOrder "MDY")',
    );
  });

  test('a date that exists in neither order says why for each', () => {
    expect(whyNotADate('29/02/2017', false, 'MDY')).toBe('it is no day in either order: read month first, there is no month 29; read day first, February 2017 has 28 days: correct the date');
    expect(whyNotADate('13/13/2017', false, 'DMY')).toBe('there is no month 13, whichever part is the month: correct the date');
  });

  test('YYYYMMDD, as a number or as text, is named and not guessed', () => {
    const said = 'it looks like 2017-03-05 written without separators (YYYYMMDD, as SAP and many ledgers export dates), which Tierwise does not guess: write it 2017-03-05, or convert the column (Excel: Data > Text to Columns > Date: YMD)';
    expect(whyNotADate(20170305, false, 'MDY')).toBe(said);
    expect(whyNotADate(' 20170305 ', false, 'MDY')).toBe(said);
    // Not a day as YYYYMMDD either: said as a number out of the calendar, or as digits alone.
    expect(whyNotADate(20171305, false, 'MDY')).toBe("the number 20171305 is no day in Excel's calendar (1 is 1900-01-01, 2958465 is 9999-12-31): correct the date");
    expect(whyNotADate('42736', false, 'MDY')).toBe('digits alone are not read as a date (a serial day typed as text is ambiguous): make it a date cell, or write it YYYY-MM-DD');
  });

  test('serials outside the calendar name its ends in the workbook\'s date system', () => {
    expect(whyNotADate(0, false, 'MDY')).toBe("the number 0 is no day in Excel's calendar (1 is 1900-01-01, 2958465 is 9999-12-31): correct the date");
    expect(whyNotADate(-1, true, 'MDY')).toBe("the number -1 is no day in Excel's calendar (0 is 1904-01-01, 2957003 is 9999-12-31): correct the date");
  });

  test('two-digit years and year 0', () => {
    expect(whyNotADate('5/3/17', false, 'DMY')).toBe('the year has two digits, and Tierwise does not guess the century: write the year with four digits');
    expect(whyNotADate('05.03.17 10:00', false, 'DMY')).toBe('the year has two digits, and Tierwise does not guess the century: write the year with four digits');
    expect(whyNotADate('5/3/0000', false, 'DMY')).toBe('there is no year 0: correct the date');
  });

  // Monthly and quarterly extracts write a period where a day belongs; each is named with its first day.
  test('a month, a quarter or a fiscal period is named as a period, with the first day to give it', () => {
    const month = (name: string, first: string) => `it is a month (${name}), not a day. Tierwise needs the day of each sale: if the lines are totals per period, give each line its period's first day (${first}) and run again`;
    for (const t of ['2017-03', '2017/3', '03/2017', '3.2017', 'Mar 2017', 'March 2017', 'mar-2017', 'März 2017', 'mars 2017']) expect([t, whyNotADate(t, false, 'MDY')]).toEqual([t, month('March 2017', '2017-03-01')]);
    expect(whyNotADate('201712', false, 'DMY')).toBe(`it looks like a month written YYYYMM: ${month('December 2017', '2017-12-01')}`);
    const quarter = `it is a quarter (Q3 2017), not a day. Tierwise needs the day of each sale: if the lines are totals per period, give each line its period's first day (2017-07-01) and run again`;
    for (const t of ['Q3 2017', 'q3-2017', '2017-Q3', '2017 Q3', 'Q3/2017']) expect([t, whyNotADate(t, false, 'MDY')]).toEqual([t, quarter]);
    expect(whyNotADate('2017/003', false, 'MDY')).toBe(
      "it looks like a fiscal period (period 3 of 2017, as SAP writes them), not a day. Tierwise needs the day of each sale: if the lines are totals per period, give each line its period's first day and run again",
    );
    // No month 13, no period 17, no month before 1900, a two-digit year: nothing more precise than before.
    for (const t of ['2017-13', '13/2017', '2017/017', '0000-03', 'Mar-17', 'Foo 2017', '201713']) expect([t, whyNotADate(t, false, 'MDY')]).not.toEqual([t, expect.stringMatching(/period/)]);
  });

  test('text with no date shape has nothing more precise to say', () => {
    expect(whyNotADate('next week', false, 'MDY')).toBeUndefined();
    expect(whyNotADate('2017 03', false, 'MDY')).toBeUndefined();
    expect(whyNotADate(true, false, 'MDY')).toBeUndefined();
  });

  // The explanation never contradicts the reader: whatever it says, readDate found no day in the cell.
  test('it explains only what readDate refuses, and never says a day is missing when readDate reads one', () => {
    const part = fc.integer({ min: 0, max: 40 }).map(String);
    const text = fc.tuple(part, fc.constantFrom('/', '.', '-'), part, fc.integer({ min: 0, max: 2030 }).map((y) => String(y).padStart(4, '0'))).map(([a, s, b, y]) => `${a}${s}${b}${s}${y}`);
    fc.assert(
      fc.property(text, fc.constantFrom('DMY' as const, 'MDY' as const), (t, order) => {
        const readable = !Number.isNaN(readDate(t, false, order));
        const why = whyNotADate(t, false, order);
        if (readable) expect(why).toBeUndefined();
        else expect(why).toEqual(expect.any(String));
      }),
    );
  });
});
