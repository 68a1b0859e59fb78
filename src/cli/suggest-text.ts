// `tierwise suggest`: thresholds suggested from the data (SEMANTICS.md 12) beside the ones configured.
import { takesPartInRanking } from '../engine/abc-schema';
import type { EngineResult } from '../engine/result';
import type { TypeSuggestion } from '../engine/suggest';
import { count as counted } from './common';

const percent = (v: number) => `${v.toFixed(2)} %`;
const count = (v: number) => v.toLocaleString('en-US');
const customers = (n: number) => counted(n, 'customer', 'customers');

/** JSON as the issue states it: `{ "<type name>": { counts, shares, paretoPoint, breakEven } }`; types without a suggestion carry their reason. */
export function suggestionsJson(suggestions: readonly TypeSuggestion[]): string {
  const entries = suggestions.map((s) => [
    s.type,
    s.ok ? { counts: s.suggestion.counts, shares: s.suggestion.shares, paretoPoint: s.suggestion.paretoPoint, breakEven: s.suggestion.breakEven } : { reason: s.reason },
  ]);
  return `${JSON.stringify(Object.fromEntries(entries), null, 1)}\n`;
}

/** Per ABC type: the suggested counts and shares, and the configured ones of the same run. */
export function suggestionsText(suggestions: readonly TypeSuggestion[], result: EngineResult): string {
  if (suggestions.length === 0) return 'No ABC segment type in the configuration: nothing to suggest.\n';
  return suggestions
    .map((s) => {
      if (!s.ok) return `${s.type}: no suggestion: ${s.reason}.\n`;
      const type = result.types.find((t) => t.type.name === s.type);
      const names = type && type.type.kind === 'abc' ? type.type.segments.filter(takesPartInRanking).map((seg) => seg.name) : ['1', '2', '3'];
      const { counts, shares, paretoPoint, breakEven } = s.suggestion;
      const lines = [
        `${s.type}: ${count(s.ranked)} ranked customers`,
        `  Suggested: ${names.map((n, i) => `${n} ${customers(counts[i])} (${percent(shares[i])})`).join(', ')}`,
      ];
      if (type && type.type.kind === 'abc') {
        const now = type.summary.filter((row) => names.includes(row.segment));
        lines.push(`  Now:       ${now.map((row) => `${row.segment} ${customers(row.customers)} (${percent(row.measureShare * 100)})`).join(', ')}`);
      }
      lines.push(`  Pareto point: the top ${count(paretoPoint)} customers; break-even point: ${count(breakEven)} customers at or above the mean`);
      return `${lines.join('\n')}\n`;
    })
    .join('\n');
}
