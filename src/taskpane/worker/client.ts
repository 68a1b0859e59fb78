// The pane's handle on the engine: requests out, answers back, matched by id. Two ways to run it:
// in a Web Worker (the pane) or in-process (component tests), with the same session code.
import type { SourceTable } from '../../engine/types';
import type { AnswerTo, Ask, Request, Response } from './protocol';
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

const yieldToPage = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Hands a table to the engine in chunks, letting the page breathe between them. */
export async function sendSource(engine: EngineClient, table: SourceTable, signal?: AbortSignal): Promise<void> {
  const { rows, ...head } = table;
  await engine.ask({ type: 'sourceStart', head });
  for (let i = 0; i < rows.length; i += ROW_CHUNK) {
    if (signal?.aborted) throw new DOMException('cancelled', 'AbortError');
    await engine.ask({ type: 'sourceRows', rows: rows.slice(i, i + ROW_CHUNK) });
    await yieldToPage();
  }
}
