// The in-memory host, telling the playground's sheet view when Tierwise wrote or selected something.
import type { ApplyReport, RunOptions } from '../../hosts/host';
import { MemoryHost } from '../../hosts/memory/host';
import type { WorkbookPlan } from '../../plan/plan';

export type PlaygroundEvent = { type: 'applied' } | { type: 'selected'; address: string };

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
    const report = await super.apply(plan, options);
    this.emit({ type: 'applied' });
    return report;
  }

  override async selectCell(address: string): Promise<void> {
    await super.selectCell(address);
    this.emit({ type: 'selected', address });
  }
}
