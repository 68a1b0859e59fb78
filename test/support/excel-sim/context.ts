// The request context and `Excel.run`: proxies queue actions, `sync()` sends them as one batch.
// The batch is measured the way it would travel (JSON), refused over the payload limits, then run
// in order against the model. As in Excel, a batch is not a transaction: actions before a failing
// one stay done, loads of a failed batch are not delivered.
import { Action, Batch, Ctx, ProxyBase } from './base';
import { richError, type FaultCode } from './errors';
import { WorkbookModel, emptyStats, type SimStats } from './model';
import { jsonSize } from './wire';
import { RuntimeProxy, WorkbookProxy } from './workbook';

/** Excel on the web: 5 MB per request and per response; a read may not pass 5,000,000 cells. */
export const PAYLOAD_LIMIT = 5_000_000;
export const READ_CELL_LIMIT = 5_000_000;
/** What the protocol adds around each action and each loaded object (ids, op codes, brackets). */
const ACTION_OVERHEAD = 40;
const RESULT_OVERHEAD = 16;

export interface SimOptions {
  /** The highest ExcelApi requirement set supported, as its minor version: 9 means ExcelApi 1.1-1.9. */
  excelApi: number;
  requestLimit: number;
  responseLimit: number;
  maxReadCells: number;
  /**
   * Called before each batch runs. An error returned is thrown in the middle of that batch (after
   * half its actions ran, as when Excel fails on one); `{ error, after: 0 }` fails it before any
   * action ran (a lost connection).
   */
  inject?: (sync: number, actions: readonly { path: string; op: string }[]) => Error | { error: Error; after: number } | undefined;
  /**
   * APIs this Excel refuses, by name as `stats.apis` lists them (`ChartCollection.add`,
   * `Chart.title`, `WorksheetFreezePanes.freezeRows`), with the code it answers: what a build or
   * platform that does not do something answers (docs/excel-host.md).
   */
  faults?: Record<string, FaultCode>;
}

export const defaultOptions = (): SimOptions => ({ excelApi: 17, requestLimit: PAYLOAD_LIMIT, responseLimit: PAYLOAD_LIMIT, maxReadCells: READ_CELL_LIMIT });

/** Proxies in arguments travel as references (their path), not as their loaded data. */
function wire(value: unknown): unknown {
  if (value instanceof ProxyBase) return { _ref: value._path };
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, wire(v)]));
  }
  return value;
}

/** Requirement-set versions compare by minor number: 1.10 is newer than 1.9. */
function supports(options: SimOptions, set: string, version: string): boolean {
  const [major, minor] = version.split('.').map(Number);
  return set === 'ExcelApi' && major === 1 && (minor ?? 0) <= options.excelApi;
}

export class SimContext implements Ctx {
  _alive = true;
  _queue: Action[] = [];
  _nullables: ProxyBase[] = [];
  readonly workbook: WorkbookProxy;
  readonly runtime: RuntimeProxy;
  readonly trackedObjects = { add: (): void => undefined, remove: (): void => undefined };

  constructor(
    readonly _wb: WorkbookModel,
    readonly _stats: SimStats,
    readonly _options: SimOptions,
    /** Excel.run's `delayForCellEdit`: wait for the user to leave the cell instead of failing. */
    readonly _delayForCellEdit = false,
  ) {
    this.workbook = new WorkbookProxy(this, 'workbook');
    this.runtime = new RuntimeProxy(this, 'runtime');
  }

  _isSupported(set: string, version: string): boolean {
    return supports(this._options, set, version);
  }

  async sync(): Promise<void> {
    if (!this._alive) throw richError('InvalidRequestContext');
    const actions = this._queue;
    this._queue = [];
    if (actions.length === 0 && this._nullables.length === 0) return;
    // The user typing in a cell: Excel runs nothing until they leave it, and without delayForCellEdit
    // refuses the batch at once (the default: OfficeDev/office-js-docs-reference#2244).
    while (this._wb.cellEditing) {
      if (!this._delayForCellEdit) {
        this._stats.refusedSyncs++;
        throw richError('InvalidOperationInCellEditMode');
      }
      this._stats.cellEditWaits++;
      await this._wb.cellEditEnded();
    }
    if (this._wb.throttledSyncs > 0) {
      this._wb.throttledSyncs--;
      this._stats.refusedSyncs++;
      throw richError('ActivityLimitReached');
    }
    const limits = this._options;
    let request = 2;
    for (const a of actions) {
      request += ACTION_OVERHEAD + a.path.length + a.op.length + jsonSize(wire(a.args), limits.requestLimit - request);
      if (request > limits.requestLimit) break;
    }
    const stats = this._stats;
    stats.syncs++;
    stats.largestRequestBytes = Math.max(stats.largestRequestBytes, request);
    stats.totalRequestBytes += request;
    stats.requests.push(request);
    if (request > limits.requestLimit) throw richError('RequestPayloadSizeLimitExceeded');
    const injected = limits.inject?.(stats.syncs, actions);
    const failure = injected instanceof Error ? { error: injected, after: Math.floor(actions.length / 2) } : injected;
    const batch = new Batch();
    try {
      actions.forEach((a, i) => {
        if (failure && i === failure.after) throw failure.error;
        a.exec(batch);
      });
    } finally {
      if (this._wb.suspensions.apiCalculation > 0) stats.calculationSuspendedSyncs++;
      if (this._wb.suspensions.screenUpdating > 0) stats.screenSuspendedSyncs++;
      if (!this._wb.enableEvents) stats.eventsOffSyncs++;
      this._wb.suspensions.apiCalculation = 0;
      this._wb.suspensions.screenUpdating = 0;
    }
    let response = 2;
    for (const c of batch.commits) {
      response += RESULT_OVERHEAD + c.size(limits.responseLimit - response);
      if (response > limits.responseLimit) break;
    }
    stats.largestResponseBytes = Math.max(stats.largestResponseBytes, response);
    stats.totalResponseBytes += response;
    stats.responses.push(response);
    if (response > limits.responseLimit) throw richError('ResponsePayloadSizeLimitExceeded');
    for (const c of batch.commits) c.apply();
    const nullables = this._nullables;
    this._nullables = [];
    for (const p of nullables) if (p._isNull === undefined) p._isNull = !p._existsNow();
  }
}

/** A simulated Excel: the model, its counters, `run` (use it as `Excel.run`) and `isSetSupported`. */
export class SimExcel {
  readonly stats: SimStats = emptyStats();
  readonly options: SimOptions;

  constructor(
    readonly model: WorkbookModel = new WorkbookModel(),
    options: Partial<SimOptions> = {},
  ) {
    this.options = { ...defaultOptions(), ...options };
  }

  /**
   * Excel.run, with or without its options (`{ delayForCellEdit: true }`): the batch must return a
   * promise; what is still queued at its end is synced; the context dies after.
   */
  run = async <T>(first: { delayForCellEdit?: boolean } | ((context: Excel.RequestContext) => Promise<T>), second?: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const batch = typeof first === 'function' ? first : second!;
    const delay = typeof first === 'function' ? false : first.delayForCellEdit === true;
    const ctx = new SimContext(this.model, this.stats, this.options, delay);
    try {
      const pending = batch(ctx as unknown as Excel.RequestContext);
      if (!pending || typeof (pending as Promise<T>).then !== 'function') throw richError('RunMustReturnPromise');
      const result = await pending;
      await ctx.sync();
      return result;
    } finally {
      ctx._alive = false;
    }
  };

  /** Office.context.requirements.isSetSupported */
  isSetSupported = (set: string, version?: string): boolean => supports(this.options, set, version ?? '1.1');

  /**
   * Installs this simulator as the globals `Excel.run` and `Office.context.requirements`, as the
   * task pane sees them, so code written for the real globals (`new OfficeHost()`) runs against it.
   * Returns the function that removes them again.
   */
  installGlobals(): () => void {
    const g = globalThis as Record<string, unknown>;
    const saved = { Excel: g.Excel, Office: g.Office };
    g.Excel = { run: this.run };
    g.Office = { context: { requirements: { isSetSupported: this.isSetSupported } } };
    return () => {
      g.Excel = saved.Excel;
      g.Office = saved.Office;
    };
  }

  /** The user starts typing in a cell (cell-edit mode) ... */
  typeInCell(): void {
    this.model.startCellEdit();
  }

  /** ... and presses Enter: batches held by delayForCellEdit go on. */
  leaveCell(): void {
    this.model.endCellEdit();
  }

  /** Excel throttles the add-in: the next `syncs` batches are refused with ActivityLimitReached, nothing of them run. */
  throttle(syncs: number): void {
    this.model.throttledSyncs = syncs;
  }

  resetStats(): void {
    Object.assign(this.stats, emptyStats());
  }
}
