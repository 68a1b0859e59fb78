import fc from 'fast-check';
import {
  detectDateOrder,
  epochDayToIso,
  isoTextToEpochDay,
  isoToEpochDay,
  readDate,
  serialToEpochDay,
} from '../../../src/engine/parse/date';

const iso1900 = (serial: number): string => epochDayToIso(serialToEpochDay(serial, false));

describe('serialToEpochDay, 1900 system', () => {
  it('maps the known anchors', () => {
    expect(serialToEpochDay(25569, false)).toBe(0);
    expect(iso1900(25569)).toBe('1970-01-01');
    expect(iso1900(42736)).toBe('2017-01-01');
    expect(iso1900(1)).toBe('1900-01-01');
    expect(iso1900(59)).toBe('1900-02-28');
    expect(iso1900(61)).toBe('1900-03-01');
    expect(iso1900(2958465)).toBe('9999-12-31');
  });
  it("refuses Excel's phantom 1900-02-29 (serial 60)", () => {
    expect(serialToEpochDay(60, false)).toBeNaN();
    expect(serialToEpochDay(60.75, false)).toBeNaN();
  });
  it('refuses serial 0, negatives, values past 9999-12-31, NaN and infinities', () => {
    for (const s of [0, 0.5, -1, -25569, 2958466, NaN, Infinity, -Infinity]) expect(serialToEpochDay(s, false)).toBeNaN();
  });
  it('drops the time of day', () => {
    expect(iso1900(42736.99999)).toBe('2017-01-01');
    expect(iso1900(42736.5)).toBe('2017-01-01');
    expect(iso1900(59.9)).toBe('1900-02-28');
  });
});

describe('serialToEpochDay, 1904 system', () => {
  it('maps serial 0 to 1904-01-01 and has no phantom day', () => {
    expect(epochDayToIso(serialToEpochDay(0, true))).toBe('1904-01-01');
    expect(epochDayToIso(serialToEpochDay(59, true))).toBe('1904-02-29'); // 1904 is a leap year
    expect(epochDayToIso(serialToEpochDay(60, true))).toBe('1904-03-01');
    expect(epochDayToIso(serialToEpochDay(41274, true))).toBe('2017-01-01'); // 42736 - 1462
    expect(epochDayToIso(serialToEpochDay(2957003, true))).toBe('9999-12-31');
  });
  it('refuses negatives and values past 9999-12-31', () => {
    expect(serialToEpochDay(-1, true)).toBeNaN();
    expect(serialToEpochDay(2957004, true)).toBeNaN();
  });
  it('is the 1900 serial minus 1462 from 1900-03-01 on', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1462, max: 2958465 }), (s) => serialToEpochDay(s, false) === serialToEpochDay(s - 1462, true)),
    );
  });
});

describe('isoTextToEpochDay', () => {
  it('reads a day written YYYY-MM-DD, and nothing else', () => {
    expect(isoTextToEpochDay('2017-01-01')).toBe(17167);
    expect(isoTextToEpochDay('0001-01-01')).toBe(-719162);
    expect(isoTextToEpochDay('2017-02-30')).toBeNaN();
    for (const text of ['2017-1-01', ' 2017-01-01', '+010000-01-01', '10000-01-01', '01/01/2017', '']) expect(isoTextToEpochDay(text)).toBeNaN();
  });
  it('is the inverse of epochDayToIso over years 0 to 9999', () => {
    fc.assert(fc.property(fc.integer({ min: -719528, max: 2932896 }), (day) => isoTextToEpochDay(epochDayToIso(day)) === day));
  });
});

describe('epochDayToIso and isoToEpochDay', () => {
  it.each<[number, number, number, number, string]>([
    [1970, 1, 1, 0, '1970-01-01'],
    [1969, 12, 31, -1, '1969-12-31'],
    [2000, 2, 29, 11016, '2000-02-29'],
    [2017, 1, 1, 17167, '2017-01-01'],
    [1900, 1, 1, -25567, '1900-01-01'],
    [9999, 12, 31, 2932896, '9999-12-31'],
    [1, 1, 1, -719162, '0001-01-01'],
  ])('%i-%i-%i is day %i', (y, m, d, day, iso) => {
    expect(isoToEpochDay(y, m, d)).toBe(day);
    expect(epochDayToIso(day)).toBe(iso);
  });
  it('refuses days that do not exist', () => {
    expect(isoToEpochDay(2017, 2, 29)).toBeNaN();
    expect(isoToEpochDay(2017, 2, 30)).toBeNaN();
    expect(isoToEpochDay(1900, 2, 29)).toBeNaN();
    expect(isoToEpochDay(2017, 4, 31)).toBeNaN();
    expect(isoToEpochDay(2017, 13, 1)).toBeNaN();
    expect(isoToEpochDay(2017, 0, 1)).toBeNaN();
    expect(isoToEpochDay(2017, 1, 0)).toBeNaN();
    expect(isoToEpochDay(2017, 1.5, 1)).toBeNaN();
    expect(isoToEpochDay(NaN, 1, 1)).toBeNaN();
  });
  it('accepts leap days of leap years only', () => {
    expect(epochDayToIso(isoToEpochDay(2016, 2, 29))).toBe('2016-02-29');
    expect(epochDayToIso(isoToEpochDay(2000, 2, 29))).toBe('2000-02-29');
  });
  it('writes years outside 0..9999 in the ISO expanded form', () => {
    expect(epochDayToIso(isoToEpochDay(10000, 1, 1))).toBe('+010000-01-01');
    expect(epochDayToIso(isoToEpochDay(-1, 12, 31))).toBe('-000001-12-31');
  });
  it('throws on a value that is not a whole day', () => {
    expect(() => epochDayToIso(NaN)).toThrow(RangeError);
    expect(() => epochDayToIso(1.5)).toThrow(RangeError);
  });
  it('agrees with Date.UTC for any valid date', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), (y, m, d) => {
        const t = new Date(0);
        t.setUTCFullYear(y, m - 1, d);
        const exists = t.getUTCMonth() === m - 1;
        const day = isoToEpochDay(y, m, d);
        return exists ? day === t.getTime() / 86400000 : Number.isNaN(day);
      }),
      { numRuns: 5000 },
    );
  });
  it('round-trips every 1900 serial from 61 to 2958465 through ISO text', () => {
    fc.assert(
      fc.property(fc.integer({ min: 61, max: 2958465 }), (s) => {
        const day = serialToEpochDay(s, false);
        const [y, m, d] = epochDayToIso(day).split('-').map(Number);
        return isoToEpochDay(y, m, d) === day && day === s - 25569;
      }),
      { numRuns: 5000 },
    );
  });
  it('round-trips any epoch day of years 1..9999', () => {
    fc.assert(
      fc.property(fc.integer({ min: -719162, max: 2932896 }), (day) => {
        const iso = epochDayToIso(day);
        return /^\d{4}-\d{2}-\d{2}$/.test(iso) && readDate(iso, false, 'DMY') === day;
      }),
    );
  });
});

describe('readDate', () => {
  const day = (y: number, m: number, d: number): number => isoToEpochDay(y, m, d);

  it('reads numbers as serials in the workbook date system', () => {
    expect(readDate(42736, false, 'DMY')).toBe(day(2017, 1, 1));
    expect(readDate(42736.75, false, 'MDY')).toBe(day(2017, 1, 1));
    expect(readDate(41274, true, 'DMY')).toBe(day(2017, 1, 1));
    expect(readDate(60, false, 'DMY')).toBeNaN();
  });

  it.each<[string, [number, number, number]]>([
    ['2017-03-05', [2017, 3, 5]],
    ['  2017-03-05 ', [2017, 3, 5]],
    ['2017-03-05T10:20:00', [2017, 3, 5]],
    ['2017-03-05T10:20:00Z', [2017, 3, 5]],
    ['2017-03-05T10:20:00.123Z', [2017, 3, 5]],
    ['2017-03-05T23:59:59+02:00', [2017, 3, 5]],
    ['2017-03-05T23:59-0500', [2017, 3, 5]],
    ['2017-03-05T00:00+05', [2017, 3, 5]],
    ['2017-03-05T00:00:00,5+05:30', [2017, 3, 5]],
    ['2017-03-05 10:20', [2017, 3, 5]],
    ['2017-03-05Z', [2017, 3, 5]],
    // As BigQuery exports a TIMESTAMP, and PostgreSQL a timestamptz at UTC: the date as written.
    ['2017-03-05 23:10:00 UTC', [2017, 3, 5]],
    ['2017-03-05 23:10:00.123456 utc', [2017, 3, 5]],
    ['2017-03-05T10:20:00  GMT', [2017, 3, 5]],
    ['2017-03-05 10:20:00+00', [2017, 3, 5]],
    ['2017/03/05', [2017, 3, 5]],
    ['2017.3.5', [2017, 3, 5]],
    // Hungarian Excel's short date: spaces after the dots, a dot at the end.
    ['2017. 03. 05.', [2017, 3, 5]],
    ['2017. 3. 5.', [2017, 3, 5]],
    ['2017.03.05.', [2017, 3, 5]],
    ['2017.\u00a003.\u00a005.', [2017, 3, 5]],
    ['2017. 03. 05. 10:20:00', [2017, 3, 5]],
    ['2016-02-29', [2016, 2, 29]],
  ])('reads ISO-like %j whatever the order', (text, [y, m, d]) => {
    expect(readDate(text, false, 'DMY')).toBe(day(y, m, d));
    expect(readDate(text, true, 'MDY')).toBe(day(y, m, d));
  });

  it.each<[string, [number, number, number], [number, number, number]]>([
    ['5/3/2017', [2017, 3, 5], [2017, 5, 3]],
    ['05/03/2017', [2017, 3, 5], [2017, 5, 3]],
    ['05.03.2017', [2017, 3, 5], [2017, 5, 3]],
    ['05-03-2017', [2017, 3, 5], [2017, 5, 3]],
    ['5/3/2017 10:20', [2017, 3, 5], [2017, 5, 3]],
    ['5/3/2017 10:20:30', [2017, 3, 5], [2017, 5, 3]],
    ['5/3/2017 1:20 PM', [2017, 3, 5], [2017, 5, 3]],
    ['1/12/2017', [2017, 12, 1], [2017, 1, 12]],
    // Slovak Excel's short date (spaces after the dots); Croatian and Serbian ones end with a dot.
    ['5. 3. 2017', [2017, 3, 5], [2017, 5, 3]],
    ['05. 03. 2017 10:20', [2017, 3, 5], [2017, 5, 3]],
    ['5.3.2017.', [2017, 3, 5], [2017, 5, 3]],
    ['5. 3. 2017. 10:20', [2017, 3, 5], [2017, 5, 3]],
  ])('reads locale text %j as DMY and as MDY', (text, dmy, mdy) => {
    expect(readDate(text, false, 'DMY')).toBe(day(...dmy));
    expect(readDate(text, false, 'MDY')).toBe(day(...mdy));
  });

  it('refuses a locale date that does not exist in the configured order', () => {
    expect(readDate('13/1/2017', false, 'DMY')).toBe(day(2017, 1, 13));
    expect(readDate('13/1/2017', false, 'MDY')).toBeNaN();
    expect(readDate('1/13/2017', false, 'DMY')).toBeNaN();
    expect(readDate('1/13/2017', false, 'MDY')).toBe(day(2017, 1, 13));
    expect(readDate('29/2/2017', false, 'DMY')).toBeNaN();
    expect(readDate('31/4/2017', false, 'DMY')).toBeNaN();
  });

  it.each([
    '',
    '   ',
    '42736',
    '42736.5',
    '2017',
    '2017-02-30',
    '2017-02-29',
    '2017-13-01',
    '2017-00-10',
    '2017-03-05T',
    '2017-03-05T25:00',
    '2017-03-05 10:61',
    '2017-03-05 13:00 PM',
    '2017-03-05 xyz',
    '2017-03-05ZZ',
    '2017-03-05 UTC',
    '2017-03-05 10:20:00UTC',
    '2017-03-05 10:20:00 UTC+1',
    '2017-03-05 10:20:00 CET',
    '2017-03-05T10:20+1',
    '2017-03-05T10:20+01:0',
    '2017-03-05T10:20+15:00',
    '2017-03-05T10:2',
    '2017-03-05T1020',
    '2017-03/05',
    '2017-003-05',
    '05/03/17',
    '5/3/017',
    '5/3/20170',
    '05/03-2017',
    '005/03/2017',
    '5/3/2017T10:00',
    '5/3/2017Z',
    // Spaces only after a dot, never before it or after another separator; one closing dot, on dotted dates only.
    '5 .3 .2017',
    '5/ 3/ 2017',
    '2017- 03- 05',
    '2017-03-05.',
    '5/3/2017.',
    '5.3.2017..',
    '5. 3. 17',
    '2017. 03. 05..',
    '0000-01-01',
    '#N/A',
  ])('%j -> NaN', (text) => {
    expect(readDate(text, false, 'DMY')).toBeNaN();
    expect(readDate(text, false, 'MDY')).toBeNaN();
  });

  it('gives NaN for booleans, null and undefined', () => {
    for (const c of [true, false, null, undefined]) expect(readDate(c, false, 'DMY')).toBeNaN();
  });

  it('reads any valid date written in the configured order', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: isoToEpochDay(1000, 1, 1), max: isoToEpochDay(9999, 12, 31) }),
        fc.constantFrom<'DMY' | 'MDY'>('DMY', 'MDY'),
        fc.constantFrom('/', '.', '-'),
        fc.boolean(),
        (d, order, sep, pad) => {
          const [y, m, dd] = epochDayToIso(d).split('-').map(Number);
          const p = (n: number): string => (pad ? String(n).padStart(2, '0') : String(n));
          const text = order === 'DMY' ? `${p(dd)}${sep}${p(m)}${sep}${y}` : `${p(m)}${sep}${p(dd)}${sep}${y}`;
          return readDate(text, false, order) === d;
        },
      ),
    );
  });

  it('never throws on any string', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (s) => {
        const v = readDate(s, false, 'DMY');
        return Number.isNaN(v) || Number.isInteger(v);
      }),
    );
  });
});

describe('readDate: the month by its name', () => {
  it.each<[string, string]>([
    ['05-Mar-2017', '2017-03-05'], // Excel's d-mmm-yyyy, Oracle and SAP exports
    ['5 Mar 2017', '2017-03-05'],
    ['5.MAR.2017', '2017-03-05'],
    ['05-March-2017 14:30', '2017-03-05'],
    ['Mar 5, 2017', '2017-03-05'], // the English long date
    ['March 5th 2017 10:30 PM', '2017-03-05'],
    ['5-Sept-2017', '2017-09-05'],
    ['29-Feb-2016', '2016-02-29'],
  ])('%j -> %s, whatever the day order setting', (text, iso) => {
    expect(epochDayToIso(readDate(text, false, 'MDY'))).toBe(iso);
    expect(epochDayToIso(readDate(text, false, 'DMY'))).toBe(iso);
  });
  it.each<[string, string]>([
    // The languages whose headers Tierwise detects, as their long dates and Excel's mmm write them.
    ['5. März 2017', '2017-03-05'], // German
    ['05.Mrz.2017', '2017-03-05'], // Excel de-DE, dd.mmm.yyyy
    ['3-Dez-2017', '2017-12-03'],
    ['05-Okt-2017', '2017-10-05'],
    ['1er août 2017', '2017-08-01'], // French, with "1er"
    ['5 févr. 2017', '2017-02-05'],
    ['5 juil. 2017', '2017-07-05'],
    ['5 aout 2017', '2017-08-05'], // without the accent, as some exports write it
    ['5 de marzo de 2017', '2017-03-05'], // Spanish
    ['5-ene-2017', '2017-01-05'],
    ['5 Mayo 2017', '2017-05-05'],
    ['5 maart 2017', '2017-03-05'], // Dutch
    ['5-mrt-2017', '2017-03-05'],
    ['5 MEI 2017', '2017-05-05'],
    ['5 marzo 2017', '2017-03-05'], // Italian
    ['5-gen-2017', '2017-01-05'],
    ['12 settembre 2017', '2017-09-12'],
    ['5-ott-2017', '2017-10-05'],
    ['5 de março de 2017', '2017-03-05'], // Portuguese
    ['5 de marco de 2017', '2017-03-05'],
    ['5-out-2017', '2017-10-05'],
    ['5-set-2017', '2017-09-05'],
  ])('%j -> %s (French, German, Spanish, Dutch, Italian, Portuguese)', (text, iso) => {
    expect(epochDayToIso(readDate(text, false, 'MDY'))).toBe(iso);
    expect(epochDayToIso(readDate(text, false, 'DMY'))).toBe(iso);
  });
  // "jui" is juin or juillet in French: no month. "Mais" is no month in any of the seven.
  it.each(['05-MAR-17', '29-Feb-2017', '5-Foo-2017', '5 jui 2017', '5 Mais 2017', 'May 2017', '2017-Mar-05', 'Mar 5, 2017 25:00', 'Mar 5, 2017 13:00 PM', 'Ma 5, 2017'])('%j -> NaN', (text) => {
    expect(readDate(text, false, 'DMY')).toBeNaN();
  });
});

describe('detectDateOrder', () => {
  it('finds DMY when a first part is above 12', () => {
    expect(detectDateOrder(['5/3/2017', '13/3/2017', 42736, '2017-01-01'])).toEqual({ order: 'DMY', evidence: 'DMY' });
  });
  it('finds MDY when a second part is above 12', () => {
    expect(detectDateOrder(['3/5/2017', '3/13/2017 10:00'])).toEqual({ order: 'MDY', evidence: 'MDY' });
  });
  it('reports a conflict when both kinds occur', () => {
    expect(detectDateOrder(['13/3/2017', '1/1/2017', '3/13/2017'])).toEqual({ order: undefined, evidence: 'conflict' });
  });
  it('reports ambiguity when every part is 12 or less', () => {
    expect(detectDateOrder(['5/3/2017', '12.12.2017', '1-2-2017'])).toEqual({ order: undefined, evidence: 'ambiguous' });
  });
  it('reads dotted dates day first when no date proves an order', () => {
    expect(detectDateOrder(['05.03.2017', '1.2.2017 08:30', 42736, '2017-01-01'])).toEqual({ order: 'DMY', evidence: 'dots' });
    expect(detectDateOrder(['5. 3. 2017', '1.2.2017.', '2017. 03. 05.'])).toEqual({ order: 'DMY', evidence: 'dots' });
    // Proof wins over the separator: 3.13.2017 exists only month first.
    expect(detectDateOrder(['05.03.2017', '3.13.2017'])).toEqual({ order: 'MDY', evidence: 'MDY' });
    expect(detectDateOrder(['05.03.2017', '5-3-2017'])).toEqual({ order: undefined, evidence: 'ambiguous' });
    // Text that is a date in neither order is no evidence, dotted or not.
    expect(detectDateOrder(['31.02.2017', '5/3/2017'])).toEqual({ order: undefined, evidence: 'ambiguous' });
  });
  it('reports none without locale text dates', () => {
    expect(detectDateOrder([])).toEqual({ order: undefined, evidence: 'none' });
    expect(detectDateOrder([42736, '2017-03-13', '42736', null, '', 'x', true])).toEqual({ order: undefined, evidence: 'none' });
  });
  it('ignores text that is a date in neither order', () => {
    expect(detectDateOrder(['13/13/2017', '31/2/2017', '5/3/17'])).toEqual({ order: undefined, evidence: 'none' });
    expect(detectDateOrder(['31/2/2017', '5/3/2017'])).toEqual({ order: undefined, evidence: 'ambiguous' });
  });
  it('takes any iterable', () => {
    function* cells(): Generator<string> {
      yield '1/1/2017';
      yield '25/12/2017';
    }
    expect(detectDateOrder(cells())).toEqual({ order: 'DMY', evidence: 'DMY' });
  });
});
