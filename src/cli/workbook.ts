// The command line on workbooks: read the sales range, the stored configuration and the previous
// run from the file, segment, and write Tierwise's sheets back into the same package.
import { parseConfigText, type Config } from '../engine/config';
import { takeSnapshot } from '../engine/history';
import type { EngineResult } from '../engine/result';
import { classifyAll, prepare, type ExtraSources } from '../engine/run';
import type { Issue, SourceTable } from '../engine/types';
import type { ApplyReport, PreviousRun, SourceRef } from '../hosts/host';
import { firstSalesCandidate, RANGE_ROLE_LABEL, rangeLabel, rangeOf, savedRanges, withRanges, type RangeRole } from '../hosts/ranges';
import { XlsxHost } from '../hosts/xlsx/host';
import { planWorkbook } from '../plan/planner';
import { sinceLastRun, type WhyCount } from '../plan/why';
import { mergeOverrides, previousSegments } from '../plan/previous';
import { SourceProblem } from '../plan/source-check';
import { configText, loadStoredConfig } from '../plan/stored-config';

/** CPU time of this process so far (user + system), in milliseconds. */
export const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

export interface WorkbookRunInput {
  host: XlsxHost;
  /** Given on the command line (`--config`): replaces the stored one. */
  config?: { text: string; path: string };
  source?: SourceRef;
  /** Segment types whose column is written beside the source rows ('all' or names; [] none). Default: those written last time. */
  sourceColumns?: 'all' | string[];
  /** ISO time of the run (the engine never reads the clock). */
  now: string;
  /** Second ranges read elsewhere (`--answers`, `--visits` files); they win over the ranges saved in the workbook. */
  sources?: ExtraSources;
}

/** A run that cannot go on: the issues, and what the last line blames when not the workbook (`problem`). */
type Stopped = { ok: false; issues: Issue[]; warnings: Issue[]; lostRanges: Issue[]; problem?: string };

export type WorkbookRun =
  | Stopped
  | {
      ok: true;
      result: EngineResult;
      report: ApplyReport;
      source: SourceRef;
      configFrom: string;
      /** The configuration's own warnings (unknown fields and the like). */
      warnings: Issue[];
      /** Ranges saved with the configuration that the workbook no longer has or cannot read, and what the run did instead. */
      lostRanges: Issue[];
      overridesFromTable: { added: number; changed: number };
      /** The customers that changed segment since the workbook's last run, counted by cause (none without one). */
      moved: WhyCount[];
      /** Wall-clock and CPU milliseconds per step (CPU time tells a busy machine from slow code). */
      timings: { read: number; segment: number; apply: number; cpu: { read: number; segment: number; apply: number } };
    };

/** Which configuration a run uses: the one named on the command line, else the workbook's own. */
export function chooseConfig(stored: { text: string } | undefined, given: WorkbookRunInput['config'], label: string): { config?: Config; from: string; issues: Issue[]; warnings: Issue[] } {
  if (given) {
    const parsed = parseConfigText(given.text);
    // Its mistakes are addressed in the file named, as for a CSV run (`config.json: segmentTypes[0]...`).
    return parsed.ok ? { config: parsed.config, from: given.path, issues: [], warnings: parsed.warnings } : { from: given.path, issues: parsed.issues.map((i) => ({ ...i, where: `${given.path}: ${i.where}` })), warnings: parsed.warnings };
  }
  const loaded = loadStoredConfig(stored);
  switch (loaded.state) {
    case 'ok':
      return { config: loaded.config, from: `${label} (saved configuration)`, issues: [], warnings: loaded.warnings };
    case 'invalid':
      return { from: `${label} (saved configuration)`, issues: loaded.issues, warnings: loaded.warnings };
    case 'none':
      return {
        from: label,
        issues: [{ severity: 'error', where: label, message: `the workbook holds no Tierwise configuration yet: give one with --config <config.json> (\`tierwise init ${label} --out tierwise.json\` writes a starting one; a run that writes the workbook saves it there for the next runs)` }],
        warnings: [],
      };
  }
}

/** What a run reads from a workbook before the engine runs: the same for text output and for a written workbook. */
export type WorkbookRead =
  | Stopped
  | {
      ok: true;
      /** The configuration, with the overrides typed into the tiers table merged in. */
      config: Config;
      previous: PreviousRun | undefined;
      /** The configuration saved in the workbook (the previous run's, unless edited since): says why customers moved. */
      savedConfig: Config | undefined;
      source: SourceRef;
      table: SourceTable;
      sources: ExtraSources;
      configFrom: string;
      warnings: Issue[];
      lostRanges: Issue[];
      overridesFromTable: { added: number; changed: number };
    };

/**
 * The configuration (given, else the workbook's), the previous run and the overrides typed into its
 * tiers table, the sales range (named, else saved, else the first), and the answers and visits ranges
 * (files given, else the ranges the pane saved).
 */
export async function readWorkbook(input: Pick<WorkbookRunInput, 'host' | 'config' | 'source' | 'sources'>): Promise<WorkbookRead> {
  const { host } = input;
  const stored = await host.loadConfig();
  const chosen = chooseConfig(stored, input.config, host.label);
  const savedConfig = loadStoredConfig(stored);
  if (!chosen.config) return { ok: false, issues: chosen.issues, warnings: chosen.warnings, lostRanges: [], problem: input.config ? `the configuration ${input.config.path} is not valid` : undefined };
  const previous = await host.readPrevious();
  const merged = mergeOverrides(chosen.config, previous);
  const listed = await host.listSources();
  const saved = savedRanges(listed, merged.config.ranges);
  const source = input.source ?? saved.found.sales ?? firstSalesCandidate(listed, saved.found);
  if (!source) return { ok: false, issues: [{ severity: 'error', where: host.label, message: 'the workbook has no sheet with data besides those Tierwise wrote' }], warnings: chosen.warnings, lostRanges: [] };
  const lost = lostRanges(saved.missing, input, source, host.label);
  const table = await host.readSource(source);
  // The answers and visits ranges the pane saved, as the pane reads them, unless a file replaces them.
  // One that cannot be read is left out with a warning, as the pane goes on without it; the sales range
  // above is another matter: without it there is nothing to segment.
  const sources: ExtraSources = { ...input.sources };
  for (const role of ['answers', 'visits'] as const) {
    const ref = saved.found[role];
    if (sources[role] || !ref) continue;
    try {
      sources[role] = await host.readSource(ref);
    } catch (e) {
      if (!(e instanceof SourceProblem)) throw e;
      lost.push(...e.issues.map((i): Issue => ({ ...i, severity: 'warning', message: `${i.message.replace(/\.$/, '')}; the run goes on without the ${RANGE_ROLE_LABEL[role]} (${consequence(role)})` })));
    }
  }
  return {
    ok: true,
    config: merged.config,
    previous,
    savedConfig: savedConfig.state === 'ok' ? savedConfig.config : undefined,
    source,
    table,
    sources,
    configFrom: chosen.from,
    warnings: chosen.warnings,
    lostRanges: lost,
    overridesFromTable: { added: merged.added, changed: merged.changed },
  };
}

export async function runWorkbook(input: WorkbookRunInput): Promise<WorkbookRun> {
  const { host } = input;
  const t0 = performance.now();
  const c0 = cpuMs();
  const read = await readWorkbook(input);
  if (!read.ok) return read;
  const { previous, source, table, lostRanges: lost } = read;
  const t1 = performance.now();
  const c1 = cpuMs();
  const prepared = prepare(table, read.config, previousSegments(previous), read.sources);
  const result = classifyAll(prepared);
  const t2 = performance.now();
  const c2 = cpuMs();
  if (result.issues.some((i) => i.severity === 'error' && i.row === undefined)) {
    return { ok: false, issues: result.issues.filter((i) => i.row === undefined), warnings: read.warnings, lostRanges: lost };
  }
  const snapshot = takeSnapshot(result, prepared.ingested.lines, input.now);
  const wanted =
    input.sourceColumns === 'all'
      ? result.types.map((t) => t.type.name)
      : (input.sourceColumns ?? host.previousSourceColumnTypes().filter((n) => result.types.some((t) => t.type.name === n)));
  const unknown = wanted.filter((n) => !result.types.some((t) => t.type.name === n));
  if (unknown.length) {
    return { ok: false, issues: unknown.map((n) => ({ severity: 'error', where: '--source-columns', message: `no segment type is named "${n}" (segment types: ${result.types.map((t) => t.type.name).join(', ')})` })), warnings: read.warnings, lostRanges: lost };
  }
  const since = sinceLastRun(previous, snapshot, result, read.savedConfig);
  const plan = planWorkbook({ result, snapshot, previous, since, source: table, segmentColumnTypes: wanted, configText: configText(withRanges(read.config, { sales: source })), previousConfig: read.savedConfig });
  const report = await host.apply(plan);
  const t3 = performance.now();
  const c3 = cpuMs();
  return {
    ok: true,
    result,
    report,
    source,
    configFrom: read.configFrom,
    warnings: read.warnings,
    lostRanges: lost,
    overridesFromTable: read.overridesFromTable,
    moved: since?.counts ?? [],
    timings: { read: t1 - t0, segment: t2 - t1, apply: t3 - t2, cpu: { read: c1 - c0, segment: c2 - c1, apply: c3 - c2 } },
  };
}

/** A warning per saved range the workbook no longer has, saying what this run reads instead. */
function lostRanges(missing: { role: RangeRole; message: string }[], input: Pick<WorkbookRunInput, 'source' | 'sources'>, source: SourceRef, label: string): Issue[] {
  return missing.flatMap(({ role, message }) => {
    if (role === 'sales') {
      // A range named on the command line replaces the saved one without a word.
      if (input.source) return [];
      return [{ severity: 'warning', where: label, message: `${message}, is not in the workbook any more: read ${sourceLabel(source)} instead (name the range with --table or --sheet; the run saves the new choice)` }];
    }
    if (input.sources?.[role]) return [];
    return [{ severity: 'warning', where: label, message: `${message}, is not in the workbook any more: ${consequence(role)} (give --${role} FILE, or choose the range of ${RANGE_ROLE_LABEL[role]} in the task pane)` }];
  });
}

/** What a run does without its answers or visits range. Without answers, profiles read the questions from the sales range's own columns. */
const consequence = (role: 'answers' | 'visits') => (role === 'answers' ? 'profiles look for the answers in the sales range' : 'no visits are counted');

/** `sheet "Orders"`, as saved ranges are named in messages; a selection has no name. */
const sourceLabel = (ref: SourceRef) => {
  const range = rangeOf(ref);
  return range ? rangeLabel(range) : 'the selection';
};
