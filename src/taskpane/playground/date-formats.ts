// Apart from sample.ts, which imports the bundled CSV as a web asset (jest cannot load it).
import type { Cell } from '../../engine/types';

/**
 * The sample's date columns as Excel would carry them: serial numbers with a date format, so the grid
 * shows 2014-01-03 and not 41642. A column is a date column when its header says "date" (Order Date,
 * Ship Date); only its numeric cells get the format, as Excel formats cells, not text.
 */
export function dateFormats(grid: Cell[][]): Map<string, string> {
  const formats = new Map<string, string>();
  const columns = (grid[0] ?? []).flatMap((h, c) => (/\bdate\b/i.test(String(h ?? '')) ? [c] : []));
  for (let r = 1; r < grid.length; r++) for (const c of columns) if (typeof grid[r][c] === 'number') formats.set(`${r},${c}`, 'yyyy-mm-dd');
  return formats;
}

/** The US dollar, as Excel in English (United States) formats a Currency cell. */
export const SAMPLE_MONEY_FORMAT = '"$"#,##0.00';

/**
 * The sample's money columns (Sales, Profit: Superstore is a US store) in Excel's Currency format, so
 * the pane and the written summary show dollars as they would for a workbook formatted so.
 */
export function moneyFormats(grid: Cell[][]): Map<string, string> {
  const formats = new Map<string, string>();
  const columns = (grid[0] ?? []).flatMap((h, c) => (/^(sales|profit)$/i.test(String(h ?? '').trim()) ? [c] : []));
  for (let r = 1; r < grid.length; r++) for (const c of columns) if (typeof grid[r][c] === 'number') formats.set(`${r},${c}`, SAMPLE_MONEY_FORMAT);
  return formats;
}
