// Reading dates from cells (SEMANTICS.md section 1): Excel serials (1900 system with its phantom
// 1900-02-29, or the 1904 system), ISO text, or locale text in the configured order (DMY/MDY).
// Dates are whole days since 1970-01-01 (EpochDay); integer calendar arithmetic, no Date, no time zone.
// Runs once per cell on up to 1,048,576 rows: a hand-written scanner, no regex, no allocation per cell.
import type { Cell, EpochDay } from '../types';
import { isSpaceCode } from './number';

export type DateOrder = 'DMY' | 'MDY';

/** Epoch day of 9999-12-31, Excel's last day (serial 2958465 in the 1900 system). */
const MAX_DAY = 2932896;
/** 1900 system: serial 61 (1900-03-01) is epoch day -25508, so day = serial - 25569 from 61 on. */
const OFFSET_1900 = 25569;
/** 1904 system: serial 0 is 1904-01-01, epoch day -24107. */
const OFFSET_1904 = 24107;

/** Days from 1970-01-01 to y-m-d in the proleptic Gregorian calendar (H. Hinnant's days_from_civil). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeap(y) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/**
 * Epoch day of an Excel serial, or NaN when it names no day. The time of day (fraction) is dropped.
 * 1900 system: 1 = 1900-01-01 ... 59 = 1900-02-28, 60 = Excel's phantom 1900-02-29 (NaN), 61 = 1900-03-01.
 * 1904 system: 0 = 1904-01-01. Days before the system's first day or after 9999-12-31 are NaN.
 */
export function serialToEpochDay(serial: number, date1904: boolean): EpochDay {
  if (serial - serial !== 0) return NaN; // NaN, Infinity
  const s = Math.floor(serial);
  let day: number;
  if (date1904) {
    if (s < 0) return NaN;
    day = s - OFFSET_1904;
  } else {
    if (s < 1 || s === 60) return NaN;
    day = s < 60 ? s - OFFSET_1900 + 1 : s - OFFSET_1900;
  }
  return day > MAX_DAY ? NaN : day;
}

/** The Excel serial of an epoch day in the workbook's date system: the inverse of `serialToEpochDay`. */
export function epochDayToSerial(day: EpochDay, date1904 = false): number {
  if (date1904) return day + OFFSET_1904;
  const s = day + OFFSET_1900;
  // Serials below 61 sit before Excel's phantom 1900-02-29, one lower than the count of days.
  return s < 61 ? s - 1 : s;
}

/**
 * 'YYYY-MM-DD' for an epoch day (ISO 8601 expanded form `+YYYYYY` / `-YYYYYY` outside years 0..9999).
 * Throws RangeError for a value that is not a whole day: that is a bug in the caller, not bad data.
 */
export function epochDayToIso(day: EpochDay): string {
  if (!Number.isSafeInteger(day)) throw new RangeError(`not a day: ${day}`);
  // H. Hinnant's civil_from_days.
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  const yyyy =
    y >= 0 && y <= 9999 ? String(y).padStart(4, '0') : (y < 0 ? '-' : '+') + String(Math.abs(y)).padStart(6, '0');
  return `${yyyy}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

/** Epoch day of a calendar date (proleptic Gregorian), or NaN when that day does not exist (2017-02-30). */
export function isoToEpochDay(y: number, m: number, d: number): EpochDay {
  if (!Number.isSafeInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return NaN;
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return NaN;
  return daysFromCivil(y, m, d);
}

/**
 * The epoch day of a day written YYYY-MM-DD (as configurations and databases write days), NaN for any
 * other text and for a day that does not exist.
 */
export function isoTextToEpochDay(text: string): EpochDay {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return m ? isoToEpochDay(Number(m[1]), Number(m[2]), Number(m[3])) : NaN;
}

// ---------------------------------------------------------------------------------------------
// Text scanner. Results go to module-level scratch variables so that scanning allocates nothing.

const SHAPE_NONE = 0;
/** Year first: `2017-03-05`, `2017/3/5`, `2017.03.05` (always year-month-day). */
const SHAPE_YMD = 1;
/** Locale: `5/3/2017`, `05.03.2017`, `3-5-2017`: parts p1, p2 are day/month in the locale's order. */
const SHAPE_LOCALE = 2;

let scanP1 = 0;
let scanP2 = 0;
let scanYear = 0;
/** The separator's character code (`/`, `.` or `-`). */
let scanSep = 0;

const CH_0 = 48;
const CH_DOT = 46;
const isDigit = (c: number): boolean => c >= CH_0 && c <= 57;
const isDateSep = (c: number): boolean => c === 47 /* / */ || c === CH_DOT || c === 45; /* - */

/** Reads min..max digits at i (no more may follow); returns the index after them, or -1. Value in `digitValue`. */
let digitValue = 0;
function digits(s: string, i: number, end: number, min: number, max: number): number {
  let v = 0;
  let j = i;
  while (j < end && isDigit(s.charCodeAt(j))) {
    if (j - i === max) return -1; // too many digits
    v = v * 10 + (s.charCodeAt(j) - CH_0);
    j++;
  }
  if (j - i < min) return -1;
  digitValue = v;
  return j;
}

/** Exactly two digits at i (more may follow); value in `digitValue`. */
function twoDigits(s: string, i: number, end: number): boolean {
  if (i + 2 > end || !isDigit(s.charCodeAt(i)) || !isDigit(s.charCodeAt(i + 1))) return false;
  digitValue = (s.charCodeAt(i) - CH_0) * 10 + (s.charCodeAt(i + 1) - CH_0);
  return true;
}

/**
 * Shape of the date text in s (trimmed bounds given). Sets scanP1/scanP2/scanYear.
 * A time part after the date is checked for shape and ignored.
 * Dotted dates may have spaces after their dots and one dot at their end, as Central European Excels
 * write their short dates: `2017. 03. 05.` (Hungarian), `5. 3. 2017` (Slovak), `5.3.2017.` (Croatian,
 * Serbian).
 */
function scanDate(s: string, i: number, end: number): number {
  let j = digits(s, i, end, 1, 4);
  if (j < 0 || j >= end) return SHAPE_NONE; // no digits, or digits only ("42736" is not a date)
  const first = digitValue;
  const firstLen = j - i;
  const sep = s.charCodeAt(j);
  if (!isDateSep(sep)) return SHAPE_NONE;
  if (firstLen === 4) {
    j = digits(s, afterSep(s, j, end, sep), end, 1, 2);
    if (j < 0 || j >= end || s.charCodeAt(j) !== sep) return SHAPE_NONE;
    const month = digitValue;
    j = digits(s, afterSep(s, j, end, sep), end, 1, 2);
    if (j < 0) return SHAPE_NONE;
    const day = digitValue; // before timeTail, which reuses digitValue
    if (!timeTail(s, finalDot(s, j, end, sep), end, true)) return SHAPE_NONE;
    scanYear = first;
    scanP1 = month;
    scanP2 = day;
    return SHAPE_YMD;
  }
  if (firstLen > 2) return SHAPE_NONE;
  j = digits(s, afterSep(s, j, end, sep), end, 1, 2);
  if (j < 0 || j >= end || s.charCodeAt(j) !== sep) return SHAPE_NONE;
  const second = digitValue;
  j = digits(s, afterSep(s, j, end, sep), end, 4, 4); // 2-digit years are ambiguous (which century?): refused
  if (j < 0) return SHAPE_NONE;
  const year = digitValue;
  if (!timeTail(s, finalDot(s, j, end, sep), end, false)) return SHAPE_NONE;
  scanP1 = first;
  scanP2 = second;
  scanYear = year;
  scanSep = sep;
  return SHAPE_LOCALE;
}

/** The index after the separator at i: after a dot, after the spaces that follow it too. */
function afterSep(s: string, i: number, end: number, sep: number): number {
  let j = i + 1;
  if (sep === CH_DOT) while (j < end && isSpaceCode(s.charCodeAt(j))) j++;
  return j;
}

/** The index after a dotted date's closing dot at i (`2017. 03. 05.`), or i. */
const finalDot = (s: string, i: number, end: number, sep: number): number =>
  sep === CH_DOT && i < end && s.charCodeAt(i) === CH_DOT ? i + 1 : i;

/**
 * True when s[i..end) is empty or a time of day: (`T` | spaces) H:MM[:SS[.fff]] [AM|PM] [Z | ±HH[:MM] | ` UTC` | ` GMT`].
 * `T` and a bare `Z` are ISO-only (`iso`). The time is validated for shape and range, then ignored.
 */
function timeTail(s: string, i: number, end: number, iso: boolean): boolean {
  if (i === end) return true;
  let c = s.charCodeAt(i);
  if (iso && (c === 90 || c === 122) && i + 1 === end) return true; // `2017-03-05Z`
  if (iso && c === 84 /* T */) i++;
  else if (isSpaceCode(c)) while (i < end && isSpaceCode(s.charCodeAt(i))) i++;
  else return false;
  let j = digits(s, i, end, 1, 2);
  if (j < 0 || j >= end || s.charCodeAt(j) !== 58 /* : */) return false;
  const hour = digitValue;
  j = digits(s, j + 1, end, 2, 2);
  if (j < 0 || digitValue > 59) return false;
  if (j < end && s.charCodeAt(j) === 58) {
    j = digits(s, j + 1, end, 2, 2);
    if (j < 0 || digitValue > 60) return false; // 60: leap second
    c = s.charCodeAt(j);
    if (j < end && (c === 46 || c === 44)) {
      j = digits(s, j + 1, end, 1, 9);
      if (j < 0) return false;
    }
  }
  let k = j;
  while (k < end && isSpaceCode(s.charCodeAt(k))) k++;
  if (k + 2 <= end) {
    const a = s.charCodeAt(k) | 0x20;
    const b = s.charCodeAt(k + 1) | 0x20;
    if ((a === 97 /* a */ || a === 112 /* p */) && b === 109 /* m */) {
      if (hour < 1 || hour > 12) return false;
      j = k + 2;
      while (j < end && isSpaceCode(s.charCodeAt(j))) j++;
      return j === end;
    }
  }
  if (hour > 23) return false;
  if (j === end) return true;
  // ` UTC`, ` GMT`: BigQuery writes a TIMESTAMP so in its CSV exports; the date is taken as written.
  if (k + 3 === end && k > j && /^(?:utc|gmt)$/i.test(s.slice(k, end))) return true;
  c = s.charCodeAt(j);
  if (c === 90 || c === 122) return j + 1 === end; // Z
  if (c === 43 || c === 45) {
    // offset ±HH, ±HHMM, ±HH:MM; the date is taken as written
    j++;
    if (!twoDigits(s, j, end) || digitValue > 14) return false;
    j += 2;
    if (j === end) return true;
    if (s.charCodeAt(j) === 58) j++;
    return twoDigits(s, j, end) && j + 2 === end && digitValue <= 59;
  }
  return false;
}

function trimmedStart(s: string): number {
  let i = 0;
  while (i < s.length && isSpaceCode(s.charCodeAt(i))) i++;
  return i;
}

function trimmedEnd(s: string, start: number): number {
  let end = s.length;
  while (end > start && isSpaceCode(s.charCodeAt(end - 1))) end--;
  return end;
}

/**
 * Month names and the abbreviations Excel and ledgers write, in the languages whose headers Tierwise
 * detects (English, French, German, Spanish, Dutch, Italian, Portuguese), with the accents and without
 * (`août`, `aout`). Only forms that name one month: French `jui` (juin or juillet?) is none. Lower case;
 * keys are compared so.
 */
const MONTH_WORDS: ReadonlyMap<string, number> = (() => {
  const months: string[][] = [
    ['january', 'jan', 'janvier', 'janv', 'januar', 'enero', 'ene', 'januari', 'gennaio', 'gen', 'janeiro'],
    ['february', 'feb', 'février', 'fevrier', 'févr', 'fevr', 'fév', 'fev', 'februar', 'febrero', 'februari', 'febbraio', 'fevereiro'],
    ['march', 'mar', 'mars', 'märz', 'maerz', 'marz', 'mär', 'mrz', 'marzo', 'maart', 'mrt', 'março', 'marco'],
    ['april', 'apr', 'avril', 'avr', 'abril', 'abr', 'aprile'],
    ['may', 'mai', 'mayo', 'mei', 'maggio', 'mag', 'maio'],
    ['june', 'jun', 'juin', 'juni', 'junio', 'giugno', 'giu', 'junho'],
    ['july', 'jul', 'juillet', 'juil', 'juli', 'julio', 'luglio', 'lug', 'julho'],
    ['august', 'aug', 'août', 'aout', 'aoû', 'agosto', 'ago', 'augustus'],
    ['september', 'sep', 'sept', 'septembre', 'septiembre', 'settembre', 'set', 'setembro'],
    ['october', 'oct', 'octobre', 'oktober', 'okt', 'octubre', 'ottobre', 'ott', 'outubro', 'out'],
    ['november', 'nov', 'novembre', 'noviembre', 'novembro'],
    ['december', 'dec', 'décembre', 'decembre', 'déc', 'dezember', 'dez', 'diciembre', 'dic', 'dicembre', 'dezembro'],
  ];
  const words = new Map<string, number>();
  months.forEach((names, i) => names.forEach((name) => words.set(name, i + 1)));
  return words;
})();
/** An optional time of day, in range, ignored as with numeric dates. */
const TIME = String.raw`(?:[ T]+(?:(?:0?[1-9]|1[0-2]):[0-5]\d(?::[0-5]\d)?\s*[AaPp][Mm]|(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d+)?)?))?`;
/**
 * `5-Mar-2017`, `05 March 2017`, `5.Mar.2017` (day, month, year: Excel's `d-mmm-yyyy`, Oracle and SAP
 * exports), and the other languages' long dates: `5. März 2017`, `1er août 2017`, `5 de marzo de 2017`.
 */
const DAY_MONTH_YEAR = new RegExp(String.raw`^(\d{1,2})(?:er)?[-\s./]+(?:de\s+)?(\p{L}+)\.?[-\s./,]+(?:de\s+)?(\d{4})${TIME}$`, 'u');
/** `Mar 5, 2017`, `March 5th 2017` (month, day, year: the English long date). */
const MONTH_DAY_YEAR = new RegExp(String.raw`^(\p{L}+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})${TIME}$`, 'u');

/** 1 to 12 for a month's name or abbreviation (MONTH_WORDS); 0 otherwise. */
export function monthNumber(word: string): number {
  return MONTH_WORDS.get(word.toLowerCase()) ?? 0;
}

/**
 * A date written with the month's name: the name says which part is the month, so the day order setting
 * plays no part. 2-digit years stay unreadable, as in numeric dates.
 */
function namedMonthDate(s: string): EpochDay {
  let m = DAY_MONTH_YEAR.exec(s);
  if (m) {
    const month = monthNumber(m[2]);
    return month ? isoToEpochDay(Number(m[3]), month, Number(m[1])) : NaN;
  }
  m = MONTH_DAY_YEAR.exec(s);
  if (m) {
    const month = monthNumber(m[1]);
    return month ? isoToEpochDay(Number(m[3]), month, Number(m[2])) : NaN;
  }
  return NaN;
}

/**
 * Epoch day of a cell, or NaN when blank or unreadable. Numbers are Excel serials (see serialToEpochDay).
 * Text: ISO `2017-03-05` (year first, also with `/` or `.`, optional time `T10:20:00`, ` 10:20`, `Z`),
 * `d/m/yyyy` / `m/d/yyyy` per `order` with `/`, `.` or `-` and an optional time, or the month's name in
 * English, French, German, Spanish, Dutch, Italian or Portuguese (`5-Mar-2017`, `Mar 5, 2017`, `5. März 2017`). 2-digit
 * years, days that do not exist and digits alone (`"42736"`: a serial typed as text is ambiguous) are NaN.
 */
export function readDate(cell: Cell, date1904: boolean, order: DateOrder): EpochDay {
  if (typeof cell === 'number') return serialToEpochDay(cell, date1904);
  if (typeof cell !== 'string') return NaN;
  const start = trimmedStart(cell);
  const end = trimmedEnd(cell, start);
  const shape = scanDate(cell, start, end);
  if (shape === SHAPE_NONE) return namedMonthDate(cell.slice(start, end));
  if (scanYear < 1) return NaN;
  if (shape === SHAPE_YMD) return isoToEpochDay(scanYear, scanP1, scanP2);
  return order === 'DMY' ? isoToEpochDay(scanYear, scanP2, scanP1) : isoToEpochDay(scanYear, scanP1, scanP2);
}

/**
 * The parts of a text written as a numeric date, for explaining why it names no day (the slow path,
 * left-out lines only): year first (`ymd`: month p1, day p2) or in the locale's shape (`locale`: p1 and
 * p2 are day and month in some order). Undefined when the text has neither shape.
 */
export function numericDateParts(text: string): { shape: 'ymd' | 'locale'; p1: number; p2: number; year: number } | undefined {
  const start = trimmedStart(text);
  const shape = scanDate(text, start, trimmedEnd(text, start));
  if (shape === SHAPE_NONE) return undefined;
  return { shape: shape === SHAPE_YMD ? 'ymd' : 'locale', p1: scanP1, p2: scanP2, year: scanYear };
}

/** The number of days in a month (1 to 12) of a year. */
export const monthDays = daysInMonth;

export type DateOrderEvidence = 'DMY' | 'MDY' | 'dots' | 'ambiguous' | 'conflict' | 'none';

/**
 * Guess the locale order from the locale-shaped text dates (`5/3/2017`); serials and ISO text say nothing.
 * A first part above 12 is evidence for DMY, a second part above 12 for MDY (only when the date exists in
 * that order). Both kinds: 'conflict'; no locale text dates: 'none'. Only dates like 5/3/2017: 'ambiguous',
 * unless every one is written with dots (`05.03.2017`): that is 'dots', read as DMY, because the dotted form
 * is day first wherever it is the custom (German, Dutch, Nordic, Swiss and Eastern European exports);
 * no locale writes month.day.year.
 */
export function detectDateOrder(cells: Iterable<Cell>): { order: DateOrder | undefined; evidence: DateOrderEvidence } {
  let dmy = false;
  let mdy = false;
  let any = false;
  let dotted = true;
  for (const cell of cells) {
    if (typeof cell !== 'string') continue;
    const start = trimmedStart(cell);
    const end = trimmedEnd(cell, start);
    if (scanDate(cell, start, end) !== SHAPE_LOCALE || scanYear < 1) continue;
    const asDmy = !Number.isNaN(isoToEpochDay(scanYear, scanP2, scanP1));
    const asMdy = !Number.isNaN(isoToEpochDay(scanYear, scanP1, scanP2));
    if (!asDmy && !asMdy) continue; // not a date in either order: not evidence
    any = true;
    if (scanSep !== CH_DOT) dotted = false;
    if (asDmy && !asMdy) dmy = true;
    else if (asMdy && !asDmy) mdy = true;
    if (dmy && mdy) return { order: undefined, evidence: 'conflict' };
  }
  if (dmy) return { order: 'DMY', evidence: 'DMY' };
  if (mdy) return { order: 'MDY', evidence: 'MDY' };
  if (any && dotted) return { order: 'DMY', evidence: 'dots' };
  return { order: undefined, evidence: any ? 'ambiguous' : 'none' };
}
