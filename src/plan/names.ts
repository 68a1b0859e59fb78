// Names Tierwise gives to the sheets and tables it creates: always valid in Excel, never taking a
// name a user's sheet or table already has.

export const SHEET_NAME_MAX = 31;
const FORBIDDEN = /[[\]:*?/\\]/g;

/** A valid sheet name: none of []:*?/\, no apostrophe at either end, 1-31 characters, not "History". */
export function validSheetName(wanted: string): string {
  let s = wanted.replace(FORBIDDEN, ' ').replace(/\s+/g, ' ').trim().replace(/^'+|'+$/g, '').trim();
  if (s === '' ) s = 'Tierwise';
  // Excel reserves "History" (the change-tracking sheet of shared workbooks).
  if (s.toLowerCase() === 'history') s = 'Tierwise History';
  return s.slice(0, SHEET_NAME_MAX).trim();
}

/** `Customer Tiers` -> `Customer Tiers (2)`, cut so the suffix still fits in 31 characters. */
function numbered(base: string, n: number): string {
  const suffix = ` (${n})`;
  return base.slice(0, SHEET_NAME_MAX - suffix.length).trimEnd() + suffix;
}

/**
 * The name to use for a sheet Tierwise wants to create. `taken` are the names already in the
 * workbook (Excel compares them ignoring case). Returns the wanted name when it is free.
 */
export function freeSheetName(wanted: string, taken: readonly string[]): string {
  const base = validSheetName(wanted);
  const lower = new Set(taken.map((t) => t.toLowerCase()));
  if (!lower.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const candidate = numbered(base, n);
    if (!lower.has(candidate.toLowerCase())) return candidate;
  }
}

/** Excel table names: letters, digits, underscore, period; start with a letter or underscore; not a cell reference. */
export function validTableName(wanted: string): string {
  let s = wanted.replace(/[^A-Za-z0-9_.]/g, '');
  if (!/^[A-Za-z_]/.test(s)) s = `_${s}`;
  if (/^[A-Za-z]{1,3}\d+$/.test(s) || /^[RrCc]$/.test(s) || /^R\d*C\d*$/i.test(s)) s = `_${s}`;
  return s.slice(0, 255);
}

export function freeTableName(wanted: string, taken: readonly string[]): string {
  const base = validTableName(wanted);
  const lower = new Set(taken.map((t) => t.toLowerCase()));
  if (!lower.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) if (!lower.has(`${base}${n}`.toLowerCase())) return `${base}${n}`;
}
