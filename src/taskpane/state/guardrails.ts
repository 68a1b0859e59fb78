// A run that counts nothing must not end in "Done". What the window and filters leave is checked
// before Apply, in plain words, with what to change.
import type { Issue } from '../../engine/types';
import type { Prepared } from '../worker/protocol';

/**
 * Fewer customers with sales than this blocks Apply. Three, because the default ABC type has three
 * segments: with one or two customers the shares cannot fill them, and "tiers" of one or two names
 * say nothing a list would not. Four customers (the smallest hand-made tables in the tests) already
 * spread over A, B and C.
 */
export const MIN_CUSTOMERS = 3;

/** Why the data as prepared cannot be segmented meaningfully, or undefined when it can. */
export function scopeProblem(p: Pick<Prepared, 'lineCount' | 'windowLines' | 'windowCustomers' | 'usable'>, filtered: boolean): string | undefined {
  if (!p.usable) return undefined; // the mapping's own messages say why
  const loosen = filtered ? 'Choose another period in the Data step, or remove a filter.' : 'Choose another period in the Data step.';
  if (p.lineCount === 0) return filtered ? 'The filters leave no sales line. Remove a filter in the Data step.' : undefined;
  if (p.windowLines === 0) return `No sales line falls in the period${filtered ? ' and filters' : ''} you chose. ${loosen}`;
  if (p.windowCustomers < MIN_CUSTOMERS) {
    const who = p.windowCustomers === 1 ? 'Only 1 customer has' : `Only ${p.windowCustomers} customers have`;
    return `${who} sales in the period${filtered ? ' and filters' : ''}: tiers need at least ${MIN_CUSTOMERS}. ${loosen}`;
  }
  return undefined;
}

/** Why Apply cannot run now, or undefined when it can: the Apply step's button and the footer's ask the same. */
export type ApplyHold =
  | { kind: 'running' }
  /** The sales data is not read, prepared or usable yet (the Data step says why). */
  | { kind: 'waiting' }
  /** Configuration problems, the first one to link to. */
  | { kind: 'problems'; count: number; first: Issue }
  /** The period and filters leave nothing worth segmenting (scopeProblem). */
  | { kind: 'blocked'; message: string };

export function applyHold(s: { running: boolean; ready: boolean; problems: readonly Issue[]; blocked: string | undefined }): ApplyHold | undefined {
  if (s.running) return { kind: 'running' };
  if (s.problems.length > 0) return { kind: 'problems', count: s.problems.length, first: s.problems[0] };
  if (s.blocked !== undefined) return { kind: 'blocked', message: s.blocked };
  if (!s.ready) return { kind: 'waiting' };
  return undefined;
}
