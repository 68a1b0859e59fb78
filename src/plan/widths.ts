// Column widths from the contents of Tierwise's tables (pure). A column is as wide as the widest
// table value in it, in characters, never from a title, the scope sentence or a problem's message
// (those run over the cells to their right: PlannedBlock.overflow). The xlsx host writes the
// widths; the office host lets Excel autofit each column on the block that is widest in it, so
// Excel's own font measures the text.
import { literalLength } from '../engine/money-format';
import type { PlannedBlock, PlannedSheet, PlanValue } from './plan';

export interface ColumnFit {
  /** 0-based column on the sheet. */
  column: number;
  /** The rows (0-based, on the sheet) of the block whose contents set the width. */
  row: number;
  rows: number;
  /** Width in characters of the default font, padding included. */
  width: number;
}

/** Narrowest and widest a column is made: Excel's default is 8.43; 60 keeps a table on one screen. */
export const MIN_WIDTH = 8;
export const MAX_WIDTH = 60;
/** Rows of a block measured: the header and the first rows tell the width; a million rows need not be read. */
const SAMPLE_ROWS = 500;

/** Characters a value shows with its number format: `1,839,080.00`, `49.9%`, `A`. */
export function shownLength(v: PlanValue, format?: string): number {
  if (v === null || v === undefined) return 0;
  if (typeof v === 'boolean') return v ? 4 : 5;
  if (typeof v === 'string') return v.split('\n').reduce((n, line) => Math.max(n, line.length), 0);
  if (!Number.isFinite(v)) return 7;
  const f = format ?? 'General';
  const percent = f.includes('%');
  const decimals = /\.(0+)/.exec(f)?.[1].length ?? (f === 'General' ? Math.min(9, (String(v).split('.')[1] ?? '').length) : 0);
  const n = percent ? v * 100 : v;
  const int = String(Math.trunc(Math.abs(n))).length;
  const grouped = f.includes(',') ? int + Math.floor((int - 1) / 3) : int;
  return (n < 0 ? 1 : 0) + grouped + (decimals > 0 ? decimals + 1 : 0) + (percent ? 1 : 0) + literalLength(f);
}

function overflows(b: PlannedBlock, c: number): boolean {
  return b.title === true || b.overflow === 'all' || (Array.isArray(b.overflow) && b.overflow.includes(c));
}

/** Per column that a table block fills: the width its widest block needs, and where that block is. */
export function columnFits(sheet: Pick<PlannedSheet, 'blocks'>): ColumnFit[] {
  const best = new Map<number, ColumnFit & { chars: number }>();
  for (const b of sheet.blocks) {
    const width = b.values[0]?.length ?? 0;
    if (width === 0) continue;
    const first = b.header || b.table ? 1 : 0;
    const rows = b.values.slice(0, SAMPLE_ROWS);
    for (let c = 0; c < width; c++) {
      if (overflows(b, c)) continue;
      let chars = 0;
      rows.forEach((r, i) => {
        chars = Math.max(chars, shownLength(r[c] ?? null, i >= first ? b.numberFormats?.[c] : undefined));
      });
      // A table's header carries Excel's filter button: room for it.
      if (b.table) chars = Math.max(chars, shownLength(rows[0]?.[c] ?? null) + 3);
      const column = b.column + c;
      const had = best.get(column);
      if (!had || chars > had.chars) best.set(column, { column, row: b.row, rows: b.values.length, chars, width: Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, chars + 2)) });
    }
  }
  return [...best.values()].sort((a, b) => a.column - b.column).map(({ column, row, rows, width }) => ({ column, row, rows, width }));
}
