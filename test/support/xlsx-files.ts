// Reading written workbooks back in tests, independently of Tierwise's own reader where it
// matters (ExcelJS for values; JSZip for the parts' bytes).
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { runWorkbook, type WorkbookRun } from '../../src/cli/workbook';
import type { SourceRef } from '../../src/hosts/host';
import { XlsxHost } from '../../src/hosts/xlsx/host';
import { cellXml } from '../../src/hosts/xlsx/sheet-xml';
import { spliceRow } from '../../src/hosts/xlsx/source-columns';
import { columnIndex } from '../../src/hosts/xlsx/xml';

export async function excel(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

/** Every part's uncompressed bytes, by path. */
export async function parts(bytes: Uint8Array): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, Buffer>();
  for (const [path, f] of Object.entries(zip.files)) if (!f.dir) out.set(path, await f.async('nodebuffer'));
  return out;
}

/** A sheet's values as rows of plain values (formulas would show as objects, which is what the injection tests look for). */
export function values(ws: ExcelJS.Worksheet): unknown[][] {
  const out: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    const vals = row.values as unknown[];
    out[n - 1] = vals.slice(1).map((v) => (v === undefined || v === null ? '' : v));
  });
  return Array.from(out, (r) => r ?? []);
}

/** The part path of a sheet by name (via workbook.xml and its relationships). */
export async function sheetPath(bytes: Uint8Array, name: string): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const wb = await zip.file('xl/workbook.xml')!.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const esc = name.replace(/&/g, '&amp;');
  const id = new RegExp(`<sheet [^>]*name="${esc}"[^>]*r:id="([^"]+)"`).exec(wb)?.[1];
  const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)?.[1];
  if (!id || !target) throw new Error(`no sheet ${name}`);
  return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
}

/**
 * Types text into one cell of a sheet, the way a user would in Excel (as a shared-string-free
 * inline string), leaving every other cell as written. `ref` like `G5`.
 */
export async function typeInto(bytes: Uint8Array, sheet: string, ref: string, text: string): Promise<Buffer> {
  const path = await sheetPath(bytes, sheet);
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file(path)!.async('string');
  const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
  const col = columnIndex(m[1]);
  const row = Number(m[2]);
  const rowRe = new RegExp(`(<row r="${row}"[^>]*>)([\\s\\S]*?)(</row>)`);
  const hit = rowRe.exec(xml);
  if (!hit) throw new Error(`row ${row} not found in ${path}`);
  const body = spliceRow(hit[2], col, col, cellXml(row - 1, col, text, 0));
  zip.file(path, xml.slice(0, hit.index) + hit[1] + body + hit[3] + xml.slice(hit.index + hit[0].length));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** A drawn chart as the package holds it: its part, title, and the cell ranges its series read. */
export interface ChartPart {
  path: string;
  title: string;
  /** `<c:f>` formulas in document order: per series its name cell, categories, values. */
  formulas: string[];
  kinds: string[];
}

/** The charts of a sheet, following sheet -> drawing -> chart relationships (JSZip, not Tierwise's reader). */
export async function chartsOf(bytes: Uint8Array, sheet: string): Promise<ChartPart[]> {
  const all = await parts(bytes);
  const relsOf = (part: string) => {
    const slash = part.lastIndexOf('/');
    const xml = all.get(`${part.slice(0, slash)}/_rels/${part.slice(slash + 1)}.rels`)?.toString() ?? '';
    return [...xml.matchAll(/<Relationship [^>]*>/g)].map((m) => ({
      type: /Type="([^"]+)"/.exec(m[0])![1].replace(/^.*\//, ''),
      target: new URL(/Target="([^"]+)"/.exec(m[0])![1], `file:///${part}`).pathname.slice(1),
    }));
  };
  const unescape = (s: string) => s.replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  const out: ChartPart[] = [];
  for (const drawing of relsOf(await sheetPath(bytes, sheet)).filter((r) => r.type === 'drawing')) {
    for (const chart of relsOf(drawing.target).filter((r) => r.type === 'chart')) {
      const xml = all.get(chart.target)!.toString();
      out.push({
        path: chart.target,
        title: unescape(/<a:t>([^<]*)<\/a:t>/.exec(xml)?.[1] ?? ''),
        formulas: [...xml.matchAll(/<c:f>([^<]*)<\/c:f>/g)].map((m) => unescape(m[1])),
        kinds: [...xml.matchAll(/<c:(barChart|lineChart)>/g)].map((m) => m[1]),
      });
    }
  }
  return out;
}

/** The configuration most foreign-workbook tests run: ABC on sales (80/15/5) and profit bands. */
export const ABC_CONFIG = {
  version: 1,
  columns: { customer: 'Customer ID', amount: 'Sales' },
  segmentTypes: [{ name: 'Sales ABC', kind: 'abc', segments: [{ name: 'A', share: 80 }, { name: 'B', share: 15 }, { name: 'C', share: 5 }] }],
};

/**
 * One run of the command line's workbook path on `bytes` (XlsxHost + runWorkbook, no files), and the
 * written workbook. Throws with the run's issues when it writes nothing.
 */
export async function segmentBytes(
  bytes: Uint8Array,
  options: { config?: unknown; sourceColumns?: 'all' | string[]; source?: SourceRef; now?: string } = {},
): Promise<{ bytes: Buffer; run: Extract<WorkbookRun, { ok: true }> }> {
  const host = await XlsxHost.open(bytes, 'book.xlsx');
  const run = await runWorkbook({
    host,
    config: options.config === undefined ? undefined : { text: JSON.stringify(options.config), path: 'config.json' },
    source: options.source,
    sourceColumns: options.sourceColumns,
    now: options.now ?? '2026-01-31T09:00:00.000Z',
  });
  if (!run.ok) throw new Error(`the run failed: ${JSON.stringify(run.issues)}`);
  if (!run.report.complete) throw new Error(`nothing was written: ${JSON.stringify(run.report.issues)}`);
  return { bytes: await host.toBuffer(), run };
}
