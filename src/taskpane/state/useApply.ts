// Apply: read the data again (it may have changed since the pane opened), let the worker compute
// and plan, let the host write with progress; cancel stops between blocks and says how far it got.
import { useCallback, useRef, useState } from 'react';
import type { Config } from '../../engine/config';
import { errorMessage } from '../../engine/types';
import type { ApplyReport, SourceRef, WorkbookHost } from '../../hosts/host';
import { withRanges } from '../../hosts/ranges';
import { SourceProblem } from '../../plan/source-check';
import { configText, loadStoredConfig } from '../../plan/stored-config';
import type { WhyCount } from '../../plan/why';
import { receivePlan, sendPrevious, sendSource, type EngineClient } from '../worker/client';
import type { ExtraRole } from '../worker/protocol';
import { runConfig, type ExtraChoice } from './useSource';

export type ApplyState =
  | { phase: 'idle' }
  | { phase: 'running'; stage: string; done: number; total: number }
  | { phase: 'done'; report: ApplyReport; customers: number; time: string; moved?: WhyCount[] }
  | { phase: 'cancelled'; report?: ApplyReport }
  | { phase: 'failed'; message: string };

export interface ApplyInput {
  config: Config;
  source: SourceRef;
  /** The answers and visits ranges chosen in the Data step, read again like the sales data. */
  extras: ExtraChoice;
  overridesCleared: boolean;
  segmentColumns: boolean;
  /** False only for the benchmark, whose source lives in the worker already. */
  reread?: boolean;
}

const aborted = (signal: AbortSignal) => signal.aborted;

export function useApply(host: WorkbookHost, engine: EngineClient, onApplied: () => void) {
  const [state, setState] = useState<ApplyState>({ phase: 'idle' });
  const controller = useRef<AbortController>();

  const apply = useCallback(
    async (input: ApplyInput) => {
      const ctrl = new AbortController();
      controller.current = ctrl;
      const stage = (s: string, done = 0, total = 1) => setState({ phase: 'running', stage: s, done, total });
      try {
        stage('Reading the last run');
        const previous = await host.readPrevious();
        // Cleared overrides must not come back from the tiers table's Manual column either.
        const prev = input.overridesCleared && previous ? { ...previous, overrides: {} } : previous;
        const config = runConfig(input.config, prev, input.overridesCleared);
        const chosen = (Object.entries(input.extras) as [ExtraRole, SourceRef | undefined][]).filter((e): e is [ExtraRole, SourceRef] => e[1] !== undefined);
        if (input.reread !== false) {
          stage('Reading the sales data');
          const table = await host.readSource(input.source, { signal: ctrl.signal, progress: (d, t) => stage('Reading the sales data', d, t) });
          if (aborted(ctrl.signal)) return setState({ phase: 'cancelled' });
          stage('Handing the data to the engine');
          await sendSource(engine, table, ctrl.signal);
          for (const [role, ref] of chosen) {
            stage(`Reading the ${role} range`);
            await sendSource(engine, await host.readSource(ref, { signal: ctrl.signal }), ctrl.signal, role);
            if (aborted(ctrl.signal)) return setState({ phase: 'cancelled' });
          }
        }
        if (aborted(ctrl.signal)) return setState({ phase: 'cancelled' });
        stage('Computing the segments');
        // Saved with the ranges of this run, so whoever opens the workbook next starts from them.
        const text = configText(withRanges(config, { sales: input.source, answers: input.extras.answers, visits: input.extras.visits }));
        const time = new Date().toISOString();
        const segmentColumnTypes = input.segmentColumns ? config.segmentTypes.map((t) => t.name) : [];
        const withPrevious = await sendPrevious(engine, prev);
        // The configuration saved with the last run, as the command line passes it (read before this run
        // saves its own). It only explains moves: a workbook that will not hand it over costs nothing more.
        const saved = withPrevious ? await host.loadConfig().then(loadStoredConfig, () => undefined) : undefined;
        const previousConfig = saved?.state === 'ok' ? saved.config : undefined;
        const { planned } = await engine.ask({ type: 'plan', config, withPrevious, extras: chosen.map(([role]) => role), time, configText: text, segmentColumnTypes, previousConfig });
        if (aborted(ctrl.signal)) return setState({ phase: 'cancelled' });
        stage('Receiving the results');
        const plan = await receivePlan(engine, planned, ctrl.signal);
        stage('Writing to the workbook', 0, plan.sheets.length);
        const report = await host.apply(plan, { signal: ctrl.signal, progress: (d, t) => stage('Writing to the workbook', d, t) });
        if (!report.complete) {
          setState(aborted(ctrl.signal) ? { phase: 'cancelled', report } : { phase: 'done', report, customers: planned.customers, time });
          return;
        }
        await host.saveConfig(text);
        setState({ phase: 'done', report, customers: planned.customers, time, moved: planned.moved });
        // The pane reads the new history back once (RunStatus, the next preview).
        onApplied();
      } catch (e) {
        if (e instanceof DOMException && e.name === 'AbortError') setState({ phase: 'cancelled' });
        else if (e instanceof SourceProblem) setState({ phase: 'failed', message: e.issues.map((i) => `${i.where}: ${i.message}`).join('\n') });
        else setState({ phase: 'failed', message: errorMessage(e) });
      }
    },
    [host, engine, onApplied],
  );

  const cancel = useCallback(() => controller.current?.abort(), []);
  return { state, apply, cancel };
}
