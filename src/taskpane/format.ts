// Numbers and times in the user's locale (Intl), made once and shared through context.
import { createContext, useContext } from 'react';

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

/** The browser's language list starts with the user's choice (Office passes its UI language through). */
export const userLocale = (): string | undefined => (typeof navigator !== 'undefined' ? navigator.languages?.[0] ?? navigator.language : undefined);

export const FormatContext = createContext<Formats>(makeFormats('en-US'));
export const useFormats = (): Formats => useContext(FormatContext);

/** The user's decimal separator, for reading typed numbers. */
export function decimalSeparator(locale: string): string {
  // Cached: a new Intl.NumberFormat per call costs more than the rest of a share row's render.
  let sep = separators.get(locale);
  if (sep === undefined) {
    sep = new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === 'decimal')?.value ?? '.';
    separators.set(locale, sep);
  }
  return sep;
}
const separators = new Map<string, string>();

/** Typed text -> number: accepts the locale's decimal separator and '.', spaces and a leading minus sign. */
export function readTypedNumber(text: string, locale: string): number | undefined {
  const dec = decimalSeparator(locale);
  let t = text.replace(/[\s\u00a0\u202f]/g, '').replace(/\u2212/g, '-');
  if (dec !== '.') t = t.split(dec).join('.');
  if (!/^-?(\d+\.?\d*|\.\d+)$/.test(t)) return undefined;
  return Number(t);
}

/** A number as the user would type it back (no grouping, locale decimal). */
export function typedText(n: number | undefined, locale: string): string {
  if (n === undefined) return '';
  const dec = decimalSeparator(locale);
  return String(n).replace('.', dec);
}

/** "In the period and filters: 4,000 sales lines, 600 customers with sales": what every segment type counts. */
export const countedLine = (f: Formats, lines: number, customers: number): string =>
  `In the period and filters: ${f.integer(lines)} sales line${lines === 1 ? '' : 's'}, ${f.integer(customers)} customer${customers === 1 ? '' : 's'} with sales`;
