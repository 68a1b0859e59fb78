// The configuration being edited in the pane, as a reducer: every edit is a plain action, so the
// pane's behaviour is testable without rendering and undo-free edits never half-apply.
import type { Config, SegmentType } from '../../engine/config';
import type { ColumnRole } from '../../engine/types';

export interface Draft {
  config: Config;
  /** Index of the segment type shown in the editor and the preview. */
  selected: number;
  /** "Clear manual overrides" was confirmed: the next Apply drops them (also those typed in the tiers table). */
  overridesCleared: boolean;
  /** Bumped on every edit, so the preview can tell which edit it shows. */
  revision: number;
}

/** What the run counts, for every segment type: the window, the filters, the minimum, how text is read. */
export type Scope = Pick<Config, 'window' | 'filters' | 'locale'> & { minimumNetSales: number | undefined };

export type DraftAction =
  | { type: 'load'; config: Config }
  | { type: 'setColumn'; role: ColumnRole; header: string | null | undefined }
  | { type: 'setScope'; scope: Partial<Scope> }
  | { type: 'select'; index: number }
  | { type: 'addType'; segmentType: SegmentType }
  | { type: 'renameType'; index: number; name: string }
  | { type: 'moveType'; index: number; by: -1 | 1 }
  | { type: 'removeType'; index: number }
  /** Puts a removed type back where it was (the Undo of "Remove type"). */
  | { type: 'insertType'; index: number; segmentType: SegmentType }
  | { type: 'updateType'; index: number; segmentType: SegmentType }
  | { type: 'clearOverrides' }
  | { type: 'applied' };

export const initialDraft = (config: Config): Draft => ({ config, selected: 0, overridesCleared: false, revision: 0 });

const clamp = (i: number, n: number) => Math.max(0, Math.min(i, n - 1));

function withTypes(d: Draft, segmentTypes: SegmentType[], selected = d.selected): Draft {
  return { ...d, config: { ...d.config, segmentTypes }, selected: clamp(selected, segmentTypes.length), revision: d.revision + 1 };
}

export function draftReducer(d: Draft, a: DraftAction): Draft {
  const types = d.config.segmentTypes;
  switch (a.type) {
    case 'load':
      return { ...initialDraft(a.config), revision: d.revision + 1 };
    case 'setColumn': {
      const columns = { ...d.config.columns };
      // undefined: detected from the header; null: not mapped, even where a header would be detected.
      if (a.header === undefined) delete columns[a.role];
      else columns[a.role] = a.header;
      return { ...d, config: { ...d.config, columns }, revision: d.revision + 1 };
    }
    case 'setScope': {
      const config = { ...d.config, ...a.scope };
      // No minimum is no key at all, as a configuration file would have it.
      if (config.minimumNetSales === undefined) delete config.minimumNetSales;
      return { ...d, config, revision: d.revision + 1 };
    }
    case 'select':
      return { ...d, selected: clamp(a.index, types.length) };
    case 'addType':
      return withTypes(d, [...types, a.segmentType], types.length);
    case 'renameType': {
      const old = types[a.index].name;
      const next = withTypes(d, types.map((t, i) => (i === a.index ? { ...t, name: a.name } : t)));
      // Overrides are keyed by the segment type's name: they follow the rename.
      const o = d.config.overrides[old];
      if (o === undefined || old === a.name) return next;
      const overrides = { ...d.config.overrides, [a.name]: o };
      delete overrides[old];
      return { ...next, config: { ...next.config, overrides } };
    }
    case 'moveType': {
      const to = a.index + a.by;
      if (to < 0 || to >= types.length) return d;
      const moved = types.slice();
      [moved[a.index], moved[to]] = [moved[to], moved[a.index]];
      return withTypes(d, moved, d.selected === a.index ? to : d.selected === to ? a.index : d.selected);
    }
    case 'removeType':
      return withTypes(d, types.filter((_, i) => i !== a.index), d.selected > a.index ? d.selected - 1 : d.selected);
    case 'insertType': {
      const at = clamp(a.index, types.length + 1);
      return withTypes(d, [...types.slice(0, at), a.segmentType, ...types.slice(at)], at);
    }
    case 'updateType':
      return withTypes(d, types.map((t, i) => (i === a.index ? a.segmentType : t)));
    case 'clearOverrides':
      return { ...d, config: { ...d.config, overrides: {} }, overridesCleared: true, revision: d.revision + 1 };
    case 'applied':
      return { ...d, overridesCleared: false };
  }
}

/** `Sales ABC` -> `Sales ABC 2` when taken, ignoring case (names must be unique). */
export function freeName(wanted: string, taken: readonly string[]): string {
  const lower = new Set(taken.map((t) => t.trim().toLowerCase()));
  if (!lower.has(wanted.toLowerCase())) return wanted;
  for (let n = 2; ; n++) if (!lower.has(`${wanted} ${n}`.toLowerCase())) return `${wanted} ${n}`;
}

/**
 * Where the focus goes when a removal is undone: the restored row's first control, found again by its
 * list's label and its place (the row's element is gone by then).
 */
export interface RestoreFocus {
  /** The list's `aria-label` ("Segments", "Bands", "Segment types"). */
  list: string;
  index: number;
}

/**
 * A removal the pane offers to undo (segment type, segment, band, level, reward, criteria line): one
 * mechanism for all, the history's own undo. The message bar shows while the draft is still the one the
 * removal left (`revision`); any later edit makes it go, and Ctrl+Z still walks back step by step.
 */
export interface Removal {
  /** What was removed, in the pane's words: `the segment B`, `the segment type Sales ABC`. */
  what: string;
  /** Undefined when the row could not be found again (a list without a label): the step takes the focus. */
  focus: RestoreFocus | undefined;
  /** The draft revision right after the removal. */
  revision: number;
}

/** The pane's edits with their undo and redo (Ctrl+Z, Ctrl+Y), for the session: not saved anywhere. */
export interface History {
  past: Draft[];
  present: Draft;
  future: Draft[];
  /** The last removal, offered for undo while nothing else has changed since (`undoableRemoval`). */
  removed?: Removal;
}

export type HistoryAction =
  | DraftAction
  | { type: 'undo' }
  | { type: 'redo' }
  /** Dispatched right after the edit that removed something: marks that edit as an undoable removal. */
  | { type: 'removed'; what: string; focus: RestoreFocus | undefined };

/** The removal the message bar offers to undo: the last one, while the draft is still what it left. */
export const undoableRemoval = (h: History): Removal | undefined => (h.removed && h.removed.revision === h.present.revision && h.past.length > 0 ? h.removed : undefined);

/** Steps kept: a slider drag records each step, and a hundred steps back is more than anyone undoes. */
export const HISTORY_LIMIT = 100;

export const initialHistory = (config: Config): History => ({ past: [], present: initialDraft(config), future: [] });

export function historyReducer(h: History, a: HistoryAction): History {
  switch (a.type) {
    case 'undo': {
      const back = h.past[h.past.length - 1];
      if (!back) return h;
      // A new revision, so the preview follows; the selection goes where the change was.
      return { ...h, past: h.past.slice(0, -1), present: { ...back, revision: h.present.revision + 1 }, future: [h.present, ...h.future] };
    }
    case 'redo': {
      const next = h.future[0];
      if (!next) return h;
      return { ...h, past: [...h.past, h.present], present: { ...next, revision: h.present.revision + 1 }, future: h.future.slice(1) };
    }
    case 'load':
      // The workbook's settings start a new session: nothing before them to go back to.
      return { past: [], present: draftReducer(h.present, a), future: [] };
    case 'select':
    case 'applied':
      return { ...h, present: draftReducer(h.present, a) };
    case 'removed':
      return { ...h, removed: { what: a.what, focus: a.focus, revision: h.present.revision } };
    default: {
      const present = draftReducer(h.present, a);
      if (present === h.present) return h;
      return { past: [...h.past, h.present].slice(-HISTORY_LIMIT), present, future: [], removed: undefined };
    }
  }
}
