// The compiler without a database: literals and identifiers per dialect, the problems it returns instead
// of SQL, and that outside its quotes a query never holds a comment or a second statement, whatever the names.
import fc from 'fast-check';
import { compileSql, SQL_DIALECTS, type SqlDialectName } from '../../src/sql/compile';
import { DIALECTS, num, tableName } from '../../src/sql/dialect';
import { ABC_80_15_5, config } from '../support/tables';
import { SQL_CASES } from './cases';

const HEADER = ['Row ID', 'Order ID', 'Order Date', 'Customer ID', 'Customer Name', 'Segment', 'Region', 'Product ID', 'Category', 'Sub-Category', 'Sales', 'Quantity', 'Profit'];

test('string literals, per dialect', () => {
  const text = "a'b\\c\n-- d";
  expect(DIALECTS.duckdb.text(text)).toBe("'a''b\\c\n-- d'");
  expect(DIALECTS.postgres.text(text)).toBe("'a''b\\c\n-- d'");
  for (const d of ['spark', 'bigquery', 'snowflake'] as const) expect(DIALECTS[d].text(text)).toBe("'a\\'b\\\\c\\n-- d'");
  expect(DIALECTS.bigquery.text('\u0001')).toBe("'\\u0001'");
});

test('identifiers, per dialect, and qualified table names part by part', () => {
  expect(DIALECTS.postgres.ident('a"b')).toBe('"a""b"');
  expect(DIALECTS.spark.ident('a`b')).toBe('`a``b`');
  expect(DIALECTS.bigquery.ident('a`b\\')).toBe('`a\\`b\\\\`');
  expect(tableName(DIALECTS.snowflake, 'ANALYTICS.SHOP.SALES')).toBe('"ANALYTICS"."SHOP"."SALES"');
});

test('negative numbers are parenthesized, so "x - -5" cannot become the comment "x --5"', () => {
  expect(num(-5)).toBe('(-5)');
  expect(num(0.95)).toBe('0.95');
  expect(num(1e-10)).toBe('1e-10');
});

test('a profiles type without an answers table reads the sales table, as the engine without an answers range', () => {
  const r = compileSql(config({ segmentTypes: [ABC_80_15_5, { name: 'Survey', kind: 'profiles', profiles: [{ name: 'Any' }] }] }), { dialect: 'duckdb', columns: { header: HEADER } });
  expect(r.ok && r.sql).toContain('FROM tw_kept WHERE readable = 1');
});

test('a latest date the caller knows is a literal, so the lines are read once; null is a table without dates', () => {
  const c = config(SQL_CASES['abc-lower-rolling']);
  const reads = (sql: string) => sql.match(/FROM tw_source\b/g)?.length;
  const found = compileSql(c, { dialect: 'duckdb', columns: { header: HEADER } });
  const known = compileSql(c, { dialect: 'duckdb', columns: { header: HEADER }, latestDay: '2017-12-30' });
  const none = compileSql(c, { dialect: 'duckdb', columns: { header: HEADER }, latestDay: null });
  if (!found.ok || !known.ok || !none.ok) throw new Error('not compiled');
  expect(reads(found.sql)).toBe(2);
  expect(reads(known.sql)).toBe(1);
  expect(known.sql).toContain("tw_end AS (\n  SELECT DATE '2017-12-30' AS d\n)");
  expect(none.sql).toContain('tw_end AS (\n  SELECT CAST(NULL AS DATE) AS d\n)');
});

test('missing columns and unknown filter columns are problems with their paths', () => {
  const r = compileSql(config({ window: { kind: 'rolling', months: 3 }, filters: [{ column: 'Country', in: ['US'] }], segmentTypes: [ABC_80_15_5] }), {
    dialect: 'postgres',
    columns: { header: ['Customer ID', 'Sales'] },
  });
  expect(r.ok).toBe(false);
  if (!r.ok) expect(r.problems.map((p) => p.path)).toEqual(['columns.date', 'filters[0].column']);
});

test('a column set to not mapped (null) is not read, and a type that needs it says so', () => {
  const units = { ...ABC_80_15_5, name: 'Units', measure: 'quantity' as const };
  const sales = compileSql(config({ columns: { quantity: null }, segmentTypes: [ABC_80_15_5] }), { dialect: 'duckdb', columns: { header: HEADER } });
  if (!sales.ok) throw new Error('not compiled');
  expect(sales.sql).not.toContain('"Quantity"');
  const r = compileSql(config({ columns: { quantity: null }, segmentTypes: [units] }), { dialect: 'duckdb', columns: { header: HEADER } });
  expect(r.ok).toBe(false);
  if (!r.ok) expect(r.problems.map((p) => p.path)).toEqual(['columns.quantity']);
});

/**
 * The query with its string literals and quoted identifiers taken out, read as the dialect reads them
 * (one pass, left to right): what is left is the SQL's own text. Wrong escaping would leave a quote or
 * a name's text behind.
 */
function outsideQuotes(sql: string, dialect: SqlDialectName): string {
  const backslashLiterals = dialect !== 'duckdb' && dialect !== 'postgres';
  const identQuote = dialect === 'spark' || dialect === 'bigquery' ? '`' : '"';
  let out = '';
  let i = 0;
  const skipQuoted = (quote: string, backslash: boolean) => {
    i++;
    for (;;) {
      if (i >= sql.length) throw new Error(`unclosed ${quote}`);
      const ch = sql[i];
      if (backslash && ch === '\\') i += 2;
      else if (ch === quote && sql[i + 1] === quote && !backslash) i += 2;
      else if (ch === quote) {
        i++;
        return;
      } else i++;
    }
  };
  while (i < sql.length) {
    const ch = sql[i];
    if (ch === "'") {
      skipQuoted("'", backslashLiterals);
      out += 'L';
    } else if (ch === identQuote) {
      skipQuoted(identQuote, dialect === 'bigquery');
      out += 'I';
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}

test('whatever the names, no comment and no second statement outside the quotes', () => {
  const nasty = fc.string({ unit: fc.constantFrom("'", '"', '`', '\\', '-', ';', '/', '*', 'a', ' ', '\n') });
  fc.assert(
    fc.property(nasty, nasty, nasty, fc.constantFrom(...SQL_DIALECTS), (segment, customer, region, dialect) => {
      fc.pre(segment.trim() !== '' && segment.trim().toLowerCase() !== 'b' && segment.length <= 80);
      const c = config({
        columns: { customer: 'Customer ID', amount: 'Sales', date: 'Order Date' },
        filters: [{ column: 'Region', notIn: [region] }],
        segmentTypes: [{ name: 'ABC', kind: 'abc', segments: [{ name: segment, share: 90 }, { name: 'B', share: 10 }] }, { name: 'RFM', kind: 'rfm', segments: [{ name: segment, r: [1, 5] }] }],
        overrides: { ABC: { [customer.trim() || 'x']: 'B' } },
      });
      const r = compileSql(c, { dialect, columns: { header: HEADER } });
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      const rest = outsideQuotes(r.sql, dialect);
      expect(rest).not.toMatch(/--|;|\/\*/);
      expect(rest).not.toMatch(/['"`]/);
    }),
    { numRuns: 300 },
  );
});

test('every case compiles in every dialect, and its text outside the quotes is clean', () => {
  for (const name of Object.keys(SQL_CASES)) {
    for (const dialect of SQL_DIALECTS) {
      const r = compileSql(config(SQL_CASES[name]), { dialect, columns: { header: HEADER, lineOrder: 'Row ID' } });
      expect(r.ok).toBe(true);
      if (r.ok) expect(outsideQuotes(r.sql, dialect)).not.toMatch(/--|;|\/\*|['"`]/);
    }
  }
});
