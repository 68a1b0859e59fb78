// Worksheet.autoFilter and Table.autoFilter (ExcelApi 1.9): whether the user's filter hides rows. Tests
// set the model's `filtered` flags; the office host only reads them.
import { ProxyBase, type Ctx } from './base';

/** What an AutoFilter reports: set up on the range (`enabled`), and with criteria hiding rows (`isDataFiltered`). */
export interface AutoFilterModel {
  enabled: boolean;
  isDataFiltered: boolean;
}

export class AutoFilterProxy extends ProxyBase {
  readonly _type = 'AutoFilter';
  constructor(
    ctx: Ctx,
    path: string,
    /** The owner's filter, resolved at sync (throws ItemNotFound when the sheet or table is gone). */
    private readonly _resolver: () => AutoFilterModel | undefined,
  ) {
    super(ctx, path);
  }
  _check(): void {
    this._gate('ExcelApi', '1.9', 'AutoFilter');
    this._resolver();
  }
  protected _scalars(): readonly string[] {
    return ['enabled', 'isDataFiltered'];
  }
  protected _read(prop: string): unknown {
    const f = this._resolver() ?? { enabled: false, isDataFiltered: false };
    return prop === 'enabled' ? f.enabled : f.isDataFiltered;
  }
  get enabled(): boolean {
    return this._get('enabled');
  }
  get isDataFiltered(): boolean {
    return this._get('isDataFiltered');
  }
}
