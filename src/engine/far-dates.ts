// Dates centuries away. A column of months written YYYYMM (201703) holds numbers, and a number in a date
// column is an Excel serial day (SEMANTICS.md 1): 201703 is 2452-03-28. Nothing is left out, and a
// window, which ends at the latest date by default, ends in the 25th century with no sale in it. Said,
// not fixed: the serial reading is the contract's, and a period is not a day.
import { cellAddress, columnLetter } from './address';
import { isoToEpochDay } from './parse/date';
import { linesCount } from './said';
import type { EpochDay, Issue, SourceTable } from './types';

/** Sales data has no line after this day; a serial day past it is more likely a period or a typing slip. */
export const FAR_DAY: EpochDay = isoToEpochDay(2200, 1, 1);

/** Of the kept lines' days (NaN: no date): how many lie on or after FAR_DAY, and the latest. */
export function farDays(days: ArrayLike<number>): { count: number; latest: EpochDay } {
  let count = 0;
  let latest = NaN;
  for (let i = 0; i < days.length; i++) {
    const d = days[i];
    if (d >= FAR_DAY) {
      count++;
      if (!(d <= latest)) latest = d;
    }
  }
  return { count, latest };
}

/** One warning at the date column's header when `count` kept lines are dated in 2200 or later; `latest` as YYYY-MM-DD. */
export function farDatesIssue(table: Pick<SourceTable, 'sheet' | 'origin'>, column: number, header: string, count: number, latest: string): Issue | undefined {
  if (count === 0) return undefined;
  const first = `${columnLetter(table.origin.column + column)}${table.origin.row + 1}`;
  const lines = `${linesCount(count)} ${count === 1 ? 'is' : 'are'}`;
  return {
    severity: 'warning',
    where: cellAddress(table.sheet, table.origin.column + column, table.origin.row),
    message: `${lines} dated in the year 2200 or later (the latest ${latest}), and windows and recency count back from the latest date. A number in ${header} is an Excel serial day, so a month written YYYYMM (201703) is a day in the 25th century. If the column holds such months, give each line its month's first day (=DATE(INT(${first}/100),MOD(${first},100),1) for ${first}) and run again; otherwise correct these dates.`,
  };
}
