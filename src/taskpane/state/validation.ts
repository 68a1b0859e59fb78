// The draft checked with the engine's own schema, so the pane shows exactly the words and paths a
// run would report (`segmentTypes[1].bands[2].min: no band covers 500 to 600`).
import { parseConfig, type Config, type SegmentType } from '../../engine/config';
import type { Issue } from '../../engine/types';

export interface Checked {
  /** Every problem of the whole draft (errors only), with configuration paths. */
  issues: Issue[];
  /** The whole draft, validated (defaults filled in), when it has no error: what Apply uses. */
  config?: Config;
  /** Each segment type validated on its own: the preview can show a valid type while another is broken. */
  types: (SegmentType | undefined)[];
  /** The draft with only its valid segment types: what the preview prepares the data with. */
  usable?: Config;
}

export function checkDraft(draft: Config): Checked {
  const whole = parseConfig(draft);
  const issues = whole.ok ? [] : whole.issues;
  const types = draft.segmentTypes.map((t) => {
    const one = parseConfig({ ...draft, segmentTypes: [t, ...standIns(t, draft.segmentTypes)] });
    return one.ok ? one.config.segmentTypes[0] : undefined;
  });
  const valid = draft.segmentTypes.filter((_, i) => types[i] !== undefined);
  const base = parseConfig({ ...draft, segmentTypes: valid });
  return { issues, config: whole.ok ? whole.config : undefined, types, usable: base.ok ? base.config : undefined };
}

/**
 * A type checked alone still refers to the others: an XYZ type names the ABC type of its matrix. A
 * minimal ABC type of that name stands in for it, so the XYZ type is judged on its own fields (the
 * ABC type's own problems are its own, and its validated form is what the preview crosses with).
 */
function standIns(t: SegmentType, all: readonly SegmentType[]): unknown[] {
  if (t.kind !== 'xyz' || typeof t.abcType !== 'string') return [];
  const wanted = t.abcType.trim().toLowerCase();
  const abc = all.find((o) => o.kind === 'abc' && o.name.trim().toLowerCase() === wanted);
  return abc && abc.name.trim().toLowerCase() !== t.name.trim().toLowerCase() ? [{ name: abc.name, kind: 'abc', segments: [{ name: 'A', share: 100 }] }] : [];
}

/** Issues at a path or below it: `segmentTypes[1]` takes `segmentTypes[1].bands[2].min`. */
export function issuesUnder(issues: readonly Issue[], path: string): Issue[] {
  return issues.filter((i) => i.where === path || i.where.startsWith(`${path}.`) || i.where.startsWith(`${path}[`));
}

/** Issues exactly at a path (a field's own errors). */
export const issuesAt = (issues: readonly Issue[], path: string): Issue[] => issues.filter((i) => i.where === path);
