// Workbooks other tools write, each with the habit that broke a Tierwise run (issue 17), built
// here by hand or by rewriting an ExcelJS file the way that tool writes it; expected results by hand.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { SaxesParser } from 'saxes';
import { XlsxHost } from '../../../src/hosts/xlsx/host';
import { editPart, openpyxlStyleWorkbook, plainWorkbook, prefixedWorkbook, unprefixedWorkbook } from '../../support/xlsx-fixture';
import { ABC_CONFIG, excel, segmentBytes, values } from '../../support/xlsx-files';

const ROWS = [
  ['Customer ID', 'Sales'],
  ['C1', 800],
  ['C2', 150],
  ['C3', 50],
];

/** Parses a part with namespaces on: an unbound prefix is an error, as in Excel. */
async function part(bytes: Uint8Array, path: string): Promise<string> {
  const xml = await (await JSZip.loadAsync(bytes)).file(path)!.async('string');
  const parser = new SaxesParser({ xmlns: true });
  try {
    parser.write(xml).close();
  } catch (e) {
    throw new Error(`${path}: ${(e as Error).message}`);
  }
  return xml;
}

describe('openpyxl (pandas to_excel): the relationships namespace declared on each <sheet>', () => {
  it('adds its sheets with a relationship id whose prefix is bound where it is written', async () => {
    const input = await openpyxlStyleWorkbook(await plainWorkbook('Orders', ROWS));
    expect(await part(input, 'xl/workbook.xml')).not.toMatch(/<workbook [^>]*xmlns:r=/);
    const { bytes } = await segmentBytes(input, { config: ABC_CONFIG });
    const wb = await part(bytes, 'xl/workbook.xml');
    expect(wb.match(/<sheet /g)).toHaveLength(5);
    // Read back by a reader Tierwise did not write, and again by Tierwise (second run).
    expect((await excel(bytes)).worksheets.map((w) => w.name)).toEqual(['Orders', 'Customer Tiers', 'Segment Summary', 'Tierwise History', 'Tierwise Settings']);
    const second = await segmentBytes(bytes);
    await part(second.bytes, 'xl/workbook.xml');
    expect(values((await excel(second.bytes)).getWorksheet('Customer Tiers')!).map((r) => r.slice(0, 1))).toEqual([['Customer'], ['C1'], ['C2'], ['C3']]);
  });

  it('reads a prefix the workbook binds to the relationships namespace under another name', async () => {
    const input = await openpyxlStyleWorkbook(await plainWorkbook('Orders', ROWS));
    const renamed = await (async () => {
      const zip = await JSZip.loadAsync(input);
      const xml = await zip.file('xl/workbook.xml')!.async('string');
      zip.file('xl/workbook.xml', xml.replace(/xmlns:r=/g, 'xmlns:rel=').replace(/ r:id=/g, ' rel:id='));
      return zip.generateAsync({ type: 'nodebuffer' });
    })();
    const host = await XlsxHost.open(renamed, 'b.xlsx');
    expect((await host.readSource({ kind: 'sheet', name: 'Orders' })).rows).toEqual(ROWS.slice(1));
    const { bytes } = await segmentBytes(renamed, { config: ABC_CONFIG });
    await part(bytes, 'xl/workbook.xml');
  });
});

describe('a source table with a Total Row', () => {
  it('widened with segment columns: the table reaches the total row, its filter stops above it', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Orders').addTable({
      name: 'Sales',
      ref: 'B3',
      headerRow: true,
      totalsRow: true,
      columns: [{ name: 'Customer ID', totalsRowLabel: 'Total' }, { name: 'Sales', totalsRowFunction: 'sum' }],
      rows: ROWS.slice(1),
    });
    const input = Buffer.from(await wb.xlsx.writeBuffer());
    // Header B3, lines B4:C6, total row B7.
    expect(await part(input, 'xl/tables/table1.xml')).toMatch(/ref="B3:C7"[\s\S]*totalsRowCount="1"|totalsRowCount="1"[\s\S]*ref="B3:C7"/);
    const { bytes } = await segmentBytes(input, { config: ABC_CONFIG, source: { kind: 'table', name: 'Sales' }, sourceColumns: 'all' });
    const table = await part(bytes, 'xl/tables/table1.xml');
    expect(/<table [^>]*\bref="([^"]+)"/.exec(table)?.[1]).toBe('B3:D7');
    expect(/<autoFilter [^>]*\bref="([^"]+)"/.exec(table)?.[1]).toBe('B3:D6');
    expect(values((await excel(bytes)).getWorksheet('Orders')!).slice(2).map((r) => r.slice(1, 4))).toEqual([
      ['Customer ID', 'Sales', 'Sales ABC (Tierwise)'],
      ['C1', 800, 'A'],
      ['C2', 150, 'B'],
      ['C3', 50, 'C'],
      ['Total', expect.anything()],
    ]);
  });
});

describe('prefixed SpreadsheetML (<x:worksheet>, as the Open XML SDK writes it)', () => {
  it('extends the styles lists where they are, with their prefix, and writes segment columns beside the lines', async () => {
    const input = await prefixedWorkbook(await plainWorkbook('Orders', ROWS));
    const before = await part(input, 'xl/styles.xml');
    expect(before).toMatch(/^<\?xml[^>]*>\s*<x:styleSheet /);
    const xfsBefore = /<x:cellXfs count="(\d+)"/.exec(before)![1];
    const { bytes } = await segmentBytes(input, { config: ABC_CONFIG, sourceColumns: 'all' });
    const styles = await part(bytes, 'xl/styles.xml');
    // Every element of the part still carries the prefix; one list of each kind, counted right.
    expect(styles.match(/<[A-Za-z][\w.-]*[\s/>]/g) ?? []).toEqual([]);
    expect(styles.match(/<x:cellXfs\b/g)).toHaveLength(1);
    const xfs = /<x:cellXfs count="(\d+)">([\s\S]*?)<\/x:cellXfs>/.exec(styles)!;
    expect(Number(xfs[1])).toBe(xfs[2].match(/<x:xf\b/g)!.length);
    expect(Number(xfs[1])).toBeGreaterThan(Number(xfsBefore));
    // The extLst stays the last section.
    if (/<x:extLst/.test(styles)) expect(styles.slice(styles.indexOf('<x:extLst'))).not.toMatch(/<x:(cellXfs|dxfs|fonts|numFmts)\b/);
    const orders = await part(bytes, 'xl/worksheets/sheet1.xml');
    expect(orders).toMatch(/<x:c r="C1"[^>]*t="inlineStr"><x:is><x:t>Sales ABC \(Tierwise\)<\/x:t><\/x:is><\/x:c>/);
    expect(orders).toMatch(/<x:c r="C2" t="inlineStr"><x:is><x:t>A<\/x:t><\/x:is><\/x:c>/);
    // ExcelJS cannot read prefixed workbooks at all: it reads them with the prefixes taken off. A second run replaces the column in place.
    const second = await segmentBytes(bytes, { sourceColumns: 'all' });
    const expected = ROWS.map((r, i) => [...r, i === 0 ? 'Sales ABC (Tierwise)' : ['A', 'B', 'C'][i - 1]]);
    expect(values((await excel(await unprefixedWorkbook(bytes))).getWorksheet('Orders')!)).toEqual(expected);
    expect(values((await excel(await unprefixedWorkbook(second.bytes))).getWorksheet('Orders')!)).toEqual(expected);
    expect((await part(second.bytes, 'xl/styles.xml')).match(/<x:cellXfs count="(\d+)"/)![1]).toBe(xfs[1]);
  });
});

describe('a hidden sheet as the active tab', () => {
  /** activeTab and firstSheet of the workbook's one view, and which sheets are hidden (in sheet order). */
  async function view(bytes: Uint8Array) {
    const wb = await part(bytes, 'xl/workbook.xml');
    const v = /<workbookView\b[^>]*>/.exec(wb)![0];
    const n = (a: string) => Number(new RegExp(`\\b${a}="(\\d+)"`).exec(v)?.[1] ?? 0);
    return { activeTab: n('activeTab'), firstSheet: n('firstSheet'), hidden: [...wb.matchAll(/<sheet\b[^>]*>/g)].map((m) => /state="(hidden|veryHidden)"/.test(m[0])) };
  }

  it("another tool's file: the view moves to the first visible sheet after the hidden one", async () => {
    const input = await editPart(await plainWorkbook('Orders', ROWS, { extraSheets: { Notes: [['n']], Plan: [['p']] } }), 'xl/workbook.xml', (xml) =>
      xml.replace(/(<sheet [^>]*name="Notes"[^>]*?) state="visible"/, '$1 state="hidden"').replace('<sheets>', '<bookViews><workbookView activeTab="1" firstSheet="1"/></bookViews><sheets>'),
    );
    expect(await view(input)).toEqual({ activeTab: 1, firstSheet: 1, hidden: [false, true, false] });
    const { bytes } = await segmentBytes(input, { config: ABC_CONFIG, source: { kind: 'sheet', name: 'Orders' } });
    // Orders, Notes (hidden), Plan, Customer Tiers, Segment Summary, Tierwise History (hidden), Tierwise Settings (hidden).
    expect(await view(bytes)).toEqual({ activeTab: 2, firstSheet: 0, hidden: [false, true, false, false, false, true, true] });
  });

  it('the history a user unhid, left active and saved is hidden again by the next run, and the view leaves it', async () => {
    const { bytes: first } = await segmentBytes(await plainWorkbook('Orders', ROWS), { config: ABC_CONFIG });
    const unhidden = await editPart(first, 'xl/workbook.xml', (xml) =>
      xml.replace(/(<sheet [^>]*name="Tierwise History"[^>]*?) state="hidden"/, '$1').replace('<sheets>', '<bookViews><workbookView firstSheet="3" activeTab="3"/></bookViews><sheets>'),
    );
    expect(await view(unhidden)).toEqual({ activeTab: 3, firstSheet: 3, hidden: [false, false, false, false, true] });
    const { bytes } = await segmentBytes(unhidden);
    expect(await view(bytes)).toEqual({ activeTab: 2, firstSheet: 0, hidden: [false, false, false, true, true] });
  });
});

it('a Strict Open XML workbook is refused with what to do, not read as empty cells', async () => {
  const strict = await editPart(await plainWorkbook('Orders', ROWS), 'xl/workbook.xml', (xml) => xml.replace('http://schemas.openxmlformats.org/spreadsheetml/2006/main', 'http://purl.oclc.org/ooxml/spreadsheetml/main'));
  await expect(XlsxHost.open(strict, 'strict.xlsx')).rejects.toThrow('strict.xlsx is saved as a "Strict Open XML Spreadsheet", which Tierwise does not read: in Excel, File > Save As, choose "Excel Workbook (*.xlsx)"');
});
