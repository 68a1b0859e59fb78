// Ingest rules (SEMANTICS.md section 1): what is read, what becomes a row issue, and where it points.
import fc from 'fast-check';
import { ingest } from '../../src/engine/ingest';
import { segment } from '../../src/engine/run';
import type { SourceTable } from '../../src/engine/types';
import { epochDayToIso } from '../../src/engine/parse/date';
import { ABC_80_15_5, config, table } from '../support/tables';

const HEAD = ['Customer ID', 'Customer Name', 'Order Date', 'Sales', 'Profit'];

describe('reading values', () => {
  test('customers compare as trimmed text: 1001, "1001" and " 1001 " are one customer; the last name wins', () => {
    const r = ingest(
      table(HEAD, [
        [1001, 'Acme', 45000, 10, 1],
        ['1001', '', 45001, 20, 2],
        [' 1001 ', 'Acme Ltd', 45002, 30, 3],
        ['  C-1 ', 'C one', 45003, 5, 0],
        ['C-1', 'C one', 45003, 5, 0],
      ]),
      config(),
    );
    expect(r.customers.ids).toEqual(['1001', 'C-1']);
    expect(r.customers.names).toEqual(['Acme Ltd', 'C one']);
    expect(r.leftOutRows).toBe(0);
  });

  test('numeric text: thousands separators, parentheses for negatives, currency, decimal comma', () => {
    const rows = [
      ['a', 'x', 45000, '1,234.50', '(12.00)'],
      ['b', 'x', 45000, '$ 2,000', '-3'],
    ];
    const r = ingest(table(HEAD, rows), config());
    expect(Array.from(r.lines.amount)).toEqual([1234.5, 2000]);
    expect(Array.from(r.lines.profit)).toEqual([-12, -3]);
    const eu = ingest(table(HEAD, [['c', 'x', 45000, '€ 9,99', '1.234,50']]), config({ locale: { decimal: ',' } }));
    expect(Array.from(eu.lines.amount)).toEqual([9.99]);
    expect(Array.from(eu.lines.profit)).toEqual([1234.5]);
  });

  test('a mapped quantity is checked on every row, and kept per line only when a segment type reads it', () => {
    const t = table(['Customer', 'Sales', 'Quantity'], [['a', 10, 2], ['b', 5, 'many'], ['c', 1, 7]]);
    const plain = ingest(t, config());
    expect(plain.lines.quantity).toBeUndefined();
    expect(plain.customers.ids).toEqual(['a', 'c']); // b's unreadable quantity leaves its row out all the same
    // ... and one warning says it is left out only for a column no segment type reads (unread-columns.ts).
    expect(plain.issues).toEqual([expect.objectContaining({ where: 'Sales!C3', value: 'many' }), expect.objectContaining({ severity: 'warning', where: 'Sales!C1' })]);
    const byUnits = ingest(t, config({ segmentTypes: [{ name: 'Units', kind: 'abc', measure: 'quantity', segments: [{ name: 'A', share: 100 }] }] }));
    expect(Array.from(byUnits.lines.quantity ?? [])).toEqual([2, 7]);
  });

  test('profit is amount - cost when only cost is mapped', () => {
    const r = ingest(table(['Customer', 'Sales', 'Cost'], [['a', 100, 70], ['a', 50, 60]]), config());
    expect(Array.from(r.lines.profit)).toEqual([30, -10]);
  });

  test('date serials around the phantom 1900-02-29, and the 1904 system', () => {
    const rows = [
      ['a', '', 59, 1, 0], // 1900-02-28
      ['b', '', 60, 1, 0], // Excel's 1900-02-29: does not exist -> issue
      ['c', '', 61, 1, 0], // 1900-03-01
      ['d', '', 42736, 1, 0], // 2017-01-01
      ['e', '', '2017-03-05', 1, 0],
    ];
    const r = ingest(table(HEAD, rows), config());
    expect(Array.from(r.lines.day, epochDayToIso)).toEqual(['1900-02-28', '1900-03-01', '2017-01-01', '2017-03-05']);
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ where: 'Sales!C3', value: 60, row: 1 });
    expect(r.issues[0].message).toMatch(/1900-02-29/);

    const mac: SourceTable = { ...table(HEAD, [['a', '', 0, 1, 0], ['b', '', 41274, 1, 0]]), date1904: true };
    // 1904 system: serial 0 = 1904-01-01; 41274 = 2017-01-01 (1,462 days less than the 1900 serial 42736).
    expect(Array.from(ingest(mac, config()).lines.day, epochDayToIso)).toEqual(['1904-01-01', '2017-01-01']);
  });

  test('locale text dates: the order is detected from a day above 12, and reported when ambiguous', () => {
    const dmy = ingest(table(HEAD, [['a', '', '25/03/2017', 1, 0], ['b', '', '04/05/2017', 1, 0]]), config());
    expect(dmy.dateOrder).toBe('DMY');
    expect(Array.from(dmy.lines.day, epochDayToIso)).toEqual(['2017-03-25', '2017-05-04']);
    const ambiguous = ingest(table(HEAD, [['a', '', '04/05/2017', 1, 0]]), config());
    expect(ambiguous.issues).toEqual([expect.objectContaining({ severity: 'warning', where: 'Sales!C2' })]);
    const forced = ingest(table(HEAD, [['a', '', '04/05/2017', 1, 0]]), config({ locale: { dateOrder: 'DMY' } }));
    expect(Array.from(forced.lines.day, epochDayToIso)).toEqual(['2017-05-04']);
  });

  test('dotted text dates that prove no order are read day first, without a warning', () => {
    // A German export: 01.02.2024 is 1 February (day.month.year is the only dotted custom).
    const dotted = ingest(table(HEAD, [['a', '', '01.02.2024', 1, 0], ['b', '', ' 03.02.2024 ', 1, 0]]), config());
    expect(dotted.dateOrder).toBe('DMY');
    expect(Array.from(dotted.lines.day, epochDayToIso)).toEqual(['2024-02-01', '2024-02-03']);
    expect(dotted.issues).toEqual([]);
    // A dotted date that can only be month first still decides: 02.13.2024 is 13 February.
    const proven = ingest(table(HEAD, [['a', '', '01.02.2024', 1, 0], ['b', '', '02.13.2024', 1, 0]]), config());
    expect(proven.dateOrder).toBe('MDY');
    expect(Array.from(proven.lines.day, epochDayToIso)).toEqual(['2024-01-02', '2024-02-13']);
    // One slash among the dots leaves the data ambiguous again: month first, with the warning.
    const mixed = ingest(table(HEAD, [['a', '', '01.02.2024', 1, 0], ['b', '', '03/02/2024', 1, 0]]), config());
    expect(mixed.dateOrder).toBe('MDY');
    expect(mixed.issues).toEqual([expect.objectContaining({ severity: 'warning', where: 'Sales!C2:C3' })]);
  });

  test('text dates on rows a filter drops are no evidence for the date order', () => {
    // Only the filtered row proves day/month; the kept row alone is ambiguous, so month/day with a warning.
    const t = table(['Customer', 'Region', 'Date', 'Sales'], [['a', 'West', '04/05/2017', 1], ['b', 'East', '25/03/2017', 1]]);
    const r = ingest(t, config({ filters: [{ column: 'Region', in: ['West'] }] }));
    expect(r.dateOrder).toBe('MDY');
    expect(Array.from(r.lines.day, epochDayToIso)).toEqual(['2017-04-05']);
    expect(r.issues).toEqual([expect.objectContaining({ severity: 'warning' })]);
  });
});

describe('row issues', () => {
  const rows = [
    ['ok', 'x', 45000, 100, 10],
    ['', 'x', 45000, 100, 10], // blank customer
    ['err', 'x', 45000, '#N/A', 10], // Excel error
    ['txt', 'x', 45000, 'abc', 10], // not a number
    ['bad-date', 'x', 'yesterday', 100, 10],
    ['two-bad', 'x', 'never', '#DIV/0!', 10], // two issues, one row left out
    ['ok2', 'x', 45001, 50, 5],
  ];

  test('each unreadable cell is listed with its address, value and a message; rows are left out and counted', () => {
    const r = ingest({ ...table(HEAD, rows, 'Orders'), origin: { row: 3, column: 1 } }, config());
    // Header on row 3 starting in column B: data row i is on Excel row 4 + i, Sales is column E.
    expect(r.issues.map((i) => [i.where, i.value])).toEqual([
      ['Orders!B5', ''],
      ['Orders!E6', '#N/A'],
      ['Orders!E7', 'abc'],
      ['Orders!D8', 'yesterday'],
      ['Orders!E9', '#DIV/0!'],
      ['Orders!D9', 'never'],
    ]);
    expect(r.issues[0].message).toMatch(/customer is blank/);
    expect(r.issues[1].message).toMatch(/Excel error #N\/A/);
    expect(r.issues[2].message).toMatch(/not a number/);
    expect(r.leftOutRows).toBe(5);
    expect(r.customers.ids).toEqual(['ok', 'ok2']);
    expect(Array.from(r.lines.row)).toEqual([0, 6]);
  });

  test('a row with nothing in it is skipped with one warning, not left out as a line with a blank customer', () => {
    const r = ingest(
      table(HEAD, [
        ['a', 'x', 45000, 10, 1],
        ['', '', '', '', ''], // a separator row, as typed
        ['b', 'x', 45000, 20, 2],
        [null, '  ', undefined, '', ''], // as a host hands over cleared or never-filled cells
        [], // a short CSV line
        ['', 'x', 45000, 30, 3], // not empty: a line without its customer
      ]),
      config(),
    );
    // Data row i is on Excel row 2 + i: the empty rows are 3, 5 and 6, the blank customer is A7.
    expect(r.issues.map((i) => [i.severity, i.where, i.message])).toEqual([
      ['error', 'Sales!A7', 'the customer is blank: fill it in, or delete the line if it is not a sale'],
      ['warning', 'Sales!A3:E3', '3 empty rows were skipped (the first is row 3)'],
    ]);
    expect(r.leftOutRows).toBe(1);
    expect(r.customers.ids).toEqual(['a', 'b']);
    const one = ingest(table(HEAD, [['a', 'x', 45000, 10, 1], ['', '', '', '', '']]), config());
    expect(one.issues.map((i) => i.message)).toEqual(['row 3 is empty and was skipped']);
    expect(one.leftOutRows).toBe(0);
  });

  // A report (or a PivotTable in compact form) writes the customer on the first line of each group only:
  // rows 3 and 4 (data rows 1 and 2) continue a's group, row 6 continues b's. Each is listed, and one
  // warning at the first says why and how to fill them all.
  test('lines without a customer one below the other: one warning about a grouped layout', () => {
    const grouped = ingest(
      table(HEAD, [
        ['a', 'x', 45000, 10, 1],
        ['', '', 45001, 20, 1],
        ['', '', 45002, 5, 1],
        ['b', 'y', 45000, 7, 1],
        ['', '', 45003, 8, 1],
      ]),
      config(),
    );
    expect(grouped.leftOutRows).toBe(3);
    const note = grouped.issues.filter((i) => i.severity === 'warning');
    expect(note.map((i) => i.where)).toEqual(['Sales!A3']);
    expect(note[0].message).toMatch(/^3 lines have a blank customer, some one below the other, and are left out: is the customer written only on the first line of each group.*a cell merged down the group.*Merge & Center.*Go To Special > Blanks/);
    expect(grouped.issues.filter((i) => i.row !== undefined).map((i) => i.where)).toEqual(['Sales!A3', 'Sales!A4', 'Sales!A6']);
    // Blanks apart from each other, or a first line without a customer, are no grouped layout.
    const apart = ingest(table(HEAD, [['a', 'x', 45000, 10, 1], ['', '', 45001, 20, 1], ['b', 'y', 45000, 7, 1], ['', '', 45003, 8, 1]]), config());
    const first = ingest(table(HEAD, [['', 'x', 45000, 10, 1], ['', '', 45001, 20, 1], ['b', 'y', 45000, 7, 1]]), config());
    for (const r of [apart, first]) expect(r.issues.filter((i) => i.severity === 'warning')).toEqual([]);
  });

  // A report repeats its header on each page: such a line (row 4 here, and row 6 with spaces around
  // the customer) is one message at its customer cell, not "Sales "Sales" is not a number" and
  // "Order Date "Order Date" is not a date".
  test('a line that repeats the header is said as such, once', () => {
    const head = ['Customer', 'Order Date', 'Sales'];
    const r = ingest(table(head, [['C1', 45000, 10], ['C2', 45001, 20], [...head], ['C3', 45002, 5], [' Customer ', 'Order Date', 'Sales']]), config());
    expect(r.issues.map((i) => [i.where, i.message])).toEqual([
      ['Sales!A4', 'the line repeats the header row (as a report repeats it on each page): it is no sale, and is left out; delete such lines to be rid of this message'],
      ['Sales!A6', 'the line repeats the header row (as a report repeats it on each page): it is no sale, and is left out; delete such lines to be rid of this message'],
    ]);
    expect(r.leftOutRows).toBe(2);
    // A customer called like the header, with a real amount, is a sale.
    expect(ingest(table(head, [['Customer', 45000, 10]]), config()).issues).toEqual([]);
  });

  // A PivotTable copied as the source: "Sum of Sales" is the amount, and its row labels may be customers
  // or products, so the missing customer says what the column is and the two ways on.
  test("a PivotTable's range: the missing customer names its row labels", () => {
    const pivot = ingest(table(['Row Labels', 'Sum of Sales'], [['C1', 100], ['Grand Total', 100]]), config());
    expect(pivot.issues.map((i) => [i.where, i.message])).toEqual([
      [
        'columns.customer',
        'map a Customer column: every line must say which customer it belongs to; "Row Labels" is a PivotTable\'s row labels: if they are customers, map that column as the customer (the PivotTable\'s source lines, which PivotTable Analyze > Change Data Source shows, would also give each sale\'s date and order)',
      ],
    ]);
    expect(ingest(table(['Zeilenbeschriftungen', 'Summe von Umsatz'], [['C1', 100]]), config()).issues[0].message).toMatch(/"Zeilenbeschriftungen" is a PivotTable's row labels/);
    expect(ingest(table(['Row Labels', 'Sum of Sales'], [['C1', 100]]), config({ columns: { customer: 'Row Labels' } })).customers.ids).toEqual(['C1']);
  });

  test('a header with no line below it stops the run with one error at the header, and nothing is classified', () => {
    const noLine = (rows: SourceTable['rows']) => segment(table(HEAD, rows), config({ segmentTypes: [ABC_80_15_5] }));
    // Only the header selected: the range is A1:E1. A new table's one empty row: A1:E2.
    for (const [rows, where] of [[[], 'Sales!A1:E1'], [[['', '', '', '', '']], 'Sales!A1:E2']] as const) {
      const r = noLine(rows.map((row) => [...row]));
      expect(r.issues.filter((i) => i.severity === 'error').map((i) => [i.where, i.message])).toEqual([
        [where, 'there are no sales lines below the header (row 1), so there is nothing to segment: give the header with the lines below it.'],
      ]);
      expect(r.types).toEqual([]);
    }
    // Alone also beside a rolling window, whose "no line has a readable date" would say it again.
    const rolling = segment(table(HEAD, []), config({ segmentTypes: [ABC_80_15_5], window: { kind: 'rolling', months: 12 } }));
    expect(rolling.issues.map((i) => i.where)).toEqual(['Sales!A1:E1']);
    // Lines that are all left out or all filtered out are lines: said as such, not as "no lines".
    const leftOut = noLine([['', 'x', 45000, 10, 1]]);
    expect(leftOut.issues.map((i) => i.message)).toEqual(['the customer is blank: fill it in, or delete the line if it is not a sale']);
    const filtered = segment(table(HEAD, [['a', 'x', 45000, 10, 1]]), config({ segmentTypes: [ABC_80_15_5], filters: [{ column: 'Customer', in: ['b'] }] }));
    expect(filtered.issues.some((i) => /no sales lines/.test(i.message))).toBe(false);
  });

  test('a number written with the other decimal separator says which setting reads it', () => {
    // "1.234,50" is no number with a decimal point but 1234.5 with a decimal comma; "12.5" the other way round.
    const comma = ingest(table(HEAD, [['a', 'x', 45000, '1.234,50', 1], ['b', 'x', 45000, 'abc', 1]], 'Orders'), config({ locale: { decimal: '.' } }));
    expect(comma.issues.map((i) => i.message)).toEqual([
      'Sales "1.234,50" is not a number with a decimal point; it reads as one with a decimal comma. If the numbers of this data use a decimal comma, set "Numbers written as text" to decimal comma (locale.decimal ",")',
      'Sales "abc" is not a number: type a number such as 1234.50',
    ]);
    const point = ingest(table(HEAD, [['a', 'x', 45000, '12.5', 1]], 'Orders'), config({ locale: { decimal: ',' } }));
    expect(point.issues[0].message).toBe('Sales "12.5" is not a number with a decimal comma; it reads as one with a decimal point. If the numbers of this data use a decimal point, set "Numbers written as text" to decimal point (locale.decimal ".")');
  });

  test('decimal auto: the text numbers decide, read again with a comma only when they prove it', () => {
    // Sales and Profit as a European export writes them: 1.234,50 reads only with a decimal comma, so the
    // whole table is read with one, 1.000 included (one thousand, not one).
    const european = ingest(table(HEAD, [['a', 'x', 45000, '1.234,50', '-0,5'], ['b', 'x', 45000, '1.000', '12'], ['c', 'x', 45000, 7, 1]]), config());
    expect(european.decimal).toBe(',');
    expect(Array.from(european.lines.amount)).toEqual([1234.5, 1000, 7]);
    expect(Array.from(european.lines.profit)).toEqual([-0.5, 12, 1]);
    expect(european.issues).toEqual([]);
    // Number cells prove nothing: read with a point, without a word.
    const excel = ingest(table(HEAD, [['a', 'x', 45000, 1234.5, 1]]), config());
    expect(excel.decimal).toBe('.');
    expect(excel.issues).toEqual([]);
    // 1,234.50 proves the point; 1,000 is then one thousand.
    const american = ingest(table(HEAD, [['a', 'x', 45000, '1,234.50', 1], ['b', 'x', 45000, '1,000', 1]]), config());
    expect(american.decimal).toBe('.');
    expect(Array.from(american.lines.amount)).toEqual([1234.5, 1000]);
    expect(american.issues).toEqual([]);
  });

  test('decimal auto: text numbers that cannot tell, or that disagree, are read with a point and said once', () => {
    // 1,234 and 1.234 are a thousand or one: read with a point (1234 and 1.234), one warning over D2:E3.
    const unsure = ingest(table(HEAD, [['a', 'x', 45000, '1,234', 1], ['b', 'x', 45000, '1.234', 1]], 'Orders'), config());
    expect(unsure.decimal).toBe('.');
    expect(Array.from(unsure.lines.amount)).toEqual([1234, 1.234]);
    expect(unsure.issues).toEqual([expect.objectContaining({ severity: 'warning', where: 'Orders!D2:E3', message: expect.stringContaining('could have a decimal point or a decimal comma') })]);
    // 12.50 and 12,50 in one column: a point, a warning, and 12,50 is the row issue at D3.
    const mixed = ingest(table(HEAD, [['a', 'x', 45000, '12.50', 1], ['b', 'x', 45000, '12,50', 1]], 'Orders'), config());
    expect(mixed.decimal).toBe('.');
    expect(mixed.issues.map((i) => [i.severity, i.where])).toEqual([['warning', 'Orders!D2:E3'], ['error', 'Orders!D3']]);
    expect(mixed.issues[0].message).toContain('mix a decimal point (12.50) and a decimal comma (12,50); read with a decimal point');
    // Three cells prove a comma, one a point: the comma wins, the warning says so, and 7.25 is the issue.
    const european = ingest(table(HEAD, [['a', 'x', 45000, '12,50', 1], ['b', 'x', 45000, '3,10', 1], ['c', 'x', 45000, '1.234,50', 1], ['d', 'x', 45000, '7.25', 1]], 'Orders'), config());
    expect(european.decimal).toBe(',');
    expect(Array.from(european.lines.amount)).toEqual([12.5, 3.1, 1234.5]);
    expect(european.issues.map((i) => [i.severity, i.where])).toEqual([['warning', 'Orders!D2:E5'], ['error', 'Orders!D5']]);
    expect(european.issues[0].message).toContain('read with a decimal comma, which more of them show. Set locale.decimal to "." if that is wrong');
    expect(european.issues[1].message).toContain('"7.25" is not a number with a decimal comma');
  });

  test('decimal auto: a semicolon file whose text cannot tell is read with a decimal comma, and says so', () => {
    // The same two cells as above, from a file a semicolon separates (Excel writes one where the comma is
    // the decimal separator): 1,234 is one and a bit, 1.234 a thousand.
    const semicolon = { ...table(HEAD, [['a', 'x', 45000, '1,234', 1], ['b', 'x', 45000, '1.234', 1]], 'Orders'), delimiter: ';' };
    const r = ingest(semicolon, config());
    expect(r.decimal).toBe(',');
    expect(r.decimalProven).toBe(false);
    expect(Array.from(r.lines.amount)).toEqual([1.234, 1234]);
    expect(r.issues).toEqual([
      expect.objectContaining({ severity: 'warning', where: 'Orders!D2:E3', message: expect.stringContaining('read with a decimal comma, as Excel does where a semicolon separates the fields, as it does in this file. Set locale.decimal to "." if that is wrong.') }),
    ]);
    // What the text proves still decides: 12.50 proves a point in a semicolon file too.
    const point = ingest({ ...table(HEAD, [['a', 'x', 45000, '1.234', 1], ['b', 'x', 45000, '12.50', 1]], 'Orders'), delimiter: ';' }, config());
    expect(point.decimal).toBe('.');
    expect(Array.from(point.lines.amount)).toEqual([1.234, 12.5]);
  });

  test('decimal auto: rows a filter drops are no evidence', () => {
    // Only region East counts; its 1,5 would prove a comma, but East is filtered out: West's 2.5 decides.
    const t = table(['Customer', 'Region', 'Sales'], [['a', 'West', '2.5'], ['b', 'East', '1,5']]);
    const r = ingest(t, config({ filters: [{ column: 'Region', in: ['West'] }] }));
    expect(r.decimal).toBe('.');
    expect(Array.from(r.lines.amount)).toEqual([2.5]);
  });

  test('a sheet name that needs quotes is quoted in addresses', () => {
    const r = ingest(table(HEAD, [['', 'x', 45000, 1, 1]], 'Sales 2017'), config());
    expect(r.issues[0].where).toBe("'Sales 2017'!A2");
  });

  test('the source rows are never changed', () => {
    const t = table(HEAD, rows.map((r) => [...r]));
    const before = JSON.stringify(t);
    segment(t, config({ segmentTypes: [] }));
    expect(JSON.stringify(t)).toBe(before);
  });
});

describe('mapping and filters', () => {
  test('a configured column that does not exist is an error naming the header', () => {
    const r = ingest(table(HEAD, [['a', 'x', 45000, 1, 1]]), config({ columns: { amount: 'Net' } }));
    expect(r.usable).toBe(false);
    expect(r.issues[0]).toMatchObject({ where: 'columns.amount' });
    expect(r.issues[0].message).toMatch(/no column is headed "Net"/);
  });

  test('a missing required column says which and why', () => {
    const r = ingest(table(['Customer', 'Sales'], [['a', 1]]), config({ segmentTypes: [{ name: 'P', kind: 'bands', bands: [{ name: 'All' }] }] }));
    expect(r.usable).toBe(false);
    expect(r.issues.map((i) => i.where)).toEqual(['columns.profit']);
  });

  test('the configuration can take a column from a detected role', () => {
    const r = ingest(table(['Customer', 'Sales', 'Revenue'], [['a', 1, 7]]), config({ columns: { amount: 'Revenue' } }));
    expect(r.mapping.amount).toBe(2);
    expect(Array.from(r.lines.amount)).toEqual([7]);
  });

  test('filters apply before anything is counted: filtered customers do not appear, their bad cells are no issues', () => {
    const t = table(['Customer', 'Region', 'Sales'], [['a', 'West', 1], ['b', ' East ', 2], ['c', 'South', 'junk'], ['d', 'North', 4]]);
    const keep = ingest(t, config({ filters: [{ column: 'region', in: ['West', 'East'] }] }));
    expect(keep.customers.ids).toEqual(['a', 'b']);
    expect(keep.filteredRows).toBe(2);
    expect(keep.issues).toEqual([]);
    const drop = ingest(t, config({ filters: [{ column: 'Region', notIn: ['South'] }] }));
    expect(drop.customers.ids).toEqual(['a', 'b', 'd']);
    const unknown = ingest(t, config({ filters: [{ column: 'Country', in: ['x'] }] }));
    expect(unknown.issues[0]).toMatchObject({ where: 'filters[0].column' });
  });

  test('filter values compare as text, numbers included', () => {
    const t = table(['Customer', 'Year', 'Sales'], [['a', 2017, 1], ['b', '2016', 2], ['c', ' 2017 ', 3]]);
    expect(ingest(t, config({ filters: [{ column: 'Year', in: [2017] }] })).customers.ids).toEqual(['a', 'c']);
  });
});

describe('who is a customer', () => {
  test('a customer seen only on left-out rows is not a customer; order is that of first appearance in the sheet', () => {
    // z's only line is unreadable: z is dropped. y's first line is unreadable but its second counts, and y
    // appears in the sheet (row 3) before x (row 4): y is customer 0, x customer 1. Lines: x (row 4), y (row 5).
    const r = ingest(table(['Customer', 'Sales'], [['z', 'junk'], ['y', '#N/A'], ['x', 1], ['y', 2]]), config());
    expect(r.customers.ids).toEqual(['y', 'x']);
    expect(r.customers.byId).toEqual(new Map([['y', 0], ['x', 1]]));
    expect(r.leftOutRows).toBe(2);
    expect(Array.from(r.lines.customer)).toEqual([1, 0]);
  });

  test('a customer whose first row is left out keeps the place where it first appears', () => {
    // Row 2 of b is left out, but b has a counted line (row 4): nobody is dropped. Raw cells 1001, " 1001"
    // and "1001" are one customer, first seen on row 3.
    const r = ingest(table(['Customer', 'Sales'], [['a', 1], ['b', 'junk'], [1001, 2], ['b', 3], [' 1001', 4], ['1001 ', 5]]), config());
    expect(r.customers.ids).toEqual(['a', 'b', '1001']);
    expect(Array.from(r.lines.customer)).toEqual([0, 2, 1, 2, 2]);
    expect(Array.from(r.lines.amount)).toEqual([1, 2, 3, 4, 5]);
  });

  test('customers and line customers match a row-by-row reference on any mix of keys and bad rows', () => {
    // The reference reads the rules straight: a row counts when its key, trimmed, is neither blank nor an
    // error value and its sales are a number; customers are the keys of counted rows, in the order their
    // key first appears on any row; each counted row is a line of its customer.
    const key = fc.constantFrom<string | number>('a', ' a', 'a ', 'b', 1001, '1001', ' 1001', '', '  ', '#N/A', 'c', 'd');
    const sales = fc.constantFrom<string | number>(1, 2.5, -3, 'junk', '#REF!', '4');
    fc.assert(
      fc.property(fc.array(fc.tuple(key, sales), { maxLength: 40 }), (rows) => {
        const text = (k: string | number) => String(k).trim();
        const valid = (k: string | number) => text(k) !== '' && text(k) !== '#N/A';
        const counts = rows.map(([k, v]) => valid(k) && v !== 'junk' && v !== '#REF!');
        const firstSeen = [...new Set(rows.filter(([k]) => valid(k)).map(([k]) => text(k)))];
        const ids = firstSeen.filter((id) => rows.some(([k], r) => counts[r] && text(k) === id));
        const r = ingest(table(['Customer', 'Sales'], rows), config());
        expect(r.customers.ids).toEqual(ids);
        expect([...r.customers.byId]).toEqual(ids.map((id, i) => [id, i]));
        expect(Array.from(r.lines.customer)).toEqual(rows.filter((_, i) => counts[i]).map(([k]) => ids.indexOf(text(k))));
        expect(r.leftOutRows + r.lines.length).toBe(rows.length);
      }),
    );
  });

  test('an error value in a mapped text column leaves the row out even when no segment type reads it', () => {
    const r = ingest(table(['Customer', 'Product', 'Sales'], [['a', 'P1', 1], ['b', '#REF!', 2]]), config());
    expect(r.customers.ids).toEqual(['a']);
    expect(r.issues).toEqual([expect.objectContaining({ where: 'Sales!B3', value: '#REF!' }), expect.objectContaining({ severity: 'warning', where: 'Sales!B1' })]);
  });

  test('names: the first character decides most cases; blanks, error values and other scripts are read in full', () => {
    const rows = [
      ['a', '#1 Customer', 1], // starts with # but is no error value: a name
      ['b', 'Ärzte GmbH', 1], // starts outside ASCII
      ['c', '\u3000', 1], // ideographic space only: blank
      ['c', 'Café C', 1],
      ['c', '   ', 1], // blank: the last non-blank name stays
      ['d', '\u3000#N/A', 1], // an error value after a space outside ASCII: the row is left out
    ];
    const r = ingest(table(['Customer', 'Customer Name', 'Sales'], rows), config());
    expect(r.customers.ids).toEqual(['a', 'b', 'c']);
    expect(r.customers.names).toEqual(['#1 Customer', 'Ärzte GmbH', 'Café C']);
    expect(r.issues).toEqual([expect.objectContaining({ where: 'Sales!B7', value: '\u3000#N/A' })]);
  });

  test('numeric and padded keys meet the same customer, however the first one was written', () => {
    const r = ingest(table(['Customer', 'Sales'], [[1001, 1], [' 1001', 2], ['1001', 4], [1001, 8]]), config());
    expect(r.customers.ids).toEqual(['1001']);
    expect(Array.from(r.lines.customer)).toEqual([0, 0, 0, 0]);
  });

  test('a mapped column whose header heads another column too: the first is read, the other said at its header cell', () => {
    // By hand: "Sales" heads B and D (D's header padded and in capitals, which a name ignores); the
    // Sales amount is read from B (1 + 4 = 5 for a), and D1 gets the warning. "Note" twice is not mapped: nothing said.
    const t = table(['Customer', 'Sales', 'Note', ' SALES ', 'Note'], [['a', 1, '', 100, ''], ['a', 4, '', 200, '']]);
    const r = ingest(t, config({ columns: { customer: 'Customer', amount: 'Sales' } }));
    expect(Array.from(r.lines.amount)).toEqual([1, 4]);
    expect(r.issues).toEqual([
      { severity: 'warning', where: 'Sales!D1', message: '"SALES" also heads Sales!B1: Tierwise reads the Sales amount column from Sales!B1, and not this one. If this is the one you mean, rename one of the two headers.' },
    ]);
  });
});
