// Lines in several currencies: an ERP export of an international company has a Currency column beside
// plain amounts, and Tierwise adds the amounts as they are (SEMANTICS.md knows one currency). Adding 100
// EUR to 100 JPY ranks customers by nothing, so the kept lines' currencies are counted, and more than one
// is said, with the two ways out. Nothing is converted: an exchange rate is the user's to choose.
import { cellAddress } from './address';
import { firstOf, linesCount } from './said';
import type { Issue, SourceTable } from './types';

/** How many kept lines each currency has; `codes` are the currency cells as keys (trimmed text, blank ''). */
export function currencyCounts(codes: Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const code of codes) if (code !== '') counts.set(code, (counts.get(code) ?? 0) + 1);
  return counts;
}

/**
 * One warning at the currency column's header when the kept lines are in more than one currency:
 * each with its line count, the most lines first (then by code, so both executors list them alike).
 */
export function currencyMixIssue(table: Pick<SourceTable, 'sheet' | 'origin'>, column: number, header: string, counts: ReadonlyMap<string, number>): Issue | undefined {
  if (counts.size < 2) return undefined;
  const sorted = [...counts].sort(([a, m], [b, n]) => n - m || (a < b ? -1 : a > b ? 1 : 0));
  const listed = firstOf(sorted.map(([code, n]) => `${code} on ${linesCount(n)}`), 4);
  return {
    severity: 'warning',
    where: cellAddress(table.sheet, table.origin.column + column, table.origin.row),
    message: `the lines are in ${sorted.length} currencies (${listed}): Tierwise adds the amounts as they are, so the tiers mix them. Convert the amounts to one currency first, or segment one currency at a time with a filter under "What is counted" (${header}, keep "${sorted[0][0]}").`,
  };
}
