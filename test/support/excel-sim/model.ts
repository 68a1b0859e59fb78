// The in-memory workbook the simulated API executes against: sheets (sheet-model.ts), tables,
// settings, the selection, the application switches, and the counters a test reads.
import type { AutoFilterModel } from './auto-filter';
import { MAX_COLS, MAX_ROWS, Rect, formatAddress, intersects, parseLocal } from './address';
import { richError } from './errors';
import { FormatTable, SheetModel } from './sheet-model';

export { FormatTable, SheetModel };
export type { ChartModel, ConditionalFormatModel, DataValidationModel, FormatOp, Visibility } from './sheet-model';

export interface TableModel {
  id: string;
  name: string;
  sheet: SheetModel;
  rect: Rect; // header row included
  style: string;
  showBandedRows: boolean;
  deleted?: boolean;
  autoFilter?: AutoFilterModel;
  /** The last row of `rect` is the table's Total Row (set up by a test: the simulator never adds one). */
  showTotals?: boolean;
}

/** A defined name (Formulas > Name Manager), scoped to the workbook or to one sheet. */
export interface DefinedName {
  name: string;
  formula: string;
  sheet?: SheetModel;
}

export interface SimStats {
  syncs: number;
  largestRequestBytes: number;
  largestResponseBytes: number;
  totalRequestBytes: number;
  totalResponseBytes: number;
  /** Bytes of every request and response, in order (a refused one included). */
  requests: number[];
  responses: number[];
  /** Number of TableRowCollection.add calls (Excel adds rows one request-action at a time: batch them). */
  tableRowsAddCalls: number;
  /** Syncs that ran with calculation / screen updating suspended, and with events off. */
  calculationSuspendedSyncs: number;
  screenSuspendedSyncs: number;
  eventsOffSyncs: number;
  /** Every API name an action used (`Range.values`, `ChartCollection.add`, `Chart.title.text`): what a fault can be injected into. */
  apis: Set<string>;
  /** Batches refused before any action ran (cell-edit mode without delayForCellEdit, throttling). */
  refusedSyncs: number;
  /** Batches held until the user left the cell (delayForCellEdit). */
  cellEditWaits: number;
}

export const emptyStats = (): SimStats => ({
  syncs: 0,
  largestRequestBytes: 0,
  largestResponseBytes: 0,
  totalRequestBytes: 0,
  totalResponseBytes: 0,
  requests: [],
  responses: [],
  tableRowsAddCalls: 0,
  calculationSuspendedSyncs: 0,
  screenSuspendedSyncs: 0,
  eventsOffSyncs: 0,
  apis: new Set(),
  refusedSyncs: 0,
  cellEditWaits: 0,
});

const SHEET_FORBIDDEN = /[[\]:*?/\\]/;

export class WorkbookModel {
  readonly formats = new FormatTable();
  readonly sheets: SheetModel[] = [];
  readonly tables: TableModel[] = [];
  readonly settings = new Map<string, unknown>();
  readonly names: DefinedName[] = [];
  activeSheet: SheetModel | undefined;
  selection: { sheet: SheetModel; rect: Rect } | undefined;
  calculationMode = 'Automatic';
  enableEvents = true;
  /** The workbook counts dates from 1904-01-01 (old Excel for Mac files); only DATE() shows it to an add-in. */
  date1904 = false;
  /** Review > Protect Workbook: no sheet may be added, deleted, renamed, moved, hidden or shown. */
  structureProtected = false;

  /** Throws AccessDenied while the structure is protected (what Excel answers is assumed: see docs/excel-host.md). */
  checkStructure(): void {
    if (this.structureProtected) throw richError('AccessDenied', undefined, undefined, "[sim] The workbook's structure is protected.");
  }
  readonly suspensions = { apiCalculation: 0, screenUpdating: 0 };
  /** The user is typing in a cell (cell-edit mode): Excel runs no add-in batch meanwhile. */
  cellEditing = false;
  private cellEditWaiters: (() => void)[] = [];
  /** Batches Excel will refuse with ActivityLimitReached before taking one again (throttling). */
  throttledSyncs = 0;

  startCellEdit(): void {
    this.cellEditing = true;
  }

  endCellEdit(): void {
    this.cellEditing = false;
    const waiting = this.cellEditWaiters;
    this.cellEditWaiters = [];
    for (const w of waiting) w();
  }

  /** Resolves when the user leaves the cell. */
  cellEditEnded(): Promise<void> {
    return this.cellEditing ? new Promise((resolve) => this.cellEditWaiters.push(resolve)) : Promise.resolve();
  }
  private nextId = 1;

  newId(prefix: string): string {
    return `{${prefix}-${String(this.nextId++).padStart(8, '0')}}`;
  }

  findSheet(name: string): SheetModel | undefined {
    const key = name.toUpperCase();
    return this.sheets.find((s) => s.name.toUpperCase() === key);
  }

  /** Excel's sheet-name rules; throws InvalidArgument / ItemAlreadyExists. */
  checkSheetName(name: unknown, self?: SheetModel): string {
    if (typeof name !== 'string' || name.trim() === '' || name.length > 31 || SHEET_FORBIDDEN.test(name)) {
      throw richError('InvalidArgument');
    }
    if (name.startsWith("'") || name.endsWith("'") || name.toUpperCase() === 'HISTORY') throw richError('InvalidArgument');
    const clash = this.findSheet(name);
    if (clash && clash !== self) throw richError('ItemAlreadyExists');
    return name;
  }

  addSheet(name: string | undefined): SheetModel {
    let finalName = name;
    if (finalName === undefined || finalName === null) {
      let n = this.sheets.length + 1;
      while (this.findSheet(`Sheet${n}`)) n++;
      finalName = `Sheet${n}`;
    }
    this.checkStructure();
    this.checkSheetName(finalName);
    const sheet = new SheetModel(this.newId('sheet'), finalName, this.formats);
    this.sheets.push(sheet);
    this.activeSheet ??= sheet;
    return sheet;
  }

  visibleSheets(): SheetModel[] {
    return this.sheets.filter((s) => s.visibility === 'Visible');
  }

  deleteSheet(sheet: SheetModel): void {
    this.checkStructure();
    if (sheet.visibility === 'Visible' && this.visibleSheets().length === 1) {
      throw richError('InvalidOperation', undefined, undefined, '[sim] A workbook must contain at least one visible worksheet.');
    }
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    sheet.deleted = true;
    for (const t of this.tables) if (t.sheet === sheet) t.deleted = true;
    const names = this.names.filter((n) => n.sheet !== sheet);
    this.names.splice(0, this.names.length, ...names);
    this.pruneTables();
    if (this.activeSheet === sheet) this.activeSheet = this.visibleSheets()[0];
    if (this.selection?.sheet === sheet) this.selection = undefined;
  }

  setVisibility(sheet: SheetModel, v: unknown): void {
    if (v !== 'Visible' && v !== 'Hidden' && v !== 'VeryHidden') throw richError('InvalidArgument');
    if (v !== sheet.visibility) this.checkStructure();
    if (v !== 'Visible' && sheet.visibility === 'Visible' && this.visibleSheets().length === 1) {
      throw richError('InvalidOperation', undefined, undefined, '[sim] A workbook must contain at least one visible worksheet.');
    }
    sheet.visibility = v;
    if (v !== 'Visible' && this.activeSheet === sheet) this.activeSheet = this.visibleSheets()[0];
  }

  pruneTables(): void {
    const live = this.tables.filter((t) => !t.deleted);
    this.tables.splice(0, this.tables.length, ...live);
  }

  findTable(name: string): TableModel | undefined {
    const key = name.toUpperCase();
    return this.tables.find((t) => !t.deleted && t.name.toUpperCase() === key);
  }

  /** Excel's table-name rules; throws InvalidArgument / ItemAlreadyExists. */
  checkTableName(name: unknown, self?: TableModel): string {
    if (typeof name !== 'string' || name.length === 0 || name.length > 255) throw richError('InvalidArgument');
    if (!/^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(name)) throw richError('InvalidArgument');
    if (/^[RC]$/i.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name) || /^R\d*C\d*$/i.test(name)) throw richError('InvalidArgument');
    const clash = this.findTable(name);
    if (clash && clash !== self) throw richError('ItemAlreadyExists');
    // A defined name of either scope: Excel's Name Manager lists tables among the names. Which code
    // Excel answers was not observed (docs/excel-host.md); ItemAlreadyExists here.
    if (this.names.some((n) => n.name.toUpperCase() === name.toUpperCase())) throw richError('ItemAlreadyExists', undefined, undefined, '[sim] A defined name already uses this name.');
    return name;
  }

  /** Adds a defined name (workbook scope, or `sheet`'s); a table's name or a name of the same scope is taken. */
  addName(name: string, formula: string, sheet?: SheetModel): DefinedName {
    if (typeof name !== 'string' || !/^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(name)) throw richError('InvalidArgument');
    if (this.findTable(name) || this.names.some((n) => n.sheet === sheet && n.name.toUpperCase() === name.toUpperCase())) throw richError('ItemAlreadyExists');
    const created: DefinedName = { name, formula, sheet };
    this.names.push(created);
    return created;
  }

  addTable(sheet: SheetModel, rect: Rect, name?: string): TableModel {
    if (rect.r0 + rect.rows > MAX_ROWS) throw richError('InvalidArgument');
    if (rect.rows === 1) rect = { ...rect, rows: 2 }; // a table always has at least one (blank) data row
    for (const t of this.tables) {
      if (!t.deleted && t.sheet === sheet && intersects(t.rect, rect)) {
        throw richError('InvalidOperation', undefined, undefined, "[sim] A table can't overlap another table.");
      }
    }
    let finalName = name;
    if (finalName === undefined) {
      let n = 1;
      while (this.findTable(`Table${n}`)) n++;
      finalName = `Table${n}`;
    }
    this.checkTableName(finalName);
    const table: TableModel = { id: String(this.nextId++), name: finalName, sheet, rect, style: 'TableStyleMedium2', showBandedRows: true };
    this.tables.push(table);
    this.normalizeHeaders(table);
    return table;
  }

  tablesOn(sheet: SheetModel): TableModel[] {
    return this.tables.filter((t) => !t.deleted && t.sheet === sheet);
  }

  /** Header cells are always unique, non-blank text: Excel rewrites them after every edit. */
  normalizeHeaders(table: TableModel): void {
    const { sheet, rect } = table;
    const seen = new Set<string>();
    for (let j = 0; j < rect.cols; j++) {
      const c = rect.c0 + j;
      let name = sheet.text(rect.r0, c);
      if (name === '') {
        let n = j + 1;
        while (seen.has(`COLUMN${n}`)) n++;
        name = `Column${n}`;
      }
      if (seen.has(name.toUpperCase())) {
        let n = 2;
        while (seen.has(`${name}${n}`.toUpperCase())) n++;
        name = `${name}${n}`;
      }
      seen.add(name.toUpperCase());
      const current = sheet.value(rect.r0, c);
      if (current !== name || sheet.isFormula(rect.r0, c)) {
        sheet.clearContent(rect.r0, c);
        sheet.write(rect.r0, c, { t: 'text', v: name });
      }
    }
  }

  /**
   * Recalculates the formulas over other cells that the simulator computes: `=COUNTIF(E:E,"A")` on
   * the same sheet or another (`=COUNTIF(Sales!E:E,"A")`: a user's summary over a segment column). Only those whose column
   * `rect` touches, or all of them. Excel recalculates dependents after each write, except while an
   * add-in has suspended calculation: then they stay as they were until a recalculation
   * (Application.calculate), as Microsoft documents suspendApiCalculationUntilNextSync.
   */
  recalculate(sheet?: SheetModel, rect?: Rect): void {
    for (const s of this.sheets) {
      for (const [key, f] of s.formulas) {
        const m = /^=COUNTIF\((?:'?([^'!]+)'?!)?([A-Z]{1,3}):\2,"([^"]*)"\)$/i.exec(f);
        if (!m) continue;
        const over = m[1] === undefined ? s : this.findSheet(m[1]);
        if (!over || (sheet && over !== sheet)) continue;
        const col = [...m[2].toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
        if (rect && (col < rect.c0 || col >= rect.c0 + rect.cols)) continue;
        const used = over.usedRect(true);
        let n = 0;
        if (used) for (let r = used.r0; r < used.r0 + used.rows; r++) if (!over.isFormula(r, col) && String(over.value(r, col)).toUpperCase() === m[3].toUpperCase()) n++;
        s.setFormulaResult(Math.floor(key / MAX_COLS), key % MAX_COLS, n);
      }
    }
  }

  /** After a write to `rect` of `sheet`, keeps any table header it touched valid, and recalculates unless suspended. */
  afterWrite(sheet: SheetModel, rect: Rect): void {
    if (this.suspensions.apiCalculation === 0) this.recalculate(sheet, rect);
    for (const t of this.tablesOn(sheet)) {
      if (intersects({ r0: t.rect.r0, c0: t.rect.c0, rows: 1, cols: t.rect.cols }, rect)) this.normalizeHeaders(t);
    }
  }

  columnNames(table: TableModel): string[] {
    const names: string[] = [];
    for (let j = 0; j < table.rect.cols; j++) names.push(String(table.sheet.value(table.rect.r0, table.rect.c0 + j)));
    return names;
  }

  address(sheet: SheetModel, rect: Rect): string {
    return formatAddress(sheet.name, rect);
  }

  parse(address: string): Rect {
    return parseLocal(address);
  }
}
