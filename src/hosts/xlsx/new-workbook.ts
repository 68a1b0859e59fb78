// A new .xlsx package holding one sheet of values: how a CSV becomes a workbook the command line
// can add its sheets to (the demo, `tierwise segment sales.csv --out tiers.xlsx`), and how the
// benchmark writes a million lines. Rows are turned into XML a few megabytes at a time so a
// 1,048,576-row sheet never becomes one string.
import JSZip from 'jszip';
import type { DecimalSeparator } from '../../engine/parse/number';
import type { Cell } from '../../engine/types';
import { validSheetName } from '../../plan/names';
import { cellXml } from './sheet-xml';
import { MINIMAL_STYLES, StyleBook } from './styles';
import { cellRef, CONTENT_TYPE, escapeXml, NS, REL } from './xml';

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const CHUNK_CHARS = 4 * 2 ** 20;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
/**
 * Plain decimals, with thousands groups, in the file's decimal separator: `007` or `1e5` stay text, as an
 * identifier or a code should. Without a separator the file proves, whole numbers only: `1.234` and
 * `1,234` (a thousand, or one) stay text, so the engine reads them with the setting and says so.
 */
const PLAIN_NUMBER = {
  '.': /^-?(?:0|[1-9]\d{0,2}(?:,\d{3})+|[1-9]\d{0,14})(?:\.\d+)?$/,
  ',': /^-?(?:0|[1-9]\d{0,2}(?:\.\d{3})+|[1-9]\d{0,14})(?:,\d+)?$/,
  none: /^-?(?:0|[1-9]\d{0,14})$/,
};

/**
 * A cell read from a CSV as a spreadsheet would hold it: numbers, ISO dates as serial numbers, the rest
 * text. `decimal` is the separator the file's text proves (detectDecimal), as Excel opens a CSV with its
 * locale's: with a comma, `1.234,50` is 1234.5 and `1.234` a thousand.
 */
export function csvCell(text: string, decimal?: DecimalSeparator): { value: Cell; date: boolean } {
  const iso = ISO_DAY.exec(text);
  if (iso) {
    const t = Date.UTC(Number(iso[1]), Number(iso[2]) - 1, Number(iso[3]));
    if (Number.isFinite(t)) return { value: t / 86_400_000 + 25_569, date: true };
  }
  if (PLAIN_NUMBER[decimal ?? 'none'].test(text)) {
    const group = decimal === ',' ? /\./g : /,/g;
    return { value: Number(text.replace(group, '').replace(',', '.')), date: false };
  }
  return { value: text, date: false };
}

/** Bytes of a workbook with one sheet: `rows[0]` is the header; `isDate(row, col)` marks cells to format as dates. */
export async function newWorkbook(sheetName: string, rows: Iterable<readonly Cell[]>, isDate?: (row: number, col: number) => boolean): Promise<Buffer> {
  const styles = new StyleBook(MINIMAL_STYLES);
  const dateStyle = styles.cellStyle({ numberFormat: 'yyyy-mm-dd' });
  const bold = styles.cellStyle({ font: 'bold' });
  const chunks: Buffer[] = [];
  let text = '';
  let r = 0;
  let width = 0;
  for (const row of rows) {
    let line = `<row r="${r + 1}">`;
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      line += cellXml(r, c, v === undefined ? null : v, r === 0 ? bold : isDate?.(r, c) ? dateStyle : 0);
    }
    text += `${line}</row>`;
    if (row.length > width) width = row.length;
    r++;
    if (text.length > CHUNK_CHARS) {
      chunks.push(Buffer.from(text, 'utf8'));
      text = '';
    }
  }
  chunks.push(Buffer.from(text, 'utf8'));
  const head = `${XML}<worksheet xmlns="${NS.main}" xmlns:r="${NS.rel}"><dimension ref="A1:${cellRef(Math.max(0, r - 1), Math.max(0, width - 1))}"/><sheetViews><sheetView workbookViewId="0" tabSelected="1"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/><sheetData>`;
  const tail = `</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;
  const sheet = Buffer.concat([Buffer.from(head), ...chunks, Buffer.from(tail)]);

  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    `${XML}<Types xmlns="${NS.contentTypes}"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="${CONTENT_TYPE.worksheet}"/><Override PartName="/xl/styles.xml" ContentType="${CONTENT_TYPE.styles}"/></Types>`,
  );
  zip.file('_rels/.rels', `${XML}<Relationships xmlns="${NS.pkgRel}"><Relationship Id="rId1" Type="${REL.officeDocument}" Target="xl/workbook.xml"/></Relationships>`);
  zip.file(
    'xl/workbook.xml',
    `${XML}<workbook xmlns="${NS.main}" xmlns:r="${NS.rel}"><bookViews><workbookView activeTab="0"/></bookViews><sheets><sheet name="${escapeXml(validSheetName(sheetName, 'Sales'))}" sheetId="1" r:id="rId1"/></sheets><calcPr calcId="191029"/></workbook>`,
  );
  zip.file(
    'xl/_rels/workbook.xml.rels',
    `${XML}<Relationships xmlns="${NS.pkgRel}"><Relationship Id="rId1" Type="${REL.worksheet}" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL.styles}" Target="styles.xml"/></Relationships>`,
  );
  zip.file('xl/styles.xml', styles.xml());
  zip.file('xl/worksheets/sheet1.xml', sheet);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}
