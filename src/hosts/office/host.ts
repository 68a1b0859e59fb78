// WorkbookHost on Excel (office-js). Every call is one `Excel.run`; reads and writes go in row
// blocks sized to stay under Excel on the web's payload limits (see docs/excel-host.md).
import { columnFormats, FORMAT_SAMPLE_ROWS } from '../../engine/money-format';
import type { Cell, Issue, SourceTable } from '../../engine/types';
import type { ApplyReport, PreviousRun, RunOptions, SourceInfo, SourceRef, StoredConfig, WorkbookHost } from '../host';
import { SETTINGS_CONFIG, SETTINGS_OWNED, ownedText } from '../../plan/owned';
import type { SheetRole, WorkbookPlan } from '../../plan/plan';
import { readPreviousRun } from '../../plan/previous';
import { sourceColumnHeader } from '../../plan/planner';
import { hiddenRowsNote, noHeaderRow, SourceProblem, sourceFromGrid } from '../../plan/source-check';
import { applyPlan } from './apply';
import { a1, detectFeatures, ExcelBusyError, globalRun, globalSupports, splitAddress, withRetries, type Features, type Run, type Supports } from './excel';
import { readBlocks, type BlockCounter, type Rect } from './read';
import { adoptedSettings, ownedSheetIds, queueRecords, queueRecordsWrite, queueSettingsSheet } from './records';

/** What the last call cost; the benchmark reads it. */
export interface HostCounters {
  readBlocks: number;
  previousBlocks: number;
  writeBlocks: number;
}

interface Located extends Rect {
  sheet: string;
  tableName?: string;
}

const problem = (where: string, message: string) => new SourceProblem([{ severity: 'error', where, message }]);

/**
 * What Excel knows of the source beyond its values, asked in one sync after the read (nothing is written).
 *
 * The date system: `range.values` hands over serials as the workbook counts them, and a workbook in the
 * 1904 date system (old Excel for Mac files) counts 1,462 days fewer. office.js has no property for it,
 * so Excel evaluates DATE(1904, 1, 1): 0 in the 1904 system, 1,462 in the 1900 system (Functions API,
 * ExcelApi 1.2). Undefined when Excel does not answer: the 1900 system is then assumed, and
 * locale.date1904 in the configuration decides.
 *
 * Whether the user's filter hides rows (AutoFilter, ExcelApi 1.9): a warning (hiddenRowsNote says why).
 *
 * The number formats of the first data rows (Range.numberFormat, en-US codes): the sales column's
 * currency is the one Tierwise writes its amounts in. Asked here rather than with the first block of
 * values, so a block that Excel finds too large and the reader halves never loses them.
 */
async function sourceFacts(ctx: Excel.RequestContext, source: SourceTable, features: Features): Promise<{ date1904?: boolean; notes: Issue[]; numberFormats?: (string | undefined)[] }> {
  try {
    const day = ctx.workbook.functions.date(1904, 1, 1).load('value, error');
    const owner = source.tableName ? ctx.workbook.tables.getItem(source.tableName) : ctx.workbook.worksheets.getItem(source.sheet);
    const filter = features.autoFilter ? owner.autoFilter.load('isDataFiltered') : undefined;
    const sample = Math.min(source.rows.length, FORMAT_SAMPLE_ROWS);
    const columns = source.header.length;
    // origin.row is the header's 1-based row: the data starts on the 0-based row of the same number.
    const formats = sample > 0 && columns > 0 ? ctx.workbook.worksheets.getItem(source.sheet).getRange(a1(source.origin.row, source.origin.column, sample, columns)).load('numberFormat') : undefined;
    await ctx.sync();
    const date1904 = day.error ? undefined : day.value === 0 ? true : day.value === 1462 ? false : undefined;
    const codes = formats?.numberFormat as unknown[][] | undefined;
    const numberFormats = codes ? columnFormats(source.rows, columns, (r, c) => (typeof codes[r]?.[c] === 'string' ? (codes[r][c] as string) : undefined)) : undefined;
    return { date1904, notes: filter?.isDataFiltered ? [hiddenRowsNote(source, source.tableName)] : [], numberFormats };
  } catch {
    return { date1904: undefined, notes: [] }; // nothing known; the run does not depend on it
  }
}

export class OfficeHost implements WorkbookHost {
  readonly counters: HostCounters = { readBlocks: 0, previousBlocks: 0, writeBlocks: 0 };
  /**
   * Pauses (ms) before each further try when Excel answers "not now" (throttled, session expired,
   * the user typing in a cell, busy): three more tries over about 8 seconds, then the user is told
   * what to do. Settable so tests need not wait.
   */
  retryDelays: readonly number[] = [500, 2_000, 5_000];
  private readonly features: Features;
  private readonly run: Run;

  constructor(run: Run = globalRun, supports: Supports = globalSupports) {
    this.features = detectFeatures(supports);
    this.run = (batch) => withRetries(run, batch, this.retryDelays);
  }

  async listSources(): Promise<SourceInfo[]> {
    return this.run(async (ctx) => {
      const recordsAfterSync = queueRecords(ctx);
      const tables = ctx.workbook.tables.load('items/name, items/worksheet/id');
      await ctx.sync();
      const records = await recordsAfterSync();
      const mine = ownedSheetIds(records);
      const userTables = tables.items.filter((t) => !mine.has(t.worksheet.id));
      const bodies = userTables.map((t) => t.getDataBodyRange().load('rowCount'));
      const userSheets = records.sheets.filter((s) => s.visibility === 'Visible' && !mine.has(s.id));
      const used = userSheets.map((s) => ctx.workbook.worksheets.getItem(s.id).getUsedRangeOrNullObject(true).load('rowCount'));
      await ctx.sync();
      const n = (x: number) => x.toLocaleString('en-US');
      const out: SourceInfo[] = userTables.map((t, i) => ({ ref: { kind: 'table', name: t.name }, label: `Table ${t.name} (${n(bodies[i].rowCount)} rows)`, rows: bodies[i].rowCount }));
      userSheets.forEach((s, i) => {
        const rows = used[i].isNullObject ? 0 : Math.max(0, used[i].rowCount - 1);
        out.push({ ref: { kind: 'sheet', name: s.name }, label: `Sheet ${s.name} (${n(rows)} rows)`, rows });
      });
      out.push({ ref: { kind: 'selection' }, label: 'The selection' });
      return out;
    });
  }

  /** Where the source is: a table's range, a sheet's used range, or the used part of the selection. */
  private async locate(ctx: Excel.RequestContext, ref: SourceRef): Promise<Located> {
    const props = 'rowIndex, columnIndex, rowCount, columnCount';
    switch (ref.kind) {
      case 'table': {
        const table = ctx.workbook.tables.getItemOrNullObject(ref.name).load('name, showHeaders');
        await ctx.sync();
        if (table.isNullObject) throw problem(ref.name, `there is no table named ${ref.name}: pick another source`);
        if (!table.showHeaders) throw new SourceProblem([noHeaderRow(table.name)]);
        // The header and the data body: a Total Row (SUBTOTAL of every line) is no sale.
        const header = table.getHeaderRowRange().load(props);
        const body = table.getDataBodyRange().load('rowCount');
        const sheet = table.worksheet.load('name');
        await ctx.sync();
        return { sheet: sheet.name, tableName: table.name, row: header.rowIndex, column: header.columnIndex, rows: 1 + body.rowCount, columns: header.columnCount };
      }
      case 'sheet': {
        const sheet = ctx.workbook.worksheets.getItemOrNullObject(ref.name).load('name');
        await ctx.sync();
        if (sheet.isNullObject) throw problem(ref.name, `there is no sheet named ${ref.name}: pick another source`);
        const used = sheet.getUsedRangeOrNullObject(true).load(props);
        await ctx.sync();
        if (used.isNullObject) throw problem(`${sheet.name}!A1`, 'the sheet is empty: Tierwise needs a header row and at least one line');
        return { sheet: sheet.name, row: used.rowIndex, column: used.columnIndex, rows: used.rowCount, columns: used.columnCount };
      }
      case 'selection': {
        const selected = ctx.workbook.getSelectedRange();
        const sheet = selected.worksheet.load('name');
        // A selection of whole columns (A:H) means the data in them, not 1,048,576 rows.
        const used = selected.getUsedRangeOrNullObject(true).load(props);
        await ctx.sync();
        if (used.isNullObject) throw problem(sheet.name, 'the selection is empty: select the sales range, header row included');
        return { sheet: sheet.name, row: used.rowIndex, column: used.columnIndex, rows: used.rowCount, columns: used.columnCount };
      }
    }
  }

  async readSource(ref: SourceRef, options?: RunOptions): Promise<SourceTable> {
    const counter: BlockCounter = { blocks: 0 };
    try {
      return await this.run(async (ctx) => {
        const recordsAfterSync = queueRecords(ctx);
        const at = await this.locate(ctx, ref); // its first sync carries the records too
        const { owned } = await recordsAfterSync();
        const sheet = ctx.workbook.worksheets.getItem(at.sheet);
        const grid = await readBlocks(ctx, sheet, at, counter, options);
        const source = sourceFromGrid(at.sheet, at.row + 1, at.column, grid, owned.sourceColumns, at.tableName);
        const facts = await sourceFacts(ctx, source, this.features);
        return { ...source, date1904: facts.date1904, notes: [...(source.notes ?? []), ...facts.notes], numberFormats: facts.numberFormats };
      });
    } finally {
      this.counters.readBlocks = counter.blocks;
    }
  }

  async readPrevious(): Promise<PreviousRun | undefined> {
    const counter: BlockCounter = { blocks: 0 };
    try {
      return await this.readPreviousWith(counter);
    } finally {
      this.counters.previousBlocks = counter.blocks;
    }
  }

  private readPreviousWith(counter: BlockCounter): Promise<PreviousRun | undefined> {
    return this.run(async (ctx) => {
      const recordsAfterSync = queueRecords(ctx);
      await ctx.sync();
      const { owned } = await recordsAfterSync();
      const roles: SheetRole[] = ['history', 'tiers'];
      const sheets = roles.map((role) => {
        const id = owned.sheets[role]?.id;
        return id ? ctx.workbook.worksheets.getItemOrNullObject(id).load('name') : undefined;
      });
      if (sheets.every((s) => s === undefined)) return undefined;
      await ctx.sync();
      const used = sheets.map((s) => (s && !s.isNullObject ? s.getUsedRangeOrNullObject(true).load('rowIndex, columnIndex, rowCount, columnCount') : undefined));
      await ctx.sync();
      const grids: (Cell[][] | undefined)[] = [];
      for (let i = 0; i < roles.length; i++) {
        const u = used[i];
        // From A1, so rows and columns sit where the planner put them.
        grids.push(u && !u.isNullObject ? await readBlocks(ctx, sheets[i]!, { row: 0, column: 0, rows: u.rowIndex + u.rowCount, columns: u.columnIndex + u.columnCount }, counter, undefined, 'previous') : undefined);
      }
      return readPreviousRun({ history: grids[0], tiers: grids[1] });
    });
  }

  async apply(plan: WorkbookPlan, options?: RunOptions): Promise<ApplyReport> {
    const counter: BlockCounter = { blocks: 0 };
    try {
      return await this.run((ctx) => applyPlan(ctx, plan, this.features, counter, options));
    } catch (e) {
      // Every try stopped on a "not now" from Excel; each left the workbook as a failed run does.
      if (e instanceof ExcelBusyError) return { written: [], renamed: [], issues: [{ severity: 'error', where: 'Tierwise', message: e.message }], complete: false };
      throw e;
    } finally {
      this.counters.writeBlocks = counter.blocks;
    }
  }

  /**
   * The configuration text exactly as stored (an invalid or newer one included: the pane decides,
   * the text stays): from `workbook.settings`, else from the command line's Tierwise Settings sheet.
   */
  async loadConfig(): Promise<StoredConfig | undefined> {
    return this.run(async (ctx) => {
      const recordsAfterSync = queueRecords(ctx);
      await ctx.sync();
      const { config } = await recordsAfterSync();
      return config === undefined ? undefined : { text: config };
    });
  }

  /**
   * Saves the configuration; records that were only on the settings sheet go into
   * `workbook.settings` with it (the command line, finding the add-in's settings in the saved file,
   * reads nothing else), and the sheet is kept in step.
   */
  async saveConfig(text: string): Promise<void> {
    await this.run(async (ctx) => {
      const recordsAfterSync = queueRecords(ctx, true);
      await ctx.sync();
      const records = await recordsAfterSync();
      const values = adoptedSettings(records);
      values.set(SETTINGS_CONFIG, text);
      queueRecordsWrite(ctx, records, values);
      queueSettingsSheet(ctx, records, new Map([[SETTINGS_CONFIG, text], [SETTINGS_OWNED, ownedText(records.owned)]]));
      await ctx.sync();
    });
  }

  async segmentColumnTypes(): Promise<string[]> {
    return this.run(async (ctx) => {
      const recordsAfterSync = queueRecords(ctx);
      await ctx.sync();
      const { owned } = await recordsAfterSync();
      const suffix = sourceColumnHeader('');
      return (owned.sourceColumns?.headers ?? []).filter((h) => h.endsWith(suffix)).map((h) => h.slice(0, -suffix.length));
    });
  }

  async selectCell(address: string): Promise<void> {
    const { sheet, local } = splitAddress(address);
    await this.run(async (ctx) => {
      const ws = sheet ? ctx.workbook.worksheets.getItem(sheet) : ctx.workbook.worksheets.getActiveWorksheet();
      ws.activate();
      ws.getRange(local).select();
      await ctx.sync();
    });
  }
}
