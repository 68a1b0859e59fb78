// CSV output that a spreadsheet opens safely: text that would be read as a formula gets the usual
// leading apostrophe, numbers lose floating-point noise, and everything is quoted as RFC 4180 says.
// The dialect follows the input: a European file (semicolons, decimal commas) gets its answer the same
// way, so Excel in that locale opens it in columns with numbers, not one column of text.

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
  const decimal = read.decimalProven ? read.decimal : delimiter === ';' ? ',' : '.';
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

function field(v: string | number | null | undefined, dialect: CsvDialect): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return '';
    const text = String(roundForOutput(v));
    return dialect.decimal === ',' ? text.replace('.', ',') : text;
  }
  const s = escapeFormulaText(v);
  return /["\r\n]/.test(s) || s.includes(dialect.delimiter) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(cols: readonly { header: string; values: readonly (string | number | null)[] }[], dialect: CsvDialect = PLAIN_CSV): string {
  const n = cols.length ? cols[0].values.length : 0;
  const lines = [cols.map((c) => field(c.header, dialect)).join(dialect.delimiter)];
  for (let r = 0; r < n; r++) lines.push(cols.map((c) => field(c.values[r], dialect)).join(dialect.delimiter));
  return `${lines.join('\r\n')}\r\n`;
}

/** The same columns as JSON: one object per row, keyed by header (the engine's answer and DuckDB's alike). */
export function tiersJson(cols: readonly { header: string; values: readonly (string | number | null)[] }[]): string {
  const n = cols.length ? cols[0].values.length : 0;
  const rows = Array.from({ length: n }, (_, r) => Object.fromEntries(cols.map((c) => [c.header, c.values[r]])));
  return `${JSON.stringify(rows, null, 1)}\n`;
}
