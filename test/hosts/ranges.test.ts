// The configuration's saved ranges and the hosts' sources, both ways.
import { defaultConfig, parseConfig } from '../../src/engine/config';
import { configHash } from '../../src/engine/history';
import type { SourceInfo } from '../../src/hosts/host';
import { findRange, firstSalesCandidate, namedRange, rangeOf, savedRanges, withRanges } from '../../src/hosts/ranges';

const listed: SourceInfo[] = [
  { ref: { kind: 'table', name: 'Orders' }, label: 'Table Orders' },
  { ref: { kind: 'sheet', name: 'Answers' }, label: 'Sheet Answers' },
  { ref: { kind: 'selection' }, label: 'The selection' },
];

describe('saved ranges', () => {
  test('a table or a sheet is saved by name; a selection is not', () => {
    expect(rangeOf({ kind: 'table', name: 'Orders' })).toEqual({ table: 'Orders' });
    expect(rangeOf({ kind: 'sheet', name: 'Answers' })).toEqual({ sheet: 'Answers' });
    expect(rangeOf({ kind: 'selection' })).toBeUndefined();
  });

  test('a range named on the command line: a table, else a sheet, else none', () => {
    expect(namedRange({ table: 'Orders', sheet: 'Sales' })).toEqual({ kind: 'table', name: 'Orders' });
    expect(namedRange({ sheet: 'Sales' })).toEqual({ kind: 'sheet', name: 'Sales' });
    expect(namedRange({})).toBeUndefined();
  });

  test('a saved range finds its source again, ignoring case as Excel does; a vanished one finds nothing', () => {
    expect(findRange(listed, { table: 'orders' })).toEqual({ kind: 'table', name: 'Orders' });
    expect(findRange(listed, { sheet: 'ANSWERS' })).toEqual({ kind: 'sheet', name: 'Answers' });
    expect(findRange(listed, { table: 'Answers' })).toBeUndefined(); // a sheet of that name is not a table
    expect(findRange(listed, { sheet: 'Gone' })).toBeUndefined();
    expect(findRange(listed, undefined)).toBeUndefined();
  });

  test('the saved ranges the workbook still has are found; each one it lost gets a message naming it', () => {
    const { found, missing } = savedRanges(listed, { sales: { table: 'Orders' }, answers: { table: 'Survey' }, visits: { sheet: 'answers' } });
    expect(found).toEqual({ sales: { kind: 'table', name: 'Orders' }, visits: { kind: 'sheet', name: 'Answers' } });
    expect(missing).toEqual([{ role: 'answers', message: 'the questionnaire answers last used, table "Survey"' }]);
    expect(savedRanges(listed, undefined)).toEqual({ found: {}, missing: [] });
  });

  test('without a saved sales range, sales come from the first table or sheet that is not the saved answers or visits range', () => {
    const answersFirst: SourceInfo[] = [listed[1], listed[0], listed[2]];
    expect(firstSalesCandidate(answersFirst, {})).toEqual({ kind: 'sheet', name: 'Answers' });
    expect(firstSalesCandidate(answersFirst, { answers: { kind: 'sheet', name: 'Answers' } })).toEqual({ kind: 'table', name: 'Orders' });
    // Nothing else to read: whatever comes first (the user picks the right range in the Data step).
    expect(firstSalesCandidate([listed[1], listed[2]], { answers: { kind: 'sheet', name: 'Answers' } })).toEqual({ kind: 'sheet', name: 'Answers' });
    expect(firstSalesCandidate([], {})).toBeUndefined();
  });

  test('a role given replaces the saved one (none or a selection removes it); a role not given keeps it', () => {
    const saved = withRanges(defaultConfig(), { sales: { kind: 'table', name: 'Orders' }, answers: { kind: 'sheet', name: 'Answers' } });
    expect(saved.ranges).toEqual({ sales: { table: 'Orders' }, answers: { sheet: 'Answers' } });
    // The command line knows only the sales range: the answers range the pane saved stays.
    expect(withRanges(saved, { sales: { kind: 'sheet', name: 'Sales 2017' } }).ranges).toEqual({ sales: { sheet: 'Sales 2017' }, answers: { sheet: 'Answers' } });
    expect(withRanges(saved, { sales: { kind: 'selection' }, answers: undefined }).ranges).toBeUndefined();
    // What is saved reads back as a valid configuration.
    const parsed = parseConfig(JSON.parse(JSON.stringify(saved)));
    expect(parsed.ok && parsed.config.ranges).toEqual({ sales: { table: 'Orders' }, answers: { sheet: 'Answers' } });
  });

  test('the configuration hash in the history ignores the ranges: the same segmentation on other data is the same configuration', () => {
    const config = defaultConfig();
    expect(configHash(withRanges(config, { sales: { kind: 'table', name: 'Orders' } }))).toBe(configHash(config));
    expect(configHash({ ...config, minimumNetSales: 10 })).not.toBe(configHash(config));
  });

  test('a range must name a table or a sheet', () => {
    const r = parseConfig({ version: 1, ranges: { sales: { table: ' ' }, visits: { range: 'A1:B2' } } });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues).toEqual([
        { severity: 'error', where: 'ranges.sales.table', message: 'name the table' },
        { severity: 'error', where: 'ranges.visits', message: 'a range is { "table": "name" } or { "sheet": "name" }' },
      ]);
    }
  });
});
