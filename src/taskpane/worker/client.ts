// The pane's handle on the engine: requests out, answers back, matched by id. Two ways to run it:
// in a Web Worker (the pane) or in-process (component tests), with the same session code.
import type { SourceTable } from '../../engine/types';
import type { PlanValue, WorkbookPlan } from '../../plan/plan';
import type { PreviousRun } from '../../hosts/host';
import type { AnswerTo, Ask, Planned, Request, Response, SourceRole } from './protocol';
import { EngineSession, ROW_CHUNK } from './session';

export class EngineError extends Error {}

export interface EngineClient {
  ask<T extends Request['type']>(request: Ask<T>): Promise<AnswerTo<T>>;
  dispose(): void;
}

function settle<T extends Request['type']>(r: Response): AnswerTo<T> {
  if (r.type === 'error') throw new EngineError(r.message);
  return r as AnswerTo<T>;
}

/** Anything with postMessage/onmessage: a Worker, or a fake in a test. */
export interface WorkerLike {
  postMessage(message: Request): void;
  onmessage: ((e: MessageEvent<Response>) => void) | null;
  terminate(): void;
}

export class WorkerClient implements EngineClient {
  private next = 1;
  private pending = new Map<number, (r: Response) => void>();

  constructor(private readonly worker: WorkerLike) {
    worker.onmessage = (e) => {
      const done = this.pending.get(e.data.id);
      this.pending.delete(e.data.id);
      done?.(e.data);
    };
  }

  ask<T extends Request['type']>(request: Ask<T>): Promise<AnswerTo<T>> {
    const id = this.next++;
    return new Promise<Response>((resolve) => {
      this.pending.set(id, resolve);
      this.worker.postMessage({ ...request, id } as unknown as Request);
    }).then((r) => settle<T>(r));
  }

  dispose(): void {
    this.worker.terminate();
    this.pending.clear();
  }
}

/** The same session on the calling thread (tests, and a fallback where workers are unavailable). */
export class InProcessClient implements EngineClient {
  private next = 1;
  readonly session: EngineSession;
  constructor(session = new EngineSession()) {
    this.session = session;
  }
  async ask<T extends Request['type']>(request: Ask<T>): Promise<AnswerTo<T>> {
    return settle<T>(await this.session.handle({ ...request, id: this.next++ } as unknown as Request));
  }
  dispose(): void {}
}

/**
 * Lets the page handle input and paint between two chunks. A message, not setTimeout: nested
 * timeouts are clamped to 4 ms, which would add seconds over the thousand chunks of a large sheet.
 */
function yieldToPage(): Promise<void> {
  if (typeof MessageChannel === 'undefined') return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => {
      ch.port1.close();
      resolve();
    };
    ch.port2.postMessage(0);
  });
}

/** Hands a table (the sales range, or a second range) to the engine in chunks, letting the page breathe between them. */
export async function sendSource(engine: EngineClient, table: SourceTable, signal?: AbortSignal, which: SourceRole = 'sales'): Promise<void> {
  const { rows, ...head } = table;
  await engine.ask({ type: 'sourceStart', which, head });
  for (let i = 0; i < rows.length; i += ROW_CHUNK) {
    if (signal?.aborted) throw new DOMException('cancelled', 'AbortError');
    await engine.ask({ type: 'sourceRows', which, rows: rows.slice(i, i + ROW_CHUNK) });
    await yieldToPage();
  }
}

/**
 * Hands the workbook's history (one customer -> segment map per run and segment type, up to a
 * million entries) to the engine in chunks; one message would block the page while it is copied.
 */
export async function sendPrevious(engine: EngineClient, previous: PreviousRun | undefined): Promise<boolean> {
  const runs = previous?.snapshots ?? [];
  await engine.ask({ type: 'previousStart', runs: runs.map(({ segments, ...head }) => ({ ...head, typeNames: Object.keys(segments) })), categories: previous?.categories });
  for (let run = 0; run < runs.length; run++) {
    for (const [typeName, perCustomer] of Object.entries(runs[run].segments)) {
      // Walked key by key, not Object.entries(): no 50,000-pair array built in one go.
      let entries: [string, string][] = [];
      const flush = async () => {
        await engine.ask({ type: 'previousEntries', run, typeName, entries });
        entries = [];
        await yieldToPage();
      };
      for (const id in perCustomer) {
        entries.push([id, perCustomer[id]]);
        if (entries.length === ROW_CHUNK) await flush();
      }
      if (entries.length > 0) await flush();
    }
  }
  return runs.length > 0 || previous?.categories !== undefined;
}

/** Fetches the large parts of a plan chunk by chunk (the page breathes between them) and fills them in. */
export async function receivePlan(engine: EngineClient, planned: Planned, signal?: AbortSignal): Promise<WorkbookPlan> {
  const plan = planned.plan;
  for (const part of planned.parts) {
    const into: unknown[] = [];
    while (into.length < part.rows) {
      if (signal?.aborted) throw new DOMException('cancelled', 'AbortError');
      const { rows } = await engine.ask({ type: 'planPart', part, from: into.length });
      if (rows.length === 0) throw new Error('the engine sent an incomplete plan');
      for (const r of rows) into.push(r);
      await yieldToPage();
    }
    if (part.kind === 'block') plan.sheets[part.sheet].blocks[part.block].values = into as PlanValue[][];
    else plan.sourceColumns!.columns[part.column].values = into as PlanValue[];
  }
  return plan;
}
