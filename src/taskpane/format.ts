// Numbers and times in the user's locale (Intl), made once and shared through context.
import { createContext, useContext } from 'react';
import { moneyNumberFormat } from '../engine/money-format';

export interface Formats {
  locale: string;
  integer(n: number): string;
  /** 0.8 -> "80.0%" (en-US), "80,0 %" (fr-FR). */
  percent(fraction: number): string;
  /** A measure: 2 decimals at most. */
  number(n: number): string;
  dateTime(iso: string): string;
  /** A day, `2017-03-05` -> "Mar 5, 2017" (en-US), "5 mars 2017" (fr-FR). */
  day(iso: string): string;
}

export function makeFormats(locale?: string): Formats {
  const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const number = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  // A day is a calendar day, not an instant: formatted in UTC so no time zone moves it.
  const day = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  return {
    locale: integer.resolvedOptions().locale,
    integer: (n) => integer.format(n),
    percent: (f) => percent.format(f),
    number: (n) => number.format(n),
    dateTime: (iso) => {
      const d = new Date(iso);
      return Number.isNaN(d.getTime()) ? iso : dateTime.format(d);
    },
    day: (iso) => {
      const d = new Date(`${iso}T00:00:00Z`);
      return Number.isNaN(d.getTime()) ? iso : day.format(d);
    },
  };
}

/** The browser's language list starts with the user's choice. */
export const userLocale = (): string | undefined => (typeof navigator !== 'undefined' ? navigator.languages?.[0] ?? navigator.language : undefined);

/**
 * The locale numbers are typed and shown in: inside Excel, Office's display language (what the
 * user chose in Office, which the webview's own language need not follow); elsewhere, the browser's.
 */
export function paneLocale(where: 'excel' | 'playground'): string | undefined {
  if (where === 'excel') {
    const office = (globalThis as { Office?: { context?: { displayLanguage?: string } } }).Office;
    const language = office?.context?.displayLanguage;
    if (language) return language;
  }
  return userLocale();
}

export const FormatContext = createContext<Formats>(makeFormats('en-US'));
export const useFormats = (): Formats => useContext(FormatContext);

/** The user's separators (cached: a new Intl.NumberFormat per call costs more than a share row's render). */
interface Separators {
  decimal: string;
  /** What the locale groups thousands with: `,` (en), `.` (de), U+202F narrow no-break space (fr). */
  group: string;
  /** `1,234.5` as the locale writes it, for messages. */
  example: string;
  /** "English (United States)", for messages. */
  language: string;
}
const separatorCache = new Map<string, Separators>();
function separators(locale: string): Separators {
  let s = separatorCache.get(locale);
  if (s === undefined) {
    const format = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
    const parts = format.formatToParts(1234.5);
    let language = locale;
    try {
      language = new Intl.DisplayNames(['en'], { type: 'language' }).of(locale) ?? locale;
    } catch {
      // An engine without DisplayNames: the tag itself.
    }
    s = {
      decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
      group: parts.find((p) => p.type === 'group')?.value ?? ',',
      example: format.format(1234.5),
      language,
    };
    separatorCache.set(locale, s);
  }
  return s;
}

/** The user's decimal separator, for reading typed numbers. */
export const decimalSeparator = (locale: string): string => separators(locale).decimal;

/** Any kind of space: a French user types a plain space where the locale writes U+202F. */
const SPACES = /[\s\u00a0\u202f\u2009]/g;

export type TypedNumber = { ok: true; value: number } | { ok: false; message: string };

/**
 * Typed text -> number, in the user's locale: its decimal separator, its grouping (and spaces as
 * grouping everywhere), a leading minus sign. Text that reads as a number only with the other
 * convention ("1,5" in English, "1.5" in German) is refused with what to type, never guessed: read
 * the other way, "1.000" in German was 1, and dragged a band boundary with it.
 */
export function parseTypedNumber(text: string, locale: string): TypedNumber {
  const { decimal, group, example, language } = separators(locale);
  const wrong = (why: string): TypedNumber => ({ ok: false, message: `"${text.trim()}" ${why}` });
  let t = text.trim().replace(/\u2212/g, '-');
  const sign = t.startsWith('-') ? -1 : 1;
  if (sign < 0 || t.startsWith('+')) t = t.slice(1).trimStart();
  const spaced = SPACES.test(group) || group === '\u00a0';
  // Spaces group thousands in every locale; the locale's own group character too.
  const groups = t.replace(SPACES, ' ');
  const other = decimal === ',' ? '.' : ',';
  const pieces = groups.split(decimal);
  if (pieces.length > 2) return wrong(`has more than one decimal separator "${decimal}"`);
  const [whole, fraction = ''] = pieces;
  const convention = `is not a number in ${language}: ${spaced ? 'spaces group' : `"${group}" groups`} thousands in threes and "${decimal}" is the decimal separator, as in ${example}`;
  // Digits and separators only, or it is no number in any convention.
  if (!/^[\d., ]*$/.test(whole) || !/^[\d., ]*$/.test(fraction) || (whole === '' && fraction === '')) return wrong('is not a number');
  // After the decimal separator only digits; the other convention's separator before it ("1,5" in
  // English, "1.5" in German or French) or anywhere after it: either reading would be a guess.
  if (/[^\d]/.test(fraction) || (whole.includes(other) && other !== group)) return wrong(convention);
  // What is left groups thousands: the locale's group character or spaces, in groups of three.
  let digits = whole;
  if (/[ .,]/.test(whole)) {
    const split = whole.split(spaced ? ' ' : new RegExp(`[ ${group === '.' ? '\\.' : group}]`));
    const fine = /^\d{1,3}$/.test(split[0]) && split.slice(1).every((g) => /^\d{3}$/.test(g));
    if (!fine) return wrong(convention);
    digits = split.join('');
  }
  if (!/^\d*$/.test(digits)) return wrong('is not a number');
  const value = Number(`${digits || '0'}.${fraction || '0'}`) * sign;
  return Number.isFinite(value) ? { ok: true, value: value === 0 ? 0 : value } : wrong('is not a number');
}

/** Typed text -> number, or undefined when it is not one (parseTypedNumber says why). */
export function readTypedNumber(text: string, locale: string): number | undefined {
  const r = parseTypedNumber(text, locale);
  return r.ok ? r.value : undefined;
}

/** A number as the user would type it back (no grouping, locale decimal). */
export function typedText(n: number | undefined, locale: string): string {
  if (n === undefined) return '';
  return String(n).replace('.', decimalSeparator(locale));
}

const groupedCache = new Map<string, Intl.NumberFormat>();
/** A number as a box shows it when not focused: grouped (`12,500.5`), every decimal kept. */
export function groupedText(n: number | undefined, locale: string): string {
  if (n === undefined) return '';
  let format = groupedCache.get(locale);
  if (!format) groupedCache.set(locale, (format = new Intl.NumberFormat(locale, { maximumFractionDigits: 10 })));
  return format.format(n);
}

const moneyCache = new Map<string, Intl.NumberFormat>();
/**
 * An amount in the workbook's currency (`code`: the sales column's Excel format, money-format.ts),
 * laid out as the user's locale writes money: `$1,235` (en-US), `1.235 $` (de-DE); grouped without a
 * sign when the format names no currency Intl knows. `decimals`: the format's own when absent.
 */
export function moneyText(n: number, locale: string, code: string | undefined, decimals?: number): string {
  const key = `${locale}|${code ?? ''}|${decimals ?? ''}`;
  let format = moneyCache.get(key);
  if (!format) moneyCache.set(key, (format = moneyNumberFormat(locale, code, decimals)));
  return format.format(n);
}

/** "In the period and filters: 4,000 sales lines, 600 customers with sales": what every segment type counts. */
export const countedLine = (f: Formats, lines: number, customers: number): string =>
  `In the period and filters: ${f.integer(lines)} sales line${lines === 1 ? '' : 's'}, ${f.integer(customers)} customer${customers === 1 ? '' : 's'} with sales`;
