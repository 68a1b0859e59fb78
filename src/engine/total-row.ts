// A sales list that ends with its own total: the line whose amount equals all the other lines together
// is a sum, not a sale, and read as one it would be the largest customer by far. Tierwise does not drop
// it (it may be a real sale, and data is never left out silently): it says so, with the cell's address.
import { sourceCellAddress } from './address';
import { firstOf } from './said';
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

/** A line at one end of the list: its amount, its customer's id and its row. */
export interface EndLine {
  amount: number;
  customer: string;
  row: number;
}

/**
 * What the amount check needs of the kept lines, which the engine counts from its buffers and the
 * DuckDB path in SQL: how many there are, their amounts' sum, the first and the last.
 */
export interface LineEnds {
  count: number;
  sum: number;
  first: EndLine;
  last: EndLine;
}

/** The warning when the first or the last line is as much as all the others together, and its customer. */
export function totalRowIssue(table: Pick<SourceTable, 'sheet' | 'origin'>, ends: LineEnds, amountColumn: number, amountHeader: string): { issue: Issue; customer: string } | undefined {
  if (ends.count < MIN_LINES) return undefined;
  const top = ends.last.amount >= ends.first.amount ? ends.last : ends.first;
  const others = ends.sum - top.amount;
  if (!(others > 0) || Math.abs(top.amount - others) > TOLERANCE * others) return undefined;
  const n = (x: number) => x.toLocaleString('en-US', { maximumFractionDigits: 2 });
  return {
    customer: top.customer,
    issue: {
      severity: 'warning',
      where: sourceCellAddress(table, amountColumn, top.row),
      value: top.amount,
      message: `this line's ${amountHeader} (${n(top.amount)}) is as much as all the other lines together (${n(others)}): it looks like a total row, and is counted as a sale of "${top.customer}". If it is a total, delete the line or leave it out with a filter under "What is counted".`,
    },
  };
}

/** totalRowIssue over the engine's kept lines. */
export function totalRowWarning(
  table: Pick<SourceTable, 'sheet' | 'origin'>,
  lines: Lines,
  amountColumn: number,
  amountHeader: string,
  customerIds: readonly string[],
): { issue: Issue; customer: string } | undefined {
  if (lines.length < MIN_LINES) return undefined;
  let sum = 0;
  for (let i = 0; i < lines.length; i++) sum += lines.amount[i];
  const end = (i: number): EndLine => ({ amount: lines.amount[i], customer: customerIds[lines.customer[i]], row: lines.row[i] });
  return totalRowIssue(table, { count: lines.length, sum, first: end(0), last: end(lines.length - 1) }, amountColumn, amountHeader);
}

/**
 * A customer cell that holds the word for a total (a report's "Grand Total" or "Summe" line, a subtotal
 * per group) in the languages whose headers Tierwise reads: the whole cell, so "Total Energies" is a
 * customer and "Total:" is not.
 */
const TOTAL_WORD =
  /^(?:grand\s+total|sub-?total|totals?|sum|summe|zwischensumme|gesamtsumme|gesamt|gesamtergebnis|sous-total|somme|total\s+g[ée]n[ée]ral|totaal|subtotaal|eindtotaal|suma(?:\s+total)?)\s*:?$/i;

/**
 * A subtotal's label: another value with the word for a total after it (`C1 Total`, as Excel's Data >
 * Subtotal writes it in English; `C1 Ergebnis` in German) or before it (`Total C1` in French and
 * Spanish). A customer so named is said only when the value is a customer too (namedLikeTotals).
 */
const SUBTOTAL = /^(?:(.+?)\s+(?:total|ergebnis|totaal|summe|somme|suma)|(?:total|totaal|somme|suma)\s+(.+?))\s*:?$/i;

/** The customer whose subtotal `id` may be (`C1` for `C1 Total`); undefined when `id` is no subtotal's label. */
export function subtotalBase(id: string): string | undefined {
  const m = SUBTOTAL.exec(id);
  return m ? (m[1] ?? m[2]) : undefined;
}

/**
 * The customers named like totals, in the order of `ids`: the word itself (`Grand Total`, `Summe`), or
 * the subtotal of another customer of `ids` (`C1 Total` beside `C1`, with `of`). `except` is the
 * customer the amount check has already pointed at.
 */
export function namedLikeTotals(ids: readonly string[], except?: string): { id: string; of?: string }[] {
  const known = new Set(ids);
  return ids.flatMap((id) => {
    if (id === except) return [];
    if (namesTotal(id)) return [{ id }];
    const of = subtotalBase(id);
    return of !== undefined && of !== id && known.has(of) ? [{ id, of }] : [];
  });
}

/** Every word of TOTAL_WORD starts with g, s, t or z: one character code spares 50,000 ids the pattern. */
function mayNameTotal(id: string): boolean {
  const a = id.charCodeAt(0) | 32; // lower case for ASCII letters
  return a === 103 || a === 115 || a === 116 || a === 122;
}

/** Whether a customer id is the word for a total (TOTAL_WORD). */
export const namesTotal = (id: string): boolean => mayNameTotal(id) && TOTAL_WORD.test(id);

/**
 * A customer named like a total: its id, the row of its first kept line, how many kept lines it has,
 * and for a subtotal, the customer it sums (`of`).
 */
export interface TotalNamed {
  id: string;
  firstRow: number;
  count: number;
  of?: string;
}

/**
 * The warning for each customer named like a total, at its first line's customer cell; then one for
 * all the subtotals of other customers, at the first of them (Excel's Data > Subtotal writes one per
 * customer: a warning each would bury the rest).
 */
export function totalNameIssues(table: Pick<SourceTable, 'sheet' | 'origin'>, named: readonly TotalNamed[], customerColumn: number, customerHeader: string): Issue[] {
  const totals = named.filter((n) => n.of === undefined);
  const subtotals = named.filter((n) => n.of !== undefined);
  const issues = totals.map(({ id, firstRow, count }): Issue => {
    const one = count === 1;
    return {
      severity: 'warning',
      where: sourceCellAddress(table, customerColumn, firstRow),
      value: id,
      message: `the customer "${id}" looks like a total, not a customer: ${one ? 'its line is' : `its ${count.toLocaleString('en-US')} lines (the first is here) are`} counted as sales of a customer called "${id}". If ${one ? 'it is a total, delete the line or leave it' : 'they are totals, delete them or leave them'} out with a filter under "What is counted" (${customerHeader}, leave out "${id}").`,
    };
  });
  if (subtotals.length > 0) issues.push(subtotalsIssue(table, subtotals, customerColumn, customerHeader));
  return issues;
}

function subtotalsIssue(table: Pick<SourceTable, 'sheet' | 'origin'>, subtotals: readonly TotalNamed[], customerColumn: number, customerHeader: string): Issue {
  const first = subtotals.reduce((a, b) => (b.firstRow < a.firstRow ? b : a));
  const what =
    subtotals.length === 1
      ? `the customer "${first.id}" looks like the subtotal of "${first.of}"`
      : `${subtotals.length.toLocaleString('en-US')} customers look like the subtotals of others (${firstOf(subtotals.map((s) => `"${s.id}" of "${s.of}"`))})`;
  return {
    severity: 'warning',
    where: sourceCellAddress(table, customerColumn, first.firstRow),
    value: first.id,
    message: `${what}, as Excel's Data > Subtotal labels ${subtotals.length === 1 ? 'one: counted as a customer of its own, it counts' : 'them: counted as customers of their own, they count'} those sales twice. Remove the subtotals (Data > Subtotal > Remove All), or leave them out with a filter under "What is counted" (${customerHeader}), and run again.`,
  };
}

/**
 * Customers named like totals, each said once at its first line's customer cell with how many lines it
 * has, in the order of the customers; `except` is the customer the amount check has already pointed at.
 * Counted all the same.
 */
export function totalNameWarnings(
  table: Pick<SourceTable, 'sheet' | 'origin'>,
  lines: Lines,
  customerColumn: number,
  customerHeader: string,
  customerIds: readonly string[],
  except?: string,
): Issue[] {
  const named = new Map<number, { first: number; count: number; of?: string }>();
  const byId = new Map(customerIds.map((id, c) => [id, c]));
  for (const { id, of } of namedLikeTotals(customerIds, except)) named.set(byId.get(id)!, { first: -1, count: 0, of });
  if (named.size === 0) return [];
  for (let i = 0; i < lines.length; i++) {
    const found = named.get(lines.customer[i]);
    if (!found) continue;
    if (found.first < 0) found.first = i;
    found.count++;
  }
  // A customer known only from an override or an earlier run has no line to point at.
  const seen = [...named].filter(([, { first }]) => first >= 0).map(([c, { first, count, of }]) => ({ id: customerIds[c], firstRow: lines.row[first], count, of }));
  return totalNameIssues(table, seen, customerColumn, customerHeader);
}
