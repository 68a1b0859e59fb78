// readColumns reads DOUBLE and VARCHAR columns from the chunks' bytes and every other type through the
// library's converter. Held here to the library's own reading (getColumnsJS) on worked values at the
// edges of the layout (12 and 13 bytes, the inline limit; characters of two, three and four bytes;
// NULL; more rows than one chunk holds) and on random ones.
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import fc from 'fast-check';
import { readColumns } from '../../src/sql/duckdb-columns';

let con: DuckDBConnection;
beforeAll(async () => {
  con = await (await DuckDBInstance.create(':memory:')).connect();
});
afterAll(() => con.closeSync());

/** The library's reading, as the DuckDB path read its answer before readColumns. */
async function byLibrary(sql: string): Promise<unknown[][]> {
  const result = await con.runAndReadAll(sql);
  return result.getColumnsJS();
}

async function loadRows(rows: { t: string | null; x: number | null }[]): Promise<void> {
  await con.run('CREATE OR REPLACE TEMP TABLE t (i INTEGER, t VARCHAR, x DOUBLE)');
  const appender = await con.createAppender('t');
  rows.forEach((row, i) => {
    appender.appendInteger(i);
    if (row.t === null) appender.appendNull();
    else appender.appendVarchar(row.t);
    if (row.x === null) appender.appendNull();
    else appender.appendDouble(row.x);
    appender.endRow();
  });
  appender.closeSync();
}

describe('readColumns', () => {
  it('reads strings up to and past the 12 bytes kept inline, in every width of character, and NULL', async () => {
    const texts = [
      '',
      'A',
      'Customer 123',
      'Customer 1234',
      'é',
      'Zoë Müller-Lüdenscheid',
      '€uro',
      '\u{1f600}',
      'abcdefghijkl',
      'abcdefghijklm',
      'ab\u{1f600}cdefgh',
      'ab\u{1f600}cdefghi',
      null,
      '"quoted", \r\n',
    ];
    await loadRows(texts.map((t, i) => ({ t, x: i })));
    const [, t] = await readColumns(await con.run('SELECT i, t FROM t ORDER BY i'));
    // 'Customer 123' is 12 bytes (inline), 'ab😀cdefgh' is 12 bytes in 9 characters, the next one 13.
    expect(t.values).toEqual(texts);
    expect(t.header).toBe('t');
  });

  it('reads doubles as they are: negative zero, the largest and smallest, and NULL', async () => {
    const xs = [0, -0, 1.5, -1234.56, Number.MAX_VALUE, Number.MIN_VALUE, 1e21, 0.1 + 0.2, null];
    await loadRows(xs.map((x) => ({ t: 'a', x })));
    const [x] = await readColumns(await con.run('SELECT x FROM t ORDER BY i'));
    expect(x.values).toEqual(xs);
    expect(Object.is(x.values[1], -0)).toBe(true);
  });

  it('reads every chunk of a long answer (5,000 rows, three chunks), each row where it belongs', async () => {
    const sql = "SELECT i, 'Customer ' || i AS name, i / 8 AS share, CASE WHEN i % 7 = 0 THEN NULL ELSE 'C' || i END AS maybe FROM range(5000) r(i) ORDER BY i";
    const columns = await readColumns(await con.run(sql));
    const library = await byLibrary(sql);
    expect(columns.map((c) => c.header)).toEqual(['i', 'name', 'share', 'maybe']);
    expect(columns[0].values).toEqual(library[0].map(Number));
    expect(columns.slice(1).map((c) => c.values)).toEqual(library.slice(1));
    expect(columns[1].values[4321]).toBe('Customer 4321');
    expect(columns[3].values[4319]).toBeNull();
  });

  it('reads the other types through the library: whole numbers as numbers, days as YYYY-MM-DD (marked), booleans and decimals as text', async () => {
    const columns = await readColumns(await con.run("SELECT 42::BIGINT AS n, 7::INTEGER AS m, DATE '2017-03-05' AS d, NULL::DATE AS nd, true AS b, 12.50::DECIMAL(9,2) AS dec"));
    expect(columns.map((c) => [c.header, c.values[0], c.date])).toEqual([
      ['n', 42, false],
      ['m', 7, false],
      ['d', '2017-03-05', true],
      ['nd', null, false],
      ['b', 'true', false],
      ['dec', 12.5, false],
    ]);
  });

  it('gives no rows for an empty answer, its headers still there', async () => {
    const columns = await readColumns(await con.run("SELECT 1.5::DOUBLE AS x, 'a' AS t WHERE false"));
    expect(columns).toEqual([
      { header: 'x', values: [], date: false },
      { header: 't', values: [], date: false },
    ]);
  });

  it('agrees with the library on random strings and doubles', async () => {
    const row = fc.record({
      t: fc.option(fc.string({ maxLength: 20, unit: fc.oneof(fc.constantFrom('a', 'Z', ' ', '"', 'é', '€', '\u{1f600}', '\u0000'), fc.string({ minLength: 1, maxLength: 1, unit: 'grapheme' })) }), {
        nil: null,
      }),
      x: fc.option(fc.double(), { nil: null }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(row, { maxLength: 40 }), async (rows) => {
        await loadRows(rows);
        const sql = 'SELECT t, x FROM t ORDER BY i';
        const [t, x] = await readColumns(await con.run(sql));
        const library = await byLibrary(sql);
        expect(t.values).toEqual(library[0] ?? []);
        expect(x.values).toEqual(library[1] ?? []);
      }),
      { numRuns: 150 },
    );
  });
});
