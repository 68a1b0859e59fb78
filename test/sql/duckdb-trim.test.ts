// The DuckDB path trims keys (customers, orders, filter columns) as the engine does, with JavaScript's
// String.prototype.trim(): the same set of spaces (ASCII's six, no-break, ideographic, the byte order
// mark...), and nothing else (U+0085 and U+180E stay). trimmedSql guards DuckDB's trim with cheap byte
// tests and a pattern; this holds it equal to trim() on every text, spaces in the middle and at the ends,
// control characters, and characters of two, three and four bytes.
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import fc from 'fast-check';
import { trimmedSql } from '../../src/sql/duckdb-ingest';

const JS_SPACES = ['\t', '\n', '\u000b', '\f', '\r', ' ', '\u00a0', '\u1680', '\u2000', '\u2005', '\u200a', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff'];
/** Near misses: characters trim() keeps, though some tools call them spaces, and plain text. */
const OTHERS = ['\u0001', '\u001f', '\u0085', '\u180e', '\u200b', '!', '~', 'a', 'Z', '0', '#', '"', "'", 'é', '€', '\u{1f600}', '\u00ff', '\u0100'];

let con: DuckDBConnection;
beforeAll(async () => {
  con = await (await DuckDBInstance.create(':memory:')).connect();
});
afterAll(() => con.closeSync());

async function trimmedByDuckdb(texts: string[]): Promise<(string | null)[]> {
  await con.run('CREATE OR REPLACE TEMP TABLE t (i INTEGER, v VARCHAR)');
  const appender = await con.createAppender('t');
  texts.forEach((text, i) => {
    appender.appendInteger(i);
    appender.appendVarchar(text);
    appender.endRow();
  });
  appender.closeSync();
  const result = await con.runAndReadAll(`SELECT ${trimmedSql('v')} FROM t ORDER BY i`);
  return result.getRowsJS().map((r) => r[0] as string | null);
}

describe('trimmedSql', () => {
  it('trims what String.prototype.trim() trims, worked cases', async () => {
    const texts = ['C1', ' C1', 'C1 ', '\tC1\r\n', '\u00a0C1\u3000', '\ufeffC1', 'C 1', '', ' ', '\u0085C1\u0085', '\u180eC1', 'é', ' é ', '\u{1f600} ', '!x!'];
    expect(await trimmedByDuckdb(texts)).toEqual(texts.map((t) => t.trim()));
  });

  it('trims what String.prototype.trim() trims, on random texts', async () => {
    const char = fc.oneof(fc.constantFrom(...JS_SPACES), fc.constantFrom(...OTHERS), fc.string({ minLength: 1, maxLength: 1, unit: 'grapheme' }));
    const text = fc.array(char, { maxLength: 8 }).map((cs) => cs.join(''));
    await fc.assert(
      fc.asyncProperty(fc.array(text, { minLength: 1, maxLength: 60 }), async (texts) => {
        expect(await trimmedByDuckdb(texts)).toEqual(texts.map((t) => t.trim()));
      }),
      { numRuns: 150 },
    );
  });
});
