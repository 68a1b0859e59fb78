// Defined names (Formulas > Name Manager): workbook.names, and worksheet.names for names scoped to
// one sheet (ExcelApi 1.4). Enough to list them and add one; a table may not take a defined name's
// name (WorkbookModel.checkTableName).
import { CollectionBase, Ctx, ProxyBase } from './base';
import { richError } from './errors';
import type { DefinedName } from './model';
import type { WorksheetProxy } from './sheet';

const q = (s: string) => JSON.stringify(s);

export class NamedItemCollectionProxy extends CollectionBase<NamedItemProxy, DefinedName> {
  readonly _type = 'NamedItemCollection';
  constructor(
    ctx: Ctx,
    path: string,
    /** Set for worksheet.names: the names scoped to that sheet; unset: the workbook's own. */
    private readonly _scope?: WorksheetProxy,
  ) {
    super(ctx, path);
  }
  override _check(): void {
    if (this._scope) {
      this._gate('ExcelApi', '1.4', 'Worksheet.names');
      this._scope._resolve();
    }
  }
  protected _models(): DefinedName[] {
    const sheet = this._scope?._resolve();
    return this._ctx._wb.names.filter((n) => n.sheet === sheet);
  }
  protected _item(model: DefinedName): NamedItemProxy {
    return new NamedItemProxy(this._ctx, `${this._path}.getItem(${q(model.name)})`, () => model);
  }
  add(name: string, reference: string): NamedItemProxy {
    let created: DefinedName | undefined;
    this._enqueue('add', [name, reference], () => {
      this._check();
      created = this._ctx._wb.addName(name, reference, this._scope?._resolve());
    });
    return new NamedItemProxy(this._ctx, `${this._path}.add(${q(name)})`, () => created);
  }
}

export class NamedItemProxy extends ProxyBase {
  readonly _type = 'NamedItem';
  constructor(
    ctx: Ctx,
    path: string,
    private readonly _resolver: () => DefinedName | undefined,
  ) {
    super(ctx, path);
  }
  private _model(): DefinedName {
    const m = this._resolver();
    if (!m) throw richError('ItemNotFound');
    return m;
  }
  _check(): void {
    this._model();
  }
  protected _scalars(): readonly string[] {
    return ['name', 'formula', 'scope'];
  }
  protected _read(prop: string): unknown {
    const m = this._model();
    return prop === 'name' ? m.name : prop === 'formula' ? m.formula : m.sheet ? 'Worksheet' : 'Workbook';
  }
  get name(): string {
    return this._get('name');
  }
}
