// Messages between the pane (main thread) and the engine worker: one discriminated union each way.
// Every request carries an id; the answer carries the same id (or an `error` with it).
import type { Snapshot } from '../../engine/history';
import type { Config, SegmentKind, SegmentType } from '../../engine/config';
import type { SummaryRow } from '../../engine/result';
import type { Cell, ColumnMapping, Issue, SourceTable } from '../../engine/types';
import type { PreviousRun } from '../../hosts/host';
import type { WorkbookPlan } from '../../plan/plan';

/** The table's shape without its rows: the rows follow in chunks so no message is large. */
export type SourceHead = Omit<SourceTable, 'rows'>;

/** Up to this many issues travel to the pane; the count says how many there are in all. */
export const ISSUE_LIMIT = 50;

export type Request =
  /** Playground: fetch the bundled sample from the page's own origin and parse it here. */
  | { type: 'loadSample'; id: number; url: string }
  | { type: 'sourceStart'; id: number; head: SourceHead }
  | { type: 'sourceRows'; id: number; rows: Cell[][] }
  /** Ingest, window, aggregate: the expensive part, once per source or data-level change. */
  | { type: 'prepare'; id: number; config: Config; previous?: PreviousRun }
  /** The cheap part: one segment type on the prepared data (a threshold drag). */
  | { type: 'classify'; id: number; segmentType: SegmentType }
  /** Everything for Apply: all segment types, the snapshot, and the workbook plan. */
  | { type: 'plan'; id: number; config: Config; previous?: PreviousRun; time: string; configText: string; segmentColumnTypes: string[] }
  /** Benchmark only: a synthetic source of `lines` lines over `customers` customers, generated here. */
  | { type: 'synthesize'; id: number; lines: number; customers: number };

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
  /** `dataFingerprint` of the lines, as a snapshot records it: compared with the last run's. */
  dataFingerprint: string;
  /** False when a required column is missing or the configuration is unusable: nothing to classify. */
  usable: boolean;
}

/** The Pareto curve of an ABC segment type: ranked customers (x) against cumulative share (y), both 0..1. */
export interface Curve {
  x: number[];
  y: number[];
  ranked: number;
}

export interface Preview {
  typeName: string;
  kind: SegmentKind;
  measureName: string;
  rows: SummaryRow[];
  issues: Issue[];
  curve?: Curve;
  /** RFM: customers per recency x frequency cell, `rfmGrid[r - 1][f - 1]`, for the heat map. */
  rfmGrid?: number[][];
}

export interface Planned {
  plan: WorkbookPlan;
  snapshot: Pick<Snapshot, 'time' | 'dataFingerprint' | 'configHash'>;
  customers: number;
}

export type Response =
  | { type: 'sample'; id: number; grid: Cell[][] }
  | { type: 'ack'; id: number }
  | { type: 'prepared'; id: number; prepared: Prepared }
  | { type: 'classified'; id: number; preview: Preview }
  | { type: 'planned'; id: number; planned: Planned }
  | { type: 'error'; id: number; message: string };

type Answers = {
  loadSample: 'sample';
  sourceStart: 'ack';
  sourceRows: 'ack';
  prepare: 'prepared';
  classify: 'classified';
  plan: 'planned';
  synthesize: 'ack';
};

/** The successful answer to a request of type T. */
export type AnswerTo<T extends Request['type']> = Extract<Response, { type: Answers[T] }>;

/** A request without its id (the client numbers them). */
export type Ask<T extends Request['type']> = { type: T } & Omit<Extract<Request, { type: T }>, 'id' | 'type'>;
