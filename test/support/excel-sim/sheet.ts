// Worksheets and the worksheet collection.
import { MAX_COLS, MAX_ROWS, checkRect, parseLocal, splitSheet } from './address';
import { CollectionBase, Ctx, ProxyBase } from './base';
import { richError } from './errors';
import type { SheetModel } from './model';
import { RangeProxy } from './range';
import { TableCollectionProxy } from './tables';
import { ChartCollectionProxy } from './charts';
import { AutoFilterProxy } from './auto-filter';
import { NamedItemCollectionProxy } from './names';

const q = (s: string) => JSON.stringify(s);

export class WorksheetProxy extends ProxyBase {
  readonly _type = 'Worksheet';
  private _s: SheetModel | undefined;

  constructor(
    ctx: Ctx,
    path: string,
    private readonly _resolver: () => SheetModel | undefined,
    nullable = false,
  ) {
    super(ctx, path, nullable);
  }

  _resolve(): SheetModel {
    const s = this._s ?? this._resolver();
    if (!s || s.deleted) throw richError('ItemNotFound');
    this._s = s;
    return s;
  }

  _check(): void {
    this._resolve();
  }

  protected _scalars(): readonly string[] {
    return ['name', 'id', 'position', 'visibility', 'tabColor', 'showGridlines'];
  }

  protected _read(prop: string): unknown {
    const s = this._resolve();
    switch (prop) {
      case 'name':
        return s.name;
      case 'id':
        return s.id;
      case 'position':
        return this._ctx._wb.sheets.indexOf(s);
      case 'visibility':
        return s.visibility;
      case 'tabColor':
        return s.props.tabColor ?? '';
      case 'showGridlines':
        return s.props.showGridlines ?? true;
      default:
        return undefined;
    }
  }

  protected override _navigate(name: string): ProxyBase | undefined {
    if (name === 'tables') return this.tables;
    if (name === 'charts') return this.charts;
    return undefined;
  }

  get name(): string {
    return this._get('name');
  }
  set name(v: string) {
    this._setProp('name', v, () => {
      const s = this._resolve();
      if (v !== s.name) this._ctx._wb.checkStructure();
      s.name = this._ctx._wb.checkSheetName(v, s);
    });
  }
  get id(): string {
    return this._get('id');
  }
  get position(): number {
    return this._get('position');
  }
  set position(v: number) {
    this._setProp('position', v, () => {
      const s = this._resolve();
      const sheets = this._ctx._wb.sheets;
      if (!Number.isInteger(v) || v < 0 || v >= sheets.length) throw richError('InvalidArgument');
      if (v !== sheets.indexOf(s)) this._ctx._wb.checkStructure();
      sheets.splice(sheets.indexOf(s), 1);
      sheets.splice(v, 0, s);
    });
  }
  get visibility(): string {
    return this._get('visibility');
  }
  set visibility(v: string) {
    this._setProp('visibility', v, () => this._ctx._wb.setVisibility(this._resolve(), v));
  }
  get tabColor(): string {
    return this._get('tabColor');
  }
  set tabColor(v: string) {
    this._setProp('tabColor', v, () => {
      this._resolve().props.tabColor = v;
    });
  }
  get showGridlines(): boolean {
    return this._get('showGridlines');
  }
  set showGridlines(v: boolean) {
    this._setProp('showGridlines', v, () => {
      this._resolve().props.showGridlines = v;
    });
  }

  get tables(): TableCollectionProxy {
    return this._kid('tables', () => new TableCollectionProxy(this._ctx, `${this._path}.tables`, this));
  }

  get charts(): ChartCollectionProxy {
    return this._kid('charts', () => new ChartCollectionProxy(this._ctx, `${this._path}.charts`, this));
  }

  get names(): NamedItemCollectionProxy {
    return this._kid('names', () => new NamedItemCollectionProxy(this._ctx, `${this._path}.names`, this));
  }

  get protection(): WorksheetProtectionProxy {
    return this._kid('protection', () => new WorksheetProtectionProxy(this._ctx, `${this._path}.protection`, () => this._resolve()));
  }
  get autoFilter(): AutoFilterProxy {
    return this._kid('autoFilter', () => new AutoFilterProxy(this._ctx, `${this._path}.autoFilter`, () => this._resolve().autoFilter));
  }
  get freezePanes(): FreezePanesProxy {
    return this._kid('freezePanes', () => new FreezePanesProxy(this._ctx, `${this._path}.freezePanes`, this));
  }

  private _range(label: string, rect: (s: SheetModel) => { r0: number; c0: number; rows: number; cols: number }, nullable = false): RangeProxy {
    this._assertUsable();
    return new RangeProxy(
      this._ctx,
      `${this._path}.${label}`,
      () => {
        const sheet = this._resolve();
        return { sheet, rect: checkRect(rect(sheet)) };
      },
      nullable,
    );
  }

  getRange(address?: string): RangeProxy {
    return this._range(`getRange(${address === undefined ? '' : q(address)})`, (sheet) => {
      if (address === undefined || address === '') return { r0: 0, c0: 0, rows: MAX_ROWS, cols: MAX_COLS };
      const { sheet: named, local } = splitSheet(address);
      if (named !== undefined && named.toUpperCase() !== sheet.name.toUpperCase()) throw richError('InvalidArgument');
      return parseLocal(local);
    });
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): RangeProxy {
    return this._range(`getRangeByIndexes(${startRow},${startColumn},${rowCount},${columnCount})`, () => {
      this._gate('ExcelApi', '1.7', 'Worksheet.getRangeByIndexes');
      return { r0: startRow, c0: startColumn, rows: rowCount, cols: columnCount };
    });
  }

  getCell(row: number, column: number): RangeProxy {
    return this._range(`getCell(${row},${column})`, () => ({ r0: row, c0: column, rows: 1, cols: 1 }));
  }

  /** Excel: a blank sheet's used range is A1 (no error); the OrNullObject form is a null object. */
  getUsedRange(valuesOnly?: boolean): RangeProxy {
    return this._range(`getUsedRange(${!!valuesOnly})`, (sheet) => sheet.usedRect(!!valuesOnly) ?? { r0: 0, c0: 0, rows: 1, cols: 1 });
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    return this._range(
      `getUsedRangeOrNullObject(${!!valuesOnly})`,
      (sheet) => {
        this._gate('ExcelApi', '1.4', 'Worksheet.getUsedRangeOrNullObject');
        const used = sheet.usedRect(!!valuesOnly);
        if (!used) throw richError('ItemNotFound');
        return used;
      },
      true,
    );
  }

  activate(): void {
    this._enqueue('activate', null, () => {
      const s = this._resolve();
      if (s.visibility !== 'Visible') throw richError('InvalidOperation');
      this._ctx._wb.activeSheet = s;
    });
  }

  delete(): void {
    this._enqueue('delete', null, () => this._ctx._wb.deleteSheet(this._resolve()));
  }
}

export class WorksheetCollectionProxy extends CollectionBase<WorksheetProxy, SheetModel> {
  readonly _type = 'WorksheetCollection';

  protected _models(): SheetModel[] {
    return [...this._ctx._wb.sheets];
  }

  protected _item(model: SheetModel): WorksheetProxy {
    return new WorksheetProxy(this._ctx, `${this._path}.getItem(${q(model.name)})`, () => model);
  }

  getItem(key: string): WorksheetProxy {
    this._assertUsable();
    return new WorksheetProxy(this._ctx, `${this._path}.getItem(${q(key)})`, () => this._ctx._wb.findSheet(key) ?? this._ctx._wb.sheets.find((s) => s.id === key));
  }

  getItemOrNullObject(key: string): WorksheetProxy {
    this._assertUsable();
    return new WorksheetProxy(
      this._ctx,
      `${this._path}.getItemOrNullObject(${q(key)})`,
      () => {
        this._gate('ExcelApi', '1.4', 'WorksheetCollection.getItemOrNullObject');
        return this._ctx._wb.findSheet(key) ?? this._ctx._wb.sheets.find((s) => s.id === key);
      },
      true,
    );
  }

  getActiveWorksheet(): WorksheetProxy {
    this._assertUsable();
    return new WorksheetProxy(this._ctx, `${this._path}.getActiveWorksheet()`, () => this._ctx._wb.activeSheet);
  }

  add(name?: string): WorksheetProxy {
    let created: SheetModel | undefined;
    this._enqueue('add', name ?? null, () => {
      created = this._ctx._wb.addSheet(name);
    });
    return new WorksheetProxy(this._ctx, `${this._path}.add(${name === undefined ? '' : q(name)})`, () => created);
  }
}

export class FreezePanesProxy extends ProxyBase {
  readonly _type = 'WorksheetFreezePanes';
  constructor(
    ctx: Ctx,
    path: string,
    private readonly _sheet: WorksheetProxy,
  ) {
    super(ctx, path);
  }
  _check(): void {
    this._gate('ExcelApi', '1.7', 'Worksheet.freezePanes');
    this._sheet._resolve();
  }
  protected _scalars(): readonly string[] {
    return [];
  }
  protected _read(): unknown {
    return undefined;
  }
  private _freeze(op: string, rows: number, cols: number): void {
    this._enqueue(op, [rows, cols], () => {
      this._check();
      if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows < 0 || cols < 0 || rows >= MAX_ROWS || cols >= MAX_COLS) {
        throw richError('InvalidArgument');
      }
      const s = this._sheet._resolve();
      // Real Excel refuses freeze panes on a hidden sheet (OfficeDev/office-js#1463, unfreeze; the
      // exact code was not reported: InvalidOperation here).
      if (s.visibility !== 'Visible') throw richError('InvalidOperation', undefined, undefined, '[sim] Freeze panes is not available on a hidden sheet.');
      s.frozenRows = rows;
      s.frozenColumns = cols;
    });
  }
  freezeRows(count = 1): void {
    this._freeze('freezeRows', count, 0);
  }
  freezeColumns(count = 1): void {
    this._freeze('freezeColumns', 0, count);
  }
  unfreeze(): void {
    this._freeze('unfreeze', 0, 0);
  }
}

/** Worksheet.protection (ExcelApi 1.2): whether Review > Protect Sheet is on. */
export class WorksheetProtectionProxy extends ProxyBase {
  readonly _type = 'WorksheetProtection';
  constructor(
    ctx: Ctx,
    path: string,
    private readonly _sheet: () => SheetModel,
  ) {
    super(ctx, path);
  }
  _check(): void {
    this._gate('ExcelApi', '1.2', 'WorksheetProtection');
    this._sheet();
  }
  protected _scalars(): readonly string[] {
    return ['protected'];
  }
  protected _read(): unknown {
    return this._sheet().protected;
  }
  get protected(): boolean {
    return this._get('protected');
  }
}
