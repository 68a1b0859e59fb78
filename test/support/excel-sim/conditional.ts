// What hangs off a range besides its values and format: conditional formats (ExcelApi 1.6) and data
// validation (1.8), plus the recorder used for their nested option objects (and chart options).
import { contains, formatLocal, intersects, quoteSheet } from './address';
import { CollectionBase, Ctx, ProxyBase } from './base';
import { richError } from './errors';
import type { ConditionalFormatModel } from './model';
import { RangeProxy } from './range';

const q = (s: string) => JSON.stringify(s);

/**
 * A write-only recorder for nested option objects (conditional-format rules and formats, chart
 * legend/axes): `x.a.b = v` queues an action that stores v at path a.b in the model.
 */
export function recorder(owner: ProxyBase, label: string, apply: (path: string[], value: unknown) => void, path: string[] = []): Record<string, unknown> {
  const kids = new Map<string, Record<string, unknown>>();
  return new Proxy({} as Record<string, unknown>, {
    get(_t, prop) {
      if (typeof prop !== 'string' || prop === 'then' || prop === 'toJSON') return undefined;
      let kid = kids.get(prop);
      if (!kid) kids.set(prop, (kid = recorder(owner, label, apply, [...path, prop])));
      return kid;
    },
    set(_t, prop, value) {
      if (typeof prop !== 'string') return false;
      const full = [...path, prop];
      owner._enqueue(`${label}.${full.join('.')}`, value, () => {
        owner._check();
        apply(full, value);
      });
      return true;
    },
  });
}

export function setPath(target: Record<string, unknown>, path: string[], value: unknown): void {
  let at = target;
  for (const p of path.slice(0, -1)) {
    const next = at[p];
    at = (next && typeof next === 'object' ? next : (at[p] = {})) as Record<string, unknown>;
  }
  at[path[path.length - 1]] = value;
}

const CF_ACCESSOR: Record<string, string> = {
  Custom: 'custom',
  ContainsText: 'textComparison',
  CellValue: 'cellValue',
  DataBar: 'dataBar',
  ColorScale: 'colorScale',
  IconSet: 'iconSet',
  TopBottom: 'topBottom',
  PresetCriteria: 'presetCriteria',
};

export class ConditionalFormatCollectionProxy extends CollectionBase<ConditionalFormatProxy, ConditionalFormatModel> {
  readonly _type = 'ConditionalFormatCollection';
  constructor(
    ctx: Ctx,
    path: string,
    private readonly _range: RangeProxy,
  ) {
    super(ctx, path);
  }
  override _check(): void {
    this._gate('ExcelApi', '1.6', 'Range.conditionalFormats');
    this._range._resolve();
  }
  protected _models(): ConditionalFormatModel[] {
    const { sheet, rect } = this._range._resolve();
    return sheet.conditionalFormats.filter((cf) => !cf.deleted && intersects(cf.rect, rect));
  }
  protected _item(model: ConditionalFormatModel): ConditionalFormatProxy {
    return new ConditionalFormatProxy(this._ctx, `${this._path}.getItem(${q(model.id)})`, () => model);
  }
  add(type: string): ConditionalFormatProxy {
    let created: ConditionalFormatModel | undefined;
    this._enqueue('add', type, () => {
      this._check();
      if (!(type in CF_ACCESSOR)) throw richError('InvalidArgument');
      const { sheet, rect } = this._range._resolve();
      created = { id: this._ctx._wb.newId('cf'), rect, type, props: {} };
      sheet.conditionalFormats.push(created);
    });
    return new ConditionalFormatProxy(this._ctx, `${this._path}.add(${q(type)})`, () => created);
  }
  clearAll(): void {
    this._enqueue('clearAll', null, () => {
      for (const cf of this._models()) cf.deleted = true;
    });
  }
}

export class ConditionalFormatProxy extends ProxyBase {
  readonly _type = 'ConditionalFormat';
  constructor(
    ctx: Ctx,
    path: string,
    private readonly _resolver: () => ConditionalFormatModel | undefined,
  ) {
    super(ctx, path);
    for (const accessor of Object.values(CF_ACCESSOR)) {
      Object.defineProperty(this, accessor, {
        enumerable: true,
        get: () =>
          this._kid(accessor, () => {
            const rec = recorder(this, `ConditionalFormat.${accessor}`, (p, v) => {
              const model = this._model();
              if (CF_ACCESSOR[model.type] !== accessor) {
                throw richError('InvalidArgument', undefined, undefined, `[sim] '${accessor}' does not apply to a ${model.type} conditional format.`);
              }
              setPath(model.props, p, v);
            });
            return rec as unknown as ProxyBase;
          }),
      });
    }
  }
  _model(): ConditionalFormatModel {
    const m = this._resolver();
    if (!m || m.deleted) throw richError('ItemNotFound');
    return m;
  }
  _check(): void {
    this._model();
  }
  protected _scalars(): readonly string[] {
    return ['id', 'type', 'priority', 'stopIfTrue'];
  }
  protected _read(prop: string): unknown {
    const m = this._model();
    if (prop === 'id') return m.id;
    if (prop === 'type') return m.type;
    return m.props[prop] ?? null;
  }
  get type(): string {
    return this._get('type');
  }
  get priority(): number {
    return this._get('priority');
  }
  set priority(v: number) {
    this._setProp('priority', v, () => {
      this._model().props.priority = v;
    });
  }
  get stopIfTrue(): boolean {
    return this._get('stopIfTrue');
  }
  set stopIfTrue(v: boolean) {
    this._setProp('stopIfTrue', v, () => {
      this._model().props.stopIfTrue = v;
    });
  }
  delete(): void {
    this._enqueue('delete', null, () => {
      this._model().deleted = true;
    });
  }
}

const DV_RULES = ['list', 'wholeNumber', 'decimal', 'date', 'time', 'textLength', 'custom'];

export class DataValidationProxy extends ProxyBase {
  readonly _type = 'DataValidation';
  constructor(
    ctx: Ctx,
    path: string,
    private readonly _range: RangeProxy,
  ) {
    super(ctx, path);
  }
  _check(): void {
    this._gate('ExcelApi', '1.8', 'Range.dataValidation');
    this._range._resolve();
  }
  protected _scalars(): readonly string[] {
    return ['rule', 'type', 'ignoreBlanks'];
  }
  protected _read(prop: string): unknown {
    const { sheet, rect } = this._range._resolve();
    const dv = sheet.dataValidations.find((d) => contains(d.rect, rect));
    if (prop === 'ignoreBlanks') return true;
    if (prop === 'type') return dv ? rulePrettyType(dv.rule) : 'None';
    return dv ? dv.rule : {};
  }
  get rule(): Record<string, unknown> {
    return this._get('rule');
  }
  set rule(rule: Record<string, unknown>) {
    this._setProp('rule', rule, () => {
      const kinds = rule && typeof rule === 'object' ? Object.keys(rule).filter((k) => DV_RULES.includes(k)) : [];
      if (kinds.length !== 1) throw richError('InvalidArgument');
      let stored = rule;
      if (kinds[0] === 'list') stored = { list: checkListRule(rule.list) };
      const { sheet, rect } = this._range._resolve();
      const keep = sheet.dataValidations.filter((d) => !contains(rect, d.rect));
      sheet.dataValidations.splice(0, sheet.dataValidations.length, ...keep, { rect, rule: JSON.parse(JSON.stringify(stored)) });
    });
  }
  get type(): string {
    return this._get('type');
  }
  clear(): void {
    this._enqueue('clear', null, () => {
      this._check();
      const { sheet, rect } = this._range._resolve();
      const keep = sheet.dataValidations.filter((d) => !intersects(rect, d.rect));
      sheet.dataValidations.splice(0, sheet.dataValidations.length, ...keep);
    });
  }
}

function rulePrettyType(rule: Record<string, unknown>): string {
  const k = Object.keys(rule)[0] ?? 'None';
  return k.charAt(0).toUpperCase() + k.slice(1);
}

/** A typed-in list (not a =reference) is limited to 255 characters, as in Excel's Source box. */
function checkListRule(list: unknown): Record<string, unknown> {
  if (!list || typeof list !== 'object') throw richError('InvalidArgument');
  const { source, inCellDropDown } = list as { source?: unknown; inCellDropDown?: unknown };
  if (source instanceof RangeProxy) {
    const { sheet, rect } = source._resolve();
    const absolute = `${quoteSheet(sheet.name)}!${formatLocal(rect).replace(/([A-Z]+)(\d+)/g, '$$$1$$$2')}`;
    return { inCellDropDown: inCellDropDown !== false, source: `=${absolute}` };
  }
  if (typeof source !== 'string' || source.trim() === '') throw richError('InvalidArgument');
  if (!source.startsWith('=') && source.length > 255) {
    throw richError('InvalidArgument', undefined, undefined, '[sim] A data-validation list typed as text is limited to 255 characters; use a range reference (=Sheet!$A$1:$A$9).');
  }
  return { inCellDropDown: inCellDropDown !== false, source };
}

