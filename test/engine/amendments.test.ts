// The contract's amendments of SEMANTICS.md sections 2 and 3.7 (issue 20, item 5), on hand-made tables.
import { parseConfig } from '../../src/engine/config';
import { segment } from '../../src/engine/run';
import { segmentName, type EngineResult } from '../../src/engine/result';
import { epochDayToIso } from '../../src/engine/parse/date';
import { ABC_80_15_5, config, table } from '../support/tables';

const tiers = (r: EngineResult) => Object.fromEntries(r.customers.ids.map((id, c) => [id, segmentName(r.types[0], c)]));

describe('a default segment without a share (3.7)', () => {
  const HD = ['Customer', 'Date', 'Sales'];
  const rows = [
    ['old', '2016-05-01', 100], // only outside the window
    ['a', '2017-02-01', 60],
    ['b', '2017-03-01', 30],
    ['c', '2017-12-30', 10],
  ];
  const withNew = { ...ABC_80_15_5, segments: [...ABC_80_15_5.segments, { name: 'New', default: true }] };

  test('is valid without exclude: true', () => {
    expect(parseConfig({ version: 1, segmentTypes: [withNew] }).ok).toBe(true);
  });

  test('takes no part in the ranking and receives the customers without lines in the window', () => {
    // 2017: a 60, b 30, c 10 (total 100): a 0 ahead -> A, b .60 -> A, c .90 -> B. old has no 2017 line -> New.
    const r = segment(table(HD, rows), config({ window: { kind: 'year', year: 2017 }, segmentTypes: [withNew] }));
    expect(tiers(r)).toEqual({ old: 'New', a: 'A', b: 'A', c: 'B' });
  });

  test('customers at 0 or less go to the last ranked segment, not to the default one', () => {
    const r = segment(table(HD, [...rows, ['zero', '2017-05-01', 0]]), config({ window: { kind: 'year', year: 2017 }, segmentTypes: [withNew] }));
    expect(tiers(r).zero).toBe('C');
  });

  test('a ranked segment still needs a share', () => {
    const bad = { ...ABC_80_15_5, segments: [{ name: 'A', share: 80 }, { name: 'B' }, { name: 'C', share: 20 }] };
    const parsed = parseConfig({ version: 1, segmentTypes: [bad] });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.issues.map((i) => i.where)).toContain('segmentTypes[0].segments[1].share');
  });
});

describe('the default window end is taken before filters (2)', () => {
  const H = ['Customer', 'Date', 'Sales', 'Region'];
  // The East stopped selling in March 2017; the West sold until December.
  const rows = [
    ['e1', '2017-03-31', 100, 'East'],
    ['e2', '2016-10-15', 50, 'East'],
    ['w1', '2017-12-30', 10, 'West'],
  ];

  test("a filter on a region that stopped selling does not move the window back to its last sale", () => {
    const r = segment(table(H, rows), config({ window: { kind: 'rolling', months: 6 }, filters: [{ column: 'Region', in: ['East'] }], segmentTypes: [ABC_80_15_5] }));
    // 6 months ending 2017-12-30 (the West's last line) cover 2017-07-01 to 2017-12-30: no East line is in it.
    expect([epochDayToIso(r.window!.start), epochDayToIso(r.window!.end)]).toEqual(['2017-07-01', '2017-12-30']);
    // Before the amendment the end was 2017-03-31 and e1 and e2 were both counted.
  });

  test('a filtered row without a customer or with an unreadable date does not set the end', () => {
    const more = [...rows, ['', '2018-06-01', 5, 'West'], ['w2', 'soon', 5, 'West']];
    const r = segment(table(H, more), config({ window: { kind: 'rolling', months: 6 }, filters: [{ column: 'Region', in: ['East'] }], segmentTypes: [ABC_80_15_5] }));
    expect(epochDayToIso(r.window!.end)).toBe('2017-12-30');
  });

  test('without filters the end is the latest line, as before', () => {
    const r = segment(table(H, rows), config({ window: { kind: 'rolling', months: 6 }, segmentTypes: [ABC_80_15_5] }));
    expect(epochDayToIso(r.window!.end)).toBe('2017-12-30');
  });
});
