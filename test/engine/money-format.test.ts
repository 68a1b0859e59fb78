// The sales column's number format, as Excel writes it, read as money: which codes are money, which
// currency each names, and what the pane shows for it in English, German and French.
import { atMostCents, columnFormats, isMoneyFormat, moneyDisplay, moneyFormatOf, moneyNumberFormat, mostCommonFormat } from '../../src/engine/money-format';

// Codes as Excel stores them (en-US codes, as office.js's Range.numberFormat and the .xlsx styles part
// give them), each from Format Cells > Currency or Accounting in the Excel of that language, or typed
// as a custom format; the currency each names.
const CURRENCY_CODES: [code: string, currency: string, display: 'symbol' | 'code', decimals: number][] = [
  ['"$"#,##0.00', 'USD', 'symbol', 2], // en-US Currency
  ['"$"#,##0.00_);[Red]\\("$"#,##0.00\\)', 'USD', 'symbol', 2], // en-US Currency, negatives red in parentheses
  ['"$"#,##0_);\\("$"#,##0\\)', 'USD', 'symbol', 0], // built-in 5
  ['$#,##0.00', 'USD', 'symbol', 2], // typed, the $ unquoted
  ['_("$"* #,##0.00_);_("$"* \\(#,##0.00\\);_("$"* "-"??_);_(@_)', 'USD', 'symbol', 2], // en-US Accounting (built-in 44)
  ['[$$-409]#,##0.00', 'USD', 'symbol', 2], // "$ English (United States)"
  ['[$$-C09]#,##0.00', 'AUD', 'symbol', 2], // "$ English (Australia)"
  ['[$$-1009]#,##0.00', 'CAD', 'symbol', 2], // "$ English (Canada)"
  ['#,##0.00\\ "€"', 'EUR', 'symbol', 2], // de-DE and fr-FR Currency
  ['#,##0.00 "€"', 'EUR', 'symbol', 2],
  ['#,##0.00\\ [$€-407]', 'EUR', 'symbol', 2], // "€ German (Germany)"
  ['[$€-407] #,##0.00', 'EUR', 'symbol', 2],
  ['[$€-2] #,##0.00', 'EUR', 'symbol', 2], // "€ Euro (€ 123)"
  ['#,##0.00 [$€-40C];-#,##0.00 [$€-40C]', 'EUR', 'symbol', 2], // fr-FR
  ['_-* #,##0.00\\ "€"_-;\\-* #,##0.00\\ "€"_-;_-* "-"??\\ "€"_-;_-@_-', 'EUR', 'symbol', 2], // de-DE Accounting
  ['_-* #,##0.00 "€"_-', 'EUR', 'symbol', 2],
  ['"£"#,##0.00', 'GBP', 'symbol', 2], // en-GB Currency
  ['_-"£"* #,##0.00_-;\\-"£"* #,##0.00_-;_-"£"* "-"??_-;_-@_-', 'GBP', 'symbol', 2], // en-GB Accounting
  ['[$£-809]#,##0.00', 'GBP', 'symbol', 2],
  ['"¥"#,##0;[Red]"¥"\\-#,##0', 'JPY', 'symbol', 0], // ja-JP Currency
  ['[$¥-804]#,##0.00', 'CNY', 'symbol', 2], // "¥ Chinese (PRC)"
  ['#,##0.00\\ "kr"', 'SEK', 'symbol', 2], // sv-SE
  ['#,##0.00\\ [$kr-414]', 'NOK', 'symbol', 2], // "kr Norwegian"
  ['"kr."\\ #,##0.00', 'DKK', 'symbol', 2], // da-DK
  ['"CHF" #,##0.00', 'CHF', 'code', 2], // de-CH
  ['[$CHF-807] #,##0.00', 'CHF', 'code', 2],
  ['#,##0.00\\ "zł"', 'PLN', 'symbol', 2], // pl-PL
  ['#,##0.00\\ "Kč"', 'CZK', 'symbol', 2], // cs-CZ
  ['[$₹-4009] #,##0.00', 'INR', 'symbol', 2], // en-IN
  ['"R$" #,##0.00', 'BRL', 'symbol', 2], // pt-BR
  ['#,##0.00 [$EUR]', 'EUR', 'code', 2], // ISO code after
  ['[$USD] #,##0.00', 'USD', 'code', 2], // ISO code before
  ['#,##0.000 [$EUR]', 'EUR', 'code', 3],
];

const GROUPED_CODES = ['#,##0', '#,##0.00', '#,##0.00_);(#,##0.00)', '#,##0;[Red]-#,##0', '_(* #,##0.00_);_(* \\(#,##0.00\\);_(* "-"??_);_(@_)', '#,##0 "units"'];
const NOT_MONEY = ['General', 'general', '0', '0.00', '0%', '0.00%', '0.00E+00', 'yyyy-mm-dd', 'm/d/yyyy', '[$-409]mmmm d, yyyy;@', '@', '0 "pcs"', '# ?/?', ''];

describe('isMoneyFormat and moneyDisplay', () => {
  it.each(CURRENCY_CODES)('%s names %s', (code, currency, display, decimals) => {
    expect(isMoneyFormat(code)).toBe(true);
    expect(moneyDisplay(code)).toEqual({ currency, display, decimals });
  });

  it.each(GROUPED_CODES)('%s is a grouped number: money without a currency', (code) => {
    expect(isMoneyFormat(code)).toBe(true);
    expect(moneyDisplay(code)?.currency).toBeUndefined();
  });

  it.each(NOT_MONEY)('"%s" is no money format', (code) => {
    expect(isMoneyFormat(code)).toBe(false);
    expect(moneyDisplay(code)).toBeUndefined();
  });

  it('a sign it does not know keeps the code money, without a currency', () => {
    expect(moneyDisplay('[$Gs-3C0A] #,##0')).toEqual({ currency: undefined, display: 'symbol', decimals: 0 });
  });
});

describe('moneyNumberFormat', () => {
  // Worked out from CLDR's patterns: the sign where the locale puts it, its grouping and decimal separator.
  const nbsp = '\u00a0';
  const narrow = '\u202f';
  it.each([
    ['en-US', '[$€-407] #,##0.00', '€1,234.50'],
    ['de-DE', '[$€-407] #,##0.00', `1.234,50${nbsp}€`],
    ['fr-FR', '#,##0.00\\ "€"', `1${narrow}234,50${nbsp}€`],
    ['en-US', '"$"#,##0.00', '$1,234.50'],
    ['de-DE', '"$"#,##0.00', `1.234,50${nbsp}$`],
    ['fr-FR', '_("$"* #,##0.00_);_("$"* \\(#,##0.00\\);_("$"* "-"??_);_(@_)', `1${narrow}234,50${nbsp}$`],
    ['en-US', '#,##0.00 [$EUR]', `EUR${nbsp}1,234.50`],
    ['de-DE', '#,##0.00 [$EUR]', `1.234,50${nbsp}EUR`],
    ['en-US', '"£"#,##0.00', '£1,234.50'],
    ['en-US', '"¥"#,##0;[Red]"¥"\\-#,##0', '¥1,235'],
    ['de-DE', '"¥"#,##0;[Red]"¥"\\-#,##0', `1.235${nbsp}¥`],
    ['en-US', '#,##0.00', '1,234.50'],
    ['fr-FR', '#,##0.00', `1${narrow}234,50`],
    ['de-DE', '[$Gs-3C0A] #,##0', '1.235'],
    ['en-US', undefined, '1,234.50'],
  ])('%s, %s: 1234.5 is %s', (locale, code, shown) => {
    expect(moneyNumberFormat(locale, code).format(1234.5)).toBe(shown);
  });

  it('whole units when asked (the preview table), never more than cents', () => {
    expect(moneyNumberFormat('en-US', '"$"#,##0.00', 0).format(1234.5)).toBe('$1,235');
    expect(moneyNumberFormat('de-DE', '#,##0.0000\\ "€"').format(1.23456)).toBe(`1,23${nbsp}€`);
  });
});

describe('atMostCents', () => {
  it.each([
    ['#,##0.000 "€"', '#,##0.00 "€"'],
    ['"$"#,##0.0000_);[Red]\\("$"#,##0.0000\\)', '"$"#,##0.00_);[Red]\\("$"#,##0.00\\)'],
    ['_-* #,##0.000\\ "€"_-;\\-* #,##0.000\\ "€"_-;_-* "-"???\\ "€"_-;_-@_-', '_-* #,##0.00\\ "€"_-;\\-* #,##0.00\\ "€"_-;_-* "-"???\\ "€"_-;_-@_-'],
    ['"$"#,##0.00', '"$"#,##0.00'],
    ['#,##0', '#,##0'],
    ['[$€-407] #,##0.0', '[$€-407] #,##0.0'],
    ['#,##0.000 "0.000"', '#,##0.00 "0.000"'],
  ])('%s -> %s', (code, capped) => {
    expect(atMostCents(code)).toBe(capped);
  });
});

describe('the format of a column', () => {
  it('is the one most number cells show, text and empty cells not counted', () => {
    const rows = [
      ['C1', 10, 'x'],
      ['C2', 20, 'y'],
      ['C3', 'n/a', 3],
      ['C4', 40, ''],
    ];
    const formats: Record<string, string> = { '0,1': '"$"#,##0.00', '1,1': '"$"#,##0.00', '2,1': 'General', '3,1': 'General', '0,2': '@', '2,2': '0.00' };
    // Column 1: three numbers, $ twice and General once; column 2: one number, 0.00; column 0: none.
    expect(columnFormats(rows, 3, (r, c) => formats[`${r},${c}`])).toEqual([undefined, '"$"#,##0.00', '0.00']);
  });

  it('ties go to the first seen', () => {
    expect(mostCommonFormat(['#,##0', '"$"#,##0.00', '"$"#,##0.00', '#,##0'])).toBe('#,##0');
    expect(mostCommonFormat([undefined, ''])).toBeUndefined();
  });

  it('the sales column counts only when its format is money', () => {
    expect(moneyFormatOf(['@', '"$"#,##0.00', 'General'], 1)).toBe('"$"#,##0.00');
    expect(moneyFormatOf(['@', '"$"#,##0.00', 'General'], 2)).toBeUndefined();
    expect(moneyFormatOf(undefined, 1)).toBeUndefined();
    expect(moneyFormatOf(['#,##0'], undefined)).toBeUndefined();
  });
});
