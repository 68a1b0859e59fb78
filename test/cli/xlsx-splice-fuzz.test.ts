// Segment columns spliced beside a user's sheet of any content (numbers, text, dates, booleans,
// formulas with cached results, empty cells, extra columns to the right of the data): every part of
// the written workbook is well-formed XML, and every cell the user had reads back as it was.
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SaxesParser } from 'saxes';
import { main } from '../../src/cli/main';
import { expectValidWorkbook } from '../support/xlsx-check';
import { excel, parts, values } from '../support/xlsx-files';

jest.setTimeout(120_000);

const dir = mkdtempSync(join(tmpdir(), 'tierwise-xlsx-splice-'));
const config = join(dir, 'config.json');
writeFileSync(config, JSON.stringify({ version: 1, columns: { customer: 'Customer ID', amount: 'Sales' }, segmentTypes: [{ name: 'Sales ABC', kind: 'abc', segments: [{ name: 'A', share: 80 }, { name: 'B', share: 15 }, { name: 'C', share: 5 }] }] }));

type Value = ExcelJS.CellValue;
const other: fc.Arbitrary<Value> = fc.oneof(
  fc.integer({ min: -1000, max: 100000 }),
  fc.double({ min: -1e9, max: 1e9, noNaN: true }),
  fc.string({ maxLength: 8 }),
  fc.constantFrom<Value>('a & b', '<x>', '=not a formula', '_x0041_', true, false, null, new Date(Date.UTC(2017, 2, 5))),
  fc.integer({ min: 1, max: 9 }).map((n): Value => ({ formula: `${n}*2`, result: n * 2 })),
);

async function book(rows: { id: string; sales: number; extra: Value }[], gap: Value): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Orders');
  ws.addRow(['Customer ID', 'Sales', 'Note']);
  for (const r of rows) ws.addRow([r.id, r.sales, r.extra]);
  // Something of the user's below the data, after an empty row: it must survive untouched.
  ws.getCell(rows.length + 3, 1).value = gap;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

test('segment columns beside any sheet: well-formed parts, and every user cell as it was', async () => {
  let n = 0;
  await fc.assert(
    fc.asyncProperty(
      fc.array(fc.record({ id: fc.constantFrom('C1', 'C2', 'C3', 'C4'), sales: fc.integer({ min: 1, max: 900 }), extra: other }), { minLength: 1, maxLength: 10 }),
      other,
      async (rows, gap) => {
        const input = join(dir, `in${n}.xlsx`);
        const out = join(dir, `out${n++}.xlsx`);
        writeFileSync(input, await book(rows, gap));
        let err = '';
        const code = await main(['segment', input, '--config', config, '--out', out, '--source-columns', 'all'], { out: () => undefined, err: (s) => (err += s) }, { maxFileBytes: 512 * 2 ** 20, now: '2026-01-01T00:00:00.000Z' });
        expect({ code, err: code === 2 ? err : '' }).toEqual({ code: expect.any(Number), err: '' });
        for (const [path, bytes] of await parts(readFileSync(out))) {
          if (!/\.(xml|rels)$/.test(path)) continue;
          const parser = new SaxesParser();
          try {
            parser.write(bytes.toString('utf8')).close();
          } catch (e) {
            throw new Error(`${path} is not well-formed XML: ${(e as Error).message}`);
          }
        }
        await expectValidWorkbook(readFileSync(out), `lines ${JSON.stringify(rows)}`);
        // Read by another reader (ExcelJS), so the check does not trust Tierwise's own: the user's three
        // columns as they were (formulas with their results), Tierwise's column after them.
        const before = values((await excel(readFileSync(input))).getWorksheet('Orders')!);
        const after = values((await excel(readFileSync(out))).getWorksheet('Orders')!);
        expect(after.map((r) => r.slice(0, 3))).toEqual(before.map((r) => r.slice(0, 3)));
        expect(after[0][3]).toBe('Sales ABC (Tierwise)');
      },
    ),
    { numRuns: 40 },
  );
});
