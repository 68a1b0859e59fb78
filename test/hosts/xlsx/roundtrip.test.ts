// The xlsx host on the Superstore sample: every Tierwise sheet, read back with ExcelJS (a reader
// Tierwise did not write), holds what the engine computed; a second run keeps a manual override
// typed into the tiers table and records the migration.
import type ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseConfigText, type Config } from '../../../src/engine/config';
import { segmentName, type EngineResult } from '../../../src/engine/result';
import { runWorkbook } from '../../../src/cli/workbook';
import { XlsxHost } from '../../../src/hosts/xlsx/host';
import { newWorkbook } from '../../../src/hosts/xlsx/new-workbook';
import { SETTINGS_SHEET } from '../../../src/hosts/xlsx/settings';
import { FLAG_TEXT, tierColumns } from '../../../src/plan/tiers';
import { superstoreGrid } from '../../plan/superstore';
import { chartsOf, excel, parts, sheetPath, typeInto, values } from '../../support/xlsx-files';

jest.setTimeout(60_000);

const CONFIG_PATH = join(__dirname, '../../../examples/superstore.config.json');
const configText = readFileSync(CONFIG_PATH, 'utf8');
const DATE_COLUMNS = new Set(['Order Date', 'Ship Date']);

async function superstoreWorkbook(): Promise<Buffer> {
  const grid = superstoreGrid();
  const dates = grid[0].map((h) => DATE_COLUMNS.has(String(h)));
  return newWorkbook('Orders', grid, (r, c) => r > 0 && dates[c]);
}

async function run(bytes: Uint8Array, options: { config?: boolean; now: string }) {
  const host = await XlsxHost.open(bytes, 'superstore.xlsx');
  const r = await runWorkbook({ host, config: options.config ? { text: configText, path: CONFIG_PATH } : undefined, sourceColumns: 'all', now: options.now });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  expect(r.report.complete).toBe(true);
  return { ...r, bytes: await host.toBuffer(), host };
}

/** Numbers are written with all their digits, so they come back exactly; empty cells come back as ''. */
const expectRowsEqual = (actual: unknown[][], expected: unknown[][]) => {
  const width = expected[0].length;
  const pad = (r: unknown[]) => Array.from({ length: width }, (_, c) => r[c] ?? '');
  expect(actual.map(pad)).toEqual(expected.map((r) => r.map((v) => (v === null ? '' : v))));
};

describe('xlsx host on Superstore', () => {
  let first: Awaited<ReturnType<typeof run>>;
  let result: EngineResult;
  let book: ExcelJS.Workbook;

  beforeAll(async () => {
    first = await run(await superstoreWorkbook(), { config: true, now: '2026-01-31T09:00:00.000Z' });
    result = first.result;
    book = await excel(first.bytes);
  });

  it('uses every line and finds the 793 customers', () => {
    expect(result.lineCount).toBe(9994);
    expect(result.customers.ids.length).toBe(793);
    expect(first.source).toEqual({ kind: 'sheet', name: 'Orders' });
  });

  it('writes the tiers table cell for cell as the engine computed it, with its table, formats and drop-down', async () => {
    const ws = book.getWorksheet('Customer Tiers')!;
    const cols = tierColumns(result);
    const expected = [cols.map((c) => c.header), ...result.customers.ids.map((_, r) => cols.map((c) => c.values[r]))];
    expectRowsEqual(values(ws), expected);
    expect(ws.state).toBe('visible');
    const manualCol = cols.findIndex((c) => c.header === 'Sales ABC (manual)');
    const letter = String.fromCharCode(65 + manualCol);
    expect((ws as unknown as { dataValidations: { model: Record<string, { type: string; formulae: string[] }> } }).dataValidations.model[`${letter}2`]).toMatchObject({ type: 'list', formulae: ['"A,B,C"'] });
    expect(ws.getCell('C2').numFmt).toBe('#,##0.00');
    expect(ws.getCell(`${String.fromCharCode(65 + cols.findIndex((c) => c.header === 'Sales ABC (share)'))}2`).numFmt).toBe('0.0%');
    const p = await parts(first.bytes);
    const table = [...p.entries()].find(([k, v]) => k.startsWith('xl/tables/') && v.toString().includes('name="TierwiseTiers"'));
    expect(table?.[1].toString()).toContain(`ref="A1:K794"`);
    const sheet = p.get(await sheetPath(first.bytes, 'Customer Tiers'))!.toString();
    // A fill per segment on the segment column: three rules (A, B, C) on E2:E794.
    expect(sheet).toMatch(/<conditionalFormatting sqref="E2:E794">(<cfRule type="cellIs"[^>]*operator="equal"><formula>&quot;[ABC]&quot;<\/formula><\/cfRule>){3}<\/conditionalFormatting>/);
  });

  it('writes each segment type summary with the engine figures', async () => {
    const ws = book.getWorksheet('Segment Summary')!;
    const rows = values(ws);
    for (const t of result.types) {
      const titleRow = rows.findIndex((r) => r[0] === t.type.name);
      expect(titleRow).toBeGreaterThanOrEqual(0);
      expect(rows[titleRow + 1][0]).toBe('Segment');
      // Beside the measure, profit; net sales when the measure is profit itself (not the same column twice).
      const byProfit = t.measureName === 'profit';
      expect(rows[titleRow + 1][5]).toBe(byProfit ? 'Sales' : 'Profit');
      t.summary.forEach((s, i) => {
        expect(rows[titleRow + 2 + i].slice(0, 7)).toEqual([s.segment, s.customers, s.customerShare, s.measure, s.measureShare, byProfit ? s.sales : s.profit, s.averageMeasure]);
      });
    }
    // The profit bands' Sales column adds up to the sample's net sales (2,297,200.86, the Superstore total).
    const bands = rows.findIndex((r) => r[0] === 'Profit band');
    expect(rows[bands + 1]).toEqual(['Segment', 'Customers', '% customers', 'Profit', '% profit', 'Sales', 'Average profit']);
    const bandRows = result.types.find((t) => t.type.name === 'Profit band')!.summary.length;
    const sales = rows.slice(bands + 2, bands + 2 + bandRows).reduce((sum, r) => sum + Number(r[5]), 0);
    expect(sales).toBeCloseTo(2_297_200.86, 2);
    // Superstore by hand (ABC 80/15/5 on sales): 396 A, 209 B, 188 C customers.
    const abc = rows.findIndex((r) => r[0] === 'Sales ABC');
    expect(rows.slice(abc + 2, abc + 5).map((r) => [r[0], r[1]])).toEqual([['A', 396], ['B', 209], ['C', 188]]);
    expect(rows.some((r) => r[0] === 'No previous run yet: the migration matrix starts with the next run.')).toBe(true);
    expect(first.report.issues).toEqual([]);
  });

  it("draws each type's chart over its data block: the measure as columns, the cumulative share as a line", async () => {
    const rows = values(book.getWorksheet('Segment Summary')!);
    const charts = await chartsOf(first.bytes, 'Segment Summary');
    expect(charts.map((c) => [c.title, c.kinds])).toEqual([
      ['Sales ABC: sales by segment', ['barChart', 'lineChart']],
      ['Profit band: profit by segment', ['barChart', 'lineChart']],
    ]);
    for (const [k, chart] of charts.entries()) {
      // Each series reads the block headed Segment | measure | Cumulative % that lists the type's segments.
      const measure = k === 0 ? 'Sales' : 'Profit';
      const head = rows.findIndex((r, i) => r[0] === 'Segment' && r[1] === measure && r[2] === 'Cumulative %' && i > 0);
      const sorted = result.types[k].summary.filter((s) => Number.isFinite(s.measure)).sort((a, b) => b.measure - a.measure);
      const n = sorted.length;
      const at = (col: string, from: number, to: number) => `'Segment Summary'!$${col}$${from}${to > from ? `:$${col}$${to}` : ''}`;
      const [from, to] = [head + 2, head + 1 + n];
      expect(chart.formulas).toEqual([at('B', head + 1, head + 1), at('A', from, to), at('B', from, to), at('C', head + 1, head + 1), at('A', from, to), at('C', from, to)]);
      // The categories are the segments, largest measure first; the row after them is empty.
      expect(rows.slice(head + 1, head + 1 + n).map((r) => r[0])).toEqual(sorted.map((s) => s.segment));
      expect(rows[head + 1 + n]?.[0] ?? '').toBe('');
    }
  });

  it('writes the hidden history: one column per segment type, one row per customer', async () => {
    const ws = book.getWorksheet('Tierwise History')!;
    expect(ws.state).toBe('hidden');
    const all = values(ws);
    // The run's facts (for the next run's "why") follow each segment column, under a blank type cell.
    expect(all[0].slice(1).filter((v) => typeof v === 'string' && v.startsWith('('))).toEqual(['(measure)', '(figure)', '(measure)']);
    const segmentColumns = all[4].flatMap((t, c) => (t !== '' ? [c] : []));
    const rows = all.map((r) => segmentColumns.map((c) => r[c] ?? ''));
    expect(rows[1]).toEqual(['Time', '2026-01-31T09:00:00.000Z', '2026-01-31T09:00:00.000Z']);
    expect(rows[4]).toEqual(['Customer', 'Sales ABC', 'Profit band']);
    expect(rows.length).toBe(5 + 793);
    const byId = new Map(rows.slice(5).map((r) => [r[0], r]));
    expect(result.customers.ids.map((id) => byId.get(id))).toEqual(result.customers.ids.map((id, c) => [id, segmentName(result.types[0], c), segmentName(result.types[1], c)]));
  });

  it('writes the segment columns beside the source rows and the configuration in a hidden settings sheet', async () => {
    const wb = book;
    const orders = values(wb.getWorksheet('Orders')!);
    const header = orders[0];
    expect(header.slice(-2)).toEqual(['Sales ABC (Tierwise)', 'Profit band (Tierwise)']);
    const idCol = header.indexOf('Customer ID');
    const data = orders.slice(1);
    expect(data).toHaveLength(9994);
    const segmentsOf = (id: unknown) => {
      const c = result.customers.byId.get(String(id))!;
      return [segmentName(result.types[0], c), segmentName(result.types[1], c)];
    };
    expect(data.map((r) => r.slice(21))).toEqual(data.map((r) => segmentsOf(r[idCol])));
    const settings = wb.getWorksheet(SETTINGS_SHEET)!;
    expect(settings.state).toBe('hidden');
    const stored = values(settings).find((r) => r[0] === 'tierwise.config')!.slice(1).join('');
    const parsed = parseConfigText(stored);
    expect(parsed.ok && parsed.config.segmentTypes.map((t) => t.name)).toEqual(['Sales ABC', 'Profit band']);
    expect(first.host.settingsPlace).toBe('settings sheet');
  });

  describe('a second run on the written workbook', () => {
    let second: Awaited<ReturnType<typeof run>>;
    let book2: ExcelJS.Workbook;
    let moved: string;
    let movedRow: number;

    beforeAll(async () => {
      // The user picks the top A customer and types "C" into its Sales ABC (manual) cell.
      const a = result.types[0];
      const ids = result.customers.ids;
      movedRow = ids.findIndex((_, c) => segmentName(a, c) === 'A');
      moved = ids[movedRow];
      const header = tierColumns(result).map((c) => c.header);
      const letter = String.fromCharCode(65 + header.indexOf('Sales ABC (manual)'));
      const edited = await typeInto(first.bytes, 'Customer Tiers', `${letter}${movedRow + 2}`, 'C');
      // No --config: the configuration comes from the workbook.
      second = await run(edited, { now: '2026-02-28T09:00:00.000Z' });
      book2 = await excel(second.bytes);
    });

    it('keeps the override typed into the tiers table and saves it in the configuration', async () => {
      expect(second.overridesFromTable).toEqual({ added: 1, changed: 0 });
      expect(second.configFrom).toContain('saved configuration');
      const t = second.result.types[0];
      const c = second.result.customers.byId.get(moved)!;
      expect(segmentName(t, c)).toBe('C');
      const ws = book2.getWorksheet('Customer Tiers')!;
      const rows = values(ws);
      const row = rows.find((r) => r[0] === moved)!;
      const header = rows[0];
      expect(row[header.indexOf('Sales ABC')]).toBe('C');
      expect(row[header.indexOf('Sales ABC (auto)')]).toBe('A');
      expect(row[header.indexOf('Sales ABC (manual)')]).toBe('C');
      expect(row[header.indexOf('Sales ABC (flag)')]).toBe(FLAG_TEXT);
      const stored = values(book2.getWorksheet(SETTINGS_SHEET)!).find((r) => r[0] === 'tierwise.config')!.slice(1).join('');
      expect((parseConfigText(stored) as { config: Config }).config.overrides).toEqual({ 'Sales ABC': { [moved]: 'C' } });
    });

    it('adds a second snapshot to the history and a migration matrix to the summary', async () => {
      const wb = book2;
      const all = values(wb.getWorksheet('Tierwise History')!);
      // Segment columns only: the newest run's facts follow its columns under a blank type cell.
      const segmentColumns = all[4].flatMap((t, c) => (t !== '' ? [c] : []));
      const history = all.map((r) => segmentColumns.map((c) => r[c] ?? ''));
      expect(history[1]).toEqual(['Time', '2026-01-31T09:00:00.000Z', '2026-01-31T09:00:00.000Z', '2026-02-28T09:00:00.000Z', '2026-02-28T09:00:00.000Z']);
      expect(history.find((r) => r[0] === moved)).toEqual([moved, 'A', expect.any(String), 'C', expect.any(String)]);
      const summary = values(wb.getWorksheet('Segment Summary')!);
      const title = summary.findIndex((r) => r[0] === 'Migration since 2026-01-31 09:00 UTC: 1 customer changed segment');
      expect(title).toBeGreaterThan(0);
      // One customer went from A to C; everyone else stayed: 395 A->A, 1 A->C, 209 B->B, 188 C->C.
      expect(summary[title + 1]).toEqual(['Before \\ Now', 'A', 'B', 'C', '(none)', '(gone)']);
      expect(summary.slice(title + 2, title + 7)).toEqual([
        ['A', 395, 0, 1, 0, 0],
        ['B', 0, 209, 0, 0, 0],
        ['C', 0, 0, 188, 0, 0],
        ['(none)', 0, 0, 0, 0, 0],
        ['(new)', 0, 0, 0, 0, 0],
      ]);
      // And why: the override typed into the tiers table.
      const why = summary.findIndex((r) => r[0] === 'Why they moved: 1 customer');
      expect(why).toBeGreaterThan(title);
      expect(summary.slice(why + 1, why + 3)).toEqual([
        ['Customer', 'Before', 'Now', 'Why'],
        [moved, 'A', 'C', 'Manual override set to C'],
      ]);
    });

    it('rewrites its own sheets in place: same sheets, one tiers table, segment columns not read as data', async () => {
      const wb = book2;
      expect(wb.worksheets.map((w) => w.name)).toEqual(['Orders', 'Customer Tiers', 'Segment Summary', 'Tierwise History', SETTINGS_SHEET]);
      const p = await parts(second.bytes);
      expect([...p.keys()].filter((k) => k.startsWith('xl/tables/') && !k.includes('_rels'))).toHaveLength(1);
      // The charts are replaced, not added to: one drawing, four charts (each type's Pareto, and from this
      // second run its runs' stacked columns), and no content type left for a removed part.
      expect([...p.keys()].filter((k) => /^xl\/(drawings|charts)\/[^/]+\.xml$/.test(k)).sort()).toEqual(['xl/charts/chart1.xml', 'xl/charts/chart2.xml', 'xl/charts/chart3.xml', 'xl/charts/chart4.xml', 'xl/drawings/drawing1.xml']);
      expect((await chartsOf(second.bytes, 'Segment Summary')).map((c) => c.title)).toEqual([
        'Sales ABC: sales by segment',
        'Sales ABC: customers per segment, run by run',
        'Profit band: profit by segment',
        'Profit band: customers per segment, run by run',
      ]);
      const listed = [...p.get('[Content_Types].xml')!.toString().matchAll(/PartName="\/([^"]+)"/g)].map((m) => m[1]);
      for (const part of listed) expect([part, p.has(part)]).toEqual([part, true]);
      expect(second.result.lineCount).toBe(9994);
      const orders = values(wb.getWorksheet('Orders')!);
      expect(orders[0].length).toBe(23);
      const c = orders.findIndex((r) => r[5] === moved);
      expect(orders[c][21]).toBe('C');
    });
  });
});
