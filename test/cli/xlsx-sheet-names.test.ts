// A CSV becomes a workbook with one sheet named after the file: a file name Excel would refuse as a
// sheet name (brackets, a colon, apostrophes at the ends, the reserved History) gets the name
// Excel accepts, and everything that names the sheet (the summary's links, the saved sales range,
// the next run) names that one. Expected names worked out by hand from the rules in src/plan/names.ts.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { main } from '../../src/cli/main';
import { XlsxHost } from '../../src/hosts/xlsx/host';
import { freeSheetName, validSheetName } from '../../src/plan/names';
import { ABC_CONFIG, excel } from '../support/xlsx-files';

jest.setTimeout(60_000);

const dir = mkdtempSync(join(tmpdir(), 'tierwise-sheet-names-'));
const config = join(dir, 'config.json');
writeFileSync(config, JSON.stringify(ABC_CONFIG));

async function cli(args: string[]) {
  let err = '';
  const code = await main(args, { out: () => undefined, err: (s) => (err += s) }, { maxFileBytes: 512 * 2 ** 20, now: '2026-01-01T00:00:00.000Z' });
  return { code, err };
}

describe.each([
  ['sales [2026]', 'sales 2026'],
  ['Q1: sales', 'Q1 sales'],
  ["'quoted'", 'quoted'],
  ['History', 'History (1)'],
  ['a\ttab', 'a tab'],
])('%s.csv', (file, sheet) => {
  it(`becomes the sheet "${sheet}", and every reference names it`, async () => {
    const csv = join(dir, `${file}.csv`);
    // C2's sales are unreadable: the summary links to its cell.
    writeFileSync(csv, 'Customer ID,Sales\nC1,80\nC2,n/a\nC3,5\n');
    const out = join(dir, `${sheet}.xlsx`);
    const first = await cli(['segment', csv, '--config', config, '--out', out]);
    expect(first.code).toBe(1);
    const bytes = readFileSync(out);
    const names = (await excel(bytes)).worksheets.map((w) => w.name);
    expect(names[0]).toBe(sheet);
    expect(names.filter((n) => n.startsWith('Tierwise History'))).toEqual(['Tierwise History']);
    const quoted = /^[A-Za-z0-9_]+$/.test(sheet) ? sheet : `'${sheet}'`;
    const zip = await JSZip.loadAsync(bytes);
    const summary = await zip.file('xl/worksheets/sheet3.xml')!.async('string');
    expect(/<hyperlink [^>]*location="([^"]*)"/.exec(summary)?.[1]).toBe(`${quoted}!B3`.replace(/'/g, '&apos;'));
    const saved = JSON.parse((await (await XlsxHost.open(bytes, 'b.xlsx')).loadConfig())!.text);
    expect(saved.ranges.sales).toEqual({ sheet });
    // The next run finds the saved range without a word about a lost one.
    const second = await cli(['segment', out, '--out', join(dir, `${sheet}-2.xlsx`)]);
    expect(second.code).toBe(1);
    expect(second.err).not.toMatch(/no longer|not found|lost/i);
  });
});

test('a long name is cut between characters, never inside an emoji, and a made name is made again unchanged', () => {
  const name = validSheetName(`Q1 ${'😀'.repeat(20)}`);
  expect(name).toBe(`Q1 ${'😀'.repeat(14)}`);
  expect(validSheetName(name)).toBe(name);
  expect(freeSheetName(`${'😀'.repeat(16)}`, [`${'😀'.repeat(15)}`])).toBe(`${'😀'.repeat(13)} (2)`);
  expect(validSheetName('History (1)')).toBe('History (1)');
});
