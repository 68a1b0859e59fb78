// Profiles compiled to SQL and run by DuckDB (in-process), against the engine given the same answers as
// an answers range: the hand-made tables of profiles-cases.ts (worked by hand there) and the Superstore
// sample with its generated answers, with the answers table's order column and without it.
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { Config } from '../../src/engine/config';
import { compileSql } from '../../src/sql/compile';
import { differences, engineAnswer, type Row } from '../support/sql-compare';
import { loadDuckdb, type SqlType } from '../support/sql-tables';
import { config, SUPERSTORE_CSV, superstoreTable, table } from '../support/tables';
import {
  HAND_ANSWERS_HEADER,
  HAND_ANSWERS_ROWS,
  HAND_PROFILES_CONFIG,
  HAND_PROFILES_EXPECTED,
  HAND_PROFILES_ORDER,
  HAND_PROFILES_UNORDERED_P2,
  HAND_SALES_HEADER,
  HAND_SALES_ROWS,
  SUPERSTORE_ANSWERS_HEADER,
  superstoreAnswers,
  superstoreProfilesConfig,
  superstoreSalesProfilesConfig,
  compiledProfiles,
  type TableAt,
} from './profiles-cases';

jest.setTimeout(60_000);

let con: DuckDBConnection;
const superstore = superstoreTable();
const superstoreIds = [...new Set(superstore.rows.map((r) => String(r[superstore.header.indexOf('Customer ID')])))];
const answersRows = superstoreAnswers(superstoreIds);


/** A table of the given column types; every value bound as a parameter (text, number or NULL). */
beforeAll(async () => {
  con = await (await DuckDBInstance.create(':memory:')).connect();
  await con.run(`CREATE TABLE sales AS SELECT * FROM read_csv('${SUPERSTORE_CSV.replace(/'/g, "''")}', types = {'Sales': 'DOUBLE', 'Profit': 'DOUBLE', 'Quantity': 'BIGINT', 'Order Date': 'DATE'})`);
  await loadDuckdb(con, 'answers', SUPERSTORE_ANSWERS_HEADER, ['integer', ...SUPERSTORE_ANSWERS_HEADER.slice(1).map((): SqlType => 'text')], answersRows);
  await loadDuckdb(con, 'hand sales', HAND_SALES_HEADER, ['integer', 'text', 'text', 'date', 'double'], HAND_SALES_ROWS);
  await loadDuckdb(con, 'hand answers', HAND_ANSWERS_HEADER, ['integer', 'text', 'text', 'text', 'text'], HAND_ANSWERS_ROWS);
});

async function answer(sql: string): Promise<{ headers: string[]; rows: Row[] }> {
  const r = await con.runAndReadAll(sql);
  return { headers: r.columnNames(), rows: r.getRowObjectsJS() as Row[] };
}

const compiled = (c: Config, sales: TableAt, answers: TableAt): string => compiledProfiles('duckdb', c, sales, answers);

describe('hand-made answers, worked by hand (profiles-cases.ts)', () => {
  const c = config(HAND_PROFILES_CONFIG);
  const sales = { table: 'hand sales', header: HAND_SALES_HEADER, order: 'Line' };
  const answersTable = table(HAND_ANSWERS_HEADER, HAND_ANSWERS_ROWS, 'Answers');
  const profiles = (rows: Row[]) => Object.fromEntries(rows.map((r) => [String(r.Customer), [r.Profile, r['Profile (profiles)']]]));

  test('with the order column: the engine, as worked by hand, in the engine order', async () => {
    const engine = engineAnswer(table(HAND_SALES_HEADER, HAND_SALES_ROWS), c, { answers: answersTable });
    expect(profiles(engine.rows)).toEqual(HAND_PROFILES_EXPECTED);
    expect(engine.rows.map((r) => r.Customer)).toEqual(HAND_PROFILES_ORDER);
    const { headers, rows } = await answer(compiled(c, sales, { table: 'hand answers', header: HAND_ANSWERS_HEADER, order: 'Row' }));
    expect(differences(engine, headers, rows)).toEqual([]);
    expect(rows.map((r) => r.Customer)).toEqual(HAND_PROFILES_ORDER);
  });

  test('without it: the greatest answer (P2 differs, as worked by hand), answering customers by id', async () => {
    const { rows } = await answer(compiled(c, sales, { table: 'hand answers', header: HAND_ANSWERS_HEADER }));
    expect(profiles(rows)).toEqual({ ...HAND_PROFILES_EXPECTED, P2: HAND_PROFILES_UNORDERED_P2 });
    expect(rows.map((r) => r.Customer)).toEqual(['P1', 'P2', 'P3', 'P4', 'OV1', 'P6', 'P5', 'Z9']);
  });
});

describe('Superstore with generated answers', () => {
  const c = config(superstoreProfilesConfig());
  const answersTable = table(SUPERSTORE_ANSWERS_HEADER, answersRows, 'Answers');
  const engine = engineAnswer(superstore, c, { answers: answersTable });
  const salesInfo = { table: 'sales', header: superstore.header.map(String), order: 'Row ID' };

  test('the case is not trivial: every profile is somebody\'s, prospects are listed, answers were changed', () => {
    const all = engine.rows.map((r) => String(r['Profile (profiles)']));
    for (const name of ['Corporate West', 'Corporate', 'Private', 'Nasty', 'Not West', 'Web shopper']) expect(all.some((p) => p.includes(name))).toBe(true);
    expect(engine.rows.filter((r) => String(r.Customer).startsWith('PROSPECT-')).length).toBeGreaterThan(10);
    expect(engine.rows.some((r) => r.Profile === '')).toBe(true);
  });

  test('with the order column: the engine\'s answer, in its order', async () => {
    const { headers, rows } = await answer(compiled(c, salesInfo, { table: 'answers', header: SUPERSTORE_ANSWERS_HEADER, order: 'Answer No' }));
    expect(differences(engine, headers, rows)).toEqual([]);
    expect(rows.map((r) => r.Customer)).toEqual(engine.rows.map((r) => r.Customer));
  });

  test('without it: the engine\'s answer for every customer who did not answer a question twice differently', async () => {
    const { headers, rows } = await answer(compiled(c, salesInfo, { table: 'answers', header: SUPERSTORE_ANSWERS_HEADER }));
    // The customers with two different non-empty answers to one question (lower-cased): where MAX may differ.
    const answered = new Map<string, Set<string>[]>();
    for (const r of answersRows) {
      const id = String(r[1]).trim();
      const sets = answered.get(id) ?? SUPERSTORE_ANSWERS_HEADER.slice(2).map(() => new Set<string>());
      r.slice(2).forEach((v, i) => String(v).trim() !== '' && sets[i].add(String(v).trim().toLowerCase()));
      answered.set(id, sets);
    }
    const ambiguous = new Set([...answered].filter(([, sets]) => sets.some((s) => s.size > 1)).map(([id]) => id));
    expect(ambiguous.size).toBeGreaterThan(10);
    const plain = { headers: engine.headers, rows: engine.rows.filter((r) => !ambiguous.has(String(r.Customer))) };
    expect(differences(plain, headers, rows.filter((r) => !ambiguous.has(String(r.Customer))))).toEqual([]);
    expect(rows.length).toBe(engine.rows.length);
  });
});

describe('Superstore without an answers table: the sales lines answer, as in the engine without an answers range', () => {
  test('with the line order: the engine\'s answer, in its order', async () => {
    const c = config(superstoreSalesProfilesConfig());
    const engine = engineAnswer(superstore, c);
    expect(new Set(engine.rows.map((r) => r.Profile)).size).toBeGreaterThan(3);
    const r = compileSql(c, { dialect: 'duckdb', table: 'sales', columns: { header: superstore.header.map(String), lineOrder: 'Row ID' } });
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const { headers, rows } = await answer(r.sql);
    expect(differences(engine, headers, rows)).toEqual([]);
    expect(rows.map((x) => x.Customer)).toEqual(engine.rows.map((x) => x.Customer));
  });
});
