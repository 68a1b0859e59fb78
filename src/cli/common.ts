// What every command of the command line shares: where text goes, the limits, usage mistakes,
// and how issues and the one-line account of a run are printed.
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, extname, resolve } from 'node:path';
import type { EngineResult } from '../engine/result';
import type { Issue } from '../engine/types';
import { describeWindow } from '../engine/window';
import { fileErrorText, isOtherSpreadsheet, isTextPath, MAX_FILE_BYTES, readSourceFile, unreadableKind } from '../hosts/files/read';
import { csvFileText, PLAIN_CSV, toCsv, type CsvDialect } from './csv';

/** How many issues are printed; all of them go to --issues FILE. */
const PRINTED_ISSUES = 50;

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}
export const processIo: Io = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) };

export interface Limits {
  /** Largest workbook read into memory. */
  maxFileBytes: number;
  /** The run's time (ISO); the clock by default. */
  now?: string;
}
export const DEFAULT_LIMITS: Limits = { maxFileBytes: MAX_FILE_BYTES };

/** A mistake in the command line itself (exit status 2). */
export class UsageError extends Error {}

/**
 * The tiers as text, to --out FILE (its folder made if need be; a CSV file with the byte order mark
 * Excel needs, csvFileText) or to standard output; said on stderr when written to a file.
 */
export async function writeAnswer(text: string, format: 'csv' | 'json', out: string | undefined, customers: number, io: Io): Promise<void> {
  if (out === undefined) {
    io.out(text);
    return;
  }
  await writeOutput(out, format === 'csv' ? csvFileText(text) : text);
  io.err(`Wrote ${count(customers, 'customer', 'customers')} to ${out}\n`);
}

/**
 * `data` to the file at `path` (text as UTF-8), its folder made if need be: every file a command writes
 * (`--out reports/2017/tiers.csv`, `--issues reports/2017/issues.csv`) goes through here.
 */
export async function writeOutput(path: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(resolve(path)), { recursive: true });
  await writeFile(path, data);
}

/** A file a command reads (`what` names it in a message) or writes (named by its flag). */
export interface FileRead {
  what: string;
  path: string | undefined;
  /** What to do instead, when not merely to name another file. */
  instead?: string;
}
export interface FileWrite {
  flag: string;
  path: string | undefined;
}

/** Two names of one file: the same path, or (where both exist) the same file on disk, as a link or another spelling gives it. */
async function sameFile(a: string, b: string): Promise<boolean> {
  if (resolve(a) === resolve(b)) return true;
  try {
    const [x, y] = await Promise.all([stat(a), stat(b)]);
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return false;
  }
}

/**
 * Before anything is read: no output is a folder, none is a file the command reads (a typo in --out
 * or --issues would replace the sales lines with the answer), and no two outputs are one file (one
 * would be lost). A usage mistake each, said before any work is done.
 */
export async function checkOutputs(reads: readonly FileRead[], writes: readonly FileWrite[]): Promise<void> {
  const outputs = writes.filter((w): w is { flag: string; path: string } => w.path !== undefined);
  for (const w of outputs) {
    const info = await stat(w.path).catch(() => undefined);
    if (info?.isDirectory()) throw new UsageError(`${w.flag} ${w.path} is a folder: name a file in it`);
    for (const r of reads) {
      if (r.path !== undefined && (await sameFile(w.path, r.path))) throw new UsageError(`${w.flag} ${w.path} is ${r.what}: ${r.instead ?? 'Tierwise never writes over a file it reads; name another file'}`);
    }
  }
  for (let i = 0; i < outputs.length; i++) {
    for (let j = i + 1; j < outputs.length; j++) {
      if (await sameFile(outputs[i].path, outputs[j].path)) throw new UsageError(`${outputs[i].flag} and ${outputs[j].flag} both name ${outputs[j].path}: one would be lost; name two files`);
    }
  }
}

/** The text of a configuration file named with --config; one that cannot be read is a usage mistake. */
export async function readConfigFile(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read the configuration: ${fileErrorText(path, e) ?? path}`);
  }
}

/** What reading a workbook said before the engine ran: the configuration's warnings (prefixed with its file), then the saved ranges it could not use. */
export function printReadWarnings(read: { warnings: readonly Issue[]; lostRanges: readonly Issue[] }, configPath: string | undefined, io: Io): void {
  printIssues(read.warnings, io, configPath ? `${configPath}: ` : '');
  printIssues(read.lostRanges, io);
}

export function printIssues(issues: readonly Issue[], io: Io, prefix = '', limit = Infinity): void {
  issues.slice(0, limit).forEach((i) => {
    const value = i.value !== undefined && i.value !== '' ? ` [${JSON.stringify(i.value)}]` : '';
    io.err(`${prefix}${i.severity === 'warning' ? 'warning: ' : ''}${i.where}: ${i.message}${value}\n`);
  });
}

export const count = (n: number, one: string, many: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/**
 * What a run's account and issue list read: an engine result has it, and so has a run on DuckDB
 * (src/sql/duckdb-run.ts), which has no engine result.
 */
export type RunOutline = Pick<EngineResult, 'issues' | 'lineCount' | 'leftOutRows' | 'filteredRows' | 'window'> & { customers: { ids: readonly unknown[] } };

/** The run in one line: `793 customers from 9,994 lines (0 left out); window: all dates`. */
export function runAccount(result: RunOutline): string {
  const filtered = result.filteredRows ? `, ${count(result.filteredRows, 'row', 'rows')} filtered out` : '';
  return `${count(result.customers.ids.length, 'customer', 'customers')} from ${count(result.lineCount, 'line', 'lines')} (${result.leftOutRows.toLocaleString('en-US')} left out${filtered}); window: ${describeWindow(result.window)}`;
}

/**
 * Prints issues and (unless the caller prints a summary that starts with it) the run's account line;
 * returns the exit status.
 */
export async function report(result: RunOutline, io: Io, issuesFile?: string, account = true, dialect: CsvDialect = PLAIN_CSV): Promise<number> {
  if (await reportIssues(result.issues, io, issuesFile, dialect)) return 2;
  if (account) io.err(`${runAccount(result)}\n`);
  return result.leftOutRows > 0 ? 1 : 0;
}

/**
 * Prints issues (the file's and the configuration's, then the first lines'), writes them all to
 * `issuesFile` if given, and says so when the input cannot be segmented (returns true then).
 */
export async function reportIssues(issues: readonly Issue[], io: Io, issuesFile?: string, dialect: CsvDialect = PLAIN_CSV): Promise<boolean> {
  const rowIssues = issues.filter((i) => i.row !== undefined);
  const other = issues.filter((i) => i.row === undefined);
  printIssues(other, io);
  printIssues(rowIssues, io, '', PRINTED_ISSUES);
  if (rowIssues.length > PRINTED_ISSUES) {
    io.err(`... and ${rowIssues.length - PRINTED_ISSUES} more issues${issuesFile ? '' : ' (add --issues FILE to get them all)'}\n`);
  }
  if (issuesFile) {
    await writeOutput(
      issuesFile,
      csvFileText(toCsvRows([['where', 'value', 'message'], ...issues.map((i) => [i.where, i.value === undefined || i.value === null ? '' : String(i.value), i.message])], dialect)),
    );
  }
  if (!other.some((i) => i.severity === 'error')) return false;
  io.err('tierwise: the input cannot be segmented; nothing was written\n');
  return true;
}

export function toCsvRows(rows: (string | number | null)[][], dialect: CsvDialect = PLAIN_CSV): string {
  return toCsv(
    rows[0].map((h, i) => ({ header: String(h), values: rows.slice(1).map((r) => r[i]) })),
    dialect,
  );
}

/** An .xlsx or .xlsm path: read and written as a workbook. */
export const isWorkbookPath = (p: string) => /\.(xlsx|xlsm)$/i.test(p);

/**
 * The header row of a CSV file (from its first lines only) or of a workbook's sheet or table (the first
 * table or sheet unless named), found as `tierwise segment` finds it (title lines above it skipped).
 */
export async function headerOf(path: string, place: { sheet?: string; table?: string } = {}): Promise<string[]> {
  if (!isWorkbookPath(path) && !isTextPath(path)) throw unreadableKind(path);
  const { table } = isWorkbookPath(path) ? { table: await readSourceFile(path, place) } : await (await import('../sql/duckdb-source')).csvHead(path);
  return table.header.map((h) => String(h ?? '').trim());
}

/**
 * The text answer's format: --format, else what --out's name says (`.json` JSON, else CSV). A name and a
 * format that disagree, or a spreadsheet kind Tierwise does not write (`.xls`, `.ods`), are usage
 * mistakes: the file would not open as its name promises.
 */
export function answerFormat(format: string | undefined, out: string | undefined): 'csv' | 'json' {
  if (format !== undefined && format !== 'csv' && format !== 'json') throw new UsageError(`--format is csv or json, not "${format}"`);
  const ext = out === undefined ? '' : extname(out).toLowerCase();
  if (out !== undefined && isOtherSpreadsheet(out)) throw new UsageError(`--out ${out}: Tierwise writes .xlsx workbooks and .csv or .json files, not ${ext}; name it .xlsx, and Excel opens it`);
  const named = ext === '.json' ? 'json' : out !== undefined && isTextPath(out) ? 'csv' : undefined;
  if (format !== undefined && named !== undefined && format !== named) throw new UsageError(`--format ${format} and --out ${out} disagree: name the file .${format}, or leave --format out`);
  return (format ?? named ?? 'csv') as 'csv' | 'json';
}

/** The usage of `tierwise init`, in the command line's usage and in the command's own errors. */
export const INIT_USAGE = `  tierwise init <file.csv|file.xlsx> [--sheet NAME | --table NAME] [--out tierwise.json]
                                writes a starting configuration for the file (the one a new workbook starts
                                with in the task pane): its columns as found from the header, ABC 80/15/5 on
                                net sales, and profit bands when it has a Profit or a Cost column`;

/** The usage of `tierwise sql`, in the command line's usage and in the command's own errors. */
export const SQL_USAGE = `  tierwise sql --config <config.json> --dialect duckdb|postgres|spark|bigquery|snowflake [--table NAME]
               [--columns "Customer ID,Order Date,Sales,..." | --headers-from <file.csv|file.xlsx>]
               [--line-order COLUMN] [--out FILE]
               [--answers-table NAME [--answers-columns "Customer ID,Q1,..." | --answers-headers-from <file>]
                                     [--answers-order COLUMN]]
               [--visits-table NAME [--visits-columns "Customer ID,Visit date" | --visits-headers-from <file>]]
                                prints one SQL query whose result is the tiers table of \`segment --format csv\`;
                                the columns are the sales table's headers (default: the configuration's columns);
                                profiles read the questionnaire answers from --answers-table, whose headers are
                                given as for the sales table (default: the customer column and the questions);
                                --answers-order numbers its rows (the last answer wins; without it, the greatest);
                                visit planning reads the visits (a customer and a visit date column) from
                                --visits-table (default columns: the customer column and "Visit date")`;
