// Customer ids in scientific notation. Excel shows a long number (a 12-digit account number) as
// `1.23457E+11`, and "Save as CSV" writes what the sheet shows: the last digits are gone, and customers
// whose ids differed only there are now one. Nothing can bring the digits back, so it is said, with where
// to get them: the original export, opened with the id column as text.
import { cellAddress } from './address';
import type { Issue, SourceTable } from './types';

/** `1.23457E+11`, `1,23457E+11` (a decimal comma), `4E+15`: a number as Excel shows it when it is too long. */
const SCIENTIFIC = /^[+-]?\d(?:[.,]\d+)?E\+?\d+$/i;

/** One warning at the customer column's header when customers of the run (`ids`) are written in scientific notation. */
export function scientificIdsIssue(table: Pick<SourceTable, 'sheet' | 'origin'>, customerColumn: number, ids: readonly string[]): Issue | undefined {
  const found = ids.filter((id) => SCIENTIFIC.test(id));
  if (found.length === 0) return undefined;
  const shown = found.slice(0, 3).map((id) => `"${id}"`).join(', ') + (found.length > 3 ? `, and ${found.length - 3} more` : '');
  const many = found.length > 1;
  return {
    severity: 'warning',
    where: cellAddress(table.sheet, table.origin.column + customerColumn, table.origin.row),
    message: `${found.length.toLocaleString('en-US')} customer${many ? ' ids are numbers' : ' id is a number'} in scientific notation (${shown}): Excel shows a long number so, and a CSV saved from such a sheet keeps only the digits shown, so customers whose ids differed in their last digits are counted as one. Open the original export with the id column as text (Data > From Text/CSV, the column's type Text), and run again.`,
  };
}
