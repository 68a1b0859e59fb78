// How Excel turns what is written to Range.values / Range.formulas into a cell, and how a cell is
// shown (Range.values, Range.formulas, Range.text). Input is read as if typed in en-US.

/** What a write does to one cell. `skip` leaves the cell untouched (a null in the input array). */
export type CellInput =
  | { t: 'skip' }
  | { t: 'clear' }
  | { t: 'num'; v: number; autoFormat?: string }
  | { t: 'bool'; v: boolean }
  | { t: 'text'; v: string; quotePrefix?: boolean }
  | { t: 'formula'; f: string };

export const ERROR_NAME = '#NAME?';

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const THOUSANDS = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;
const PERCENT = /^([+-]?(\d+(\.\d*)?|\.\d+))%$/;
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/** Excel serial for a calendar date (1900 date system), or undefined when not a real date. */
export function dateSerial(y: number, m: number, d: number): number | undefined {
  if (y < 1900 || y > 9999 || m < 1 || m > 12 || d < 1) return undefined;
  const t = Date.UTC(y, m - 1, d);
  const check = new Date(t);
  if (check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) return undefined;
  const serial = Math.round((t - Date.UTC(1899, 11, 30)) / 86_400_000);
  return serial < 61 ? serial - 1 : serial; // Excel's fictitious 1900-02-29
}

/** A string as Excel parses typed input: number, percent, boolean, date, or text. */
function parseTyped(s: string): CellInput {
  if (NUMBER.test(s)) return { t: 'num', v: Number(s) };
  if (THOUSANDS.test(s)) return { t: 'num', v: Number(s.replace(/,/g, '')), autoFormat: '#,##0' };
  const pct = PERCENT.exec(s);
  if (pct) return { t: 'num', v: Number(pct[1]) / 100, autoFormat: pct[1].includes('.') ? '0.00%' : '0%' };
  const upper = s.toUpperCase();
  if (upper === 'TRUE' || upper === 'FALSE') return { t: 'bool', v: upper === 'TRUE' };
  let m = ISO_DATE.exec(s);
  let serial = m ? dateSerial(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
  if (serial === undefined && (m = US_DATE.exec(s))) serial = dateSerial(Number(m[3]), Number(m[1]), Number(m[2]));
  if (serial !== undefined) return { t: 'num', v: serial, autoFormat: 'm/d/yyyy' };
  return { t: 'text', v: s };
}

/**
 * One input value -> what the cell becomes. `textFormat` is true when the cell's number format is
 * '@' (Text): Excel then keeps any string exactly as typed.
 */
export function interpretInput(value: unknown, textFormat: boolean): CellInput {
  if (value === null || value === undefined) return { t: 'skip' };
  if (typeof value === 'number') return Number.isFinite(value) ? { t: 'num', v: value } : { t: 'skip' };
  if (typeof value === 'boolean') return { t: 'bool', v: value };
  if (value instanceof Date) return { t: 'text', v: value.toISOString() }; // JSON.stringify sends the ISO string
  if (typeof value !== 'string') return { t: 'text', v: String(value) };
  const s = value;
  if (s === '') return { t: 'clear' };
  if (textFormat) return { t: 'text', v: s };
  const first = s[0];
  if (first === "'") return { t: 'text', v: s.slice(1), quotePrefix: true };
  if (s.length > 1) {
    if (first === '=') return { t: 'formula', f: s };
    if (first === '+' || first === '@') return { t: 'formula', f: `=${s}` };
    if (first === '-') return NUMBER.test(s) || THOUSANDS.test(s) || PERCENT.test(s) ? parseTyped(s) : { t: 'formula', f: `=${s}` };
  }
  return parseTyped(s);
}

/**
 * The value a formula shows. The simulator does not calculate: a formula whose body is a signed
 * number literal, a string literal or TRUE/FALSE yields that value; any other formula yields
 * '#NAME?' (what Excel shows for `=-cmd`, and a marker for "not calculated" otherwise).
 */
export function evaluateFormula(formula: string): number | string | boolean {
  const body = formula.slice(1).trim();
  const signed = /^([+-]*)\s*((\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?)$/.exec(body);
  if (signed) {
    const negatives = (signed[1].match(/-/g) ?? []).length;
    const n = Number(signed[2]);
    return negatives % 2 ? -n : n;
  }
  const str = /^"((?:[^"]|"")*)"$/.exec(body);
  if (str) return str[1].replace(/""/g, '"');
  const upper = body.toUpperCase();
  if (upper === 'TRUE' || upper === 'FALSE') return upper === 'TRUE';
  return ERROR_NAME;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function serialToDate(serial: number): { y: number; m: number; d: number } {
  const days = Math.floor(serial);
  const adjusted = days < 61 ? days + 1 : days;
  const dt = new Date(Date.UTC(1899, 11, 30) + adjusted * 86_400_000);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}

function groupThousands(s: string): string {
  const [int, frac] = s.split('.');
  const sign = int.startsWith('-') ? '-' : '';
  const digits = sign ? int.slice(1) : int;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return sign + grouped + (frac !== undefined ? `.${frac}` : '');
}

/** Range.text for a value under a number format; a small subset of Excel's format language. */
export function formatText(value: unknown, format: string): string {
  if (value === '' || value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  const n = value as number;
  const f = format.trim();
  const dec = (spec: string) => (spec.split('.')[1] ?? '').replace(/[^0#]/g, '').length;
  if (f === 'General' || f === '' || f === '@') {
    if (Number.isInteger(n) && Math.abs(n) < 1e11) return String(n);
    const p = Number(n.toPrecision(10));
    return String(p);
  }
  if (/^(m\/d\/yyyy|yyyy-mm-dd|d\/m\/yyyy|dd\/mm\/yyyy|mm\/dd\/yyyy)$/i.test(f)) {
    const { y, m, d } = serialToDate(n);
    switch (f.toLowerCase()) {
      case 'yyyy-mm-dd':
        return `${y}-${pad(m)}-${pad(d)}`;
      case 'd/m/yyyy':
        return `${d}/${m}/${y}`;
      case 'dd/mm/yyyy':
        return `${pad(d)}/${pad(m)}/${y}`;
      case 'mm/dd/yyyy':
        return `${pad(m)}/${pad(d)}/${y}`;
      default:
        return `${m}/${d}/${y}`;
    }
  }
  if (/^0(\.0+)?%$/.test(f)) return `${(n * 100).toFixed(dec(f.slice(0, -1)))}%`;
  if (/^#,##0(\.0+)?$/.test(f)) return groupThousands(n.toFixed(dec(f)));
  if (/^0(\.0+)?$/.test(f)) return n.toFixed(dec(f));
  return String(n);
}
