// SEMANTICS.md 1 as amended for issue 20: a CSV is read as Excel reads it when it opens the file, so a
// plain number in a date column is a serial date, as it is in a sheet.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { excelField, readSourceFile } from '../../../src/hosts/files/read';
import { parseConfig } from '../../../src/engine/config';
import { segment } from '../../../src/engine/run';
import { epochDayToIso } from '../../../src/engine/parse/date';
import { ABC_80_15_5 } from '../../support/tables';

const dir = mkdtempSync(join(tmpdir(), 'tierwise-csv-'));
async function read(name: string, text: string) {
  const path = join(dir, name);
  writeFileSync(path, text);
  return readSourceFile(path);
}

describe('excelField', () => {
  it.each([
    ['43000', 43000],
    ['-12', -12],
    ['0', 0],
    ['-0', 0],
    ['999999999999999', 999999999999999], // 15 digits: Excel keeps every one
  ])('reads the whole number %s as a number', (field, value) => {
    expect(excelField(field)).toBe(value);
  });

  it.each([
    ['007', 'leading zeros: Excel would drop them and the identifier would change'],
    ['1234567890123456', '16 digits: Excel would round the last one away'],
    ['1.234', 'a decimal reads differently in an English and a German Excel: detected from the data instead'],
    ['12,50', 'a decimal comma'],
    [' 12', 'a space'],
    ['+12', 'a plus sign (Excel reads it; no export writes it, and as text it is still read as a number where a number is needed)'],
    ['', 'empty'],
    ['-', 'a dash alone'],
    ['2017-09-22', 'an ISO date'],
    ['C-1001', 'an identifier'],
  ])('keeps %j as text (%s)', (field) => {
    expect(excelField(field)).toBe(field);
  });

  // Exports write `="00123"` so that Excel keeps the zeros: Excel opens it as a formula whose result is
  // the text inside, digits or not, and `=""` as empty text.
  it.each([
    ['="00123"', '00123'],
    ['="1234"', '1234'],
    ['="50.5"', '50.5'],
    ['=""', ''],
    ['="a""b"', 'a"b'],
    ['="2017-03-05"', '2017-03-05'],
    ['="=x"', '=x'],
  ])('reads the formula text %j as the text inside', (field, text) => {
    expect(excelField(field)).toBe(text);
  });

  it.each(['=A1+1', '=1234', '="a"b"', '="abc', ' ="00123"', '="00123" ', '=', '= "x"'])('keeps %j as written: no text formula', (field) => {
    expect(excelField(field)).toBe(field);
  });

  it('never changes the digits of what it converts (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('0', '1', '5', '9', '-', '.', 'a'), maxLength: 18 }), (field) => {
        const v = excelField(field);
        if (typeof v === 'number') expect(String(v)).toBe(field === '-0' ? '0' : field);
        else expect(v).toBe(field);
      }),
    );
  });
});

describe('a CSV file', () => {
  it('reads 43000 in a date column as the serial date 2017-09-22, the day an Excel sheet shows', async () => {
    // Worked by hand: serial 43000 counts days from 1899-12-30 in the 1900 system (Excel's phantom
    // 1900-02-29 included), 43000 - 42736 (2017-01-01) = 264 days into 2017 = September 22.
    const table = await read('serial.csv', 'Customer,Order Date,Sales\nC1,43000,10\nC2,2017-09-21,20\n');
    expect(table.rows[0]).toEqual(['C1', 43000, 10]);
    const parsed = parseConfig({ version: 1, window: { kind: 'rolling', months: 12 }, segmentTypes: [ABC_80_15_5] });
    if (!parsed.ok) throw new Error('config');
    const r = segment(table, parsed.config);
    expect(r.issues).toEqual([]);
    expect(epochDayToIso(r.window!.end)).toBe('2017-09-22'); // the latest date is C1's serial
    expect(r.customers.ids).toEqual(['C1', 'C2']);
  });

  it('reads `="00123"` fields, quoted or not, as the text inside', async () => {
    const table = await read('formula.csv', 'Customer,Sales\n="00123",="12.50"\n"=""00124""",7\n');
    expect(table.rows).toEqual([
      ['00123', '12.50'],
      ['00124', 7],
    ]);
  });

  it('keeps identifiers with leading zeros and decimals as text, as the rest of the engine reads them', async () => {
    const table = await read('text.csv', 'Customer,Sales\n007,12.50\n1001,3\n');
    expect(table.rows).toEqual([
      ['007', '12.50'],
      [1001, 3],
    ]);
  });
});

// Excel reads `sep=;` as a file's first line as the separator, and does not show it: the header is row 1.
describe("Excel's separator line", () => {
  it('names the separator and is not a row, so the addresses are the rows Excel shows', async () => {
    const table = await read('sep-line.csv', 'sep=;\r\nKunde;Umsatz\r\n1001;1.234,50\r\n1002;99,90\r\n');
    expect({ delimiter: table.delimiter, origin: table.origin, header: table.header, rows: table.rows, notes: table.notes }).toEqual({
      delimiter: ';',
      origin: { row: 1, column: 0 },
      header: ['Kunde', 'Umsatz'],
      rows: [
        [1001, '1.234,50'],
        [1002, '99,90'],
      ],
      notes: undefined,
    });
    // Upper case, no line break after it, another separator: the line says which.
    expect((await read('sep-tab.csv', 'SEP=\t\nCustomer\tSales,EUR\nA\t5\n')).header).toEqual(['Customer', 'Sales,EUR']);
  });

  it('counts in the line a text editor shows when a quote is never closed', async () => {
    await expect(read('sep-quote.csv', 'sep=,\nCustomer,Sales\nA,1\n"open,2\n')).rejects.toThrow(/on line 4, a field opens with a quote/);
  });
});
