// Customer ids Excel changed when it saved a CSV (scientific notation, days): each said once at the
// customer header, nothing merged or split (src/engine/changed-ids.ts).
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

  it('comes with the run, after the spellings', () => {
    const run = segment(table(['Account', 'Sales'], [['1.23457E+11', 100], ['acme', 5], ['ACME', 7]]), config({ segmentTypes: [ABC_80_15_5] }));
    expect(run.issues.map((i) => i.message.slice(0, 30))).toEqual(['2 customers differ from anothe', '1 customer id is a number in s']);
  });
});
