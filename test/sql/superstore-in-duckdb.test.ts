// The compiled DuckDB query on Superstore (read by DuckDB's own CSV reader, typed) and on the hand-made
// table, against the engine: the same cases PostgreSQL runs in postgres.test.ts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { ConfigInput } from '../../src/engine/config';
import { compileSql } from '../../src/sql/compile';
import { differences, engineAnswer, type Row } from '../support/sql-compare';
import { loadDuckdb } from '../support/sql-tables';
import { config, SUPERSTORE_CSV, superstoreTable, table } from '../support/tables';
import { HAND_CONFIG, HAND_HEADER, HAND_ROWS, SQL_CASES } from './cases';

jest.setTimeout(60_000);

let con: DuckDBConnection;
const superstore = superstoreTable();

beforeAll(async () => {
  con = await (await DuckDBInstance.create(':memory:')).connect();
  await con.run(`CREATE TABLE sales AS SELECT * FROM read_csv('${SUPERSTORE_CSV.replace(/'/g, "''")}', types = {'Sales': 'DOUBLE', 'Profit': 'DOUBLE', 'Quantity': 'BIGINT', 'Order Date': 'DATE'})`);
  await loadDuckdb(con, 'hand', HAND_HEADER, ['integer', 'text', 'text', 'date', 'double', 'text'], HAND_ROWS);
});

async function answer(sql: string): Promise<{ headers: string[]; rows: Row[] }> {
  const r = await con.runAndReadAll(sql);
  return { headers: r.columnNames(), rows: r.getRowObjectsJS() as Row[] };
}

test.each(Object.keys(SQL_CASES))('Superstore: %s', async (name) => {
  const c = config(SQL_CASES[name]);
  const r = compileSql(c, { dialect: 'duckdb', columns: { header: superstore.header.map(String), lineOrder: 'Row ID' } });
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  const { headers, rows } = await answer(r.sql);
  const engine = engineAnswer(superstore, c);
  expect(differences(engine, headers, rows)).toEqual([]);
  expect(rows.map((row) => row.Customer)).toEqual(engine.rows.map((row) => row.Customer));
});

test.each(['upper', 'lower'] as const)('hand-made ties and window end: boundary %s', async (boundary) => {
  const c = config(HAND_CONFIG(boundary));
  const r = compileSql(c, { dialect: 'duckdb', table: 'hand', columns: { header: HAND_HEADER, lineOrder: 'Line' } });
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  const { headers, rows } = await answer(r.sql);
  expect(differences(engineAnswer(table(HAND_HEADER, HAND_ROWS), c), headers, rows)).toEqual([]);
});

// The configuration the README's "every kind" examples use, as shipped: its profiles ask Superstore's own
// columns, so the query reads them from the sales table, as the engine does without an answers range.
test('Superstore: the all-kinds example as shipped', async () => {
  const c = config(JSON.parse(readFileSync(join(__dirname, '..', '..', 'examples', 'all-kinds.config.json'), 'utf8')) as Partial<ConfigInput>);
  const r = compileSql(c, { dialect: 'duckdb', columns: { header: superstore.header.map(String), lineOrder: 'Row ID' } });
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  const { headers, rows } = await answer(r.sql);
  const engine = engineAnswer(superstore, c);
  expect(differences(engine, headers, rows)).toEqual([]);
  expect(rows.map((row) => row.Customer)).toEqual(engine.rows.map((row) => row.Customer));
});
