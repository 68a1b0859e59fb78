// Charts, minimally: add a chart from a range, title, position, series type and axis group, the fill
// of a series (props.seriesFills[series]) and of its points (props.pointFills[series][point]), delete.
// Enough to check that Tierwise asks for a Pareto chart only where ExcelApi 1.9 is there and builds
// a column + line combination otherwise.
import { CollectionBase, Ctx, ProxyBase } from './base';
import { richError } from './errors';
import type { ChartModel } from './model';
import { recorder, setPath } from './conditional';
import { RangeProxy } from './range';
import type { WorksheetProxy } from './sheet';

const q = (s: string) => JSON.stringify(s);

/** The Excel.ChartType values Tierwise may use, with the requirement set each needs. */
const CHART_TYPES: Record<string, string> = {
  ColumnClustered: '1.1',
  ColumnStacked: '1.1',
  BarClustered: '1.1',
  Line: '1.1',
  LineMarkers: '1.1',
  Pie: '1.1',
  Pareto: '1.9',
  Histogram: '1.9',
};

export class ChartCollectionProxy extends CollectionBase<ChartProxy, ChartModel> {
  readonly _type = 'ChartCollection';
  constructor(
    ctx: Ctx,
    path: string,
    private readonly _sheet: WorksheetProxy,
  ) {
    super(ctx, path);
  }
  override _check(): void {
    this._sheet._resolve();
  }
  protected _models(): ChartModel[] {
    return this._sheet._resolve().charts.filter((c) => !c.deleted);
  }
  protected _item(model: ChartModel): ChartProxy {
    return new ChartProxy(this._ctx, `${this._path}.getItem(${q(model.name)})`, () => model);
  }
  getItem(name: string): ChartProxy {
    this._assertUsable();
    return new ChartProxy(this._ctx, `${this._path}.getItem(${q(name)})`, () => this._models().find((c) => c.name === name));
  }
  add(type: string, sourceData: RangeProxy, seriesBy = 'Auto'): ChartProxy {
    if (!(sourceData instanceof RangeProxy) || sourceData._ctx !== this._ctx) throw richError('InvalidRequestContext');
    let created: ChartModel | undefined;
    this._enqueue('add', [type, sourceData._path, seriesBy], () => {
      const version = CHART_TYPES[type];
      if (!version) throw richError('InvalidArgument', undefined, undefined, `[sim] '${type}' is not a chart type the simulator knows.`);
      this._gate('ExcelApi', version, `ChartCollection.add(${type})`);
      const sheet = this._sheet._resolve();
      const source = sourceData._resolve();
      // Excel: the first column holds the categories, each further column is a series (seriesBy Auto, more rows than columns).
      const series = Array.from({ length: Math.max(1, source.rect.cols - 1) }, (_, i) => String(source.sheet.value(source.rect.r0, source.rect.c0 + 1 + i)));
      created = {
        id: this._ctx._wb.newId('chart'),
        name: `Chart ${++sheet.chartCounter}`,
        type,
        source,
        seriesBy,
        series,
        props: { seriesTypes: series.map(() => type), seriesAxes: series.map(() => 'Primary') },
      };
      sheet.charts.push(created);
    });
    return new ChartProxy(this._ctx, `${this._path}.add(${q(type)})`, () => created);
  }
}

export class ChartProxy extends ProxyBase {
  readonly _type = 'Chart';
  constructor(
    ctx: Ctx,
    path: string,
    private readonly _resolver: () => ChartModel | undefined,
  ) {
    super(ctx, path);
  }
  _model(): ChartModel {
    const m = this._resolver();
    if (!m || m.deleted || m.source.sheet.deleted) throw richError('ItemNotFound');
    return m;
  }
  _check(): void {
    this._model();
  }
  protected _scalars(): readonly string[] {
    return ['name', 'id', 'chartType'];
  }
  protected _read(prop: string): unknown {
    const m = this._model();
    return prop === 'name' ? m.name : prop === 'id' ? m.id : m.type;
  }
  get name(): string {
    return this._get('name');
  }
  set name(v: string) {
    this._setProp('name', v, () => {
      this._model().name = String(v);
    });
  }
  get chartType(): string {
    return this._get('chartType');
  }
  /** Title, legend and axes are option bags: what is set is recorded in the model's props. */
  get title(): Record<string, unknown> {
    return this._kid('title', () => recorder(this, 'Chart.title', (p, v) => setPath(this._model().props, ['title', ...p], v)) as unknown as ProxyBase) as unknown as Record<string, unknown>;
  }
  get legend(): Record<string, unknown> {
    return this._kid('legend', () => recorder(this, 'Chart.legend', (p, v) => setPath(this._model().props, ['legend', ...p], v)) as unknown as ProxyBase) as unknown as Record<string, unknown>;
  }
  get axes(): Record<string, unknown> {
    return this._kid('axes', () => recorder(this, 'Chart.axes', (p, v) => setPath(this._model().props, ['axes', ...p], v)) as unknown as ProxyBase) as unknown as Record<string, unknown>;
  }
  get series(): ChartSeriesCollectionProxy {
    return this._kid('series', () => new ChartSeriesCollectionProxy(this._ctx, `${this._path}.series`, this));
  }
  setPosition(startCell: string | RangeProxy, endCell?: string | RangeProxy): void {
    const wire = (x: string | RangeProxy | undefined) => (x instanceof RangeProxy ? x._path : x);
    this._enqueue('setPosition', [wire(startCell), wire(endCell) ?? null], () => {
      const at = (x: string | RangeProxy) => (x instanceof RangeProxy ? x._resolve() : undefined);
      const start = typeof startCell === 'string' ? startCell : at(startCell)!.rect;
      this._model().position = { start: JSON.stringify(start), end: endCell === undefined ? undefined : JSON.stringify(typeof endCell === 'string' ? endCell : at(endCell)!.rect) };
    });
  }
  delete(): void {
    this._enqueue('delete', null, () => {
      this._model().deleted = true;
    });
  }
}

interface SeriesRef {
  chart: ChartModel;
  index: number;
}

export class ChartSeriesCollectionProxy extends CollectionBase<ChartSeriesProxy, SeriesRef> {
  readonly _type = 'ChartSeriesCollection';
  constructor(
    ctx: Ctx,
    path: string,
    private readonly _chart: ChartProxy,
  ) {
    super(ctx, path);
  }
  override _check(): void {
    this._chart._model();
  }
  protected _models(): SeriesRef[] {
    const chart = this._chart._model();
    return chart.series.map((_, index) => ({ chart, index }));
  }
  protected _item(ref: SeriesRef): ChartSeriesProxy {
    return new ChartSeriesProxy(this._ctx, `${this._path}.getItemAt(${ref.index})`, () => ref);
  }
  getItemAt(index: number): ChartSeriesProxy {
    this._assertUsable();
    return new ChartSeriesProxy(this._ctx, `${this._path}.getItemAt(${index})`, () => {
      const chart = this._chart._model();
      return index >= 0 && index < chart.series.length ? { chart, index } : undefined;
    });
  }
}

export class ChartSeriesProxy extends ProxyBase {
  readonly _type = 'ChartSeries';
  constructor(
    ctx: Ctx,
    path: string,
    private readonly _resolver: () => SeriesRef | undefined,
  ) {
    super(ctx, path);
  }
  private _ref(): SeriesRef {
    const ref = this._resolver();
    if (!ref || ref.chart.deleted) throw richError('ItemNotFound');
    return ref;
  }
  _check(): void {
    this._ref();
  }
  protected _scalars(): readonly string[] {
    return ['name', 'chartType', 'axisGroup'];
  }
  protected _read(prop: string): unknown {
    const { chart, index } = this._ref();
    if (prop === 'name') return chart.series[index];
    return (chart.props[prop === 'chartType' ? 'seriesTypes' : 'seriesAxes'] as string[])[index];
  }
  get name(): string {
    return this._get('name');
  }
  get chartType(): string {
    return this._get('chartType');
  }
  /** ExcelApi 1.7: one series of a column chart can become a line (a combination chart). */
  set chartType(v: string) {
    this._setProp('chartType', v, () => {
      this._gate('ExcelApi', '1.7', 'ChartSeries.chartType');
      if (!(v in CHART_TYPES) || v === 'Pareto' || v === 'Histogram') throw richError('InvalidArgument');
      const { chart, index } = this._ref();
      if (chart.type === 'Pareto' || chart.type === 'Histogram') throw richError('InvalidOperation', undefined, undefined, '[sim] A Pareto or histogram chart cannot be combined with other types.');
      (chart.props.seriesTypes as string[])[index] = v;
    });
  }
  /** `format.fill.setSolidColor(color)` records the series' colour in props.seriesFills[index]; `format.fill.clear()` removes it. */
  get format(): { fill: { setSolidColor(color: string): void; clear(): void } } {
    // Named as the options bags name theirs, so a test can refuse it: `ChartSeries.format.fill`.
    const fill = (op: string, color: string | undefined) =>
      this._enqueue(`ChartSeries.format.fill.${op}`, color ?? null, () => {
        const { chart, index } = this._ref();
        ((chart.props.seriesFills ??= []) as (string | undefined)[])[index] = color;
      });
    return { fill: { setSolidColor: (color: string) => fill('setSolidColor', color), clear: () => fill('clear', undefined) } };
  }
  get points(): ChartPointsCollectionProxy {
    return this._kid('points', () => new ChartPointsCollectionProxy(this._ctx, `${this._path}.points`, () => this._ref()));
  }
  get axisGroup(): string {
    return this._get('axisGroup');
  }
  set axisGroup(v: string) {
    this._setProp('axisGroup', v, () => {
      this._gate('ExcelApi', '1.8', 'ChartSeries.axisGroup');
      if (v !== 'Primary' && v !== 'Secondary') throw richError('InvalidArgument');
      const { chart, index } = this._ref();
      (chart.props.seriesAxes as string[])[index] = v;
    });
  }
}

/** Points of a series: one per data row of the chart's source (the header row names the series). */
export class ChartPointsCollectionProxy extends ProxyBase {
  readonly _type = 'ChartPointsCollection';
  constructor(
    ctx: Ctx,
    path: string,
    private readonly _series: () => SeriesRef,
  ) {
    super(ctx, path);
  }
  _check(): void {
    this._series();
  }
  protected _scalars(): readonly string[] {
    return ['count'];
  }
  protected _read(): unknown {
    return this._series().chart.source.rect.rows - 1;
  }
  get count(): number {
    return this._get('count');
  }
  getItemAt(index: number): ChartPointProxy {
    this._assertUsable();
    return new ChartPointProxy(this._ctx, `${this._path}.getItemAt(${index})`, () => {
      const ref = this._series();
      return index >= 0 && index < ref.chart.source.rect.rows - 1 ? { ...ref, point: index } : undefined;
    });
  }
}

interface PointRef extends SeriesRef {
  point: number;
}

export class ChartPointProxy extends ProxyBase {
  readonly _type = 'ChartPoint';
  constructor(
    ctx: Ctx,
    path: string,
    readonly _resolver: () => PointRef | undefined,
  ) {
    super(ctx, path);
  }
  _ref(): PointRef {
    const ref = this._resolver();
    if (!ref || ref.chart.deleted) throw richError('ItemNotFound');
    return ref;
  }
  _check(): void {
    this._ref();
  }
  protected _scalars(): readonly string[] {
    return [];
  }
  protected _read(): unknown {
    return undefined;
  }
  /** `format.fill.setSolidColor(color)` records the colour; `format.fill.clear()` removes it. */
  get format(): { fill: { setSolidColor(color: string): void; clear(): void } } {
    // Named as the options bags name theirs (`Chart.title.text`), so a test can refuse it: `ChartPoint.format.fill`.
    const fill = (op: string, color: string | undefined) =>
      this._enqueue(`ChartPoint.format.fill.${op}`, color ?? null, () => {
        const { chart, index, point } = this._ref();
        const fills = (chart.props.pointFills ??= []) as (string | undefined)[][];
        (fills[index] ??= [])[point] = color;
      });
    return { fill: { setSolidColor: (color: string) => fill('setSolidColor', color), clear: () => fill('clear', undefined) } };
  }
}
