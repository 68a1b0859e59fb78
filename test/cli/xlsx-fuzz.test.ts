// A workbook whose sheet or shared strings were damaged by hand or by a careless tool (cut, repeated or
// foreign XML, odd cell references, types and values): the command line answers with an exit status
// (0, 1 or 2) and, when it gives up, a message; it never throws. Tierwise reads .xlsx with its own
// reader (docs/xlsx.md), so this is where a malformed part would surface as a crash.
import fc from 'fast-check';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectAnswered } from '../support/cli-answer';
import { editPart, plainWorkbook } from '../support/xlsx-fixture';

// Many runs of the whole command line: minutes under a loaded CI machine are possible, seconds usual.
jest.setTimeout(120_000);

const dir = mkdtempSync(join(tmpdir(), 'tierwise-xlsx-fuzz-'));
const config = join(dir, 'config.json');
writeFileSync(config, JSON.stringify({ version: 1, segmentTypes: [{ name: 'Sales ABC', kind: 'abc', segments: [{ name: 'A', share: 80 }, { name: 'B', share: 15 }, { name: 'C', share: 5 }] }] }));

const ROWS = [
  ['Customer ID', 'Customer Name', 'Order Date', 'Sales'],
  ['C1', 'Acme', 42800, 120.5],
  ['C2', 'Bolt & Co', 42801, '1,234.50'],
  ['C1', 'Acme', 42802, 30],
  ['C3', '<Corp>', 42803, -5],
];

/** Pieces a damaged part may carry: cells of every type with odd references and values, stray markup. */
const fragment = fc.constantFrom(
  '<c r="B2" t="s"><v>999</v></c>',
  '<c r="D3" t="e"><v>#N/A</v></c>',
  '<c r="D4"><v>abc</v></c>',
  '<c r="A0"><v>1</v></c>',
  '<c r="XFE1"><v>1</v></c>',
  '<c r="ZZZZ9999999"><v>1</v></c>',
  '<c t="inlineStr"><is><t>x</t></is></c>',
  '<c r="C5" t="b"><v>2</v></c>',
  '<c r="C6" t="d"><v>2017-13-45</v></c>',
  '<c r="D7" t="str"><f>1/0</f><v>#DIV/0!</v></c>',
  '<row r="0">',
  '<row r="1048577"><c r="A1048577"><v>1</v></c></row>',
  '</row>',
  '<row>',
  '&amp;',
  '&#0;',
  '&unknown;',
  '<',
  '"',
  '<v>1e999</v>',
  '<si><t>new</t></si>',
  '<si><r><t>rich</t></r><r><t> text</t></r></si>',
  '</sst>',
  '',
);

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('repeat' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 60 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fragment }),
);

type Mutation = { kind: 'cut' | 'repeat'; at: number; length: number } | { kind: 'insert'; at: number; text: string };

function damage(xml: string, changes: Mutation[]): string {
  let s = xml;
  for (const m of changes) {
    const at = m.at % (s.length + 1);
    if (m.kind === 'insert') s = s.slice(0, at) + m.text + s.slice(at);
    else if (m.kind === 'cut') s = s.slice(0, at) + s.slice(at + m.length);
    else s = s.slice(0, at) + s.slice(at, at + m.length) + s.slice(at);
  }
  return s;
}

let base: Buffer;
beforeAll(async () => {
  base = await plainWorkbook('Orders', ROWS);
});

test('a damaged sheet or shared-strings part gets an exit status and, when refused, a message; never an exception', async () => {
  let n = 0;
  await fc.assert(
    fc.asyncProperty(fc.constantFrom('xl/worksheets/sheet1.xml', 'xl/sharedStrings.xml', 'xl/workbook.xml'), fc.array(mutation, { minLength: 1, maxLength: 4 }), async (part, changes) => {
      const file = join(dir, `w${n++}.xlsx`);
      writeFileSync(file, await editPart(base, part, (xml) => damage(xml, changes)));
      await expectAnswered(file, config);
    }),
    { numRuns: 150 },
  );
});
