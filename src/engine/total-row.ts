// A sales list that ends with its own total: the line whose amount equals all the other lines together
// is a sum, not a sale, and read as one it would be the largest customer by far. Tierwise does not drop
// it (it may be a real sale, and data is never left out silently): it says so, with the cell's address.
import { sourceCellAddress } from './address';
import type { LineBuffers } from './read-lines';
import type { Issue, SourceTable } from './types';

/** Equal within half a percent: a total typed by hand, or rounded, still counts as one. */
const TOLERANCE = 0.005;
/**
 * Fewer lines say nothing: in a hand-made list of five, one sale as large as the other four together is
 * ordinary. A total sits at the list's end (or top), so only the first and the last line are suspects.
 */
const MIN_LINES = 10;

type Lines = Pick<LineBuffers, 'amount' | 'row' | 'customer'> & { length: number };

/** The warning, and the customer of the line it points at. */
export function totalRowWarning(
  table: Pick<SourceTable, 'sheet' | 'origin'>,
  lines: Lines,
  amountColumn: number,
  amountHeader: string,
  customerIds: readonly string[],
): { issue: Issue; customer: number } | undefined {
  if (lines.length < MIN_LINES) return undefined;
  let sum = 0;
  for (let i = 0; i < lines.length; i++) sum += lines.amount[i];
  const last = lines.length - 1;
  const top = lines.amount[last] >= lines.amount[0] ? last : 0;
  const amount = lines.amount[top];
  const others = sum - amount;
  if (!(others > 0) || Math.abs(amount - others) > TOLERANCE * others) return undefined;
  const n = (x: number) => x.toLocaleString('en-US', { maximumFractionDigits: 2 });
  const customer = lines.customer[top];
  return {
    customer,
    issue: {
      severity: 'warning',
      where: sourceCellAddress(table, amountColumn, lines.row[top]),
      value: amount,
      message: `this line's ${amountHeader} (${n(amount)}) is as much as all the other lines together (${n(others)}): it looks like a total row, and is counted as a sale of "${customerIds[customer]}". If it is a total, delete the line or leave it out with a filter under "What is counted".`,
    },
  };
}

/**
 * A customer cell that holds the word for a total (a report's "Grand Total" or "Summe" line, a subtotal
 * per group) in the languages whose headers Tierwise reads: the whole cell, so "Total Energies" is a
 * customer and "Total:" is not.
 */
const TOTAL_WORD = /^(?:grand\s+total|sub-?total|totals?|sum|summe|zwischensumme|gesamtsumme|gesamt|sous-total|somme|totaal|subtotaal|suma(?:\s+total)?)\s*:?$/i;

/** Every word of TOTAL_WORD starts with g, s, t or z: one character code spares 50,000 ids the pattern. */
function mayNameTotal(id: string): boolean {
  const a = id.charCodeAt(0) | 32; // lower case for ASCII letters
  return a === 103 || a === 115 || a === 116 || a === 122;
}

/**
 * Customers named like totals, each said once at its first line's customer cell with how many lines it
 * has; `except` is a customer the amount check has already pointed at. Counted all the same.
 */
export function totalNameWarnings(
  table: Pick<SourceTable, 'sheet' | 'origin'>,
  lines: Lines,
  customerColumn: number,
  customerHeader: string,
  customerIds: readonly string[],
  except?: number,
): Issue[] {
  const named = new Map<number, { first: number; count: number }>();
  customerIds.forEach((id, c) => {
    if (c !== except && mayNameTotal(id) && TOTAL_WORD.test(id)) named.set(c, { first: -1, count: 0 });
  });
  if (named.size === 0) return [];
  for (let i = 0; i < lines.length; i++) {
    const found = named.get(lines.customer[i]);
    if (!found) continue;
    if (found.first < 0) found.first = i;
    found.count++;
  }
  const out: Issue[] = [];
  for (const [c, { first, count }] of named) {
    if (first < 0) continue; // known only from an override or an earlier run: no line to point at
    const id = customerIds[c];
    const one = count === 1;
    out.push({
      severity: 'warning',
      where: sourceCellAddress(table, customerColumn, lines.row[first]),
      value: id,
      message: `the customer "${id}" looks like a total, not a customer: ${one ? 'its line is' : `its ${count.toLocaleString('en-US')} lines (the first is here) are`} counted as sales of a customer called "${id}". If ${one ? 'it is a total, delete the line or leave it' : 'they are totals, delete them or leave them'} out with a filter under "What is counted" (${customerHeader}, leave out "${id}").`,
    });
  }
  return out;
}
