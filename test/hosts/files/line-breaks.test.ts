import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lineBreaksMixed } from '../../../src/hosts/files/line-breaks';
import { readSourceFile } from '../../../src/hosts/files/read';

const dir = mkdtempSync(join(tmpdir(), 'tierwise-line-breaks-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('line breaks', () => {
  it('tells a file that ends its lines in more than one way', () => {
    expect(lineBreaksMixed('a\r\nb\r\n')).toBe(false);
    expect(lineBreaksMixed('a\nb\n')).toBe(false);
    expect(lineBreaksMixed('a\rb\r')).toBe(false);
    expect(lineBreaksMixed('no break at all')).toBe(false);
    expect(lineBreaksMixed('a\r\nb\nc')).toBe(true); // CRLF, then LF
    expect(lineBreaksMixed('a\nb\r\nc')).toBe(true); // LF, then CRLF
    expect(lineBreaksMixed('a\r\nb\rc')).toBe(true); // CRLF, then a lone CR
    expect(lineBreaksMixed('a\rb\r\n')).toBe(true); // a lone CR first
    // A quoted cell typed with Alt+Enter in a CRLF file counts too: csv-parse then reads it the same.
    expect(lineBreaksMixed('"x\ny"\r\nz\r\n')).toBe(true);
  });

  it('agrees with a plain count of the kinds of line break', () => {
    const piece = fc.constantFrom('a', '\n', '\r\n', '\r');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 20 }), (pieces) => {
        const text = pieces.join('');
        const kinds = new Set(text.match(/\r\n|\n|\r/g) ?? []);
        expect(lineBreaksMixed(text)).toBe(kinds.size > 1);
      }),
      { numRuns: 500 },
    );
  });

  // Lines appended on a server (LF) to an export from Windows (CRLF): each line is a row, as Excel reads
  // the file; csv-parse alone takes the first break as the only one and joined B's line to A's profit.
  it('reads each line of a file that mixes them as a row', async () => {
    const path = join(dir, 'joined.csv');
    writeFileSync(path, 'Customer,Sales,Profit\r\nA,10,1\nB,5,1\r\nC,3,1\rD,2,1\n');
    const table = await readSourceFile(path);
    expect(table.rows).toEqual([
      ['A', 10, 1],
      ['B', 5, 1],
      ['C', 3, 1],
      ['D', 2, 1],
    ]);
  });
});
