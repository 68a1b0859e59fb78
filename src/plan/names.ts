// Names Tierwise gives to the sheets and tables it creates: always valid in Excel, never taking a
// name a user's sheet or table already has.

export const SHEET_NAME_MAX = 31;
/** What Excel refuses in a sheet name, and control characters (a tab or line break from a file name). */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this pattern looks for
const FORBIDDEN = /[[\]:*?/\\\u0000-\u001F\u007F]/g;
/** Excel reserves "History" (the change-tracking sheet of shared workbooks) and repairs a file that uses it. */
const RESERVED = ['history'];

/**
 * The one function that makes a sheet name, for every name Tierwise gives (its own sheets, a CSV's
 * sheet named after the file): none of []:*?/\ or control characters, no apostrophe at either end,
 * 1-31 characters (cut between characters, never inside one), not a name Excel reserves. A name
 * made here comes back unchanged, so a name can be made again safely.
 */
export function validSheetName(wanted: string, fallback = 'Tierwise'): string {
  let s = wanted.replace(FORBIDDEN, ' ').replace(/\s+/g, ' ').trim().replace(/^'+|'+$/g, '').trim();
  if (s === '') s = fallback;
  if (RESERVED.includes(s.toLowerCase())) s = `${s} (1)`;
  // Cut at 31, the name may end in a space or an apostrophe again.
  return cut(s, SHEET_NAME_MAX).replace(/^'+|'+$/g, '').trim() || fallback;
}

/** The first characters of `s` that fit in `max` UTF-16 units (Excel's count), never half a surrogate pair. */
function cut(s: string, max: number): string {
  if (s.length <= max) return s;
  const end = /[\uD800-\uDBFF]/.test(s[max - 1]) ? max - 1 : max;
  return s.slice(0, end);
}

/** `Customer Tiers` -> `Customer Tiers (2)`, cut so the suffix still fits in 31 characters. */
function numbered(base: string, n: number): string {
  const suffix = ` (${n})`;
  return cut(base, SHEET_NAME_MAX - suffix.length).trimEnd() + suffix;
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
