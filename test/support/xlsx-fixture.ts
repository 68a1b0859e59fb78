// Workbooks for the xlsx host's tests, built here so every byte is explained: ExcelJS writes the
// plain sheets (as any exporter would), then parts ExcelJS cannot write are added with JSZip as
// Excel lays them out: a column chart, a pivot table with its cache, a defined name, and the
// add-in's saved settings (a webextension part, as Office writes `workbook.settings`).
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Cell } from '../../src/engine/types';

export const ADDIN_ID = '199e9907-7e49-44e7-93ea-357226612fb7';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** A workbook with one sheet of values (first row = header); `table` makes it an Excel table. */
export async function plainWorkbook(sheet: string, rows: Cell[][], options: { table?: string; extraSheets?: Record<string, Cell[][]> } = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  if (options.table) {
    ws.addTable({
      name: options.table,
      ref: 'A1',
      headerRow: true,
      columns: rows[0].map((h) => ({ name: String(h) })),
      rows: rows.slice(1).map((r) => r.map((v) => (v === null || v === undefined ? '' : v))),
    });
  } else for (const r of rows) ws.addRow(r.map((v) => (v === null || v === undefined ? null : v)));
  for (const [name, values] of Object.entries(options.extraSheets ?? {})) {
    const extra = wb.addWorksheet(name);
    for (const r of values) extra.addRow(r);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function appendBefore(zip: JSZip, path: string, closing: string, text: string): Promise<void> {
  const xml = await zip.file(path)!.async('string');
  const at = xml.lastIndexOf(closing);
  if (at < 0) throw new Error(`${path}: no ${closing}`);
  zip.file(path, xml.slice(0, at) + text + xml.slice(at));
}

const rels = (items: [string, string, string][]) =>
  `${XML}<Relationships xmlns="${PKG}">${items.map(([id, type, target]) => `<Relationship Id="${id}" Type="${type}" Target="${target}"/>`).join('')}</Relationships>`;

export interface RichOptions {
  /** Settings as the add-in saved them (key -> value; Office stores each value as JSON). */
  settings?: Record<string, unknown>;
}

/**
 * The sales rows on sheet "Orders" (A1 header: Customer ID, Customer Name, Sales, Profit), plus a
 * column chart of Sales on Orders, a pivot table (sum of Sales by customer) on sheet "Pivot",
 * the defined name `SalesRange`, and optionally the add-in's settings.
 */
export async function richWorkbook(rows: Cell[][], options: RichOptions = {}): Promise<Buffer> {
  const base = await plainWorkbook('Orders', rows, { extraSheets: { Pivot: [['Pivot table below']] } });
  const zip = await JSZip.loadAsync(base);
  const n = rows.length; // last data row (1-based) = n
  // Chart: drawing on sheet1, chart part referenced from the drawing.
  zip.file(
    'xl/charts/chart1.xml',
    `${XML}<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${R}"><c:chart><c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>Sales by line</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/><c:ser><c:idx val="0"/><c:order val="0"/><c:cat><c:strRef><c:f>Orders!$A$2:$A$${n}</c:f></c:strRef></c:cat><c:val><c:numRef><c:f>Orders!$C$2:$C$${n}</c:f></c:numRef></c:val></c:ser><c:axId val="111"/><c:axId val="222"/></c:barChart><c:catAx><c:axId val="111"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:crossAx val="222"/></c:catAx><c:valAx><c:axId val="222"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:crossAx val="111"/></c:valAx></c:plotArea><c:plotVisOnly val="1"/></c:chart></c:chartSpace>`,
  );
  zip.file(
    'xl/drawings/drawing1.xml',
    `${XML}<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><xdr:twoCellAnchor><xdr:from><xdr:col>6</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>12</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>15</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Chart 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${R}" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`,
  );
  zip.file('xl/drawings/_rels/drawing1.xml.rels', rels([['rId1', `${R}/chart`, '../charts/chart1.xml']]));
  const sheet1Rels = zip.file('xl/worksheets/_rels/sheet1.xml.rels');
  if (sheet1Rels) await appendBefore(zip, 'xl/worksheets/_rels/sheet1.xml.rels', '</Relationships>', `<Relationship Id="rIdChart" Type="${R}/drawing" Target="../drawings/drawing1.xml"/>`);
  else zip.file('xl/worksheets/_rels/sheet1.xml.rels', rels([['rIdChart', `${R}/drawing`, '../drawings/drawing1.xml']]));
  const sheet1 = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
  // CT_Worksheet: ... pageMargins, pageSetup, headerFooter, rowBreaks, colBreaks, customProperties,
  // cellWatches, ignoredErrors, smartTags, drawing, legacyDrawing, ..., tableParts, extLst.
  const afterDrawing = /<(?:legacyDrawing|legacyDrawingHF|drawingHF|picture|oleObjects|controls|webPublishItems|tableParts|extLst)\b|<\/worksheet>/.exec(sheet1)!;
  zip.file('xl/worksheets/sheet1.xml', `${sheet1.slice(0, afterDrawing.index)}<drawing r:id="rIdChart"/>${sheet1.slice(afterDrawing.index)}`);

  // Pivot table: cache (definition + records) from the workbook, table on sheet2.
  const customers = [...new Set(rows.slice(1).map((r) => String(r[0])))];
  const customerIndex = new Map(customers.map((c, i) => [c, i]));
  const sales = rows.slice(1).map((r) => Number(r[2]));
  zip.file(
    'xl/pivotCache/pivotCacheDefinition1.xml',
    `${XML}<pivotCacheDefinition xmlns="${MAIN}" xmlns:r="${R}" r:id="rId1" refreshOnLoad="1" createdVersion="6" refreshedVersion="6" minRefreshableVersion="3" recordCount="${sales.length}"><cacheSource type="worksheet"><worksheetSource ref="A1:D${n}" sheet="Orders"/></cacheSource><cacheFields count="2"><cacheField name="Customer ID" numFmtId="0"><sharedItems count="${customers.length}">${customers.map((c) => `<s v="${c}"/>`).join('')}</sharedItems></cacheField><cacheField name="Sales" numFmtId="0"><sharedItems containsSemiMixedTypes="0" containsString="0" containsNumber="1" minValue="${Math.min(...sales)}" maxValue="${Math.max(...sales)}"/></cacheField></cacheFields></pivotCacheDefinition>`,
  );
  zip.file(
    'xl/pivotCache/pivotCacheRecords1.xml',
    `${XML}<pivotCacheRecords xmlns="${MAIN}" xmlns:r="${R}" count="${sales.length}">${rows.slice(1).map((r) => `<r><x v="${customerIndex.get(String(r[0]))}"/><n v="${Number(r[2])}"/></r>`).join('')}</pivotCacheRecords>`,
  );
  zip.file('xl/pivotCache/_rels/pivotCacheDefinition1.xml.rels', rels([['rId1', `${R}/pivotCacheRecords`, 'pivotCacheRecords1.xml']]));
  zip.file(
    'xl/pivotTables/pivotTable1.xml',
    `${XML}<pivotTableDefinition xmlns="${MAIN}" name="SalesPivot" cacheId="7" applyNumberFormats="0" applyBorderFormats="0" applyFontFormats="0" applyPatternFormats="0" applyAlignmentFormats="0" applyWidthHeightFormats="1" dataCaption="Values" updatedVersion="6" minRefreshableVersion="3" createdVersion="6"><location ref="A3:B${4 + customers.length}" firstHeaderRow="1" firstDataRow="1" firstDataCol="1"/><pivotFields count="2"><pivotField axis="axisRow" showAll="0"><items count="${customers.length + 1}">${customers.map((_, i) => `<item x="${i}"/>`).join('')}<item t="default"/></items></pivotField><pivotField dataField="1" showAll="0"/></pivotFields><rowFields count="1"><field x="0"/></rowFields><rowItems count="${customers.length + 1}">${customers.map((_, i) => `<i>${i ? `<x v="${i}"/>` : '<x/>'}</i>`).join('')}<i t="grand"><x/></i></rowItems><colItems count="1"><i/></colItems><dataFields count="1"><dataField name="Sum of Sales" fld="1" baseField="0" baseItem="0"/></dataFields><pivotTableStyleInfo name="PivotStyleLight16" showRowHeaders="1" showColHeaders="1" showRowStripes="0" showColStripes="0" showLastColumn="1"/></pivotTableDefinition>`,
  );
  zip.file('xl/pivotTables/_rels/pivotTable1.xml.rels', rels([['rId1', `${R}/pivotCacheDefinition`, '../pivotCache/pivotCacheDefinition1.xml']]));
  zip.file('xl/worksheets/_rels/sheet2.xml.rels', rels([['rId1', `${R}/pivotTable`, '../pivotTables/pivotTable1.xml']]));
  await appendBefore(zip, 'xl/_rels/workbook.xml.rels', '</Relationships>', `<Relationship Id="rIdPivot" Type="${R}/pivotCacheDefinition" Target="pivotCache/pivotCacheDefinition1.xml"/>`);

  // Defined name and pivot cache list in the workbook part (schema order: definedNames, calcPr, ..., pivotCaches).
  let wb = await zip.file('xl/workbook.xml')!.async('string');
  const definedName = `<definedName name="SalesRange">Orders!$C$2:$C$${n}</definedName>`;
  wb = /<definedNames>/.test(wb) ? wb.replace('<definedNames>', `<definedNames>${definedName}`) : wb.replace('</sheets>', `</sheets><definedNames>${definedName}</definedNames>`);
  const pivotCaches = `<pivotCaches><pivotCache cacheId="7" r:id="rIdPivot"/></pivotCaches>`;
  wb = /<calcPr[^>]*\/>/.test(wb) ? wb.replace(/(<calcPr[^>]*\/>)/, `$1${pivotCaches}`) : wb.replace('</workbook>', `${pivotCaches}</workbook>`);
  zip.file('xl/workbook.xml', wb);

  const types = [
    ['/xl/charts/chart1.xml', 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml'],
    ['/xl/drawings/drawing1.xml', 'application/vnd.openxmlformats-officedocument.drawing+xml'],
    ['/xl/pivotCache/pivotCacheDefinition1.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheDefinition+xml'],
    ['/xl/pivotCache/pivotCacheRecords1.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheRecords+xml'],
    ['/xl/pivotTables/pivotTable1.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.pivotTable+xml'],
  ];
  if (options.settings) types.push(...(await addAddinSettings(zip, options.settings)));
  await appendBefore(zip, '[Content_Types].xml', '</Types>', types.map(([p, t]) => `<Override PartName="${p}" ContentType="${t}"/>`).join(''));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** The add-in's settings part and its task pane, as Excel saves them; returns the content types to declare. */
async function addAddinSettings(zip: JSZip, settings: Record<string, unknown>): Promise<string[][]> {
  zip.file('xl/webextensions/webextension1.xml', webExtensionXml(settings));
  zip.file('xl/webextensions/taskpanes.xml', `${XML}<wetp:taskpanes xmlns:wetp="http://schemas.microsoft.com/office/webextensions/taskpanes/2010/11"><wetp:taskpane dockstate="right" visibility="0" width="350" row="4"><wetp:webextensionref xmlns:r="${R}" r:id="rId1"/></wetp:taskpane></wetp:taskpanes>`);
  zip.file('xl/webextensions/_rels/taskpanes.xml.rels', rels([['rId1', 'http://schemas.microsoft.com/office/2011/relationships/webextension', 'webextension1.xml']]));
  await appendBefore(zip, '_rels/.rels', '</Relationships>', `<Relationship Id="rIdWe" Type="http://schemas.microsoft.com/office/2011/relationships/webextensiontaskpanes" Target="xl/webextensions/taskpanes.xml"/>`);
  return [
    ['/xl/webextensions/webextension1.xml', 'application/vnd.ms-office.webextension+xml'],
    ['/xl/webextensions/taskpanes.xml', 'application/vnd.ms-office.webextensiontaskpanes+xml'],
  ];
}

/** `bytes` with the add-in's settings added as Excel saves `workbook.settings` (the file must have none yet). */
export async function withAddinSettings(bytes: Uint8Array, settings: Record<string, unknown>): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  const types = await addAddinSettings(zip, settings);
  await appendBefore(zip, '[Content_Types].xml', '</Types>', types.map(([p, t]) => `<Override PartName="${p}" ContentType="${t}"/>`).join(''));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

const attrText = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The add-in's saved settings as Office writes them: one property per key, its value as JSON text. */
export function webExtensionXml(settings: Record<string, unknown>): string {
  const props = Object.entries(settings)
    .map(([k, v]) => `<we:property name="${attrText(k)}" value="${attrText(JSON.stringify(v))}"/>`)
    .join('');
  return `${XML}<we:webextension xmlns:we="http://schemas.microsoft.com/office/webextensions/webextension/2010/11" id="{6C4D1C52-7A8C-4C8E-9E0B-2A2F1B0D3E11}"><we:reference id="${ADDIN_ID}" version="0.1.0.0" store="developer" storeType="Registry"/><we:alternateReferences/><we:properties><we:property name="Office.AutoShowTaskpaneWithDocument" value="true"/>${props}</we:properties><we:bindings/><we:snapshot xmlns:r="${R}"/></we:webextension>`;
}

/** A copy of a workbook with one part's XML changed (a filter, a protection Excel would have written). */
export async function editPart(bytes: Uint8Array, path: string, change: (xml: string) => string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  zip.file(path, change(await zip.file(path)!.async('string')));
  return zip.generateAsync({ type: 'nodebuffer' });
}

/** Every part of a package whose root element is in SpreadsheetML's main namespace (workbook, sheets, styles, strings, tables). */
async function mainParts(zip: JSZip): Promise<string[]> {
  const out: string[] = [];
  for (const [path, f] of Object.entries(zip.files)) {
    if (f.dir || !path.endsWith('.xml')) continue;
    const xml = await f.async('string');
    if (new RegExp(`^(?:<\\?[^>]*\\?>\\s*)?<[\\w]+\\s[^>]*xmlns="${MAIN}"`).test(xml)) out.push(path);
  }
  return out;
}

/**
 * The same workbook as the Open XML SDK writes it: SpreadsheetML's elements carry a prefix
 * (`<x:worksheet xmlns:x="...">`, `<x:c>`), nothing is in a default namespace.
 */
export async function prefixedWorkbook(bytes: Uint8Array, prefix = 'x'): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  for (const path of await mainParts(zip)) {
    const xml = await zip.file(path)!.async('string');
    zip.file(
      path,
      xml.replace(`xmlns="${MAIN}"`, `xmlns:${prefix}="${MAIN}"`).replace(/<(\/?)([A-Za-z][\w.-]*)(?=[\s/>])/g, (_, slash: string, local: string) => `<${slash}${prefix}:${local}`),
    );
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/**
 * The workbook part as openpyxl (and so pandas `to_excel`) writes it: the relationships namespace
 * is declared on each `<sheet>`, not on `<workbook>`.
 */
export async function openpyxlStyleWorkbook(bytes: Uint8Array): Promise<Buffer> {
  return editPart(bytes, 'xl/workbook.xml', (xml) =>
    xml
      .replace(/(<workbook\b[^>]*?)\s+xmlns:r="[^"]*"/, '$1')
      .replace(/<sheet\s/g, `<sheet xmlns:r="${R}" `)
      // What else used the root's declaration goes too (ExcelJS writes none; a pivot cache list would).
      .replace(/<pivotCaches>[\s\S]*?<\/pivotCaches>/, ''),
  );
}

/** The inverse of prefixedWorkbook, for readers that know only the default namespace (ExcelJS cannot read prefixed workbooks). */
export async function unprefixedWorkbook(bytes: Uint8Array, prefix = 'x'): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  for (const [path, f] of Object.entries(zip.files)) {
    if (f.dir || !path.endsWith('.xml')) continue;
    const xml = await f.async('string');
    if (!xml.includes(`xmlns:${prefix}="${MAIN}"`)) continue;
    zip.file(path, xml.replace(`xmlns:${prefix}="${MAIN}"`, `xmlns="${MAIN}"`).replace(new RegExp(`<(/?)${prefix}:`, 'g'), '<$1'));
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
