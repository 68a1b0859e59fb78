// The proxy-object machinery shared by every simulated Excel object: deferred actions, load(),
// PropertyNotLoaded, null objects, requirement-set gates, ClientResult.
import { SimRichApiError, propertyNotLoaded, richError, type FaultCode } from './errors';
import { jsonSize } from './wire';
import type { WorkbookModel, SimStats } from './model';

/** What a queued action does at sync. Results are committed only if the whole batch succeeds. */
export interface Action {
  path: string;
  op: string;
  args?: unknown;
  exec: (batch: Batch) => void;
}

export interface Commit {
  size: (budget: number) => number;
  apply: () => void;
}

export class Batch {
  readonly commits: Commit[] = [];
}

/** The parts of the request context the proxies need (see context.ts). */
export interface Ctx {
  readonly _wb: WorkbookModel;
  readonly _stats: SimStats;
  readonly _options: { maxReadCells: number; faults?: Readonly<Record<string, FaultCode>> };
  _alive: boolean;
  _queue: Action[];
  /** *OrNullObject proxies not yet resolved: the next successful sync tells each whether it exists. */
  _nullables: ProxyBase[];
  _isSupported(set: string, version: string): boolean;
}

/** A parsed load() argument: scalar properties and navigation properties with their own loads. */
export interface LoadSpec {
  all: boolean;
  props: Set<string>;
  nav: Map<string, LoadSpec>;
}

const emptySpec = (): LoadSpec => ({ all: false, props: new Set(), nav: new Map() });

function addPath(spec: LoadSpec, path: string): void {
  const parts = path.split('/').map((p) => p.trim()).filter(Boolean);
  let at = spec;
  for (let i = 0; i < parts.length - 1; i++) {
    let next = at.nav.get(parts[i]);
    if (!next) at.nav.set(parts[i], (next = emptySpec()));
    at = next;
  }
  const last = parts[parts.length - 1];
  if (last === undefined) return;
  if (last === '*' || last === '$all') at.all = true;
  else at.props.add(last);
}

/** Accepts every form office-js accepts: 'a, b/c', ['a'], { select, expand }, { a: true, b: { c: true } }. */
export function parseLoad(arg: unknown): LoadSpec {
  const spec = emptySpec();
  if (arg === undefined || arg === null) {
    spec.all = true;
    return spec;
  }
  if (typeof arg === 'string') {
    for (const p of arg.split(',')) addPath(spec, p);
    if (spec.props.size === 0 && spec.nav.size === 0) spec.all = true;
    return spec;
  }
  if (Array.isArray(arg)) {
    for (const p of arg) for (const q of String(p).split(',')) addPath(spec, q);
    return spec;
  }
  if (typeof arg === 'object') {
    const o = arg as Record<string, unknown>;
    if ('select' in o || 'expand' in o) {
      if (typeof o.select === 'string') for (const p of o.select.split(',')) addPath(spec, p);
      if (typeof o.expand === 'string') for (const p of o.expand.split(',')) if (p.trim()) spec.nav.set(p.trim(), { ...emptySpec(), all: true });
      if (spec.props.size === 0 && spec.nav.size === 0) spec.all = true;
      return spec;
    }
    for (const [k, v] of Object.entries(o)) {
      if (k.startsWith('$')) {
        if (k === '$all' && v === true) spec.all = true;
        continue;
      }
      if (v === true) spec.props.add(k);
      else if (v && typeof v === 'object') spec.nav.set(k, parseLoad(v));
    }
    return spec;
  }
  throw richError('InvalidArgument');
}

/** OfficeExtension.ClientResult: `.value` is readable only after the sync that carried it. */
export class SimClientResult<T> {
  private _v: T | undefined;
  private _set = false;
  get value(): T {
    if (!this._set) throw richError('ValueNotLoaded');
    return this._v as T;
  }
  _resolve(v: T): void {
    this._v = v;
    this._set = true;
  }
}

/** The fault injected for an API name or one of its prefixes (`Chart.title` covers `Chart.title.text`). */
function faultFor(faults: Readonly<Record<string, FaultCode>> | undefined, api: string): FaultCode | undefined {
  if (!faults) return undefined;
  for (let name = api; ; name = name.slice(0, name.lastIndexOf('.'))) {
    if (faults[name]) return faults[name];
    if (!name.includes('.')) return undefined;
  }
}

export const gateMessage = (set: string, version: string) => `${set} ${version}`;

export abstract class ProxyBase {
  abstract readonly _type: string;
  readonly _loaded = new Map<string, unknown>();
  _isNull: boolean | undefined;
  private readonly _kids = new Map<string, ProxyBase>();

  constructor(
    readonly _ctx: Ctx,
    readonly _path: string,
    /** True for objects from *OrNullObject methods. */
    readonly _nullable = false,
  ) {
    // Excel answers isNullObject after the next sync even when nothing was loaded on the object.
    if (_nullable) _ctx._nullables.push(this);
  }

  /** The request context; typed as Excel's at the API boundary. */
  get context(): unknown {
    return this._ctx;
  }

  /** Loadable scalar properties of this type. */
  protected abstract _scalars(): readonly string[];
  /** Reads a scalar from the model (at sync). */
  protected abstract _read(prop: string): unknown;
  /** Checks the object still resolves (at sync); throws ItemNotFound etc. when not. */
  abstract _check(): void;
  /** For the request context: does a nullable object's target exist (at sync)? */
  _existsNow(): boolean {
    return this._exists();
  }

  /** For nullable objects: does the target exist? */
  protected _exists(): boolean {
    try {
      this._check();
      return true;
    } catch (e) {
      if (e instanceof SimRichApiError && e.code === 'ItemNotFound') return false;
      throw e;
    }
  }
  /** Navigation properties usable in load paths ('worksheet/name', 'format/font/bold'). */
  protected _navigate(_name: string): ProxyBase | undefined {
    return undefined;
  }

  protected _kid<T extends ProxyBase>(key: string, make: () => T): T {
    let kid = this._kids.get(key);
    if (!kid) this._kids.set(key, (kid = make()));
    return kid as T;
  }

  _assertUsable(): void {
    if (!this._ctx._alive) throw richError('InvalidObjectPath', this._path);
  }

  protected _gate(set: string, version: string, location: string): void {
    if (!this._ctx._isSupported(set, version)) throw richError('ApiNotFound', undefined, location);
  }

  protected _get<T>(prop: string): T {
    if (!this._loaded.has(prop)) throw propertyNotLoaded(prop, `${this._type}.${prop}`);
    return this._loaded.get(prop) as T;
  }

  /**
   * Queues an action. `exec` runs at sync, in order, against the model. Its API name (`Chart.title.text`,
   * `WorksheetFreezePanes.freezeRows`) is counted in the stats, and a fault injected for that name (or
   * a prefix of it: `Chart.title`) is thrown instead of running it.
   */
  _enqueue(op: string, args: unknown, exec: (batch: Batch) => void): void {
    this._assertUsable();
    const location = `${this._type}.${op}`;
    // Options bags record `Chart.title.text` as their op: their type is already in it.
    const api = op.includes('.') ? op : location;
    this._ctx._queue.push({
      path: this._path,
      op,
      args,
      exec: (batch) => {
        try {
          this._ctx._stats.apis.add(api);
          const fault = faultFor(this._ctx._options.faults, api);
          if (fault) throw richError(fault, undefined, api);
          exec(batch);
        } catch (e) {
          if (e instanceof SimRichApiError && !e.debugInfo.errorLocation) e.debugInfo.errorLocation = location;
          throw e;
        }
      },
    });
  }

  /** A property write: queued, and (as office-js does) kept locally so reading it back works. */
  protected _setProp(prop: string, value: unknown, apply: () => void): void {
    this._enqueue(prop, value, () => {
      this._check();
      apply();
    });
    this._loaded.set(prop, value);
  }

  get isNullObject(): boolean {
    if (this._isNull === undefined) throw propertyNotLoaded('isNullObject', `${this._type}.isNullObject`);
    return this._isNull;
  }

  load(arg?: unknown): this {
    const spec = parseLoad(arg);
    this._enqueue('load', arg ?? null, (batch) => this._execLoad(spec, batch));
    return this;
  }

  /** Runs a load at sync: reads the requested properties and stages them as a commit. */
  _execLoad(spec: LoadSpec, batch: Batch): void {
    if (this._nullable && !this._exists()) {
      batch.commits.push({
        size: () => 4,
        apply: () => {
          this._isNull = true;
        },
      });
      return;
    }
    this._check();
    const props = spec.all ? [...this._scalars()] : [...spec.props];
    const known = this._scalars();
    const values: Record<string, unknown> = {};
    for (const p of props) {
      if (!known.includes(p)) {
        const kid = this._navigate(p);
        if (kid) {
          kid._execLoad({ all: true, props: new Set(), nav: new Map() }, batch);
          continue;
        }
        throw richError('InvalidArgument', undefined, `${this._type}.load`, `[sim] The property '${p}' does not exist on ${this._type}.`);
      }
      values[p] = this._read(p);
    }
    for (const [name, sub] of spec.nav) {
      const kid = this._navigate(name);
      if (!kid) throw richError('InvalidArgument', undefined, `${this._type}.load`, `[sim] '${name}' is not a navigation property of ${this._type}.`);
      kid._execLoad(sub, batch);
    }
    batch.commits.push({
      size: (budget) => jsonSize(values, budget),
      apply: () => {
        this._isNull = false;
        for (const [k, v] of Object.entries(values)) this._loaded.set(k, v);
      },
    });
  }

  /** Object.set({...}): assigns settable properties, recursing into navigation objects. */
  set(properties: Record<string, unknown>): void {
    for (const [k, v] of Object.entries(properties)) {
      const kid = this._navigate(k);
      if (kid && v && typeof v === 'object' && !Array.isArray(v)) kid.set(v as Record<string, unknown>);
      else (this as unknown as Record<string, unknown>)[k] = v;
    }
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this._loaded);
  }

  untrack(): this {
    return this;
  }

  track(): this {
    return this;
  }
}

/** A collection: `items` is filled by load(); item properties come from 'items/x' or plain 'x'. */
export abstract class CollectionBase<Item extends ProxyBase, Model> extends ProxyBase {
  protected abstract _models(): Model[];
  protected abstract _item(model: Model): Item;

  protected _scalars(): readonly string[] {
    return ['count'];
  }
  protected _read(prop: string): unknown {
    if (prop === 'count') return this._models().length;
    return undefined;
  }
  _check(): void {}

  get items(): Item[] {
    return this._get<Item[]>('items');
  }

  get count(): number {
    return this._get<number>('count');
  }

  override _execLoad(spec: LoadSpec, batch: Batch): void {
    this._check();
    const itemSpec: LoadSpec = spec.nav.get('items') ?? { all: spec.all, props: new Set(), nav: new Map() };
    let wantsCount = false;
    for (const p of spec.props) {
      if (p === 'count') wantsCount = true;
      else if (p === 'items') itemSpec.all = true;
      else itemSpec.props.add(p);
    }
    for (const [k, v] of spec.nav) if (k !== 'items') itemSpec.nav.set(k, v);
    if (!spec.all && !spec.nav.has('items') && itemSpec.props.size === 0 && itemSpec.nav.size === 0 && !itemSpec.all) {
      if (!wantsCount) itemSpec.all = true;
    }
    const models = this._models();
    const items = models.map((m) => this._item(m));
    const loadItems = itemSpec.all || itemSpec.props.size > 0 || itemSpec.nav.size > 0;
    if (loadItems) for (const item of items) item._execLoad(itemSpec, batch);
    const count = models.length;
    batch.commits.push({
      size: () => 12,
      apply: () => {
        this._isNull = false;
        if (loadItems) this._loaded.set('items', items);
        this._loaded.set('count', count);
      },
    });
  }

  getCount(): SimClientResult<number> {
    const result = new SimClientResult<number>();
    this._enqueue('getCount', null, (batch) => {
      this._check();
      const n = this._models().length;
      batch.commits.push({ size: () => 8, apply: () => result._resolve(n) });
    });
    return result;
  }
}
