// One customer written in several ways: `Acme GmbH` on most lines and `ACME GmbH` or `Acme  GmbH` on a
// few, as hand-typed names and merged exports have them. Customer ids are compared exactly (SEMANTICS.md),
// so each spelling is a customer of its own and the real customer's sales are split between them. Said,
// not merged: two ids that differ in case may be two customers in a system that tells them apart.
import { cellAddress } from './address';
import { changedIdsIssues } from './changed-ids';
import { firstOf } from './said';
import type { Issue, SourceTable } from './types';

/** The id with letter case and runs of spaces folded: two ids alike so are one customer's spellings. */
function folded(id: string): string {
  const lower = id.toLowerCase();
  // The pattern only on the few ids with two spaces or another kind of space (50,000 ids in 15 ms, not 60).
  return /\s\s|[^\S ]/.test(lower) ? lower.replace(/\s+/g, ' ') : lower;
}

/**
 * One warning at the customer column's header when customers of the run (`ids`, in the run's order)
 * differ only in letter case or spaces: the groups in the order of their first spelling, three shown.
 */
export function customerVariantsIssue(table: Pick<SourceTable, 'sheet' | 'origin'>, customerColumn: number, ids: readonly string[]): Issue | undefined {
  // A set first: nearly every run has no two alike, and the groups are built only when one has.
  const seen = new Set<string>();
  if (ids.every((id) => seen.size < seen.add(folded(id)).size)) return undefined;
  const groups = new Map<string, string[]>();
  for (const id of ids) {
    const key = folded(id);
    const group = groups.get(key);
    if (group) group.push(id);
    else groups.set(key, [id]);
  }
  const alike = [...groups.values()].filter((g) => g.length > 1);
  const shown = firstOf(alike.map((g) => g.map((id) => `"${id}"`).join(' and ')), 3, '; ');
  const spellings = alike.reduce((n, g) => n + g.length, 0);
  return {
    severity: 'warning',
    where: cellAddress(table.sheet, table.origin.column + customerColumn, table.origin.row),
    message: `${spellings} customers differ from another only in letter case or spaces (${shown}): each spelling is counted as a customer of its own, so their sales are split. If they are one customer, write them alike in the source, and run again.`,
  };
}

/** What the run's customer ids say, in the order both executors say it: spellings, then ids Excel changed. */
export function customerIdNotes(table: Pick<SourceTable, 'sheet' | 'origin'>, customerColumn: number, ids: readonly string[]): Issue[] {
  const variants = customerVariantsIssue(table, customerColumn, ids);
  return [...(variants ? [variants] : []), ...changedIdsIssues(table, customerColumn, ids)];
}
