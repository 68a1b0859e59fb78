// A planned sheet -> worksheet XML (and table parts). Text is always an inline string
// (t="inlineStr"): a customer named "=HYPERLINK(...)" or "-5 % off" stays text in every program.
import { columnFits } from '../../plan/widths';
import type { PlanValue, PlannedBlock, PlannedSheet } from '../../plan/plan';
import { argb, type StyleBook } from './styles';
import { cellRef, columnLetters, escapeXml, NS } from './xml';

export interface PlannedTablePart {
  name: string;
  ref: string;
  columns: string[];
  style: string;
  /** Filled in by the caller: workbook-wide unique id and the relationship id from the sheet. */
  id?: number;
  relId?: string;
}

export interface SheetXml {
  /** Worksheet XML with `{{TABLE_PARTS}}` where the table parts go. */
  xml: string;
  tables: PlannedTablePart[];
  /** What could not be written as planned. */
  notes: string[];
}

const MAX_LIST_FORMULA = 255;

/** One cell; `''` and null write nothing unless the cell has a style. */
export function cellXml(row: number, col: number, value: PlanValue | undefined, style: number): string {
  const r = cellRef(row, col);
  const s = style ? ` s="${style}"` : '';
  if (typeof value === 'string' && value !== '') {
    const space = /^\s|\s$|\n/.test(value) ? ' xml:space="preserve"' : '';
    return `<c r="${r}"${s} t="inlineStr"><is><t${space}>${escapeXml(value)}</t></is></c>`;
  }
  if (typeof value === 'number' && Number.isFinite(value)) return `<c r="${r}"${s}><v>${value}</v></c>`;
  if (typeof value === 'boolean') return `<c r="${r}"${s} t="b"><v>${value ? 1 : 0}</v></c>`;
  return s ? `<c r="${r}"${s}/>` : '';
}

/** Header texts as a table needs them: text, not empty, unique ignoring case. */
export function tableColumnNames(header: readonly PlanValue[]): string[] {
  const seen = new Set<string>();
  return header.map((h, i) => {
    const base = h === null || h === undefined || String(h).trim() === '' ? `Column${i + 1}` : String(h).replace(/[\r\n]+/g, ' ');
    let name = base;
    for (let k = 2; seen.has(name.toLowerCase()); k++) name = `${base}${k}`;
    seen.add(name.toLowerCase());
    return name;
  });
}

interface Placed {
  col: number;
  xml: string;
}

/** Width in characters per column, from the tables' contents only (src/plan/widths.ts). */
function widths(blocks: readonly PlannedBlock[]): Map<number, number> {
  return new Map(columnFits({ blocks: [...blocks] }).map((f) => [f.column, f.width]));
}

export function sheetXml(sheet: PlannedSheet, styles: StyleBook): SheetXml {
  const notes: string[] = [];
  const rows = new Map<number, Placed[]>();
  const tables: PlannedTablePart[] = [];
  const formats: string[] = [];
  const validations: string[] = [];
  /** Links to places in the workbook: a `location`, no relationship part (that is for web addresses). */
  const links: string[] = [];
  let priority = 1;
  let maxRow = 0;
  let maxCol = 0;
  const place = (r: number, c: number, xml: string) => {
    if (!xml) return;
    let list = rows.get(r);
    if (!list) rows.set(r, (list = []));
    list.push({ col: c, xml });
    if (r > maxRow) maxRow = r;
    if (c > maxCol) maxCol = c;
  };

  for (const b of sheet.blocks) {
    const hasHeader = b.header === true || b.table !== undefined;
    const titleStyle = b.title ? styles.cellStyle({ font: 'title' }) : 0;
    const headerStyle = hasHeader && !b.table ? styles.cellStyle({ font: 'bold' }) : 0;
    const width = b.values.reduce((w, r) => Math.max(w, r.length), 0);
    const dataStyles = Array.from({ length: width }, (_, c) => (b.numberFormats?.[c] ? styles.cellStyle({ numberFormat: b.numberFormats[c] }) : 0));
    const linked = new Set((b.links ?? []).map((l) => `${l.row},${l.column}`));
    for (const l of b.links ?? []) {
      links.push(`<hyperlink ref="${cellRef(b.row + l.row, b.column + l.column)}" location="${escapeXml(l.target)}" tooltip="${escapeXml(`Go to ${l.target}`)}"/>`);
    }
    const linkStyles = Array.from({ length: linked.size > 0 ? width : 0 }, (_, c) => styles.cellStyle({ numberFormat: b.numberFormats?.[c], font: 'link' }));
    b.values.forEach((values, i) => {
      const r = b.row + i;
      for (let c = 0; c < values.length; c++) {
        const style = b.title ? titleStyle : hasHeader && i === 0 ? headerStyle : linked.has(`${i},${c}`) ? linkStyles[c] : dataStyles[c];
        const v = values[c];
        place(r, b.column + c, cellXml(r, b.column + c, hasHeader && i === 0 && b.table ? tableColumnNames(values)[c] : v, v === null || v === '' ? 0 : style));
      }
    });
    const first = b.row + (hasHeader ? 1 : 0);
    const last = Math.max(first, b.row + b.values.length - 1);
    const dataRef = (c: number) => `${cellRef(first, b.column + c)}:${cellRef(last, b.column + c)}`;
    if (b.table && width > 0) {
      const ref = `${cellRef(b.row, b.column)}:${cellRef(last, b.column + width - 1)}`;
      tables.push({ name: b.table.name, ref, columns: tableColumnNames(b.values[0] ?? []), style: b.table.style ?? 'TableStyleMedium2' });
      if (b.values.length < 2) maxRow = Math.max(maxRow, last);
    }
    for (const f of b.conditionalFills ?? []) {
      const rules = f.rules.map(
        (rule) =>
          `<cfRule type="cellIs" dxfId="${styles.dxf({ fill: rule.fill, font: rule.font })}" priority="${priority++}" operator="equal"><formula>${escapeXml(`"${rule.text.replace(/"/g, '""')}"`)}</formula></cfRule>`,
      );
      if (rules.length) formats.push(`<conditionalFormatting sqref="${dataRef(f.column)}">${rules.join('')}</conditionalFormatting>`);
    }
    const scale = b.colorScale;
    if (scale) {
      const ref = `${cellRef(first, b.column + scale.firstColumn)}:${cellRef(last, b.column + scale.lastColumn)}`;
      formats.push(
        `<conditionalFormatting sqref="${ref}"><cfRule type="colorScale" priority="${priority++}"><colorScale><cfvo type="min"/><cfvo type="max"/><color rgb="${argb(scale.low)}"/><color rgb="${argb(scale.high)}"/></colorScale></cfRule></conditionalFormatting>`,
      );
    }
    for (const d of b.dropDowns ?? []) {
      const formula = `"${d.list.join(',')}"`;
      if (d.list.some((s) => s.includes(',') || s.includes('"')) || formula.length > MAX_LIST_FORMULA) {
        notes.push(`no drop-down on column ${columnLetters(b.column + d.column)}: the segment names contain a comma or a quote, or are longer than Excel's 255-character list`);
        continue;
      }
      validations.push(
        `<dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1" errorStyle="warning" errorTitle="Tierwise" error="Pick a segment from the list, or leave the cell empty." sqref="${dataRef(d.column)}"><formula1>${escapeXml(formula)}</formula1></dataValidation>`,
      );
    }
  }

  const sorted = [...rows.keys()].sort((a, b) => a - b);
  const data = sorted.map((r) => {
    const cells = rows.get(r)!.sort((a, b) => a.col - b.col);
    return `<row r="${r + 1}">${cells.map((c) => c.xml).join('')}</row>`;
  });
  const w = widths(sheet.blocks);
  const cols = [...w.entries()].sort((a, b) => a[0] - b[0]).map(([c, width]) => `<col min="${c + 1}" max="${c + 1}" width="${width}" customWidth="1"/>`);
  const freeze = sheet.freezeRows
    ? `<pane ySplit="${sheet.freezeRows}" topLeftCell="${cellRef(sheet.freezeRows, 0)}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="${cellRef(sheet.freezeRows, 0)}" sqref="${cellRef(sheet.freezeRows, 0)}"/>`
    : '';
  const xml = [
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n`,
    `<worksheet xmlns="${NS.main}" xmlns:r="${NS.rel}">`,
    `<dimension ref="A1:${cellRef(maxRow, maxCol)}"/>`,
    `<sheetViews><sheetView workbookViewId="0">${freeze}</sheetView></sheetViews>`,
    `<sheetFormatPr defaultRowHeight="15"/>`,
    cols.length ? `<cols>${cols.join('')}</cols>` : '',
    `<sheetData>${data.join('')}</sheetData>`,
    formats.join(''),
    validations.length ? `<dataValidations count="${validations.length}">${validations.join('')}</dataValidations>` : '',
    links.length ? `<hyperlinks>${links.join('')}</hyperlinks>` : '',
    `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>`,
    '{{TABLE_PARTS}}',
    `</worksheet>`,
  ].join('');
  return { xml, tables, notes };
}

export function tablePartsXml(tables: readonly PlannedTablePart[]): string {
  return tables.length ? `<tableParts count="${tables.length}">${tables.map((t) => `<tablePart r:id="${t.relId}"/>`).join('')}</tableParts>` : '';
}

export function tableXml(t: PlannedTablePart): string {
  const cols = t.columns.map((c, i) => `<tableColumn id="${i + 1}" name="${escapeXml(c)}"/>`).join('');
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<table xmlns="${NS.main}" id="${t.id}" name="${escapeXml(t.name)}" displayName="${escapeXml(t.name)}" ref="${t.ref}" headerRowCount="1" totalsRowShown="0">` +
    `<autoFilter ref="${t.ref}"/><tableColumns count="${t.columns.length}">${cols}</tableColumns>` +
    `<tableStyleInfo name="${escapeXml(t.style)}" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`
  );
}
