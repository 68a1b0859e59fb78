// Dates centuries away: a month written YYYYMM (201703) in a date column is the serial day 2452-03-28
// (SEMANTICS.md 1 reads a number there as a serial), kept, and said once at the date header.
import { FAR_DAY, farDays } from '../../src/engine/far-dates';
import { ingest } from '../../src/engine/ingest';
import { isoToEpochDay } from '../../src/engine/parse/date';
import type { Cell } from '../../src/engine/types';
import { config, table } from '../support/tables';

const HEAD = ['Customer', 'Month', 'Sales'];
const warnings = (rows: Cell[][]) => ingest(table(HEAD, rows), config({ columns: { date: 'Month' } })).issues.filter((i) => i.severity === 'warning');

describe('dates in the year 2200 or later', () => {
  it('are said at the date header with their count, the latest, and a formula for the first data cell', () => {
    // Serial 201703 is 2452-03-28 and 201612 is 2451-11-26 (the 1900 system, whose day 60 is Excel's
    // phantom 1900-02-29: serial s > 60 is 1899-12-30 + s days); 42795 is 2017-03-01, an ordinary day.
    const rows: Cell[][] = [['C1', 201703, 100], ['C2', 201612, 50], ['C3', 42795, 20]];
    expect(warnings(rows)).toEqual([
      {
        severity: 'warning',
        where: 'Sales!B1',
        message:
          "2 lines are dated in the year 2200 or later (the latest 2452-03-28), and windows and recency count back from the latest date. A number in Month is an Excel serial day, so a month written YYYYMM (201703) is a day in the 25th century. If the column holds such months, give each line its month's first day (=DATE(INT(B2/100),MOD(B2,100),1) for B2) and run again; otherwise correct these dates.",
      },
    ]);
  });

  it('is not said of ordinary days, nor of the last day before 2200, nor without a date column', () => {
    expect(warnings([['C1', '2199-12-31', 1], ['C2', '9999-12-31', 1]]).map((i) => i.message.slice(0, 65))).toEqual(['1 line is dated in the year 2200 or later (the latest 9999-12-31)']);
    // Not a date in 2200 or later; a latest date 182 years after the rest is late-date.ts's to say.
    expect(warnings([['C1', '2199-12-31', 1], ['C2', 42795, 1]]).map((i) => i.message.slice(0, 40))).toEqual(['the latest date, 2199-12-31 (1 line), is']);
    expect(ingest(table(['Customer', 'Remark', 'Sales'], [['C1', 201703, 1]]), config()).issues).toEqual([]);
  });

  it('counts the days on or after 2200-01-01 and keeps the latest; NaN is no day', () => {
    expect(FAR_DAY).toBe(isoToEpochDay(2200, 1, 1));
    expect(farDays([FAR_DAY - 1, FAR_DAY, NaN, FAR_DAY + 9, FAR_DAY + 3])).toEqual({ count: 3, latest: FAR_DAY + 9 });
    expect(farDays([NaN, 0])).toEqual({ count: 0, latest: NaN });
  });
});
