// Messages between the pane (main thread) and the engine worker: one discriminated union each way.
// Every request carries an id; the answer carries the same id (or an `error` with it).
import type { Migration, Snapshot } from '../../engine/history';
import type { AbcType } from '../../engine/abc-schema';
import type { Config, SegmentKind, SegmentType } from '../../engine/config';
import type { AbcXyzMatrix } from '../../engine/xyz';
import type { ColumnValues } from '../../engine/column-values';
import type { SummaryRow, VisitCompliance } from '../../engine/result';
import type { Cell, ColumnMapping, ColumnRole, Issue, SourceTable } from '../../engine/types';
import type { PlanValue, WorkbookPlan } from '../../plan/plan';
import type { WhyCount } from '../../plan/why';

/** The table's shape without its rows: the rows follow in chunks so no message is large. */
export type SourceHead = Omit<SourceTable, 'rows'>;

/** Which range a table is: the sales lines, or one of the optional second ranges (`ExtraSources`). */
export type SourceRole = 'sales' | ExtraRole;
export type ExtraRole = 'answers' | 'visits';
export const EXTRA_ROLES: readonly ExtraRole[] = ['answers', 'visits'];

/** Up to this many issues travel to the pane; the count says how many there are in all. */
export const ISSUE_LIMIT = 50;

export type Request =
  /** Playground: fetch the bundled sample from the page's own origin and parse it here. */
  | { type: 'loadSample'; id: number; url: string }
  | { type: 'sourceStart'; id: number; which: SourceRole; head: SourceHead }
  | { type: 'sourceRows'; id: number; which: SourceRole; rows: Cell[][] }
  /** The last runs' history, in chunks like the source: `previousStart`, then `previousEntries`. */
  // Categories of activity types (one cell per customer and type) are small enough for one message.
  | { type: 'previousStart'; id: number; runs: RunHead[]; categories?: Record<string, Record<string, string>> }
  | { type: 'previousEntries'; id: number; run: number; typeName: string; entries: [string, string][] }
  /** Ingest, window, aggregate: the expensive part, once per source or data-level change. */
  // `extras`: the second ranges to use, of those sent; one left out is ignored (the pane chose none).
  | { type: 'prepare'; id: number; config: Config; withPrevious: boolean; extras: ExtraRole[] }
  /** The cheap part: one segment type on the prepared data (a threshold drag). */
  // `abcType`: for an XYZ type that names one, the ABC type as edited, for the ABC-XYZ matrix.
  | { type: 'classify'; id: number; segmentType: SegmentType; abcType?: AbcType }
  /** Everything for Apply: all segment types, the snapshot, and the workbook plan. */
  // `previousConfig`: the configuration the workbook holds, saved with the last run; it explains moves
  // against a history that kept no thresholds (explainMoves trusts it only when its hash is that run's).
  | { type: 'plan'; id: number; config: Config; withPrevious: boolean; extras: ExtraRole[]; time: string; configText: string; segmentColumnTypes: string[]; previousConfig?: Config }
  /** The next rows of a large part of the last plan (see `Planned.parts`). */
  | { type: 'planPart'; id: number; part: PlanPart; from: number }
  /** The values of a sales column a filter can pick (the most frequent `limit` when there are more). */
  | { type: 'columnValues'; id: number; column: string; limit: number }
  /** Benchmark only: a synthetic source of `lines` lines over `customers` customers, generated here. */
  | { type: 'synthesize'; id: number; lines: number; customers: number };

/** A history snapshot without its customers (they follow in `previousEntries`). */
export type RunHead = Omit<Snapshot, 'segments'> & { typeNames: string[] };

export interface Prepared {
  header: string[];
  mapping: ColumnMapping;
  /** The first issues (row issues with addresses, mapping and window problems). */
  issues: Issue[];
  issueCount: number;
  leftOutRows: number;
  filteredRows: number;
  lineCount: number;
  customerCount: number;
  /**
   * Number roles (amount, profit, cost, quantity, spent) whose column holds text: how many cells of it
   * were not numbers. The pane says so once at the mapping instead of listing each cell.
   */
  textCells: Partial<Record<ColumnRole, number>>;
  /** What the segment types count: the lines inside the window (after filters), and the customers with one. */
  windowLines: number;
  windowCustomers: number;
  /** `dataFingerprint` of the lines, as a snapshot records it: compared with the last run's. */
  dataFingerprint: string;
  /** False when a required column is missing or the configuration is unusable: nothing to classify. */
  usable: boolean;
  /** The days counted, both included (`2016-12-31`, `2017-12-30`); absent for the whole history. */
  window?: { start: string; end: string };
  /** The latest readable date among the lines (what a rolling window ends on by default). */
  latestSale?: string;
  /** The decimal separator numbers written as text were read with (detected when the setting is `auto`). */
  decimal: '.' | ',';
  /** Configured, or proven by text numbers; false when detect found none and used a point. */
  decimalProven: boolean;
}

/** The Pareto curve of an ABC segment type: ranked customers (x) against cumulative share (y), both 0..1. */
export interface Curve {
  x: number[];
  y: number[];
  ranked: number;
}

export interface Preview {
  typeName: string;
  /** What was counted (Prepared's `windowLines` and `windowCustomers`), said above the figures. */
  counted: { lines: number; customers: number };
  /** Segment name -> its colour (plan/colors.ts), as the written sheets fill it. */
  colors: Record<string, string>;
  kind: SegmentKind;
  measureName: string;
  /** The sales column's Excel format when it shows money (money-format.ts): the amounts are shown in its currency. */
  moneyFormat?: string;
  rows: SummaryRow[];
  issues: Issue[];
  curve?: Curve;
  /** RFM: customers per recency x frequency cell, `rfmGrid[r - 1][f - 1]`, for the heat map. */
  rfmGrid?: number[][];
  /** With a visits range and a segment with `visitEveryDays`: compliance per segment. */
  visitCompliance?: VisitCompliance[];
  /** When the workbook has a previous run of this type: how its customers would move if applied now. */
  migration?: Migration & { since: string };
  /** ABC with three ranked segments: the thresholds suggested from the data (SEMANTICS.md 12). */
  suggestion?: PaneSuggestion;
  /** XYZ crossed with an ABC type: the ABC-XYZ matrix (SEMANTICS.md 11). */
  abcXyz?: AbcXyzMatrix;
}

/** The computed-ABC suggestion as the pane shows it and takes it (worker/suggestion.ts). */
export interface PaneSuggestion {
  /** The three ranked segments, in ranking order. */
  segments: [string, string, string];
  /** The shares the button sets: as few decimals as give the same customers as the exact ones. */
  shares: [number, number, number];
  /** Customers per segment with those shares, under the type's boundary rule. */
  counts: [number, number, number];
  ranked: number;
  /** Where the two suggested limits meet the Pareto curve: share of ranked customers, cumulative share. */
  points: { x: number; y: number }[];
  paretoPoint: number;
  breakEven: number;
}

/**
 * A large piece of a plan that travels in chunks: a block's rows, or a column written beside the
 * source. One big message would take the main thread seconds to receive (structured clone).
 */
export type PlanPart =
  | { kind: 'block'; sheet: number; block: number; rows: number }
  | { kind: 'column'; column: number; rows: number };

/** Rows per plan chunk: a few milliseconds to receive. */
export const PLAN_CHUNK = 1000;

export interface Planned {
  /** The plan with the values of `parts` left empty; `receivePlan` fills them in. */
  plan: WorkbookPlan;
  parts: PlanPart[];
  snapshot: Pick<Snapshot, 'time' | 'dataFingerprint' | 'configHash'>;
  customers: number;
  /** The customers that moved since the last run, counted by cause; absent without a last run. */
  moved?: WhyCount[];
}

export type Response =
  | { type: 'sample'; id: number; grid: Cell[][] }
  | { type: 'ack'; id: number }
  | { type: 'prepared'; id: number; prepared: Prepared }
  | { type: 'classified'; id: number; preview: Preview }
  | { type: 'planned'; id: number; planned: Planned }
  | { type: 'planRows'; id: number; rows: PlanValue[][] | PlanValue[] }
  /** `undefined`: no column of the sales range is headed so. */
  | { type: 'values'; id: number; values: ColumnValues | undefined }
  | { type: 'error'; id: number; message: string };

type Answers = {
  loadSample: 'sample';
  sourceStart: 'ack';
  sourceRows: 'ack';
  previousStart: 'ack';
  previousEntries: 'ack';
  prepare: 'prepared';
  classify: 'classified';
  plan: 'planned';
  planPart: 'planRows';
  columnValues: 'values';
  synthesize: 'ack';
};

/** The successful answer to a request of type T. */
export type AnswerTo<T extends Request['type']> = Extract<Response, { type: Answers[T] }>;

/** A request without its id (the client numbers them). */
export type Ask<T extends Request['type']> = { type: T } & Omit<Extract<Request, { type: T }>, 'id' | 'type'>;
