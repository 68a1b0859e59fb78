// What Tierwise remembers, in the workbook's settings, about the things it created: its sheets
// (by id, so a renamed sheet is still found) and the segment columns beside the source. Anything
// not listed here belongs to the user and is never overwritten.
import type { SheetRole } from './plan';

export const SETTINGS_CONFIG = 'tierwise.config';
export const SETTINGS_OWNED = 'tierwise.owned';

export interface OwnedSheet {
  name: string;
  /** Excel's worksheet id, stable across renames; absent in hosts without ids. */
  id?: string;
}

export interface OwnedSourceColumns {
  sheet: string;
  tableName?: string;
  /** 1-based row of the header. */
  headerRow: number;
  /** 0-based first column, and the headers Tierwise wrote there, left to right. */
  column: number;
  headers: string[];
  /** Data rows written (0 while a write is under way: the columns are claimed before they are written). */
  rowCount: number;
}

export interface OwnedState {
  version: 1;
  sheets: Partial<Record<SheetRole, OwnedSheet>>;
  sourceColumns?: OwnedSourceColumns;
  /**
   * Sheets a host created for a run that has not finished (written hidden, swapped in at the end).
   * Tierwise's own, so the next run deletes them: that is how a failed run is repaired.
   */
  pending?: OwnedSheet[];
}

export const emptyOwned = (): OwnedState => ({ version: 1, sheets: {} });

/** Settings hold text; anything unreadable is treated as "Tierwise owns nothing" (the safe side). */
export function parseOwned(text: unknown): OwnedState {
  if (typeof text !== 'string') return emptyOwned();
  try {
    const v = JSON.parse(text) as Partial<OwnedState>;
    if (v && v.version === 1 && typeof v.sheets === 'object' && v.sheets !== null) {
      return { version: 1, sheets: v.sheets, sourceColumns: v.sourceColumns, pending: Array.isArray(v.pending) ? v.pending : undefined };
    }
  } catch {
    /* fall through */
  }
  return emptyOwned();
}

export const ownedText = (o: OwnedState): string => JSON.stringify(o);
