// The DuckDB path reads text as the engine does. It trims keys (customers, orders, filter columns) with
// JavaScript's String.prototype.trim(): the same set of spaces (ASCII's six, no-break, ideographic, the
// byte order mark...), and nothing else (U+0085 and U+180E stay). trimmedSql guards DuckDB's trim with
// cheap byte tests and a pattern; this holds it equal to trim() on every text, spaces in the middle and
// at the ends, control characters, and characters of two, three and four bytes. And it tells a blank
// cell as the engine's isBlank does (blankSql), whose spaces are a few fewer than trim()'s.
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import fc from 'fast-check';
import { isBlank } from '../../src/engine/parse/number';
import { formulaText } from '../../src/hosts/files/read';
import { blankSql, formulaTextSql, trimmedSql } from '../../src/sql/duckdb-text';

const JS_SPACES = ['\t', '\n', '\u000b', '\f', '\r', ' ', '\u00a0', '\u1680', '\u2000', '\u2005', '\u200a', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff'];
/** Near misses: characters trim() keeps, though some tools call them spaces, and plain text. */
const OTHERS = ['\u0001', '\u001f', '\u0085', '\u180e', '\u200b', '!', '~', 'a', 'Z', '0', '#', '"', "'", 'é', '€', '\u{1f600}', '\u00ff', '\u0100'];

let con: DuckDBConnection;
beforeAll(async () => {
  con = await (await DuckDBInstance.create(':memory:')).connect();
});
afterAll(() => con.closeSync());

async function byDuckdb(texts: string[], sql: (column: string) => string): Promise<unknown[]> {
  await con.run('CREATE OR REPLACE TEMP TABLE t (i INTEGER, v VARCHAR)');
  const appender = await con.createAppender('t');
  texts.forEach((text, i) => {
    appender.appendInteger(i);
    appender.appendVarchar(text);
    appender.endRow();
  });
  appender.closeSync();
  const result = await con.runAndReadAll(`SELECT ${sql('v')} FROM t ORDER BY i`);
  return result.getRowsJS().map((r) => r[0]);
}

const char = fc.oneof(fc.constantFrom(...JS_SPACES), fc.constantFrom(...OTHERS), fc.string({ minLength: 1, maxLength: 1, unit: 'grapheme' }));
const text = fc.array(char, { maxLength: 8 }).map((cs) => cs.join(''));

describe('trimmedSql', () => {
  it('trims what String.prototype.trim() trims, worked cases', async () => {
    const texts = ['C1', ' C1', 'C1 ', '\tC1\r\n', '\u00a0C1\u3000', '\ufeffC1', 'C 1', '', ' ', '\u0085C1\u0085', '\u180eC1', 'é', ' é ', '\u{1f600} ', '!x!'];
    expect(await byDuckdb(texts, trimmedSql)).toEqual(texts.map((t) => t.trim()));
  });

  it('trims what String.prototype.trim() trims, on random texts', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(text, { minLength: 1, maxLength: 60 }), async (texts) => {
        expect(await byDuckdb(texts, trimmedSql)).toEqual(texts.map((t) => t.trim()));
      }),
      { numRuns: 150 },
    );
  });
});

describe('blankSql', () => {
  // U+1680, U+2028 and U+2029 are spaces to trim() and not to isBlank: a cell holding one is not blank.
  it('tells a blank cell as isBlank does, worked cases', async () => {
    const texts = ['', ' ', '\t\r\n', '\u00a0\u3000\ufeff', '\u2028', '\u1680', ' x ', '\u0085'];
    expect(await byDuckdb(texts, blankSql)).toEqual([true, true, true, true, false, false, false, false]);
    expect(texts.map(isBlank)).toEqual([true, true, true, true, false, false, false, false]);
  });

  it('tells a blank cell as isBlank does, on random texts', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(text, { minLength: 1, maxLength: 60 }), async (texts) => {
        expect(await byDuckdb(texts, blankSql)).toEqual(texts.map(isBlank));
      }),
      { numRuns: 150 },
    );
  });
});

// A field written `="00123"` is the text inside to the engine's CSV reader (formulaText), and to the
// DuckDB path when its scan finds `="` in the file.
describe('formulaTextSql', () => {
  const asRead = (t: string) => formulaText(t) ?? t;
  it('reads a text formula as the engine\'s reader does, worked cases', async () => {
    const texts = ['="00123"', '=""', '="a""b"', '="=x"', '=A1+1', '="a"b"', '="abc', ' ="1"', '="1" ', 'x', '', '="\n"'];
    expect(await byDuckdb(texts, formulaTextSql)).toEqual(['00123', '', 'a"b', '=x', '=A1+1', '="a"b"', '="abc', ' ="1"', '="1" ', 'x', '', '\n']);
    expect(texts.map(asRead)).toEqual(await byDuckdb(texts, formulaTextSql));
  });

  it('reads a text formula as the engine\'s reader does, on random texts', async () => {
    // No byte order mark: DuckDB keeps one, but its text reaches JavaScript without a leading one
    // (the decoder drops it), whatever the expression. The keys it matters for are trimmed of it first.
    const part = fc.oneof(fc.constantFrom('=', '"', '""', '="', 'é', ' ', '\n'), char.filter((c) => c !== '\ufeff'));
    const field = fc.array(part, { maxLength: 6 }).map((ps) => ps.join(''));
    const formula = fc.oneof(field, field.map((t) => `="${t}"`));
    await fc.assert(
      fc.asyncProperty(fc.array(formula, { minLength: 1, maxLength: 60 }), async (texts) => {
        expect(await byDuckdb(texts, formulaTextSql)).toEqual(texts.map(asRead));
      }),
      { numRuns: 150 },
    );
  });
});
