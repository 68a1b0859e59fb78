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
