// The corpus of foreign workbooks through LibreOffice: two more files LibreOffice itself writes (a CSV
// it opened and saved as .xlsx, and an ExcelJS workbook it opened and saved again), then every
// Tierwise output over the whole corpus (first and second run, with and without segment columns)
// checked by the structural checker and opened by LibreOffice, which must find the tiers worked out
// by hand and each line's segment. Run with `npm run test:interop` (needs soffice).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { CORPUS_CONFIG, CORPUS_ROWS, CORPUS_TIERS, foreignCorpus, type CorpusFile } from '../support/xlsx-corpus';
import { checkWorkbook, expectValidWorkbook } from '../support/xlsx-check';
import { plainWorkbook } from '../support/xlsx-fixture';
import { segmentBytes } from '../support/xlsx-files';

const dir = mkdtempSync(join(tmpdir(), 'tierwise-interop-corpus-'));
const profile = `file://${join(dir, 'lo-profile')}`;

function soffice(args: string[]): void {
  try {
    execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', ...args], { stdio: 'pipe', timeout: 280_000 });
  } catch (e) {
    throw new Error(`LibreOffice failed (is libreoffice-calc installed? apt-get install -y libreoffice-calc): ${(e as Error).message}`);
  }
}

/** Files LibreOffice writes: a CSV opened and saved as a workbook, and an ExcelJS workbook saved again. */
async function libreOfficeFiles(): Promise<CorpusFile[]> {
  const src = join(dir, 'lo-in');
  mkdirSync(src, { recursive: true });
  const iso = (serial: number) => new Date((serial - 25569) * 86_400_000).toISOString().slice(0, 10);
  const quote = (v: unknown) => (/[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
  writeFileSync(join(src, 'Orders.csv'), CORPUS_ROWS.map((r, i) => r.map((v, c) => quote(i > 0 && c === 2 ? iso(Number(v)) : v)).join(',')).join('\n') + '\n');
  writeFileSync(join(src, 'Orders.xlsx'), await plainWorkbook('Orders', CORPUS_ROWS, { table: 'Sales' }));
  const out = join(dir, 'lo-out');
  // UTF-8 (76), comma, double quote, from line 1; formulas not evaluated: =1+1 stays a name.
  soffice(['--infilter=CSV:44,34,76,1,,0,false,false,false,false,false', '--convert-to', 'xlsx', '--outdir', join(out, 'csv'), join(src, 'Orders.csv')]);
  soffice(['--convert-to', 'xlsx', '--outdir', join(out, 'resave'), join(src, 'Orders.xlsx')]);
  return [
    { name: 'libreoffice-csv.xlsx', stands: 'a CSV opened in LibreOffice Calc and saved as .xlsx', bytes: readFileSync(join(out, 'csv', 'Orders.xlsx')) },
    { name: 'libreoffice-resave.xlsx', stands: 'an ExcelJS workbook with a table, opened in LibreOffice Calc and saved again', bytes: readFileSync(join(out, 'resave', 'Orders.xlsx')) },
  ];
}

/** Every sheet of each file as LibreOffice exports it to CSV (one soffice call for all), by file and sheet. */
function asLibreOfficeSees(files: string[]): Map<string, Map<string, string[][]>> {
  const out = join(dir, `csv-${Math.random().toString(36).slice(2)}`);
  soffice(['--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', '--outdir', out, ...files]);
  const all = new Map<string, Map<string, string[][]>>();
  const produced = readdirSync(out);
  for (const file of files) {
    const base = file.replace(/^.*\//, '').replace(/\.xlsx$/, '');
    const sheets = new Map<string, string[][]>();
    for (const f of produced.filter((p) => p.startsWith(`${base}-`))) sheets.set(f.slice(base.length + 1, -4), parse(readFileSync(join(out, f), 'utf8'), { relax_column_count: true }));
    all.set(file, sheets);
  }
  return all;
}

const LINES = ['Sales ABC (Tierwise)', ...CORPUS_ROWS.slice(1).map((r) => CORPUS_TIERS.find(([id]) => id === r[0])![1])];

describe('the foreign-workbook corpus, written by Tierwise and opened by LibreOffice', () => {
  let files: CorpusFile[];
  let skipped: string[];
  beforeAll(async () => {
    const foreign = await foreignCorpus();
    skipped = foreign.skipped;
    for (const s of skipped) console.warn(`xlsx corpus: skipped ${s}`);
    files = [...foreign.files, ...(await libreOfficeFiles())];
  });

  it("LibreOffice's own files break none of the checker's rules", async () => {
    for (const f of files.filter((x) => x.name.startsWith('libreoffice-'))) expect([f.name, await checkWorkbook(f.bytes)]).toEqual([f.name, []]);
  });

  it('every output passes the checker, and LibreOffice finds the tiers and each line\'s segment', async () => {
    const written: { path: string; columns: boolean }[] = [];
    for (const f of files) {
      const stem = join(dir, f.name.replace(/\.xlsx$/, ''));
      const plain = await segmentBytes(f.bytes, { config: CORPUS_CONFIG });
      const plain2 = await segmentBytes(plain.bytes);
      const cols = await segmentBytes(f.bytes, { config: CORPUS_CONFIG, sourceColumns: 'all' });
      const cols2 = await segmentBytes(cols.bytes, { sourceColumns: 'all' });
      for (const [label, bytes, columns] of [['first', plain.bytes, false], ['second', plain2.bytes, false], ['first-columns', cols.bytes, true], ['second-columns', cols2.bytes, true]] as const) {
        await expectValidWorkbook(bytes, `${f.name}, ${label} run`);
        const path = `${stem}-${label}.xlsx`;
        writeFileSync(path, bytes);
        written.push({ path, columns });
      }
    }
    const seen = asLibreOfficeSees(written.map((w) => w.path));
    for (const w of written) {
      const sheets = seen.get(w.path)!;
      const tiers = sheets.get('Customer Tiers');
      if (!tiers) throw new Error(`LibreOffice found no Customer Tiers in ${w.path} (sheets: ${[...sheets.keys()].join(', ')})`);
      const col = tiers[0].indexOf('Sales ABC');
      expect([w.path, tiers.slice(1).map((r) => [r[0], r[col]])]).toEqual([w.path, CORPUS_TIERS]);
      if (!w.columns) continue;
      const orders = sheets.get('Orders')!;
      const at = orders[0].indexOf('Sales ABC (Tierwise)');
      expect([w.path, orders.slice(0, CORPUS_ROWS.length).map((r) => r[at])]).toEqual([w.path, LINES]);
    }
    // Four outputs per file, each opened.
    expect(written.length).toBe(4 * files.length);
  });
});
