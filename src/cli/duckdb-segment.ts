// `tierwise segment FILE --engine duckdb`: the DuckDB run and its output through the command line's own
// writers (toCsv, the JSON rows, a new workbook's sheet). The engine stays the reference and the only
// executor for workbooks; which executor segments a file is engine-choice.ts's question (docs/sql.md).
import { parseConfigText, type Config } from '../engine/config';
import { isoTextToEpochDay, epochDayToSerial } from '../engine/parse/date';
import type { ExtraSources } from '../engine/prepared';
import type { Cell } from '../engine/types';
import { SourceError } from '../hosts/files/read';
import { SHEET_NAMES } from '../plan/planner';
import { SourceProblem } from '../plan/source-check';
import { isParquetPath } from '../sql/duckdb-source';
import type { DuckdbColumn } from '../sql/duckdb-columns';
import { segmentOnDuckdb } from '../sql/duckdb-run';
import { answerFormat, count, printIssues, processIo, readConfigFile, report, reportIssues, UsageError, writeAnswer, writeOutput, type Io } from './common';
import { dialectOf, toCsv, tiersJson } from './csv';

export interface DuckdbArgs {
  config?: string;
  format?: string;
  out?: string;
  issues?: string;
  sheet?: string;
  table?: string;
  'in-place'?: boolean;
  'source-columns'?: string;
}

/**
 * Segments `input` with DuckDB and writes the answer; `undefined` when DuckDB was not asked for and
 * cannot do this configuration (the caller runs the engine after the one-line note printed here).
 */
export async function segmentWithDuckdb(input: string, values: DuckdbArgs, sources: ExtraSources, choice: { asked: boolean }, io: Io): Promise<number | undefined> {
  if (!values.config) throw new UsageError(`--config <config.json> is required for ${input}: \`tierwise init ${input} --out tierwise.json\` writes a starting one`);
  if (values.sheet || values.table) throw new UsageError('--sheet and --table name a range of an .xlsx workbook; DuckDB reads .csv and .parquet files');
  if (values['in-place']) throw new UsageError('--in-place writes into an .xlsx workbook; DuckDB reads .csv and .parquet files (use --out)');
  if (values['source-columns']) throw new UsageError('--source-columns copies sales lines into a workbook; with DuckDB the workbook holds the tiers table only');
  if (values.out !== undefined && /\.xlsm$/i.test(values.out)) throw new UsageError(`--out ${values.out}: the tiers workbook has no macros; name it .xlsx`);
  const toWorkbook = values.out !== undefined && /\.xlsx$/i.test(values.out);
  if (toWorkbook && values.format !== undefined) throw new UsageError(`--format ${values.format} writes text; --out ${values.out} writes a workbook`);
  const format = toWorkbook ? 'csv' : answerFormat(values.format, values.out);
  const text = await readConfigFile(values.config);
  const parsed = parseConfigText(text);
  printIssues(parsed.warnings, io, `${values.config}: `);
  if (!parsed.ok) {
    io.err(`tierwise: the configuration ${values.config} is not valid; nothing was computed:\n`);
    printIssues(parsed.issues, io, `${values.config}: `);
    return 2;
  }
  const config: Config = parsed.config;
  const progress = io === processIo && process.stderr.isTTY ? terminalProgress() : undefined;
  let outcome;
  try {
    outcome = await segmentOnDuckdb(input, config, { progress: progress?.show, sources });
  } catch (e) {
    progress?.done();
    // Our own reading of the file's head (an empty file, no lines) speaks for itself, as the engine's reader does.
    if (e instanceof SourceError || e instanceof SourceProblem) throw e;
    // DuckDB could not read the file (broken quoting, a damaged Parquet file): the user's problem, said plainly.
    throw new SourceError(`${input} could not be read by DuckDB: ${(e as Error).message.split('\n')[0]}`);
  }
  progress?.done();
  if (!outcome.ok && outcome.reason === 'line-too-long') {
    const n = (v: number) => v.toLocaleString('en-US');
    const said = `${outcome.line === undefined ? 'a line' : `line ${n(outcome.line)}`} of ${input} holds ${n(outcome.bytes)} bytes, more than DuckDB reads in one line (${n(outcome.limit)})`;
    if (choice.asked) {
      io.err(`tierwise: ${said}: leave out --engine duckdb, and the engine (which has no such limit) reads it\n`);
      return 2;
    }
    io.err(`note: ${said}; segmenting with the engine (JavaScript) instead\n`);
    return undefined;
  }
  if (!outcome.ok && outcome.reason === 'not-compiled') {
    const why = outcome.problems.map((p) => p.message);
    if (choice.asked || isParquetPath(input)) {
      io.err(`tierwise: DuckDB cannot segment with this configuration:\n${why.map((w) => `  ${w}\n`).join('')}`);
      io.err(isParquetPath(input) ? 'Only DuckDB reads Parquet files: export the lines as CSV to use the engine.\n' : 'Leave out --engine duckdb to use the engine (the reference, in JavaScript).\n');
      return 2;
    }
    io.err(`note: ${why.join('; ')}; segmenting with the engine (JavaScript) instead\n`);
    return undefined;
  }
  if (!outcome.ok) {
    // Printed and written as the engine's path does (report), so both say the same.
    await reportIssues(outcome.issues, io, values.issues);
    return 2;
  }
  const { run } = outcome;
  const dialect = dialectOf(run.delimiter, run);
  const status = await report(run, io, values.issues, true, dialect);
  if (status === 2) return 2;
  const n = run.customers.ids.length;
  if (toWorkbook) {
    await writeOutput(values.out!, await tiersWorkbook(run.columns));
    io.err(`Wrote ${count(n, 'customer', 'customers')} to ${values.out} (sheet "${SHEET_NAMES.tiers}")\n`);
    return status;
  }
  await writeAnswer(format === 'json' ? tiersJson(run.columns) : toCsv(run.columns, dialect), format, values.out, n, io);
  return status;
}

/** The tiers table as a new workbook's one sheet: the columns of the CSV answer, days as dates. */
async function tiersWorkbook(columns: DuckdbColumn[]): Promise<Buffer> {
  const n = columns[0]?.values.length ?? 0;
  function* rows(): Generator<Cell[]> {
    yield columns.map((c) => c.header);
    for (let r = 0; r < n; r++) {
      yield columns.map((c) => {
        const v = c.values[r];
        if (!c.date || typeof v !== 'string') return v;
        return epochDayToSerial(isoTextToEpochDay(v));
      });
    }
  }
  // The workbook writer and its zip library are loaded only when a workbook is asked for.
  const { newWorkbook } = await import('../hosts/xlsx/new-workbook');
  return newWorkbook(SHEET_NAMES.tiers, rows(), (r, c) => r > 0 && columns[c].date);
}

/** One line on a terminal's stderr, rewritten in place: `DuckDB: segmenting 45%`. */
function terminalProgress(): { show: (step: string, percent?: number) => void; done: () => void } {
  let shown = false;
  return {
    show: (step, percent) => {
      process.stderr.write(`\r\x1b[2KDuckDB: ${step}${percent !== undefined ? ` ${Math.round(percent)}%` : ''}`);
      shown = true;
    },
    done: () => {
      if (shown) process.stderr.write('\r\x1b[2K');
    },
  };
}
