// Visit planning compiled to SQL and run by DuckDB (in-process), against the engine given the same
// visits as a visits range: the hand-made table of test/support/visits.ts (worked by hand there) and the
// Superstore sample with every kind planning visits; then the compiler on its own: its segment lists are
// the engine's, its problems, golden files in every dialect, and the dialects not run here parsed.
// After a deliberate change of the compiler: UPDATE_GOLDEN=1 npx jest test/sql/visits.test.ts
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { SparkSQL } from 'dt-sql-parser';
import { Parser } from 'node-sql-parser';
import type { ConfigInput } from '../../src/engine/config';
import { segment } from '../../src/engine/run';
import { plannedSegments } from '../../src/engine/visits';
import { compileSql, SQL_DIALECTS, type SqlDialectName } from '../../src/sql/compile';
import { differences, engineAnswer, type Row } from '../support/sql-compare';
import { loadDuckdb, type SqlType } from '../support/sql-tables';
import { config, SUPERSTORE_CSV, superstoreTable, table } from '../support/tables';
import { VISIT_SALES, VISIT_SALES_HEADER, VISIT_TIER, VISITS, VISITS_EXPECTED, VISITS_HEADER } from '../support/visits';
import { NASTY_QUESTION, SUPERSTORE_ANSWERS_HEADER, superstoreAnswers } from './profiles-cases';
import { compiledVisits, superstoreVisits, superstoreVisitsConfig, SUPERSTORE_VISITS_HEADER } from './visits-cases';

jest.setTimeout(60_000);

const GOLDEN = join(__dirname, 'golden');
const superstore = superstoreTable();
const superstoreHeader = superstore.header.map(String);
const ids = [...new Set(superstore.rows.map((r) => String(r[superstore.header.indexOf('Customer ID')])))];
const answersRows = superstoreAnswers(ids);
const visitRows = superstoreVisits(ids);
const c = config(superstoreVisitsConfig());
const sales = { table: 'sales', header: superstoreHeader, order: 'Row ID' };
const answers = { table: 'answers', header: SUPERSTORE_ANSWERS_HEADER, order: 'Answer No' };

let con: DuckDBConnection;

beforeAll(async () => {
  con = await (await DuckDBInstance.create(':memory:')).connect();
  await con.run(`CREATE TABLE sales AS SELECT * FROM read_csv('${SUPERSTORE_CSV.replace(/'/g, "''")}', types = {'Sales': 'DOUBLE', 'Profit': 'DOUBLE', 'Quantity': 'BIGINT', 'Order Date': 'DATE'})`);
  await loadDuckdb(con, 'answers', SUPERSTORE_ANSWERS_HEADER, ['integer', ...SUPERSTORE_ANSWERS_HEADER.slice(1).map((): SqlType => 'text')], answersRows);
  await loadDuckdb(con, 'visits', SUPERSTORE_VISITS_HEADER, ['text', 'text', 'date'], visitRows);
  await loadDuckdb(con, 'hand sales', VISIT_SALES_HEADER, ['text', 'date', 'double'], VISIT_SALES);
  // The hand table's unreadable date ('soon') is a NULL in a typed table: no visit either way.
  await loadDuckdb(con, 'hand visits', VISITS_HEADER, ['text', 'date'], VISITS.map(([k, d]) => [k, d === 'soon' ? null : d]));
});

async function answer(sql: string): Promise<{ headers: string[]; rows: Row[] }> {
  const r = await con.runAndReadAll(sql);
  return { headers: r.columnNames(), rows: r.getRowObjectsJS() as Row[] };
}

describe('the hand-made visits (test/support/visits.ts), worked by hand', () => {
  const hand = config({ columns: { customer: 'Customer', date: 'Date', amount: 'Sales' }, segmentTypes: [VISIT_TIER] });

  test('the engine and DuckDB give the hand-worked last visit, next visit due and overdue days', async () => {
    const engine = engineAnswer(table(VISIT_SALES_HEADER, VISIT_SALES), hand, { visits: table(VISITS_HEADER, VISITS, 'Visits') });
    const worked = (rows: Row[]) => Object.fromEntries(rows.map((r) => [String(r.Customer), ['Tier', 'Tier (last visit)', 'Tier (next visit due)', 'Tier (overdue days)'].map((h) => (r[h] instanceof Date ? (r[h] as Date).toISOString().slice(0, 10) : typeof r[h] === 'bigint' ? Number(r[h]) : r[h] ?? null))]));
    expect(worked(engine.rows)).toEqual(VISITS_EXPECTED);
    const { headers, rows } = await answer(compiledVisits('duckdb', hand, { table: 'hand sales', header: VISIT_SALES_HEADER }, undefined, { table: 'hand visits', header: VISITS_HEADER }));
    expect(differences(engine, headers, rows)).toEqual([]);
    expect(worked(rows)).toEqual(VISITS_EXPECTED);
  });
});

describe('Superstore, every kind planning visits', () => {
  const engine = engineAnswer(superstore, c, { answers: table(SUPERSTORE_ANSWERS_HEADER, answersRows, 'Answers'), visits: table(SUPERSTORE_VISITS_HEADER, visitRows, 'Visits') });

  test('the case is not trivial: every type has visit columns, customers are overdue, due, never visited, and visited after the end', () => {
    const types = c.segmentTypes.map((t) => t.name);
    for (const t of types) expect(engine.headers).toContain(`${t} (overdue days)`);
    const overdue = engine.rows.map((r) => r['Sales ABC (overdue days)']);
    expect(overdue.filter((o) => typeof o === 'number' && o > 0).length).toBeGreaterThan(50);
    expect(overdue.filter((o) => o === 0).length).toBeGreaterThan(50);
    // C has no frequency: its customers have a last visit but nothing due.
    const inC = engine.rows.filter((r) => r['Sales ABC'] === 'C');
    expect(inC.length).toBeGreaterThan(0);
    expect(inC.every((r) => r['Sales ABC (next visit due)'] === null)).toBe(true);
    expect(inC.some((r) => r['Sales ABC (last visit)'] !== null)).toBe(true);
    expect(engine.rows.find((r) => r.Customer === 'OVERRIDE-ONLY')!['Sales ABC (next visit due)']).toBe('2018-02-28');
    expect(engine.rows.find((r) => r.Customer === 'PROSPECT-3')!['Sales ABC (last visit)']).toBe('2017-12-30');
    expect(visitRows.some((r) => String(r[2]) > '2017-12-30')).toBe(true);
  });

  test('DuckDB gives the engine its answer, in the engine order', async () => {
    const { headers, rows } = await answer(compiledVisits('duckdb', c, sales, answers, { table: 'visits', header: SUPERSTORE_VISITS_HEADER }));
    expect(differences(engine, headers, rows)).toEqual([]);
    expect(rows.map((r) => r.Customer)).toEqual(engine.rows.map((r) => r.Customer));
  });

  test('the compiler plans the segments the engine lists, kind by kind', () => {
    const result = segment(superstore, c, undefined, { answers: table(SUPERSTORE_ANSWERS_HEADER, answersRows, 'Answers') });
    for (const [i, type] of c.segmentTypes.entries()) {
      expect([type.name, plannedSegments(type)]).toEqual([type.name, result.types[i].segments.map((s) => ({ name: s.name, visitEveryDays: s.visitEveryDays }))]);
    }
  });
});

describe('the compiler on its own', () => {
  const options = { dialect: 'postgres' as const, columns: { header: superstoreHeader }, answersTable: 'answers', answersColumns: { header: SUPERSTORE_ANSWERS_HEADER } };

  test('visit planning without a date column is a problem, as the engine refuses it', () => {
    const undated = { ...superstoreVisitsConfig(), columns: { customer: 'Customer ID', amount: 'Sales' }, window: { kind: 'all' as const } };
    const input = { ...undated, segmentTypes: undated.segmentTypes!.filter((t) => t.kind === 'abc') };
    const r = compileSql(config(input), { ...options, columns: { header: ['Customer ID', 'Sales'] }, visitsTable: 'visits' });
    expect(r).toEqual({ ok: false, problems: [{ path: 'visitsTable', message: 'visit planning counts days to the latest sale: map a Date column with readable dates' }] });
  });

  test('without a visits table, or without a frequency, no visit columns (as the engine without a visits range)', () => {
    const without = compileSql(c, options);
    expect(without.ok && !without.sql.includes('visit')).toBe(true);
    const noFrequency: Partial<ConfigInput> = { columns: superstoreVisitsConfig().columns, segmentTypes: [{ name: 'Sales ABC', kind: 'abc', segments: [{ name: 'A', share: 80 }, { name: 'B', share: 20 }] }] };
    const r = compileSql(config(noFrequency), { ...options, visitsTable: 'visits' });
    expect(r.ok && !r.sql.includes('visit')).toBe(true);
  });

  test('without a header, the visits table has the configuration\'s customer column and `Visit date`', () => {
    const r = compileSql(c, { ...options, visitsTable: 'crm.visits' });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.sql).toContain('CAST("Visit date" AS DATE) AS d FROM "crm"."visits"');
  });
});

const query = (dialect: SqlDialectName, question?: string) =>
  compiledVisits(dialect, question === undefined ? c : config(superstoreVisitsConfig(question)), sales, question === undefined ? answers : { ...answers, header: SUPERSTORE_ANSWERS_HEADER.map((h) => (h === NASTY_QUESTION ? question : h)) }, { table: 'crm.visits', header: SUPERSTORE_VISITS_HEADER });

describe('golden files of the visits case', () => {
  test.each(SQL_DIALECTS)('%s', (dialect) => {
    const file = join(GOLDEN, dialect, 'visits.sql');
    const sql = query(dialect);
    if (process.env.UPDATE_GOLDEN === '1') {
      mkdirSync(join(GOLDEN, dialect), { recursive: true });
      writeFileSync(file, sql);
    }
    expect(existsSync(file)).toBe(true);
    expect(sql).toBe(readFileSync(file, 'utf8'));
  });
});

describe('the dialects not run here parse the visits case', () => {
  test('Spark SQL (dt-sql-parser)', () => {
    expect(new SparkSQL().validate(query('spark'))).toEqual([]);
  });

  // node-sql-parser reads no escaped quote inside a quoted identifier (see golden.test.ts): the question,
  // an identifier, is plain for it.
  test.each(['BigQuery', 'Snowflake'] as const)('%s (node-sql-parser)', (database) => {
    expect(() => new Parser().astify(query(database === 'BigQuery' ? 'bigquery' : 'snowflake', 'Q plain'), { database })).not.toThrow();
  });
});
