// The CSV answer in the input's own dialect: a European file (semicolons, decimal commas) is answered
// the same way, so Excel in that locale opens it in columns, with numbers.
import { dialectOf, PLAIN_CSV, toCsv } from '../../src/cli/csv';

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
    expect(toCsv(cols)).toBe('Customer,Sales\r\nK1,1234.5\r\nMüller; Söhne,0.35\r\n\'=1+1,-12\r\n');
  });
  it('writes the European dialect: semicolons, decimal commas, a field holding a semicolon quoted', () => {
    expect(toCsv(cols, { delimiter: ';', decimal: ',' })).toBe('Customer;Sales\r\nK1;1234,5\r\n"Müller; Söhne";0,35\r\n\'=1+1;-12\r\n');
  });
});
