// The xlsx host changes only what Tierwise owns: a workbook with a chart, a pivot table, a defined
// name and the add-in's saved settings keeps every other part byte for byte; customer names that
// look like formulas stay text; a user's cell in the way stops the write.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseConfigText } from '../../../src/engine/config';
import { runWorkbook } from '../../../src/cli/workbook';
import type { Cell } from '../../../src/engine/types';
import { XlsxHost } from '../../../src/hosts/xlsx/host';
import { readAddinProperties, SETTINGS_SHEET, writeAddinProperties } from '../../../src/hosts/xlsx/settings';
import { SETTINGS_CONFIG, SETTINGS_OWNED } from '../../../src/plan/owned';
import { plainWorkbook, richWorkbook, webExtensionXml } from '../../support/xlsx-fixture';
import { chartsOf, excel, parts, sheetPath, values } from '../../support/xlsx-files';

jest.setTimeout(30_000);

/** The sample's segment types on a four-column sales range. */
const sample = JSON.parse(readFileSync(join(__dirname, '../../../examples/superstore.config.json'), 'utf8'));
const configText = JSON.stringify({ ...sample, $schema: undefined, columns: { customer: 'Customer ID', customerName: 'Customer Name', amount: 'Sales', profit: 'Profit' } });
const NOW = '2026-03-01T08:00:00.000Z';

/**
 * Four customers whose names a spreadsheet would take for formulas. Sales 800 + 150 + 40 + 10 = 1000.
 * ABC 80/15/5 by hand: C1 80% cumulative -> A; C2 95% -> B; C3 99% and C4 100% -> C.
 */
const ROWS: Cell[][] = [
  ['Customer ID', 'Customer Name', 'Sales', 'Profit'],
  ['C1', '=1+1', 500, 60],
  ['C2', '+SUM(A1:A2)', 150, -20],
  ['C3', '-cmd', 40, 5],
  ['C4', '@import', 10, 1],
  ['C1', '=1+1', 300, 40],
];
const NAMES = { C1: '=1+1', C2: '+SUM(A1:A2)', C3: '-cmd', C4: '@import' };

async function run(bytes: Uint8Array, options: { config?: boolean; sourceColumns?: 'all' } = {}) {
  const host = await XlsxHost.open(bytes, 'book.xlsx');
  const r = await runWorkbook({ host, config: options.config ? { text: configText, path: 'superstore.config.json' } : undefined, sourceColumns: options.sourceColumns, now: NOW });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return { run: r, host, bytes: await host.toBuffer() };
}

describe('a workbook with a chart, a pivot table, a defined name and the add-in settings', () => {
  let input: Buffer;
  let output: Awaited<ReturnType<typeof run>>;

  beforeAll(async () => {
    input = await richWorkbook(ROWS, { settings: { [SETTINGS_CONFIG]: configText, 'other.key': { kept: true } } });
    output = await run(input, { sourceColumns: 'all' });
  });

  it('reads the configuration from the add-in settings and writes it back there, not to a sheet', async () => {
    expect(output.run.ok && output.run.configFrom).toBe('book.xlsx (saved configuration)');
    expect(output.host.settingsPlace).toBe('add-in settings');
    const p = await parts(output.bytes);
    const props = readAddinProperties(p.get('xl/webextensions/webextension1.xml')!.toString());
    expect(parseConfigText(props.get(SETTINGS_CONFIG)!).ok).toBe(true);
    expect(JSON.parse(props.get(SETTINGS_OWNED)!).sheets.tiers.name).toBe('Customer Tiers');
    expect(props.get('Office.AutoShowTaskpaneWithDocument')).toBe('true');
    expect(props.get('other.key')).toBe('{"kept":true}');
    expect((await excel(output.bytes)).worksheets.map((w) => w.name)).toEqual(['Orders', 'Pivot', 'Customer Tiers', 'Segment Summary', 'Tierwise History']);
    expect(values((await excel(output.bytes)).getWorksheet('Customer Tiers')!).length).toBe(5);
  });

  it("lists the user's sheets as sources, never Tierwise's own", async () => {
    const host = await XlsxHost.open(output.bytes, 'book.xlsx');
    // ExcelJS wrote <dimension ref="A1:D6"/> on Orders: a header and five lines.
    expect((await host.listSources()).map((s) => s.label)).toEqual(['Sheet Orders (5 rows)', 'Sheet Pivot (0 rows)']);
  });

  it('keeps every part it does not own byte for byte', async () => {
    const before = await parts(input);
    const after = await parts(output.bytes);
    // The shared parts that list Tierwise's new parts, the source sheet (segment columns) and the settings.
    const edited = new Set(['[Content_Types].xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/worksheets/sheet1.xml', 'xl/webextensions/webextension1.xml']);
    const unchanged = [...before.keys()].filter((k) => !edited.has(k));
    expect(unchanged).toEqual(expect.arrayContaining(['xl/charts/chart1.xml', 'xl/drawings/drawing1.xml', 'xl/pivotCache/pivotCacheDefinition1.xml', 'xl/pivotCache/pivotCacheRecords1.xml', 'xl/pivotTables/pivotTable1.xml', 'xl/worksheets/_rels/sheet1.xml.rels', 'xl/worksheets/sheet2.xml', 'xl/webextensions/taskpanes.xml']));
    for (const k of unchanged) expect([k, after.get(k)?.equals(before.get(k)!)]).toEqual([k, true]);
    for (const k of edited) expect([k, after.has(k)]).toEqual([k, true]);
    // Inside the zip too: the untouched parts are copied compressed, not inflated and deflated again.
    const compressed = async (bytes: Uint8Array) => {
      const zip = await JSZip.loadAsync(bytes);
      return (k: string) => Buffer.from((zip.file(k) as unknown as { _data: { compressedContent: Uint8Array } })._data.compressedContent);
    };
    const [a, b] = [await compressed(input), await compressed(output.bytes)];
    for (const k of unchanged) expect([k, b(k).equals(a(k))]).toEqual([k, true]);
  });

  it("numbers its chart parts after the user's own: the user's chart stays on its sheet, Tierwise's two go on the summary", async () => {
    expect((await chartsOf(output.bytes, 'Segment Summary')).map((c) => [c.path, c.title])).toEqual([
      ['xl/charts/chart2.xml', 'Sales ABC: sales by segment'],
      ['xl/charts/chart3.xml', 'Profit band: profit by segment'],
    ]);
    expect((await chartsOf(output.bytes, 'Orders')).map((c) => c.path)).toEqual(['xl/charts/chart1.xml']);
    // A second run replaces Tierwise's charts (now four: each type's runs drawn too) and leaves the user's alone.
    const again = await run(output.bytes);
    expect((await chartsOf(again.bytes, 'Segment Summary')).map((c) => c.path)).toEqual(['xl/charts/chart2.xml', 'xl/charts/chart3.xml', 'xl/charts/chart4.xml', 'xl/charts/chart5.xml']);
    const p = await parts(again.bytes);
    expect(p.get('xl/charts/chart1.xml')!.equals((await parts(input)).get('xl/charts/chart1.xml')!)).toBe(true);
    expect([...p.keys()].filter((k) => /^xl\/(drawings|charts)\/[^/]+\.xml$/.test(k)).sort()).toEqual([
      'xl/charts/chart1.xml',
      'xl/charts/chart2.xml',
      'xl/charts/chart3.xml',
      'xl/charts/chart4.xml',
      'xl/charts/chart5.xml',
      'xl/drawings/drawing1.xml',
      'xl/drawings/drawing2.xml',
    ]);
  });

  it('edits the shared parts by adding to them: the defined name, the pivot cache list and the chart anchor stay', async () => {
    const before = await parts(input);
    const after = await parts(output.bytes);
    const wb = after.get('xl/workbook.xml')!.toString();
    expect(wb).toContain('<definedName name="SalesRange">Orders!$C$2:$C$6</definedName>');
    expect(wb).toContain('<pivotCaches><pivotCache cacheId="7" r:id="rIdPivot"/></pivotCaches>');
    const sheet1 = after.get('xl/worksheets/sheet1.xml')!.toString();
    expect(sheet1).toContain('<drawing r:id="rIdChart"/>');
    // Every relationship and content type the input had is still there, unchanged.
    for (const k of ['xl/_rels/workbook.xml.rels', '[Content_Types].xml']) {
      const old = before.get(k)!.toString().match(/<(Relationship|Override|Default) [^>]*\/>/g)!;
      for (const tag of old) expect(after.get(k)!.toString()).toContain(tag);
    }
    const styles = before.get('xl/styles.xml')!.toString();
    expect(after.get('xl/styles.xml')!.toString().startsWith(styles.slice(0, styles.indexOf('<numFmts') > 0 ? styles.indexOf('<numFmts') : 200))).toBe(true);
  });

  it('keeps text that looks like a formula as the same text, in the tiers table and beside the source', async () => {
    const wb = await excel(output.bytes);
    const tiers = wb.getWorksheet('Customer Tiers')!;
    const rows = values(tiers);
    expect(rows.slice(1).map((r) => [r[0], r[1], r[4]])).toEqual([
      ['C1', NAMES.C1, 'A'],
      ['C2', NAMES.C2, 'B'],
      ['C3', NAMES.C3, 'C'],
      ['C4', NAMES.C4, 'C'],
    ]);
    for (let r = 2; r <= 5; r++) expect(tiers.getCell(r, 2).type).toBe(ExcelJS.ValueType.String);
    const p = await parts(output.bytes);
    for (const sheet of ['Customer Tiers', 'Segment Summary', 'Tierwise History']) expect(p.get(await sheetPath(output.bytes, sheet))!.toString()).not.toMatch(/<f[\s>]/);
    const orders = values(wb.getWorksheet('Orders')!);
    expect(orders.map((r) => r.slice(4))).toEqual([['Sales ABC (Tierwise)', 'Profit band (Tierwise)'], ['A', 'Low'], ['B', 'Loss'], ['C', 'Low'], ['C', 'Low'], ['A', 'Low']]);
  });
});

describe('the add-in settings part', () => {
  it('reads values as Office stores them (JSON) and writes strings back as JSON strings, keeping other properties', () => {
    const xml = webExtensionXml({ a: 'text with "quotes" & <tags>', b: { n: 1 }, c: ['x'] });
    const read = readAddinProperties(xml);
    expect(read.get('a')).toBe('text with "quotes" & <tags>');
    expect(read.get('b')).toBe('{"n":1}');
    const written = writeAddinProperties(xml, new Map([['a', 'new\nline'], ['d', '{"version":1}']]));
    const back = readAddinProperties(written);
    expect(back.get('a')).toBe('new\nline');
    expect(back.get('d')).toBe('{"version":1}');
    expect(back.get('c')).toBe('["x"]');
    expect(written).toContain('<we:property name="Office.AutoShowTaskpaneWithDocument" value="true"/>');
    expect(written).toContain('<we:property name="d" value="&quot;{\\&quot;version\\&quot;:1}&quot;"/>');
  });
});

describe('ownership', () => {
  it('writes nothing when a cell where a segment column would go holds user data, and says where', async () => {
    const rows = ROWS.map((r, i) => (i === 2 ? [...r, 'a note'] : r));
    const input = await plainWorkbook('Orders', rows);
    const host = await XlsxHost.open(input, 'book.xlsx');
    // The note in E3 widens the source to five columns, so the segment columns go to F and G: no conflict.
    const ok = await runWorkbook({ host, config: { text: configText, path: 'c.json' }, sourceColumns: 'all', now: NOW });
    expect(ok.ok && ok.report.complete).toBe(true);
    // A table source stops at its own right edge: a note beside it is in the way.
    const tableInput = await richTableWithNote();
    const host2 = await XlsxHost.open(tableInput, 'book.xlsx');
    const before = await parts(await host2.toBuffer());
    const r = await runWorkbook({ host: host2, config: { text: configText, path: 'c.json' }, source: { kind: 'table', name: 'Sales' }, sourceColumns: 'all', now: NOW });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.report.complete).toBe(false);
    expect(r.report.issues).toEqual([expect.objectContaining({ severity: 'error', where: 'Orders!F3', value: 'a note' })]);
    const after = await parts(await host2.toBuffer());
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [k, v] of before) expect([k, after.get(k)!.equals(v)]).toEqual([k, true]);
  });

  it("takes another name when a user's sheet is called Customer Tiers, and leaves that sheet alone", async () => {
    const input = await plainWorkbook('Orders', ROWS, { extraSheets: { 'Customer Tiers': [['mine']] } });
    const out = await run(input, { config: true });
    expect(out.run.ok && out.run.report.renamed).toEqual([{ wanted: 'Customer Tiers', used: 'Customer Tiers (2)' }]);
    const before = await parts(input);
    const after = await parts(out.bytes);
    expect(after.get('xl/worksheets/sheet2.xml')!.equals(before.get('xl/worksheets/sheet2.xml')!)).toBe(true);
    const again = await run(out.bytes);
    expect((await excel(again.bytes)).worksheets.map((w) => w.name)).toEqual(['Orders', 'Customer Tiers', 'Customer Tiers (2)', 'Segment Summary', 'Tierwise History', SETTINGS_SHEET]);
  });

  it('adds the segment columns to a source table, and reads the table without them on the next run', async () => {
    const input = await plainWorkbook('Orders', ROWS, { table: 'Sales' });
    const first = await runWorkbook({ host: await XlsxHost.open(input, 'b.xlsx'), config: { text: configText, path: 'c.json' }, source: { kind: 'table', name: 'Sales' }, sourceColumns: ['Sales ABC'], now: NOW });
    expect(first.ok && first.report.complete).toBe(true);
    const host = await XlsxHost.open(input, 'b.xlsx');
    await runWorkbook({ host, config: { text: configText, path: 'c.json' }, source: { kind: 'table', name: 'Sales' }, sourceColumns: ['Sales ABC'], now: NOW });
    const bytes = await host.toBuffer();
    const tableXml = [...(await parts(bytes)).entries()].find(([k, v]) => k.startsWith('xl/tables/') && v.toString().includes('displayName="Sales"'))![1].toString();
    expect(tableXml).toContain('ref="A1:E6"');
    expect(tableXml).toContain('name="Sales ABC (Tierwise)"');
    const host2 = await XlsxHost.open(bytes, 'b.xlsx');
    const source = await host2.readSource({ kind: 'table', name: 'Sales' });
    expect(source.header).toEqual(['Customer ID', 'Customer Name', 'Sales', 'Profit']);
    const second = await runWorkbook({ host: host2, source: { kind: 'table', name: 'Sales' }, sourceColumns: ['Sales ABC'], now: NOW });
    expect(second.ok && second.report.complete).toBe(true);
    const rows = values((await excel(await host2.toBuffer())).getWorksheet('Orders')!);
    expect(rows.map((r) => r[4])).toEqual(['Sales ABC (Tierwise)', 'A', 'B', 'C', 'C', 'A']);
  });
});

/** Orders as an Excel table A1:D6 and a user's note in F3, right next to where the segment column would go (E, F). */
async function richTableWithNote(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Orders');
  ws.addTable({ name: 'Sales', ref: 'A1', headerRow: true, columns: ROWS[0].map((h) => ({ name: String(h) })), rows: ROWS.slice(1) as (string | number)[][] });
  ws.getCell('F3').value = 'a note';
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('finding its sheets again', () => {
  it("does not take a user's new sheet named like a Tierwise sheet that was deleted", async () => {
    const first = await run(await plainWorkbook('Orders', ROWS), { config: true });
    // The user deletes "Customer Tiers" and makes a sheet of their own with that name.
    const zip = await JSZip.loadAsync(first.bytes);
    const wb = await zip.file('xl/workbook.xml')!.async('string');
    const tiersTag = /<sheet name="Customer Tiers" sheetId="(\d+)"[^>]*\/>/.exec(wb)!;
    zip.file('xl/workbook.xml', wb.replace(tiersTag[0], tiersTag[0].replace(`sheetId="${tiersTag[1]}"`, 'sheetId="99"')));
    const edited = await zip.generateAsync({ type: 'nodebuffer' });
    // The renamed sheet still holds a table (TierwiseTiers), which is now the user's: name the source.
    const host = await XlsxHost.open(edited, 'book.xlsx');
    const r = await runWorkbook({ host, source: { kind: 'sheet', name: 'Orders' }, now: NOW });
    const second = { run: r, bytes: await host.toBuffer() };
    expect(second.run.ok && second.run.report.renamed).toEqual([{ wanted: 'Customer Tiers', used: 'Customer Tiers (2)' }]);
    const before = await parts(edited);
    const after = await parts(second.bytes);
    const path = await sheetPath(edited, 'Customer Tiers');
    expect(after.get(path)!.equals(before.get(path)!)).toBe(true);
  });
});
