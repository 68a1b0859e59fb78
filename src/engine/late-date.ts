// A latest date far beyond the rest: one line typed 2071-03-05 for 2017-03-05. The default window end is
// the latest date in the data (SEMANTICS.md 2), so that one line moves every rolling window and every
// recency to 2071, and the run counts next to nothing, without a word. Said, not fixed: the date may be
// right (a first sale after a long pause), and only the user knows.
import { sourceCellAddress } from './address';
import { FAR_DAY } from './far-dates';
import { epochDayToIso } from './parse/date';
import { linesCount } from './said';
import type { EpochDay, Issue, SourceTable } from './types';

/** The dates that set the default window end, as far as this check needs them. */
export interface LatestDates {
  latest: EpochDay;
  /** The latest date before `latest`, or undefined when every line has the latest date. */
  next: EpochDay | undefined;
  /** Lines dated `latest`, and the first of them (a data row index, as SourceTable.rows). */
  lines: number;
  firstRow: number;
}

/** More than a year between the latest date and the one before it. */
const GAP_DAYS = 366;
/** A slip in a few lines; more lines on a date far ahead are a period of their own. */
const FEWEST_OTHERS = 3;

/**
 * One warning at the first line of the latest date when that date lies more than a year after the one
 * before it and at most three lines have it. Not for a date in 2200 or later: far-dates.ts says those.
 */
export function lateDateIssue(table: Pick<SourceTable, 'sheet' | 'origin'>, column: number, dates: LatestDates | undefined): Issue | undefined {
  if (!dates || dates.next === undefined || dates.latest >= FAR_DAY) return undefined;
  const gap = dates.latest - dates.next;
  if (gap <= GAP_DAYS || dates.lines > FEWEST_OTHERS) return undefined;
  const [later, earlier] = [epochDayToIso(dates.latest), epochDayToIso(dates.next)];
  // Whole calendar years: 2017-03-05 to 2027-03-05 is 10, to 2027-03-04 is 9.
  const years = Number(later.slice(0, 4)) - Number(earlier.slice(0, 4)) - (later.slice(5) < earlier.slice(5) ? 1 : 0);
  return {
    severity: 'warning',
    where: sourceCellAddress(table, column, dates.firstRow),
    message: `the latest date, ${later} (${linesCount(dates.lines)}), is ${years} year${years === 1 ? '' : 's'} after the date before it (${earlier}), and windows and recency count back from the latest date: if it is a typing slip, correct it, or give the window its own end.`,
  };
}
