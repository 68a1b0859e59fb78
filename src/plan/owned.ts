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

/** How the command line names the sheets it wrote: the file's sheetId, which Excel does not show at run time. */
export const isFileSheetId = (id: string | undefined): boolean => id?.startsWith('sheetId:') === true;

export interface LiveSheet {
  name: string;
  id: string;
}

/**
 * Tierwise's records with the ids of the sheets open now. A recorded sheet is found by its id when
 * that id is here; otherwise it is adopted by its recorded name (Excel's names ignore case) only
 * when the record itself says Tierwise wrote a sheet of that role and name and the id cannot be
 * checked here: the command line recorded it by file sheetId, or the records come from the
 * Tierwise Settings sheet (`fromSettingsSheet`; ids there are another program's or another
 * session's). Anything else stays as recorded, so a sheet that is gone is never replaced by a
 * user's sheet of the same name. Pending sheets of another program's run are dropped: only a run
 * of this host can tell its provisional sheets apart.
 */
export function adoptOwned(owned: OwnedState, live: readonly LiveSheet[], fromSettingsSheet: boolean): OwnedState {
  const ids = new Set(live.map((s) => s.id));
  const taken = new Set(Object.values(owned.sheets).map((s) => s?.id).filter((id): id is string => !!id && ids.has(id)));
  const sheets: OwnedState['sheets'] = {};
  for (const [role, s] of Object.entries(owned.sheets) as [keyof OwnedState['sheets'], OwnedSheet | undefined][]) {
    if (!s) continue;
    if ((s.id && ids.has(s.id)) || !(fromSettingsSheet || isFileSheetId(s.id)) || typeof s.name !== 'string') {
      sheets[role] = s;
      continue;
    }
    const match = live.find((x) => x.name.toLowerCase() === s.name.toLowerCase() && !taken.has(x.id));
    if (match) taken.add(match.id);
    sheets[role] = match ? { name: match.name, id: match.id } : s;
  }
  return { ...owned, sheets, pending: fromSettingsSheet ? undefined : owned.pending?.filter((p) => !isFileSheetId(p.id)) };
}
