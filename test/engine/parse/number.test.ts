import fc from 'fast-check';
import { detectDecimal, excelError, isBlank, readNumber } from '../../../src/engine/parse/number';

const NBSP = '\u00a0';
const NNBSP = '\u202f';

describe('readNumber: cells that are not text', () => {
  it('passes finite numbers through', () => {
    expect(readNumber(12.5, '.')).toBe(12.5);
    expect(readNumber(-3, ',')).toBe(-3);
    expect(readNumber(0, '.')).toBe(0);
  });
  it('gives NaN for NaN, infinities, booleans, null, undefined', () => {
    expect(readNumber(NaN, '.')).toBeNaN();
    expect(readNumber(Infinity, '.')).toBeNaN();
    expect(readNumber(-Infinity, ',')).toBeNaN();
    expect(readNumber(true, '.')).toBeNaN();
    expect(readNumber(false, '.')).toBeNaN();
    expect(readNumber(null, '.')).toBeNaN();
    expect(readNumber(undefined, '.')).toBeNaN();
  });
});

describe('readNumber: text with "." as decimal separator', () => {
  it.each<[string, number]>([
    ['42', 42],
    ['12.5', 12.5],
    ['  12.5  ', 12.5],
    ['.5', 0.5],
    ['007', 7],
    ['1,234.50', 1234.5],
    ['1,234,567.891', 1234567.891],
    ['1 234.50', 1234.5],
    [`1${NBSP}234.50`, 1234.5],
    [`1${NNBSP}234${NNBSP}567`, 1234567],
    ["1'234.50", 1234.5],
    ['1\u2019234.50', 1234.5],
    ['-5', -5],
    ['+5', 5],
    ['\u22125', -5],
    ['(12.00)', -12],
    ['( 1,234.50 )', -1234.5],
    ['$1,234.50', 1234.5],
    ['-$1,234.50', -1234.5],
    ['$-1,234.50', -1234.5],
    ['($1,234.50)', -1234.5],
    ['$(1,234.50)', -1234.5],
    ['(1,234.50 USD)', -1234.5],
    ['(1,234.50) USD', -1234.5],
    ['USD 12', 12],
    ['USD12', 12],
    ['12 USD', 12],
    ['12USD', 12],
    ['£ 3.20', 3.2],
    ['¥1,000', 1000],
    ['CHF 1\'234.50', 1234.5],
    ['US$ 99', 99],
    ['Fr. 12.50', 12.5],
    ['12.50 Fr.', 12.5],
    ['1.5E3', 1500],
    ['1.5e-3', 0.0015],
    ['2E+2', 200],
    ['1,234E3', 1234000],
    ['5EUR', 5],
    ['0', 0],
    ['(0)', 0],
    // A trailing minus, as SAP and other ledgers export credits (and Excel's text import reads them).
    ['5-', -5],
    ['5 -', -5],
    ['1,234.50-', -1234.5],
    ['$ 99-', -99],
    ['99 USD-', -99],
    // Zero as Excel's accounting format shows it (and a CSV saved from such a sheet holds it): a dash,
    // with the currency on either side or none.
    ['$ -   ', 0],
    [' $ - ', 0],
    ['-', 0],
    ['- €', 0],
    ['€ -', 0],
    ['−', 0],
    // India's lakh grouping, as Excel in en-IN and Tally exports write amounts: groups of 2 after the first.
    ['1,23,456.78', 123456.78],
    ['12,34,567', 1234567],
    ['12,34,56,789', 123456789],
    ['₹1,00,000', 100000],
    ['(1,23,456.00)', -123456],
  ])('%j -> %p', (text, expected) => {
    expect(readNumber(text, '.')).toBe(expected);
  });

  it.each([
    '',
    '   ',
    NBSP,
    'abc',
    '-5-',
    '(5)-',
    '5--',
    '5-3',
    '2017-03-05',
    '12%',
    '12 %',
    '1,23.5',
    '1,2345',
    // Lakh groups only as India writes them: 2-digit groups before the last 3, after a first of 1 or 2, with commas.
    '1,23,456,789',
    '123,45,678',
    '1,23,4567',
    "1'23'456",
    '1 23 456',
    '1234,567.5',
    '0,123',
    '1,234 567',
    '1.234.567',
    '1,5',
    '9,99',
    '5.',
    '.',
    '()',
    '(-)',
    '--',
    '+',
    '$',
    '(-5)',
    '-(5)',
    '(5',
    '5)',
    '--5',
    '+-5',
    '$$5',
    '$5 €',
    'EUR 5 USD',
    'ABC 5',
    'Infinity',
    'NaN',
    '0x1F',
    '1e999',
    '1.5E',
    '1 2 3',
    '#N/A',
    'true',
    '12 kg',
  ])('%j -> NaN', (text) => {
    expect(readNumber(text, '.')).toBeNaN();
  });
});

describe('readNumber: text with "," as decimal separator', () => {
  it.each<[string, number]>([
    ['9,99', 9.99],
    ['€ 9,99', 9.99],
    ['9,99 €', 9.99],
    ['9,99€', 9.99],
    ['-9,99 €', -9.99],
    ['1.234,50', 1234.5],
    ['1.234.567,5', 1234567.5],
    ['1 234,50 EUR', 1234.5],
    [`1${NBSP}234,50${NBSP}€`, 1234.5],
    [`1${NNBSP}234,50`, 1234.5],
    ["1'234,50", 1234.5],
    ['(12,00)', -12],
    ['1.234,50-', -1234.5], // SAP's credit
    ['1.234', 1234],
    ['12', 12],
    ['1,5E3', 1500],
    [',5', 0.5],
    ['12 zł', 12],
    ['12,50 kr', 12.5],
    ['12,50 kr.', 12.5],
    ['100 Kč', 100],
    ['CHF 12,50', 12.5],
  ])('%j -> %p', (text, expected) => {
    expect(readNumber(text, ',')).toBe(expected);
  });

  it.each(['1,234.50', '12.5', '1.23', '1.23,5', '0.5', '9,', '1,2,3', '12,5%', '1.234.56'])(
    '%j -> NaN',
    (text) => {
      expect(readNumber(text, ',')).toBeNaN();
    },
  );
});

describe('readNumber: properties', () => {
  /** Formats like a spreadsheet would: digit groups, the locale's decimal mark, optional decorations. */
  function format(n: number, decimal: '.' | ',', group: string, style: number): string {
    const plain = Math.abs(n).toString(); // may use an exponent (1e+21, 1e-7)
    const [mantissa, exponent] = plain.split('e');
    const [int, frac] = mantissa.split('.');
    let grouped = '';
    for (let i = 0; i < int.length; i++) {
      if (i > 0 && (int.length - i) % 3 === 0) grouped += group;
      grouped += int[i];
    }
    let body = grouped + (frac !== undefined ? decimal + frac : '') + (exponent !== undefined ? 'E' + exponent : '');
    const negative = n < 0;
    switch (style) {
      case 0:
        return (negative ? '-' : '') + body;
      case 1:
        return negative ? `(${body})` : body;
      case 2:
        body = `€ ${body}`;
        return negative ? `-${body}` : body;
      default:
        return (negative ? '-' : '') + body + ' EUR';
    }
  }

  const groupsFor = { '.': [',', ' ', NBSP, NNBSP, "'"], ',': ['.', ' ', NBSP, NNBSP, "'"] } as const;

  it('reads back any finite number formatted with thousands separators, in either locale', () => {
    fc.assert(
      fc.property(
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.constantFrom<'.' | ','>('.', ','),
        fc.nat(4),
        fc.nat(3),
        (n, decimal, g, style) => {
          const text = format(n, decimal, groupsFor[decimal][g], style);
          const back = readNumber(text, decimal);
          if (n === 0) return back === 0;
          return Math.abs(back - n) <= 1e-9 * Math.abs(n);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('reads integers exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e15, max: 1e15 }), fc.constantFrom<'.' | ','>('.', ','), (n, decimal) => {
        const text = format(n, decimal, decimal === '.' ? ',' : '.', 0);
        return readNumber(text, decimal) === n && readNumber(String(n), decimal) === n;
      }),
    );
  });

  it('never reads text with a percent sign; reads a trailing minus as the negative number', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), fc.constantFrom<'.' | ','>('.', ','), (n, decimal) => {
        return Number.isNaN(readNumber(`${n}%`, decimal)) && readNumber(`${n}-`, decimal) === (n === 0 ? 0 : -n) && readNumber(`${n} -`, decimal) === readNumber(`-${n}`, decimal);
      }),
    );
  });

  it('never throws and returns a finite number or NaN for any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 20 }), fc.constantFrom<'.' | ','>('.', ','), (s, d) => {
        const v = readNumber(s, d);
        return Number.isNaN(v) || Number.isFinite(v);
      }),
    );
  });
});

describe('detectDecimal', () => {
  it('takes evidence from text that reads one way only', () => {
    expect(detectDecimal(['12,50', 7])).toEqual({ decimal: ',', evidence: ',' });
    expect(detectDecimal(['1.234,50'])).toEqual({ decimal: ',', evidence: ',' });
    expect(detectDecimal(['0,123'])).toEqual({ decimal: ',', evidence: ',' }); // no thousands group starts with 0
    expect(detectDecimal(['€ 9,99'])).toEqual({ decimal: ',', evidence: ',' });
    expect(detectDecimal(['1,234.50', '1,000'])).toEqual({ decimal: '.', evidence: '.' });
    expect(detectDecimal(['(12.5)'])).toEqual({ decimal: '.', evidence: '.' });
  });
  it('says when the text cannot tell, says nothing, or disagrees', () => {
    expect(detectDecimal(['1,234', '1.234'])).toEqual({ decimal: undefined, evidence: 'ambiguous' });
    expect(detectDecimal(['1234', 12, '#N/A', 'n/a', '', true])).toEqual({ decimal: undefined, evidence: 'none' });
    // Both proven: the separator more cells prove, a point on a tie.
    expect(detectDecimal(['12.50', '1,234', '12,50'])).toEqual({ decimal: '.', evidence: 'conflict' });
    expect(detectDecimal(['12,50', '3,10', '1.234,50', '7.25'])).toEqual({ decimal: ',', evidence: 'conflict' });
    expect(detectDecimal(['12,50', '7.25', '0.5'])).toEqual({ decimal: '.', evidence: 'conflict' });
  });
  it('finds the separator of any amount with cents as en-US and de-DE write it, and reading with it gives the amount back', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e11, max: 1e11 }), fc.constantFrom('en-US', 'de-DE'), (cents, locale) => {
        const text = (cents / 100).toLocaleString(locale, { minimumFractionDigits: 2, useGrouping: true });
        const { decimal } = detectDecimal([text]);
        expect(decimal).toBe(locale === 'en-US' ? '.' : ',');
        expect(readNumber(text, decimal!)).toBe(cents / 100);
      }),
    );
  });
});

describe('isBlank', () => {
  it.each<[unknown, boolean]>([
    [null, true],
    [undefined, true],
    ['', true],
    ['   ', true],
    [`\t${NBSP}\n`, true],
    ['x', false],
    [' 0 ', false],
    [0, false],
    [false, false],
  ])('%j -> %p', (cell, expected) => {
    expect(isBlank(cell as never)).toBe(expected);
  });
});

describe('excelError', () => {
  it.each([
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
  ])('recognizes %s', (code) => {
    expect(excelError(code)).toBe(code);
    expect(excelError(`  ${code} `)).toBe(code);
  });

  it.each<unknown>(['#n/a', '#N/A!', 'N/A', '#', '#REF', '', null, undefined, 42, true, '# N/A', 'x #N/A'])(
    '%j is not an error value',
    (cell) => {
      expect(excelError(cell as never)).toBeUndefined();
    },
  );

  it('makes readNumber return NaN', () => {
    expect(readNumber('#DIV/0!', '.')).toBeNaN();
  });
});
