// Why a cell is not a date, in words a user can act on. Runs only for the lines that are left out, so
// it may allocate and use patterns freely; readDate stays the one judge of what is a date.
import type { Cell } from '../types';
import { epochDayToIso, isoToEpochDay, monthDays, monthNumber, numericDateParts, type DateOrder } from './date';
import { NARROW_COLUMN, NARROW_COLUMN_SAID, noValueSaid } from './number-trouble';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const ORDER_WORDS: Record<DateOrder, string> = { DMY: 'day first', MDY: 'month first' };
/** The pane's choice and the configuration's value for an order. */
const ORDER_SETTING: Record<DateOrder, string> = { DMY: 'Day/month/year (locale.dateOrder "DMY")', MDY: 'Month/day/year (locale.dateOrder "MDY")' };
/** Excel's last day, 9999-12-31, as a 1900-system serial. */
const LAST_SERIAL = 2958465;


/** What is wrong with day `d` of month `m` in year `y`, or undefined when that day exists. */
function missingDay(y: number, m: number, d: number): string | undefined {
  if (m < 1 || m > 12) return `there is no month ${m}`;
  if (d < 1) return `there is no day ${d}`;
  const days = monthDays(y, m);
  return d > days ? `${MONTHS[m - 1]} ${y} has ${days} days` : undefined;
}

/** `20170305`: a valid year-month-day without separators (as SAP and many ledgers export days). */
function compactDay(digits: string): string | undefined {
  if (!/^\d{8}$/.test(digits)) return undefined;
  const year = Number(digits.slice(0, 4));
  const day = isoToEpochDay(year, Number(digits.slice(4, 6)), Number(digits.slice(6, 8)));
  if (year < 1900 || Number.isNaN(day)) return undefined;
  const iso = epochDayToIso(day);
  return `it looks like ${iso} written without separators (YYYYMMDD, as SAP and many ledgers export dates), which Tierwise does not guess: write it ${iso}, or convert the column (Excel: Data > Text to Columns > Date: YMD)`;
}

const FIRST_DAY = 'Tierwise needs the day of each sale: if the lines are totals per period, give each line its period\'s first day';

/** A month in a year, said as a period: `March 2017` and its first day. */
function monthPeriod(year: number, month: number): string | undefined {
  if (year < 1900 || month < 1 || month > 12) return undefined;
  return `it is a month (${MONTHS[month - 1]} ${year}), not a day. ${FIRST_DAY} (${epochDayToIso(isoToEpochDay(year, month, 1))}) and run again`;
}

/**
 * A period where a day belongs, as monthly or quarterly extracts write them: `2017-03`, `03/2017`,
 * `Mar 2017`, `März 2017`, `Q1 2017`, `2017-Q1`, and a fiscal period `2017/003` (SAP's year and period).
 */
function periodText(text: string): string | undefined {
  let m = /^(\d{4})[-/.](\d{1,2})$/.exec(text);
  if (m) return monthPeriod(Number(m[1]), Number(m[2]));
  if ((m = /^(\d{1,2})[-/.](\d{4})$/.exec(text))) return monthPeriod(Number(m[2]), Number(m[1]));
  if ((m = /^(\p{L}+)\.?[-\s./,]+(\d{4})$/u.exec(text)) && monthNumber(m[1]) > 0) return monthPeriod(Number(m[2]), monthNumber(m[1]));
  if ((m = /^(?:Q([1-4])[-\s/]*(\d{4})|(\d{4})[-\s/]*Q([1-4]))$/i.exec(text))) {
    const [quarter, year] = m[1] ? [Number(m[1]), Number(m[2])] : [Number(m[4]), Number(m[3])];
    if (year < 1900) return undefined;
    return `it is a quarter (Q${quarter} ${year}), not a day. ${FIRST_DAY} (${epochDayToIso(isoToEpochDay(year, quarter * 3 - 2, 1))}) and run again`;
  }
  if ((m = /^(\d{4})[/.](\d{3})$/.exec(text)) && Number(m[2]) >= 1 && Number(m[2]) <= 16) {
    return `it looks like a fiscal period (period ${Number(m[2])} of ${m[1]}, as SAP writes them), not a day. ${FIRST_DAY} and run again`;
  }
  return undefined;
}

/** `201703`: a month written YYYYMM without a separator. */
function compactMonth(digits: string): string | undefined {
  if (!/^\d{6}$/.test(digits)) return undefined;
  const period = monthPeriod(Number(digits.slice(0, 4)), Number(digits.slice(4, 6)));
  return period && `it looks like a month written YYYYMM: ${period}`;
}

/**
 * Why `cell` (not blank, not an Excel error, and no day to readDate under `order`) names no day; undefined
 * when nothing more precise than "not a date" can be said.
 */
export function whyNotADate(cell: Cell, date1904: boolean, order: DateOrder): string | undefined {
  if (typeof cell === 'number') {
    const compact = Number.isInteger(cell) ? compactDay(String(cell)) : undefined;
    if (compact) return compact;
    const last = date1904 ? LAST_SERIAL - 1462 : LAST_SERIAL;
    return `the number ${cell} is no day in Excel's calendar (${date1904 ? '0 is 1904-01-01' : '1 is 1900-01-01'}, ${last} is 9999-12-31): correct the date`;
  }
  if (typeof cell !== 'string') return undefined;
  const text = cell.trim();
  if (NARROW_COLUMN.test(text)) return NARROW_COLUMN_SAID;
  const missing = noValueSaid(text);
  if (missing) return `${missing}: type the date of the sale`;
  if (/^\d+$/.test(text)) return compactDay(text) ?? compactMonth(text) ?? 'digits alone are not read as a date (a serial day typed as text is ambiguous): make it a date cell, or write it YYYY-MM-DD';
  if (/^\d{1,2}[./-]\d{1,2}[./-]\d{2}(?:\s|$)/.test(text)) return 'the year has two digits, and Tierwise does not guess the century: write the year with four digits';
  const period = periodText(text);
  if (period) return period;
  const parts = numericDateParts(text);
  if (!parts) return undefined;
  const { p1, p2, year } = parts;
  if (year < 1) return 'there is no year 0: correct the date';
  if (parts.shape === 'ymd') {
    const why = missingDay(year, p1, p2);
    return why && `${why}: correct the date`;
  }
  const [month, day] = order === 'DMY' ? [p2, p1] : [p1, p2];
  const [otherMonth, otherDay] = [day, month];
  const other: DateOrder = order === 'DMY' ? 'MDY' : 'DMY';
  const here = missingDay(year, month, day);
  if (here === undefined) return undefined;
  if (month >= 1 && month <= 12) return `read ${ORDER_WORDS[order]}, ${here}: correct the date`;
  const there = missingDay(year, otherMonth, otherDay);
  if (there === undefined) {
    return `read ${ORDER_WORDS[order]}, ${here}; read ${ORDER_WORDS[other]}, it is ${epochDayToIso(isoToEpochDay(year, otherMonth, otherDay))}: if the dates are written so, set "Dates written as text" to ${ORDER_SETTING[other]}`;
  }
  if (there === here) return `${here}, whichever part is the month: correct the date`;
  return `it is no day in either order: read ${ORDER_WORDS[order]}, ${here}; read ${ORDER_WORDS[other]}, ${there}: correct the date`;
}
