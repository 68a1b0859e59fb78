// The engine's side of the worker: keeps the source and the prepared data between messages, so a
// threshold change only reclassifies. No DOM, no Office: runs in the worker and, for tests, in-process.
import { dataFingerprint, takeSnapshot } from '../../engine/history';
import { classifyType, prepare, resultOf, type Prepared as EnginePrepared } from '../../engine/run';
import type { Config, SegmentType } from '../../engine/config';
import type { SourceTable } from '../../engine/types';
import { errorMessage } from '../../engine/types';
import type { PreviousRun } from '../../hosts/host';
import { planWorkbook } from '../../plan/planner';
import { previousSegments } from '../../plan/previous';
import { csvGrid } from './csv';
import { paretoCurve } from './curve';
import { ISSUE_LIMIT, type Curve, type Prepared, type Request, type Response } from './protocol';
import { syntheticTable } from './synthetic';

const usable = (p: EnginePrepared) => p.ingested.usable && !p.issues.some((i) => i.severity === 'error' && i.row === undefined);

function describe(p: EnginePrepared): Prepared {
  return {
    header: p.ingested.table.header.map((h) => String(h ?? '')),
    mapping: p.ingested.mapping,
    issues: p.issues.slice(0, ISSUE_LIMIT),
    issueCount: p.issues.length,
    leftOutRows: p.ingested.leftOutRows,
    filteredRows: p.ingested.filteredRows,
    lineCount: p.ingested.lines.length,
    customerCount: p.customers.ids.length,
    dataFingerprint: dataFingerprint(p.ingested.lines, p.customers.ids),
    usable: usable(p),
  };
}

export class EngineSession {
  private source: SourceTable | undefined;
  private prepared: EnginePrepared | undefined;
  /** Curves by measure and minimum: thresholds never change them. Cleared on every prepare. */
  private curves = new Map<string, Curve | undefined>();

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
        this.source = { ...req.head, rows: [] };
        return { type: 'ack', id: req.id };
      case 'sourceRows': {
        if (!this.source) throw new Error('rows arrived before the source header');
        const rows = this.source.rows;
        for (const r of req.rows) rows.push(r);
        return { type: 'ack', id: req.id };
      }
      case 'prepare':
        return { type: 'prepared', id: req.id, prepared: this.prepare(req.config, req.previous) };
      case 'classify':
        return { type: 'classified', id: req.id, preview: this.classify(req.segmentType) };
      case 'plan':
        return { type: 'planned', id: req.id, planned: this.plan(req) };
      case 'synthesize': {
        this.source = syntheticTable(req.lines, req.customers);
        return { type: 'ack', id: req.id };
      }
    }
  }

  private prepare(config: Config, previous?: PreviousRun): Prepared {
    if (!this.source) throw new Error('no source was loaded');
    this.prepared = prepare(this.source, config, previousSegments(previous));
    this.curves.clear();
    return describe(this.prepared);
  }

  private classify(type: SegmentType) {
    const p = this.prepared;
    if (!p) throw new Error('the data is not prepared yet');
    const t = classifyType(p, type);
    let curve: Curve | undefined;
    if (type.kind === 'abc') {
      const key = `${type.measure}|${type.minimumNetSales ?? ''}`;
      if (!this.curves.has(key)) this.curves.set(key, paretoCurve(t));
      curve = this.curves.get(key);
    }
    return { typeName: type.name, kind: type.kind, measureName: t.measureName, rows: t.summary, issues: t.issues, curve, rfmGrid: t.rfmGrid };
  }

  private plan(req: Extract<Request, { type: 'plan' }>) {
    if (!this.source) throw new Error('no source was loaded');
    // Apply reruns everything with the overrides read from the workbook merged in, without
    // disturbing the prepared data the preview uses.
    const p = prepare(this.source, req.config, previousSegments(req.previous));
    if (!usable(p)) throw new Error(p.issues.filter((i) => i.severity === 'error').map((i) => `${i.where}: ${i.message}`).slice(0, 3).join('; ') || 'the data cannot be segmented');
    const result = resultOf(p, req.config.segmentTypes.map((t) => classifyType(p, t)));
    const snapshot = takeSnapshot(result, p.ingested.lines, req.time);
    const plan = planWorkbook({ result, snapshot, previous: req.previous, source: this.source, segmentColumnTypes: req.segmentColumnTypes, configText: req.configText });
    return { plan, snapshot: { time: snapshot.time, dataFingerprint: snapshot.dataFingerprint, configHash: snapshot.configHash }, customers: result.customers.ids.length };
  }
}

/** Rows are posted in chunks of this size: small messages, so neither side blocks for long. */
export const ROW_CHUNK = 5000;

