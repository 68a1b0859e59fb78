// The time window (SEMANTICS.md section 2). Its end comes from the data, never from the clock,
// so a shared workbook gives the same tiers on every machine and every day.
import type { WindowSpec } from './config';
import type { SalesLines } from './ingest';
import { epochDayToIso, isoTextToEpochDay, isoToEpochDay } from './parse/date';
import type { EpochDay, Issue } from './types';

/** Both ends included. `undefined` means the whole history. */
export interface DayRange {
  start: EpochDay;
  end: EpochDay;
}

/** The latest valid date in the data, or undefined when no line has a date. */
export function latestDay(lines: SalesLines): EpochDay | undefined {
  let max = -Infinity;
  for (let i = 0; i < lines.length; i++) if (lines.day[i] > max) max = lines.day[i];
  return max === -Infinity ? undefined : max;
}

/** [year, month, day] of an epoch day. */
export function civil(day: EpochDay): [number, number, number] {
  const [y, m, d] = epochDayToIso(day).split('-').map(Number);
  return [y, m, d];
}

/** The same day `months` months earlier; a day the earlier month lacks becomes its last day (03-31 -> 02-28). */
export function monthsBefore(day: EpochDay, months: number): EpochDay {
  const [y, m, d] = civil(day);
  const total = y * 12 + (m - 1) - months;
  const ty = Math.floor(total / 12);
  const tm = total - ty * 12 + 1;
  let td = d;
  while (td > 28 && Number.isNaN(isoToEpochDay(ty, tm, td))) td--;
  return isoToEpochDay(ty, tm, td);
}

/** `dataEnd`: the latest date before filters (Ingested.latestDay); the filtered lines' latest when not given. */
export function resolveWindow(spec: WindowSpec, lines: SalesLines, dataEnd: EpochDay | undefined = latestDay(lines)): { range: DayRange | undefined; issues: Issue[] } {
  switch (spec.kind) {
    case 'all':
      return { range: undefined, issues: [] };
    case 'rolling': {
      let end: EpochDay | undefined;
      if (spec.end !== undefined) {
        end = isoTextToEpochDay(spec.end);
        if (Number.isNaN(end)) return { range: undefined, issues: [{ severity: 'error', where: 'window.end', message: `${spec.end} is not a day of the calendar` }] };
      } else {
        end = dataEnd;
        if (end === undefined) return { range: undefined, issues: [{ severity: 'error', where: 'window', message: 'a rolling window needs dates, and no line has a readable date' }] };
      }
      // "12 months ending 2017-12-30" covers the days after 2016-12-30: 2016-12-31 to 2017-12-30.
      return { range: { start: monthsBefore(end, spec.months) + 1, end }, issues: [] };
    }
    case 'year': {
      // A fiscal year is named by the calendar year in which it ends: year 2017, startMonth 4 = 2016-04-01..2017-03-31.
      const firstYear = spec.startMonth === 1 ? spec.year : spec.year - 1;
      const start = isoToEpochDay(firstYear, spec.startMonth, 1);
      const next = isoToEpochDay(firstYear + 1, spec.startMonth, 1);
      return { range: { start, end: next - 1 }, issues: [] };
    }
  }
}

export function describeWindow(range: DayRange | undefined): string {
  return range ? `${epochDayToIso(range.start)} to ${epochDayToIso(range.end)}` : 'all dates';
}
