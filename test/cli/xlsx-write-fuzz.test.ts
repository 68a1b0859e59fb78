// What the command line writes into a workbook is well-formed XML whatever the customers are called:
// names and ids of any characters (XML's specials, `]]>`, `_x0041_`, control characters, emoji, right to
// left, formula-like text, leading and trailing spaces), parsed back with a strict XML parser (saxes,
// which refuses what Excel would call damage), and the tiers table read back holds each id as written.
import fc from 'fast-check';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SaxesParser } from 'saxes';
import { main } from '../../src/cli/main';
import { excelError } from '../../src/engine/parse/number';
import { XlsxHost } from '../../src/hosts/xlsx/host';
import { newWorkbook } from '../../src/hosts/xlsx/new-workbook';
import { expectValidWorkbook } from '../support/xlsx-check';
import { parts } from '../support/xlsx-files';

jest.setTimeout(120_000);

const dir = mkdtempSync(join(tmpdir(), 'tierwise-xlsx-write-'));
const config = join(dir, 'config.json');
writeFileSync(config, JSON.stringify({ version: 1, segmentTypes: [{ name: 'Sales ABC', kind: 'abc', segments: [{ name: 'A', share: 80 }, { name: 'B', share: 15 }, { name: 'C', share: 5 }] }] }));

const text = fc.oneof(
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 }),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 6 }), // any code unit but lone surrogates: control characters too
  fc.constantFrom('#N/A', '#x', 'a & b', '<Corp>', '"quoted"', "it's", ']]>', '_x0041_', '=1+1', '@SUM(A1)', '-cmd', ' padded ', 'שלום', '😀', 'e\u0301', '\t', 'A\u0001B', '\uFFFE'),
);

function wellFormed(path: string, xml: string): void {
  const parser = new SaxesParser();
  try {
    parser.write(xml).close();
  } catch (e) {
    throw new Error(`${path} is not well-formed XML: ${(e as Error).message}`);
  }
}

test('any names: every part written is well-formed XML, and the tiers table gives each id back', async () => {
  let n = 0;
  await fc.assert(
    fc.asyncProperty(fc.uniqueArray(text, { minLength: 1, maxLength: 6, selector: (s) => s.trim() }), fc.array(text, { minLength: 6, maxLength: 6 }), async (ids, names) => {
      // A blank id, or an Excel error value as the id or the name, leaves the row out (exit status 1).
      const valid = ids.filter((id, i) => id.trim() !== '' && excelError(id) === undefined && excelError(names[i]) === undefined);
      const input = join(dir, `in${n}.xlsx`);
      const out = join(dir, `out${n++}.xlsx`);
      const rows = [['Customer ID', 'Customer Name', 'Sales'], ...ids.map((id, i) => [id, names[i], 10 * (i + 1)])];
      writeFileSync(input, await newWorkbook('Orders', rows));
      let err = '';
      const code = await main(['segment', input, '--config', config, '--out', out, '--source-columns', 'all'], { out: () => undefined, err: (s) => (err += s) }, { maxFileBytes: 512 * 2 ** 20, now: '2026-01-01T00:00:00.000Z' });
      expect({ code, err: code === 2 ? err : '' }).toEqual({ code: valid.length === ids.length ? 0 : 1, err: '' });
      const written = await parts(readFileSync(out));
      for (const [path, bytes] of written) if (/\.(xml|rels)$/.test(path)) wellFormed(path, bytes.toString('utf8'));
      // And every structural rule Excel enforces (test/support/xlsx-check.ts).
      await expectValidWorkbook(readFileSync(out), `customers ${JSON.stringify(ids)} named ${JSON.stringify(names)}`);
      const host = await XlsxHost.open(readFileSync(out), 'out.xlsx');
      const tiers = await host.readSource({ kind: 'table', name: 'TierwiseTiers' });
      // With no customer at all the table keeps the one empty row an Excel table needs.
      expect(tiers.rows.map((r) => String(r[0])).filter((id) => id !== '')).toEqual(valid.map((id) => id.trim()));
    }),
    { numRuns: 60 },
  );
});
