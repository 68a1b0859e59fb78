// The CSV answer in the input's own dialect: a European file (semicolons, decimal commas) is answered
// the same way, so Excel in that locale opens it in columns, with numbers.
import fc from 'fast-check';
import { dialectOf, outputNumberText, PLAIN_CSV, roundForOutput, toCsv, tiersJson } from '../../src/cli/csv';

describe('dialectOf', () => {
  it('keeps the input separator and the decimal separator the run proved or was told', () => {
    expect(dialectOf(',', { decimal: '.', decimalProven: true })).toEqual({ delimiter: ',', decimal: '.' });
    expect(dialectOf(';', { decimal: ',', decimalProven: true })).toEqual({ delimiter: ';', decimal: ',' });
    expect(dialectOf('\t', { decimal: ',', decimalProven: true })).toEqual({ delimiter: '\t', decimal: ',' });
    expect(dialectOf(';', { decimal: '.', decimalProven: true })).toEqual({ delimiter: ';', decimal: '.' });
  });
  it('a comma file with decimal commas is answered with semicolons; a semicolon file that proved nothing, with decimal commas', () => {
    expect(dialectOf(',', { decimal: ',', decimalProven: true })).toEqual({ delimiter: ';', decimal: ',' });
    expect(dialectOf(';', { decimal: '.', decimalProven: false })).toEqual({ delimiter: ';', decimal: ',' });
    expect(dialectOf(',', { decimal: '.', decimalProven: false })).toEqual({ delimiter: ',', decimal: '.' });
  });
  it('a workbook has no dialect: RFC 4180', () => {
    expect(dialectOf(undefined, { decimal: ',', decimalProven: true })).toBe(PLAIN_CSV);
  });
});

describe('toCsv', () => {
  const cols = [
    { header: 'Customer', values: ['K1', 'Müller; Söhne', '=1+1'] },
    { header: 'Sales', values: [1234.5, 0.35, -12] },
  ];
  it('writes RFC 4180 by default: commas, points, quotes where needed, formulas escaped', () => {
    expect(toCsv(cols)).toBe("Customer,Sales\r\nK1,1234.5\r\nMüller; Söhne,0.35\r\n'=1+1,-12\r\n");
  });
  it('writes the European dialect: semicolons, decimal commas, a field holding a semicolon quoted', () => {
    expect(toCsv(cols, { delimiter: ';', decimal: ',' })).toBe('Customer;Sales\r\nK1;1234,5\r\n"Müller; Söhne";0,35\r\n\'=1+1;-12\r\n');
  });
});

describe('outputNumberText', () => {
  const reference = (v: number) => String(roundForOutput(v));
  it('writes what String(roundForOutput(v)) writes, worked cases at the edges', () => {
    // A millionth and less, halves of a millionth both ways, negative zero, the fast path's limit (2^33) and past it.
    const cases = [0, -0, 1e-6, 4e-7, 5e-7, -5e-7, -4e-7, 1.5e-6, 0.1 + 0.2, 1234.56, -1234.5678905, 1e6, 123456789.123456, 2 ** 33 - 1e-6, 2 ** 33, 2 ** 33 + 0.5, 1e15 + 0.3, 1e21, -1e21, 5e-324];
    for (const v of cases) expect([v, outputNumberText(v)]).toEqual([v, reference(v)]);
    expect(outputNumberText(0.000001)).toBe('0.000001');
    // -1234567890.5 millionths: Math.round takes a half up, towards +infinity.
    expect(outputNumberText(-1234.5678905)).toBe('-1234.56789');
  });
  it('writes what String(roundForOutput(v)) writes, on random doubles of every size and on money', () => {
    const money = fc.integer({ min: -1e12, max: 1e12 }).map((cents) => cents / 100);
    const millionths = fc.integer({ min: -(2 ** 52), max: 2 ** 52 }).map((m) => m / 1e6);
    fc.assert(
      fc.property(fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.double({ min: -1e10, max: 1e10, noNaN: true }), money, millionths), (v) => {
        expect(outputNumberText(v)).toBe(reference(v));
      }),
      { numRuns: 20000 },
    );
  });
});

describe('field quoting', () => {
  it('quotes text with a space at either end as trim() sees one, the delimiter, a quote or a line break; nothing else', () => {
    const texts = [' a', 'a ', '\u00a0a', 'a\ufeff', 'a\u2028', 'a b', 'a,b', 'a;b', 'a"b', 'a\rb', 'a\nb', 'a\tb', '\ta', 'a|b', 'a^b', 'a]b', 'a-b', 'a\\b', 'plain', ''];
    for (const delimiter of [',', ';', '\t', '|', '^', ']', '-', '\\']) {
      const written = toCsv([{ header: 'h', values: texts }], { delimiter, decimal: '.' })
        .split('\r\n')
        .slice(1, -1);
      const expected = texts.map((t) => {
        const s = /^[=+\-@\t\r]/.test(t) ? `'${t}` : t;
        return /["\r\n]/.test(s) || s.includes(delimiter) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
      });
      // A line break inside a quoted field splits the written line: compare the joined text.
      expect(written.join('\r\n')).toBe(expected.join('\r\n'));
    }
  });
});

describe('tiersJson', () => {
  it('writes numbers to the millionth, as the CSV does; a number that is not finite is null', () => {
    // By hand: 1,148.78 summed as doubles is 1148.7800000000002; 0.1 + 0.2 is 0.30000000000000004.
    const json = tiersJson([
      { header: 'Customer', values: ['C1', 'C2', 'C3'] },
      { header: 'Sales', values: [1148.7800000000002, 0.1 + 0.2, Infinity] },
      { header: 'Share', values: [0.1234567, null, 1] },
    ]);
    expect(JSON.parse(json)).toEqual([
      { Customer: 'C1', Sales: 1148.78, Share: 0.123457 },
      { Customer: 'C2', Sales: 0.3, Share: null },
      { Customer: 'C3', Sales: null, Share: 1 },
    ]);
  });
});
