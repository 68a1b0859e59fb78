// Tierwise's records in Excel: `workbook.settings` (the configuration, the sheets and columns
// Tierwise wrote), or, for a key the settings lack, the "Tierwise Settings" sheet the command line
// writes into a workbook the add-in never saw (src/plan/settings-sheet.ts). Read so, a workbook goes
// from the command line to Excel keeping its configuration, overrides and history; the next save
// puts the records in `workbook.settings` and keeps the sheet in step for the command line.
import { adoptOwned, emptyOwned, ownedText, parseOwned, SETTINGS_CONFIG, SETTINGS_OWNED, type OwnedState } from '../../plan/owned';
import { parseSettingsSheet, SETTINGS_SHEET, settingsSheetValues } from '../../plan/settings-sheet';
import { a1 } from './excel';

export interface LiveSheetInfo {
  name: string;
  id: string;
  visibility: string;
}

export interface Records {
  /** The configuration text as stored, if any. */
  config?: string;
  /** Tierwise's sheets and columns, with the runtime ids of the sheets open now. */
  owned: OwnedState;
  /** Keys that came from the settings sheet because `workbook.settings` lacked them. */
  fromSheet: Set<string>;
  /** Every worksheet, in order. */
  sheets: LiveSheetInfo[];
  /** The Tierwise Settings sheet, when one in Tierwise's layout is here: its values and size. */
  settingsSheet?: { id: string; values: Map<string, string>; rows: number; columns: number };
}

const settingText = (item: Excel.Setting): string | undefined =>
  item.isNullObject || item.value === null || item.value === undefined ? undefined : typeof item.value === 'string' ? item.value : JSON.stringify(item.value);

/**
 * Queues the reads of the records into the caller's next sync; the returned function, called after
 * that sync, finishes them. It syncs once more to read a sheet named Tierwise Settings only when
 * that sheet is needed: a key is missing from the settings, the caller will keep the sheet in step
 * (`forWrite`), or the sheet is visible (it must not be offered as a source if it is Tierwise's).
 */
export function queueRecords(ctx: Excel.RequestContext, forWrite = false): () => Promise<Records> {
  const config = ctx.workbook.settings.getItemOrNullObject(SETTINGS_CONFIG).load('value');
  const owned = ctx.workbook.settings.getItemOrNullObject(SETTINGS_OWNED).load('value');
  const list = ctx.workbook.worksheets.load('items/name, items/id, items/visibility');
  return async () => {
    // Plain copies: a later load of the same collection replaces its items.
    const sheets = list.items.map((s) => ({ name: s.name, id: s.id, visibility: String(s.visibility) }));
    const stored = { [SETTINGS_CONFIG]: settingText(config), [SETTINGS_OWNED]: settingText(owned) };
    const entry = sheets.find((s) => s.name.toLowerCase() === SETTINGS_SHEET.toLowerCase());
    let settingsSheet: Records['settingsSheet'];
    const missing = stored[SETTINGS_CONFIG] === undefined || stored[SETTINGS_OWNED] === undefined;
    if (entry && (missing || forWrite || entry.visibility === 'Visible')) {
      const used = ctx.workbook.worksheets.getItem(entry.id).getUsedRangeOrNullObject(true).load('values, rowIndex, columnIndex, rowCount, columnCount');
      await ctx.sync();
      // Tierwise's layout starts at A1 (the title): anything else is a user's sheet of that name.
      const values = used.isNullObject || used.rowIndex !== 0 || used.columnIndex !== 0 ? undefined : parseSettingsSheet(used.values);
      if (values) settingsSheet = { id: entry.id, values, rows: used.rowCount, columns: used.columnCount };
    }
    const fromSheet = new Set<string>();
    for (const key of [SETTINGS_CONFIG, SETTINGS_OWNED] as const) {
      if (stored[key] === undefined && settingsSheet?.values.has(key)) {
        stored[key] = settingsSheet.values.get(key);
        fromSheet.add(key);
      }
    }
    const live = sheets.map(({ name, id }) => ({ name, id }));
    const ownedState = stored[SETTINGS_OWNED] === undefined ? emptyOwned() : adoptOwned(parseOwned(stored[SETTINGS_OWNED]), live, fromSheet.has(SETTINGS_OWNED));
    return { config: stored[SETTINGS_CONFIG], owned: ownedState, fromSheet, sheets, settingsSheet };
  };
}

/** Ids of the sheets that are Tierwise's: its result sheets, pending ones, and the settings sheet. */
export function ownedSheetIds(records: Records): Set<string> {
  const { owned } = records;
  const ids = [...Object.values(owned.sheets).map((s) => s?.id), ...(owned.pending ?? []).map((p) => p.id), records.settingsSheet?.id];
  return new Set(ids.filter((id): id is string => !!id));
}

/**
 * Queues the rewrite of the Tierwise Settings sheet with `updates` (every other key kept), so the
 * command line, which reads that sheet when it finds no add-in settings in the file, sees what
 * Excel saved. Values are written as text (number format @): JSON never becomes a formula.
 */
export function queueSettingsSheet(ctx: Excel.RequestContext, records: Records, updates: ReadonlyMap<string, string>): void {
  const s = records.settingsSheet;
  if (!s) return;
  const values = new Map(s.values);
  updates.forEach((v, k) => values.set(k, v));
  const rows = settingsSheetValues(values);
  const width = Math.max(...rows.map((r) => r.length));
  const sheet = ctx.workbook.worksheets.getItem(s.id);
  // Written over the old cells, then what is left of them cleared: a batch that fails halfway
  // leaves the old records or the new ones, never an empty sheet.
  const range = sheet.getRange(a1(0, 0, rows.length, width));
  range.numberFormat = rows.map(() => new Array<string>(width).fill('@'));
  range.values = rows.map((r) => [...r, ...new Array<string>(width - r.length).fill('')]);
  if (s.rows > rows.length) sheet.getRange(a1(rows.length, 0, s.rows - rows.length, Math.max(s.columns, width))).clear('Contents');
  if (s.columns > width) sheet.getRange(a1(0, width, rows.length, s.columns - width)).clear('Contents');
  s.values = values;
  s.rows = rows.length;
  s.columns = width;
}

/** The keys a save writes to `workbook.settings` besides its own: those that were only on the settings sheet. */
export function adoptedSettings(records: Records): Map<string, string> {
  const out = new Map<string, string>();
  if (records.fromSheet.has(SETTINGS_CONFIG) && records.config !== undefined) out.set(SETTINGS_CONFIG, records.config);
  if (records.fromSheet.has(SETTINGS_OWNED)) out.set(SETTINGS_OWNED, ownedText(records.owned));
  return out;
}

/**
 * What Tierwise puts in `workbook.settings` at most, in characters. Microsoft documents about 2 MB for
 * an add-in's settings; a configuration with tens of thousands of manual overrides passes 1 MB, so
 * Tierwise stays at a quarter of the limit and keeps a larger configuration on its hidden settings sheet.
 */
export const SETTINGS_BUDGET = 500_000;

/**
 * Queues the writing of `values` (key -> text). They go to `workbook.settings` when they fit the
 * budget. Otherwise the configuration goes to the hidden Tierwise Settings sheet (created if need
 * be; with every other key, so the sheet is whole) and leaves the settings, where a reader finds it
 * missing and reads the sheet (queueRecords); the small records stay in the settings. Returns a
 * warning when a user's sheet already has the settings sheet's name (then the settings take it all).
 */
export function queueRecordsWrite(ctx: Excel.RequestContext, records: Records, values: ReadonlyMap<string, string>): string | undefined {
  const size = [...values].reduce((n, [k, v]) => n + k.length + v.length, 0);
  const config = values.get(SETTINGS_CONFIG);
  const userSheet = !records.settingsSheet && records.sheets.some((s) => s.name.toLowerCase() === SETTINGS_SHEET.toLowerCase());
  if (size <= SETTINGS_BUDGET || config === undefined || userSheet) {
    values.forEach((v, k) => ctx.workbook.settings.add(k, v));
    return userSheet && size > SETTINGS_BUDGET ? `the configuration is large (${size.toLocaleString('en-US')} characters) and a sheet of yours is called ${SETTINGS_SHEET}, where Tierwise would keep it: it went into the workbook's settings, which Excel may refuse near 2 MB. Rename that sheet and run again.` : undefined;
  }
  values.forEach((v, k) => {
    if (k !== SETTINGS_CONFIG) ctx.workbook.settings.add(k, v);
  });
  // Only when it is there: deleting a setting that is not there fails the batch.
  if (!records.fromSheet.has(SETTINGS_CONFIG) && records.config !== undefined) ctx.workbook.settings.getItem(SETTINGS_CONFIG).delete();
  if (!records.settingsSheet) {
    const sheet = ctx.workbook.worksheets.add(SETTINGS_SHEET);
    sheet.visibility = 'Hidden';
    // Found by name until the next read gives its id (worksheets.getItem takes either).
    records.settingsSheet = { id: SETTINGS_SHEET, values: new Map(), rows: 0, columns: 0 };
  }
  records.fromSheet.add(SETTINGS_CONFIG);
  records.config = config;
  queueSettingsSheet(ctx, records, values);
  return undefined;
}
