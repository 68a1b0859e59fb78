// Sizes of what travels between the add-in and Excel, and the row blocks derived from them. Excel on
// the web refuses a request or a response over 5 MB and a read over 5,000,000 cells; the host aims
// well under both (3.5 MB, a quarter of the cells) so that one block is one sync.

/** What one block aims at: under the limit with room for the protocol's own bytes and a bad estimate. */
export const BLOCK_BUDGET = 3_500_000;
export const READ_CELL_LIMIT = 5_000_000;
/** The first read block, before anything is known of the data: 20,000 rows of 8 columns, fewer when wider. */
export const FIRST_BLOCK_CELLS = 160_000;
export const MAX_BLOCK_ROWS = 50_000;
/** Before any row is seen, a cell is assumed to cost this many bytes (a 20-character text). */
const ASSUMED_CELL_BYTES = 22;

/** JSON bytes of one cell value (UTF-8; escapes counted). */
export function cellBytes(v: unknown): number {
  switch (typeof v) {
    case 'string': {
      let n = v.length + 2;
      for (let i = 0; i < v.length; i++) {
        const c = v.charCodeAt(i);
        if (c < 0x20) n += 5;
        else if (c === 0x22 || c === 0x5c) n += 1;
        else if (c > 0x7f) n += c > 0x7ff ? 2 : 1;
      }
      return n;
    }
    case 'number':
      return Number.isFinite(v) ? String(v).length : 4;
    case 'boolean':
      return v ? 4 : 5;
    default:
      return 4;
  }
}

/** JSON bytes of one row of a 2-D array, with its brackets and the comma after it. */
export function rowBytes(row: readonly unknown[]): number {
  let n = 2 + row.length;
  for (let i = 0; i < row.length; i++) n += cellBytes(row[i]);
  return n;
}

/** Rows in the first read block of a range `columns` wide: 5,000-20,000 for usual widths, always under the cell limit. */
export function firstReadRows(columns: number): number {
  const byCells = Math.floor(FIRST_BLOCK_CELLS / Math.max(1, columns));
  const byBytes = Math.floor(BLOCK_BUDGET / (Math.max(1, columns) * ASSUMED_CELL_BYTES + 2));
  return Math.max(1, Math.min(MAX_BLOCK_ROWS, byCells, byBytes));
}

/**
 * Rows in the next read block, from what the last block cost: bytes per row measured on a sample
 * (every row up to 500, then evenly spaced), the largest sampled row counted so that long texts
 * clustered in the unsampled rows are less likely to push a block over the limit.
 */
export function nextReadRows(values: readonly (readonly unknown[])[], columns: number): number {
  if (values.length === 0) return firstReadRows(columns);
  const step = Math.max(1, Math.floor(values.length / 500));
  let sum = 0;
  let max = 0;
  let n = 0;
  for (let r = 0; r < values.length; r += step) {
    const b = rowBytes(values[r]);
    sum += b;
    max = Math.max(max, b);
    n++;
  }
  const perRow = Math.max(sum / n, max / 2, 1);
  const byCells = Math.floor(READ_CELL_LIMIT / 4 / Math.max(1, columns));
  return Math.max(1, Math.min(MAX_BLOCK_ROWS, byCells, Math.floor(BLOCK_BUDGET / perRow)));
}
