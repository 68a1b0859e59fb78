// The tables the SQL tests load into a database: the Superstore sample with typed columns (numbers as
// numbers, dates as dates, text as text), and hand-made tables typed from their header.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Cell } from '../../src/engine/types';
import { superstoreRecords } from './tables';

export type SqlType = 'text' | 'integer' | 'double' | 'numeric' | 'date';

export interface TypedTable {
  columns: { name: string; type: SqlType }[];
  /** Values as text (dates written YYYY-MM-DD) or null; the database types them. */
  rows: (string | null)[][];
}

const SUPERSTORE_TYPES: Record<string, SqlType> = {
  'Row ID': 'integer',
  'Order Date': 'date',
  'Ship Date': 'date',
  'Postal Code': 'integer',
  // NUMERIC for one money column and DOUBLE for the other: the query must read both the same way.
  Sales: 'numeric',
  Quantity: 'integer',
  Discount: 'double',
  Profit: 'double',
};

export function superstoreTyped(): TypedTable {
  const records = superstoreRecords();
  const names = Object.keys(records[0]);
  return {
    columns: names.map((name) => ({ name, type: SUPERSTORE_TYPES[name] ?? 'text' })),
    rows: records.map((r) => names.map((n) => (r[n] === '' ? null : r[n]))),
  };
}

/** A hand-made table with the given column types; blank cells become NULL. */
export function typedTable(header: string[], types: SqlType[], rows: Cell[][]): TypedTable {
  return {
    columns: header.map((name, i) => ({ name, type: types[i] })),
    rows: rows.map((r) => r.map((v) => (v === null || v === undefined || v === '' ? null : String(v)))),
  };
}

const PG_TYPES: Record<SqlType, string> = { text: 'TEXT', integer: 'BIGINT', double: 'DOUBLE PRECISION', numeric: 'NUMERIC', date: 'DATE' };

/** CREATE TABLE and parameterised INSERTs in batches (PostgreSQL takes at most 65,535 parameters a statement). */
export async function loadPostgres(client: { query: (sql: string, params?: unknown[]) => Promise<unknown> }, name: string, table: TypedTable): Promise<void> {
  const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
  await client.query(`DROP TABLE IF EXISTS ${q(name)}`);
  await client.query(`CREATE TABLE ${q(name)} (${table.columns.map((c) => `${q(c.name)} ${PG_TYPES[c.type]}`).join(', ')})`);
  const width = table.columns.length;
  const batch = Math.floor(60_000 / width);
  for (let from = 0; from < table.rows.length; from += batch) {
    const rows = table.rows.slice(from, from + batch);
    const values = rows.map((_, r) => `(${table.columns.map((c, i) => `$${r * width + i + 1}::${PG_TYPES[c.type]}`).join(', ')})`);
    await client.query(`INSERT INTO ${q(name)} VALUES ${values.join(', ')}`, rows.flat());
  }
  // Statistics, as a warehouse table has them: without, the planner guesses one row and nests loops.
  await client.query(`ANALYZE ${q(name)}`);
}

const DUCKDB_TYPES: Record<SqlType, string> = { text: 'VARCHAR', integer: 'BIGINT', double: 'DOUBLE', numeric: 'DECIMAL(18, 6)', date: 'DATE' };

/**
 * A hand-made table into DuckDB, cell by cell: numbers stay numbers, a missing cell is NULL, and an
 * empty text stays '' (unlike typedTable), so the queries also meet blanks as the empty text.
 */
export async function loadDuckdb(con: DuckDBConnection, name: string, header: string[], types: SqlType[], rows: Cell[][]): Promise<void> {
  const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
  await con.run(`CREATE OR REPLACE TABLE ${q(name)} (${header.map((h, i) => `${q(h)} ${DUCKDB_TYPES[types[i]]}`).join(', ')})`);
  const insert = await con.prepare(`INSERT INTO ${q(name)} VALUES (${header.map((_, i) => `CAST($${i + 1} AS ${DUCKDB_TYPES[types[i]]})`).join(', ')})`);
  for (const row of rows) {
    insert.bind(row.map((v) => (v === undefined || v === null ? null : typeof v === 'number' ? v : String(v))));
    await insert.run();
  }
}
