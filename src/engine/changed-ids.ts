// Customer ids Excel changed when it opened a CSV and saved it again, writing what the sheet showed.
// - Scientific notation: a long number (a 12-digit account number) shows as `1.23457E+11`; the last digits
//   are gone, and customers whose ids differed only there are now one.
// - Days: an id such as `3-12` or `MAR1` is taken for a date and shows as `12-Mar` or `1-Mar`.
// Nothing can bring the ids back, so each is said, with where to get them: the original export, opened
// with the id column as text.
import { cellAddress } from './address';
import { firstOf } from './said';
import type { Issue, SourceTable } from './types';

/** `1.23457E+11`, `1,23457E+11` (a decimal comma), `4E+15`: a number as Excel shows it when it is too long. */
const SCIENTIFIC = /^[+-]?\d(?:[.,]\d+)?E\+?\d+$/i;

const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)';
/** `12-Mar`, `1-Mar`, `Mar-12`: a day (or a month of a year) as Excel's short formats show one. */
const DAY_SHOWN = new RegExp(`^(?:\\d{1,2}-${MONTH}|${MONTH}-\\d{2})$`, 'i');

/** How Excel changes an id, and how the message says it (`many`: more than one id). */
const CHANGES: readonly { shape: RegExp; what: (many: boolean) => string; why: string }[] = [
  {
    shape: SCIENTIFIC,
    what: (many) => (many ? 'ids are numbers in scientific notation' : 'id is a number in scientific notation'),
    why: 'Excel shows a long number so, and a CSV saved from such a sheet keeps only the digits shown, so customers whose ids differed in their last digits are counted as one',
  },
  {
    shape: DAY_SHOWN,
    what: (many) => (many ? 'ids are days as Excel shows them' : 'id is a day as Excel shows it'),
    why: 'Excel takes an id such as 3-12 or MAR1 for a date when it opens a CSV, and saving writes the date it shows, so the id is lost',
  },
];

/** The warnings about customer ids Excel changed, for the customers of the run (`ids`): scientific notation, then days. */
export function changedIdsIssues(table: Pick<SourceTable, 'sheet' | 'origin'>, customerColumn: number, ids: readonly string[]): Issue[] {
  const issues: Issue[] = [];
  for (const { shape, what, why } of CHANGES) {
    const found = ids.filter((id) => shape.test(id));
    if (found.length === 0) continue;
    issues.push({
      severity: 'warning',
      where: cellAddress(table.sheet, table.origin.column + customerColumn, table.origin.row),
      message: `${found.length.toLocaleString('en-US')} customer ${what(found.length > 1)} (${firstOf(found.map((id) => `"${id}"`))}): ${why}. Open the original export with the id column as text (Data > From Text/CSV, the column's type Text), and run again.`,
    });
  }
  return issues;
}
