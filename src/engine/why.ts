// Why each customer moved between two runs (SEMANTICS.md section 9): one cause per customer whose
// final segment changed, with its figures, and the words for it that every output shows.
import { SHARE_TOLERANCE, type AbcType } from './abc-schema';
import { upperBounds } from './abc';
import { bandOf } from './bands';
import type { Config, SegmentType } from './config';
import { effectiveDefinition, type TypeFacts } from './facts';
import { canonicalJson, configHash, GONE_CUSTOMER, NEW_CUSTOMER, NONE, type Snapshot } from './history';
import { entryOf } from './prepared';
import { levelOf } from './loyalty';
import { xyzSegment } from './xyz';

/** The figure a kind's thresholds apply to, where it is not the measure itself. */
export type FigureName = 'share ahead' | 'cumulative share' | 'cv' | 'scores';

export interface Figures {
  /** The measure in words: `sales`, `profit`, `margin %`, `earned`. */
  measureName: string;
  /** Undefined: none (no sales in the period), or not known (a history written before Tierwise kept it). */
  measure: { before?: number; now?: number };
  figure?: { name: FigureName; before?: number | string; now?: number | string };
}

/** The threshold of the current configuration between the two segments: `A` up to 80 % of sales, `Mid` from 500. */
export interface Limit {
  segment: string;
  /** `minPeriods`: XYZ's unclassified segment, for fewer periods with sales than `value` (or a mean of 0 or less). */
  kind: 'share' | 'min' | 'maxCv' | 'minPeriods' | 'points';
  value: number;
}

/** A threshold (or rule) that differs between the two configurations: both values in words, or just what (`B added`). */
export interface ThresholdChange {
  what: string;
  before?: string;
  now?: string;
  /** A segment's own limit (a share, a band bound, a max CV, a level's points), which applies to the figure. */
  limit?: boolean;
}

/**
 * The one cause of a move, in the order they are tried (docs/rules.md): a customer new or gone; a
 * manual override set, changed or cleared; a customer entering or leaving the window; the thresholds
 * changed (`measureToo` when its figure changed as well and that mattered); its measure crossed a
 * threshold.
 */
export type Cause =
  | { kind: 'new' }
  | { kind: 'gone' }
  | { kind: 'override'; action: 'set' | 'changed' | 'cleared'; before?: string; now?: string }
  | { kind: 'window'; action: 'entered' | 'left'; figures: Figures }
  | { kind: 'thresholds'; changes: ThresholdChange[]; figures: Figures; measureToo: boolean }
  | { kind: 'measure'; figures: Figures; limit?: Limit; direction?: 'up' | 'down' };

export interface Move {
  typeName: string;
  customer: string;
  /** The previous segment, or `(none)`, or `(new)` (history.ts labels, as in the migration matrix). */
  from: string;
  /** The segment now, or `(none)`, or `(gone)`. */
  to: string;
  cause: Cause;
}

const label = (s: string | undefined, absent: string) => (s === undefined ? absent : s === '' ? NONE : s);

/**
 * Every customer whose final segment changed between the two runs, per segment type both runs have,
 * in the current run's customer order (then the customers gone). `previousConfig` helps only where the
 * previous run's history kept no thresholds (a sheet written before Tierwise kept them): it is used
 * when its hash is the one the previous run recorded, so it is that run's configuration.
 */
export function explainMoves(previous: Snapshot, current: Snapshot, previousConfig: Config | undefined, currentConfig: Config): Move[] {
  const trusted = previousConfig && configHash(previousConfig) === previous.configHash ? previousConfig : undefined;
  const moves: Move[] = [];
  for (const [typeName, nowSegments] of Object.entries(current.segments)) {
    const beforeSegments = previous.segments[typeName];
    if (!beforeSegments) continue;
    const pf = previous.facts?.[typeName];
    const nf = current.facts?.[typeName];
    const fromConfig = (config: Config | undefined) => {
      const type = config?.segmentTypes.find((t) => t.name === typeName);
      return type && effectiveDefinition(type, config!);
    };
    const defBefore = pf?.definition ?? fromConfig(trusted);
    const defNow = nf?.definition ?? fromConfig(currentConfig);
    const changes = defBefore && defNow ? thresholdChanges(defBefore, defNow) : [];
    const explain = (customer: string, was: string | undefined, now: string | undefined) => {
      const from = label(was, NEW_CUSTOMER);
      const to = label(now, GONE_CUSTOMER);
      if (from === to) return;
      const ctx: Context = { customer, was: was ?? '', now: now ?? '', pf, nf, defBefore, defNow, changes };
      moves.push({ typeName, customer, from, to, cause: was === undefined ? { kind: 'new' } : now === undefined ? { kind: 'gone' } : causeOf(ctx) });
    };
    for (const id of Object.keys(nowSegments)) explain(id, entryOf(beforeSegments, id), nowSegments[id]);
    for (const id of Object.keys(beforeSegments)) if (entryOf(nowSegments, id) === undefined) explain(id, beforeSegments[id], undefined);
  }
  return moves;
}

interface Context {
  customer: string;
  /** Segment names ('' none) before and now. */
  was: string;
  now: string;
  pf?: TypeFacts;
  nf?: TypeFacts;
  defBefore?: SegmentType;
  defNow?: SegmentType;
  changes: ThresholdChange[];
}

function causeOf(x: Context): Cause {
  const { customer: id, pf, nf } = x;
  // Overrides: with the previous run's facts, its overrides are known (none when it kept no list);
  // without them, an override now that gives the segment now is taken as set since.
  const mBefore = pf?.manual?.get(id);
  const mNow = nf?.manual?.get(id);
  if (mNow !== undefined && mNow !== mBefore && (pf !== undefined || mNow === x.now)) {
    return mBefore === undefined ? { kind: 'override', action: 'set', now: mNow } : { kind: 'override', action: 'changed', before: mBefore, now: mNow };
  }
  if (pf !== undefined && mBefore !== undefined && mNow === undefined) return { kind: 'override', action: 'cleared', before: mBefore };
  const figures = figuresOf(x);
  const salesBefore = pf ? !pf.noSales.has(id) : undefined;
  const salesNow = nf ? !nf.noSales.has(id) : undefined;
  if (salesBefore === false && salesNow === true) return { kind: 'window', action: 'entered', figures };
  if (salesBefore !== false && salesNow === false) return { kind: 'window', action: 'left', figures };
  const deciding = figures.figure ?? { before: figures.measure.before, now: figures.measure.now };
  const known = deciding.before !== undefined && deciding.now !== undefined;
  const changed = known && deciding.before !== deciding.now;
  // Where a kind's thresholds apply to one figure, they decided both segments only when that figure gives
  // them back (not an XYZ customer unclassified for too few periods, nor an ABC customer below the minimum).
  const decided = !known || !x.defBefore || !x.defNow || (segmentUnder(x.defBefore, deciding.before) ?? x.was) === x.was && (segmentUnder(x.defNow, deciding.now) ?? x.now) === x.now;
  // Where the figure does not give the segments back, a change of limits cannot be the cause; a change of
  // anything else (the minimum net sales, the measure, the segments themselves) can.
  if (x.changes.length > 0 && !decided && x.changes.some((c) => !c.limit)) return { kind: 'thresholds', changes: x.changes, figures, measureToo: changed };
  if (x.changes.length > 0 && decided) {
    // Would the new thresholds alone have moved it (on its previous figure), would its figure alone have
    // moved it (under the previous thresholds)? Unknown counts as yes.
    const underNew = known && x.defNow ? segmentUnder(x.defNow, deciding.before) : undefined;
    const underOld = known && x.defBefore ? segmentUnder(x.defBefore, deciding.now) : undefined;
    const thresholdsMatter = underNew === undefined || underNew !== x.was;
    const figureMatters = changed && (underOld === undefined || underOld !== x.was);
    if (thresholdsMatter || !figureMatters) return { kind: 'thresholds', changes: x.changes, figures, measureToo: changed && (figureMatters || !thresholdsMatter) };
  }
  return { kind: 'measure', figures, ...(decided ? crossing(x.defNow, x.was, x.now) : unclassified(x.defNow, x.was, x.now)) };
}

function measureName(def: SegmentType | undefined, facts: TypeFacts | undefined): string {
  if (facts?.measureName) return facts.measureName;
  switch (def?.kind) {
    case 'abc':
    case 'xyz':
      return def.measure;
    case 'bands':
      return def.measure === 'margin' ? 'margin %' : def.measure;
    case 'loyalty':
      return 'earned';
    case 'activity':
      return 'state of mind';
    case 'rfm':
    case 'profiles':
    case undefined:
      return 'sales';
  }
}

function figureName(def: SegmentType | undefined): FigureName | undefined {
  switch (def?.kind) {
    case 'abc':
      return def.boundary === 'lower' ? 'cumulative share' : 'share ahead';
    case 'xyz':
      return 'cv';
    case 'rfm':
      return 'scores';
    default:
      return undefined;
  }
}

function figuresOf(x: Context): Figures {
  const id = x.customer;
  const out: Figures = { measureName: measureName(x.defNow, x.nf), measure: { before: x.pf?.measure.get(id), now: x.nf?.measure.get(id) } };
  const name = figureName(x.defNow ?? x.defBefore);
  if (name) out.figure = { name, before: x.pf?.figure.get(id), now: x.nf?.figure.get(id) };
  return out;
}

/** The segment a figure gets under a configuration, for the kinds whose thresholds apply to one figure; undefined otherwise. */
function segmentUnder(def: SegmentType, figure: number | string | undefined): string | undefined {
  if (typeof figure !== 'number') return undefined;
  switch (def.kind) {
    case 'abc': {
      const bounds = upperBounds(def.segments);
      const hit = def.boundary === 'lower' ? bounds.find((b) => b.upper >= figure - SHARE_TOLERANCE) : bounds.find((b) => b.upper - figure > SHARE_TOLERANCE);
      const at = hit ?? bounds[bounds.length - 1];
      return at ? def.segments[at.index].name : undefined;
    }
    case 'bands': {
      const i = bandOf(figure, def.bands);
      return i >= 0 ? def.bands[i].name : undefined;
    }
    case 'xyz':
      return def.segments[xyzSegment(figure, def.segments)].name;
    case 'loyalty': {
      // Points earned give the level; without `demote` a customer keeps a higher previous level, which a
      // figure alone does not tell: such a move is said with the points, not the threshold.
      const l = levelOf(figure, def.levels);
      return l >= 0 ? def.levels[l].name : undefined;
    }
    default:
      return undefined;
  }
}

/** The threshold of the current configuration that lies between the two segments, and which way it was crossed. */
function crossing(def: SegmentType | undefined, was: string, now: string): { limit?: Limit; direction?: 'up' | 'down' } {
  if (!def) return {};
  switch (def.kind) {
    case 'abc': {
      const bounds = upperBounds(def.segments);
      const i = bounds.findIndex((b) => def.segments[b.index].name === was);
      const j = bounds.findIndex((b) => def.segments[b.index].name === now);
      if (i < 0 || j < 0) return {};
      const k = Math.min(i, j);
      return { limit: { segment: def.segments[bounds[k].index].name, kind: 'share', value: bounds[k].upper }, direction: j < i ? 'up' : 'down' };
    }
    case 'bands': {
      const i = def.bands.findIndex((b) => b.name === was);
      const j = def.bands.findIndex((b) => b.name === now);
      const upper = def.bands[Math.max(i, j)];
      if (i < 0 || j < 0 || upper?.min === undefined) return {};
      return { limit: { segment: upper.name, kind: 'min', value: upper.min }, direction: j > i ? 'up' : 'down' };
    }
    case 'loyalty': {
      const i = def.levels.findIndex((l) => l.name === was);
      const j = def.levels.findIndex((l) => l.name === now);
      if (i < 0 || j < 0) return {};
      const upper = def.levels[Math.max(i, j)];
      return { limit: { segment: upper.name, kind: 'points', value: upper.minPoints }, direction: j > i ? 'up' : 'down' };
    }
    case 'xyz': {
      const i = def.segments.findIndex((s) => s.name === was);
      const j = def.segments.findIndex((s) => s.name === now);
      const lower = def.segments[Math.min(i, j)];
      if (i < 0 || j < 0 || lower?.maxCv === undefined) return {};
      return { limit: { segment: lower.name, kind: 'maxCv', value: lower.maxCv }, direction: j > i ? 'up' : 'down' };
    }
    default:
      return {};
  }
}

/** An XYZ customer that became (or stopped being) unclassified: its periods with sales, not its CV, decided. */
function unclassified(def: SegmentType | undefined, was: string, now: string): { limit?: Limit; direction?: 'up' | 'down' } {
  if (def?.kind !== 'xyz' || (was !== def.unclassified && now !== def.unclassified)) return {};
  return { limit: { segment: def.unclassified, kind: 'minPeriods', value: def.minPeriods }, direction: now === def.unclassified ? 'down' : 'up' };
}

// ---- What changed between two definitions of a segment type ----

const money = (v: number) => v.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
// 99.97 % is not shown as 100 %: that is the share ahead of no customer.
const percent = (fraction: number) => (fraction < 1 && fraction > 0.9995 ? '99.9+ %' : `${(fraction * 100).toLocaleString('en-US', { maximumFractionDigits: 1 })} %`);
const plain = (v: number) => v.toLocaleString('en-US', { maximumFractionDigits: 3 });
const opt = (v: number | undefined, f: (v: number) => string) => (v === undefined ? 'none' : f(v));

/** Changes of named items (segments, bands, levels) in one number each: added and removed ones too. */
function namedChanges<T extends { name: string }>(before: readonly T[], now: readonly T[], fields: { key: keyof T; what: (name: string) => string; show: (v: number) => string }[]): ThresholdChange[] {
  const out: ThresholdChange[] = [];
  for (const n of now) {
    const b = before.find((x) => x.name === n.name);
    if (!b) {
      out.push({ what: `${n.name} added` });
      continue;
    }
    for (const f of fields) {
      const vb = b[f.key] as number | undefined;
      const vn = n[f.key] as number | undefined;
      if (vb !== vn) out.push({ what: f.what(n.name), before: opt(vb, f.show), now: opt(vn, f.show), limit: true });
    }
  }
  for (const b of before) if (!now.some((n) => n.name === b.name)) out.push({ what: `${b.name} removed` });
  return out;
}

/** What decides the segments, without the look (colours) and the visit plans: changes there move no one. */
function rules(def: SegmentType): string {
  const strip = (items: unknown) => (Array.isArray(items) ? items.map((i: Record<string, unknown>) => ({ ...i, color: undefined, visitEveryDays: undefined })) : items);
  const d = def as Record<string, unknown>;
  return canonicalJson({ ...d, name: undefined, segments: strip(d.segments), bands: strip(d.bands), levels: strip(d.levels), abcType: undefined, combined: undefined });
}

/** The thresholds (and other rules) of a segment type that differ between two configurations; none when they are the same. */
export function thresholdChanges(before: SegmentType, now: SegmentType): ThresholdChange[] {
  if (rules(before) === rules(now)) return [];
  if (before.kind !== now.kind) return [{ what: 'kind', before: before.kind, now: now.kind }];
  const out: ThresholdChange[] = [];
  const same = (what: string, b: unknown, n: unknown) => {
    if (canonicalJson(b) !== canonicalJson(n)) out.push({ what, before: b === undefined ? 'none' : String(b), now: n === undefined ? 'none' : String(n) });
  };
  if (before.kind === 'abc' && now.kind === 'abc') {
    same('measure', before.measure, now.measure);
    same('boundary', before.boundary, now.boundary);
    same('minimum net sales', before.minimumNetSales, now.minimumNetSales);
    out.push(...namedChanges<AbcType['segments'][number]>(before.segments, now.segments, [{ key: 'share', what: (n) => `${n} share`, show: (v) => `${plain(v)} %` }]));
    // A segment that became (or stopped being) excluded or the default keeps its name and share.
    if (out.length === 0) out.push({ what: 'excluded or default segments changed' });
  } else if (before.kind === 'bands' && now.kind === 'bands') {
    same('measure', before.measure, now.measure);
    same('minimum net sales', before.minimumNetSales, now.minimumNetSales);
    out.push(...namedChanges(before.bands, now.bands, [{ key: 'min', what: (n) => `${n} from`, show: money }, { key: 'max', what: (n) => `${n} up to`, show: money }]));
  } else if (before.kind === 'xyz' && now.kind === 'xyz') {
    same('measure', before.measure, now.measure);
    same('period', before.period, now.period);
    same('minimum periods', before.minPeriods, now.minPeriods);
    out.push(...namedChanges(before.segments, now.segments, [{ key: 'maxCv', what: (n) => `${n} max CV`, show: plain }]));
  } else if (before.kind === 'loyalty' && now.kind === 'loyalty') {
    same('demote', before.demote, now.demote);
    out.push(...namedChanges(before.levels, now.levels, [{ key: 'minPoints', what: (n) => `${n} min points`, show: plain }]));
  }
  // The rest (RFM score tables, activity criteria, profiles, loyalty rules) are named, not itemised.
  if (out.length === 0) out.push({ what: 'rules changed' });
  return out;
}

// ---- The words ----

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const FIGURE_WORDS: Record<FigureName, (measure: string) => string> = {
  'share ahead': (m) => `share of ${m} ahead of it`,
  'cumulative share': (m) => `cumulative share of ${m}`,
  cv: () => 'CV',
  scores: () => 'scores (R F M)',
};

function showFigure(name: FigureName, v: number | string): string {
  if (typeof v === 'string') return v;
  return name === 'cv' ? plain(v) : percent(v);
}

/** `Sales 1,204.50 → 980.00`, `Sales now 980.00`, `Sales 1,204.50 (unchanged)`, as much as is known. */
function span(what: string, before: number | string | undefined, now: number | string | undefined, show: (v: number | string) => string): string | undefined {
  if (before === undefined && now === undefined) return undefined;
  if (before === undefined) return `${what} now ${show(now!)}`;
  if (now === undefined) return `${what} before ${show(before)}`;
  return before === now ? `${what} ${show(now)} (unchanged)` : `${what} ${show(before)} → ${show(now)}`;
}

/** Points and a state of mind are counts and fractions, not money. */
const showMeasure = (measureName: string) => (v: number | string) => (typeof v === 'string' ? v : measureName === 'earned' || measureName === 'state of mind' ? plain(v) : money(v));

function figureWords(f: Figures): string[] {
  const parts = [span(capital(f.measureName), f.measure.before, f.measure.now, showMeasure(f.measureName))];
  if (f.figure) parts.push(span(FIGURE_WORDS[f.figure.name](f.measureName), f.figure.before, f.figure.now, (v) => showFigure(f.figure!.name, v)));
  return parts.filter((p): p is string => p !== undefined);
}

function limitWords(limit: Limit, direction: 'up' | 'down' | undefined, measure: string): string {
  switch (limit.kind) {
    case 'share':
      return `${direction === 'down' ? 'past' : 'within'} ${limit.segment}'s limit (top ${percent(limit.value)} of ${measure})`;
    case 'min':
      return `${direction === 'down' ? 'below' : 'reaching'} ${limit.segment}'s lower bound ${money(limit.value)}`;
    case 'maxCv':
      return `${direction === 'down' ? 'within' : 'above'} ${limit.segment}'s limit (CV up to ${plain(limit.value)})`;
    case 'points':
      return `${direction === 'down' ? 'below' : 'reaching'} ${limit.segment} (from ${plain(limit.value)} points)`;
    case 'minPeriods':
      return direction === 'down'
        ? `${limit.segment}: fewer than ${limit.value} periods with sales, or no positive mean`
        : `classified: ${limit.value} or more periods with sales`;
  }
}

/**
 * The kind of a cause in a few words, without the customer's own figures: what the pane counts after
 * Apply (`New customers: 3`). describeCause says the whole cause, customer by customer.
 */
export function causeGroup(cause: Cause): string {
  switch (cause.kind) {
    case 'new':
      return 'New customers';
    case 'gone':
      return 'Gone since the last run';
    case 'override':
      return 'Manual overrides';
    case 'window':
      return cause.action === 'entered' ? 'Entered the window' : 'Left the window';
    case 'thresholds':
      return 'Thresholds changed';
    case 'measure':
      return `Own figures changed (${cause.figures.measureName})`;
  }
}

/** The cause in words, the same on the Segment Summary, in the tiers table and on the command line. */
export function describeCause(cause: Cause): string {
  switch (cause.kind) {
    case 'new':
      return 'New: not in the previous run';
    case 'gone':
      return 'Gone: in the previous run, not in this one';
    case 'override':
      return cause.action === 'set'
        ? `Manual override set to ${cause.now}`
        : cause.action === 'changed'
          ? `Manual override changed from ${cause.before} to ${cause.now}`
          : `Manual override ${cause.before} cleared: back to the automatic segment`;
    case 'window': {
      const m = cause.figures.measure;
      const measure = cause.figures.measureName;
      return cause.action === 'entered'
        ? `Entered the window: no sales in the previous run's period${m.now !== undefined ? `; ${measure} now ${money(m.now)}` : ''}`
        : `Left the window: no sales in the period now${m.before !== undefined ? ` (${measure} before ${money(m.before)})` : ''}`;
    }
    case 'thresholds': {
      const changes = cause.changes.map((c) => (c.before !== undefined && c.now !== undefined ? `${c.what} ${c.before} → ${c.now}` : c.what));
      const figures = figureWords(cause.figures);
      const tail = figures.length === 0 ? '' : cause.measureToo ? `; its figures changed too: ${figures.join(', ')}` : `; ${figures.join(', ')}`;
      return `Thresholds changed: ${changes.join(', ')}${tail}`;
    }
    case 'measure': {
      const figures = figureWords(cause.figures);
      const limit = cause.limit ? limitWords(cause.limit, cause.direction, cause.figures.measureName) : undefined;
      const words = figures.length > 0 ? figures.join(', ') : `Its ${cause.figures.measureName} changed`;
      return limit ? `${words}: ${limit}` : words;
    }
  }
}
