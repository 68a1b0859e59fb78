// The impure edge of the DuckDB path, part three: a sales file and a configuration -> the tiers table,
// computed by the query compileSql writes, run in-process by DuckDB (`@duckdb/node-api`). The answer is
// the columns `tierwise segment --format csv` writes (header and values), so the command line's own
// writers write it; the engine is not run.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { Config, SegmentType } from '../engine/config';
import { isoTextToEpochDay } from '../engine/parse/date';
import { ingest, type SalesLines } from '../engine/ingest';
import type { Issue, SourceTable } from '../engine/types';
import { plansVisits, visitsNeedDates } from '../engine/visits';
import { readsAnswers, unansweredQuestions } from '../engine/profiles';
import { unmatchedRuleColumns } from '../engine/loyalty';
import { applyOverrides } from '../engine/overrides';
import { periodsNeedDates } from '../engine/activity';
import { recencyNeedsDates } from '../engine/rfm';
import { overridesNotTaken, type Prepared } from '../engine/run';
import { resolveWindow, type DayRange } from '../engine/window';
import { compileSql, type SqlProblem } from './compile';
import { describeSource, lateWindows1252, LINE_COLUMN, type CsvReading, LoneCarriageReturn } from './duckdb-source';
import { keyColumns, typeSales } from './duckdb-ingest';
import { afterLines } from './duckdb-line-notes';
import { readColumns, type DuckdbColumn } from './duckdb-columns';
import { ANSWERS_TABLE, answersColumns, loadAnswers, loadVisits, VISITS_COLUMNS, VISITS_TABLE } from './duckdb-second';

export interface DuckdbRun {
  columns: DuckdbColumn[];
  issues: Issue[];
  customers: { ids: string[] };
  lineCount: number;
  leftOutRows: number;
  filteredRows: number;
  window: DayRange | undefined;
  decimal: '.' | ',';
  decimalProven: boolean;
  /** The CSV's separator (undefined for Parquet). */
  delimiter?: string;
}

export type DuckdbOutcome =
  | { ok: true; run: DuckdbRun }
  /** The configuration asks for something the SQL compiler does not write yet (or cannot, for this file's columns). */
  | { ok: false; reason: 'not-compiled'; problems: SqlProblem[] }
  /** The file cannot be segmented (a required column is missing, a window without dates): the engine's issues. */
  | { ok: false; reason: 'unusable'; issues: Issue[] }
  /** A line of the CSV is longer than DuckDB's reader takes (`limit` bytes); `line` as DuckDB counts the file's lines. */
  | { ok: false; reason: 'line-too-long'; line: number | undefined; bytes: number; limit: number };

export interface DuckdbOptions {
  /** Told what is being done, between the steps and (with `percent`) during a long one. */
  progress?: (step: string, percent?: number) => void;
  /**
   * DuckDB's memory limit: 3 GB unless said otherwise (DuckDB's own default is 80 % of the machine, too
   * much beside a spreadsheet); above it DuckDB works through temporary files in the system's temp folder.
   */
  memoryLimit?: string;
  /** The files beside the sales lines, read by the engine's reader (`--answers`, `--visits`). */
  sources?: { answers?: SourceTable; visits?: SourceTable };
}

/** Runs `work` while telling `progress` what DuckDB reports of the running query, twice a second. */
async function watched<T>(con: DuckDBConnection, step: string, options: DuckdbOptions, work: () => Promise<T>): Promise<T> {
  const { progress } = options;
  if (!progress) return work();
  progress(step);
  const timer = setInterval(() => {
    const p = con.progress.percentage;
    if (p >= 0) progress(step, p);
  }, 500);
  try {
    return await work();
  } finally {
    clearInterval(timer);
  }
}

/**
 * The file segmented by DuckDB. Errors of DuckDB itself (a file it cannot read) are thrown. A CSV that
 * DuckDB refused is read again by one thread when it holds a quoted line break (a cell typed with
 * Alt+Enter; DuckDB's parallel reader refuses it), and as Windows-1252 when its first 256 KB are UTF-8 and
 * the rest is not (a `€` further down: lateWindows1252), as the engine's reader decodes the whole file, and
 * with a line ended at each line break when DuckDB read a CRLF file that holds a lone CR too. A
 * line longer than DuckDB's CSV reader takes is an outcome (`line-too-long`): the engine reads it.
 */
export async function segmentOnDuckdb(path: string, config: Config, options: DuckdbOptions = {}): Promise<DuckdbOutcome> {
  // Each way of reading is tried once at most, in the order DuckDB's refusals ask for them.
  const reading: CsvReading = {};
  for (;;) {
    try {
      return await segmentOnce(path, config, options, reading);
    } catch (e) {
      if (!reading.anyLineBreak && e instanceof LoneCarriageReturn) reading.anyLineBreak = true;
      else if (!reading.serial && quotedLineBreaks(e)) reading.serial = true;
      else if (!reading.windows1252 && (await lateWindows1252(path).catch(() => false))) reading.windows1252 = true;
      else return longLine(e);
    }
  }
}

/** DuckDB's text of an error, also one from another realm (jest's sandbox), where `instanceof Error` fails. */
function errorText(e: unknown): string {
  const message = (e as { message?: unknown } | undefined)?.message;
  return typeof message === 'string' ? message : '';
}

/** DuckDB's parallel CSV reader refusing a quoted line break beside null_padding. */
const quotedLineBreaks = (e: unknown): boolean => /does not support null_padding in conjunction with quoted new lines/.test(errorText(e));

/**
 * DuckDB's refusal of a line above its `max_line_size` (2,000,000 bytes) as an outcome; any other error
 * thrown on. Raising the limit is no way out: DuckDB's CSV buffers grow with it, and the bench file read
 * 20 to 50 % slower with a limit of the file size (docs/sql.md).
 */
function longLine(e: unknown): DuckdbOutcome {
  const text = errorText(e);
  const limit = /Maximum line size of (\d+) bytes exceeded\. Actual Size:\s*(\d+) bytes/.exec(text);
  if (!limit) throw e;
  const line = /CSV Error on Line: (\d+)/.exec(text);
  return { ok: false, reason: 'line-too-long', line: line ? Number(line[1]) : undefined, bytes: Number(limit[2]), limit: Number(limit[1]) };
}

async function segmentOnce(path: string, config: Config, options: DuckdbOptions, reading: CsvReading): Promise<DuckdbOutcome> {
  const instance = await DuckDBInstance.create(':memory:', { memory_limit: options.memoryLimit ?? '3GB', temp_directory: join(tmpdir(), `tierwise-duckdb-${process.pid}`) });
  const con = await instance.connect();
  // What reading the file leaves behind (a Windows-1252 or UTF-16 big-endian CSV's UTF-8 copy), removed once DuckDB is closed.
  let closeSource: (() => Promise<void>) | undefined;
  try {
    await con.run('SET enable_progress_bar = true; SET enable_progress_bar_print = false');
    const raw = await describeSource(con, path, reading);
    closeSource = () => raw.close();
    // A missing column is the file's problem, in the engine's words, before any question of SQL.
    const shape = ingest({ ...raw.table, rows: [] }, config);
    if (!shape.usable) return { ok: false, reason: 'unusable', issues: shape.issues };
    // Read only where the engine reads them (a profiles type, a segment with a visit frequency), so the
    // warnings about them are the engine's too.
    const answers = readsAnswers(config.segmentTypes) ? options.sources?.answers : undefined;
    const visits = config.segmentTypes.some(plansVisits) ? options.sources?.visits : undefined;
    if (visits && shape.mapping.date === undefined) return { ok: false, reason: 'unusable', issues: config.segmentTypes.filter(plansVisits).map(() => visitsNeedDates()) };
    // A question or a loyalty rule no column answers is the file's problem, which the engine refuses
    // too: said in its words, before any line is read, not as something SQL cannot do.
    const refusedOf = (type: SegmentType, i: number) => [
      ...unansweredQuestions(type, i, answers ? answers.header : raw.table.header, answers ? 'answers' : 'sales'),
      ...unmatchedRuleColumns(type, i, raw.table.header, shape.mapping),
    ];
    if (config.segmentTypes.some((type, i) => refusedOf(type, i).length > 0)) {
      // The engine reads the lines before it refuses, and lists their problems beside the refusal: so
      // does this path (the lines are typed, not segmented). It classifies every type all the same, so a
      // type that counts back from a date none of the lines has is refused too, in the types' order.
      const typed = await watched(con, `reading ${raw.table.sheet}`, options, () => typeSales(con, raw, config));
      // No lines below the header, or a window without dates, stops the engine before any type is
      // classified: that refusal alone.
      if (!typed.ok) return { ok: false, reason: 'unusable', issues: typed.issues };
      const window = windowOf(config, typed.latestDay);
      if (!window.ok) return { ok: false, reason: 'unusable', issues: [...typed.issues, ...window.issues] };
      const refused = config.segmentTypes.flatMap((type, i) => [...refusedOf(type, i), ...typeWithoutDates(config, type, typed.latestDay, visits !== undefined)]);
      return { ok: false, reason: 'unusable', issues: [...typed.issues, ...refused] };
    }
    const trimmed = [...keyColumns(raw.header, shape.mapping, config)].map((c) => raw.header[c]);
    const compile = (latestDay?: string | null) =>
      compileSql(config, {
        dialect: 'duckdb',
        table: 'sales',
        columns: { header: [...raw.header, LINE_COLUMN], lineOrder: LINE_COLUMN, trimmed },
        ...(answers && { answersTable: ANSWERS_TABLE, answersColumns: answersColumns(answers) }),
        ...(visits && { visitsTable: VISITS_TABLE, visitsColumns: VISITS_COLUMNS }),
        latestDay,
      });
    // Compiled before the lines are typed, so a configuration it cannot do costs no reading.
    const checked = compile();
    if (!checked.ok) return { ok: false, reason: 'not-compiled', problems: checked.problems };
    const typed = await watched(con, `reading ${raw.table.sheet}`, options, () => typeSales(con, raw, config, checked.textColumns));
    if (!typed.ok) return { ok: false, reason: 'unusable', issues: typed.issues };
    // Again with the latest date typing counted, so the query reads the lines once.
    // (A day DuckDB writes otherwise, a year past 9999, is left for the query to find.)
    const latest = typed.latestDay === undefined ? null : Number.isNaN(isoTextToEpochDay(typed.latestDay)) ? undefined : typed.latestDay;
    const compiled = compile(latest);
    if (!compiled.ok) return { ok: false, reason: 'not-compiled', problems: compiled.problems };
    const window = windowOf(config, typed.latestDay);
    if (!window.ok) return { ok: false, reason: 'unusable', issues: [...typed.issues, ...window.issues] };
    const undated = countsWithoutDates(config, typed.latestDay, visits !== undefined);
    if (undated.length > 0) return { ok: false, reason: 'unusable', issues: [...typed.issues, ...undated] };
    // The engine reports the answers' and the visits' warnings after the lines' (prepare, then the types).
    const second = [...(answers ? await loadAnswers(con, answers, config) : []), ...(visits ? await loadVisits(con, visits, config, typed.dateOrder) : [])];
    const result = await watched(con, 'segmenting', options, () => con.run(compiled.sql));
    const columns = await readColumns(result);
    const ids = (columns[0]?.values ?? []) as string[];
    // The lines' warnings end with those about the kept lines as a whole, as the engine's do.
    const wholeLines = await afterLines(con, raw, typed, ids);
    return {
      ok: true,
      run: {
        columns,
        issues: [...typed.issues, ...wholeLines, ...second, ...typeIssues(config)],
        customers: { ids },
        lineCount: typed.lineCount,
        leftOutRows: typed.leftOutRows,
        filteredRows: typed.filteredRows,
        window: window.range,
        decimal: typed.decimal,
        decimalProven: typed.decimalProven,
        delimiter: raw.delimiter,
      },
    };
  } finally {
    con.closeSync();
    instance.closeSync();
    await closeSource?.();
  }
}

/**
 * What the engine says about each segment type besides its segments: overrides naming a segment that
 * does not exist (ABC), overrides on a kind that takes none. They depend on the configuration alone.
 */
function typeIssues(config: Config): Issue[] {
  const none = { ids: [], names: [], byId: new Map<string, number>() };
  return config.segmentTypes.flatMap((type) =>
    type.kind === 'abc'
      ? applyOverrides(
          type.name,
          type.segments.map((seg) => seg.name),
          config.overrides[type.name],
          none,
          new Int32Array(0),
        ).issues
      : overridesNotTaken({ config } as Prepared, type),
  );
}

/**
 * RFM counts recency, activity its periods and visit planning its days back from the window's end, or
 * from the latest date when the window is the whole history: without a readable date the engine refuses
 * the type (classifyRfm, classifyActivity, addVisits), and so does this path. `latestDay`: the latest
 * date of `sales` (typeSales counts it).
 */
function countsWithoutDates(config: Config, latestDay: string | undefined, planning: boolean): Issue[] {
  return config.segmentTypes.flatMap((t) => typeWithoutDates(config, t, latestDay, planning));
}

/** One type's refusal for want of a date (countsWithoutDates): the kind's own, then its visit planning's, as the engine classifies it. */
function typeWithoutDates(config: Config, t: SegmentType, latestDay: string | undefined, planning: boolean): Issue[] {
  if (config.window.kind !== 'all' || latestDay !== undefined) return [];
  return [
    ...(t.kind === 'rfm' ? [recencyNeedsDates({ config }, t.name)] : t.kind === 'activity' ? [periodsNeedDates({ config }, t.name)] : []),
    ...(planning && plansVisits(t) ? [visitsNeedDates()] : []),
  ];
}

/** The window as the engine resolves it, with the default end the query uses (the latest date of `sales`), for the run's account. */
function windowOf(config: Config, latestDay: string | undefined): { ok: true; range: DayRange | undefined } | { ok: false; issues: Issue[] } {
  if (config.window.kind === 'all') return { ok: true, range: undefined };
  const day = latestDay === undefined ? NaN : isoTextToEpochDay(latestDay);
  const end = Number.isNaN(day) ? undefined : day;
  const none = { length: 0, day: new Float64Array(0) } as unknown as SalesLines;
  const { range, issues } = resolveWindow(config.window, none, end);
  return issues.some((i) => i.severity === 'error') ? { ok: false, issues } : { ok: true, range };
}
