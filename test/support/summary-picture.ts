// The Segment Summary as LibreOffice draws it, as a PNG: what a manager sees on opening the sheet. A
// copy of the written workbook shows only the summary (every other sheet hidden) on one landscape
// page, LibreOffice prints it to PDF (its PNG export draws no chart without libreoffice-draw), and
// poppler's pdftoppm rasterises the page. The copy is for the picture only; the file is not changed.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import ExcelJS from 'exceljs';
import { runWorkbook } from '../../src/cli/workbook';
import { XlsxHost } from '../../src/hosts/xlsx/host';
import { SHEET_NAMES } from '../../src/plan/planner';
import { superstoreGrid } from '../plan/superstore';

const SAMPLE_CONFIG = join(__dirname, '../../examples/superstore.config.json');
/** Excel's Currency format for US dollars: Superstore is a US store. */
export const DOLLARS = '"$"#,##0.00';

/** The sheet part of the sheet named `name`, through workbook.xml and its relationships. */
function sheetPart(workbook: string, rels: string, name: string): { index: number; path: string } {
  const sheets = [...workbook.matchAll(/<sheet\b[^>]*>/g)].map((m) => m[0]);
  const index = sheets.findIndex((s) => s.includes(`name="${name}"`));
  if (index < 0) throw new Error(`no sheet named ${name}`);
  const id = /r:id="([^"]+)"/.exec(sheets[index])![1];
  const target = new RegExp(`<Relationship [^>]*Id="${id}"[^>]*>`).exec(rels)![0];
  return { index, path: `xl/${/Target="([^"]+)"/.exec(target)![1].replace(/^\/?xl\//, '')}` };
}

/** A copy of `bytes` in which only sheet `name` is visible, active, and printed on one landscape page. */
export async function onlySheet(bytes: Uint8Array, name: string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  const workbook = await zip.file('xl/workbook.xml')!.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const { index, path } = sheetPart(workbook, rels, name);
  const shown = workbook
    .replace(/<sheet\b[^>]*>/g, (tag) => {
      const plain = tag.replace(/\s+state="[^"]*"/, '');
      return plain.includes(`name="${name}"`) ? plain : plain.replace(/<sheet\b/, '<sheet state="hidden"');
    })
    .replace(/<workbookView\b[^>]*?(\/?)>/, `<workbookView activeTab="${index}" firstSheet="${index}"$1>`);
  // A workbook without a view (ExcelJS writes none) opens on its first sheet, hidden or not: LibreOffice printed that one.
  zip.file('xl/workbook.xml', /<workbookView\b/.test(shown) ? shown : shown.replace(/<sheets>/, `<bookViews><workbookView activeTab="${index}" firstSheet="${index}"/></bookViews><sheets>`));
  const sheet = await zip.file(path)!.async('string');
  // CT_Worksheet: sheetPr first; pageSetup right after pageMargins (both written by Tierwise's host).
  const fitted = sheet
    .replace(/(<worksheet\b[^>]*>)/, '$1<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>')
    .replace(/(<pageMargins\b[^>]*\/>)/, '$1<pageSetup orientation="landscape" fitToWidth="1" fitToHeight="1"/>');
  if (fitted === sheet) throw new Error(`${path}: no place for the page setup`);
  zip.file(path, fitted);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/**
 * Draws sheet `name` of the workbook `file` into `png` (`dpi` dots per inch). `profile` is a
 * LibreOffice user installation (a file: URL) so the conversion never touches the user's own.
 */
export async function drawSheet(bytes: Uint8Array, name: string, png: string, workDir: string, profile: string, dpi = 110): Promise<void> {
  mkdirSync(workDir, { recursive: true });
  const copy = join(workDir, 'summary-only.xlsx');
  writeFileSync(copy, await onlySheet(bytes, name));
  const pdfDir = join(workDir, 'pdf');
  try {
    execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', pdfDir, copy], { stdio: 'pipe', timeout: 240_000 });
  } catch (e) {
    throw new Error(`LibreOffice could not print ${copy} to PDF (is libreoffice-calc installed?): ${(e as Error).message}`);
  }
  const pdf = join(pdfDir, readdirSync(pdfDir).find((f) => f.endsWith('.pdf'))!);
  try {
    // -singlefile: the first page only, written as `<root>.png`.
    execFileSync('pdftoppm', ['-png', '-r', String(dpi), '-f', '1', '-l', '1', '-singlefile', pdf, png.replace(/\.png$/, '')], { stdio: 'pipe', timeout: 120_000 });
  } catch (e) {
    throw new Error(`pdftoppm could not draw ${pdf} (apt-get install -y poppler-utils): ${(e as Error).message}`);
  }
}

/**
 * The Superstore sample with Sales and Profit in US dollars, as a workbook formatted in Excel would hold
 * it (ExcelJS writes it whole: loading and saving newWorkbook's file through ExcelJS drops its theme).
 */
export async function superstoreInDollars(): Promise<Buffer> {
  const grid = superstoreGrid();
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Orders');
  for (const row of grid) ws.addRow(row.map((v) => (v === null || v === undefined ? null : v)));
  for (const name of ['Sales', 'Profit']) {
    const c = grid[0].indexOf(name) + 1;
    for (let r = 2; r <= grid.length; r++) ws.getCell(r, c).numFmt = DOLLARS;
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * The Superstore summary of the example configuration after two runs: the first with its shares, the
 * second with Sales ABC at 70/25/5, so the migration matrix shows who moved. Returns the workbook.
 */
export async function superstoreSummary(): Promise<Buffer> {
  const config = JSON.parse(readFileSync(SAMPLE_CONFIG, 'utf8'));
  let bytes: Uint8Array = await superstoreInDollars();
  const runs: [string, unknown][] = [
    ['2026-01-31T09:00:00.000Z', config],
    ['2026-02-28T09:00:00.000Z', moved(config)],
  ];
  for (const [now, c] of runs) {
    const host = await XlsxHost.open(bytes, 'superstore.xlsx');
    const run = await runWorkbook({ host, config: { text: JSON.stringify(c), path: 'superstore.config.json' }, sourceColumns: [], now });
    if (!run.ok || !run.report.complete) throw new Error(JSON.stringify(run.ok ? run.report.issues : run.issues));
    bytes = await host.toBuffer();
  }
  return Buffer.from(bytes);
}

/** The example configuration with its first ABC type at 70/25/5 instead of 80/15/5. */
function moved(config: { segmentTypes: { kind: string; segments?: { share?: number }[] }[] }): unknown {
  const types = config.segmentTypes.map((t) => t);
  const abc = types.findIndex((t) => t.kind === 'abc');
  if (abc >= 0) {
    const shares = [70, 25, 5];
    types[abc] = { ...types[abc], segments: types[abc].segments!.map((s, i) => (s.share === undefined ? s : { ...s, share: shares[i] ?? s.share })) };
  }
  return { ...config, segmentTypes: types };
}

export const SUMMARY_SHEET = SHEET_NAMES.summary;
