// The configuration's `ranges` (names of tables and sheets) and the hosts' SourceRef, both ways: the
// ranges of a run are saved with its configuration, so whoever opens the workbook next starts from them.
import type { Config } from '../engine/config';
import type { SourceInfo, SourceRef } from './host';

export type Ranges = NonNullable<Config['ranges']>;
// Spelled out: the schema's object type also admits other keys (unknown keys are warned about, not dropped).
export type RangeRole = 'sales' | 'answers' | 'visits';
/** One saved range as the schema admits it: a table name or a sheet name. */
type Range = { table: string } | { sheet: string };

/** A table or sheet as the configuration names it; a selection has no name to keep. */
export function rangeOf(ref: SourceRef | undefined): Range | undefined {
  if (!ref || ref.kind === 'selection') return undefined;
  return ref.kind === 'table' ? { table: ref.name } : { sheet: ref.name };
}

/** The listed source a saved range names (names compare as Excel compares them, ignoring case). */
export function findRange(sources: readonly SourceInfo[], range: Ranges[RangeRole]): SourceRef | undefined {
  if (!range) return undefined;
  const r = range as Range;
  const [kind, name] = 'table' in r ? ['table', r.table.toLowerCase()] : ['sheet', r.sheet.toLowerCase()];
  return sources.find((s) => s.ref.kind === kind && s.ref.kind !== 'selection' && s.ref.name.toLowerCase() === name)?.ref;
}

/** The range a user named by table or by sheet (a table when both are given); undefined when neither. */
export function namedRange(names: { sheet?: string; table?: string }): SourceRef | undefined {
  return names.table ? { kind: 'table', name: names.table } : names.sheet ? { kind: 'sheet', name: names.sheet } : undefined;
}

/** What a role's range is called in messages (the pane and the command line word them alike). */
export const RANGE_ROLE_LABEL: Record<RangeRole, string> = { sales: 'sales data', answers: 'questionnaire answers', visits: 'visits' };

/**
 * The saved ranges the workbook still has, by role, and a message for each one it no longer has
 * (renamed or deleted since the configuration was saved): the caller says what it does instead.
 */
export function savedRanges(sources: readonly SourceInfo[], ranges: Config['ranges']): { found: Partial<Record<RangeRole, SourceRef>>; missing: { role: RangeRole; message: string }[] } {
  const found: Partial<Record<RangeRole, SourceRef>> = {};
  const missing: { role: RangeRole; message: string }[] = [];
  for (const role of ['sales', 'answers', 'visits'] as const) {
    const range = ranges?.[role];
    if (!range) continue;
    const ref = findRange(sources, range);
    if (ref) found[role] = ref;
    else missing.push({ role, message: `the ${RANGE_ROLE_LABEL[role]} last used, ${rangeLabel(range)}` });
  }
  return { found, missing };
}

/**
 * The range to read sales from when none is saved (or the saved one is gone): the first table or sheet
 * that is not the saved answers or visits range, else whatever comes first.
 */
export function firstSalesCandidate(sources: readonly SourceInfo[], found: Partial<Record<RangeRole, SourceRef>>): SourceRef | undefined {
  const key = (ref: SourceRef | undefined) => (ref === undefined || ref.kind === 'selection' ? undefined : `${ref.kind}:${ref.name}`);
  const taken = new Set([key(found.answers), key(found.visits)]);
  return sources.find((s) => s.ref.kind !== 'selection' && !taken.has(key(s.ref)))?.ref ?? sources[0]?.ref;
}

/**
 * The configuration with the ranges of this run. A role given (even as undefined: none chosen, or a
 * selection) is replaced; a role not given keeps what the configuration had (the command line knows
 * the sales range only, and must not drop the answers range the pane saved).
 */
export function withRanges(config: Config, refs: Partial<Record<RangeRole, SourceRef | undefined>>): Config {
  const ranges: Partial<Record<RangeRole, unknown>> = {};
  for (const role of ['sales', 'answers', 'visits'] as const) {
    const r = role in refs ? rangeOf(refs[role]) : config.ranges?.[role];
    if (r) ranges[role] = r;
  }
  const { ranges: _old, ...rest } = config;
  return Object.keys(ranges).length > 0 ? { ...rest, ranges: ranges as Ranges } : rest;
}

/** How a saved range reads in a message: `table "Orders"`, `sheet "Answers"`. */
export function rangeLabel(range: Ranges[RangeRole]): string {
  const r = range as Range;
  return 'table' in r ? `table "${r.table}"` : `sheet "${r.sheet}"`;
}
