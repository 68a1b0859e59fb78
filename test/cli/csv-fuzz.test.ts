// Any text saved as a .csv file, broken quotes, stray separators, byte order marks and control characters
// included: the command line answers with an exit status (0, 1 or 2) and, when it gives up, a message on
// stderr; it never throws, and what it prints to stdout is only ever the result table.
import fc from 'fast-check';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectAnswered } from '../support/cli-answer';

// Many runs of the whole command line: minutes under a loaded CI machine are possible, seconds usual.
jest.setTimeout(120_000);

const dir = mkdtempSync(join(tmpdir(), 'tierwise-csv-fuzz-'));
const config = join(dir, 'config.json');
writeFileSync(config, JSON.stringify({ version: 1, segmentTypes: [{ name: 'Sales ABC', kind: 'abc', segments: [{ name: 'A', share: 80 }, { name: 'B', share: 15 }, { name: 'C', share: 5 }] }] }));

const cellText = fc.oneof(
  fc.constantFrom('C1', ' C2 ', 'C3', '', '12,50', '1.234,50', '7.25', '1,234', '(5)', '3-', '#N/A', '=1+1', '@x', '2017-03-05', '05.03.2017', '3/5/2017', '"q"', '"a;b"', '"broken'),
  fc.string({ maxLength: 5 }),
);
const junk = fc.constantFrom('', '', '', '\uFEFF', 'Sales report 2017\r\n\r\n', '"', '\u0000', ';;;\n', '\r');

/** A sales file as a ledger might write it, with any separator, any cells and junk before, inside or after. */
const csvText = fc
  .record({
    sep: fc.constantFrom(',', ';', '\t'),
    eol: fc.constantFrom('\r\n', '\n'),
    // Mostly a header the reader maps (customer and sales in some language), sometimes not.
    header: fc.oneof(
      { weight: 4, arbitrary: fc.tuple(fc.constantFrom('Customer ID', 'Kunde', 'Client'), fc.constantFrom('Sales', 'Umsatz', 'Montant'), fc.subarray(['Order Date', 'Profit', 'x'])).map(([c, a, rest]) => [c, a, ...rest]) },
      { weight: 1, arbitrary: fc.shuffledSubarray(['Customer ID', 'Sales', 'Order Date', 'x', ''], { minLength: 1 }) },
    ),
    rows: fc.array(fc.array(cellText, { maxLength: 5 }), { maxLength: 12 }),
    before: junk,
    inside: fc.tuple(fc.nat(12), junk),
    after: junk,
  })
  .map(({ sep, eol, header, rows, before, inside, after }) => {
    const lines = [header.join(sep), ...rows.map((r) => r.join(sep))];
    lines.splice(inside[0] % (lines.length + 1), 0, inside[1]);
    return before + lines.join(eol) + after;
  });

test('any .csv text gets an exit status and, when refused, a message; never an exception', async () => {
  let n = 0;
  await fc.assert(
    fc.asyncProperty(csvText, async (text) => {
      const file = join(dir, `f${n++}.csv`);
      writeFileSync(file, text);
      await expectAnswered(file, config);
    }),
    { numRuns: 200 },
  );
});
