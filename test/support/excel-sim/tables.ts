// Tables: the workbook/worksheet table collections, tables, their columns and rows.
import { MAX_COLS, MAX_ROWS, Rect, parseLocal, splitSheet } from './address';
import { CollectionBase, Ctx, ProxyBase } from './base';
import { DIMENSION_MISMATCH, richError } from './errors';
import type { SheetModel, TableModel } from './model';
import { checkUnprotected, RangeProxy, writeCells } from './range';
import { WorksheetProxy } from './sheet';
import { AutoFilterProxy } from './auto-filter';

const q = (s: string) => JSON.stringify(s);

export class TableCollectionProxy extends CollectionBase<TableProxy, TableModel> {
  readonly _type = 'TableCollection';
  constructor(
    ctx: Ctx,
    path: string,
    /** Set for worksheet.tables: only that sheet's tables. */
    private readonly _scope?: WorksheetProxy,
  ) {
    super(ctx, path);
  }
  override _check(): void {
    this._scope?._resolve();
  }
  protected _models(): TableModel[] {
    return this._scope ? this._ctx._wb.tablesOn(this._scope._resolve()) : this._ctx._wb.tables.filter((t) => !t.deleted);
  }
  protected _item(model: TableModel): TableProxy {
    return new TableProxy(this._ctx, `${this._path}.getItem(${q(model.name)})`, () => model);
  }
  private _find(key: string): TableModel | undefined {
    const upper = String(key).toUpperCase();
    return this._models().find((t) => t.name.toUpperCase() === upper || t.id === String(key));
  }
  getItem(key: string): TableProxy {
    this._assertUsable();
    return new TableProxy(this._ctx, `${this._path}.getItem(${q(key)})`, () => this._find(key));
  }
  getItemOrNullObject(key: string): TableProxy {
    this._assertUsable();
    return new TableProxy(
      this._ctx,
      `${this._path}.getItemOrNullObject(${q(key)})`,
      () => {
        this._gate('ExcelApi', '1.4', 'TableCollection.getItemOrNullObject');
        return this._find(key);
      },
      true,
    );
  }
  getItemAt(index: number): TableProxy {
    this._assertUsable();
    return new TableProxy(this._ctx, `${this._path}.getItemAt(${index})`, () => this._models()[index]);
  }
  /** hasHeaders=false: Excel shifts the data down one row and generates Column1..n headers. */
  add(address: string | RangeProxy, hasHeaders: boolean): TableProxy {
    if (address instanceof RangeProxy && address._ctx !== this._ctx) throw richError('InvalidRequestContext');
    let created: TableModel | undefined;
    const wire = address instanceof RangeProxy ? address._path : address;
    this._enqueue('add', [wire, hasHeaders], () => {
      const wb = this._ctx._wb;
      let sheet: SheetModel;
      let rect: Rect;
      if (address instanceof RangeProxy) ({ sheet, rect } = address._resolve());
      else {
        const { sheet: named, local } = splitSheet(String(address));
        const found = named !== undefined ? wb.findSheet(named) : this._scope ? this._scope._resolve() : wb.activeSheet;
        if (!found) throw richError('ItemNotFound');
        sheet = found;
        rect = parseLocal(local);
      }
      if (this._scope && this._scope._resolve() !== sheet) throw richError('InvalidArgument');
      if (!hasHeaders) {
        sheet.insertRows(rect.r0, 1, rect.c0, rect.cols);
        rect = { ...rect, rows: rect.rows + 1 };
      }
      created = wb.addTable(sheet, rect);
    });
    return new TableProxy(this._ctx, `${this._path}.add(${q(String(wire))})`, () => created);
  }
}

export class TableProxy extends ProxyBase {
  readonly _type = 'Table';
  private _t: TableModel | undefined;
  constructor(
    ctx: Ctx,
    path: string,
    private readonly _resolver: () => TableModel | undefined,
    nullable = false,
  ) {
    super(ctx, path, nullable);
  }
  _resolve(): TableModel {
    const t = this._t ?? this._resolver();
    if (!t || t.deleted || t.sheet.deleted) throw richError('ItemNotFound');
    this._t = t;
    return t;
  }
  _check(): void {
    this._resolve();
  }
  protected _scalars(): readonly string[] {
    return ['name', 'id', 'style', 'showBandedRows', 'showHeaders', 'showTotals', 'showFilterButton'];
  }
  protected _read(prop: string): unknown {
    const t = this._resolve();
    switch (prop) {
      case 'name':
        return t.name;
      case 'id':
        return t.id;
      case 'style':
        return t.style;
      case 'showBandedRows':
        return t.showBandedRows;
      case 'showHeaders':
      case 'showFilterButton':
        return true;
      case 'showTotals':
        return t.showTotals ?? false;
      default:
        return undefined;
    }
  }
  protected override _navigate(name: string): ProxyBase | undefined {
    if (name === 'columns') return this.columns;
    if (name === 'rows') return this.rows;
    if (name === 'worksheet') return this.worksheet;
    return undefined;
  }
  get name(): string {
    return this._get('name');
  }
  set name(v: string) {
    this._setProp('name', v, () => {
      const t = this._resolve();
      t.name = this._ctx._wb.checkTableName(v, t);
    });
  }
  get id(): string {
    return this._get('id');
  }
  get style(): string {
    return this._get('style');
  }
  set style(v: string) {
    this._setProp('style', v, () => {
      this._resolve().style = String(v);
    });
  }
  get showBandedRows(): boolean {
    return this._get('showBandedRows');
  }
  set showBandedRows(v: boolean) {
    this._setProp('showBandedRows', v, () => {
      this._gate('ExcelApi', '1.3', 'Table.showBandedRows');
      this._resolve().showBandedRows = !!v;
    });
  }
  get showTotals(): boolean {
    return this._get('showTotals');
  }
  set showTotals(v: boolean) {
    this._setProp('showTotals', v, () => {
      if (v) throw richError('NotImplemented', undefined, undefined, '[sim] Total rows are not simulated.');
    });
  }
  get showHeaders(): boolean {
    return this._get('showHeaders');
  }
  get worksheet(): WorksheetProxy {
    return this._kid('worksheet', () => new WorksheetProxy(this._ctx, `${this._path}.worksheet`, () => {
      this._gate('ExcelApi', '1.2', 'Table.worksheet');
      return this._resolve().sheet;
    }));
  }
  get autoFilter(): AutoFilterProxy {
    return this._kid('autoFilter', () => new AutoFilterProxy(this._ctx, `${this._path}.autoFilter`, () => this._resolve().autoFilter ?? { enabled: true, isDataFiltered: false }));
  }
  get columns(): TableColumnCollectionProxy {
    return this._kid('columns', () => new TableColumnCollectionProxy(this._ctx, `${this._path}.columns`, this));
  }
  get rows(): TableRowCollectionProxy {
    return this._kid('rows', () => new TableRowCollectionProxy(this._ctx, `${this._path}.rows`, this));
  }
  _range(label: string, rect: (t: TableModel) => Rect): RangeProxy {
    this._assertUsable();
    return new RangeProxy(this._ctx, `${this._path}.${label}`, () => {
      const t = this._resolve();
      return { sheet: t.sheet, rect: rect(t) };
    });
  }
  getRange(): RangeProxy {
    return this._range('getRange()', (t) => ({ ...t.rect }));
  }
  getHeaderRowRange(): RangeProxy {
    return this._range('getHeaderRowRange()', (t) => ({ ...t.rect, rows: 1 }));
  }
  getDataBodyRange(): RangeProxy {
    // Between the header and the Total Row, when there is one.
    return this._range('getDataBodyRange()', (t) => ({ ...t.rect, r0: t.rect.r0 + 1, rows: t.rect.rows - 1 - (t.showTotals ? 1 : 0) }));
  }
  /** Deletes the table and its cells' contents (convertToRange keeps the contents). */
  delete(): void {
    this._enqueue('delete', null, () => {
      const t = this._resolve();
      t.sheet.clear(t.rect, 'All');
      t.deleted = true;
      this._ctx._wb.pruneTables();
    });
  }
  convertToRange(): RangeProxy {
    const range = this.getRange();
    this._enqueue('convertToRange', null, () => {
      range._resolve();
      this._resolve().deleted = true;
      this._ctx._wb.pruneTables();
    });
    return range;
  }
}

interface ColumnRef {
  table: TableModel;
  index: number;
}

export class TableColumnCollectionProxy extends CollectionBase<TableColumnProxy, ColumnRef> {
  readonly _type = 'TableColumnCollection';
  constructor(
    ctx: Ctx,
    path: string,
    private readonly _table: TableProxy,
  ) {
    super(ctx, path);
  }
  override _check(): void {
    this._table._resolve();
  }
  protected _models(): ColumnRef[] {
    const table = this._table._resolve();
    return Array.from({ length: table.rect.cols }, (_, index) => ({ table, index }));
  }
  protected _item(ref: ColumnRef): TableColumnProxy {
    return new TableColumnProxy(this._ctx, `${this._path}.getItemAt(${ref.index})`, () => ref);
  }
  private _find(key: string | number): ColumnRef | undefined {
    const table = this._table._resolve();
    if (typeof key === 'number') return key >= 1 && key <= table.rect.cols ? { table, index: key - 1 } : undefined;
    const index = this._ctx._wb.columnNames(table).findIndex((n) => n.toUpperCase() === String(key).toUpperCase());
    return index < 0 ? undefined : { table, index };
  }
  getItem(key: string | number): TableColumnProxy {
    this._assertUsable();
    return new TableColumnProxy(this._ctx, `${this._path}.getItem(${JSON.stringify(key)})`, () => this._find(key));
  }
  getItemOrNullObject(key: string | number): TableColumnProxy {
    this._assertUsable();
    return new TableColumnProxy(
      this._ctx,
      `${this._path}.getItemOrNullObject(${JSON.stringify(key)})`,
      () => {
        this._gate('ExcelApi', '1.4', 'TableColumnCollection.getItemOrNullObject');
        return this._find(key);
      },
      true,
    );
  }
  getItemAt(index: number): TableColumnProxy {
    this._assertUsable();
    return new TableColumnProxy(this._ctx, `${this._path}.getItemAt(${index})`, () => {
      const table = this._table._resolve();
      return index >= 0 && index < table.rect.cols ? { table, index } : undefined;
    });
  }
  /**
   * Adds a column; cells to the right inside the table's rows shift right unless the column next to
   * the table is empty. `values` covers the whole column, header included.
   */
  add(index?: number | null, values?: unknown, name?: string): TableColumnProxy {
    let created: ColumnRef | undefined;
    this._enqueue('add', { index: index ?? null, values: values ?? null, name: name ?? null }, () => {
      if (name !== undefined && name !== null) this._gate('ExcelApi', '1.4', 'TableColumnCollection.add');
      if (index === undefined || index === null || index === -1) this._gate('ExcelApi', '1.4', 'TableColumnCollection.add');
      const wb = this._ctx._wb;
      const table = this._table._resolve();
      const { sheet, rect } = table;
      const at = index === undefined || index === null || index === -1 ? rect.cols : index;
      if (!Number.isInteger(at) || at < 0 || at > rect.cols) throw richError('InvalidArgument');
      checkUnprotected(sheet);
      const col = rect.c0 + at;
      if (col >= MAX_COLS) throw richError('InvalidArgument');
      const column: Rect = { r0: rect.r0, c0: col, rows: rect.rows, cols: 1 };
      if (values !== undefined && values !== null && Array.isArray(values)) {
        if (values.length !== rect.rows || values.some((r) => !Array.isArray(r) || r.length !== 1)) {
          throw richError('InvalidArgument', undefined, undefined, DIMENSION_MISMATCH);
        }
      }
      const blocked = wb.tablesOn(sheet).some((t) => t !== table && t.rect.c0 <= col && col < t.rect.c0 + t.rect.cols && t.rect.r0 < rect.r0 + rect.rows && rect.r0 < t.rect.r0 + t.rect.rows);
      if (at < rect.cols || !sheet.isEmpty(column) || blocked) sheet.insertColumns(col, 1, rect.r0, rect.rows);
      table.rect = { ...rect, cols: rect.cols + 1 };
      if (values !== undefined && values !== null) writeCells(this._ctx, sheet, column, 'values', values);
      if (name !== undefined && name !== null) {
        sheet.clearContent(rect.r0, col);
        sheet.write(rect.r0, col, { t: 'text', v: String(name) });
      }
      wb.normalizeHeaders(table);
      created = { table, index: at };
    });
    return new TableColumnProxy(this._ctx, `${this._path}.add()`, () => created);
  }
}

export class TableColumnProxy extends ProxyBase {
  readonly _type = 'TableColumn';
  private _ref: ColumnRef | undefined;
  constructor(
    ctx: Ctx,
    path: string,
    private readonly _resolver: () => ColumnRef | undefined,
    nullable = false,
  ) {
    super(ctx, path, nullable);
  }
  _resolve(): ColumnRef {
    const ref = this._ref ?? this._resolver();
    if (!ref || ref.table.deleted || ref.index >= ref.table.rect.cols) throw richError('ItemNotFound');
    this._ref = ref;
    return ref;
  }
  _check(): void {
    this._resolve();
  }
  private _rect(): { sheet: SheetModel; rect: Rect } {
    const { table, index } = this._resolve();
    return { sheet: table.sheet, rect: { r0: table.rect.r0, c0: table.rect.c0 + index, rows: table.rect.rows, cols: 1 } };
  }
  protected _scalars(): readonly string[] {
    return ['name', 'index', 'id', 'values'];
  }
  protected _read(prop: string): unknown {
    const { table, index } = this._resolve();
    switch (prop) {
      case 'name':
        return this._ctx._wb.columnNames(table)[index];
      case 'index':
        return index;
      case 'id':
        return index + 1;
      case 'values': {
        const { sheet, rect } = this._rect();
        if (rect.rows > this._ctx._options.maxReadCells) throw richError('RangeExceedsLimit');
        return sheet.readValues(rect);
      }
      default:
        return undefined;
    }
  }
  get name(): string {
    return this._get('name');
  }
  set name(v: string) {
    this._setProp('name', v, () => {
      const { table, index } = this._resolve();
      const c = table.rect.c0 + index;
      table.sheet.clearContent(table.rect.r0, c);
      table.sheet.write(table.rect.r0, c, { t: 'text', v: String(v) });
      this._ctx._wb.normalizeHeaders(table);
    });
  }
  get index(): number {
    return this._get('index');
  }
  get id(): number {
    return this._get('id');
  }
  get values(): unknown[][] {
    return this._get('values');
  }
  private _range(label: string, part: (r: Rect) => Rect): RangeProxy {
    this._assertUsable();
    return new RangeProxy(this._ctx, `${this._path}.${label}`, () => {
      const { sheet, rect } = this._rect();
      return { sheet, rect: part(rect) };
    });
  }
  getRange(): RangeProxy {
    return this._range('getRange()', (r) => r);
  }
  getHeaderRowRange(): RangeProxy {
    return this._range('getHeaderRowRange()', (r) => ({ ...r, rows: 1 }));
  }
  getDataBodyRange(): RangeProxy {
    return this._range('getDataBodyRange()', (r) => ({ ...r, r0: r.r0 + 1, rows: r.rows - 1 }));
  }
  delete(): void {
    this._enqueue('delete', null, () => {
      const { table, index } = this._resolve();
      if (table.rect.cols === 1) throw richError('InvalidOperation');
      table.sheet.deleteColumns(table.rect.c0 + index, 1, table.rect.r0, table.rect.rows);
      table.rect = { ...table.rect, cols: table.rect.cols - 1 };
      this._ref = undefined;
    });
  }
}

interface RowRef {
  table: TableModel;
  index: number;
}

export class TableRowCollectionProxy extends CollectionBase<TableRowProxy, RowRef> {
  readonly _type = 'TableRowCollection';
  constructor(
    ctx: Ctx,
    path: string,
    private readonly _table: TableProxy,
  ) {
    super(ctx, path);
  }
  override _check(): void {
    this._table._resolve();
  }
  protected _models(): RowRef[] {
    const table = this._table._resolve();
    return Array.from({ length: table.rect.rows - 1 }, (_, index) => ({ table, index }));
  }
  protected override _read(prop: string): unknown {
    return prop === 'count' ? this._table._resolve().rect.rows - 1 : undefined;
  }
  protected _item(ref: RowRef): TableRowProxy {
    return new TableRowProxy(this._ctx, `${this._path}.getItemAt(${ref.index})`, () => ref);
  }
  getItemAt(index: number): TableRowProxy {
    this._assertUsable();
    return new TableRowProxy(this._ctx, `${this._path}.getItemAt(${index})`, () => {
      const table = this._table._resolve();
      return index >= 0 && index < table.rect.rows - 1 ? { table, index } : undefined;
    });
  }
  /**
   * Adds rows (each call is counted in stats.tableRowsAddCalls). A table's single blank data row
   * (a fresh table) is filled first, as Excel does.
   */
  add(index?: number | null, values?: unknown, alwaysInsert?: boolean): TableRowProxy {
    this._ctx._stats.tableRowsAddCalls++;
    let created: RowRef | undefined;
    this._enqueue('add', { index: index ?? null, values: values ?? null, alwaysInsert: alwaysInsert ?? null }, () => {
      if (alwaysInsert !== undefined) this._gate('ExcelApi', '1.15', 'TableRowCollection.add');
      const table = this._table._resolve();
      const { sheet, rect } = table;
      const dataRows = rect.rows - 1;
      const grid = Array.isArray(values) ? (values as unknown[][]) : undefined;
      const n = grid ? grid.length : 1;
      if (grid && (n === 0 || grid.some((r) => !Array.isArray(r) || r.length !== rect.cols))) {
        throw richError('InvalidArgument', undefined, undefined, DIMENSION_MISMATCH);
      }
      if (n > 1) this._gate('ExcelApi', '1.4', 'TableRowCollection.add');
      let at = index === undefined || index === null || index === -1 ? dataRows : index;
      if (!Number.isInteger(at) || at < 0 || at > dataRows) throw richError('InvalidArgument');
      let grow = n;
      const firstData: Rect = { r0: rect.r0 + 1, c0: rect.c0, rows: 1, cols: rect.cols };
      if (dataRows === 1 && at === 1 && sheet.isEmpty(firstData)) {
        at = 0; // reuse the blank row of a fresh table
        grow = n - 1;
      }
      if (rect.r0 + rect.rows + grow > MAX_ROWS) throw richError('InvalidArgument');
      const insertAt = rect.r0 + 1 + at + (n - grow);
      if (grow > 0) {
        const below: Rect = { r0: rect.r0 + rect.rows, c0: rect.c0, rows: grow, cols: rect.cols };
        if (at + (n - grow) < dataRows || !sheet.isEmpty(below)) sheet.insertRows(insertAt, grow, rect.c0, rect.cols);
      }
      table.rect = { ...rect, rows: rect.rows + grow };
      const target: Rect = { r0: rect.r0 + 1 + at, c0: rect.c0, rows: n, cols: rect.cols };
      if (values !== undefined && values !== null) writeCells(this._ctx, sheet, target, 'values', values);
      created = { table, index: at };
    });
    return new TableRowProxy(this._ctx, `${this._path}.add()`, () => created);
  }
  deleteRowsAt(index: number, count = 1): void {
    this._enqueue('deleteRowsAt', [index, count], () => {
      this._gate('ExcelApi', '1.13', 'TableRowCollection.deleteRowsAt');
      const table = this._table._resolve();
      const dataRows = table.rect.rows - 1;
      if (!Number.isInteger(index) || !Number.isInteger(count) || index < 0 || count < 1 || index + count > dataRows) {
        throw richError('InvalidArgument');
      }
      deleteTableRows(table, index, count);
    });
  }
}

function deleteTableRows(table: TableModel, index: number, count: number): void {
  const { sheet, rect } = table;
  const dataRows = rect.rows - 1;
  if (count === dataRows) {
    // Excel keeps one blank data row.
    sheet.clear({ r0: rect.r0 + 1, c0: rect.c0, rows: dataRows, cols: rect.cols }, 'Contents');
    if (dataRows > 1) sheet.deleteRows(rect.r0 + 2, dataRows - 1, rect.c0, rect.cols);
    table.rect = { ...rect, rows: 2 };
    return;
  }
  sheet.deleteRows(rect.r0 + 1 + index, count, rect.c0, rect.cols);
  table.rect = { ...rect, rows: rect.rows - count };
}

export class TableRowProxy extends ProxyBase {
  readonly _type = 'TableRow';
  constructor(
    ctx: Ctx,
    path: string,
    private readonly _resolver: () => RowRef | undefined,
  ) {
    super(ctx, path);
  }
  _resolve(): RowRef {
    const ref = this._resolver();
    if (!ref || ref.table.deleted || ref.index >= ref.table.rect.rows - 1) throw richError('ItemNotFound');
    return ref;
  }
  _check(): void {
    this._resolve();
  }
  private _rect(): { sheet: SheetModel; rect: Rect } {
    const { table, index } = this._resolve();
    return { sheet: table.sheet, rect: { r0: table.rect.r0 + 1 + index, c0: table.rect.c0, rows: 1, cols: table.rect.cols } };
  }
  protected _scalars(): readonly string[] {
    return ['index', 'values'];
  }
  protected _read(prop: string): unknown {
    if (prop === 'index') return this._resolve().index;
    const { sheet, rect } = this._rect();
    return sheet.readValues(rect);
  }
  get index(): number {
    return this._get('index');
  }
  get values(): unknown[][] {
    return this._get('values');
  }
  getRange(): RangeProxy {
    this._assertUsable();
    return new RangeProxy(this._ctx, `${this._path}.getRange()`, () => this._rect());
  }
  delete(): void {
    this._enqueue('delete', null, () => {
      const { table, index } = this._resolve();
      deleteTableRows(table, index, 1);
    });
  }
}
