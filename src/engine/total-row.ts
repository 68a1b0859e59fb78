// A sales list that ends with its own total: the line whose amount equals all the other lines together
// is a sum, not a sale, and read as one it would be the largest customer by far. Tierwise does not drop
// it (it may be a real sale, and data is never left out silently): it says so, with the cell's address.
import { cellAddress } from './address';
import type { LineBuffers } from './read-lines';
import type { Issue, SourceTable } from './types';

/** Equal within half a percent: a total typed by hand, or rounded, still counts as one. */
const TOLERANCE = 0.005;
/**
 * Fewer lines say nothing: in a hand-made list of five, one sale as large as the other four together is
 * ordinary. A total sits at the list's end (or top), so only the first and the last line are suspects.
 */
const MIN_LINES = 10;

export function totalRowWarning(
  table: Pick<SourceTable, 'sheet' | 'origin'>,
  lines: Pick<LineBuffers, 'amount' | 'row' | 'customer'> & { length: number },
  amountColumn: number,
  amountHeader: string,
  customerIds: readonly string[],
): Issue | undefined {
  if (lines.length < MIN_LINES) return undefined;
  let sum = 0;
  for (let i = 0; i < lines.length; i++) sum += lines.amount[i];
  const last = lines.length - 1;
  const top = lines.amount[last] >= lines.amount[0] ? last : 0;
  const amount = lines.amount[top];
  const others = sum - amount;
  if (!(others > 0) || Math.abs(amount - others) > TOLERANCE * others) return undefined;
  const n = (x: number) => x.toLocaleString('en-US', { maximumFractionDigits: 2 });
  return {
    severity: 'warning',
    where: cellAddress(table.sheet, table.origin.column + amountColumn, table.origin.row + 1 + lines.row[top]),
    value: amount,
    message: `this line's ${amountHeader} (${n(amount)}) is as much as all the other lines together (${n(others)}): it looks like a total row, and is counted as a sale of "${customerIds[lines.customer[top]]}". If it is a total, delete the line or leave it out with a filter under "What is counted".`,
  };
}
