// Ranges beside the sales range (questionnaire answers, visits): how their columns are found.
import { columnNamed, detectColumns } from './parse/headers';
import type { Cell } from './types';

/**
 * The customer column of a second range: headed like the sales range's configured customer column,
 * else detected from its header (`Customer ID`, `Client`, ...), else the first column.
 */
export function customerColumnOf(header: readonly Cell[], configured: string | null | undefined): number {
  if (configured !== undefined && configured !== null) {
    const i = columnNamed(header, configured);
    if (i >= 0) return i;
  }
  return detectColumns(header as Cell[]).customer ?? 0;
}
