// A strict structural checker for .xlsx packages, in the test suite: the rules Excel enforces when it
// opens a file (and answers with "We found a problem with some content... Do you want us to try to
// recover?" when one is broken), checked part by part without Excel. It knows nothing of Tierwise:
// it reads the package with JSZip and every XML part with saxes, a strict, namespace-aware parser.
//
// Rules (docs/xlsx.md lists them for readers):
//  1. every XML part is well-formed, every prefix bound (saxes, xmlns on);
//  2. every part has a content type ([Content_Types].xml: an Override or a Default by extension), the
//     one its relationship's type calls for (a worksheet, styles, strings, table, comments, drawing or
//     chart part), and every Override names a part that exists;
//  3. every internal relationship's target exists, ids are unique per part, and every r:id (r:embed...)
//     a part uses is one of its relationships;
//  4. the children of workbook, worksheet, table, styles, chart and drawing elements come in the order
//     of the ECMA-376 schema (the sequences below; elements of other namespaces, extensions, are skipped);
//  5. sheets: names legal in Excel (1-31 characters, none of []:*?/\, no apostrophe at either end, not
//     History) and unique ignoring case, sheetIds unique, at least one visible sheet, and the view's
//     activeTab and firstSheet on visible sheets;
//  6. rows ascending, cells in a row left to right with their row's number, no duplicates;
//  7. every style index of a cell, row or column within cellXfs, every dxfId within dxfs, every xf's
//     font, fill, border and numFmt defined, count attributes equal to the items counted;
//  8. every shared-string index within the shared strings;
//  9. tables: columns as many as the range is wide, each named as its header cell reads (Excel's
//     `_xHHHH_` decoding applied to both), unique ignoring case; the autoFilter over the header and the
//     data rows (a Total Row below it); table ids and names unique in the workbook, table ranges on a
//     sheet not overlapping.
import JSZip from 'jszip';
import { posix } from 'node:path';
import { SaxesParser, type SaxesTagNS } from 'saxes';

const NS = {
  main: 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  rel: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  pkgRel: 'http://schemas.openxmlformats.org/package/2006/relationships',
  ct: 'http://schemas.openxmlformats.org/package/2006/content-types',
  chart: 'http://schemas.openxmlformats.org/drawingml/2006/chart',
  sheetDrawing: 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing',
};
/** ISO/IEC 29500 Strict's namespaces, read as their transitional twins. */
const STRICT: Record<string, string> = {
  'http://purl.oclc.org/ooxml/spreadsheetml/main': NS.main,
  'http://purl.oclc.org/ooxml/officeDocument/relationships': NS.rel,
  'http://purl.oclc.org/ooxml/drawingml/chart': NS.chart,
  'http://purl.oclc.org/ooxml/drawingml/spreadsheetDrawing': NS.sheetDrawing,
};
const REL_TYPE = (t: string) => t.replace(/^.*\//, '');

export interface El {
  uri: string;
  local: string;
  /** Attributes by local name when unprefixed, by `{uri}local` when prefixed. */
  attrs: Record<string, string>;
  children: El[];
  text: string;
}

/** A part as elements, or the parser's complaint. */
function parse(xml: string): El | string {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: El[] = [];
  let root: El | undefined;
  parser.on('opentag', (t: SaxesTagNS) => {
    const attrs: Record<string, string> = {};
    for (const a of Object.values(t.attributes)) {
      if (a.prefix === 'xmlns' || a.name === 'xmlns') continue;
      attrs[a.uri ? `{${STRICT[a.uri] ?? a.uri}}${a.local}` : a.local] = a.value;
    }
    const el: El = { uri: STRICT[t.uri] ?? t.uri, local: t.local, attrs, children: [], text: '' };
    if (stack.length) stack[stack.length - 1].children.push(el);
    else root = el;
    stack.push(el);
  });
  parser.on('text', (s) => {
    if (stack.length) stack[stack.length - 1].text += s;
  });
  parser.on('cdata', (s) => {
    if (stack.length) stack[stack.length - 1].text += s;
  });
  parser.on('closetag', () => void stack.pop());
  try {
    parser.write(xml).close();
  } catch (e) {
    return (e as Error).message;
  }
  return root ?? 'no root element';
}

const kids = (el: El | undefined, local: string, uri = el?.uri) => el?.children.filter((c) => c.local === local && c.uri === uri) ?? [];
const kid = (el: El | undefined, local: string, uri = el?.uri) => kids(el, local, uri)[0];

/**
 * Child order per element, from the ECMA-376 schema (Part 1, transitional). Names in one inner
 * array share a rank (a choice, or a repeated group). Only children in the element's own namespace
 * are ranked; others (mc:AlternateContent, x14 extensions) are skipped.
 */
const SEQUENCES: Record<string, (string | string[])[]> = {
  [`${NS.main} workbook`]: ['fileVersion', 'fileSharing', 'workbookPr', 'workbookProtection', 'bookViews', 'sheets', 'functionGroups', 'externalReferences', 'definedNames', 'calcPr', 'oleSize', 'customWorkbookViews', 'pivotCaches', 'smartTagPr', 'smartTagTypes', 'webPublishing', 'fileRecoveryPr', 'webPublishObjects', 'extLst'],
  [`${NS.main} worksheet`]: [
    'sheetPr', 'dimension', 'sheetViews', 'sheetFormatPr', 'cols', 'sheetData', 'sheetCalcPr', 'sheetProtection', 'protectedRanges', 'scenarios', 'autoFilter', 'sortState', 'dataConsolidate',
    'customSheetViews', 'mergeCells', 'phoneticPr', 'conditionalFormatting', 'dataValidations', 'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup', 'headerFooter', 'rowBreaks', 'colBreaks',
    'customProperties', 'cellWatches', 'ignoredErrors', 'smartTags', 'drawing', 'legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst',
  ],
  [`${NS.main} sheetView`]: ['pane', 'selection', 'pivotSelection', 'extLst'],
  [`${NS.main} row`]: ['c', 'extLst'],
  [`${NS.main} c`]: ['f', 'v', 'is', 'extLst'],
  [`${NS.main} cfRule`]: ['formula', 'colorScale', 'dataBar', 'iconSet', 'extLst'],
  [`${NS.main} colorScale`]: ['cfvo', 'color'],
  [`${NS.main} dataValidation`]: ['formula1', 'formula2'],
  [`${NS.main} table`]: ['autoFilter', 'sortState', 'tableColumns', 'tableStyleInfo', 'extLst'],
  [`${NS.main} tableColumn`]: ['calculatedColumnFormula', 'totalsRowFormula', 'xmlColumnPr', 'extLst'],
  [`${NS.main} styleSheet`]: ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'],
  [`${NS.main} xf`]: ['alignment', 'protection', 'extLst'],
  [`${NS.main} dxf`]: ['font', 'numFmt', 'fill', 'alignment', 'border', 'protection', 'extLst'],
  [`${NS.main} patternFill`]: ['fgColor', 'bgColor'],
  [`${NS.main} border`]: ['start', 'left', 'end', 'right', 'top', 'bottom', 'diagonal', 'vertical', 'horizontal'],
  [`${NS.chart} chartSpace`]: ['date1904', 'lang', 'roundedCorners', 'style', 'clrMapOvr', 'pivotSource', 'protection', 'chart', 'spPr', 'txPr', 'externalData', 'printSettings', 'userShapes', 'extLst'],
  [`${NS.chart} chart`]: ['title', 'autoTitleDeleted', 'pivotFmts', 'view3D', 'floor', 'sideWall', 'backWall', 'plotArea', 'legend', 'plotVisOnly', 'dispBlanksAs', 'showDLblsOverMax', 'extLst'],
  [`${NS.chart} plotArea`]: [
    'layout',
    ['areaChart', 'area3DChart', 'lineChart', 'line3DChart', 'stockChart', 'radarChart', 'scatterChart', 'pieChart', 'pie3DChart', 'doughnutChart', 'barChart', 'bar3DChart', 'ofPieChart', 'surfaceChart', 'surface3DChart', 'bubbleChart'],
    ['valAx', 'catAx', 'dateAx', 'serAx'],
    'dTable', 'spPr', 'extLst',
  ],
  [`${NS.chart} barChart`]: ['barDir', 'grouping', 'varyColors', 'ser', 'dLbls', 'gapWidth', 'overlap', 'serLines', 'axId', 'extLst'],
  [`${NS.chart} lineChart`]: ['grouping', 'varyColors', 'ser', 'dLbls', 'dropLines', 'hiLowLines', 'upDownBars', 'marker', 'smooth', 'axId', 'extLst'],
  [`${NS.chart} catAx`]: ['axId', 'scaling', 'delete', 'axPos', 'majorGridlines', 'minorGridlines', 'title', 'numFmt', 'majorTickMark', 'minorTickMark', 'tickLblPos', 'spPr', 'txPr', 'crossAx', ['crosses', 'crossesAt'], 'auto', 'lblAlgn', 'lblOffset', 'tickLblSkip', 'tickMarkSkip', 'noMultiLvlLbl', 'extLst'],
  [`${NS.chart} valAx`]: ['axId', 'scaling', 'delete', 'axPos', 'majorGridlines', 'minorGridlines', 'title', 'numFmt', 'majorTickMark', 'minorTickMark', 'tickLblPos', 'spPr', 'txPr', 'crossAx', ['crosses', 'crossesAt'], 'crossBetween', 'majorUnit', 'minorUnit', 'dispUnits', 'extLst'],
  [`${NS.chart} scaling`]: ['logBase', 'orientation', 'max', 'min', 'extLst'],
  [`${NS.chart} legend`]: ['legendPos', 'legendEntry', 'layout', 'overlay', 'spPr', 'txPr', 'extLst'],
  [`${NS.chart} title`]: ['tx', 'layout', 'overlay', 'spPr', 'txPr', 'extLst'],
  [`${NS.sheetDrawing} twoCellAnchor`]: ['from', 'to', ['sp', 'grpSp', 'graphicFrame', 'cxnSp', 'pic', 'contentPart'], 'clientData'],
  [`${NS.sheetDrawing} oneCellAnchor`]: ['from', 'ext', ['sp', 'grpSp', 'graphicFrame', 'cxnSp', 'pic', 'contentPart'], 'clientData'],
  [`${NS.sheetDrawing} absoluteAnchor`]: ['pos', 'ext', ['sp', 'grpSp', 'graphicFrame', 'cxnSp', 'pic', 'contentPart'], 'clientData'],
};
/** A chart series' children depend on its chart type. */
const SERIES: Record<string, string[]> = {
  barChart: ['idx', 'order', 'tx', 'spPr', 'invertIfNegative', 'pictureOptions', 'dPt', 'dLbls', 'trendline', 'errBars', 'cat', 'val', 'shape', 'extLst'],
  lineChart: ['idx', 'order', 'tx', 'spPr', 'marker', 'dPt', 'dLbls', 'trendline', 'errBars', 'cat', 'val', 'smooth', 'extLst'],
};

function checkOrder(el: El, part: string, problems: string[], parentLocal?: string): void {
  const seq = el.local === 'ser' && el.uri === NS.chart && parentLocal ? SERIES[parentLocal] : SEQUENCES[`${el.uri} ${el.local}`];
  if (seq) {
    const rank = new Map<string, number>();
    seq.forEach((s, i) => (Array.isArray(s) ? s : [s]).forEach((n) => rank.set(n, i)));
    let last = -1;
    let lastName = '';
    for (const c of el.children) {
      if (c.uri !== el.uri) continue;
      const r = rank.get(c.local);
      if (r === undefined) problems.push(`${part}: <${el.local}> holds <${c.local}>, which its schema does not allow`);
      else if (r < last) problems.push(`${part}: <${el.local}> has <${c.local}> after <${lastName}>; the schema's order puts it before`);
      else {
        last = r;
        lastName = c.local;
      }
    }
  }
  // A worksheet's cells are many; their own order is checked with the rows (rule 6).
  if (el.local === 'sheetData') return;
  for (const c of el.children) checkOrder(c, part, problems, el.local);
}

/** `B3` -> [row, col] 0-based; `B3:D7` -> bounds. */
function cell(ref: string): [number, number] | undefined {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(ref);
  if (!m) return undefined;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  return [Number(m[2]) - 1, col - 1];
}
function range(ref: string): { top: number; left: number; bottom: number; right: number } | undefined {
  const [a, b = a] = ref.split(':');
  const p = cell(a);
  const q = cell(b);
  return p && q ? { top: p[0], left: p[1], bottom: q[0], right: q[1] } : undefined;
}
const refText = (r: { top: number; left: number; bottom: number; right: number }) => {
  const col = (c: number) => {
    let s = '';
    for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    return s;
  };
  return `${col(r.left)}${r.top + 1}:${col(r.right)}${r.bottom + 1}`;
};

/** Excel's `_xHHHH_` escapes in cell text and names (`_x005F_` keeps a literal one). */
const excelDecode = (s: string) => s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
const textOf = (el: El | undefined): string => (el ? (el.local === 't' ? el.text : el.local === 'rPh' ? '' : el.children.map(textOf).join('')) : '');

/** The content type a part must have when a relationship of this type points at it. */
const SML = 'application/vnd.openxmlformats-officedocument.spreadsheetml';
const PART_TYPES: Record<string, string[]> = {
  officeDocument: [`${SML}.sheet.main+xml`, 'application/vnd.ms-excel.sheet.macroEnabled.main+xml', `${SML}.template.main+xml`, 'application/vnd.ms-excel.template.macroEnabled.main+xml'],
  worksheet: [`${SML}.worksheet+xml`],
  styles: [`${SML}.styles+xml`],
  sharedStrings: [`${SML}.sharedStrings+xml`],
  table: [`${SML}.table+xml`],
  comments: [`${SML}.comments+xml`],
  drawing: ['application/vnd.openxmlformats-officedocument.drawing+xml'],
  chart: ['application/vnd.openxmlformats-officedocument.drawingml.chart+xml'],
};

const RESERVED_SHEET_NAMES = ['history'];
const BUILT_IN_NUMFMT_MAX = 163;

/** Every rule above broken by the package, as messages naming the part (empty: the package passes). */
export async function checkWorkbook(bytes: Uint8Array): Promise<string[]> {
  const problems: string[] = [];
  const zip = await JSZip.loadAsync(bytes);
  const files = Object.keys(zip.files).filter((p) => !zip.files[p].dir);
  const lower = new Map(files.map((p) => [p.toLowerCase(), p]));
  const xmlParts = new Map<string, El>();
  for (const path of files) {
    // VML (legacy drawings of comments) is not XML in Excel's own files; it is left out.
    if (!/\.(xml|rels)$/i.test(path)) continue;
    const xml = await zip.file(path)!.async('string');
    const el = parse(xml);
    if (typeof el === 'string') problems.push(`${path}: not well-formed XML: ${el}`);
    else xmlParts.set(path, el);
  }

  // 2. Content types.
  const types = xmlParts.get('[Content_Types].xml');
  if (!types) problems.push('[Content_Types].xml is missing');
  else {
    const defaults = new Set(kids(types, 'Default', NS.ct).map((d) => (d.attrs.Extension ?? '').toLowerCase()));
    const overrides = new Set<string>();
    for (const o of kids(types, 'Override', NS.ct)) {
      const name = (o.attrs.PartName ?? '').replace(/^\//, '');
      if (!lower.has(name.toLowerCase())) problems.push(`[Content_Types].xml: an Override names /${name}, which is not in the package`);
      if (overrides.has(name.toLowerCase())) problems.push(`[Content_Types].xml: /${name} has two Overrides`);
      overrides.add(name.toLowerCase());
    }
    for (const p of files) {
      if (p === '[Content_Types].xml') continue;
      const ext = p.slice(p.lastIndexOf('.') + 1).toLowerCase();
      if (!overrides.has(p.toLowerCase()) && !defaults.has(ext)) problems.push(`${p} has no content type in [Content_Types].xml`);
    }
  }

  // 3. Relationships.
  const contentType = (part: string): string | undefined => {
    const o = kids(types, 'Override', NS.ct).find((x) => (x.attrs.PartName ?? '').replace(/^\//, '').toLowerCase() === part.toLowerCase());
    const ext = part.slice(part.lastIndexOf('.') + 1).toLowerCase();
    return o?.attrs.ContentType ?? kids(types, 'Default', NS.ct).find((d) => (d.attrs.Extension ?? '').toLowerCase() === ext)?.attrs.ContentType;
  };
  const relsOf = new Map<string, Map<string, { type: string; target: string; external: boolean }>>();
  for (const [path, el] of xmlParts) {
    const m = /^(.*?)_rels\/([^/]*)\.rels$/.exec(path);
    if (!m) continue;
    const source = `${m[1]}${m[2]}`;
    if (source !== '' && !lower.has(source.toLowerCase())) problems.push(`${path} lists the relationships of ${source}, which is not in the package`);
    const map = new Map<string, { type: string; target: string; external: boolean }>();
    for (const r of kids(el, 'Relationship', NS.pkgRel)) {
      const id = r.attrs.Id ?? '';
      if (map.has(id)) problems.push(`${path}: relationship id ${id} is used twice`);
      const external = r.attrs.TargetMode === 'External';
      const raw = r.attrs.Target ?? '';
      const target = external ? raw : raw.startsWith('/') ? raw.slice(1) : posix.normalize(posix.join(posix.dirname(source), decodeURI(raw)));
      if (!external && !lower.has(target.toLowerCase())) problems.push(`${path}: relationship ${id} points at ${target}, which is not in the package`);
      map.set(id, { type: REL_TYPE(r.attrs.Type ?? ''), target: lower.get(target.toLowerCase()) ?? target, external });
      const wanted = PART_TYPES[REL_TYPE(r.attrs.Type ?? '')];
      const has = external ? undefined : contentType(target);
      if (wanted && has !== undefined && !wanted.includes(has)) problems.push(`${target} is the ${REL_TYPE(r.attrs.Type ?? '')} of ${source || 'the package'} but its content type is ${has}`);
    }
    relsOf.set(source, map);
  }
  for (const [path, el] of xmlParts) {
    if (path.endsWith('.rels') || path === '[Content_Types].xml') continue;
    const rels = relsOf.get(path);
    const walk = (e: El) => {
      for (const [k, v] of Object.entries(e.attrs)) {
        if (k.startsWith(`{${NS.rel}}`) && v !== '' && !rels?.has(v)) problems.push(`${path}: <${e.local} ${k.replace(/^\{[^}]*\}/, 'r:')}="${v}"> names no relationship of the part`);
      }
      e.children.forEach(walk);
    };
    walk(el);
  }

  // 4. Element order, in every part with a sequence.
  for (const [path, el] of xmlParts) checkOrder(el, path, problems);

  // 5. The workbook and its sheets.
  const root = relsOf.get('');
  const workbookPath = [...(root?.values() ?? [])].find((r) => r.type === 'officeDocument')?.target;
  const workbook = workbookPath ? xmlParts.get(workbookPath) : undefined;
  if (!workbook || !workbookPath) return [...problems, 'the package has no workbook part'];
  const wbRels = relsOf.get(workbookPath) ?? new Map();
  const sheets = kids(kid(workbook, 'sheets'), 'sheet').map((s) => ({ name: s.attrs.name ?? '', sheetId: s.attrs.sheetId, state: s.attrs.state ?? 'visible', rel: wbRels.get(s.attrs[`{${NS.rel}}id`] ?? '') }));
  const names = new Set<string>();
  const ids = new Set<string>();
  for (const s of sheets) {
    if (s.name.length < 1 || s.name.length > 31 || /[[\]:*?/\\]/.test(s.name) || /^'|'$/.test(s.name) || RESERVED_SHEET_NAMES.includes(s.name.toLowerCase())) problems.push(`${workbookPath}: "${s.name}" is not a sheet name Excel accepts`);
    if (names.has(s.name.toLowerCase())) problems.push(`${workbookPath}: two sheets are named "${s.name}" (ignoring case)`);
    names.add(s.name.toLowerCase());
    if (!s.sheetId || ids.has(s.sheetId)) problems.push(`${workbookPath}: sheet "${s.name}" has a missing or repeated sheetId ${s.sheetId}`);
    ids.add(s.sheetId ?? '');
    if (!s.rel) problems.push(`${workbookPath}: sheet "${s.name}" has no relationship to its part`);
  }
  const visible = sheets.map((s) => s.state === 'visible');
  if (!visible.includes(true)) problems.push(`${workbookPath}: no sheet is visible`);
  for (const v of kids(kid(workbook, 'bookViews'), 'workbookView')) {
    for (const a of ['activeTab', 'firstSheet']) {
      const i = Number(v.attrs[a] ?? 0);
      if (!visible[i]) problems.push(`${workbookPath}: the view's ${a} is ${i}, ${i < sheets.length ? `the hidden sheet "${sheets[i].name}"` : 'no sheet'}`);
    }
  }

  // 7. Styles (what the cells may point at).
  const stylesPath = [...wbRels.values()].find((r) => r.type === 'styles')?.target;
  const styles = stylesPath ? xmlParts.get(stylesPath) : undefined;
  const listed = (section: string, item: string) => {
    const s = kid(styles, section);
    const items = kids(s, item);
    if (s && s.attrs.count !== undefined && Number(s.attrs.count) !== items.length) problems.push(`${stylesPath}: <${section} count="${s.attrs.count}"> holds ${items.length}`);
    return items;
  };
  const xfs = listed('cellXfs', 'xf');
  const dxfs = listed('dxfs', 'dxf');
  const fonts = listed('fonts', 'font').length;
  const fills = listed('fills', 'fill').length;
  const borders = listed('borders', 'border').length;
  const styleXfs = listed('cellStyleXfs', 'xf').length;
  const numFmts = new Set(listed('numFmts', 'numFmt').map((n) => Number(n.attrs.numFmtId)));
  xfs.forEach((xf, i) => {
    const bad = (a: string, n: number) => xf.attrs[a] !== undefined && !(Number(xf.attrs[a]) < n);
    if (bad('fontId', fonts) || bad('fillId', fills) || bad('borderId', borders) || bad('xfId', styleXfs)) problems.push(`${stylesPath}: cellXfs[${i}] names a font, fill, border or style that is not there`);
    const fmt = Number(xf.attrs.numFmtId ?? 0);
    if (fmt > BUILT_IN_NUMFMT_MAX && !numFmts.has(fmt)) problems.push(`${stylesPath}: cellXfs[${i}] uses number format ${fmt}, which numFmts does not define`);
  });
  const stringsPath = [...wbRels.values()].find((r) => r.type === 'sharedStrings')?.target;
  const strings = stringsPath ? kids(xmlParts.get(stringsPath), 'si').map((si) => excelDecode(textOf(si))) : [];

  // 6, 7, 8 per sheet; 9 per table.
  const tableIds = new Set<string>();
  const tableNames = new Set(kids(kid(workbook, 'definedNames'), 'definedName').map((d) => (d.attrs.name ?? '').toLowerCase()));
  for (const s of sheets) {
    if (!s.rel || s.rel.type !== 'worksheet') continue;
    const ws = xmlParts.get(s.rel.target);
    if (!ws) continue;
    const where = `${s.rel.target} (${s.name})`;
    const values = new Map<string, string>();
    let lastRow = 0;
    for (const row of kids(kid(ws, 'sheetData'), 'row')) {
      const r = row.attrs.r === undefined ? lastRow + 1 : Number(row.attrs.r);
      if (!(r > lastRow)) problems.push(`${where}: row ${r} comes after row ${lastRow}`);
      lastRow = r;
      if (row.attrs.s !== undefined && !(Number(row.attrs.s) < xfs.length)) problems.push(`${where}: row ${r} has style ${row.attrs.s}, past the ${xfs.length} cell formats`);
      let lastCol = -1;
      for (const c of kids(row, 'c')) {
        const at = c.attrs.r === undefined ? [r - 1, lastCol + 1] : cell(c.attrs.r);
        if (!at || at[0] !== r - 1) problems.push(`${where}: cell ${c.attrs.r} is in row ${r}`);
        else if (!(at[1] > lastCol)) problems.push(`${where}: cell ${c.attrs.r} is not right of the cell before it`);
        else lastCol = at[1];
        if (c.attrs.s !== undefined && !(Number(c.attrs.s) < xfs.length)) problems.push(`${where}: cell ${c.attrs.r} has style ${c.attrs.s}, past the ${xfs.length} cell formats`);
        const v = kid(c, 'v');
        if (c.attrs.t === 's' && !(Number(v?.text) < strings.length)) problems.push(`${where}: cell ${c.attrs.r} names shared string ${v?.text}, past the ${strings.length} strings`);
        if (at && c.attrs.r) values.set(c.attrs.r, c.attrs.t === 's' ? (strings[Number(v?.text)] ?? '') : c.attrs.t === 'inlineStr' ? excelDecode(textOf(kid(c, 'is'))) : (v?.text ?? ''));
      }
    }
    for (const col of kids(kid(ws, 'cols'), 'col')) if (col.attrs.style !== undefined && !(Number(col.attrs.style) < xfs.length)) problems.push(`${where}: columns ${col.attrs.min}-${col.attrs.max} have style ${col.attrs.style}, past the cell formats`);
    for (const cf of kids(ws, 'conditionalFormatting')) {
      for (const rule of kids(cf, 'cfRule')) if (rule.attrs.dxfId !== undefined && !(Number(rule.attrs.dxfId) < dxfs.length)) problems.push(`${where}: a conditional format uses dxfId ${rule.attrs.dxfId}, past the ${dxfs.length} differential formats`);
    }
    for (const [section, item] of [['tableParts', 'tablePart'], ['dataValidations', 'dataValidation'], ['mergeCells', 'mergeCell'], ['hyperlinks', 'hyperlink']] as const) {
      const sec = kid(ws, section);
      if (sec?.attrs.count !== undefined && Number(sec.attrs.count) !== kids(sec, item).length) problems.push(`${where}: <${section} count="${sec.attrs.count}"> holds ${kids(sec, item).length}`);
    }
    const ranges: { name: string; r: NonNullable<ReturnType<typeof range>> }[] = [];
    for (const rel of relsOf.get(s.rel.target)?.values() ?? []) {
      if (rel.type !== 'table') continue;
      const t = xmlParts.get(rel.target);
      if (!t) continue;
      const tw = `${rel.target} (table ${t.attrs.name} on ${s.name})`;
      const r = range(t.attrs.ref ?? '');
      if (!r) {
        problems.push(`${tw}: ref "${t.attrs.ref}" is no range`);
        continue;
      }
      if (tableIds.has(t.attrs.id ?? '')) problems.push(`${tw}: table id ${t.attrs.id} is used by another table`);
      tableIds.add(t.attrs.id ?? '');
      for (const n of new Set([t.attrs.name, t.attrs.displayName].map((x) => (x ?? '').toLowerCase()))) {
        if (tableNames.has(n)) problems.push(`${tw}: the name ${n} is taken by another table or defined name`);
        tableNames.add(n);
      }
      for (const o of ranges) if (!(r.right < o.r.left || o.r.right < r.left || r.bottom < o.r.top || o.r.bottom < r.top)) problems.push(`${tw}: overlaps table ${o.name}`);
      ranges.push({ name: t.attrs.name ?? '', r });
      const cols = kids(kid(t, 'tableColumns'), 'tableColumn');
      const count = kid(t, 'tableColumns')?.attrs.count;
      if (cols.length !== r.right - r.left + 1 || (count !== undefined && Number(count) !== cols.length)) problems.push(`${tw}: ${cols.length} columns (count="${count}") for a range ${r.right - r.left + 1} wide`);
      const headerRows = Number(t.attrs.headerRowCount ?? 1);
      const totals = Number(t.attrs.totalsRowCount ?? 0);
      const seen = new Set<string>();
      cols.forEach((c, i) => {
        const name = excelDecode(c.attrs.name ?? '');
        if (seen.has(name.toLowerCase())) problems.push(`${tw}: two columns are named "${name}"`);
        seen.add(name.toLowerCase());
        if (headerRows > 0) {
          const ref = refText({ top: r.top, left: r.left + i, bottom: r.top, right: r.left + i }).split(':')[0];
          const header = values.get(ref);
          if (header !== name) problems.push(`${tw}: column ${i + 1} is named ${JSON.stringify(name)}, its header cell ${ref} reads ${JSON.stringify(header ?? '')}`);
        }
      });
      const filter = kid(t, 'autoFilter');
      const expected = refText({ ...r, bottom: r.bottom - totals });
      if (filter && filter.attrs.ref !== expected) problems.push(`${tw}: the autoFilter covers ${filter.attrs.ref}; over the header and data rows of ${t.attrs.ref} it is ${expected}`);
    }
  }
  return problems;
}

/** Fails with every problem of the package, named after `label`. */
export async function expectValidWorkbook(bytes: Uint8Array, label: string): Promise<void> {
  const problems = await checkWorkbook(bytes);
  if (problems.length) throw new Error(`${label} breaks ${problems.length} rule(s) of the xlsx checker:\n  ${problems.slice(0, 30).join('\n  ')}`);
}

/**
 * A sheet's cells as text, rows from 1 and columns from A (numbers as written in the file), read with
 * the checker's own parser: a reader independent of Tierwise's, for files ExcelJS cannot read
 * (prefixed parts, openpyxl's absolute relationship targets).
 */
export async function sheetText(bytes: Uint8Array, sheet: string): Promise<string[][]> {
  const zip = await JSZip.loadAsync(bytes);
  const el = async (path: string) => {
    const f = zip.file(path);
    const e = f ? parse(await f.async('string')) : undefined;
    if (typeof e === 'string') throw new Error(`${path}: ${e}`);
    return e;
  };
  const relsOf = async (part: string) => {
    const rels = await el(posix.join(posix.dirname(part), '_rels', `${posix.basename(part)}.rels`));
    return kids(rels, 'Relationship', NS.pkgRel).map((r) => ({
      id: r.attrs.Id,
      type: REL_TYPE(r.attrs.Type ?? ''),
      target: (r.attrs.Target ?? '').startsWith('/') ? r.attrs.Target.slice(1) : posix.normalize(posix.join(posix.dirname(part), r.attrs.Target ?? '')),
    }));
  };
  const wbPath = (await relsOf('')).find((r) => r.type === 'officeDocument')!.target;
  const wb = await el(wbPath);
  const wbRels = await relsOf(wbPath);
  const entry = kids(kid(wb, 'sheets'), 'sheet').find((s) => s.attrs.name === sheet);
  if (!entry) throw new Error(`no sheet ${sheet}`);
  const sstPath = wbRels.find((r) => r.type === 'sharedStrings')?.target;
  const strings = sstPath ? kids(await el(sstPath), 'si').map((si) => excelDecode(textOf(si))) : [];
  const ws = await el(wbRels.find((r) => r.id === entry.attrs[`{${NS.rel}}id`])!.target);
  const out: string[][] = [];
  for (const row of kids(kid(ws, 'sheetData'), 'row')) {
    for (const c of kids(row, 'c')) {
      const at = cell(c.attrs.r ?? '');
      if (!at) continue;
      const v = kid(c, 'v')?.text ?? '';
      const text = c.attrs.t === 's' ? (strings[Number(v)] ?? '') : c.attrs.t === 'inlineStr' ? excelDecode(textOf(kid(c, 'is'))) : c.attrs.t === 'str' ? excelDecode(v) : v;
      (out[at[0]] ??= [])[at[1]] = text;
    }
  }
  return Array.from(out, (r) => Array.from(r ?? [], (v) => v ?? ''));
}
