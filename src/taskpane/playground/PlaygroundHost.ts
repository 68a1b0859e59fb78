// The in-memory host, telling the playground's sheet view when Tierwise wrote or selected something.
import type { ApplyReport, PreviousRun, RunOptions } from '../../hosts/host';
import { MemoryHost } from '../../hosts/memory/host';
import type { WorkbookPlan } from '../../plan/plan';

export type PlaygroundEvent = { type: 'applied' } | { type: 'selected'; address: string };

/**
 * When the in-memory host was reading the history or applying a plan (wall time: it gives the page a
 * turn every few milliseconds, as Excel's host does between syncs). The benchmark reports its length.
 */
export const hostWork: { start: number; end: number }[] = [];

async function timed<T>(work: () => Promise<T>): Promise<T> {
  const start = performance.now();
  try {
    return await work();
  } finally {
    hostWork.push({ start, end: performance.now() });
  }
}

export class PlaygroundHost extends MemoryHost {
  private listeners = new Set<(e: PlaygroundEvent) => void>();

  listen(l: (e: PlaygroundEvent) => void): () => void {
    this.listeners.add(l);
    return () => void this.listeners.delete(l);
  }

  private emit(e: PlaygroundEvent) {
    for (const l of this.listeners) l(e);
  }

  override async apply(plan: WorkbookPlan, options?: RunOptions): Promise<ApplyReport> {
    const report = await timed(() => super.apply(plan, options));
    this.emit({ type: 'applied' });
    return report;
  }

  override readPrevious(): Promise<PreviousRun | undefined> {
    return timed(() => super.readPrevious());
  }

  override async selectCell(address: string): Promise<void> {
    await super.selectCell(address);
    this.emit({ type: 'selected', address });
  }
}
