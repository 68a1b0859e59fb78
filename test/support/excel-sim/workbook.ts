// The workbook object: worksheets, tables, settings (ExcelApi 1.4), the selection, and the
// application/runtime switches an add-in flips while it writes (calculation, screen, events).
import { CollectionBase, Ctx, ProxyBase } from './base';
import { richError } from './errors';
import { RangeProxy } from './range';
import { WorksheetCollectionProxy } from './sheet';
import { TableCollectionProxy } from './tables';

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
  get settings(): SettingCollectionProxy {
    return this._kid('settings', () => new SettingCollectionProxy(this._ctx, 'workbook.settings'));
  }
  get application(): ApplicationProxy {
    return this._kid('application', () => new ApplicationProxy(this._ctx, 'workbook.application'));
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
