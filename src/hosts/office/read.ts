// Reading a rectangle of cells in row blocks: one sync per block, each block sized from what the
// last one cost, halved and retried when Excel still finds a response too large. Cancel is checked
// between blocks; progress is reported after each.
import type { Cell } from '../../engine/types';
import type { RunOptions } from '../host';
import { a1, errorCode } from './excel';
import { firstReadRows, nextReadRows } from './payload';

/** 0-based rectangle on a sheet. */
export interface Rect {
  row: number;
  column: number;
  rows: number;
  columns: number;
}

export interface BlockCounter {
  blocks: number;
}

export async function readBlocks(
  ctx: Excel.RequestContext,
  sheet: Excel.Worksheet,
  rect: Rect,
  counter: BlockCounter,
  options?: RunOptions,
  stage = 'read',
): Promise<Cell[][]> {
  const out: Cell[][] = [];
  let size = firstReadRows(rect.columns);
  let done = 0;
  while (done < rect.rows) {
    options?.signal?.throwIfAborted();
    const n = Math.min(size, rect.rows - done);
    const range = sheet.getRange(a1(rect.row + done, rect.column, n, rect.columns)).load('values');
    try {
      await ctx.sync();
    } catch (e) {
      if (errorCode(e) === 'ResponsePayloadSizeLimitExceeded' && n > 1) {
        size = Math.ceil(n / 2);
        continue;
      }
      throw e;
    }
    const values = range.values as Cell[][];
    for (let i = 0; i < values.length; i++) out.push(values[i]);
    done += n;
    counter.blocks++;
    options?.progress?.(done, rect.rows, stage);
    size = nextReadRows(values, rect.columns);
  }
  return out;
}
