// The worker entry: every message goes to one EngineSession, answers go back in order.
import type { Request } from './protocol';
import { EngineSession } from './session';

const session = new EngineSession();
const scope = self as unknown as { onmessage: ((e: MessageEvent<Request>) => void) | null; postMessage: (m: unknown) => void };
// Messages are answered one at a time, in order: a prepare is never overtaken by a classify.
let queue: Promise<void> = Promise.resolve();
scope.onmessage = (e) => {
  queue = queue.then(async () => scope.postMessage(await session.handle(e.data)));
};
