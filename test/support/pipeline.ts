// One Tierwise run through any WorkbookHost, as the task pane does it: configuration from the
// workbook, source, previous run (overrides merged), engine, planner, apply.
import { takeSnapshot } from '../../src/engine/history';
import { classifyType, prepare, resultOf } from '../../src/engine/run';
import type { EngineResult } from '../../src/engine/result';
import type { SourceTable } from '../../src/engine/types';
import type { ApplyReport, RunOptions, SourceRef, WorkbookHost } from '../../src/hosts/host';
import type { WorkbookPlan } from '../../src/plan/plan';
import { planWorkbook } from '../../src/plan/planner';
import { mergeOverrides, previousSegments } from '../../src/plan/previous';
import { configText, loadStoredConfig } from '../../src/plan/stored-config';

export interface RunOutcome {
  table: SourceTable;
  result: EngineResult;
  plan: WorkbookPlan;
  report: ApplyReport;
}

export async function runTierwise(
  host: WorkbookHost,
  ref: SourceRef,
  opts: { configText?: string; segmentColumns?: string[]; time?: string; apply?: RunOptions } = {},
): Promise<RunOutcome> {
  const loaded = loadStoredConfig(opts.configText !== undefined ? { text: opts.configText } : await host.loadConfig());
  if (loaded.state === 'invalid') throw new Error(`invalid configuration: ${JSON.stringify(loaded.issues)}`);
  const table = await host.readSource(ref);
  const previous = await host.readPrevious();
  const { config } = mergeOverrides(loaded.config, previous);
  const p = prepare(table, config, previousSegments(previous));
  const result = resultOf(p, config.segmentTypes.map((t) => classifyType(p, t)));
  const snapshot = takeSnapshot(result, p.ingested.lines, opts.time ?? '2026-01-01T00:00:00Z');
  const plan = planWorkbook({ result, snapshot, previous, source: table, segmentColumnTypes: opts.segmentColumns ?? ['Sales ABC'], configText: configText(config) });
  const report = await host.apply(plan, opts.apply);
  return { table, result, plan, report };
}
