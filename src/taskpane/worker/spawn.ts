// The one place that knows how webpack bundles the worker (import.meta.url). Jest never loads it.
import { WorkerClient, type EngineClient, type WorkerLike } from './client';

export function spawnEngine(): EngineClient {
  // @ts-expect-error -- import.meta is ES-module syntax; webpack resolves it, tsc (module commonjs) objects (TS1343).
  const worker = new Worker(new URL('./engine.worker.ts', import.meta.url), { name: 'tierwise-engine' });
  return new WorkerClient(worker as unknown as WorkerLike);
}
