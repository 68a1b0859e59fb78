// A list that ends (or starts) with its own total: said as a warning at the total's cell, never dropped.
import { ingest } from '../../src/engine/ingest';
import { segment } from '../../src/engine/run';
import type { Cell } from '../../src/engine/types';
import { config, superstoreTable, table } from '../support/tables';

const HEAD = ['Customer', 'Sales'];
/** Twelve sales of 10 to 120: 780 together. */
const LINES: Cell[][] = Array.from({ length: 12 }, (_, i) => [`C${i + 1}`, 10 * (i + 1)]);
const warnings = (rows: Cell[][]) => ingest(table(HEAD, rows), config()).issues.filter((i) => i.severity === 'warning');

describe('a total row in the sales list', () => {
  it('is pointed at when the last line holds as much as all the others, and still counted', () => {
    const r = ingest(table(HEAD, [...LINES, ['Total', 780]]), config());
    // Header in row 1, twelve lines in rows 2 to 13, the total in row 14, Sales in column B.
    expect(r.issues).toEqual([
      {
        severity: 'warning',
        where: 'Sales!B14',
        value: 780,
        message: `this line's Sales (780) is as much as all the other lines together (780): it looks like a total row, and is counted as a sale of "Total". If it is a total, delete the line or leave it out with a filter under "What is counted".`,
      },
    ]);
    expect(r.lines.length).toBe(13);
    expect(r.customers.ids).toContain('Total');
  });

  it('is found at the top too, and within half a percent (a rounded total)', () => {
    expect(warnings([['Grand total', 780], ...LINES]).map((i) => i.where)).toEqual(['Sales!B2']);
    expect(warnings([...LINES, ['Total', 783]])).toHaveLength(1); // 0.38 % off
    expect(warnings([...LINES, ['C13', 790]])).toEqual([]); // 1.3 % off: a sale
  });

  it('is not suspected in the middle of the list, in a short list, or when the rest sums to nothing', () => {
    expect(warnings([...LINES.slice(0, 6), ['Big', 780], ...LINES.slice(6)])).toEqual([]);
    // Eight lines and a 'total': in a list this short one sale as large as the rest is ordinary.
    expect(warnings([...LINES.slice(0, 8), ['C9', 360]])).toEqual([]);
    const returns: Cell[][] = Array.from({ length: 12 }, (_, i) => [`C${i + 1}`, i % 2 ? 50 : -50]);
    expect(warnings([...returns, ['Last', 0]])).toEqual([]);
  });

  it('a customer cell that says total is pointed at once, with its line count, whatever the amounts', () => {
    // Subtotals per group in a report: "Summe" on rows 5 and 9 (its first line), "Grand Total" on row 10.
    // Neither equals all the other lines, so only the names give them away. "Total Energies" is a customer.
    const rows: Cell[][] = [['C1', 10], ['C2', 20], ['Total Energies', 5], ['Summe', 35], ['C3', 40], ['C4', 50], ['C5', 5], ['Summe', 95], ['Grand Total', 130], ['C6', 7], ['C7', 8], ['C8', 9]];
    const found = warnings(rows);
    expect(found.map((i) => [i.where, i.value])).toEqual([
      ['Sales!A5', 'Summe'],
      ['Sales!A10', 'Grand Total'],
    ]);
    expect(found[0].message).toBe(
      'the customer "Summe" looks like a total, not a customer: its 2 lines (the first is here) are counted as sales of a customer called "Summe". If they are totals, delete them or leave them out with a filter under "What is counted" (Customer, leave out "Summe").',
    );
    expect(found[1].message).toContain('its line is counted as sales of a customer called "Grand Total". If it is a total, delete the line or leave it out');
    // Said, not dropped: both are customers of the run.
    expect(ingest(table(HEAD, rows), config()).customers.ids).toEqual(expect.arrayContaining(['Summe', 'Grand Total', 'Total Energies']));
  });

  // Excel's Data > Subtotal, on a list without dates: "C1 Total" (row 4) sums C1's two lines, "C2 Total"
  // (row 6) C2's; the grand total (37, not the 74 of the other lines, so no amount check) is said by its
  // name. Kept and said: C1's 30 counts twice, once as "C1 Total".
  it("Excel's subtotals of other customers are said in one warning, and counted", () => {
    const rows: Cell[][] = [['C1', 10], ['C1', 20], ['C1 Total', 30], ['C2', 7], ['C2 Total', 7], ['Grand Total', 37]];
    const found = warnings(rows);
    expect(found.map((i) => [i.where, i.value])).toEqual([
      ['Sales!A7', 'Grand Total'],
      ['Sales!A4', 'C1 Total'],
    ]);
    expect(found[1].message).toBe(
      '2 customers look like the subtotals of others ("C1 Total" of "C1", "C2 Total" of "C2"), as Excel\'s Data > Subtotal labels them: counted as customers of their own, they count those sales twice. Remove the subtotals (Data > Subtotal > Remove All), or leave them out with a filter under "What is counted" (Customer), and run again.',
    );
    expect(ingest(table(HEAD, rows), config()).customers.ids).toEqual(['C1', 'C1 Total', 'C2', 'C2 Total', 'Grand Total']);
    // French and Spanish put the word first, German says Ergebnis; alone, each is a customer's name.
    expect(warnings([['Dupont', 5], ['Total Dupont', 5], ['Müller', 3], ['Müller Ergebnis', 3], ['Gesamtergebnis', 8]]).map((i) => i.value)).toEqual(['Gesamtergebnis', 'Total Dupont']);
    expect(warnings([['Dupont', 5], ['Total Energies', 5], ['Acme Total', 3]])).toEqual([]);
  });

  // With a date column, Excel's subtotal lines have none and are left out: the message must not ask for
  // a date, which would count their sales twice.
  it('a total line left out for its blank date is not asked for a date', () => {
    const r = ingest(table(['Customer', 'Order Date', 'Sales'], [['C1', 45000, 10], ['C1 Total', '', 10], ['C2', 45001, 5]]), config());
    expect(r.issues.map((i) => [i.where, i.message])).toEqual([
      ['Sales!B3', 'Order Date is blank, and the customer "C1 Total" looks like a total: if it is one, the line is rightly left out (Data > Subtotal > Remove All removes such lines); if not, type the date of the sale'],
    ]);
  });

  it('a total named so and equal to the other lines together is said once, by its amount', () => {
    expect(warnings([...LINES, ['Total', 780]]).map((i) => i.where)).toEqual(['Sales!B14']);
  });

  it('says nothing on the Superstore sample', () => {
    expect(segment(superstoreTable(), config()).issues.filter((i) => i.severity === 'warning')).toEqual([]);
  });
});
