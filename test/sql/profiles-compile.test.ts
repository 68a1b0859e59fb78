// Profiles in the compiler without a database: the problems it returns instead of SQL (no answers table,
// a question no column is headed by, an unknown order column), the default answers header, golden files of
// the Superstore profiles case in every dialect, those of Spark, BigQuery and Snowflake parsed by a parser
// of that dialect (as golden.test.ts does), and no comment or second statement outside the quotes whatever
// the profile names, questions and answers hold.
// After a deliberate change of the compiler: UPDATE_GOLDEN=1 npx jest test/sql/profiles-compile.test.ts
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SparkSQL } from 'dt-sql-parser';
import fc from 'fast-check';
import { Parser } from 'node-sql-parser';
import type { ConfigInput } from '../../src/engine/config';
import { compileSql, SQL_DIALECTS, type SqlDialectName, type SqlOptions } from '../../src/sql/compile';
import { segment } from '../../src/engine/run';
import { config, superstoreTable } from '../support/tables';
import { NASTY_QUESTION, SUPERSTORE_ANSWERS_HEADER, superstoreProfilesConfig, superstoreSalesProfilesConfig } from './profiles-cases';

const GOLDEN = join(__dirname, 'golden');
const header = superstoreTable().header.map(String);
const answersColumns = (question = NASTY_QUESTION) => ({ header: SUPERSTORE_ANSWERS_HEADER.map((h) => (h === NASTY_QUESTION ? question : h)), lineOrder: 'Answer No' });

function query(dialect: SqlDialectName, input: Partial<ConfigInput> = superstoreProfilesConfig(), answers = answersColumns()): string {
  const r = compileSql(config(input), { dialect, table: 'sales', columns: { header, lineOrder: 'Row ID' }, answersTable: 'shop.answers', answersColumns: answers });
  if (!r.ok) throw new Error(`not compiled: ${JSON.stringify(r.problems)}`);
  return r.sql;
}

describe('problems instead of SQL', () => {
  const options = (more: Partial<SqlOptions> = {}): SqlOptions => ({ dialect: 'postgres', columns: { header, lineOrder: 'Row ID' }, ...more });

  test('without an answers table, the questions are the sales table\'s columns, as for the engine without an answers range', () => {
    const engine = segment(superstoreTable(), config(superstoreProfilesConfig()));
    const refused = engine.issues.filter((i) => i.severity === 'error').map((i) => i.where);
    const r = compileSql(config(superstoreProfilesConfig()), options());
    expect(r.ok).toBe(false);
    if (r.ok) return;
    // The same questions refused at the same paths: Channel and the nasty question are no columns of Superstore.
    expect(r.problems.map((p) => p.path)).toEqual(refused);
    expect(r.problems.map((p) => p.message.split("\"; its columns")[0] + "\"")).toEqual([`the sales table has no column headed "${NASTY_QUESTION}"`, 'the sales table has no column headed "Channel"']);
    expect(r.problems[0].message).toContain("; its columns: Row ID, Order ID, ");
    const own = compileSql(config(superstoreSalesProfilesConfig()), options());
    expect(own.ok && own.sql).toContain('FROM tw_kept WHERE readable = 1');
  });

  test('a question no column of the answers table is headed by: the engine\'s path, and the columns there are', () => {
    const r = compileSql(config(superstoreProfilesConfig()), options({ answersTable: 'answers', answersColumns: { header: ['Customer ID', 'Segment', 'region', 'Channel'], lineOrder: 'Nope' } }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toEqual([
      { path: 'answersOrder', message: 'the answers table has no column headed "Nope"' },
      { path: `segmentTypes[1].profiles[3].include.${NASTY_QUESTION}`, message: `the answers table has no column headed "${NASTY_QUESTION}"; its columns: Customer ID, Segment, region, Channel` },
    ]);
  });

  test('without a header, the answers table has the configuration\'s customer column and the questions', () => {
    const r = compileSql(config(superstoreProfilesConfig()), options({ answersTable: 'answers' }));
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.sql).toContain('BTRIM(CAST("Customer ID" AS TEXT)');
  });

  test('an answers table without a profiles type is not read', () => {
    const r = compileSql(config({ columns: superstoreProfilesConfig().columns, segmentTypes: [superstoreProfilesConfig().segmentTypes![0]] }), options({ answersTable: 'answers' }));
    expect(r.ok && !r.sql.includes('answers')).toBe(true);
  });
});

describe('golden files of the profiles case', () => {
  test.each(SQL_DIALECTS)('%s', (dialect) => {
    const file = join(GOLDEN, dialect, 'profiles.sql');
    const sql = query(dialect);
    if (process.env.UPDATE_GOLDEN === '1') {
      mkdirSync(join(GOLDEN, dialect), { recursive: true });
      writeFileSync(file, sql);
    }
    expect(existsSync(file)).toBe(true);
    expect(sql).toBe(readFileSync(file, 'utf8'));
  });
});

describe('golden files of the profiles case without an answers table (the sales lines answer)', () => {
  const sales = (dialect: SqlDialectName) => {
    const r = compileSql(config(superstoreSalesProfilesConfig()), { dialect, table: 'sales', columns: { header, lineOrder: 'Row ID' } });
    if (!r.ok) throw new Error(`not compiled: ${JSON.stringify(r.problems)}`);
    return r.sql;
  };
  test.each(SQL_DIALECTS)('%s', (dialect) => {
    const file = join(GOLDEN, dialect, 'profiles-sales.sql');
    const sql = sales(dialect);
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(file, sql);
    expect(existsSync(file)).toBe(true);
    expect(sql).toBe(readFileSync(file, 'utf8'));
  });

  test('parsed by Spark SQL (dt-sql-parser), BigQuery and Snowflake (node-sql-parser)', () => {
    expect(new SparkSQL().validate(sales('spark'))).toEqual([]);
    expect(() => new Parser().astify(sales('bigquery'), { database: 'BigQuery' })).not.toThrow();
    expect(() => new Parser().astify(sales('snowflake'), { database: 'Snowflake' })).not.toThrow();
  });
});

describe('the dialects not run here parse the profiles case', () => {
  test('Spark SQL (dt-sql-parser)', () => {
    expect(new SparkSQL().validate(query('spark'))).toEqual([]);
  });

  // node-sql-parser reads no escaped quote inside a quoted identifier (see golden.test.ts): the question,
  // an identifier, is plain for it; the profile names and answers (literals) keep NASTY.
  const plain = () => query('bigquery', superstoreProfilesConfig('Q plain'), answersColumns('Q plain'));
  test.each(['BigQuery', 'Snowflake'] as const)('%s (node-sql-parser)', (database) => {
    const sql = database === 'BigQuery' ? plain() : query('snowflake', superstoreProfilesConfig('Q plain'), answersColumns('Q plain'));
    expect(sql).toContain("O\\'Brien \\\\\\' \"x\" -- ; DROP TABLE sales;");
    expect(() => new Parser().astify(sql, { database })).not.toThrow();
  });
});

/** The query with its literals and quoted identifiers taken out, as the dialect reads them (compile.test.ts's outsideQuotes). */
function outsideQuotes(sql: string, dialect: SqlDialectName): string {
  const backslash = dialect !== 'duckdb' && dialect !== 'postgres';
  const identQuote = dialect === 'spark' || dialect === 'bigquery' ? '`' : '"';
  let out = '';
  let i = 0;
  const skip = (quote: string, escapes: boolean) => {
    for (i++; ; ) {
      if (i >= sql.length) throw new Error(`unclosed ${quote}`);
      const ch = sql[i];
      if (escapes && ch === '\\') i += 2;
      else if (ch === quote && sql[i + 1] === quote && !escapes) i += 2;
      else if (ch === quote) return void i++;
      else i++;
    }
  };
  while (i < sql.length) {
    if (sql[i] === "'") {
      skip("'", backslash);
      out += 'L';
    } else if (sql[i] === identQuote) {
      skip(identQuote, dialect === 'bigquery');
      out += 'I';
    } else out += sql[i++];
  }
  return out;
}

test('whatever the profile names, questions and answers hold, no comment and no second statement outside the quotes', () => {
  const nasty = fc.string({ unit: fc.constantFrom("'", '"', '`', '\\', '-', ';', '/', '*', 'a', ' ', '\n'), maxLength: 40 });
  fc.assert(
    fc.property(nasty, nasty, nasty, nasty, fc.constantFrom(...SQL_DIALECTS), (profile, question, answer, parentName, dialect) => {
      fc.pre(profile.trim() !== '' && question.trim() !== '' && parentName.trim() !== '' && profile.trim().toLowerCase() !== parentName.trim().toLowerCase());
      const c = config({
        columns: { customer: 'Customer ID', amount: 'Sales', date: 'Order Date' },
        segmentTypes: [{ name: 'P', kind: 'profiles', profiles: [{ name: parentName, exclude: { [question]: [answer] } }, { name: profile, parent: parentName, include: { [question]: [answer, 'x'] } }] }],
      });
      const r = compileSql(c, { dialect, columns: { header: ['Customer ID', 'Sales', 'Order Date'] }, answersTable: 'answers', answersColumns: { header: ['Customer ID', question.trim()], lineOrder: 'Customer ID' } });
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      const rest = outsideQuotes(r.sql, dialect);
      expect(rest).not.toMatch(/--|;|\/\*/);
      expect(rest).not.toMatch(/['"`]/);
    }),
    { numRuns: 200 },
  );
});
