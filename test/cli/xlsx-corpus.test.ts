// Every Tierwise output over the corpus of foreign workbooks (test/support/xlsx-corpus.ts) passes the
// strict structural checker: the first run, a second run on the output, each with and without
// segment columns beside the lines; and every output holds the tiers worked out by hand.
import { CORPUS_CONFIG, CORPUS_ROWS, CORPUS_TIERS, foreignCorpus, type CorpusFile } from '../support/xlsx-corpus';
import { checkWorkbook, expectValidWorkbook, sheetText } from '../support/xlsx-check';
import { segmentBytes } from '../support/xlsx-files';

jest.setTimeout(120_000);

let corpus: { files: CorpusFile[]; skipped: string[] };
beforeAll(async () => {
  corpus = await foreignCorpus();
  // Said, not silent: CI installs python3-openpyxl (.ci/run), a workstation may not have it.
  for (const s of corpus.skipped) console.warn(`xlsx corpus: skipped ${s}`);
});

/** Customer -> final segment in the Customer Tiers table, read by the checker's reader (ExcelJS cannot read every file here). */
async function tiers(bytes: Buffer): Promise<[string, string][]> {
  const rows = await sheetText(bytes, 'Customer Tiers');
  const col = rows[0].indexOf('Sales ABC');
  return rows.slice(1).map((r) => [r[0], r[col]]);
}

/** The segment column beside the lines of Orders: header, then one segment per line; the column right of the user's last one. */
async function besideLines(bytes: Buffer): Promise<string[]> {
  const rows = await sheetText(bytes, 'Orders');
  const col = rows[0].indexOf('Sales ABC (Tierwise)');
  expect(col).toBe(rows[0].length - 1);
  return rows.slice(0, CORPUS_ROWS.length).map((r) => r[col]);
}
const LINES = ['Sales ABC (Tierwise)', ...CORPUS_ROWS.slice(1).map((r) => CORPUS_TIERS.find(([id]) => id === r[0])![1])];

const NAMES = ['exceljs-table.xlsx', 'exceljs-features.xlsx', 'exceljs-total-row.xlsx', 'exceljs-hidden-active.xlsx', 'excel-chart-pivot.xlsx', 'sdk-prefixed.xlsx', 'openpyxl-style-by-hand.xlsx', 'openpyxl.xlsx', 'openpyxl-features.xlsx'];

describe.each(NAMES)('%s', (name) => {
  const file = () => corpus.files.find((f) => f.name === name);

  it('as written by its tool, breaks only the rule it stands for, if any', async () => {
    const f = file();
    if (!f) return void console.warn(`xlsx corpus: ${name} not built here (${corpus.skipped.join('; ')})`);
    expect(await checkWorkbook(f.bytes)).toEqual(f.breaks ?? []);
  });

  it('first and second run, without segment columns: every output passes the checker and holds the tiers', async () => {
    const f = file();
    if (!f) return;
    const first = await segmentBytes(f.bytes, { config: CORPUS_CONFIG });
    await expectValidWorkbook(first.bytes, `${name}, first run`);
    expect(await tiers(first.bytes)).toEqual(CORPUS_TIERS);
    const second = await segmentBytes(first.bytes);
    await expectValidWorkbook(second.bytes, `${name}, second run`);
    expect(await tiers(second.bytes)).toEqual(CORPUS_TIERS);
  });

  it('first and second run with --source-columns all: every output passes the checker, the column holds each line\'s segment', async () => {
    const f = file();
    if (!f) return;
    const first = await segmentBytes(f.bytes, { config: CORPUS_CONFIG, sourceColumns: 'all' });
    await expectValidWorkbook(first.bytes, `${name}, first run with segment columns`);
    expect(await besideLines(first.bytes)).toEqual(LINES);
    const second = await segmentBytes(first.bytes, { sourceColumns: 'all' });
    await expectValidWorkbook(second.bytes, `${name}, second run with segment columns`);
    expect(await besideLines(second.bytes)).toEqual(LINES);
    expect(await tiers(second.bytes)).toEqual(CORPUS_TIERS);
  });
});
