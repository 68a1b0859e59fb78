// Reading cells straight from the sheet XML, the way Excel's `range.values` hands them over:
// numbers (dates as serial numbers: that is how the file stores them), text, booleans, error codes
// as text, '' for empty. The sheet part is decoded a few megabytes at a time at row boundaries, so a
// full 1,048,576-row sheet never becomes one giant string and never becomes an object per cell.
import type { Cell } from '../../engine/types';
import { PackageError, REPAIR_ADVICE, type SheetEntry, type XlsxPackage } from './package';
import { attributes, closingTag, columnIndex, findTags, REL, unescapeXml } from './xml';

/** Sheet XML beyond this (unpacked) does not fit comfortably in memory once parsed. */
export const MAX_SHEET_XML_BYTES = 1536 * 2 ** 20;
const CHUNK_BYTES = 8 * 2 ** 20;

export interface TableEntry {
  name: string;
  /** Part path of the table definition. */
  path: string;
  sheet: SheetEntry;
  /** 0-based inclusive bounds of the table's range, header row included. */
  top: number;
  left: number;
  bottom: number;
  right: number;
  headerRows: number;
  totalsRows: number;
  id: number;
  /** The table's filter hides rows (see autoFilterHidesRows). */
  filtered: boolean;
}

export interface Range {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** `B2:H100` -> 0-based inclusive bounds; a reference that is none (a damaged part) is refused with what to do. */
export function parseRange(ref: string): Range {
  const range = readRange(ref);
  if (!range) throw new PackageError(`the workbook holds an unreadable cell range "${ref}": it may be damaged; ${REPAIR_ADVICE}`);
  return range;
}

/** `B2:H100` -> 0-based inclusive bounds, or undefined when the text is no range. */
export function readRange(ref: string): Range | undefined {
  const [a, b = a] = ref.replace(/\$/g, '').split(':');
  const cell = (s: string) => {
    const m = /^([A-Z]+)(\d+)$/i.exec(s);
    return m ? { col: columnIndex(m[1].toUpperCase()), row: Number(m[2]) - 1 } : undefined;
  };
  const p = cell(a);
  const q = cell(b);
  if (!p || !q) return undefined;
  return { top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) };
}

export async function sharedStrings(pkg: XlsxPackage): Promise<string[]> {
  const rels = await pkg.relationships(pkg.workbookPath);
  const rel = rels.find((r) => r.type === REL.sharedStrings);
  const xml = rel ? await pkg.text(rel.target) : undefined;
  if (!xml) return [];
  const out: string[] = [];
  const re = /<(?:\w+:)?si>([\s\S]*?)<\/(?:\w+:)?si>|<(?:\w+:)?si\s*\/>/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) out.push(m[1] === undefined ? '' : runText(m[1]));
  return out;
}

/** Text of `<t>` elements in a string item (plain or rich), leaving out phonetic runs. */
function runText(body: string): string {
  if (body.startsWith('<t>') && body.indexOf('<', 3) === body.length - 4) return unescapeXml(body.slice(3, -4));
  const cleaned = body.indexOf('rPh') >= 0 ? body.replace(/<(?:\w+:)?rPh[\s\S]*?<\/(?:\w+:)?rPh>/g, '') : body;
  let text = '';
  const re = /<(?:\w+:)?t(?:\s[^>]*)?>([^<]*)<\/(?:\w+:)?t>/g;
  for (let m = re.exec(cleaned); m; m = re.exec(cleaned)) text += m[1];
  return unescapeXml(text);
}

export async function tablesOf(pkg: XlsxPackage, sheets: SheetEntry[]): Promise<TableEntry[]> {
  const out: TableEntry[] = [];
  for (const sheet of sheets) {
    for (const rel of await pkg.relationships(sheet.path)) {
      if (rel.type !== REL.table) continue;
      const xml = await pkg.text(rel.target);
      const tag = xml ? findTags(xml, 'table')[0] : undefined;
      if (!tag) continue;
      const a = attributes(tag.tag);
      const r = parseRange(a.ref ?? 'A1');
      out.push({
        name: a.displayName ?? a.name ?? '',
        path: rel.target,
        sheet,
        ...r,
        headerRows: a.headerRowCount === undefined ? 1 : Number(a.headerRowCount),
        totalsRows: Number(a.totalsRowCount ?? 0),
        id: Number(a.id ?? 0),
        filtered: autoFilterHidesRows(xml ?? ''),
      });
    }
  }
  return out;
}

/**
 * Whether the first `<autoFilter>` of a table part, or of a sheet after its cells, hides rows: a
 * `<filterColumn>` with criteria inside it. A self-closing `<filterColumn hiddenButton="1"/>` only hides a
 * button, and the autoFilters of custom views come after the sheet's own.
 */
export function autoFilterHidesRows(xml: string): boolean {
  const open = findTags(xml, 'autoFilter')[0];
  if (!open || open.tag.endsWith('/>')) return false;
  const close = closingTag(xml.slice(open.index), 'autoFilter');
  const body = xml.slice(open.index, close ? open.index + close.index : xml.length);
  return findTags(body, 'filterColumn').some((f) => !f.tag.endsWith('/>'));
}

/** An OOXML boolean attribute that is set: `1` or `true`. */
export const isOn = (value: string | undefined): boolean => value === '1' || value === 'true';

/** `<sheetProtection sheet="1" .../>` after a sheet's cells: Review > Protect Sheet is on. */
export function protectsCells(afterCells: string): boolean {
  const tag = findTags(afterCells, 'sheetProtection')[0];
  return tag !== undefined && isOn(attributes(tag.tag).sheet);
}

/** A sheet's XML after its cells (`</sheetData>` on), where its autoFilter is: small, whatever the sheet's size. */
export function afterSheetData(bytes: Uint8Array): string {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = buffer.lastIndexOf('sheetData>');
  return at < 0 ? '' : buffer.toString('utf8', at);
}

/**
 * The sheet's rows as text, about CHUNK_BYTES at a time and always cut after a whole row, so a sheet
 * of a million rows is never one string (V8 refuses strings past 512 MB) and no row is split.
 */
function* rowChunks(buf: Buffer): Generator<string> {
  const data = sheetDataStart(buf);
  const closeRow = `</${data?.prefix ?? ''}row>`;
  let start = data?.index ?? 0;
  while (start < buf.length) {
    let end = start + CHUNK_BYTES >= buf.length ? buf.length : buf.indexOf(closeRow, start + CHUNK_BYTES);
    end = end < 0 ? buf.length : end === buf.length ? end : end + closeRow.length;
    yield buf.toString('utf8', start, end);
    start = end;
  }
}

/**
 * Where a sheet part's `<sheetData>` starts and the prefix its elements carry (`x:` as the Open XML
 * SDK writes them, '' usually), found in the bytes without decoding the part.
 */
export function sheetDataStart(buf: Buffer): { index: number; prefix: string } | undefined {
  for (let at = buf.indexOf('sheetData'); at >= 0; at = buf.indexOf('sheetData', at + 9)) {
    const lt = buf.lastIndexOf('<', at);
    if (lt < 0 || at - lt > 64) continue;
    const m = /^<([\w.-]+:)?$/.exec(buf.toString('latin1', lt, at));
    const next = buf[at + 9];
    // `<sheetData>`, `<sheetData/>` or with attributes; not `<sheetDataX` nor a closing tag.
    if (m && (next === 0x3e || next === 0x2f || next === 0x20 || next === 0x09 || next === 0x0a || next === 0x0d)) return { index: lt, prefix: m[1] ?? '' };
  }
  return undefined;
}

/** Serial number of an ISO date (`t="d"` cells), in the 1900 date system. */
function isoToSerial(iso: string): number | string {
  const t = Date.parse(/[zZ]|[+-]\d\d:\d\d$/.test(iso) || iso.length <= 10 ? iso : `${iso}Z`);
  return Number.isFinite(t) ? t / 86400000 + 25569 : iso;
}

/** What a cell holds, from its `t` attribute and its `<v>` / `<is>` body. */
function cellOf(type: string | undefined, body: string | undefined, strings: readonly string[]): Cell {
  if (body === undefined) return '';
  if (type === 'inlineStr') return runText(body);
  const m = /<(?:\w+:)?v>([^<]*)<\/(?:\w+:)?v>/.exec(body);
  if (!m) return '';
  const v = m[1];
  switch (type) {
    case 's':
      return strings[Number(v)] ?? '';
    case 'b':
      return v === '1' || v === 'true';
    case 'str':
    case 'e':
      return unescapeXml(v);
    case 'd':
      return isoToSerial(v);
    default: {
      const n = Number(v);
      return v === '' ? '' : Number.isFinite(n) ? n : unescapeXml(v);
    }
  }
}

/** The value of one `<c>` element as written in a sheet part. */
export function cellXmlValue(cellXml: string, strings: readonly string[]): Cell {
  const m = /^<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)$/.exec(cellXml);
  if (!m) return '';
  return cellOf(/\bt="(\w+)"/.exec(m[1])?.[1], m[2], strings);
}

export interface Grid {
  /** Rows by 0-based sheet row; each row's cells by 0-based sheet column (sparse: holes are empty cells). */
  rows: Cell[][];
  top: number;
  left: number;
  bottom: number;
  right: number;
  /**
   * Cells holding a formula but no saved result (a file written by a program that does not calculate,
   * such as openpyxl or pandas): they read as empty. How many, and the first (0-based), when any.
   */
  uncalculated?: { count: number; row: number; column: number };
}

/**
 * Every cell inside `bounds` (all cells when none). Rows are returned from the first non-empty row;
 * the caller makes them dense.
 */
export function readSheetXml(xml: Uint8Array, strings: readonly string[], bounds?: Range, onRows?: (rows: number) => void): Grid {
  const buf = Buffer.from(xml.buffer, xml.byteOffset, xml.byteLength);
  const rows: Cell[][] = [];
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  let rowIndex = -1;
  let uncalculated: Grid['uncalculated'];
  const rowRe = /<(?:\w+:)?row\b([^>]*?)(\/)?>/g;
  const cellRe = /<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)|<\/(?:\w+:)?row>/g;
  for (const text of rowChunks(buf)) {
    rowRe.lastIndex = 0;
    for (let rm = rowRe.exec(text); rm; rm = rowRe.exec(text)) {
      const r = /\br="(\d+)"/.exec(rm[1]);
      rowIndex = r ? Number(r[1]) - 1 : rowIndex + 1;
      if (rm[2]) continue;
      const inRows = !bounds || (rowIndex >= bounds.top && rowIndex <= bounds.bottom);
      let colIndex = -1;
      let values: Cell[] | undefined;
      cellRe.lastIndex = rowRe.lastIndex;
      for (let cm = cellRe.exec(text); cm; cm = cellRe.exec(text)) {
        if (cm[1] === undefined) break; // </row>
        const a = cm[1];
        const ref = /\br="([A-Z]+)\d*"/.exec(a);
        colIndex = ref ? columnIndex(ref[1]) : colIndex + 1;
        if (!inRows || (bounds && (colIndex < bounds.left || colIndex > bounds.right))) continue;
        const t = /\bt="(\w+)"/.exec(a);
        const v = cellOf(t?.[1], cm[2], strings);
        if (v === '') {
          // A formula without a result (no <v>, or an empty one openpyxl writes): empty to Tierwise, as to
          // Excel until it calculates; counted, so the reader can say why. An empty text result is t="str".
          if (cm[2] !== undefined && t?.[1] !== 'str' && /<(?:\w+:)?f\b/.test(cm[2])) {
            if (uncalculated) uncalculated.count++;
            else uncalculated = { count: 1, row: rowIndex, column: colIndex };
          }
          continue;
        }
        (values ??= [])[colIndex] = v;
        if (colIndex < left) left = colIndex;
        if (colIndex > right) right = colIndex;
      }
      // No </row> left in this chunk (a damaged part): stop rather than read the chunk again.
      rowRe.lastIndex = cellRe.lastIndex === 0 ? text.length : cellRe.lastIndex;
      if (values) {
        if (top === Infinity) top = rowIndex;
        bottom = rowIndex;
        rows[rowIndex - top] = values;
      }
    }
    onRows?.(rowIndex + 1);
  }
  return { rows, top: top === Infinity ? -1 : top, left: left === Infinity ? -1 : left, bottom, right, uncalculated };
}

/**
 * Sparse grid -> dense rectangle from (top, left) to (bottom, right). The grid is consumed: rows
 * that start at column A are filled in place (a million rows are not copied a second time).
 */
export function denseRows(grid: Grid, bounds?: Range): Cell[][] {
  const top = bounds?.top ?? grid.top;
  const left = bounds?.left ?? grid.left;
  const bottom = bounds?.bottom ?? grid.bottom;
  const right = bounds?.right ?? grid.right;
  const width = right - left + 1;
  const out: Cell[][] = new Array(Math.max(0, bottom - top + 1));
  for (let r = top; r <= bottom; r++) {
    const src = grid.rows[r - grid.top];
    let row: Cell[];
    if (src && left === 0 && src.length <= width) {
      row = src;
      for (let c = 0; c < width; c++) if (row[c] === undefined) row[c] = '';
    } else {
      row = new Array(width);
      for (let c = 0; c < width; c++) row[c] = src?.[left + c] ?? '';
    }
    out[r - top] = row;
  }
  return out;
}

/**
 * The style index (`s`, into the styles part's cellXfs) of each cell in `rows` rows from the 0-based
 * sheet row `top`, for the columns `left` to `left + columns - 1` (0 where a cell has none). Only
 * the part of the sheet up to the last of those rows is decoded: the first rows tell a column's format.
 */
export function cellStyleIds(xml: Uint8Array, top: number, left: number, columns: number, rows: number): number[][] {
  const out = Array.from({ length: rows }, () => new Array<number>(columns).fill(0));
  if (rows <= 0 || columns <= 0) return out;
  const buf = Buffer.from(xml.buffer, xml.byteOffset, xml.byteLength);
  const rowRe = /<(?:\w+:)?row\b([^>]*?)(\/)?>/g;
  const cellRe = /<(?:\w+:)?c\b([^>]*?)(?:\/>|>[\s\S]*?<\/(?:\w+:)?c>)|<\/(?:\w+:)?row>/g;
  let rowIndex = -1;
  for (const text of rowChunks(buf)) {
    if (rowIndex >= top + rows - 1) break;
    rowRe.lastIndex = 0;
    for (let rm = rowRe.exec(text); rm; rm = rowRe.exec(text)) {
      const r = /\br="(\d+)"/.exec(rm[1]);
      rowIndex = r ? Number(r[1]) - 1 : rowIndex + 1;
      if (rowIndex >= top + rows) return out;
      if (rm[2]) continue;
      let colIndex = -1;
      cellRe.lastIndex = rowRe.lastIndex;
      for (let cm = cellRe.exec(text); cm; cm = cellRe.exec(text)) {
        if (cm[1] === undefined) break; // </row>
        const ref = /\br="([A-Z]+)\d*"/.exec(cm[1]);
        colIndex = ref ? columnIndex(ref[1]) : colIndex + 1;
        const s = /\bs="(\d+)"/.exec(cm[1]);
        if (s && rowIndex >= top && colIndex >= left && colIndex < left + columns) out[rowIndex - top][colIndex - left] = Number(s[1]);
      }
      rowRe.lastIndex = cellRe.lastIndex === 0 ? text.length : cellRe.lastIndex;
    }
  }
  return out;
}
