// CSV output that a spreadsheet opens safely: text that would be read as a formula gets the usual
// leading apostrophe, numbers lose floating-point noise, and everything is quoted as RFC 4180 says.

/** Text a spreadsheet would evaluate when it starts with one of these (OWASP's CSV injection list). */
const FORMULA_START = /^[=+\-@\t\r]/;

export function escapeFormulaText(s: string): string {
  return FORMULA_START.test(s) ? `'${s}` : s;
}

/** Money and shares to a millionth: enough for any currency, and no 1234.5600000000002. */
export function roundForOutput(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}

function field(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(roundForOutput(v)) : '';
  const s = escapeFormulaText(v);
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(cols: readonly { header: string; values: readonly (string | number | null)[] }[]): string {
  const n = cols.length ? cols[0].values.length : 0;
  const lines = [cols.map((c) => field(c.header)).join(',')];
  for (let r = 0; r < n; r++) lines.push(cols.map((c) => field(c.values[r])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
