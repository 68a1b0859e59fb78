// The DuckDB path against the engine, on random small sales files (SEMANTICS.md is the contract, the
// engine its reference): the same file, read by the command line's CSV reader and segmented by the engine,
// and read by DuckDB and segmented by the compiled query, must give the same customers in the same order,
// the same segments, numbers within 1e-9, and the same left-out lines with the same messages.
// The tables hold what breaks executors: ties, returns, zero and negative totals, dates on a window's
// edges, numbers written as text (`1,234.50`, `(12.00)`, `$5`), unreadable cells, blank and error-valued
// customers, quotes, backslashes and `--` in names, keys with spaces around them; the kinds the compiler
// writes (ABC, bands, RFM, loyalty, activity, profiles asking the lines' own columns) with every window, filters, minimums, default and excluded segments, overrides,
// and visit planning over a random visits file (days past the end, unreadable dates, customers nobody knows).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { parseConfig, type Config, type ConfigInput } from '../../src/engine/config';
import { epochDayToIso, isoToEpochDay } from '../../src/engine/parse/date';
import type { ExtraSources } from '../../src/engine/prepared';
import { segment } from '../../src/engine/run';
import { readSourceFile } from '../../src/hosts/files/read';
import { segmentOnDuckdb } from '../../src/sql/duckdb-run';
import { differences, engineAnswer, type Row } from '../support/sql-compare';

const HEADER = ['Customer ID', 'Customer Name', 'Order Date', 'Sales', 'Profit', 'Quantity', 'Region', 'Order ID'];
const COLUMNS = { customer: 'Customer ID', customerName: 'Customer Name', date: 'Order Date', amount: 'Sales', profit: 'Profit', quantity: 'Quantity', order: 'Order ID' };

const CUSTOMERS = ['C1', ' C1 ', 'C2', 'C3', "O'Brien", 'a"b', 'back\\slash', 'x -- y', '1001', 'Ü-7', '', '#N/A', '\u3000#DIV/0!\u00a0', 'Grand total', 'Summe', 'C2 Total', '1.23457E+11', '12-Mar', '1234567890123450', '9876543210987650', '1111111111111110', '1001.0', '="007"', '="C1"', '01001'];
const NAMES = ['Ann', 'Ann, Ltd', 'Bob "B"', '', ' ', "D'Arcy -- \\", 'two\nlines'];
const REGIONS = ['West', 'East', ' West ', '', '="East"'];

/** Days around the edges of the windows the configurations ask for (12 months ending 2017-12-30, fiscal 2017 from April...). */
const EDGE_DAYS = ['2017-12-30', '2016-12-30', '2016-12-31', '2017-01-01', '2016-12-31', '2017-03-31', '2017-04-01', '2016-03-31', '2016-04-01', '2017-06-30', '2017-07-01', '2016-02-29'];
const LAST = isoToEpochDay(2017, 12, 30);

const day = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...EDGE_DAYS) },
  { weight: 3, arbitrary: fc.integer({ min: LAST - 800, max: LAST }).map(epochDayToIso) },
);
const dateCell = fc.oneof(
  { weight: 12, arbitrary: day },
  { weight: 1, arbitrary: day.map((d) => `${d.slice(5, 7)}/${d.slice(8, 10)}/${d.slice(0, 4)}`) },
  // As BigQuery exports a TIMESTAMP: the DuckDB path hands such texts to the engine's reader.
  { weight: 1, arbitrary: day.map((d) => `${d} 23:59:59 UTC`) },
  // Written `="..."` as exports keep text for Excel: the text inside, `="42736"` no date.
  { weight: 1, arbitrary: fc.constantFrom('="2017-03-05"', '="3/5/2017"', '="42736"', '=""') },
  // Slovak and Hungarian Excels' short dates: the DuckDB path weighs the first as day/month evidence and
  // hands both to the engine's reader.
  { weight: 1, arbitrary: day.map((d) => `${Number(d.slice(8, 10))}. ${Number(d.slice(5, 7))}. ${d.slice(0, 4)}`) },
  { weight: 1, arbitrary: day.map((d) => `${d.slice(0, 4)}. ${d.slice(5, 7)}. ${d.slice(8, 10)}.`) },
  { weight: 1, arbitrary: fc.constantFrom('', 'soon', '2017-02-30', ' 2017-05-05 ', '2017-03', 'Q1 2017', '2071-03-05') },
  // Excel serial numbers, as some exports write dates: a whole number is a number to the engine's reader
  // (201703, a month written YYYYMM, is a day in 2452).
  { weight: 1, arbitrary: fc.constantFrom('42736', '43099', '60', '-5', '0042736', '42736.5', '3000000', '201703') },
);
/** Amounts: few distinct values, so ties are common; returns; text the engine reads and text it does not. */
const money = (min: number, max: number) =>
  fc.oneof(
    { weight: 10, arbitrary: fc.integer({ min, max }).map(String) },
    { weight: 3, arbitrary: fc.integer({ min: min * 4, max: max * 4 }).map((q) => String(q / 4)) },
    { weight: 2, arbitrary: fc.constant('0') },
    { weight: 1, arbitrary: fc.constantFrom('1,234.50', '(12.00)', '$5', ' 7 ', '1e2', '-0', '1,23,456.78', '12,34,567') },
    { weight: 1, arbitrary: fc.constantFrom('', 'n/a', '#N/A', '5.', '1.2.3', '="12.50"', '=""') },
  );
const line = fc.tuple(
  fc.constantFrom(...CUSTOMERS),
  fc.constantFrom(...NAMES),
  dateCell,
  money(-50, 400),
  money(-100, 100),
  fc.oneof({ weight: 8, arbitrary: fc.integer({ min: 0, max: 5 }).map(String) }, { weight: 1, arbitrary: fc.constantFrom('', 'x') }),
  fc.constantFrom(...REGIONS),
  fc.oneof({ weight: 12, arbitrary: fc.constantFrom('O1', 'O2', 'O3', 'O4', ' O1 ') }, { weight: 1, arbitrary: fc.constantFrom('#N/A', '', '\u00a0#N/A', '\u000b#REF! ') }),
);

const shares = fc.constantFrom<number[]>([80, 15, 5], [70, 20, 10], [50, 50, 0], [60, 30, 10], [100, 0, 0], [33.3, 33.3, 33.4]);
const abcType = fc.record({ shares, measure: fc.constantFrom('sales', 'profit', 'quantity'), boundary: fc.constantFrom('upper', 'lower'), excluded: fc.boolean(), dflt: fc.constantFrom('none', 'apart', 'with share'), minimum: fc.constantFrom(undefined, 0, 50) }).map((t) => {
  const [a, b, c] = t.shares;
  const segments: Record<string, unknown>[] = [{ name: 'A', share: a }, { name: 'B', share: b }];
  if (t.excluded) segments.push({ name: "VIP 'x' --", exclude: true });
  segments.push(t.dflt === 'with share' ? { name: 'C', share: c, default: true } : { name: 'C', share: c });
  if (t.dflt === 'apart') segments.push({ name: 'Dormant', default: true });
  return { name: 'ABC "q"', kind: 'abc', measure: t.measure, boundary: t.boundary, segments, ...(t.minimum !== undefined ? { minimumNetSales: t.minimum } : {}) };
});
const bandsType = fc.record({ measure: fc.constantFrom('profit', 'sales', 'margin'), cut: fc.constantFrom(0, 10, 50) }).map((t) => ({
  name: 'Band \\ --',
  kind: 'bands',
  measure: t.measure,
  bands: [{ name: 'Loss', max: 0 }, { name: 'Low', min: 0, max: t.cut === 0 ? 1 : t.cut }, { name: 'High', min: t.cut === 0 ? 1 : t.cut }],
}));
/** The default 5 scores and segment table, or 3 scores with a table of its own. */
const rfmType = fc.constantFrom(
  { name: "RFM 'r'", kind: 'rfm' },
  { name: "RFM 'r'", kind: 'rfm', scores: 3, segments: [{ name: 'Best', r: [3, 3], f: [2, 3] }, { name: "Gone -- 'x'", r: [1, 1] }] },
);
/** Loyalty: program rates per order, rules on the region and the order id (a column and a role), rounding to multiples. */
const loyaltyType = fc
  .record({
    perCurrency: fc.constantFrom(0, 0.1, 1, 0.25),
    perUnit: fc.constantFrom(0, 1.5),
    perOrder: fc.constantFrom(0, 5),
    rounding: fc.constantFrom(1, 0.5, 0.1, 10),
    rules: fc.constantFrom(
      [],
      [{ match: { column: 'Region', in: ['West'] }, perCurrency: 2, cumulative: false }],
      [
        { match: { column: 'region', in: ['East', "x 'y' --"] }, perUnit: 3, cumulative: true },
        { match: { column: 'order', in: ['O1', 'O3'] }, perCurrency: 0.5, perUnit: 1, cumulative: false },
        { match: { column: 'Region', in: ['East'] }, perCurrency: 7, cumulative: true },
      ],
    ),
    rewards: fc.boolean(),
  })
  .map((t) => ({
    name: "Club 'l'",
    kind: 'loyalty',
    perCurrency: t.perCurrency,
    perUnit: t.perUnit,
    perOrder: t.perOrder,
    rounding: t.rounding,
    rules: t.rules,
    levels: [
      { name: 'Member', minPoints: 0 },
      { name: "Silver 's'", minPoints: 20, discount: 5 },
      { name: 'Gold', minPoints: 100, discount: 10 },
    ],
    rewards: t.rewards ? [{ name: 'Mug', cost: 10 }, { name: "Trip -- 't'", minPoints: 50, cost: 40 }] : [],
  }));
const activityLine = fc.record({
  measure: fc.constantFrom('sales', 'profit', 'orders', 'points', 'lastPurchaseDays', 'som'),
  operator: fc.constantFrom('<', '<=', '=', '>=', '>', '!='),
  value: fc.constantFrom(0, 1, 30, 100, 0.5, 0.8),
  mandatory: fc.boolean(),
});
/** Activity: a few short periods (some reaching back before the window), any decay, random criteria lines. */
const activityType = fc
  .record({ periods: fc.integer({ min: 1, max: 6 }), periodDays: fc.constantFrom(7, 30, 90), initial: fc.constantFrom(0, 0.5, 1), decrease: fc.constantFrom(0, 0.5, 0.8, 1), criteria: fc.array(activityLine, { maxLength: 3 }) })
  .map((t) => ({ name: 'Active "a"', kind: 'activity', category: "Keen 'k' --", ...t }));
/** Profiles asking the sales lines' own columns (no answers file): the region (spaces, case, blanks) and the order id. */
const profilesType = fc.constantFrom({
  name: "Profile 'p'",
  kind: 'profiles',
  profiles: [
    { name: 'West', include: { Region: ['west'] } },
    { name: "Not East -- 'x'", exclude: { region: ['East', ''] } },
    { name: 'O1 buyer', parent: 'West', include: { 'Order ID': ['O1', ' O1 '] }, priority: 1 },
  ],
});
const windowSpec = fc.constantFrom<ConfigInput['window']>(
  { kind: 'all' },
  { kind: 'rolling', months: 12 },
  { kind: 'rolling', months: 1 },
  { kind: 'rolling', months: 3, end: '2017-06-30' },
  { kind: 'year', year: 2017, startMonth: 1 },
  { kind: 'year', year: 2017, startMonth: 4 },
);
/** A visits file: known customers (spaces around some), nobody the run knows, days past the end, unreadable dates. */
const visitRow = fc.tuple(fc.constantFrom(...CUSTOMERS, 'Nobody'), fc.oneof({ weight: 6, arbitrary: dateCell }, { weight: 1, arbitrary: fc.constantFrom('2018-01-15', '#N/A') }));
/** A visit frequency on some segments of every type: the second segment of a list (the first has none), an activity's category. */
function planVisits(type: Record<string, unknown>, every: number): Record<string, unknown> {
  if (type.kind === 'activity') return { ...type, visitEveryDays: every };
  const key = (['segments', 'bands', 'levels'] as const).find((k) => Array.isArray(type[k]));
  if (key === undefined) return type;
  return { ...type, [key]: (type[key] as Record<string, unknown>[]).map((s, i) => (i === 1 ? { ...s, visitEveryDays: every } : i === 2 ? { ...s, visitEveryDays: every * 2 } : s)) };
}
const configInput = fc
  .record({
    window: windowSpec,
    filters: fc.constantFrom<NonNullable<ConfigInput['filters']>>(
      [],
      [{ column: 'Region', in: ['West'] }],
      [{ column: 'Region', notIn: ['East', ''] }],
      // Values no row may hold, one in another letter case: the warnings' words and order on both paths.
      [{ column: 'Region', in: ['WEST', 'East', 'North'] }, { column: 'Region', notIn: ['west', ''] }],
    ),
    minimum: fc.constantFrom(undefined, 0, 25),
    // A column set to not mapped: its lines kept; a type that reads it refused alike.
    unmapped: fc.constantFrom({}, { quantity: null }, { order: null }),
    types: fc.oneof(fc.tuple(abcType), fc.tuple(bandsType), fc.tuple(rfmType), fc.tuple(abcType, bandsType, rfmType), fc.tuple(loyaltyType), fc.tuple(loyaltyType, activityType), fc.tuple(abcType, profilesType)),
    overrides: fc.boolean(),
    visitEvery: fc.constantFrom(undefined, 1, 30, 90),
  })
  .map(
    (c): ConfigInput => ({
      version: 1,
      columns: { ...COLUMNS, ...c.unmapped },
      window: c.window,
      filters: c.filters,
      ...(c.minimum !== undefined ? { minimumNetSales: c.minimum } : {}),
      segmentTypes: (c.visitEvery === undefined ? c.types : (c.types as readonly Record<string, unknown>[]).map((t) => planVisits(t, c.visitEvery!))) as ConfigInput['segmentTypes'],
      overrides: c.overrides ? { 'ABC "q"': { C2: 'A', ' C3 ': 'vip \'x\' --', Zed: 'B', C1: 'Gone' } } : {},
    }),
  );

const csvField = (v: string, delimiter: string) => (/["\r\n]/.test(v) || v.includes(delimiter) || v !== v.trim() ? `"${v.replace(/"/g, '""')}"` : v);
/** A line holding only a carriage return, which DuckDB's reader skips as it skips an empty line (`[]`). */
const CR_LINE: string[] = ['\r'];
/**
 * How a file is written: its lines ended in turn by `ends` (one kind for the whole file, or a mix: a
 * Windows export with lines appended on a server, an old Mac file joined to either), and `european` as
 * a German or French Excel saves it: semicolons, and the numbers' points and commas swapped (`1.234,50`).
 */
interface FileStyle {
  ends: readonly string[];
  european: boolean;
  /** The profit column holds rates (each plain profit / 400: -0.25 to 0.25), as a `Margin` column of 25 % does. */
  rates?: boolean;
}
const PLAIN_FILE: FileStyle = { ends: ['\n'], european: false };
const PROFIT = HEADER.indexOf('Profit');
const asRates = (rows: string[][]) => rows.map((r) => (r.length > PROFIT && /^-?\d+(\.\d+)?$/.test(r[PROFIT]) ? r.map((v, c) => (c === PROFIT ? String(Number(v) / 400) : v)) : r));
const NUMBER_COLUMNS = ['Sales', 'Profit', 'Quantity'].map((h) => HEADER.indexOf(h));
const swapSeparators = (v: string) => v.replace(/[.,]/g, (c) => (c === '.' ? ',' : '.'));
const csvText = (rows: string[][], header = HEADER, style = PLAIN_FILE) => {
  const delimiter = style.european ? ';' : ',';
  const cells = (r: string[]) => r.map((v, c) => csvField(style.european && header === HEADER && NUMBER_COLUMNS.includes(c) ? swapSeparators(v) : v, delimiter));
  return [header, ...rows].map((r, i) => (r === CR_LINE ? '\r' : cells(r).join(delimiter)) + style.ends[i % style.ends.length]).join('');
};
const fileStyle = fc.record({
  ends: fc.oneof(
    { weight: 4, arbitrary: fc.constant(['\n']) },
    { weight: 2, arbitrary: fc.constantFrom(['\r\n'], ['\r']) },
    { weight: 2, arbitrary: fc.array(fc.constantFrom('\n', '\r\n', '\r'), { minLength: 2, maxLength: 8 }) },
  ),
  european: fc.boolean(),
  rates: fc.boolean(),
});

const dir = mkdtempSync(join(tmpdir(), 'tierwise-duckdb-diff-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Both executors on one file; every difference in words. */
async function compare(rows: string[][], input: ConfigInput, name: string, visitRows?: string[][], style = PLAIN_FILE): Promise<string[]> {
  const parsed = parseConfig(input);
  if (!parsed.ok) throw new Error(`the generator made an invalid configuration: ${JSON.stringify(parsed.issues)}`);
  const config: Config = parsed.config;
  const path = join(dir, `${name}.csv`);
  writeFileSync(path, csvText(style.rates ? asRates(rows) : rows, HEADER, style));
  const table = await readSourceFile(path);
  let sources: ExtraSources = {};
  if (visitRows !== undefined) {
    const visitsPath = join(dir, `${name}-visits.csv`);
    writeFileSync(visitsPath, csvText(visitRows, ['Customer ID', 'Visit date']));
    sources = { visits: await readSourceFile(visitsPath) };
  }
  const engine = segment(table, config, undefined, sources);
  const duck = await segmentOnDuckdb(path, config, { sources });
  const refused = engine.issues.filter((i) => i.severity === 'error' && i.row === undefined);
  if (!duck.ok) {
    if (duck.reason === 'not-compiled') return [`not compiled: ${JSON.stringify(duck.problems)}`];
    if (duck.reason === 'line-too-long') return [`a line too long for DuckDB: ${JSON.stringify(duck)}`];
    const said = (xs: { where: string; message: string }[]) => JSON.stringify(xs.map((i) => `${i.where}: ${i.message}`));
    return said(refused) === said(duck.issues.filter((i) => i.severity === 'error' && i.row === undefined)) ? [] : [`refusals differ: engine ${said(refused)}, duckdb ${said(duck.issues)}`];
  }
  if (refused.length > 0) return [`the engine refused (${JSON.stringify(refused)}) and DuckDB did not`];
  const { run } = duck;
  const answer = engineAnswer(table, config, sources);
  const sqlRows: Row[] = run.customers.ids.map((_, r) => Object.fromEntries(run.columns.map((c) => [c.header, c.values[r]])));
  const out = differences(answer, run.columns.map((c) => c.header), sqlRows);
  const order = (ids: readonly unknown[]) => ids.map(String).join(' | ');
  if (order(engine.customers.ids) !== order(run.customers.ids)) out.push(`customer order: engine ${order(engine.customers.ids)}; duckdb ${order(run.customers.ids)}`);
  const counts = (r: { lineCount: number; leftOutRows: number; filteredRows: number }) => `${r.lineCount} lines, ${r.leftOutRows} left out, ${r.filteredRows} filtered`;
  if (counts(engine) !== counts(run)) out.push(`counts: engine ${counts(engine)}; duckdb ${counts(run)}`);
  // In the same order: the command line prints them, and writes them to --issues, as they come.
  const said = (xs: { where: string; message: string; value?: unknown }[]) => xs.map((i) => `${i.where}: ${i.message} [${JSON.stringify(i.value ?? '')}]`);
  const [e, d] = [said(engine.issues), said(run.issues)];
  if (JSON.stringify(e) !== JSON.stringify(d)) out.push(`issues:\n  engine ${e.join('\n         ')}\n  duckdb ${d.join('\n         ')}`);
  return out;
}

/**
 * Now and then a blank line (empty, or a carriage return alone: DuckDB skips it, the engine counts it as
 * a row), a line of empty fields (`,,,`), or one holding only its region, which not every configuration reads.
 */
const lineOrBlank = fc.oneof(
  { weight: 25, arbitrary: line },
  { weight: 1, arbitrary: fc.constant<string[]>([]) },
  { weight: 1, arbitrary: fc.constant(CR_LINE) },
  { weight: 1, arbitrary: fc.constantFrom(HEADER.map(() => ''), HEADER.map((h) => (h === 'Region' ? 'West' : ' '))) },
);

/** 30 by default (well under a minute, even on a busy machine); TIERWISE_DIFF_RUNS=500 for a longer hunt. */
const RUNS = Number(process.env.TIERWISE_DIFF_RUNS ?? 30);

describe('DuckDB path against the engine', () => {
  it('gives the same tiers, numbers, order and left-out lines on random files (line breaks, separators) and configurations', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(lineOrBlank, { minLength: 1, maxLength: 30 }), configInput, fc.option(fc.array(visitRow, { maxLength: 12 }), { freq: 3 }), fileStyle, async (rows, input, visits, style) => {
        const diffs = await compare(rows, input, `case-${n++}`, visits ?? undefined, style);
        if (diffs.length > 0) throw new Error(diffs.join('\n'));
      }),
      // A failure is replayed with the seed and path it prints: TIERWISE_DIFF_SEED=... TIERWISE_DIFF_PATH=...
      { numRuns: RUNS, endOnFailure: true, ...(process.env.TIERWISE_DIFF_SEED !== undefined && { seed: Number(process.env.TIERWISE_DIFF_SEED), path: process.env.TIERWISE_DIFF_PATH }) },
    );
  }, Math.max(120_000, RUNS * 3_000));

  // Worked by hand: C1's first line is left out (unreadable amount), so the engine lists C1 first
  // although its first kept line comes after C2's; ' C1 ' is C1. ABC 80/15/5 on sales 100 + 30 (C1) and
  // 20 (C2): C1 holds 130 of 150 (before 0: A), C2 has 130/150 = 86.7 % ahead of it (B).
  it('lists a customer whose first line is left out where the engine lists it', async () => {
    const rows = [
      ['C1', 'Ann', '2017-01-01', 'n/a', '1', '1', 'West', 'O1'],
      ['C2', 'Bob', '2017-01-02', '20', '1', '1', 'West', 'O2'],
      [' C1 ', 'Ann', '2017-01-03', '100', '1', '1', 'West', 'O3'],
      ['C1', '', '2017-01-04', '30', '1', '1', 'West', 'O4'],
    ];
    const input: ConfigInput = { version: 1, columns: COLUMNS, segmentTypes: [{ name: 'ABC', kind: 'abc', segments: [{ name: 'A', share: 80 }, { name: 'B', share: 15 }, { name: 'C', share: 5 }] }] };
    expect(await compare(rows, input, 'first-left-out')).toEqual([]);
    const parsed = parseConfig(input);
    if (!parsed.ok) throw new Error('config');
    const duck = await segmentOnDuckdb(join(dir, 'first-left-out.csv'), parsed.config);
    if (!duck.ok) throw new Error('duckdb');
    expect(duck.run.customers.ids).toEqual(['C1', 'C2']);
    expect(duck.run.columns.find((c) => c.header === 'ABC')?.values).toEqual(['A', 'B']);
    expect(duck.run.leftOutRows).toBe(1);
    expect(duck.run.issues[0]).toMatchObject({ where: "'first-left-out'!D2", value: 'n/a' });
  });

  // The decimal separator (locale.decimal auto) decided from plain numbers (`7.5`, `1.234`) and odd texts
  // (`1,5`): every way the DuckDB path reads the plain ones (not at all, the first that settles it, all of
  // them when a comma is proven), and a plain `7.5` in a file read with a comma, which the engine refuses.
  it.each([
    ['whole numbers only', ['12', '40', '7']],
    ['only 1.234: proves nothing', ['1.234', '40', '7.500']],
    ['1.234 and a plain decimal', ['1.234', '40', '7.50']],
    ['an odd 1,234 and a plain decimal', ['1,234', '40', '7.5']],
    ['commas outnumber points: 7.5 is left out', ['1,5', '2,5', '7.5', '1.234']],
    ['points outnumber commas', ['1,5', '7.5', '2.25', '1.75']],
  ])('reads the decimal separator as the engine does: %s', async (name, sales) => {
    const rows = sales.map((s, i) => [`C${i % 3}`, 'Ann', '2017-01-01', s, '1', '1', 'West', `O${i}`]);
    const input: ConfigInput = { version: 1, columns: COLUMNS, segmentTypes: [{ name: 'ABC', kind: 'abc', segments: [{ name: 'A', share: 80 }, { name: 'B', share: 15 }, { name: 'C', share: 5 }] }] };
    expect(await compare(rows, input, `decimal-${name.replace(/\W+/g, '-')}`)).toEqual([]);
  });
});
