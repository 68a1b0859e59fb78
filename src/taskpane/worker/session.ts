// The engine's side of the worker: keeps the source and the prepared data between messages, so a
// threshold change only reclassifies. No DOM, no Office: runs in the worker and, for tests, in-process.
import { columnValues } from '../../engine/column-values';
import { dataFingerprint, migrationFrom, previousSegmentCodes, takeSnapshot, type Snapshot } from '../../engine/history';
import type { TypeResult } from '../../engine/result';
import { epochDayToIso } from '../../engine/parse/date';
import { latestDay } from '../../engine/window';
import { inRange } from '../../engine/aggregate';
import { classifyType, prepare, resultOf, type Prepared as EnginePrepared } from '../../engine/run';
import type { Config, SegmentType } from '../../engine/config';
import { moneyFormatOf } from '../../engine/money-format';
import { cached, type ExtraSources } from '../../engine/prepared';
import type { ColumnRole, SourceTable } from '../../engine/types';
import { errorMessage } from '../../engine/types';
import type { PreviousRun } from '../../hosts/host';
import { segmentColors } from '../../plan/colors';
import { planWorkbook } from '../../plan/planner';
import { sinceLastRun } from '../../plan/why';
import { previousSegments } from '../../plan/previous';
import { csvGrid } from './csv';
import { paretoCurve } from './curve';
import { ISSUE_LIMIT, PLAN_CHUNK, type Curve, type ExtraRole, type PlanPart, type Planned, type Prepared, type Preview, type Request, type Response } from './protocol';
import type { PlanValue, WorkbookPlan } from '../../plan/plan';
import { syntheticTable } from './synthetic';
import { paneSuggestion } from './suggestion';
import type { AbcType } from '../../engine/abc-schema';
import { abcXyzMatrix, type AbcXyzMatrix } from '../../engine/xyz';

const usable = (p: EnginePrepared) => p.ingested.usable && !p.issues.some((i) => i.severity === 'error' && i.row === undefined);

/** The lines inside the window and the customers with one: what every segment type counts. */
function counted(p: EnginePrepared): { lines: number; customers: number } {
  return cached(p, 'counted', () => {
    const lines = p.ingested.lines;
    let n = 0;
    for (let i = 0; i < lines.length; i++) if (inRange(lines, i, p.window)) n++;
    let customers = 0;
    for (let c = 0; c < p.measures.count; c++) customers += p.measures.inWindow[c];
    return { lines: n, customers };
  });
}

const NUMBER_ROLES: readonly ColumnRole[] = ['amount', 'profit', 'cost', 'quantity', 'spent'];

/** Per number role mapped to a column of text, the cells of it that were not numbers (the row issues that say so). */
export function textCells(p: EnginePrepared): Partial<Record<ColumnRole, number>> {
  const out: Partial<Record<ColumnRole, number>> = {};
  const header = p.ingested.table.header;
  for (const role of NUMBER_ROLES) {
    const c = p.ingested.mapping[role];
    if (c === undefined) continue;
    // As ingest names a column in its messages.
    const prefix = `${String(header[c] ?? '').trim() || `column ${c + 1}`} "`;
    let n = 0;
    for (const i of p.issues) if (i.row !== undefined && i.message.startsWith(prefix) && i.message.includes('" is not a number')) n++;
    // A column of text, not a few typos: more than half the rows read. A typo stays in the list with its address.
    if (n > 0 && n * 2 > p.ingested.lines.length + p.ingested.leftOutRows) out[role] = n;
  }
  return out;
}

function describe(p: EnginePrepared): Prepared {
  const latest = latestDay(p.ingested.lines);
  const inWindow = counted(p);
  return {
    header: p.ingested.table.header.map((h) => String(h ?? '')),
    mapping: p.ingested.mapping,
    issues: p.issues.slice(0, ISSUE_LIMIT),
    issueCount: p.issues.length,
    leftOutRows: p.ingested.leftOutRows,
    filteredRows: p.ingested.filteredRows,
    lineCount: p.ingested.lines.length,
    customerCount: p.customers.ids.length,
    textCells: textCells(p),
    windowLines: inWindow.lines,
    windowCustomers: inWindow.customers,
    dataFingerprint: dataFingerprint(p.ingested.lines, p.customers.ids),
    usable: usable(p),
    window: p.window && { start: epochDayToIso(p.window.start), end: epochDayToIso(p.window.end) },
    latestSale: latest === undefined ? undefined : epochDayToIso(latest),
    decimal: p.ingested.decimal,
    decimalProven: p.ingested.decimalProven,
  };
}

/** The ABC-XYZ matrix of an XYZ type and the ABC type it names (sent with it, as edited). */
function crossed(p: EnginePrepared, xyz: TypeResult, abcType: AbcType | undefined): AbcXyzMatrix | undefined {
  const type = xyz.type;
  if (type.kind !== 'xyz' || type.abcType === undefined || abcType?.name.toLowerCase() !== type.abcType.toLowerCase()) return undefined;
  // An ABC type is cheap to classify again (its ranking is cached); the edit that asks may have changed it.
  return abcXyzMatrix(classifyType(p, abcType), xyz);
}

export class EngineSession {
  private source: SourceTable | undefined;
  /** The second ranges as last sent; each prepare says which of them to use. */
  private extras: ExtraSources = {};
  private prepared: EnginePrepared | undefined;
  /** The last run's snapshot the data was prepared with. */
  private lastRun: Snapshot | undefined;
  /** The last plan, whole, while the pane fetches its large parts. */
  private lastPlan: WorkbookPlan | undefined;
  /** The workbook's history as last sent (overrides travel inside the configuration instead). */
  private previous: PreviousRun | undefined;

  constructor(private readonly fetchText: (url: string) => Promise<string> = (url) => fetch(url).then((r) => r.text())) {}

  async handle(req: Request): Promise<Response> {
    try {
      return await this.answer(req);
    } catch (e) {
      return { type: 'error', id: req.id, message: errorMessage(e) };
    }
  }

  private async answer(req: Request): Promise<Response> {
    switch (req.type) {
      case 'loadSample':
        return { type: 'sample', id: req.id, grid: csvGrid(await this.fetchText(req.url)) };
      case 'sourceStart':
        // The prepared data stays until the next prepare: the preview keeps working meanwhile.
        if (req.which === 'sales') this.source = { ...req.head, rows: [] };
        else this.extras[req.which] = { ...req.head, rows: [] };
        return { type: 'ack', id: req.id };
      case 'sourceRows': {
        const into = req.which === 'sales' ? this.source : this.extras[req.which];
        if (!into) throw new Error('rows arrived before the source header');
        const rows = into.rows;
        for (const r of req.rows) rows.push(r);
        return { type: 'ack', id: req.id };
      }
      case 'previousStart':
        this.previous = { snapshots: req.runs.map(({ typeNames, ...head }) => ({ ...head, segments: Object.fromEntries(typeNames.map((t) => [t, {}])) })), overrides: {}, categories: req.categories };
        return { type: 'ack', id: req.id };
      case 'previousEntries': {
        const into = this.previous?.snapshots[req.run]?.segments[req.typeName];
        if (!into) throw new Error('history entries arrived before their run');
        for (const [id, seg] of req.entries) into[id] = seg;
        return { type: 'ack', id: req.id };
      }
      case 'prepare':
        return { type: 'prepared', id: req.id, prepared: this.prepare(req.config, req.withPrevious ? this.previous : undefined, req.extras) };
      case 'classify':
        return { type: 'classified', id: req.id, preview: this.classify(req.segmentType, req.abcType) };
      case 'plan':
        return { type: 'planned', id: req.id, planned: this.plan(req) };
      case 'planPart':
        return { type: 'planRows', id: req.id, rows: this.planRows(req.part, req.from) };
      case 'columnValues': {
        if (!this.source) throw new Error('no source was loaded');
        return { type: 'values', id: req.id, values: columnValues(this.source, req.column, req.limit) };
      }
      case 'synthesize': {
        this.source = syntheticTable(req.lines, req.customers);
        return { type: 'ack', id: req.id };
      }
    }
  }

  private sources(extras: ExtraRole[]): ExtraSources {
    const chosen: ExtraSources = {};
    for (const role of extras) {
      const t = this.extras[role];
      if (!t) throw new Error(`the ${role} range was not sent`);
      chosen[role] = t;
    }
    return chosen;
  }

  private prepare(config: Config, previous: PreviousRun | undefined, extras: ExtraRole[]): Prepared {
    if (!this.source) throw new Error('no source was loaded');
    this.prepared = prepare(this.source, config, previousSegments(previous), this.sources(extras));
    this.lastRun = previous?.snapshots[previous.snapshots.length - 1];
    return describe(this.prepared);
  }

  private classify(type: SegmentType, abcType?: AbcType): Preview {
    const p = this.prepared;
    if (!p) throw new Error('the data is not prepared yet');
    const t = classifyType(p, type);
    // By measure and minimum, once per preparation (its cache): thresholds never change the curve.
    const curve: Curve | undefined = type.kind === 'abc' ? cached(p, `curve|${type.measure}|${type.minimumNetSales ?? ''}`, () => paretoCurve(t)) : undefined;
    const fills = segmentColors(type, t.segments);
    const colors = Object.fromEntries(t.segments.map((s, i) => [s.name, fills[i]]));
    const moneyFormat = moneyFormatOf(p.ingested.table.numberFormats, p.ingested.mapping.amount);
    const suggestion = type.kind === 'abc' ? paneSuggestion(p, type) : undefined;
    return { typeName: type.name, counted: counted(p), colors, kind: type.kind, measureName: t.measureName, moneyFormat, rows: t.summary, issues: t.issues, curve, rfmGrid: t.rfmGrid, visitCompliance: t.visitCompliance, migration: this.migration(p, t), suggestion, abcXyz: crossed(p, t, abcType) };
  }

  /** Against the last run, when it had this segment type; its segments are coded once per prepare (the preparation's cache). */
  private migration(p: EnginePrepared, t: TypeResult): Preview['migration'] {
    const last = this.lastRun;
    if (!last || last.segments[t.type.name] === undefined) return undefined;
    const coded = cached(p, `previousCodes|${t.type.name}`, () => previousSegmentCodes(last, t.type.name, p.customers.ids));
    return { ...migrationFrom(coded, t), since: last.time };
  }

  private planRows(part: PlanPart, from: number): PlanValue[][] | PlanValue[] {
    const plan = this.lastPlan;
    if (!plan) throw new Error('there is no plan to send');
    const rows = part.kind === 'block' ? plan.sheets[part.sheet].blocks[part.block].values : plan.sourceColumns!.columns[part.column].values;
    return rows.slice(from, from + PLAN_CHUNK);
  }

  private plan(req: Extract<Request, { type: 'plan' }>): Planned {
    if (!this.source) throw new Error('no source was loaded');
    // Apply reruns everything with the overrides read from the workbook merged in, without
    // disturbing the prepared data the preview uses.
    const previous = req.withPrevious ? this.previous : undefined;
    const p = prepare(this.source, req.config, previousSegments(previous), this.sources(req.extras));
    if (!usable(p)) throw new Error(p.issues.filter((i) => i.severity === 'error').map((i) => `${i.where}: ${i.message}`).slice(0, 3).join('; ') || 'the data cannot be segmented');
    const result = resultOf(p, req.config.segmentTypes.map((t) => classifyType(p, t)));
    const snapshot = takeSnapshot(result, p.ingested.lines, req.time);
    // Worked out once: the summary sheet and the tiers table lay the moves out, the pane says the counts.
    const since = sinceLastRun(previous, snapshot, result, req.previousConfig);
    const plan = planWorkbook({ result, snapshot, previous, since, source: this.source, segmentColumnTypes: req.segmentColumnTypes, configText: req.configText, previousConfig: req.previousConfig });
    this.lastPlan = plan;
    const { light, parts } = splitPlan(plan);
    return {
      plan: light,
      parts,
      snapshot: { time: snapshot.time, dataFingerprint: snapshot.dataFingerprint, configHash: snapshot.configHash },
      customers: result.customers.ids.length,
      ...(since && { moved: since.counts }),
    };
  }
}

/** The plan without its large parts (emptied), and the list of those parts. */
export function splitPlan(plan: WorkbookPlan): { light: WorkbookPlan; parts: PlanPart[] } {
  const parts: PlanPart[] = [];
  const sheets = plan.sheets.map((sheet, s) => ({
    ...sheet,
    blocks: sheet.blocks.map((b, k) => {
      if (b.values.length <= PLAN_CHUNK) return b;
      parts.push({ kind: 'block', sheet: s, block: k, rows: b.values.length });
      return { ...b, values: [] };
    }),
  }));
  const sc = plan.sourceColumns;
  const sourceColumns = sc && {
    ...sc,
    columns: sc.columns.map((c, k) => {
      if (c.values.length <= PLAN_CHUNK) return c;
      parts.push({ kind: 'column', column: k, rows: c.values.length });
      return { ...c, values: [] };
    }),
  };
  return { light: { ...plan, sheets, sourceColumns }, parts };
}

/** Rows are posted in chunks of this size: a chunk of 1,000 rows of 20 columns takes a few ms to copy. */
export const ROW_CHUNK = 1000;

