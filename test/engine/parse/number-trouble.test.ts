import { whyNotADate } from '../../../src/engine/parse/date-trouble';
import { whyNotANumber } from '../../../src/engine/parse/number-trouble';

// Each text is one readNumber refuses with either decimal separator, as a left-out amount cell would be.
describe('why a text is not an amount', () => {
  test('a percentage is a rate', () => {
    const said = 'a percentage is a rate, not an amount: map a column of amounts, or compute one (the amount x the rate)';
    expect(whyNotANumber('12 %', '.')).toBe(said);
    expect(whyNotANumber('0,5%', ',')).toBe(said);
  });

  test('a ledger’s CR and DR marks ask for signed amounts, the credit shown negative', () => {
    expect(whyNotANumber('123.45 CR', '.')).toBe(
      'CR marks a credit, whose sign depends on the account: Tierwise reads a sale as a positive amount and a return or credit note as a negative one, so write each amount with its sign (here -123.45), or convert the column',
    );
    expect(whyNotANumber('CR 1.234,50', ',')).toMatch(/^CR marks a credit.*\(here -1\.234,50\)/);
    expect(whyNotANumber('99.00 Dr.', '.')).toMatch(/^DR marks a debit.*\(here 99\.00\)/);
  });

  test('an amount shortened by its magnitude names the word', () => {
    expect(whyNotANumber('1.2k', '.')).toBe('the amount is shortened (k for thousands): write it in full, as the amount of the sale');
    expect(whyNotANumber('3,5 Mio.', ',')).toBe('the amount is shortened (Mio. for millions): write it in full, as the amount of the sale');
    expect(whyNotANumber('1.1bn', '.')).toMatch(/\(bn for billions\)/);
  });

  // Order lines and stock lists write a quantity with its unit. Not read as the number: a column may mix units.
  test('a unit after the number asks for the number alone', () => {
    expect(whyNotANumber('5 pcs', '.')).toBe('a unit (pcs) follows the number: write the number alone, in one unit for the whole column (Excel\'s Find and Replace can remove "pcs")');
    expect(whyNotANumber('3 Stk.', ',')).toMatch(/^a unit \(Stk\.\) follows the number/);
    expect(whyNotANumber('2,5kg', ',')).toMatch(/^a unit \(kg\) follows/);
    expect(whyNotANumber('1,000 units', '.')).toMatch(/^a unit \(units\) follows/);
  });

  // Excel's CSV export writes what the sheet shows, and a column too narrow shows #####.
  test('a run of # is a column too narrow when the CSV was saved', () => {
    const said = 'Excel shows ##### when a column is too narrow for its number or date, and saving as CSV writes what it shows: widen the column in the workbook, save the CSV again, and run again';
    expect(whyNotANumber('########', '.')).toBe(said);
    expect(whyNotADate(' ### ', false, 'MDY')).toBe(said);
    expect(whyNotANumber('#', '.')).toBeUndefined();
  });

  // SQL Server's "Save results as" writes NULL; pandas writes NaN and None (NaT for a date); people n/a.
  test('a missing value as databases, scripts and people write it', () => {
    expect(whyNotANumber('NULL', '.')).toBe('NULL marks a missing value (databases write NULL, pandas NaN or None), and Tierwise does not guess one: type the number, 0 if there is none');
    for (const t of ['null', 'None', 'NaN', 'nan', 'n/a', 'N/A', ' NA ']) expect(whyNotANumber(t, ',')).toMatch(/marks a missing value .*: type the number, 0 if there is none$/);
    expect(whyNotADate('NaT', false, 'DMY')).toBe('NaT marks a missing value (databases write NULL, pandas NaN or None), and Tierwise does not guess one: type the date of the sale');
    expect(whyNotANumber('nulls', '.')).toBeUndefined();
  });

  test('a formula in a CSV asks for its result', () => {
    expect(whyNotANumber('=100*1.2', '.')).toBe('it is a formula, which Excel computes when it opens the file and Tierwise does not: write its result, or open the file in Excel and save it as a workbook, whose cells hold the results');
    expect(whyNotANumber(' =SUM(B2:B5)', ',')).toMatch(/^it is a formula/);
  });

  test('nothing more precise for other texts', () => {
    for (const t of ['abc', 'CR', '12 CR 5', 'k', '5k€', '0,5 %', 'pcs 5', '5 pcs 3', '1.2.3 kg']) expect([t, whyNotANumber(t, '.')]).toEqual([t, undefined]);
  });
});
