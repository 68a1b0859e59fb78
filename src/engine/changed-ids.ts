// Customer ids changed on their way to the file, mostly by Excel opening a CSV and saving what it showed.
// - Scientific notation: a long number (a 12-digit account number) shows as `1.23457E+11`; the last digits
//   are gone, and customers whose ids differed only there are now one.
// - Days: an id such as `3-12` or `MAR1` is taken for a date and shows as `12-Mar` or `1-Mar`.
// - Fifteen digits: Excel keeps 15 significant digits of a number, so a 16-digit id typed, pasted or
//   opened as a number ends in 0 whatever its last digit was (`1234567890123456` becomes
//   `1234567890123450`), in the workbook and in any CSV saved from it with a number format.
// - Decimals: a tool that is not Excel wrote whole-number ids as decimals (`1001.0`: pandas does so for an
//   id column with a blank cell). Ids are text, so `1001.0` is not the `1001` of another file or an override.
// - Leading zeros: Excel drops them from an id it takes for a number, so `00123` on some lines and `123`
//   on others (typed, pasted or opened from a CSV at different times) are one customer counted as two.
// Nothing can bring the ids back, so each is said, with where to get them: the original export, opened
// with the id column as text, or written alike (without decimals, with or without the zeros).
import { cellAddress } from './address';
import { firstOf } from './said';
import type { Issue, SourceTable } from './types';

/** `1.23457E+11`, `1,23457E+11` (a decimal comma), `4E+15`: a number as Excel shows it when it is too long. */
const SCIENTIFIC = /^[+-]?\d(?:[.,]\d+)?E\+?\d+$/i;

const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)';
/** `12-Mar`, `1-Mar`, `Mar-12`: a day (or a month of a year) as Excel's short formats show one. */
const DAY_SHOWN = new RegExp(`^(?:\\d{1,2}-${MONTH}|${MONTH}-\\d{2})$`, 'i');

const LONG_DIGITS = /^\d{16,}$/;
/** Ids of 16 digits or more found by chance with zeros beyond the 15th: one in ten each, so three make one in a thousand. */
const FEWEST_CUT = 3;

/**
 * The ids cut to 15 digits: every id of 16 digits or more, when there are at least FEWEST_CUT and each
 * has only zeros beyond its 15th digit. One such id proves nothing (an id may end in 0); all of them
 * ending so is what Excel's 15 digits leave.
 */
function cutToFifteen(ids: readonly string[]): string[] {
  const long = ids.filter((id) => LONG_DIGITS.test(id));
  return long.length >= FEWEST_CUT && long.every((id) => /^0+$/.test(id.slice(15))) ? long : [];
}

/** `1001.0`, `42.00`: a whole number written with decimals. */
const WHOLE_WITH_DECIMALS = /^[+-]?\d+\.0+$/;

/** The ids with leading zeros (`00123`) that are also written without them (`123`) among the run's ids. */
function alsoWithoutZeros(ids: readonly string[]): string[] {
  const padded = ids.filter((id) => id.charCodeAt(0) === 48 /* 0 */ && /^0+\d+$/.test(id));
  if (padded.length === 0) return [];
  const all = new Set(ids);
  return padded.filter((id) => all.has(id.replace(/^0+(?=\d)/, '')));
}

const shaped = (shape: RegExp) => (ids: readonly string[]) => ids.filter((id) => shape.test(id));

const OPEN_AS_TEXT = "Open the original export with the id column as text (Data > From Text/CSV, the column's type Text), and run again.";

/** How an id was changed, the ids so changed, and how the message says it (`many`: more than one id) and what to do. */
const CHANGES: readonly { found: (ids: readonly string[]) => string[]; what: (many: boolean) => string; why: string; fix: string }[] = [
  {
    found: shaped(SCIENTIFIC),
    what: (many) => (many ? 'ids are numbers in scientific notation' : 'id is a number in scientific notation'),
    why: 'Excel shows a long number so, and a CSV saved from such a sheet keeps only the digits shown, so customers whose ids differed in their last digits are counted as one',
    fix: OPEN_AS_TEXT,
  },
  {
    found: shaped(DAY_SHOWN),
    what: (many) => (many ? 'ids are days as Excel shows them' : 'id is a day as Excel shows it'),
    why: 'Excel takes an id such as 3-12 or MAR1 for a date when it opens a CSV, and saving writes the date it shows, so the id is lost',
    fix: OPEN_AS_TEXT,
  },
  {
    found: cutToFifteen,
    what: () => 'ids have 16 digits or more and only zeros after the 15th',
    why: 'Excel keeps 15 significant digits of a number, so an id typed, pasted or opened as a number loses its later digits, and customers whose ids differed there are counted as one',
    fix: OPEN_AS_TEXT,
  },
  {
    found: shaped(WHOLE_WITH_DECIMALS),
    what: (many) => (many ? 'ids are whole numbers written with decimals' : 'id is a whole number written with decimals'),
    why: 'a tool wrote the ids as decimal numbers (pandas does so for an id column with a blank cell), and Tierwise keeps ids as text, so 1001.0 and 1001 are two customers, and an override or another file written 1001 does not match',
    fix: 'Write the ids without decimals where the file is made (in pandas, the column as Int64 or as text), and run again.',
  },
  {
    found: alsoWithoutZeros,
    what: (many) => (many ? 'ids are also written without their leading zeros' : 'id is also written without its leading zeros'),
    why: 'Excel drops the leading zeros of an id it takes for a number (typed, pasted or opened from a CSV), so one customer is counted as two',
    fix: 'Write the ids alike in the source (in Excel, the column formatted as Text before the ids go in), and run again.',
  },
];

/** The warnings about changed customer ids, for the customers of the run (`ids`): scientific notation, days, 15 digits, decimals, then leading zeros. */
export function changedIdsIssues(table: Pick<SourceTable, 'sheet' | 'origin'>, customerColumn: number, ids: readonly string[]): Issue[] {
  const issues: Issue[] = [];
  for (const change of CHANGES) {
    const found = change.found(ids);
    if (found.length === 0) continue;
    const { what, why, fix } = change;
    issues.push({
      severity: 'warning',
      where: cellAddress(table.sheet, table.origin.column + customerColumn, table.origin.row),
      message: `${found.length.toLocaleString('en-US')} customer ${what(found.length > 1)} (${firstOf(found.map((id) => `"${id}"`))}): ${why}. ${fix}`,
    });
  }
  return issues;
}
