// The values of one column as a filter compares them (trimmed text, SEMANTICS.md section 2), for the
// pane's lists of values to keep or leave out.
import { normalizeHeader } from './parse/headers';
import { keyText } from './read-lines';
import type { SourceTable } from './types';

export interface ColumnValues {
  /** At most `limit` values: the most frequent ones when there are more, in reading order (2 before 10). */
  values: string[];
  /** Distinct non-blank values in the column. */
  distinct: number;
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
/** 2 before 10, case aside; values that differ only in case in a fixed order (upper case first). */
const readingOrder = (a: string, b: string) => collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);

/** The distinct values of the column headed `column` (matched as filters match it); undefined when no column is. */
export function columnValues(table: SourceTable, column: string, limit: number): ColumnValues | undefined {
  const c = table.header.map(normalizeHeader).indexOf(normalizeHeader(column));
  if (c < 0) return undefined;
  const counts = new Map<string, number>();
  for (const row of table.rows) {
    const v = keyText(row[c]);
    if (v !== '') counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  let values = [...counts.keys()];
  if (values.length > limit) values = values.sort((a, b) => counts.get(b)! - counts.get(a)! || readingOrder(a, b)).slice(0, limit);
  return { values: values.sort(readingOrder), distinct: counts.size };
}
