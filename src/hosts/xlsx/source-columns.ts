// Segment columns beside the source rows, spliced into the source sheet's XML: each row of the
// range gets its cells in the owned columns replaced (or added, in column order); every other cell,
// row attribute and element of the sheet stays as written. Works chunk by chunk at row boundaries.
import type { PlannedSourceColumns } from '../../plan/plan';
import { PackageError, REPAIR_ADVICE } from './package';
import { cellXml } from './sheet-xml';
import { cellRef, columnIndex, columnLetters, escapeXml, withPrefix } from './xml';
import { sheetDataStart, type Range } from './read';

const CHUNK_BYTES = 8 * 2 ** 20;

/**
 * The cells Tierwise writes on one sheet row (1-based), or undefined when the row is outside the
 * range. Rows below the new range but inside the old one get nothing: their old cells are removed.
 */
function plannedCells(p: PlannedSourceColumns, excelRow: number, headerStyle: number, clearThrough: number, prefix: string): string | undefined {
  const i = excelRow - p.headerRow;
  if (i < 0 || excelRow > Math.max(p.headerRow + p.rowCount, clearThrough)) return undefined;
  if (i > p.rowCount) return '';
  let out = '';
  for (let k = 0; k < p.columns.length; k++) {
    const col = p.column + k;
    out += i === 0 ? cellXml(excelRow - 1, col, p.columns[k].header, headerStyle) : cellXml(excelRow - 1, col, p.columns[k].values[i - 1], 0);
  }
  return withPrefix(out, prefix);
}

const CELL = /<(?:\w+:)?c\b[^>]*?(?:\/>|>[\s\S]*?<\/(?:\w+:)?c>)/g;

/** A cell holding something (a value, text or formula), not just a format. */
const HAS_CONTENT = /<(?:\w+:)?(?:v|is|f)[\s>]/;

/**
 * A row's body with the owned columns [from, to] replaced by `cells`. `replaced` hears of every
 * cell with content that goes, so a caller can refuse to overwrite what is not Tierwise's.
 */
export function spliceRow(body: string, from: number, to: number, cells: string, replaced?: (col: number, cellXml: string) => void): string {
  // Fast path: the last cell starts left of the owned columns (the usual case: nothing right of the source).
  // The last cell names its column (r="V7"), so no cell can sit right of it; cells without r before it do not matter.
  const last = body.lastIndexOf('<c ');
  if (last >= 0 && last === body.lastIndexOf('<c')) {
    const m = /^<c [^>]*?\br="([A-Z]+)\d*"/.exec(body.slice(last, last + 200));
    if (m && columnIndex(m[1]) < from) return body + cells;
  } else if (body.trim() === '') return cells;
  let before = '';
  let after = '';
  let col = -1;
  CELL.lastIndex = 0;
  for (let m = CELL.exec(body); m; m = CELL.exec(body)) {
    const ref = /^<[^>]*?\br="([A-Z]+)\d*"/.exec(m[0]);
    col = ref ? columnIndex(ref[1]) : col + 1;
    if (col < from) before += m[0];
    else if (col > to) after += m[0];
    else if (replaced && HAS_CONTENT.test(m[0])) replaced(col, m[0]);
  }
  return before + cells + after;
}

export interface SpliceResult {
  xml: Buffer;
  rowsWritten: number;
  /** The first cell with content Tierwise may not overwrite (nothing is to be written then). */
  conflict?: { column: number; row: number; cellXml: string };
}

/**
 * Writes the planned columns into a sheet part. `headerStyle` is a cellXfs index for the header
 * cells. `previous` is what an earlier run wrote there (its columns and last row are cleared first,
 * so a shorter source or fewer segment columns leave nothing stale behind).
 */
export function spliceSourceColumns(sheet: Uint8Array, p: PlannedSourceColumns, headerStyle = 0, previous?: { lastColumn: number; lastRow: number }): SpliceResult {
  // Cells an earlier run wrote (its columns, down to its last row) may be replaced; nothing else.
  const ownedLastColumn = previous?.lastColumn ?? -1;
  const ownedLastRow = previous?.lastRow ?? 0;
  let conflict: SpliceResult['conflict'];
  const buf = Buffer.from(sheet.buffer, sheet.byteOffset, sheet.byteLength);
  const from = p.column;
  const to = Math.max(p.column + p.columns.length - 1, previous?.lastColumn ?? -1);
  const firstRow = p.headerRow;
  const lastRow = p.headerRow + p.rowCount;
  const clearThrough = previous?.lastRow ?? 0;
  const lastTouched = Math.max(lastRow, clearThrough);
  const out: Buffer[] = [];
  let rowsWritten = 0;
  let nextPlanned = firstRow; // next 1-based row still to write
  let rowNumber = 0;
  // The sheet's own prefix on every element written into it (`<x:row>`, `<x:c>` from the Open XML SDK):
  // an unprefixed element there would be in no namespace at all.
  const data = sheetDataStart(buf);
  if (!data) throw new PackageError(`the source sheet has no <sheetData>: the file is damaged; ${REPAIR_ADVICE}`);
  const x = data.prefix;
  const closeRow = `</${x}row>`;
  const newRows = (upTo: number) => {
    let s = '';
    for (; nextPlanned <= Math.min(upTo, lastRow); nextPlanned++) {
      s += `<${x}row r="${nextPlanned}">${plannedCells(p, nextPlanned, headerStyle, clearThrough, x)}${closeRow}`;
      rowsWritten++;
    }
    return s;
  };
  let start = data.index;
  out.push(buf.subarray(0, start));
  const rowRe = /<(?:\w+:)?row\b([^>]*?)(\/)?>/g;
  const endRe = /<\/(?:\w+:)?row>/g;
  for (;;) {
    let end = start + CHUNK_BYTES >= buf.length ? buf.length : buf.indexOf(closeRow, start + CHUNK_BYTES);
    end = end < 0 || end === buf.length ? buf.length : end + closeRow.length;
    const text = buf.toString('utf8', start, end);
    let pieces = '';
    let copied = 0;
    rowRe.lastIndex = 0;
    for (let rm = rowRe.exec(text); rm; rm = rowRe.exec(text)) {
      const r = /\br="(\d+)"/.exec(rm[1]);
      rowNumber = r ? Number(r[1]) : rowNumber + 1;
      let bodyEnd = rm.index + rm[0].length;
      let closeEnd = bodyEnd;
      if (!rm[2]) {
        endRe.lastIndex = bodyEnd;
        const em = endRe.exec(text);
        if (!em) break;
        bodyEnd = em.index;
        closeEnd = em.index + em[0].length;
      }
      rowRe.lastIndex = closeEnd;
      if (rowNumber < firstRow || rowNumber > lastTouched) {
        if (rowNumber > lastRow && nextPlanned <= lastRow) {
          pieces += text.slice(copied, rm.index) + newRows(lastRow);
          copied = rm.index;
        }
        continue;
      }
      const cells = plannedCells(p, rowNumber, headerStyle, clearThrough, x) ?? '';
      const missing = newRows(rowNumber - 1);
      const openTag = rowNumber <= lastRow ? extendSpans(rm[0].replace(/\/>$/, '>'), p.column + p.columns.length) : rm[0].replace(/\/>$/, '>');
      const body = rm[2] ? '' : text.slice(rm.index + rm[0].length, bodyEnd);
      const row = rowNumber;
      const spliced = spliceRow(body, from, to, cells, (col, cellXml) => {
        if (!conflict && (col > ownedLastColumn || row > ownedLastRow)) conflict = { column: col, row, cellXml };
      });
      if (conflict) return { xml: Buffer.alloc(0), rowsWritten: 0, conflict };
      pieces += text.slice(copied, rm.index) + missing + openTag + spliced + (rm[2] ? closeRow : text.slice(bodyEnd, closeEnd));
      copied = closeEnd;
      nextPlanned = Math.max(nextPlanned, rowNumber + 1);
      if (rowNumber <= lastRow) rowsWritten++;
    }
    if (end === buf.length) {
      // Rows still owed go before </sheetData> (or into an empty <sheetData/>).
      const rest = text.slice(copied);
      const owed = newRows(lastRow);
      const closeData = rest.search(/<\/(?:\w+:)?sheetData>/);
      const emptyData = rest.search(/<(?:\w+:)?sheetData\s*\/>/);
      if (closeData >= 0) pieces += rest.slice(0, closeData) + owed + rest.slice(closeData);
      else if (emptyData >= 0) pieces += rest.replace(/<((?:\w+:)?)sheetData\s*\/>/, `<$1sheetData>${owed}</$1sheetData>`);
      else pieces += rest + owed;
      out.push(Buffer.from(pieces, 'utf8'));
      break;
    }
    pieces += text.slice(copied);
    out.push(Buffer.from(pieces, 'utf8'));
    start = end;
  }
  // The dimension sits in the part's head, before <sheetData>: fixed there, so the sheet is copied once.
  out[0] = fixDimension(out[0], p.column + p.columns.length - 1, lastRow);
  const xml = Buffer.concat(out);
  return { xml, rowsWritten };
}

/** `spans="1:21"` is an optional hint; keep it true for the widened row. */
function extendSpans(tag: string, lastCol1: number): string {
  return tag.replace(/\bspans="(\d+):(\d+)"/, (_, a: string, b: string) => `spans="${a}:${Math.max(Number(b), lastCol1)}"`);
}

/** Widens `<dimension ref>` (near the start of the part) to cover the new columns and rows. */
function fixDimension(xml: Buffer, lastCol: number, lastRow: number): Buffer {
  const head = xml.toString('utf8', 0, Math.min(xml.length, 4096));
  const m = /<(?:\w+:)?dimension\s+ref="([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?"\s*\/>/.exec(head);
  if (!m) return xml;
  const right = Math.max(columnIndex(m[3] ?? m[1]), lastCol);
  const bottom = Math.max(Number(m[4] ?? m[2]), lastRow);
  const replaced = m[0].replace(/ref="[^"]*"/, `ref="${m[1]}${m[2]}:${columnLetters(right)}${bottom}"`);
  const start = Buffer.byteLength(head.slice(0, m.index));
  return Buffer.concat([xml.subarray(0, start), Buffer.from(replaced), xml.subarray(start + Buffer.byteLength(m[0]))]);
}

/**
 * The source table widened to the owned columns: its ref, autoFilter and columns. Columns that
 * already exist keep their ids (a re-run), new ones get fresh ids. `ownedFrom` is the first column
 * an earlier run added (so fewer segment columns now make the table narrower again).
 */
export function widenTable(tableXml: string, range: Range & { totalsRows?: number }, p: PlannedSourceColumns, ownedFrom?: number): string {
  const from = p.column;
  const to = p.column + p.columns.length - 1;
  if (from > range.right + 1) return tableXml; // not adjacent: the columns stay outside the table
  // Columns an earlier run added are Tierwise's: the table ends where this run's columns end.
  const right = ownedFrom !== undefined && ownedFrom <= range.right ? to : Math.max(range.right, to);
  const ref = `${cellRef(range.top, range.left)}:${cellRef(range.bottom, right)}`;
  // The filter covers the header and the data body: a Total Row is below it (ECMA-376 18.5.1.2), or Excel repairs the table.
  const filterRef = `${cellRef(range.top, range.left)}:${cellRef(range.bottom - (range.totalsRows ?? 0), right)}`;
  const colsMatch = /<((?:\w+:)?)tableColumns\b[^>]*>([\s\S]*?)<\/(?:\w+:)?tableColumns>/.exec(tableXml);
  if (!colsMatch) return tableXml;
  const prefix = colsMatch[1];
  const existing = colsMatch[2].match(/<(?:\w+:)?tableColumn\b[^>]*?(?:\/>|>[\s\S]*?<\/(?:\w+:)?tableColumn>)/g) ?? [];
  let nextId = Math.max(0, ...existing.map((c) => Number(/\bid="(\d+)"/.exec(c)?.[1] ?? 0))) + 1;
  const cols: string[] = [];
  for (let c = range.left; c <= right; c++) {
    const i = c - range.left;
    if (c >= from && c <= to) {
      const id = i < existing.length ? Number(/\bid="(\d+)"/.exec(existing[i])?.[1] ?? nextId++) : nextId++;
      // Escaped as the header cell is (cellXml), so the column's name and its header read back the same.
      const name = escapeXml(String(p.columns[c - from].header));
      cols.push(`<${prefix}tableColumn id="${id}" name="${name}"/>`);
    } else cols.push(existing[i]);
  }
  return tableXml
    .replace(colsMatch[0], `<${prefix}tableColumns count="${cols.length}">${cols.join('')}</${prefix}tableColumns>`)
    .replace(/(<(?:\w+:)?table\b[^>]*?\bref=")[^"]*"/, `$1${ref}"`)
    .replace(/(<(?:\w+:)?autoFilter\b[^>]*?\bref=")[^"]*"/, `$1${filterRef}"`);
}
