// Filter values no row holds. SEMANTICS.md compares filter values as trimmed text, letter case included,
// so `WEST` keeps no line of a column that says `West`, and a region that stopped selling keeps none
// either; both runs went on silently with fewer lines. Said once per filter, with the column's own
// spelling when only letter case or inner spaces differ. Nothing is matched loosely: the user decides.
import { firstOf } from './said';
import type { Filter } from './config';
import type { Issue } from './types';

/** Letter case and runs of spaces set aside: `WEST`, `west` and `West` are one. */
const loose = (v: string) => v.toLowerCase().replace(/\s+/g, ' ');

/** The values of each filter (`in` or `notIn`) that are not among the values found in its column (`found[i]`). */
export function unmatchedValues(filters: readonly Filter[], found: readonly ReadonlySet<string>[]): string[][] {
  return filters.map((f, i) => (f.in ?? f.notIn ?? []).filter((v) => !found[i]?.has(v)));
}

/**
 * One warning per filter with values no row holds, at the filter (`filters[i]`). `columnValues[i]`, the
 * distinct trimmed values of the filter's column, is needed only for a filter with such values: it gives
 * the spellings the column does hold.
 */
export function unmatchedFilterIssues(filters: readonly Filter[], unmatched: readonly string[][], columnValues: readonly (Iterable<string> | undefined)[]): Issue[] {
  return filters.flatMap((f, i): Issue[] => {
    const missing = unmatched[i];
    if (missing.length === 0) return [];
    const wanted = new Set(missing.map(loose));
    // A value the column holds as written is no other spelling (the DuckDB path's second read of the
    // file may see a trailing blank line the engine drops, whose '' is then not listed as one).
    const exact = new Set(missing);
    const twins = [...new Set([...(columnValues[i] ?? [])].filter((v) => wanted.has(loose(v)) && !exact.has(v)))].sort();
    const one = missing.length === 1;
    const all = f.in !== undefined && missing.length === f.in.length;
    const consequence = f.in === undefined ? `the filter leaves nothing out for ${one ? 'it' : 'them'}` : all ? 'the filter keeps no line at all' : `the filter keeps no line for ${one ? 'it' : 'them'}`;
    const spelled = twins.length > 0 ? ` The column writes ${firstOf(twins.map((t) => `"${t}"`))}.` : '';
    return [
      {
        severity: 'warning',
        where: `filters[${i}]`,
        message: `no row's ${f.column} is ${firstOf(missing.map((v) => `"${v}"`), 3, ' or ')}: filter values compare as written (trimmed, letter case included), so ${consequence}.${spelled}`,
      },
    ];
  });
}
