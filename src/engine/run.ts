// The engine's one entry point: ingest -> window -> aggregate -> classify each segment type -> summary.
// `prepare` does the expensive part once; `classifyType` is cheap and is what a threshold drag reruns.
import { defaultSegment, lastRanked, NO_SEGMENT, rank, rankingShares, assignRanked, type Ranking } from './abc';
import type { AbcType } from './abc-schema';
import { classifyActivity } from './activity';
import { customerIdNotes } from './customer-variants';
import { aggregate, marginPercent } from './aggregate';
import { assignBands } from './bands';
import type { BandsType } from './bands-schema';
import type { Config, SegmentType } from './config';
import { hasNoLines, ingest, noLinesProblem, typeReads, type CustomerIndex } from './ingest';
import { classifyLoyalty } from './loyalty';
import { moneyFormatOf } from './money-format';
import { applyOverrides } from './overrides';
import { cached, type ExtraSources, type Prepared, type PreviousSegments } from './prepared';
import { answeringCustomers, classifyProfiles, readsAnswers } from './profiles';
import { segmentInfo, type EngineResult, type TypeResult } from './result';
import { classifyRfm } from './rfm';
import { summarize } from './summary';
import type { Issue, SourceTable } from './types';
import { addVisits } from './visits';
import { resolveWindow } from './window';
import { classifyXyz, crossAbcXyz } from './xyz';

export type { ExtraSources, Prepared, PreviousSegments } from './prepared';

/**
 * Customers named only in an override, in the previous run or (for profiles) in the answers range
 * still appear: with the default segment, and prospects with their profiles.
 */
function extendCustomers(base: CustomerIndex, config: Config, previous: PreviousSegments | undefined, sources: ExtraSources): CustomerIndex {
  const extra: string[] = [];
  const collect = (raw: string) => {
    const id = raw.trim();
    if (id !== '' && !base.byId.has(id)) extra.push(id);
  };
  for (const perType of Object.values(config.overrides)) Object.keys(perType).forEach(collect);
  for (const perType of Object.values(previous?.segments ?? {})) Object.keys(perType).forEach(collect);
  if (sources.answers && readsAnswers(config.segmentTypes)) answeringCustomers(sources.answers, config).forEach(collect);
  // Most runs add no one: the index from ingest is used as it is, not copied.
  if (extra.length === 0) return base;
  const ids = base.ids.slice();
  const names = base.names.slice();
  const byId = new Map(base.byId);
  for (const id of extra) {
    if (byId.has(id)) continue;
    byId.set(id, ids.length);
    ids.push(id);
    names.push('');
  }
  return { ids, names, byId };
}

export function prepare(table: SourceTable, config: Config, previous?: PreviousSegments, sources: ExtraSources = {}): Prepared {
  const ingested = ingest(table, config);
  const issues = [...ingested.issues];
  const noLines = hasNoLines(ingested);
  if (noLines) issues.push(noLinesProblem(table));
  // Without lines, a rolling window's "no line has a readable date" would only say the same again.
  const { range, issues: windowIssues } = ingested.usable && !noLines ? resolveWindow(config.window, ingested.lines, ingested.latestDay) : { range: undefined, issues: [] };
  issues.push(...windowIssues);
  const customers = extendCustomers(ingested.customers, config, previous, sources);
  if (ingested.usable && ingested.mapping.customer !== undefined) issues.push(...customerIdNotes(table, ingested.mapping.customer, customers.ids));
  const measures = aggregate(ingested.lines, customers.ids.length, range);
  return { config, ingested, customers, measures, window: range, issues, previous, sources, cache: new Map() };
}

/** In the window and at or above the minimum net sales (the type's own minimum wins over the global one). */
function eligibility(p: Prepared, minimum: number | undefined): Uint8Array {
  return cached(p, `eligible|${minimum ?? ''}`, () => {
    const m = p.measures;
    const out = new Uint8Array(m.count);
    for (let c = 0; c < m.count; c++) out[c] = m.inWindow[c] && (minimum === undefined || m.sales[c] >= minimum) ? 1 : 0;
    return out;
  });
}

function windowed(p: Prepared, values: Float64Array): Float64Array {
  const out = new Float64Array(values.length);
  for (let c = 0; c < values.length; c++) out[c] = p.measures.inWindow[c] ? values[c] : NaN;
  return out;
}

function measureOf(p: Prepared, measure: 'sales' | 'profit' | 'quantity' | 'margin'): Float64Array {
  return cached(p, `measure|${measure}`, () => {
    if (measure === 'margin') return marginPercent(p.measures);
    // Quantity is kept only when a type reads it (typeReads): prepared without it, nobody has a value.
    const values = p.measures[measure];
    return values ? windowed(p, values) : new Float64Array(p.measures.count).fill(NaN);
  });
}

function classifyAbc(p: Prepared, type: AbcType): TypeResult {
  const minimum = type.minimumNetSales ?? p.config.minimumNetSales;
  const eligible = eligibility(p, minimum);
  const { ranking, measure } = abcRanking(p, type);
  const n = p.measures.count;
  const last = lastRanked(type.segments);
  const dflt = defaultSegment(type.segments);
  const auto = new Int32Array(n);
  for (let c = 0; c < n; c++) {
    if (!p.measures.inWindow[c]) auto[c] = dflt >= 0 ? dflt : last; // appears, but no line in the window
    else if (!eligible[c]) auto[c] = dflt >= 0 ? dflt : NO_SEGMENT; // below the minimum net sales
    else auto[c] = last; // 0 or less: not ranked; ranked customers are overwritten next
  }
  assignRanked(ranking, type, auto);
  const segments = type.segments.map(segmentInfo);
  const { manual, final, issues } = applyOverrides(type.name, type.segments.map((s) => s.name), p.config.overrides[type.name], p.customers, auto);
  return {
    type,
    segments,
    measureName: type.measure,
    measure,
    auto,
    manual,
    final,
    shares: cached(p, `shares|${type.measure}|${minimum ?? ''}`, () => rankingShares(ranking, n)),
    extraColumns: [],
    // Without a default segment, the customers with no sale in the window are in the last segment
    // (section 3.7), but the summary counts them on a row of their own (NO_SALES_LABEL).
    summary: summarize(segments, final, measure, p.measures, dflt < 0 ? noSalesApart(p, manual) : undefined),
    issues,
  };
}

/**
 * The customers to count apart in an ABC summary: no line in the window, and still in the segment the
 * rules gave them (a manual override moves a customer where the user wants it counted).
 */
function noSalesApart(p: Prepared, manual: Int32Array | undefined): Uint8Array | undefined {
  const inWindow = p.measures.inWindow;
  let any = false;
  const out = new Uint8Array(inWindow.length);
  for (let c = 0; c < inWindow.length; c++) {
    if (!inWindow[c] && (manual === undefined || manual[c] < 0)) {
      out[c] = 1;
      any = true;
    }
  }
  return any ? out : undefined;
}

function classifyBands(p: Prepared, type: BandsType): TypeResult {
  const eligible = eligibility(p, type.minimumNetSales ?? p.config.minimumNetSales);
  const measure = measureOf(p, type.measure);
  const auto = new Int32Array(p.measures.count);
  assignBands(measure, eligible, type.bands, auto);
  const segments = type.bands.map(segmentInfo);
  return {
    type,
    segments,
    measureName: type.measure === 'margin' ? 'margin %' : type.measure,
    measure,
    auto,
    final: auto,
    extraColumns: [],
    summary: summarize(segments, auto, measure, p.measures),
    issues: [],
  };
}

export function overridesNotTaken(p: Prepared, type: SegmentType): Issue[] {
  const o = p.config.overrides[type.name];
  return o && Object.keys(o).length > 0
    ? [{ severity: 'warning', where: `overrides["${type.name}"]`, message: `manual overrides apply to ABC segment types only; the ${Object.keys(o).length} override(s) for "${type.name}" are kept but not applied` }]
    : [];
}

function classifyKind(p: Prepared, type: SegmentType): TypeResult {
  switch (type.kind) {
    case 'abc':
      return classifyAbc(p, type);
    case 'bands':
      return classifyBands(p, type);
    case 'loyalty':
      return classifyLoyalty(p, type);
    case 'activity':
      return classifyActivity(p, type);
    case 'profiles':
      return classifyProfiles(p, type);
    case 'rfm':
      return classifyRfm(p, type);
    case 'xyz':
      return classifyXyz(p, type);
  }
}

/**
 * Ingest keeps the order, product, category and quantity of each line only when a configured type
 * reads them (typeReads). A type classified on data prepared without a column it reads would quietly
 * count lines as orders or earn no points per unit: a caller's mistake (prepare again), not the user's.
 */
function checkPreparedFor(p: Prepared, type: SegmentType): void {
  if (!p.ingested.usable) return;
  const lacking = typeReads(type).filter((role) => p.ingested.mapping[role] !== undefined && p.ingested.lines[role] === undefined);
  if (lacking.length > 0) {
    throw new Error(`"${type.name}" reads the ${lacking.join(', ')} column(s), which these lines were prepared without: prepare again with a configuration that includes the type`);
  }
}

/** One segment type, with its visit planning columns when a visits range was given. */
export function classifyType(p: Prepared, type: SegmentType): TypeResult {
  checkPreparedFor(p, type);
  const result = classifyKind(p, type);
  if (type.kind !== 'abc') result.issues.push(...overridesNotTaken(p, type));
  return addVisits(p, result);
}

export function resultOf(p: Prepared, types: TypeResult[]): EngineResult {
  return {
    config: p.config,
    customers: p.customers,
    mapping: p.ingested.mapping,
    measures: p.measures,
    window: p.window,
    types,
    issues: [...p.issues, ...types.flatMap((t) => t.issues)],
    lineCount: p.ingested.lines.length,
    leftOutRows: p.ingested.leftOutRows,
    filteredRows: p.ingested.filteredRows,
    date1904: p.ingested.date1904,
    decimal: p.ingested.decimal,
    decimalProven: p.ingested.decimalProven,
    moneyFormat: moneyFormatOf(p.ingested.table.numberFormats, p.ingested.mapping.amount),
  };
}

/** Every segment type of a prepared run. Nothing is classified when the input is unusable (a required column is missing). */
export function classifyAll(p: Prepared): EngineResult {
  const usable = p.ingested.usable && !p.issues.some((i) => i.severity === 'error' && i.row === undefined);
  return resultOf(p, usable ? crossAbcXyz(p.config.segmentTypes.map((t) => classifyType(p, t))) : []);
}

/** The whole run. */
export function segment(table: SourceTable, config: Config, previous?: PreviousSegments, sources: ExtraSources = {}): EngineResult {
  return classifyAll(prepare(table, config, previous, sources));
}

/**
 * The ranking an ABC type's thresholds are applied to (the same cached one the run uses), with the measure:
 * what thresholds suggested from the data are computed on (suggest.ts).
 */
export function abcRanking(p: Prepared, type: AbcType): { ranking: Ranking; measure: Float64Array } {
  const minimum = type.minimumNetSales ?? p.config.minimumNetSales;
  const eligible = eligibility(p, minimum);
  const measure = measureOf(p, type.measure);
  return { ranking: cached<Ranking>(p, `rank|${type.measure}|${minimum ?? ''}`, () => rank(measure, eligible)), measure };
}
