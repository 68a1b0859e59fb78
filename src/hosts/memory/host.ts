// WorkbookHost on a MemoryWorkbook: the same rules as the office host (owned sheets and columns,
// text stays text, a changed source is noticed), without Excel's limits.
import { columnFormats } from '../../engine/money-format';
import { rangeAddress } from '../../engine/address';
import type { Cell, Issue, SourceTable } from '../../engine/types';
import type { ApplyReport, PreviousRun, RunOptions, SourceInfo, SourceRef, StoredConfig, WorkbookHost } from '../host';
import { freeSheetName, freeTableName } from '../../plan/names';
import { parseOwned, ownedText, SETTINGS_CONFIG, SETTINGS_OWNED, type OwnedState } from '../../plan/owned';
import { drawableCharts, writtenSheet, type PlannedSheet, type WorkbookPlan } from '../../plan/plan';
import { readPreviousRun } from '../../plan/previous';
import { SourceProblem, sourceFingerprint, sourceFromGrid } from '../../plan/source-check';
import { cellAt, rowValues, setCell, usedHeight, usedWidth, type MemorySheet, type MemoryWorkbook } from './workbook';

interface Rect { sheet: MemorySheet; row: number; column: number; rows: number; columns: number; tableName?: string }

/** Rows between two looks at the clock: cheap enough to look, small enough to stay under the budget. */
const ROWS_PER_LOOK = 1024;
/** Longest stretch of work before the page gets a turn: under a frame, far under the 50 ms of a long task. */
const TURN_MS = 12;

/** Called after each row; a promise when the page is given a turn. */
type Pace = (row: number) => Promise<void> | undefined;

/**
 * Gives the page a turn every `turnMs` of work, as the Excel host does between `context.sync()` calls.
 * The playground reads and writes a million cells here, and doing it in one go blocked the pane for
 * about a second (docs/performance.md). Call it every row; it looks at the clock every ROWS_PER_LOOK.
 */
function pacer(turnMs: number): Pace {
  let since = Date.now();
  return (row) => {
    if (row % ROWS_PER_LOOK !== ROWS_PER_LOOK - 1 || Date.now() - since < turnMs) return undefined;
    return new Promise((resolve) =>
      setTimeout(() => {
        since = Date.now();
        resolve();
      }, 0),
    );
  };
}

export class MemoryHost implements WorkbookHost {
  /** `turnMs`: work between two turns given to the page (0: a turn every ROWS_PER_LOOK rows). */
  constructor(
    readonly workbook: MemoryWorkbook,
    private readonly options: { turnMs?: number } = {},
  ) {}

  private pacer(): Pace {
    return pacer(this.options.turnMs ?? TURN_MS);
  }

  private owned(): OwnedState {
    return parseOwned(this.workbook.settings.get(SETTINGS_OWNED));
  }

  private ownedSheetIds(): Set<string> {
    return new Set(Object.values(this.owned().sheets).flatMap((s) => (s?.id ? [s.id] : [])));
  }

  async listSources(): Promise<SourceInfo[]> {
    const wb = this.workbook;
    const mine = this.ownedSheetIds();
    const out: SourceInfo[] = wb.tables
      .filter((t) => !mine.has(t.sheetId))
      .map((t) => ({ ref: { kind: 'table', name: t.name }, label: `Table ${t.name} (${t.rows.toLocaleString('en-US')} rows)`, rows: t.rows }));
    for (const s of wb.sheets) {
      if (!s.visible || mine.has(s.id)) continue;
      const rows = Math.max(0, usedHeight(s) - 1);
      out.push({ ref: { kind: 'sheet', name: s.name }, label: `Sheet ${s.name} (${rows.toLocaleString('en-US')} rows)`, rows });
    }
    if (wb.selection) out.push({ ref: { kind: 'selection' }, label: 'The selection' });
    return out;
  }

  private rect(ref: SourceRef): Rect {
    const wb = this.workbook;
    switch (ref.kind) {
      case 'table': {
        const t = wb.tables.find((x) => x.name.toLowerCase() === ref.name.toLowerCase());
        const sheet = t && wb.sheets.find((s) => s.id === t.sheetId);
        if (!t || !sheet) throw new SourceProblem([{ severity: 'error', where: ref.name, message: `there is no table named ${ref.name}` }]);
        return { sheet, row: t.row, column: t.column, rows: t.rows + 1, columns: t.columns, tableName: t.name };
      }
      case 'sheet': {
        const sheet = wb.sheet(ref.name);
        if (!sheet) throw new SourceProblem([{ severity: 'error', where: ref.name, message: `there is no sheet named ${ref.name}` }]);
        return { sheet, row: 0, column: 0, rows: usedHeight(sheet), columns: usedWidth(sheet) };
      }
      case 'selection': {
        const sel = wb.selection;
        const sheet = sel && wb.sheet(sel.sheet);
        if (!sel || !sheet) throw new SourceProblem([{ severity: 'error', where: '(selection)', message: 'nothing is selected' }]);
        return { ...sel, sheet };
      }
    }
  }

  async readSource(ref: SourceRef, options?: RunOptions): Promise<SourceTable> {
    const r = this.rect(ref);
    const grid: Cell[][] = [];
    const pace = this.pacer();
    for (let i = 0; i < r.rows; i++) {
      grid.push(Array.from({ length: r.columns }, (_, c) => cellAt(r.sheet, r.row + i, r.column + c)));
      await pace(i);
    }
    const source = sourceFromGrid(r.sheet.name, r.row + 1, r.column, grid, this.owned().sourceColumns, r.tableName);
    // As Excel hands formats over: a cell nobody formatted shows General. origin.row (1-based header) is the first data row 0-based.
    source.numberFormats = columnFormats(source.rows, source.header.length, (row, c) => r.sheet.formats.get(`${source.origin.row + row},${source.origin.column + c}`) ?? 'General');
    options?.progress?.(source.rows.length, source.rows.length, 'read');
    return source;
  }

  private ownedSheet(role: PlannedSheet['role']): MemorySheet | undefined {
    const o = this.owned().sheets[role];
    return o?.id ? this.workbook.sheets.find((s) => s.id === o.id) : undefined;
  }

  async readPrevious(): Promise<PreviousRun | undefined> {
    const history = this.ownedSheet('history');
    const tiers = this.ownedSheet('tiers');
    return readPreviousRun({ history: history && (await this.valuesInTurns(history)), tiers: tiers && (await this.valuesInTurns(tiers)) });
  }

  /** `MemoryWorkbook.values`, giving the page turns: a history of 50,000 customers is a long copy. */
  private async valuesInTurns(sheet: MemorySheet): Promise<Cell[][]> {
    const pace = this.pacer();
    const width = usedWidth(sheet);
    const out: Cell[][] = [];
    for (let r = 0; r < sheet.cells.length; r++) {
      out.push(rowValues(sheet, r, width));
      await pace(r);
    }
    return out;
  }

  async loadConfig(): Promise<StoredConfig | undefined> {
    const text = this.workbook.settings.get(SETTINGS_CONFIG);
    return text === undefined ? undefined : { text };
  }

  async saveConfig(text: string): Promise<void> {
    this.workbook.settings.set(SETTINGS_CONFIG, text);
  }

  async selectCell(address: string): Promise<void> {
    this.workbook.selected = address;
  }

  async apply(plan: WorkbookPlan, options?: RunOptions): Promise<ApplyReport> {
    const wb = this.workbook;
    const report: ApplyReport = { written: [], renamed: [], issues: [], complete: false };
    const owned = this.owned();
    const sc = plan.sourceColumns;
    const pace = this.pacer();
    if (sc) {
      report.issues.push(...(await this.checkSource(plan, owned, pace)));
      if (report.issues.length) return report;
    }
    let step = 0;
    const steps = plan.sheets.length + (sc ? 1 : 0);
    for (const ps of plan.sheets) {
      if (options?.signal?.aborted) return report;
      let sheet = this.ownedSheet(ps.role);
      if (!sheet) {
        const name = freeSheetName(ps.name, wb.sheets.map((s) => s.name));
        if (name !== ps.name) report.renamed.push({ wanted: ps.name, used: name });
        sheet = wb.addSheet(name);
        owned.sheets[ps.role] = { name, id: sheet.id };
        wb.settings.set(SETTINGS_OWNED, ownedText(owned));
      }
      const id = sheet.id;
      wb.tables = wb.tables.filter((t) => t.sheetId !== id);
      Object.assign(sheet, { cells: [], formats: new Map(), conditionalFills: [], colorScales: [], dropDowns: [], charts: [], links: new Map(), visible: ps.visible, freezeRows: ps.freezeRows ?? 0 });
      for (const b of ps.blocks) {
        const first = b.header ? 1 : 0;
        for (let r = 0; r < b.values.length; r++) {
          const row = b.values[r];
          for (let c = 0; c < row.length; c++) setCell(sheet, b.row + r, b.column + c, row[c]);
          b.numberFormats?.forEach((f, c) => {
            if (f && r >= first) sheet.formats.set(`${b.row + r},${b.column + c}`, f);
          });
          await pace(r);
        }
        for (const f of b.conditionalFills ?? []) sheet.conditionalFills.push({ ...f, row: b.row + first, rows: b.values.length - first, columnOffset: b.column });
        if (b.colorScale) sheet.colorScales.push({ ...b.colorScale, row: b.row + first, rows: b.values.length - first, columnOffset: b.column });
        for (const d of b.dropDowns ?? []) sheet.dropDowns.push({ ...d, row: b.row + first, rows: b.values.length - first, columnOffset: b.column });
        for (const l of b.links ?? []) sheet.links.set(`${b.row + l.row},${b.column + l.column}`, l.target);
        if (b.table) {
          const name = freeTableName(b.table.name, wb.tables.map((t) => t.name));
          wb.tables.push({ name, sheetId: id, row: b.row, column: b.column, rows: b.values.length - 1, columns: b.values[0]?.length ?? 0 });
        }
      }
      sheet.charts = drawableCharts(ps).map(({ chart, block }) => ({ chart, data: { row: block.row, column: block.column, rows: block.values.length, columns: block.values[0].length } }));
      report.written.push(writtenSheet(sheet.name, ps));
      options?.progress?.(++step, steps, 'write');
    }
    if (sc) {
      const sheet = wb.sheet(sc.sheet)!;
      owned.sourceColumns = { sheet: sc.sheet, tableName: sc.tableName, headerRow: sc.headerRow, column: sc.column, headers: sc.columns.map((c) => c.header), rowCount: sc.rowCount };
      wb.settings.set(SETTINGS_OWNED, ownedText(owned));
      sc.columns.forEach((col, i) => setCell(sheet, sc.headerRow - 1, sc.column + i, col.header));
      for (let r = 0; r < sc.rowCount; r++) {
        for (let i = 0; i < sc.columns.length; i++) setCell(sheet, sc.headerRow + r, sc.column + i, sc.columns[i].values[r]);
        await pace(r);
      }
      const table = sc.tableName ? wb.tables.find((t) => t.name === sc.tableName) : undefined;
      if (table) table.columns = sc.column - table.column + sc.columns.length;
      report.written.push(`${rangeAddress(sc.sheet, sc.column, sc.headerRow, sc.columns.length, sc.rowCount + 1)}: ${sc.columns.map((c) => c.header).join(', ')}`);
      options?.progress?.(++step, steps, 'write');
    }
    for (const [k, v] of Object.entries(plan.settings)) wb.settings.set(k, typeof v === 'string' ? v : JSON.stringify(v));
    wb.settings.set(SETTINGS_OWNED, ownedText(owned));
    report.complete = true;
    return report;
  }

  /** Nothing is written beside the source when it changed since it was read, or when the target cells hold the user's data. */
  private async checkSource(plan: WorkbookPlan, owned: OwnedState, pace: Pace): Promise<Issue[]> {
    const sc = plan.sourceColumns!;
    const sheet = this.workbook.sheet(sc.sheet);
    if (!sheet) return [{ severity: 'error', where: sc.sheet, message: `the sheet ${sc.sheet} is gone; run Tierwise again` }];
    const left = sc.sourceColumn;
    const width = sc.column - left;
    const row = (r: number) => Array.from({ length: width }, (_, c) => cellAt(sheet, r, left + c));
    const height = sc.tableName ? (this.workbook.tables.find((t) => t.name === sc.tableName)?.rows ?? 0) : Math.max(0, usedHeight(sheet) - sc.headerRow);
    const last = height > 0 ? row(sc.headerRow - 1 + height) : undefined;
    const now = sourceFingerprint(row(sc.headerRow - 1), height, height > 0 ? row(sc.headerRow) : undefined, last);
    if (now !== sc.sourceFingerprint) {
      return [{ severity: 'error', where: rangeAddress(sc.sheet, left, sc.headerRow, width, height + 1), message: `the source changed since it was read (${height.toLocaleString('en-US')} rows now, ${sc.rowCount.toLocaleString('en-US')} then): nothing was written beside it; run Tierwise again` }];
    }
    const mine = owned.sourceColumns;
    const ours = mine && mine.sheet === sc.sheet && mine.headerRow === sc.headerRow && mine.column === sc.column;
    const oursWidth = ours ? mine.headers.length : 0;
    for (let r = sc.headerRow - 1; r < Math.max(sheet.cells.length, sc.headerRow + sc.rowCount); r++) {
      for (let c = sc.column + oursWidth; c < sc.column + sc.columns.length; c++) {
        const v = cellAt(sheet, r, c);
        if (v !== '' && v !== null && v !== undefined) {
          return [{ severity: 'error', where: rangeAddress(sc.sheet, c, r + 1, 1, 1), value: v, message: 'this cell, where Tierwise would write its segment column, holds data Tierwise did not write: nothing was changed. Move or clear that data, or choose fewer segment columns.' }];
        }
      }
      await pace(r);
    }
    return [];
  }
}
