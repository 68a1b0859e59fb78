// Time windows (SEMANTICS.md section 2) and profit bands (section 4), with hand-worked expectations.
import { parseConfig } from '../../src/engine/config';
import { epochDayToIso, isoToEpochDay } from '../../src/engine/parse/date';
import { segment } from '../../src/engine/run';
import { segmentName } from '../../src/engine/result';
import { monthsBefore, resolveWindow } from '../../src/engine/window';
import { ingest } from '../../src/engine/ingest';
import { config, table } from '../support/tables';

const day = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return isoToEpochDay(y, m, d);
};

describe('window', () => {
  const lines = ingest(table(['Customer', 'Date', 'Sales'], [['a', '2016-12-30', 1], ['a', '2017-12-30', 1]]), config()).lines;
  const show = (r: ReturnType<typeof resolveWindow>) => r.range && [epochDayToIso(r.range.start), epochDayToIso(r.range.end)];

  test('12 rolling months ending 2017-12-30 cover 2016-12-31 to 2017-12-30; the end defaults to the latest date in the data', () => {
    expect(show(resolveWindow({ kind: 'rolling', months: 12, end: '2017-12-30' }, lines))).toEqual(['2016-12-31', '2017-12-30']);
    expect(show(resolveWindow({ kind: 'rolling', months: 12 }, lines))).toEqual(['2016-12-31', '2017-12-30']);
  });

  test('a day the earlier month lacks becomes its last day', () => {
    expect(epochDayToIso(monthsBefore(day('2017-03-31'), 1))).toBe('2017-02-28');
    expect(epochDayToIso(monthsBefore(day('2016-03-31'), 1))).toBe('2016-02-29');
    expect(epochDayToIso(monthsBefore(day('2017-01-15'), 13))).toBe('2015-12-15');
    // 1 month ending 2017-03-31 covers the days after 2017-02-28.
    expect(show(resolveWindow({ kind: 'rolling', months: 1, end: '2017-03-31' }, lines))).toEqual(['2017-03-01', '2017-03-31']);
  });

  test('a fiscal year is named by the calendar year in which it ends', () => {
    expect(show(resolveWindow({ kind: 'year', year: 2017, startMonth: 4 }, lines))).toEqual(['2016-04-01', '2017-03-31']);
    expect(show(resolveWindow({ kind: 'year', year: 2017, startMonth: 1 }, lines))).toEqual(['2017-01-01', '2017-12-31']);
  });

  test('lines outside the window do not count; the window end comes from the data, not the clock', () => {
    const t = table(['Customer', 'Date', 'Sales'], [['a', '2016-12-30', 100], ['a', '2016-12-31', 5], ['b', '2017-12-30', 7]]);
    const r = segment(t, config({ window: { kind: 'rolling', months: 12 }, segmentTypes: [] }));
    expect(Array.from(r.measures.sales)).toEqual([5, 7]);
  });
});

describe('profit bands', () => {
  const bands = [
    { name: 'Loss', max: 0 },
    { name: 'Low', min: 0, max: 500 },
    { name: 'Mid', min: 500, max: 2000 },
    { name: 'High', min: 2000 },
  ];
  const run = (rows: [string, number, number][], measure: 'profit' | 'margin' | 'sales' = 'profit', extra: { name: string; min?: number; max?: number; default?: boolean }[] = bands) => {
    const r = segment(table(['Customer', 'Sales', 'Profit'], rows), config({ segmentTypes: [{ name: 'Band', kind: 'bands', measure, bands: extra }] }));
    return Object.fromEntries(r.customers.ids.map((id, c) => [id, segmentName(r.types[0], c)]));
  };

  test('[min, max): a value on a boundary belongs to the band that starts there; negative profit is normal', () => {
    expect(run([['neg', 10, -0.01], ['zero', 10, 0], ['b500', 10, 500], ['b1999', 10, 1999.99], ['b2000', 10, 2000], ['huge', 10, 1e9]])).toEqual({
      neg: 'Loss',
      zero: 'Low',
      b500: 'Mid',
      b1999: 'Mid',
      b2000: 'High',
      huge: 'High',
    });
  });

  test('sums that land a hair below a boundary count as the boundary', () => {
    // 499.9 + 0.07 + 0.03 adds up to 499.99999999999994 in floating point; a person sees 500.
    const r = segment(
      table(['Customer', 'Sales', 'Profit'], [['x', 1, 499.9], ['x', 1, 0.07], ['x', 1, 0.03]]),
      config({ segmentTypes: [{ name: 'Band', kind: 'bands', bands }] }),
    );
    expect(r.measures.profit[0]).not.toBe(500);
    expect(segmentName(r.types[0], 0)).toBe('Mid');
  });

  test('margin %: customers without sales get no margin and go to the default band', () => {
    const proper = [{ name: 'Negative', max: 0, default: true }, { name: 'Thin', min: 0, max: 10 }, { name: 'Fat', min: 10 }];
    expect(run([['fat', 100, 25], ['thin', 200, 10], ['none', 0, 5], ['neg', 100, -1]], 'margin', proper)).toEqual({
      fat: 'Fat', // 25 %
      thin: 'Thin', // 5 %
      none: 'Negative', // no sales: no margin -> default band
      neg: 'Negative', // -1 %
    });
  });

  test('gaps and overlaps are errors that name the interval; all problems come at once', () => {
    const r = parseConfig({
      version: 1,
      segmentTypes: [
        { name: 'Gap', kind: 'bands', bands: [{ name: 'Low', max: 500 }, { name: 'High', min: 600 }] },
        { name: 'Overlap', kind: 'bands', bands: [{ name: 'Low', max: 500 }, { name: 'Mid', min: 400, max: 900 }, { name: 'High' }] },
      ],
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => [i.where, i.message])).toEqual([
      ['segmentTypes[0].bands[1].min', 'no band covers 500 to 600'],
      ['segmentTypes[1].bands[2].min', 'band "High" needs a min: only the first band may start at minus infinity'],
      ['segmentTypes[1].bands[1].min', 'bands "Low" and "Mid" overlap from 400 to 500; bands must be sorted and each band\'s max must equal the next band\'s min'],
    ]);
  });
});
