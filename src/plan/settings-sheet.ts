// The "Tierwise Settings" sheet: where the command line keeps Tierwise's settings in a workbook the
// add-in never saw (creating the add-in's own settings part would make Excel look for an add-in
// that may not be installed). One row per key: the key in column A, the value as JSON text from
// column B, continued in the next cells when longer than a cell holds. Pure: the xlsx host writes
// and reads it in the file, the office host reads it (and keeps it in step) in Excel.

export const SETTINGS_SHEET = 'Tierwise Settings';
export const SETTINGS_TITLE = 'Tierwise settings: the configuration and what Tierwise wrote in this workbook. Tierwise reads this sheet; please do not edit it.';
/** Excel holds at most 32,767 characters in a cell; longer values continue in the next cells of the row. */
export const CELL_TEXT_MAX = 32_000;

/** The settings sheet's rows: title, header, then one row per key (the value split over cells). */
export function settingsSheetValues(values: ReadonlyMap<string, string>): string[][] {
  const rows: string[][] = [[SETTINGS_TITLE], ['Setting', 'Value (JSON; continues in the next cells when long)']];
  for (const [k, v] of [...values].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const parts: string[] = [];
    // Cut between characters: a cell ending in half a surrogate pair would hold U+FFFD once written,
    // and the value (an override's customer id, say) would come back changed.
    for (let i = 0; i < v.length; ) {
      let end = Math.min(v.length, i + CELL_TEXT_MAX);
      if (end < v.length && /[\uD800-\uDBFF]/.test(v[end - 1])) end--;
      parts.push(v.slice(i, end));
      i = end;
    }
    rows.push([k, ...(parts.length ? parts : [''])]);
  }
  return rows;
}

/** Back from the sheet's values; undefined when the sheet is not Tierwise's layout (a user's sheet of that name). */
export function parseSettingsSheet(rows: readonly (readonly unknown[])[]): Map<string, string> | undefined {
  if (String(rows[0]?.[0] ?? '') !== SETTINGS_TITLE) return undefined;
  const out = new Map<string, string>();
  for (const row of rows.slice(2)) {
    const key = String(row[0] ?? '');
    if (key !== '') out.set(key, row.slice(1).map((c) => (c === null || c === undefined ? '' : String(c))).join(''));
  }
  return out;
}
