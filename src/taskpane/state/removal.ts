// Removing an item of any list in the pane (segment type, segment, band, level, reward, criteria line)
// is announced here, so the pane offers one Undo for all of them (draft.ts: `removed`, `undoableRemoval`).
import { createContext } from 'react';
import type { RestoreFocus } from './draft';

/** Called right after the edit that removed `what` ("the segment B"); none outside the pane (editor tests). */
export const RemovalContext = createContext<((what: string, focus: RestoreFocus | undefined) => void) | undefined>(undefined);

const FOCUSABLE = 'input:not([disabled]), textarea:not([disabled]), select:not([disabled]), button:not([disabled]), [role="combobox"], [tabindex]:not([tabindex="-1"])';

/**
 * The row that holds `control` in a list of `count` rows, where it is row `index`: the ancestor that is
 * child `index` of a labelled parent with `count` children (ShareRow in "Segments", an `li` in "Segment types").
 * Found by shape, not by markup each row would have to carry, so a new list with ListControls gets its
 * Undo without more code.
 */
export function rowOf(control: Element | null, index: number, count: number): RestoreFocus | undefined {
  for (let row = control; row?.parentElement; row = row.parentElement) {
    const list = row.parentElement;
    const label = list.getAttribute('aria-label');
    // A row's own line of fields may have the same shape by chance: only a labelled list counts.
    if (label && list.children.length === count && list.children[index] === row) return { list: label, index };
  }
  return undefined;
}

/** The first control of the restored row inside `root`, to focus after the undo. */
export function firstControlOf(root: ParentNode, at: RestoreFocus): HTMLElement | undefined {
  const quoted = at.list.replace(/["\\]/g, '\\$&');
  const list = root.querySelector(`[aria-label="${quoted}"]`);
  const row = list?.children[at.index];
  return (row?.querySelector<HTMLElement>(FOCUSABLE) ?? undefined) as HTMLElement | undefined;
}
