// The workbook's own way of showing money, read from the number format of the sales column (pure).
// Excel hands formats over as en-US codes (`"$"#,##0.00`, `[$€-407] #,##0.00`, `#,##0.00 [$EUR]`,
// `_-* #,##0.00 "€"_-`); Tierwise writes its money columns in the same code, and the pane shows the
// currency the code names through Intl.NumberFormat, laid out as the user's locale writes money.
import type { Cell } from './types';

/** Data rows whose formats are looked at: the first rows tell a column's format; a million need not be read. */
export const FORMAT_SAMPLE_ROWS = 200;

type Token =
  | { kind: 'quoted'; text: string } // "€", "kr"
  | { kind: 'escaped'; text: string } // \€, \  (one character shown as it is)
  | { kind: 'bracket'; text: string } // [$€-407], [Red], [>=100], [$-409]
  | { kind: 'spacing'; text: string } // _) (a space as wide as a character), *  (repeat to fill the cell)
  | { kind: 'char'; text: string };

/** A format code as Excel reads it: quoted text, escapes, brackets and spacing apart from the rest. */
function tokens(code: string): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < code.length; i++) {
    const ch = code[i];
    if (ch === '"') {
      const end = code.indexOf('"', i + 1);
      const stop = end < 0 ? code.length : end;
      out.push({ kind: 'quoted', text: code.slice(i + 1, stop) });
      i = stop;
    } else if (ch === '\\' && i + 1 < code.length) {
      out.push({ kind: 'escaped', text: code[++i] });
    } else if (ch === '[') {
      const end = code.indexOf(']', i + 1);
      const stop = end < 0 ? code.length : end;
      out.push({ kind: 'bracket', text: code.slice(i + 1, stop) });
      i = stop;
    } else if ((ch === '_' || ch === '*') && i + 1 < code.length) {
      out.push({ kind: 'spacing', text: ch + code[++i] });
    } else {
      out.push({ kind: 'char', text: ch });
    }
  }
  return out;
}

/** Sections split at `;` (positive; negative; zero; text), a quoted or escaped `;` staying inside. */
function sections(code: string): Token[][] {
  const out: Token[][] = [[]];
  for (const t of tokens(code)) {
    if (t.kind === 'char' && t.text === ';') out.push([]);
    else out[out.length - 1].push(t);
  }
  return out;
}

const DIGIT = /[0#?]/;

/** What the first section (positive numbers) of a code says: digits after the point, grouping, what else shows. */
function shape(section: readonly Token[]): { decimals: number; grouped: boolean; digits: boolean; percent: boolean; scientific: boolean; dateOrText: boolean } {
  let decimals = 0;
  let grouped = false;
  let digits = false;
  let percent = false;
  let scientific = false;
  let dateOrText = false;
  let afterPoint = false;
  section.forEach((t, i) => {
    if (t.kind !== 'char') return;
    const ch = t.text;
    if (DIGIT.test(ch)) {
      digits = true;
      if (afterPoint) decimals++;
    } else if (ch === '.') {
      afterPoint = true;
    } else if (ch === ',') {
      // A comma between digit placeholders groups thousands; one after them scales by 1,000.
      const before = section.slice(0, i).some((n) => n.kind === 'char' && DIGIT.test(n.text));
      const next = section[i + 1];
      if (before && !afterPoint && next?.kind === 'char' && DIGIT.test(next.text)) grouped = true;
    } else if (ch === '%') percent = true;
    else if (ch === 'E' || ch === 'e') scientific = true;
    else if (/[dmyhsDMYHS@]/.test(ch)) dateOrText = true;
  });
  return { decimals, grouped, digits, percent, scientific, dateOrText };
}

/** The currency a bracket `[$€-407]`, `[$EUR]` or `[$$-C09]` names: its text and the Windows locale id (LCID, hex). */
function bracketCurrency(text: string): { symbol: string; lcid?: string } | undefined {
  if (!text.startsWith('$')) return undefined;
  const body = text.slice(1);
  const dash = body.lastIndexOf('-');
  const symbol = (dash >= 0 ? body.slice(0, dash) : body).trim();
  const lcid = dash >= 0 ? body.slice(dash + 1).trim().toUpperCase() : undefined;
  // `[$-409]` and `[$-F800]` only tag a locale (dates, system formats): no symbol.
  return symbol ? { symbol, lcid } : undefined;
}

/** Characters that are money wherever they stand unquoted in a code (`$#,##0.00`, `#,##0.00 €`). */
const BARE_SYMBOLS = /[$€£¥₹₩₽₺₪₫฿₱₴₦]/;

/** The currency text of a section: from a `[$…]`, a quoted text or an escaped or bare currency sign. */
function currencyText(section: readonly Token[]): { symbol: string; lcid?: string } | undefined {
  for (const t of section) {
    if (t.kind === 'bracket') {
      const c = bracketCurrency(t.text);
      if (c) return c;
    }
  }
  for (const t of section) {
    if (t.kind === 'quoted' && t.text.trim() && !/^[\s\-()+0-9.,]*$/.test(t.text)) return { symbol: t.text.trim() };
  }
  const signs = section.filter((t) => (t.kind === 'escaped' || t.kind === 'char') && BARE_SYMBOLS.test(t.text)).map((t) => t.text);
  if (signs.length > 0) return { symbol: signs.join('') };
  // `\k\r` or `\K\č`: a currency spelled out one escaped letter at a time.
  const escaped = section.filter((t) => t.kind === 'escaped' && /\p{L}/u.test(t.text)).map((t) => t.text).join('');
  return escaped ? { symbol: escaped } : undefined;
}

/** Windows locale ids (hex, as Excel writes them in `[$$-C09]`) whose currency a shared sign does not tell. */
const LCID_CURRENCY: Record<string, string> = {
  '409': 'USD', '1009': 'CAD', C09: 'AUD', '1409': 'NZD', '4809': 'SGD', '80A': 'MXN', '2C0A': 'ARS', '340A': 'CLP', '240A': 'COP', C04: 'HKD', '1C09': 'ZAR',
  '411': 'JPY', '804': 'CNY', '41D': 'SEK', '414': 'NOK', '814': 'NOK', '406': 'DKK', '40F': 'ISK', '809': 'GBP', '4009': 'INR', '439': 'INR', '416': 'BRL', '404': 'TWD',
};

/** Currency signs and abbreviations as Excel's currency formats write them -> ISO 4217. */
const SYMBOL_CURRENCY: Record<string, string> = {
  $: 'USD', US$: 'USD', '€': 'EUR', '£': 'GBP', '¥': 'JPY', '￥': 'JPY', '₹': 'INR', Rs: 'INR', 'Rs.': 'INR', '₩': 'KRW', '₽': 'RUB', руб: 'RUB', 'руб.': 'RUB', 'р.': 'RUB',
  '₺': 'TRY', TL: 'TRY', '₪': 'ILS', '₫': 'VND', '฿': 'THB', '₱': 'PHP', '₴': 'UAH', '₦': 'NGN', kr: 'SEK', 'kr.': 'DKK', CHF: 'CHF', 'Fr.': 'CHF', 'SFr.': 'CHF',
  zł: 'PLN', Kč: 'CZK', Ft: 'HUF', lei: 'RON', лв: 'BGN', 'лв.': 'BGN', R: 'ZAR', R$: 'BRL', RM: 'MYR', Rp: 'IDR', 'S/': 'PEN', 'S/.': 'PEN', NT$: 'TWD', HK$: 'HKD',
  A$: 'AUD', AU$: 'AUD', C$: 'CAD', CA$: 'CAD', NZ$: 'NZD', S$: 'SGD', 'Mex$': 'MXN', 'kn': 'HRK', 'din.': 'RSD', 'Lt': 'LTL',
};

/** The sign of a currency that several share: the locale id decides (`[$$-C09]` is Australian). */
const SHARED = new Set(['$', '¥', 'kr', 'kr.', 'R']);

export interface MoneyDisplay {
  /** ISO 4217 code; absent when the format shows no currency (a grouped number) or one not recognised. */
  currency?: string;
  /** `symbol`: the code was written as a sign (`€`, `$`); `code`: as an ISO code (`EUR`). */
  display: 'symbol' | 'code';
  /** Digits after the decimal point in the format (0 for `"$"#,##0`). */
  decimals: number;
}

/** The currency a format code names, when it names one Intl knows. */
function currencyOf(section: readonly Token[]): { currency?: string; display: MoneyDisplay['display'] } {
  const c = currencyText(section);
  if (!c) return { display: 'symbol' };
  if (/^[A-Z]{3}$/.test(c.symbol)) return { currency: c.symbol, display: 'code' };
  const byLcid = c.lcid && SHARED.has(c.symbol) ? LCID_CURRENCY[c.lcid.replace(/^0+/, '')] : undefined;
  const currency = byLcid ?? SYMBOL_CURRENCY[c.symbol] ?? SYMBOL_CURRENCY[c.symbol.replace(/\.$/, '')];
  return { currency, display: 'symbol' };
}

/**
 * Whether a format code shows money: a currency (a sign, an ISO code, an accounting layout) or a
 * number grouped in thousands. General, plain decimals, percentages, dates and text are not.
 */
export function isMoneyFormat(code: string | undefined): boolean {
  if (!code || /^general$/i.test(code.trim())) return false;
  const first = sections(code)[0];
  const s = shape(first);
  if (!s.digits || s.percent || s.scientific || s.dateOrText) return false;
  // A text beside the digits is money only when it names a currency (`0 "pcs"` is a count).
  return s.grouped || currencyOf(first).currency !== undefined || first.some((t) => t.kind === 'bracket' && bracketCurrency(t.text) !== undefined);
}

/** Whether a format code shows its numbers as percentages (`0%`, `0.0 %`; not a quoted or escaped `%`). */
export function isPercentFormat(code: string | undefined): boolean {
  return code !== undefined && shape(sections(code)[0]).percent;
}

/** How the pane shows amounts of a money format: its currency and decimals; undefined when it is no money format. */
export function moneyDisplay(code: string | undefined): MoneyDisplay | undefined {
  if (!code || !isMoneyFormat(code)) return undefined;
  const first = sections(code)[0];
  return { ...currencyOf(first), decimals: shape(first).decimals };
}

/**
 * Characters a format adds to a positive number beside its digits: the currency sign or code, its
 * spaces, an accounting layout's padding (`_(` is a space as wide as `(`). Column widths count them.
 */
export function literalLength(code: string): number {
  let n = 0;
  for (const t of sections(code)[0]) {
    if (t.kind === 'quoted' || t.kind === 'escaped') n += t.text.length;
    else if (t.kind === 'bracket') n += bracketCurrency(t.text)?.symbol.length ?? 0;
    else if (t.kind === 'spacing') n += 1;
    else if (t.text === ' ' || BARE_SYMBOLS.test(t.text)) n += 1;
  }
  return n;
}

/** The code with no more than two decimals in any section (`#,##0.000 €` -> `#,##0.00 €`): amounts to the cent. */
export function atMostCents(code: string): string {
  let out = '';
  let afterPoint = 0;
  for (let i = 0; i < code.length; i++) {
    const ch = code[i];
    if (ch === '"') {
      const end = code.indexOf('"', i + 1);
      const stop = end < 0 ? code.length - 1 : end;
      out += code.slice(i, stop + 1);
      i = stop;
      afterPoint = 0;
      continue;
    }
    if (ch === '[') {
      const end = code.indexOf(']', i + 1);
      const stop = end < 0 ? code.length - 1 : end;
      out += code.slice(i, stop + 1);
      i = stop;
      continue;
    }
    if ((ch === '\\' || ch === '_' || ch === '*') && i + 1 < code.length) {
      out += ch + code[++i];
      afterPoint = 0;
      continue;
    }
    if (ch === '.') afterPoint = 1;
    else if (afterPoint > 0 && DIGIT.test(ch)) {
      if (afterPoint++ > 2) continue;
    } else afterPoint = 0;
    out += ch;
  }
  return out;
}

/** The format most of a column's number cells show; undefined when none of them says. Ties: the first seen. */
export function mostCommonFormat(formats: Iterable<string | undefined>): string | undefined {
  const counts = new Map<string, number>();
  for (const f of formats) if (f !== undefined && f !== '') counts.set(f, (counts.get(f) ?? 0) + 1);
  let best: string | undefined;
  let bestCount = 0;
  // A Map keeps the order of first sight: on a tie the earlier format stays.
  for (const [f, n] of counts) {
    if (n > bestCount) {
      best = f;
      bestCount = n;
    }
  }
  return best;
}

/**
 * Per column of a source, the format most of its first number cells show (`formatAt(row, column)`:
 * the format of the data cell, 0-based in `rows`). Text and empty cells do not count: their format
 * says nothing of the numbers.
 */
export function columnFormats(rows: readonly (readonly Cell[])[], columns: number, formatAt: (row: number, column: number) => string | undefined): (string | undefined)[] {
  const n = Math.min(rows.length, FORMAT_SAMPLE_ROWS);
  return Array.from({ length: columns }, (_, c) => {
    const seen: (string | undefined)[] = [];
    for (let r = 0; r < n; r++) if (typeof rows[r][c] === 'number') seen.push(formatAt(r, c));
    return mostCommonFormat(seen);
  });
}

/** The sales column's format when it shows money (a currency or grouped thousands); undefined otherwise. */
export function moneyFormatOf(formats: readonly (string | undefined)[] | undefined, column: number | undefined): string | undefined {
  const code = column === undefined ? undefined : formats?.[column];
  return code !== undefined && isMoneyFormat(code) ? code : undefined;
}

/**
 * Amounts as the pane shows them in the user's `locale`: in the format's currency when Intl knows it
 * (the sign or the ISO code, as the workbook writes it), else grouped without a sign. `decimals`
 * overrides the format's own (the pane's table shows whole units).
 */
export function moneyNumberFormat(locale: string | undefined, code: string | undefined, decimals?: number): Intl.NumberFormat {
  const m = moneyDisplay(code);
  const digits = Math.min(2, decimals ?? m?.decimals ?? 2);
  const plain = { minimumFractionDigits: digits, maximumFractionDigits: digits };
  if (m?.currency) {
    try {
      return new Intl.NumberFormat(locale, { ...plain, style: 'currency', currency: m.currency, currencyDisplay: m.display === 'code' ? 'code' : 'narrowSymbol' });
    } catch {
      // A code Intl refuses: the number alone.
    }
  }
  return new Intl.NumberFormat(locale, plain);
}
