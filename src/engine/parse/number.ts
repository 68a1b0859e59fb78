// Reading amounts from cells (SEMANTICS.md section 1): numbers pass through, numeric text is read with
// the configured decimal separator, anything else is NaN so the caller can report a row issue.
// Runs once per cell on up to 1,048,576 rows: no regex, no allocation until a text cell is accepted.
import type { Cell } from '../types';

export type DecimalSeparator = '.' | ',';

const CH_0 = 48;
const CH_9 = 57;
const CH_PLUS = 43;
const CH_MINUS = 45;
const CH_UMINUS = 0x2212; // U+2212 MINUS SIGN, written by Intl and some ERPs
const CH_DOT = 46;
const CH_COMMA = 44;
const CH_LPAREN = 40;
const CH_RPAREN = 41;
const CH_APOS = 39;
const CH_RSQUO = 0x2019; // Swiss thousands separator as typed on a Mac
const CH_E = 69;
const CH_e = 101;
const CH_DOLLAR = 36;
/** Marker for "some space character" so that `1 234 567` mixing space and nbsp is one separator. */
const SPACE_CLASS = 32;

const isDigit = (c: number): boolean => c >= CH_0 && c <= CH_9;

/** Whitespace as Excel users paste it: ASCII, nbsp, the Unicode spaces, BOM. */
export function isSpaceCode(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** Spaces accepted between digit groups: space, nbsp, figure space, thin space, narrow nbsp. */
const isGroupSpace = (c: number): boolean =>
  c === 32 || c === 0xa0 || c === 0x2007 || c === 0x2009 || c === 0x202f;

/** Single-character currency symbols. */
const CURRENCY_SYMBOLS: ReadonlySet<number> = new Set(
  [...'$€£¥₹₩₽₺₪₫₴₱฿₦₡₲₵₸₼₾₣¢'].map((ch) => ch.codePointAt(0) as number),
);

/** ISO 4217 codes in use (plain data; add to it freely). Upper case only, as written on documents. */
const ISO_CODES =
  'AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN BWP BYN BZD ' +
  'CAD CDF CHF CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD ' +
  'GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT ' +
  'LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR ' +
  'NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP ' +
  'STN SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD UYU UZS VES VND VUV WST XAF XCD XOF XPF ' +
  'YER ZAR ZMW ZWL';

/** Letter-based currency tokens: ISO codes plus the local abbreviations found on invoices. */
const CURRENCY_WORDS: ReadonlySet<string> = new Set([
  ...ISO_CODES.split(' '),
  ...['US$', 'U$S', 'R$', 'C$', 'A$', 'NZ$', 'HK$', 'S$', 'MX$', 'NT$'],
  ...['kr', 'kr.', 'Kr', 'Kr.', 'zł', 'Kč', 'Ft', 'Fr', 'Fr.', 'SFr.', 'Rs', 'Rs.', 'Rp', 'RM', 'lei'],
]);

const isCurrencyLetter = (c: number): boolean =>
  (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 0x142 /* ł */ || c === 0x10d /* č */;

/** Length of a currency token starting at `i` (before `end`), or 0. */
function currencyAt(s: string, i: number, end: number): number {
  const c = s.charCodeAt(i);
  if (CURRENCY_SYMBOLS.has(c)) return 1;
  if (!isCurrencyLetter(c)) return 0;
  let j = i + 1;
  while (j < end && isCurrencyLetter(s.charCodeAt(j))) j++;
  if (j < end) {
    const t = s.charCodeAt(j);
    // `US$`, `Fr.`: try the longer token first.
    if ((t === CH_DOLLAR || t === CH_DOT) && CURRENCY_WORDS.has(s.slice(i, j + 1))) return j + 1 - i;
  }
  return CURRENCY_WORDS.has(s.slice(i, j)) ? j - i : 0;
}

/**
 * The number in a cell, or NaN when the cell is blank or unreadable.
 * Numbers pass through (NaN and infinities give NaN), booleans give NaN. Text is read strictly:
 * optional sign (leading only), parentheses for negatives, one currency symbol or code before or after,
 * thousands separators in 3-digit groups (or India's lakh groups with commas: `1,23,456`), the given
 * decimal separator, optional exponent.
 * A percent sign makes the text unreadable: a percentage is not an amount. A dash alone, with a
 * currency or not (`$ -`), is 0: Excel's accounting format shows zero so.
 */
export function readNumber(cell: Cell, decimal: DecimalSeparator): number {
  if (typeof cell === 'number') return cell - cell === 0 ? cell : NaN; // finite check without a call
  if (typeof cell !== 'string') return NaN;
  return readNumberText(cell, decimal === ',' ? CH_COMMA : CH_DOT);
}

export type DecimalEvidence = '.' | ',' | 'conflict' | 'ambiguous' | 'none';

/**
 * The decimal separator when the text proves neither (`1,234`, `1.234`: a thousand, or one): a comma in
 * a text file whose fields a semicolon separates, since Excel writes semicolons where the comma is the
 * decimal separator (`1.234` there is a thousand), else a point, as Excel does in en-US. The reader and
 * the CSV answer (src/cli/csv.ts) take the same one.
 */
export const unprovenDecimal = (delimiter: string | undefined): DecimalSeparator => (delimiter === ';' ? ',' : '.');

/**
 * The decimal separator the numbers written as text prove, read with the same parser both ways: text that
 * reads only with a decimal comma (`12,50`, `1.234,50`, `0,5`) is evidence for the comma, text that reads
 * only with a point (`12.50`, `1,234.50`) for the point. Text that reads both ways and differs (`1,234`,
 * `1.234`: a thousand or one) proves nothing: 'ambiguous' when there is such text and no evidence. Text
 * that reads the same both ways (`1234`), or neither way, says nothing. Both kinds: 'conflict', and the
 * separator more cells prove (a point on a tie): a European export with a few cells typed the American
 * way is still read with its comma, and the few are the row issues.
 */
export function detectDecimal(cells: Iterable<Cell>): { decimal: DecimalSeparator | undefined; evidence: DecimalEvidence } {
  return detectDecimalCounted(countedTexts(cells));
}

function* countedTexts(cells: Iterable<Cell>): Iterable<{ text: string; count: number }> {
  for (const cell of cells) if (typeof cell === 'string') yield { text: cell, count: 1 };
}

/**
 * detectDecimal over texts that stand for `count` cells each: the DuckDB path (src/sql/duckdb-ingest.ts)
 * counts the cells of each shape in SQL (`1,234.50` and `9,999.99` prove the same) and decides here.
 */
export function detectDecimalCounted(texts: Iterable<{ text: string; count: number }>): { decimal: DecimalSeparator | undefined; evidence: DecimalEvidence } {
  let point = 0;
  let comma = 0;
  let either = false;
  for (const { text, count } of texts) {
    const withPoint = readNumberText(text, CH_DOT);
    const withComma = readNumberText(text, CH_COMMA);
    if (withPoint === withPoint && withComma !== withComma) point += count;
    else if (withComma === withComma && withPoint !== withPoint) comma += count;
    else if (withPoint === withPoint && withPoint !== withComma) either = true;
  }
  const decimal = comma > point ? ',' : point > 0 ? '.' : undefined;
  return { decimal, evidence: point > 0 && comma > 0 ? 'conflict' : decimal ?? (either ? 'ambiguous' : 'none') };
}

function readNumberText(s: string, dec: number): number {
  let i = 0;
  let end = s.length;
  while (i < end && isSpaceCode(s.charCodeAt(i))) i++;
  while (end > i && isSpaceCode(s.charCodeAt(end - 1))) end--;
  if (i === end) return NaN;

  // Fast path: plain ASCII digits (the common "1234" or "12.5" typed as text).
  let plain = true;
  for (let k = i; k < end; k++) {
    const c = s.charCodeAt(k);
    if (!isDigit(c) && !(c === CH_DOT && dec === CH_DOT)) {
      plain = false;
      break;
    }
  }
  if (plain) return readPlain(s, i, end);

  // Prefix items, each at most once, in any order: '(' , sign, currency.
  let paren = false; // an opening parenthesis is waiting for its closing one
  let parenNegative = false;
  let sign = 0; // 0 none, 1 plus, -1 minus
  let currency = false;
  for (;;) {
    // A dash alone, with a currency or not (`$ -`, `- €`, `-`), is how Excel's accounting format shows
    // zero, and what a CSV saved from such a sheet holds.
    if (i >= end) return sign === -1 && !paren ? 0 : NaN;
    const c = s.charCodeAt(i);
    if (isDigit(c) || c === dec) break;
    if (c === CH_LPAREN) {
      if (paren || sign !== 0) return NaN;
      paren = true;
      parenNegative = true;
      i++;
    } else if (c === CH_MINUS || c === CH_UMINUS || c === CH_PLUS) {
      if (sign !== 0 || paren) return NaN;
      sign = c === CH_PLUS ? 1 : -1;
      i++;
    } else if (!currency) {
      const n = currencyAt(s, i, end);
      if (n === 0) return NaN;
      currency = true;
      i += n;
    } else {
      return NaN;
    }
    while (i < end && isSpaceCode(s.charCodeAt(i))) i++;
  }

  // Numeral: integer part with optional groups, fraction, exponent.
  const numStart = i;
  let groupSep = -1;
  let groupLen = 0;
  let intDigits = 0;
  let firstDigit = -1;
  // India's lakh grouping (`1,23,456.78`, `12,34,56,789`): after a first group of 1 or 2 digits, groups
  // of 2, then the last of 3; commas only. `lakh` once a group of 2 is seen, `thousands` once one of 3.
  let firstLen = 0;
  let lakh = false;
  let thousands = false;
  while (i < end) {
    const c = s.charCodeAt(i);
    if (isDigit(c)) {
      if (firstDigit < 0) firstDigit = c;
      groupLen++;
      intDigits++;
      i++;
      continue;
    }
    if (c === dec) break;
    const sepClass = isGroupSpace(c)
      ? SPACE_CLASS
      : c === CH_RSQUO
        ? CH_APOS
        : c === CH_APOS || (c === CH_COMMA && dec === CH_DOT) || (c === CH_DOT && dec === CH_COMMA)
          ? c
          : -1;
    if (sepClass < 0 || i + 1 >= end || !isDigit(s.charCodeAt(i + 1))) break;
    if (groupSep < 0) {
      // First group: 1 to 3 digits, no leading zero (`0,123` is a decimal typed in the wrong locale).
      if (groupLen < 1 || groupLen > 3 || firstDigit === CH_0) return NaN;
      groupSep = sepClass;
      firstLen = groupLen;
    } else if (sepClass !== groupSep) {
      return NaN;
    } else if (groupLen === 3 && !lakh) {
      thousands = true;
    } else if (groupLen === 2 && sepClass === CH_COMMA && !thousands && firstLen <= 2) {
      lakh = true;
    } else {
      return NaN;
    }
    groupLen = 0;
    i++;
  }
  if (groupSep >= 0 && groupLen !== 3) return NaN;
  let fracDigits = 0;
  if (i < end && s.charCodeAt(i) === dec) {
    i++;
    while (i < end && isDigit(s.charCodeAt(i))) {
      fracDigits++;
      i++;
    }
    if (fracDigits === 0) return NaN; // `5.` or `5,`: a half-typed number
  }
  if (intDigits + fracDigits === 0) return NaN;
  if (i < end) {
    const c = s.charCodeAt(i);
    if (c === CH_E || c === CH_e) {
      let j = i + 1;
      if (j < end && (s.charCodeAt(j) === CH_PLUS || s.charCodeAt(j) === CH_MINUS)) j++;
      if (j < end && isDigit(s.charCodeAt(j))) {
        while (j < end && isDigit(s.charCodeAt(j))) j++;
        i = j;
      }
      // otherwise `5EUR`: the E starts a currency code
    }
  }
  const numEnd = i;

  // Suffix items: currency (if none before), the closing parenthesis, and a trailing minus (`1.234,50-`,
  // as SAP and other ledgers export credits) when no sign or parenthesis came first.
  while (i < end && isSpaceCode(s.charCodeAt(i))) i++;
  while (i < end) {
    const c = s.charCodeAt(i);
    if (c === CH_RPAREN && paren) {
      paren = false;
      i++;
    } else if ((c === CH_MINUS || c === CH_UMINUS) && sign === 0 && !parenNegative) {
      sign = -1;
      i++;
    } else {
      const n = currency ? 0 : currencyAt(s, i, end);
      if (n === 0) return NaN;
      currency = true;
      i += n;
    }
    while (i < end && isSpaceCode(s.charCodeAt(i))) i++;
  }
  if (paren) return NaN;

  const v = groupSep < 0 && dec === CH_DOT ? Number(s.slice(numStart, numEnd)) : cleanNumber(s, numStart, numEnd, dec);
  if (v - v !== 0) return NaN; // overflow to Infinity
  return sign < 0 || parenNegative ? (v === 0 ? 0 : -v) : v;
}

/** `s[i..end)` holds only ASCII digits and dots: at most one dot, with digits after it. */
function readPlain(s: string, i: number, end: number): number {
  let dots = 0;
  for (let k = i; k < end; k++) if (s.charCodeAt(k) === CH_DOT) dots++;
  if (dots > 1) return NaN;
  if (dots === 1 && s.charCodeAt(end - 1) === CH_DOT) return NaN;
  if (end - i === 1 && dots === 1) return NaN;
  const v = Number(i === 0 && end === s.length ? s : s.slice(i, end));
  return v - v === 0 ? v : NaN;
}

/** Copy the numeral without group separators and with `.` as the decimal point. */
function cleanNumber(s: string, start: number, end: number, dec: number): number {
  let out = '';
  let run = start;
  for (let k = start; k < end; k++) {
    const c = s.charCodeAt(k);
    if (isDigit(c) || c === CH_E || c === CH_e || c === CH_PLUS || c === CH_MINUS) continue;
    out += s.slice(run, k);
    if (c === dec) out += '.';
    run = k + 1;
  }
  out += s.slice(run, end);
  return Number(out);
}

/** Null, undefined, or a string of whitespace only (nbsp included). */
export function isBlank(cell: Cell): boolean {
  if (cell === null || cell === undefined) return true;
  if (typeof cell !== 'string') return false;
  for (let k = 0; k < cell.length; k++) if (!isSpaceCode(cell.charCodeAt(k))) return false;
  return true;
}

/** Excel's error values as `range.values` hands them over. */
export const EXCEL_ERRORS: readonly string[] = [
  '#N/A',
  '#DIV/0!',
  '#VALUE!',
  '#REF!',
  '#NAME?',
  '#NUM!',
  '#NULL!',
  '#SPILL!',
  '#CALC!',
  '#GETTING_DATA',
  '#FIELD!',
  '#BLOCKED!',
  '#CONNECT!',
  '#BUSY!',
  '#UNKNOWN!',
  '#PYTHON!',
];
const EXCEL_ERROR_SET: ReadonlySet<string> = new Set(EXCEL_ERRORS);

/** The error code when the cell is an Excel error value (`#N/A`...), else undefined. Case-sensitive. */
export function excelError(cell: Cell): string | undefined {
  if (typeof cell !== 'string') return undefined;
  let i = 0;
  while (i < cell.length && isSpaceCode(cell.charCodeAt(i))) i++;
  if (cell.charCodeAt(i) !== 35 /* # */) return undefined;
  const code = i === 0 && !isSpaceCode(cell.charCodeAt(cell.length - 1)) ? cell : cell.trim();
  return EXCEL_ERROR_SET.has(code) ? code : undefined;
}
