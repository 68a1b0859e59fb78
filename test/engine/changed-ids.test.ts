// Customer ids changed on their way (scientific notation, days, 15 digits, decimals): each said once at the customer
// header, nothing merged or split (src/engine/changed-ids.ts).
import { segment } from '../../src/engine/run';
import { changedIdsIssues } from '../../src/engine/changed-ids';
import { config, table, ABC_80_15_5 } from '../support/tables';

const T = table(['Account', 'Sales'], []);

describe('customer ids in scientific notation', () => {
  it('are said at the customer header, three shown, with where to get the digits back', () => {
    expect(changedIdsIssues(T, 0, ['1.23457E+11', 'C2', '9,87654E+11', '4E+15', '-1.5e+12'])).toEqual([{
      severity: 'warning',
      where: 'Sales!A1',
      message:
        '4 customer ids are numbers in scientific notation ("1.23457E+11", "9,87654E+11", "4E+15", and 1 more): Excel shows a long number so, and a CSV saved from such a sheet keeps only the digits shown, so customers whose ids differed in their last digits are counted as one. Open the original export with the id column as text (Data > From Text/CSV, the column\'s type Text), and run again.',
    }]);
    expect(changedIdsIssues(T, 0, ['1.2E+11'])[0].message).toMatch(/^1 customer id is a number in scientific notation \("1\.2E\+11"\)/);
  });

  it('is not said of ids that only look alike: a product code, a plain number, an E inside a word', () => {
    expect(changedIdsIssues(T, 0, ['E12', '12E', '1E', '123456789012', 'ACME-1E+5', '1.2E-3x', 'Eleven', 'MAR1', '3-12', '12-March', 'Mar-2017'])).toEqual([]);
  });

  it('says ids Excel showed as days, with what it took for a date', () => {
    const [said] = changedIdsIssues(T, 0, ['12-Mar', 'C2', '1-mar', 'Dec-15']);
    expect(said.message).toBe(
      '3 customer ids are days as Excel shows them ("12-Mar", "1-mar", "Dec-15"): Excel takes an id such as 3-12 or MAR1 for a date when it opens a CSV, and saving writes the date it shows, so the id is lost. Open the original export with the id column as text (Data > From Text/CSV, the column\'s type Text), and run again.',
    );
    expect(changedIdsIssues(T, 0, ['1.5E+11', '12-Mar']).map((i) => i.message.slice(0, 40))).toEqual(['1 customer id is a number in scientific ', '1 customer id is a day as Excel shows it']);
  });

  // 1234567890123456 typed into Excel is kept as 1234567890123450; 123456789012345678 as 123456789012345000.
  it('says ids cut to 15 digits when every long id has only zeros after its 15th digit, and at least three do', () => {
    const cut = ['1234567890123450', 'C7', '9876543210987650', '123456789012345000', '1111111111111110'];
    expect(changedIdsIssues(T, 0, cut)).toEqual([{
      severity: 'warning',
      where: 'Sales!A1',
      message:
        '4 customer ids have 16 digits or more and only zeros after the 15th ("1234567890123450", "9876543210987650", "123456789012345000", and 1 more): Excel keeps 15 significant digits of a number, so an id typed, pasted or opened as a number loses its later digits, and customers whose ids differed there are counted as one. Open the original export with the id column as text (Data > From Text/CSV, the column\'s type Text), and run again.',
    }]);
    // One long id with another last digit: the ids are whole, and the zeros are the ids' own.
    expect(changedIdsIssues(T, 0, [...cut, '5555555555555551'])).toEqual([]);
    expect(changedIdsIssues(T, 0, ['123456789012345000', '123456789012345600', '1111111111111110', '2222222222222220'])).toEqual([]);
    // Two are one in a hundred by chance; 15 digits are what Excel keeps.
    expect(changedIdsIssues(T, 0, ['1234567890123450', '9876543210987650'])).toEqual([]);
    expect(changedIdsIssues(T, 0, ['123456789012340', '987654321098760', '111111111111110'])).toEqual([]);
    expect(changedIdsIssues(T, 0, ['A234567890123450', '9876543210987650x', '1234567890123450', '1111111111111110'])).toEqual([]);
  });

  it('says number cells of 16 digits, as a workbook hands them over', () => {
    const rows = [[1234567890123456, 10], [9876543210987654, 20], [1111111111111111, 30]];
    expect(rows.map((r) => String(r[0]))).toEqual(['1234567890123456', '9876543210987654', '1111111111111111']); // JavaScript keeps 16
    const excel = rows.map(([id, sales]) => [Number(String(id).slice(0, 15) + '0'), sales]); // what Excel keeps
    const run = segment(table(['Account', 'Sales'], excel), config({ segmentTypes: [ABC_80_15_5] }));
    expect(run.issues.map((i) => i.message.slice(0, 60))).toEqual(['3 customer ids have 16 digits or more and only zeros after t']);
  });

  it('says whole-number ids written with decimals, as pandas writes an id column with a blank cell', () => {
    expect(changedIdsIssues(T, 0, ['1001.0', '1001', 'C3', '42.00'])).toEqual([{
      severity: 'warning',
      where: 'Sales!A1',
      message:
        '2 customer ids are whole numbers written with decimals ("1001.0", "42.00"): a tool wrote the ids as decimal numbers (pandas does so for an id column with a blank cell), and Tierwise keeps ids as text, so 1001.0 and 1001 are two customers, and an override or another file written 1001 does not match. Write the ids without decimals where the file is made (in pandas, the column as Int64 or as text), and run again.',
    }]);
    expect(changedIdsIssues(T, 0, ['1001.5', '10.01', '1.0.0', 'V1.0', '.0', '1001.'])).toEqual([]);
  });

  // `00123` on the lines typed as text, `123` where Excel took the id for a number.
  it('says ids also written without their leading zeros', () => {
    expect(changedIdsIssues(T, 0, ['00123', 'C2', '123', '0456', '007', '7', '0', '00'])).toEqual([{
      severity: 'warning',
      where: 'Sales!A1',
      message:
        '3 customer ids are also written without their leading zeros ("00123", "007", "00"): Excel drops the leading zeros of an id it takes for a number (typed, pasted or opened from a CSV), so one customer is counted as two. Write the ids alike in the source (in Excel, the column formatted as Text before the ids go in), and run again.',
    }]);
    // Zeros alone in the run, or zeros of a code that is not all digits: nothing to say.
    expect(changedIdsIssues(T, 0, ['00123', '0456', 'A0123', '0A1', 'A123'])).toEqual([]);
  });

  it('comes with the run, after the spellings', () => {
    const run = segment(table(['Account', 'Sales'], [['1.23457E+11', 100], ['acme', 5], ['ACME', 7]]), config({ segmentTypes: [ABC_80_15_5] }));
    expect(run.issues.map((i) => i.message.slice(0, 30))).toEqual(['2 customers differ from anothe', '1 customer id is a number in s']);
  });
});
