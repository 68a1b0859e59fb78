// A small CSV reader for the playground's sample (RFC 4180: quotes, doubled quotes, line breaks in
// quotes). Cells come out as Excel would hand them over: numbers as numbers, ISO dates as serials.
import type { Cell } from '../../engine/types';

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const NUMBER = /^-?\d+(\.\d+)?(e-?\d+)?$/i;
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      field = '';
      if (row.length > 1 || row[0] !== '') rows.push(row);
      row = [];
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Excel's view of a text cell: `2016-11-08` is the serial 42682, `261.96` a number, the rest text. */
export function excelCell(v: string): Cell {
  const iso = ISO_DAY.exec(v);
  if (iso) return Math.round((Date.UTC(Number(iso[1]), Number(iso[2]) - 1, Number(iso[3])) - EXCEL_EPOCH) / 86_400_000);
  return v !== '' && NUMBER.test(v) ? Number(v) : v;
}

/** Header row as text, data rows as Excel cells. */
export function csvGrid(text: string): Cell[][] {
  return parseCsv(text).map((row, r) => (r === 0 ? row : row.map(excelCell)));
}
