// A latest date far beyond the rest, which moves the default window end: said at its first line, with
// the date before it (src/engine/late-date.ts). Each table worked by hand below.
import { segment } from '../../src/engine/run';
import { config, table, ABC_80_15_5 } from '../support/tables';
import type { Cell } from '../../src/engine/types';

const HEADER = ['Customer', 'Order Date', 'Sales', 'Region'];
const run = (rows: Cell[][], extra: object = {}) => segment(table(HEADER, rows), config({ window: { kind: 'rolling', months: 12 }, segmentTypes: [ABC_80_15_5], ...extra }));
const lateNotes = (r: ReturnType<typeof run>) => r.issues.filter((i) => i.message.startsWith('the latest date'));

describe('a latest date far beyond the rest', () => {
  it('is said at its line, with the date before it and the years between', () => {
    // 2071-03-05 (row 4) is 2071 - 2017 = 54 whole calendar years after 2017-03-05.
    const r = run([['C1', '2017-03-05', 100, 'West'], ['C2', '2017-02-01', 50, 'East'], ['C3', '2071-03-05', 20, 'West'], ['C1', '2016-05-01', 30, 'West']]);
    expect(lateNotes(r)).toEqual([
      {
        severity: 'warning',
        where: 'Sales!B4',
        message: 'the latest date, 2071-03-05 (1 line), is 54 years after the date before it (2017-03-05), and windows and recency count back from the latest date: if it is a typing slip, correct it, or give the window its own end.',
      },
    ]);
  });

  it('counts a line a filter drops, since its date moves the window end all the same', () => {
    const r = run([['C1', '2017-03-05', 100, 'West'], ['C2', '2017-02-01', 50, 'West'], ['C3', '2027-03-05', 20, 'East']], { filters: [{ column: 'Region', in: ['West'] }] });
    expect(lateNotes(r).map((i) => [i.where, i.message.slice(0, 60)])).toEqual([['Sales!B4', 'the latest date, 2027-03-05 (1 line), is 10 years after the ']]);
  });

  it('is not said within a year, for more than three lines, for a date in 2200 or later, or for one date alone', () => {
    // 2018-03-05 is 365 days after 2017-03-05: a year, not more.
    expect(lateNotes(run([['C1', '2017-03-05', 1, 'W'], ['C2', '2018-03-05', 1, 'W']]))).toEqual([]);
    // Four lines on 2071-03-05: a period of its own, not a slip.
    expect(lateNotes(run([['C1', '2017-03-05', 1, 'W'], ...['C2', 'C3', 'C4', 'C5'].map((c) => [c, '2071-03-05', 1, 'W'])]))).toEqual([]);
    // 2452-03-28 (a YYYYMM month as a serial day) is far-dates.ts's to say.
    const far = run([['C1', '2017-03-05', 1, 'W'], ['C2', 201703, 1, 'W']]);
    expect(lateNotes(far)).toEqual([]);
    expect(far.issues.map((i) => i.message.slice(0, 30))).toEqual(['1 line is dated in the year 22']);
    expect(lateNotes(run([['C1', '2071-03-05', 1, 'W'], ['C2', '2071-03-05', 1, 'W']]))).toEqual([]);
  });
});
