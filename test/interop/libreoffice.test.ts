// The written workbooks as LibreOffice sees them: each sheet converted to CSV by
// `soffice --headless --convert-to csv`, then compared with what the engine computed. Proves the
// files open in a spreadsheet program nobody here wrote, hold what Tierwise meant, and that names
// starting with =, +, - or @ stay text there too. Run with `npm run test:interop`.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import JSZip from 'jszip';
import { runWorkbook } from '../../src/cli/workbook';
import type { EngineResult } from '../../src/engine/result';
import type { Cell } from '../../src/engine/types';
import { XlsxHost } from '../../src/hosts/xlsx/host';
import { newWorkbook } from '../../src/hosts/xlsx/new-workbook';
import { tierColumns } from '../../src/plan/tiers';
import { superstoreGrid } from '../plan/superstore';
import { expectValidWorkbook } from '../support/xlsx-check';
import { drawSheet, SUMMARY_SHEET, superstoreSummary } from '../support/summary-picture';
import { plainWorkbook, richWorkbook } from '../support/xlsx-fixture';

const dir = mkdtempSync(join(tmpdir(), 'tierwise-interop-'));
/** Kept after the run (git-ignored): the Summary as LibreOffice draws it. */
const ARTIFACTS = join(__dirname, '../../test-artifacts/interop');
const profile = `file://${join(dir, 'lo-profile')}`;
const sample = JSON.parse(readFileSync(join(__dirname, '../../examples/superstore.config.json'), 'utf8'));

/** Every sheet of a workbook as LibreOffice exports it: comma-separated, UTF-8, raw values (not as shown), all sheets. */
function sheetsAsLibreOfficeSees(file: string): Map<string, string[][]> {
  const out = join(dir, `csv-${Math.random().toString(36).slice(2)}`);
  try {
    execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', '--outdir', out, file], { stdio: 'pipe', timeout: 240_000 });
  } catch (e) {
    throw new Error(`LibreOffice could not convert ${file} (is libreoffice-calc installed? apt-get install -y libreoffice-calc): ${(e as Error).message}`);
  }
  const base = file.replace(/^.*\//, '').replace(/\.xlsx$/, '');
  const sheets = new Map<string, string[][]>();
  for (const f of readdirSync(out)) sheets.set(f.slice(base.length + 1, -4), parse(readFileSync(join(out, f), 'utf8'), { relax_column_count: true }));
  return sheets;
}

/**
 * The charts LibreOffice finds in a workbook, saved as OpenDocument: each one's title, series types,
 * data range, the fill of each column of its first series (`#rrggbb`, a data point's own style), the
 * fill of each series (its style's), and whether its columns are stacked.
 */
async function chartsAsLibreOfficeSees(file: string): Promise<{ title: string; series: string[]; range: string; points: string[]; seriesFills: string[]; stacked: boolean }[]> {
  const out = join(dir, `ods-${Math.random().toString(36).slice(2)}`);
  execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'ods', '--outdir', out, file], { stdio: 'pipe', timeout: 240_000 });
  const zip = await JSZip.loadAsync(readFileSync(join(out, readdirSync(out)[0])));
  const objects = Object.keys(zip.files).filter((k) => /^Object \d+\/content\.xml$/.test(k)).sort((a, b) => parseInt(a.slice(7), 10) - parseInt(b.slice(7), 10));
  const charts = [];
  for (const k of objects) {
    const xml = await zip.file(k)!.async('string');
    const fills = new Map([...xml.matchAll(/<style:style style:name="([^"]+)"[^>]*>(?:(?!<\/style:style>)[\s\S])*?draw:fill-color="(#[0-9a-fA-F]{6})"/g)].map((m) => [m[1], m[2].toLowerCase()]));
    const first = /<chart:series [^>]*>([\s\S]*?)<\/chart:series>/.exec(xml)?.[1] ?? '';
    const points = [...first.matchAll(/<chart:data-point\b([^>]*)\/>/g)].flatMap((m) => {
      const style = /chart:style-name="([^"]+)"/.exec(m[1])?.[1];
      const repeated = Number(/chart:repeated="(\d+)"/.exec(m[1])?.[1] ?? 1);
      return new Array<string>(repeated).fill(style ? (fills.get(style) ?? '') : '');
    });
    charts.push({
      title: /<chart:title[^>]*><text:p>([^<]*)<\/text:p>/.exec(xml)?.[1] ?? '',
      series: [...xml.matchAll(/<chart:series [^>]*chart:class="chart:(\w+)"/g)].map((m) => m[1]),
      range: (/<chart:plot-area [^>]*table:cell-range-address="([^"]*)"/.exec(xml)?.[1] ?? '').replace(/&apos;/g, "'"),
      points,
      seriesFills: [...xml.matchAll(/<chart:series [^>]*chart:style-name="([^"]+)"/g)].map((m) => fills.get(m[1]) ?? ''),
      stacked: /chart:stacked="true"/.test(xml),
    });
  }
  return charts;
}

/** LibreOffice writes up to 15 significant digits and keeps the % of percent-formatted cells. */
function number(text: string): number {
  return text.endsWith('%') ? Number(text.slice(0, -1)) / 100 : Number(text);
}

/**
 * The tiers table against the engine's columns. After a second run, `movedNone` adds the `<type> (why)`
 * column the planner writes after each type's last column; nobody moved, so each one is blank.
 */
function expectTiers(rows: string[][], result: EngineResult, movedNone = false) {
  const engine = tierColumns(result);
  const cols = movedNone
    ? result.types.reduce((out, t) => {
        const last = out.map((c) => c.typeName).lastIndexOf(t.type.name);
        return [...out.slice(0, last + 1), { header: `${t.type.name} (why)`, role: 'extra' as const, format: 'text' as const, typeName: t.type.name, values: result.customers.ids.map(() => '') }, ...out.slice(last + 1)];
      }, engine)
    : engine;
  expect(rows[0]).toEqual(cols.map((c) => c.header));
  expect(rows.length - 1).toBe(result.customers.ids.length);
  cols.forEach((col, c) => {
    col.values.forEach((v, r) => {
      const seen = rows[r + 1][c] ?? '';
      if (typeof v === 'number') {
        if (Math.abs(number(seen) - v) > 1e-9 * Math.max(1, Math.abs(v))) throw new Error(`${col.header} row ${r + 2}: LibreOffice shows ${seen}, the engine computed ${v}`);
      } else if (seen !== (v ?? '')) throw new Error(`${col.header} row ${r + 2}: LibreOffice shows ${JSON.stringify(seen)}, the engine wrote ${JSON.stringify(v)}`);
    });
  });
}

async function segmentFile(bytes: Uint8Array, name: string, config: unknown): Promise<{ file: string; result: EngineResult }> {
  const host = await XlsxHost.open(bytes, name);
  const run = await runWorkbook({ host, config: { text: JSON.stringify(config), path: 'config.json' }, sourceColumns: 'all', now: '2026-01-31T09:00:00.000Z' });
  if (!run.ok || !run.report.complete) throw new Error(JSON.stringify(run.ok ? run.report.issues : run.issues));
  const file = join(dir, name);
  const written = await host.toBuffer();
  // Before LibreOffice opens it: the rules Excel enforces (test/support/xlsx-check.ts).
  await expectValidWorkbook(written, name);
  writeFileSync(file, written);
  return { file, result: run.result };
}

describe('LibreOffice opens what Tierwise wrote', () => {
  it('the Superstore tiers table, summary and segment columns hold the engine values', async () => {
    const grid = superstoreGrid();
    const { file, result } = await segmentFile(await newWorkbook('Orders', grid), 'superstore.xlsx', sample);
    const sheets = sheetsAsLibreOfficeSees(file);
    expect([...sheets.keys()].sort()).toEqual(['Customer Tiers', 'Orders', 'Segment Summary', 'Tierwise History', 'Tierwise Settings']);
    expectTiers(sheets.get('Customer Tiers')!, result);
    const summary = sheets.get('Segment Summary')!;
    const abc = summary.findIndex((r) => r[0] === 'Sales ABC');
    // Superstore, ABC 80/15/5 on sales: 396 A, 209 B, 188 C customers.
    expect(summary.slice(abc + 2, abc + 5).map((r) => [r[0], r[1]])).toEqual([['A', '396'], ['B', '209'], ['C', '188']]);
    // A second run on the written file (Tierwise's sheets and table replaced in place) opens too.
    const host = await XlsxHost.open(readFileSync(file), 'superstore.xlsx');
    const second = await runWorkbook({ host, now: '2026-02-28T09:00:00.000Z' });
    if (!second.ok || !second.report.complete) throw new Error('second run failed');
    const file2 = join(dir, 'superstore-2.xlsx');
    const bytes2 = await host.toBuffer();
    await expectValidWorkbook(bytes2, 'superstore-2.xlsx');
    writeFileSync(file2, bytes2);
    const sheets2 = sheetsAsLibreOfficeSees(file2);
    expectTiers(sheets2.get('Customer Tiers')!, second.result, true);
    expect(sheets2.get('Segment Summary')!.some((r) => r[0] === 'Migration since 2026-01-31 09:00 UTC: 0 customers changed segment')).toBe(true);
    const orders = sheets.get('Orders')!;
    expect(orders.length).toBe(9995);
    expect(orders[0].slice(-2)).toEqual(['Sales ABC (Tierwise)', 'Profit band (Tierwise)']);
    const id = orders[0].indexOf('Customer ID');
    const finals = new Map(result.customers.ids.map((cid, c) => [cid, result.types[0].segments[result.types[0].final[c]]?.name ?? '']));
    for (const r of orders.slice(1)) expect(r[21]).toBe(finals.get(r[id]));
  });

  it('names starting with =, +, - and @ are the same text in LibreOffice, in a workbook with a chart and a pivot table', async () => {
    /** Sales 800 + 150 + 40 + 10 = 1000: C1 80% -> A, C2 95% -> B, C3 and C4 -> C. */
    const rows: Cell[][] = [
      ['Customer ID', 'Customer Name', 'Sales', 'Profit'],
      ['C1', '=1+1', 800, 100],
      ['C2', '+SUM(A1:A2)', 150, -20],
      ['C3', '-cmd', 40, 5],
      ['C4', '@import', 10, 1],
    ];
    const config = { ...sample, $schema: undefined, columns: { customer: 'Customer ID', customerName: 'Customer Name', amount: 'Sales', profit: 'Profit' } };
    const { file, result } = await segmentFile(await richWorkbook(rows), 'injection.xlsx', config);
    const sheets = sheetsAsLibreOfficeSees(file);
    const tiers = sheets.get('Customer Tiers')!;
    expectTiers(tiers, result);
    expect(tiers.slice(1).map((r) => [r[0], r[1], r[4]])).toEqual([
      ['C1', '=1+1', 'A'],
      ['C2', '+SUM(A1:A2)', 'B'],
      ['C3', '-cmd', 'C'],
      ['C4', '@import', 'C'],
    ]);
    expect(sheets.get('Orders')!.map((r) => r.slice(0, 6))).toEqual([
      ['Customer ID', 'Customer Name', 'Sales', 'Profit', 'Sales ABC (Tierwise)', 'Profit band (Tierwise)'],
      ['C1', '=1+1', '800', '100', 'A', 'Low'],
      ['C2', '+SUM(A1:A2)', '150', '-20', 'B', 'Loss'],
      ['C3', '-cmd', '40', '5', 'C', 'Low'],
      ['C4', '@import', '10', '1', 'C', 'Low'],
    ]);
    expect(sheets.has('Pivot')).toBe(true);
    // The summary's charts are charts to LibreOffice too: columns and a line over each data block; the user's chart is still there.
    const charts = await chartsAsLibreOfficeSees(file);
    const ours = charts.filter((c) => c.title.endsWith('by segment'));
    expect(ours.map((c) => [c.title, c.series])).toEqual([
      ['Sales ABC: sales by segment', ['bar', 'line']],
      ['Profit band: profit by segment', ['bar', 'line']],
    ]);
    for (const c of ours) expect(c.range).toMatch(/^'Segment Summary'\.A\d+:'Segment Summary'\.C\d+$/);
    // Each column in its segment's colour (<c:dPt>), largest first: A, B, C in ABC's rank greens; the
    // bands by profit, Low 106, Mid 0, High 0 (orange, yellow, green), Loss -20 red.
    expect(ours.map((c) => c.points)).toEqual([
      ['#a9d08e', '#c6e0b4', '#e2efda'],
      ['#f8cbad', '#ffeb9c', '#c6efce', '#ffc7ce'],
    ]);
    expect(charts.length).toBe(3);
  });

  it("a problem's address on the summary is a link LibreOffice follows to the cell", async () => {
    const config = { version: 1, segmentTypes: [{ name: 'Sales ABC', kind: 'abc', segments: [{ name: 'A', share: 80 }, { name: 'B', share: 15 }, { name: 'C', share: 5 }] }] };
    // C2's sales are unreadable: Orders!B3 is left out.
    const { file } = await segmentFile(await plainWorkbook('Orders', [['Customer ID', 'Sales'], ['C1', 80], ['C2', 'n/a'], ['C3', 5]]), 'links.xlsx', config);
    const out = join(dir, `ods-${Math.random().toString(36).slice(2)}`);
    execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'ods', '--outdir', out, file], { stdio: 'pipe', timeout: 240_000 });
    const xml = await (await JSZip.loadAsync(readFileSync(join(out, readdirSync(out)[0])))).file('content.xml')!.async('string');
    const links = [...xml.matchAll(/<text:a [^>]*xlink:href="([^"]*)"[^>]*>([^<]*)<\/text:a>/g)].map((m) => [m[1], m[2]]);
    expect(links).toEqual([['#Orders.B3', 'Orders!B3']]);
  });

  it('draws the Segment Summary as a manager sees it: each type\'s table, Pareto chart and migration matrix on one page (test-artifacts/interop/summary.png)', async () => {
    // Superstore in US dollars, run twice (Sales ABC 80/15/5, then 70/25/5): the matrix shows who moved.
    const bytes = await superstoreSummary();
    await expectValidWorkbook(bytes, 'summary.xlsx');
    mkdirSync(ARTIFACTS, { recursive: true });
    const png = join(ARTIFACTS, 'summary.png');
    await drawSheet(bytes, SUMMARY_SHEET, png, join(dir, 'picture'), profile);
    const picture = readFileSync(png);
    expect(picture.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    // One landscape page (IHDR: width, then height), with more than text on it.
    expect(picture.readUInt32BE(16)).toBeGreaterThan(picture.readUInt32BE(20));
    expect(picture.length).toBeGreaterThan(40_000);
    // What the picture shows, as LibreOffice reads it: amounts in dollars, both charts in segment colours.
    const summary = sheetsAsLibreOfficeSees(join(dir, 'picture', 'summary-only.xlsx')).get('Segment Summary')!;
    expect(summary.some((r) => r[0] === 'Migration since 2026-01-31 09:00 UTC: 91 customers changed segment')).toBe(true);
    const charts = await chartsAsLibreOfficeSees(join(dir, 'picture', 'summary-only.xlsx'));
    // Columns per chart: ABC's 3 segments, its 2 runs, the 4 bands, their 2 runs.
    expect(charts.map((c) => c.points.length)).toEqual([3, 2, 4, 2]);
    // After each Pareto, the runs as stacked columns: a series per segment, each in its colour (ABC's
    // fading greens; the bands by sign), over the runs' table.
    const stacked = charts.filter((c) => c.stacked);
    expect(stacked.map((c) => c.title)).toEqual(['Sales ABC: customers per segment, run by run', 'Profit band: customers per segment, run by run']);
    expect(stacked[0].seriesFills).toEqual(['#a9d08e', '#c6e0b4', '#e2efda']);
    expect(stacked[0].series).toEqual(['bar', 'bar', 'bar']);
  });
});
