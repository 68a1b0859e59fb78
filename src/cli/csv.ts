// CSV output that a spreadsheet opens safely: text that would be read as a formula gets the usual
// leading apostrophe, numbers lose floating-point noise, and everything is quoted as RFC 4180 says.
// The dialect follows the input: a European file (semicolons, decimal commas) gets its answer the same
// way, so Excel in that locale opens it in columns with numbers, not one column of text.
import { unprovenDecimal } from '../engine/parse/number';

/** How fields and decimals are written: RFC 4180's comma and point unless the input said otherwise. */
export interface CsvDialect {
  delimiter: string;
  decimal: '.' | ',';
}

export const PLAIN_CSV: CsvDialect = { delimiter: ',', decimal: '.' };

/**
 * The dialect of the answer to a text file: its own separator, and the decimal separator its numbers
 * were read with when that was configured or proven; when nothing proved it, a semicolon file gets a
 * decimal comma (Excel writes semicolons where the comma is the decimal separator). Never a comma for
 * both: a decimal comma takes the semicolon. A workbook, which has no dialect, gets PLAIN_CSV.
 */
export function dialectOf(delimiter: string | undefined, read: { decimal: '.' | ','; decimalProven: boolean }): CsvDialect {
  if (delimiter === undefined) return PLAIN_CSV;
  const decimal = read.decimalProven ? read.decimal : unprovenDecimal(delimiter);
  return { delimiter: decimal === ',' && delimiter === ',' ? ';' : delimiter, decimal };
}

/** Text a spreadsheet would evaluate when it starts with one of these (OWASP's CSV injection list). */
const FORMULA_START = /^[=+\-@\t\r]/;

export function escapeFormulaText(s: string): string {
  return FORMULA_START.test(s) ? `'${s}` : s;
}

/** Money and shares to a millionth: enough for any currency, and no 1234.5600000000002. */
export function roundForOutput(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}

/** Below this (2^33, about 8.6 billion) neighbouring doubles lie closer together than a millionth. */
const EXACT_MILLIONTHS = 2 ** 33 * 1e6;

/**
 * `String(roundForOutput(v))`, written from the whole number of millionths: a double's shortest text
 * costs several times an integer's, and a tiers table is mostly money. Where doubles lie closer than a
 * millionth, the millionths' own decimals are the one shortest text that reads back as the rounded
 * double, so both give the same text (test/cli/csv-dialect.test.ts holds them equal); larger values go
 * through String().
 */
export function outputNumberText(v: number): string {
  const m = Math.round(v * 1e6);
  if (m === 0) return '0';
  const a = Math.abs(m);
  if (a >= EXACT_MILLIONTHS) return String(m / 1e6);
  const whole = Math.floor(a / 1e6);
  const part = a - whole * 1e6;
  let text = String(whole);
  if (part > 0) text += `.${String(part).padStart(6, '0').replace(/0+$/, '')}`;
  return m < 0 ? `-${text}` : text;
}

/** Text that must be quoted: a quote, a line break, the delimiter, or a space at either end (what trim() removes: `\\s`). */
const quoting = new Map<string, RegExp>();
function needsQuotes(s: string, delimiter: string): boolean {
  if (delimiter.length !== 1) return /["\r\n]|^\s|\s$/.test(s) || s.includes(delimiter);
  let pattern = quoting.get(delimiter);
  if (!pattern) {
    pattern = new RegExp(`["\\r\\n${delimiter.replace(/[\\^\]-]/g, '\\$&')}]|^\\s|\\s$`);
    quoting.set(delimiter, pattern);
  }
  return pattern.test(s);
}

function field(v: string | number | null | undefined, dialect: CsvDialect): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return '';
    const text = outputNumberText(v);
    return dialect.decimal === ',' ? text.replace('.', ',') : text;
  }
  const s = escapeFormulaText(v);
  return needsQuotes(s, dialect.delimiter) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(cols: readonly { header: string; values: readonly (string | number | null)[] }[], dialect: CsvDialect = PLAIN_CSV): string {
  const n = cols.length ? cols[0].values.length : 0;
  const lines = [cols.map((c) => field(c.header, dialect)).join(dialect.delimiter)];
  for (let r = 0; r < n; r++) lines.push(cols.map((c) => field(c.values[r], dialect)).join(dialect.delimiter));
  return `${lines.join('\r\n')}\r\n`;
}

/**
 * A CSV file's text as Excel's own "CSV UTF-8" saves it: with a byte order mark first. Without one,
 * Excel for Windows opens a double-clicked CSV in the system's code page (`Müller` as `MÃ¼ller`).
 * Files only: a pipe is no spreadsheet, so standard output gets none.
 */
export const csvFileText = (csv: string): string => `\uFEFF${csv}`;

/**
 * The same columns as JSON: one object per row, keyed by header (the engine's answer and DuckDB's
 * alike), numbers to the millionth as in the CSV (`1148.78`, not `1148.7800000000002`).
 */
export function tiersJson(cols: readonly { header: string; values: readonly (string | number | null)[] }[]): string {
  const n = cols.length ? cols[0].values.length : 0;
  const value = (v: string | number | null) => (typeof v === 'number' ? (Number.isFinite(v) ? roundForOutput(v) : null) : v);
  const rows = Array.from({ length: n }, (_, r) => Object.fromEntries(cols.map((c) => [c.header, value(c.values[r])])));
  return `${JSON.stringify(rows, null, 1)}\n`;
}
