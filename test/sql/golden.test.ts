// The query of every case in every dialect, kept as golden files (test/sql/golden/<dialect>/<case>.sql),
// and, for the dialects no test can run here (Spark, BigQuery, Snowflake), parsed by a parser of that
// dialect: dt-sql-parser's Spark SQL grammar, node-sql-parser's BigQuery and Snowflake grammars.
// After a deliberate change of the compiler: UPDATE_GOLDEN=1 npx jest test/sql/golden.test.ts
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SparkSQL } from 'dt-sql-parser';
import { Parser } from 'node-sql-parser';
import type { ConfigInput } from '../../src/engine/config';
import { compileSql, SQL_DIALECTS, type SqlDialectName } from '../../src/sql/compile';
import { config, superstoreTable } from '../support/tables';
import { NASTY, SQL_CASES } from './cases';

const GOLDEN = join(__dirname, 'golden');
const header = superstoreTable().header.map(String);

function query(name: string, dialect: SqlDialectName, input: Partial<ConfigInput> = SQL_CASES[name]): string {
  const r = compileSql(config(input), { dialect, table: 'sales', columns: { header, lineOrder: 'Row ID' } });
  if (!r.ok) throw new Error(`not compiled: ${JSON.stringify(r.problems)}`);
  return r.sql;
}

const cases = SQL_DIALECTS.flatMap((dialect) => Object.keys(SQL_CASES).map((name) => [dialect, name] as const));

describe('golden files', () => {
  test.each(cases)('%s: %s', (dialect, name) => {
    const file = join(GOLDEN, dialect, `${name}.sql`);
    const sql = query(name, dialect);
    if (process.env.UPDATE_GOLDEN === '1') {
      mkdirSync(join(GOLDEN, dialect), { recursive: true });
      writeFileSync(file, sql);
    }
    expect(existsSync(file)).toBe(true);
    expect(sql).toBe(readFileSync(file, 'utf8'));
  });
});

describe('the dialects not run here are at least parsed', () => {
  const spark = new SparkSQL();
  const nodeParser = new Parser();

  test.each(Object.keys(SQL_CASES))('Spark SQL (dt-sql-parser): %s', (name) => {
    expect(spark.validate(query(name, 'spark'))).toEqual([]);
  });

  // node-sql-parser reads no escaped quote inside a quoted identifier (Snowflake's "a""b", BigQuery's
  // `a\`b`, both valid in those dialects), so the segment type names holding NASTY are renamed for it;
  // the segment names, customers and filter values (literals) keep NASTY.
  const plainTypeNames = (name: string): Partial<ConfigInput> =>
    JSON.parse(JSON.stringify(SQL_CASES[name]).split(`"ABC ${JSON.stringify(NASTY).slice(1, -1)}"`).join('"ABC plain"')) as Partial<ConfigInput>;

  test.each(Object.keys(SQL_CASES))('BigQuery (node-sql-parser): %s', (name) => {
    expect(() => nodeParser.astify(query(name, 'bigquery', plainTypeNames(name)), { database: 'BigQuery' })).not.toThrow();
  });

  test.each(Object.keys(SQL_CASES))('Snowflake (node-sql-parser): %s', (name) => {
    expect(() => nodeParser.astify(query(name, 'snowflake', plainTypeNames(name)), { database: 'Snowflake' })).not.toThrow();
  });

  test('the renaming only touches the type name: the literals still hold the nasty text', () => {
    const sql = query('abc-lower-rolling', 'bigquery', plainTypeNames('abc-lower-rolling'));
    expect(sql).toContain('`ABC plain`');
    expect(sql).toContain("'VIP O\\'Brien \\\\\\' \"x\" -- ; DROP TABLE sales; `'");
  });

  test('the parsers can fail: a broken query is refused by each', () => {
    // The Spark grammar prints what it refuses on the console: kept quiet here, counted below.
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const broken = query('default', 'spark').replace('SELECT', 'SELEC');
    expect(spark.validate(broken).length).toBeGreaterThan(0);
    expect(() => nodeParser.astify(query('default', 'bigquery').replace('FROM', 'FORM'), { database: 'BigQuery' })).toThrow();
    expect(() => nodeParser.astify(query('default', 'snowflake').replace('FROM', 'FORM'), { database: 'Snowflake' })).toThrow();
  });
});
