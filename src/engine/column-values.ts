// The values of one column as a filter compares them (trimmed text, SEMANTICS.md section 2), for the
// pane's lists of values to keep or leave out.
import { columnNamed } from './parse/headers';
import { keyText } from './read-lines';
import type { SourceTable } from './types';

export interface ColumnValues {
  /**
   * At most `limit` values, in reading order (2 before 10): when the column has more, the most frequent
   * ones, and among equally frequent ones those that come first in the column.
   */
  values: string[];
  /** Distinct non-blank values in the column. */
  distinct: number;
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
/** 2 before 10, case aside; values that differ only in case in a fixed order (upper case first). */
const readingOrder = (a: string, b: string) => collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);

/** The distinct values of the column headed `column` (matched as filters match it); undefined when no column is. */
export function columnValues(table: SourceTable, column: string, limit: number): ColumnValues | undefined {
  const c = columnNamed(table.header, column);
  if (c < 0) return undefined;
  const counts = new Map<string, number>();
  for (const row of table.rows) {
    const v = keyText(row[c]);
    if (v !== '') counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  return { values: mostFrequent(counts, limit).sort(readingOrder), distinct: counts.size };
}

/**
 * The `limit` values with the highest counts, ties in first-seen order, without sorting them all: an
 * order id column has a value per line, and a sort of a million strings would keep the pane waiting.
 */
function mostFrequent(counts: Map<string, number>, limit: number): string[] {
  if (counts.size <= limit) return [...counts.keys()];
  // How many values have each count, then the lowest count that still makes the cut.
  const byCount = new Map<number, number>();
  for (const n of counts.values()) byCount.set(n, (byCount.get(n) ?? 0) + 1);
  let cut = 0;
  let taken = 0;
  for (const n of [...byCount.keys()].sort((a, b) => b - a)) {
    cut = n;
    taken += byCount.get(n)!;
    if (taken >= limit) break;
  }
  const above = [...counts].filter(([, n]) => n > cut).map(([v]) => v);
  const at = [...counts].filter(([, n]) => n === cut).map(([v]) => v);
  return [...above, ...at.slice(0, limit - above.length)];
}
