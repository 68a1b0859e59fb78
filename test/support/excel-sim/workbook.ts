// The workbook object: worksheets, tables, settings (ExcelApi 1.4), the selection, and the
// application/runtime switches an add-in flips while it writes (calculation, screen, events).
import { CollectionBase, Ctx, ProxyBase } from './base';
import { richError } from './errors';
import { RangeProxy } from './range';
import { WorksheetCollectionProxy } from './sheet';
import { TableCollectionProxy } from './tables';
import { NamedItemCollectionProxy } from './names';

const q = (s: string) => JSON.stringify(s);

export class WorkbookProxy extends ProxyBase {
  readonly _type = 'Workbook';
  _check(): void {}
  protected _scalars(): readonly string[] {
    return ['name'];
  }
  protected _read(): unknown {
    return 'Book1.xlsx';
  }
  get worksheets(): WorksheetCollectionProxy {
    return this._kid('worksheets', () => new WorksheetCollectionProxy(this._ctx, 'workbook.worksheets'));
  }
  get tables(): TableCollectionProxy {
    return this._kid('tables', () => new TableCollectionProxy(this._ctx, 'workbook.tables'));
  }
  get names(): NamedItemCollectionProxy {
    return this._kid('names', () => new NamedItemCollectionProxy(this._ctx, 'workbook.names'));
  }
  get settings(): SettingCollectionProxy {
    return this._kid('settings', () => new SettingCollectionProxy(this._ctx, 'workbook.settings'));
  }
  get application(): ApplicationProxy {
    return this._kid('application', () => new ApplicationProxy(this._ctx, 'workbook.application'));
  }
  get protection(): WorkbookProtectionProxy {
    return this._kid('protection', () => new WorkbookProtectionProxy(this._ctx, 'workbook.protection'));
  }
  get functions(): FunctionsProxy {
    return this._kid('functions', () => new FunctionsProxy(this._ctx, 'workbook.functions'));
  }
  getSelectedRange(): RangeProxy {
    this._assertUsable();
    return new RangeProxy(this._ctx, 'workbook.getSelectedRange()', () => {
      const sel = this._ctx._wb.selection;
      if (!sel) throw richError('ItemNotFound');
      return { sheet: sel.sheet, rect: { ...sel.rect } };
    });
  }
}

/** Settings travel with the file; a value must survive JSON (Excel stores it as JSON). */
export class SettingCollectionProxy extends CollectionBase<SettingProxy, string> {
  readonly _type = 'SettingCollection';
  override _check(): void {
    this._gate('ExcelApi', '1.4', 'Workbook.settings');
  }
  protected _models(): string[] {
    return [...this._ctx._wb.settings.keys()];
  }
  protected _item(key: string): SettingProxy {
    return new SettingProxy(this._ctx, `${this._path}.getItem(${q(key)})`, key);
  }
  add(key: string, value: unknown): SettingProxy {
    this._enqueue('add', [key, value], () => {
      this._check();
      if (typeof key !== 'string' || key === '' || value === undefined) throw richError('InvalidArgument');
      this._ctx._wb.settings.set(key, JSON.parse(JSON.stringify(value)));
    });
    return new SettingProxy(this._ctx, `${this._path}.add(${q(key)})`, key);
  }
  getItem(key: string): SettingProxy {
    this._assertUsable();
    return new SettingProxy(this._ctx, `${this._path}.getItem(${q(key)})`, key);
  }
  getItemOrNullObject(key: string): SettingProxy {
    this._assertUsable();
    return new SettingProxy(this._ctx, `${this._path}.getItemOrNullObject(${q(key)})`, key, true);
  }
}

export class SettingProxy extends ProxyBase {
  readonly _type = 'Setting';
  constructor(
    ctx: Ctx,
    path: string,
    private readonly _key: string,
    nullable = false,
  ) {
    super(ctx, path, nullable);
  }
  _check(): void {
    this._gate('ExcelApi', '1.4', 'Setting');
    if (!this._ctx._wb.settings.has(this._key)) throw richError('ItemNotFound');
  }
  protected _scalars(): readonly string[] {
    return ['key', 'value'];
  }
  protected _read(prop: string): unknown {
    return prop === 'key' ? this._key : this._ctx._wb.settings.get(this._key);
  }
  get key(): string {
    return this._get('key');
  }
  get value(): unknown {
    return this._get('value');
  }
  set value(v: unknown) {
    this._setProp('value', v, () => {
      this._ctx._wb.settings.set(this._key, JSON.parse(JSON.stringify(v)));
    });
  }
  delete(): void {
    this._enqueue('delete', null, () => {
      this._check();
      this._ctx._wb.settings.delete(this._key);
    });
  }
}

/** What an add-in may suspend until the next sync; the counts let tests see that it asked. */
export class ApplicationProxy extends ProxyBase {
  readonly _type = 'Application';
  _check(): void {}
  protected _scalars(): readonly string[] {
    return ['calculationMode'];
  }
  protected _read(): unknown {
    return this._ctx._wb.calculationMode;
  }
  get calculationMode(): string {
    return this._get('calculationMode');
  }
  suspendApiCalculationUntilNextSync(): void {
    this._enqueue('suspendApiCalculationUntilNextSync', null, () => {
      this._gate('ExcelApi', '1.6', 'Application.suspendApiCalculationUntilNextSync');
      this._ctx._wb.suspensions.apiCalculation++;
    });
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this._enqueue('suspendScreenUpdatingUntilNextSync', null, () => {
      this._gate('ExcelApi', '1.9', 'Application.suspendScreenUpdatingUntilNextSync');
      this._ctx._wb.suspensions.screenUpdating++;
    });
  }
}

/** context.runtime (ExcelApi 1.8): events off while an add-in writes, so its own writes do not fire them. */
export class RuntimeProxy extends ProxyBase {
  readonly _type = 'Runtime';
  _check(): void {
    this._gate('ExcelApi', '1.8', 'Runtime');
  }
  protected _scalars(): readonly string[] {
    return ['enableEvents'];
  }
  protected _read(): unknown {
    return this._ctx._wb.enableEvents;
  }
  get enableEvents(): boolean {
    return this._get('enableEvents');
  }
  set enableEvents(v: boolean) {
    this._setProp('enableEvents', v, () => {
      this._check();
      this._ctx._wb.enableEvents = !!v;
    });
  }
}

/** workbook.functions (ExcelApi 1.2): worksheet functions evaluated by Excel. Only DATE, which Tierwise asks. */
export class FunctionsProxy extends ProxyBase {
  readonly _type = 'Functions';
  _check(): void {
    this._gate('ExcelApi', '1.2', 'Functions');
  }
  protected _scalars(): readonly string[] {
    return [];
  }
  protected _read(): unknown {
    return undefined;
  }
  date(year: number, month: number, day: number): FunctionResultProxy {
    this._assertUsable();
    return new FunctionResultProxy(this._ctx, `${this._path}.date(${year},${month},${day})`, () => {
      this._check();
      return excelDate(year, month, day, this._ctx._wb.date1904);
    });
  }
}

/** A function's result: `value`, or `error` (`#NUM!`) when Excel's function fails; read after a load and a sync. */
export class FunctionResultProxy extends ProxyBase {
  readonly _type = 'FunctionResult';
  constructor(
    ctx: Ctx,
    path: string,
    private readonly _evaluate: () => { value: unknown; error: string | null },
  ) {
    super(ctx, path);
  }
  _check(): void {}
  protected _scalars(): readonly string[] {
    return ['value', 'error'];
  }
  protected _read(prop: string): unknown {
    const r = this._evaluate();
    return prop === 'value' ? r.value : r.error;
  }
  get value(): unknown {
    return this._get('value');
  }
  get error(): string | null {
    return this._get('error');
  }
}

/**
 * Excel's DATE(year, month, day) in the workbook's date system, for years 1900 to 9999 and months and
 * days in range (Tierwise asks DATE(1904, 1, 1): 1462 in the 1900 system, 0 in the 1904 system).
 * Written apart from the engine's date code on purpose, so a test checks one against the other.
 */
function excelDate(year: number, month: number, day: number, date1904: boolean): { value: unknown; error: string | null } {
  const days = Date.UTC(year, month - 1, day) / 86_400_000;
  const from = date1904 ? Date.UTC(1904, 0, 1) / 86_400_000 : Date.UTC(1899, 11, 30) / 86_400_000;
  let serial = days - from;
  // The 1900 system counts the 29th of February 1900 that never was: serials before March 1900 are one less.
  if (!date1904 && days < Date.UTC(1900, 2, 1) / 86_400_000) serial -= 1;
  if (year < 1900 || year > 9999 || serial < 0 || !Number.isInteger(serial)) return { value: null, error: '#NUM!' };
  return { value: serial, error: null };
}

/** Workbook.protection (ExcelApi 1.7): whether Review > Protect Workbook (its structure) is on. */
export class WorkbookProtectionProxy extends ProxyBase {
  readonly _type = 'WorkbookProtection';
  _check(): void {
    this._gate('ExcelApi', '1.7', 'WorkbookProtection');
  }
  protected _scalars(): readonly string[] {
    return ['protected'];
  }
  protected _read(): unknown {
    return this._ctx._wb.structureProtected;
  }
  get protected(): boolean {
    return this._get('protected');
  }
}
