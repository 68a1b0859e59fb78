// Words the warnings share, so each says a list and a count the same way.

/** The first `shown` items joined by `separator`, then `, and N more` for the rest. */
export function firstOf(items: readonly string[], shown = 3, separator = ', '): string {
  return items.slice(0, shown).join(separator) + (items.length > shown ? `, and ${items.length - shown} more` : '');
}

/** `1 line`, `1,234 lines`. */
export const linesCount = (n: number): string => `${n.toLocaleString('en-US')} line${n === 1 ? '' : 's'}`;
