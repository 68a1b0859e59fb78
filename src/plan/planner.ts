// Engine result -> WorkbookPlan (pure). Decides what Tierwise's sheets hold and where; the hosts
// decide how to write it (blocks, batches, formats).
import { SEGMENT_FILLS, segmentColors } from './colors';
import { isSheetReference } from '../engine/address';
import { countsByRun, migration, type Snapshot } from '../engine/history';
import { keyText } from '../engine/ingest';
import type { EngineResult, TypeResult } from '../engine/result';
import { companionMeasure, segmentName } from '../engine/result';
import type { Issue, SourceTable } from '../engine/types';
import { atMostCents } from '../engine/money-format';
import { describeWindow } from '../engine/window';
import type { PreviousRun } from '../hosts/host';
import { historyValues, keepRuns } from './history-sheet';
import { kindBlocks } from './kind-blocks';
import { SETTINGS_CONFIG } from './owned';
import { fitText, type ConditionalFill, type DropDown, type NumberFormat, type PlannedBlock, type PlannedChart, type PlannedLink, type PlannedSheet, type PlannedSourceColumns, type PlanValue, type WorkbookPlan } from './plan';
import { tableFingerprint } from './source-check';
import { tierColumns, type TierColumn } from './tiers';
import { sinceLastRun, whyBlocks, whyTierColumns, type SinceLastRun } from './why';
import type { Config } from '../engine/config';

export const SHEET_NAMES = { tiers: 'Customer Tiers', summary: 'Segment Summary', history: 'Tierwise History' } as const;
export const TIERS_TABLE = 'TierwiseTiers';
export const MANUAL_SUFFIX = ' (manual)';
/** Text format: whatever is written stays exactly those characters (a customer called `=1+1` or `-cmd`). */
export const TEXT: NumberFormat = '@';
export const DEFAULT_KEEP_RUNS = 12;

/** Amounts when the sales column shows no money format of its own (General, or a CSV file). */
export const MONEY: NumberFormat = '#,##0.00';

const FORMATS: Record<TierColumn['format'], NumberFormat> = {
  text: TEXT,
  number: '#,##0.00',
  money: MONEY,
  integer: '#,##0',
  percent: '0.0%',
  date: 'yyyy-mm-dd',
};

/** The summary's charts start in column I, right of its widest table (seven columns) and a blank one. */
const CHART_COLUMN = 8;
/** Rows of the Pareto chart, and of the runs chart (a dozen runs at most, and the legend under them). */
const PARETO_HEIGHT = 15;
const RUNS_HEIGHT = 14;

/** A bar for a row that is no configured segment (customers without sales in the period): grey, as set aside. */
const NO_SEGMENT_FILL = SEGMENT_FILLS.aside;

/**
 * The format amounts are written in: the sales column's own money format (a currency, an accounting
 * layout, grouped thousands), to the cent at most, so a summary reads in the workbook's currency.
 */
export const moneyFormat = (result: Pick<EngineResult, 'moneyFormat'>): NumberFormat => (result.moneyFormat ? atMostCents(result.moneyFormat) : MONEY);

/** A measure in money (sales, profit) takes the money format; margin %, points and counts keep theirs. */
const measureFormat = (measureName: string, money: NumberFormat): NumberFormat => (measureName === 'sales' || measureName === 'profit' ? money : '#,##0.00');

export interface PlanInput {
  result: EngineResult;
  /** This run's snapshot (engine `takeSnapshot`), appended to the history. */
  snapshot: Snapshot;
  /** What the workbook held before this run (host `readPrevious`). */
  previous?: PreviousRun;
  /** What changed since `previous` (sinceLastRun), when the caller has it already: worked out here when absent. */
  since?: SinceLastRun;
  /** The source as read, when segment columns are to be written beside it. */
  source?: SourceTable;
  /** Segment types to write beside the source rows (names); none when absent. */
  segmentColumnTypes?: string[];
  /** The configuration text saved with the workbook. */
  configText: string;
  keepRuns?: number;
  /** The configuration saved in the workbook before this run: says why customers moved when an older history kept no thresholds. */
  previousConfig?: Config;
}

/** The header of the segment column written beside the source for a segment type. */
export const sourceColumnHeader = (typeName: string): string => `${typeName} (Tierwise)`;

export function planWorkbook(input: PlanInput): WorkbookPlan {
  const { result } = input;
  const since = input.since ?? sinceLastRun(input.previous, input.snapshot, result, input.previousConfig);
  // The runs the history sheet keeps after this one, this one last: the summary counts them side by side.
  const kept = keepRuns([...(input.previous?.snapshots ?? []), input.snapshot], input.keepRuns ?? DEFAULT_KEEP_RUNS);
  const sheets: PlannedSheet[] = [tiersSheet(result, since), summarySheet(result, since, kept), historySheet(kept)].map(fitCells);
  const sourceColumns = input.source && input.segmentColumnTypes?.length ? planSourceColumns(result, input.source, input.segmentColumnTypes) : undefined;
  return { sheets, sourceColumns, settings: { [SETTINGS_CONFIG]: input.configText } };
}

/**
 * Every text as long as an Excel cell can hold (a name or an issue's value copied from a 40,000-character
 * cell of a CSV): one longer cell makes Excel call the whole file damaged, and office.js refuse the write.
 */
function fitCells(sheet: PlannedSheet): PlannedSheet {
  const fit = (v: PlanValue) => (typeof v === 'string' ? fitText(v) : v);
  const tooLong = (b: PlannedBlock) => b.values.some((row) => row.some((v) => typeof v === 'string' && fitText(v) !== v));
  // Almost never needed: the usual plan is returned as it is, not copied.
  if (!sheet.blocks.some(tooLong)) return sheet;
  return { ...sheet, blocks: sheet.blocks.map((b) => (tooLong(b) ? { ...b, values: b.values.map((row) => row.map(fit)) } : b)) };
}

// Colours by meaning (colors.ts), the same as the pane's.
const fillsFor = (t: TypeResult): ConditionalFill['rules'] => {
  const colors = segmentColors(t.type, t.segments);
  return t.segments.map((s, i) => ({ text: s.name, fill: colors[i] }));
};

function tiersSheet(result: EngineResult, since: SinceLastRun | undefined): PlannedSheet {
  const cols = whyTierColumns(tierColumns(result), result, since);
  const n = cols.length ? cols[0].values.length : 0;
  const values: PlanValue[][] = new Array(n + 1);
  values[0] = cols.map((c) => c.header);
  for (let r = 0; r < n; r++) {
    const row: PlanValue[] = new Array(cols.length);
    for (let c = 0; c < cols.length; c++) row[c] = cols[c].values[r];
    values[r + 1] = row;
  }
  const byName = new Map(result.types.map((t) => [t.type.name, t]));
  const conditionalFills: ConditionalFill[] = [];
  const dropDowns: DropDown[] = [];
  cols.forEach((c, i) => {
    const t = c.typeName !== undefined ? byName.get(c.typeName) : undefined;
    if (!t) return;
    if (c.role === 'segment' || c.role === 'auto') conditionalFills.push({ column: i, rules: fillsFor(t) });
    if (c.role === 'manual') dropDowns.push({ column: i, list: t.segments.map((s) => s.name) });
    if (c.role === 'flag') conditionalFills.push({ column: i, rules: [{ text: String(c.values.find((v) => v !== '') ?? ''), fill: '#FFEB9C' }].filter((r) => r.text !== '') });
  });
  const block: PlannedBlock = {
    id: 'tiers',
    row: 0,
    column: 0,
    values,
    numberFormats: cols.map((c) => (c.format === 'money' ? moneyFormat(result) : FORMATS[c.format])),
    header: true,
    table: { name: TIERS_TABLE, style: 'TableStyleMedium2' },
    conditionalFills: conditionalFills.filter((f) => f.rules.length > 0),
    dropDowns,
  };
  return { role: 'tiers', name: SHEET_NAMES.tiers, visible: true, blocks: [block], charts: [], freezeRows: 1 };
}

/** `sales` -> `Sales`: a measure's name as a column heading (the workbook's summary and the terminal's). */
export const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * The header of a segment type's summary table, the workbook's and the command line's alike; the
 * companion column is profit, or net sales when the measure is profit itself (companionMeasure).
 */
export const summaryHeader = (m: string): string[] => ['Segment', 'Customers', '% customers', capital(m), `% ${m}`, capital(companionMeasure(m)), `Average ${m}`];

/** `2026-01-31T09:00:00.000Z` -> `2026-01-31 09:00 UTC` (`09:00:00` with `seconds`), as a title reads it (the history sheet keeps the ISO time). */
export function runTime(iso: string, seconds = false): string {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/.test(iso)) return iso;
  return `${iso.slice(0, 10)} ${iso.slice(11, seconds && iso.length > 17 ? 19 : 16)} UTC`;
}

function summarySheet(result: EngineResult, since: SinceLastRun | undefined, kept: readonly Snapshot[]): PlannedSheet {
  const blocks: PlannedBlock[] = [];
  const charts: PlannedChart[] = [];
  const title = (id: string, text: string, at: number) => blocks.push({ id, row: at, column: 0, values: [[text]], title: true, numberFormats: [TEXT] });
  // First what the run counted: a summary read months later must say which sales it covers.
  blocks.push({ id: 'scope', row: 0, column: 0, values: [[scopeLine(result)]], numberFormats: [TEXT], overflow: 'all' });
  let row = 2;
  if (result.types.length === 0) title('empty', 'No segment type was computed: see the issues in the Tierwise pane.', row);
  const money = moneyFormat(result);
  result.types.forEach((t, k) => {
    const m = t.measureName;
    const amount = measureFormat(m, money);
    title(`title-${k}`, t.type.name, row);
    const start = row + 1;
    const companion = companionMeasure(m);
    const summary: PlanValue[][] = [
      summaryHeader(m),
      ...t.summary.map((s) => [s.segment, s.customers, s.customerShare, s.measure, s.measureShare, s[companion], s.averageMeasure]),
    ];
    blocks.push({ id: `summary-${k}`, row: start, column: 0, values: summary, header: true, numberFormats: [TEXT, '#,##0', '0.0%', amount, '0.0%', money, amount], conditionalFills: [{ column: 0, rules: fillsFor(t) }] });
    // Chart data: segments by measure, largest first, with the running share (the Pareto line).
    const sorted = t.summary.filter((s) => Number.isFinite(s.measure)).sort((a, b) => b.measure - a.measure);
    const total = sorted.reduce((s, r) => s + Math.max(0, r.measure), 0);
    let cum = 0;
    const parts = kindBlocks(t, k, start + summary.length + 1, fillsFor(t));
    blocks.push(...parts.blocks);
    const paretoRow = parts.next;
    const pareto: PlanValue[][] = [
      ['Segment', capital(m), 'Cumulative %'],
      ...sorted.map((s) => {
        cum += Math.max(0, s.measure);
        return [s.segment, s.measure, total > 0 ? cum / total : 0];
      }),
    ];
    blocks.push({ id: `pareto-${k}`, row: paretoRow, column: 0, values: pareto, header: true, numberFormats: [TEXT, amount, '0.0%'] });
    const fills = new Map(fillsFor(t).map((r) => [r.text, r.fill]));
    const pointColors = sorted.map((s) => fills.get(s.segment) ?? NO_SEGMENT_FILL);
    charts.push({ kind: 'pareto', title: `${t.type.name}: ${m} by segment`, blockId: `pareto-${k}`, categoryColumn: 0, valueColumn: 1, cumulativeColumn: 2, pointColors, row: start, column: CHART_COLUMN, width: 8, height: PARETO_HEIGHT });
    let next = paretoRow + pareto.length + 1;
    if (since && since.last.segments[t.type.name]) {
      const { last } = since;
      const mg = migration(last, t, result.customers.ids);
      const runs = runsTable(kept, t);
      // Titles overflow to the right: kept short enough to end before the chart in column I. The last
      // run's time as the runs' table tells it (to the second when two runs share a minute).
      title(`migration-title-${k}`, `Migration since ${runTime(last.time, runs.seconds)}: ${mg.moved} customer${mg.moved === 1 ? '' : 's'} changed segment`, next);
      const matrix: PlanValue[][] = [['Before \\ Now', ...mg.to], ...mg.from.map((f, i) => [f, ...mg.counts[i]])];
      blocks.push({ id: `migration-${k}`, row: next + 1, column: 0, values: matrix, header: true, numberFormats: [TEXT, ...mg.to.map(() => '#,##0')] });
      next += matrix.length + 2;
      // Then the kept runs side by side (a dozen rows at most), before the list of moves, which can be long.
      const table = runs.values;
      title(`runs-title-${k}`, 'Customers per segment, run by run', next);
      blocks.push({ id: `runs-${k}`, row: next + 1, column: 0, values: table, header: true, numberFormats: [TEXT, ...table[0].slice(1).map(() => '#,##0')] });
      // The same counts as stacked columns, right of the table and below the Pareto chart; the list of
      // moves starts under it, since its last column runs over the cells to its right.
      const chartRow = Math.max(next, start + PARETO_HEIGHT + 1);
      const seriesColors = runs.segments.map((s) => fills.get(s) ?? NO_SEGMENT_FILL);
      charts.push({ kind: 'stacked', title: `${t.type.name}: customers per segment, run by run`, blockId: `runs-${k}`, categoryColumn: 0, firstSeriesColumn: 1, seriesColors, row: chartRow, column: Math.max(CHART_COLUMN, table[0].length + 1), width: 8, height: RUNS_HEIGHT });
      next = Math.max(next + table.length + 2, chartRow + RUNS_HEIGHT + 1);
      const why = whyBlocks(since.moves, t.type.name, k, next);
      blocks.push(...why.blocks);
      next = why.next;
    } else {
      title(`migration-title-${k}`, 'No previous run yet: the migration matrix starts with the next run.', next);
      next += 1;
    }
    row = Math.max(next, start + PARETO_HEIGHT + 1) + 1;
  });
  if (result.issues.length > 0) {
    const at = result.types.length === 0 ? row + 2 : row;
    title('problems-title', problemsTitle(result), at);
    const listed = result.issues.slice(0, MAX_PROBLEMS_LISTED);
    blocks.push({ id: 'problems', row: at + 1, column: 0, values: problemRows(listed), header: true, numberFormats: [TEXT, TEXT, TEXT], links: problemLinks(listed), overflow: [1, 2] });
  }
  return { role: 'summary', name: SHEET_NAMES.summary, visible: true, blocks, charts };
}

/**
 * Customers per segment in each run the history keeps (`kept`, this one last) that had the type: a row
 * per run, a column per segment (today's, then those only earlier runs had, then `(none)`), without the
 * columns that are empty in every run except today's segments. `segments` names the columns after `Run`;
 * `seconds` says the runs are told to the second (two of them share a minute).
 */
function runsTable(kept: readonly Snapshot[], t: TypeResult): { values: PlanValue[][]; segments: string[]; seconds: boolean } {
  const current = t.segments.map((s) => s.name);
  const { names, runs } = countsByRun(kept, t.type.name, current);
  const shown = names.map((n, i) => i < current.length || runs.some((r) => r.counts[i] > 0));
  const pick = <T,>(row: T[]) => row.filter((_, i) => shown[i]);
  // Two runs in the same minute would read alike: then every run is told to the second.
  const minutes = runs.map((r) => runTime(r.time));
  const seconds = new Set(minutes).size < minutes.length;
  const segments = pick(names);
  return { values: [['Run', ...segments], ...runs.map((r) => [runTime(r.time, seconds), ...pick(r.counts)])], segments, seconds };
}

/**
 * The sales the run counted, in one line: the window with its days, the filters, the minimum net
 * sales, and the lines used, filtered out and left out.
 */
export function scopeLine(result: Pick<EngineResult, 'config' | 'window' | 'lineCount' | 'filteredRows' | 'leftOutRows'> & Partial<Pick<EngineResult, 'decimal'>>): string {
  const { window: spec, filters, minimumNetSales } = result.config;
  const days = result.window ? `, ${describeWindow(result.window)}` : '';
  const when =
    spec.kind === 'all'
      ? 'Sales of all dates'
      : spec.kind === 'rolling'
        ? `Sales of the last ${spec.months} month${spec.months === 1 ? '' : 's'}${days}`
        : `Sales of ${spec.startMonth === 1 ? 'the year' : 'the fiscal year'} ${spec.year}${days}`;
  const parts = [when, ...filters.map((f) => (f.in ? `${f.column} in ${f.in.join(', ')}` : `${f.column} not in ${(f.notIn ?? []).join(', ')}`))];
  if (minimumNetSales !== undefined) parts.push(`minimum net sales ${minimumNetSales}`);
  // Said only when it is not what an English-locale reader assumes: a colleague sees how the amounts were read.
  if (result.decimal === ',') parts.push('numbers written as text read with a decimal comma');
  const n = (x: number) => x.toLocaleString('en-US');
  parts.push(`${n(result.lineCount)} lines used, ${n(result.filteredRows)} filtered out, ${n(result.leftOutRows)} left out`);
  return parts.join('; ');
}

/**
 * Problems listed on the summary sheet at most. A sheet whose every line is unreadable (a wrong column
 * mapped) would otherwise need more rows than a sheet has; past this many, the mapping is the problem.
 */
export const MAX_PROBLEMS_LISTED = 100_000;

/** Under the summaries: every problem of the run (the pane shows the first 50, the summary all of them). */
export function problemsTitle(result: Pick<EngineResult, 'leftOutRows' | 'issues'>): string {
  const n = result.leftOutRows;
  const all = result.issues.length;
  const listed = all > MAX_PROBLEMS_LISTED ? ` (the first ${MAX_PROBLEMS_LISTED.toLocaleString('en-US')} of ${all.toLocaleString('en-US')} problems are listed)` : '';
  if (n === 0) return `Notes on this run (${all})`;
  return `Left out: ${n.toLocaleString('en-US')} row${n === 1 ? '' : 's'} with a problem; fix the cells and run Tierwise again${listed}`;
}

/** Where (a cell address or a setting), the value as it was read, and what to do; the value stays text. */
export function problemRows(issues: readonly Issue[]): PlanValue[][] {
  return [['Where', 'Value', 'Problem'], ...issues.map((i) => [i.where, i.value === undefined || i.value === null ? '' : String(i.value), i.message])];
}

/**
 * Problems whose address links to its cell, at most. Excel takes one request per link from an add-in
 * (a hyperlink is set cell by cell), so a list of 100,000 would cost minutes; the first thousand are
 * the ones a person works through, and every address stays readable as text.
 */
export const MAX_LINKED_PROBLEMS = 1000;

/** The `Where` cell of each listed problem that names cells (not a setting) links to them. */
export function problemLinks(issues: readonly Issue[]): PlannedLink[] {
  const links: PlannedLink[] = [];
  for (let i = 0; i < issues.length && links.length < MAX_LINKED_PROBLEMS; i++) {
    if (isSheetReference(issues[i].where)) links.push({ row: i + 1, column: 0, target: issues[i].where });
  }
  return links;
}

function historySheet(kept: readonly Snapshot[]): PlannedSheet {
  const values = historyValues(kept);
  return { role: 'history', name: SHEET_NAMES.history, visible: false, blocks: [{ id: 'history', row: 0, column: 0, values, numberFormats: values[0].map(() => TEXT) }], charts: [] };
}

/** Per source row, the customer's final segment ('' for rows left out: blank customer, unknown customer). */
function planSourceColumns(result: EngineResult, source: SourceTable, typeNames: readonly string[]): PlannedSourceColumns | undefined {
  const customerCol = result.mapping.customer;
  const types = typeNames.map((n) => result.types.find((t) => t.type.name === n)).filter((t): t is TypeResult => t !== undefined);
  if (customerCol === undefined || types.length === 0) return undefined;
  const index = new Int32Array(source.rows.length);
  for (let r = 0; r < source.rows.length; r++) {
    const c = result.customers.byId.get(keyText(source.rows[r][customerCol]));
    index[r] = c === undefined ? -1 : c;
  }
  return {
    sheet: source.sheet,
    tableName: source.tableName,
    headerRow: source.origin.row,
    rowCount: source.rows.length,
    sourceColumn: source.origin.column,
    column: source.origin.column + source.header.length,
    columns: types.map((t) => ({ header: sourceColumnHeader(t.type.name), values: Array.from(index, (c) => (c >= 0 ? segmentName(t, c) : '')) })),
    sourceFingerprint: tableFingerprint(source),
  };
}
