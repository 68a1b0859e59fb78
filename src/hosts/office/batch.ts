// Writes packed into syncs: work is queued until the next piece would pass the block budget, then
// one sync sends it all. Each sync suspends calculation and screen updating where Excel can.
// Nothing counts as written until the sync that carried it came back.
import type { Cell } from '../../engine/types';
import type { PlanValue } from '../../plan/plan';
import { a1, type Features } from './excel';
import { BLOCK_BUDGET, rowBytes } from './payload';

export class Batcher {
  private bytes = 0;
  private queued = 0;
  private labels: (() => void)[] = [];
  /** Syncs that carried writes. */
  syncs = 0;
  /**
   * Whether a sync suspends calculation. Off while writing into the user's sheet: Excel does not
   * recalculate what a suspended write changed ("the developer's responsibility to re-calc"), so a
   * user's formula over a segment column would show the previous run's segments.
   */
  suspendCalculation = true;

  constructor(
    readonly ctx: Excel.RequestContext,
    private readonly features: Features,
    private readonly signal?: AbortSignal,
  ) {}

  /** Queues `work` (costing about `bytes` on the wire); `done` runs once the sync carrying it succeeded. */
  async add(bytes: number, work: () => void, done?: () => void): Promise<void> {
    if (this.queued > 0 && this.bytes + bytes > BLOCK_BUDGET) await this.flush();
    if (this.queued === 0) this.suspend();
    work();
    this.bytes += bytes;
    this.queued++;
    if (done) this.labels.push(done);
  }

  async flush(): Promise<void> {
    if (this.queued === 0) return;
    this.signal?.throwIfAborted();
    await this.ctx.sync();
    this.syncs++;
    const labels = this.labels;
    this.bytes = 0;
    this.queued = 0;
    this.labels = [];
    for (const done of labels) done();
  }

  private suspend(): void {
    const app = this.ctx.workbook.application;
    if (this.features.conditionalFormats && this.suspendCalculation) app.suspendApiCalculationUntilNextSync();
    if (this.features.screenUpdating) app.suspendScreenUpdatingUntilNextSync();
  }
}

/** Text format: a string written into an '@' cell stays exactly those characters (never a formula, number or date). */
export const TEXT_FORMAT = '@';
const GENERAL = 'General';

/** Excel reads null in a values array as "leave this cell"; Tierwise means "empty". */
const cellOf = (v: PlanValue | Cell): string | number | boolean => (v === null || v === undefined ? '' : v);

/**
 * Writes a grid at (row, column) in chunks of rows that fit the budget. Each chunk sets the number
 * formats first and then the values, in the same sync: every string cell gets the Text format, so
 * `=HYPERLINK(...)`, `+1`, `-cmd` or `@SUM(A1)` stay text; other cells get their column's format.
 */
export async function writeGrid(
  batcher: Batcher,
  sheet: Excel.Worksheet,
  row: number,
  column: number,
  values: readonly (readonly (PlanValue | Cell)[])[],
  formatOf: (r: number, c: number) => string | undefined,
  written?: (rowsDone: number) => void,
): Promise<void> {
  const width = values[0]?.length ?? 0;
  if (width === 0) return;
  let start = 0;
  while (start < values.length) {
    let bytes = 64;
    let end = start;
    const vals: (string | number | boolean)[][] = [];
    const fmts: string[][] = [];
    while (end < values.length) {
      const src = values[end];
      const v = new Array<string | number | boolean>(width);
      const f = new Array<string>(width);
      for (let c = 0; c < width; c++) {
        v[c] = cellOf(src[c]);
        f[c] = typeof v[c] === 'string' ? TEXT_FORMAT : (formatOf(end, c) ?? GENERAL);
      }
      const cost = rowBytes(v) + rowBytes(f);
      if (end > start && bytes + cost > BLOCK_BUDGET) break;
      vals.push(v);
      fmts.push(f);
      bytes += cost;
      end++;
    }
    const at = a1(row + start, column, end - start, width);
    const rowsDone = end;
    await batcher.add(
      bytes,
      () => {
        const range = sheet.getRange(at);
        range.numberFormat = fmts;
        range.values = vals;
      },
      written && (() => written(rowsDone)),
    );
    start = end;
  }
}
