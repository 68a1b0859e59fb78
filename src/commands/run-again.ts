/*
 * The ribbon's Run again: the configuration saved in the workbook, on the ranges saved with it, through
 * the same host and the same engine worker as the pane's Apply, writing Tierwise's sheets. Nothing here
 * touches office.js: `host` is any WorkbookHost (the office host in Excel, the simulator's in tests) and
 * `engine` the engine's client (a Web Worker in Excel, in-process in tests).
 *
 * The outcome is a value; `outcomeMessage` turns it into what the user is shown (commands.ts shows it).
 */
import type { Config } from '../engine/config';
import { errorMessage, type Issue } from '../engine/types';
import type { ApplyReport, SourceRef, WorkbookHost } from '../hosts/host';
import { RANGE_ROLE_LABEL, rangeLabel, rangeOf, savedRanges, withRanges } from '../hosts/ranges';
import { mergeOverrides } from '../plan/previous';
import { SourceProblem } from '../plan/source-check';
import { configText, loadStoredConfig } from '../plan/stored-config';
import { whyCountLines, type WhyCount } from '../plan/why';
import { receivePlan, sendPrevious, sendSource, type EngineClient } from '../taskpane/worker/client';
import type { ExtraRole } from '../taskpane/worker/protocol';

export type RunAgainOutcome =
  /** The workbook holds no Tierwise configuration: there is nothing to run again. */
  | { kind: 'no-config' }
  /** The saved configuration has mistakes (or is from a newer Tierwise): never applied. */
  | { kind: 'invalid-config'; issues: Issue[] }
  /** No saved sales range, or the workbook no longer has it: the user picks the data in the pane. */
  | { kind: 'no-range'; message: string }
  /** The saved range cannot be read (empty, no header row): nothing was written. */
  | { kind: 'source-problem'; issues: Issue[] }
  /** The engine or Excel refused: nothing was written, or the report says how far it got. */
  | { kind: 'failed'; message: string; report?: ApplyReport }
  /** Written (complete or not: the report says). */
  | { kind: 'done'; report: ApplyReport; customers: number; source: SourceRef; warnings: Issue[]; moved?: WhyCount[] };

export interface RunAgainOptions {
  /** ISO time of the run (recorded in the history). */
  now: string;
  signal?: AbortSignal;
}

/** The run itself. Never throws for a user's mistake or Excel's refusal: every outcome is a value. */
export async function runAgain(host: WorkbookHost, engine: EngineClient, options: RunAgainOptions): Promise<RunAgainOutcome> {
  const { signal } = options;
  try {
    const loaded = loadStoredConfig(await host.loadConfig());
    if (loaded.state === 'none') return { kind: 'no-config' };
    if (loaded.state === 'invalid') return { kind: 'invalid-config', issues: loaded.issues };
    const previous = await host.readPrevious();
    // The overrides typed into the tiers table's Manual column count, as they do for the pane's Apply.
    const config: Config = mergeOverrides(loaded.config, previous).config;
    const listed = await host.listSources();
    const saved = savedRanges(listed, config.ranges);
    const sales = saved.found.sales;
    if (!sales) {
      const gone = saved.missing.find((m) => m.role === 'sales');
      return {
        kind: 'no-range',
        message: gone ? `The ${gone.message.replace(/^the /, '')}, is not in the workbook any more.` : 'No sales range is saved with the settings (a selection has no name to keep).',
      };
    }
    const warnings: Issue[] = [...loaded.warnings];
    for (const m of saved.missing) {
      warnings.push({ severity: 'warning', where: 'Tierwise', message: `${m.message}, is not in the workbook any more: the run went on without it` });
    }

    const table = await host.readSource(sales, { signal });
    warnings.push(...(table.notes ?? []));
    await sendSource(engine, table, signal);
    const extras: ExtraRole[] = [];
    for (const role of ['answers', 'visits'] as const) {
      const ref = saved.found[role];
      if (!ref) continue;
      try {
        await sendSource(engine, await host.readSource(ref, { signal }), signal, role);
        extras.push(role);
      } catch (e) {
        if (!(e instanceof SourceProblem)) throw e;
        warnings.push(...e.issues.map((i): Issue => ({ ...i, severity: 'warning', message: `${i.message.replace(/\.$/, '')}; the run went on without the ${RANGE_ROLE_LABEL[role]}` })));
      }
    }
    // The segment columns the last run wrote beside the data are written again; none if the host cannot say.
    const columns = host.segmentColumnTypes ? await host.segmentColumnTypes() : [];
    const segmentColumnTypes = columns.filter((n) => config.segmentTypes.some((t) => t.name === n));
    // Saved again as it was (ranges included), with the overrides from the tiers table merged in.
    const text = configText(withRanges(config, { sales }));
    const withPrevious = await sendPrevious(engine, previous);
    const { planned } = await engine.ask({ type: 'plan', config, withPrevious, extras, time: options.now, configText: text, segmentColumnTypes, previousConfig: loaded.config });
    const plan = await receivePlan(engine, planned, signal);
    const report = await host.apply(plan, { signal });
    if (!report.complete) {
      const why = report.issues.find((i) => i.severity === 'error');
      return { kind: 'failed', message: why ? `${why.where}: ${why.message}` : 'The run stopped before the end.', report };
    }
    await host.saveConfig(text);
    return { kind: 'done', report, customers: planned.customers, source: sales, warnings, moved: planned.moved };
  } catch (e) {
    if (e instanceof SourceProblem) return { kind: 'source-problem', issues: e.issues };
    return { kind: 'failed', message: errorMessage(e) };
  }
}

/** What the user is shown: a title, a few lines, and whether the pane is the place to go on. */
export interface OutcomeMessage {
  title: string;
  lines: string[];
  /** True when the user has to choose something in the pane (no settings, invalid ones, no data range). */
  openPane: boolean;
  /** True when something went wrong (the dialog says so in its colour). */
  problem: boolean;
}

const MAX_LINES = 8;
const issueLine = (i: Issue) => `${i.where}: ${i.message}`;

/** At most MAX_LINES lines, the rest counted: a dialog is no place for a thousand left-out rows. */
function some(lines: string[]): string[] {
  return lines.length <= MAX_LINES ? lines : [...lines.slice(0, MAX_LINES - 1), `... and ${lines.length - MAX_LINES + 1} more (open Tierwise to see them all).`];
}

export function outcomeMessage(outcome: RunAgainOutcome): OutcomeMessage {
  const openTierwise = 'Open Tierwise from Home > Tierwise';
  switch (outcome.kind) {
    case 'no-config':
      return {
        title: 'Nothing to run again yet',
        lines: [`This workbook has no Tierwise settings. ${openTierwise}, choose the data and the segment types, and Apply: Run again then repeats that run.`],
        openPane: true,
        problem: false,
      };
    case 'invalid-config':
      return {
        title: 'The saved settings cannot be used',
        lines: some([...outcome.issues.map(issueLine), `Nothing was changed. ${openTierwise} to see and fix the settings.`]),
        openPane: true,
        problem: true,
      };
    case 'no-range':
      return { title: 'Which data?', lines: [outcome.message, `Nothing was changed. ${openTierwise} and pick the sales data; Apply saves the choice for Run again.`], openPane: true, problem: true };
    case 'source-problem':
      return { title: 'The data cannot be read', lines: some([...outcome.issues.map(issueLine), 'Nothing was changed.']), openPane: false, problem: true };
    case 'failed': {
      const partial = outcome.report && outcome.report.written.length > 0 ? ` Written before it stopped: ${outcome.report.written.join('; ')}.` : ' Your data was not changed.';
      return { title: 'Run again did not finish', lines: [outcome.message + partial, 'Run it again; if it keeps failing, open Tierwise and Apply from there.'], openPane: false, problem: true };
    }
    case 'done': {
      const range = rangeOf(outcome.source);
      const from = range ? rangeLabel(range) : 'the selection';
      const n = outcome.customers.toLocaleString('en-US');
      // Errors first: a segment column that could not be written matters more than a lost chart.
      const issues = [...outcome.warnings, ...outcome.report.issues].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
      const lines = [`${n} customers from ${from}. Written: ${outcome.report.written.join('; ') || 'nothing'}.`];
      for (const r of outcome.report.renamed) lines.push(`"${r.wanted}" is one of your sheets, so Tierwise wrote "${r.used}".`);
      lines.push(...whyCountLines(outcome.moved ?? []));
      lines.push(...issues.map(issueLine));
      return { title: 'Tiers updated', lines: some(lines), openPane: false, problem: issues.some((i) => i.severity === 'error') };
    }
  }
}
