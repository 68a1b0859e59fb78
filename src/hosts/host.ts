// What every host does at the two impure ends: read a sales range, apply a plan, keep the configuration.
import type { Snapshot } from '../engine/history';
import type { Issue, SourceTable } from '../engine/types';
import type { WorkbookPlan } from '../plan/plan';

export type SourceRef = { kind: 'table'; name: string } | { kind: 'sheet'; name: string } | { kind: 'selection' };

export interface SourceInfo {
  ref: SourceRef;
  /** What the user sees in the source picker: `Table Orders (9,994 rows)`. */
  label: string;
  rows?: number;
}

export interface RunOptions {
  /** Called after each block: rows (or steps) done out of total. */
  progress?: (done: number, total: number, stage: string) => void;
  /** Checked between blocks; a cancelled read or apply stops cleanly and says what was written. */
  signal?: AbortSignal;
}

/** What a previous run left behind: the history and the manual overrides typed into the tiers table. */
export interface PreviousRun {
  /** Oldest first. */
  snapshots: Snapshot[];
  /** Segment type name -> customer id -> segment name, read from the Manual column(s) of the tiers table. */
  overrides: Record<string, Record<string, string>>;
  /**
   * Activity types: segment type name -> customer id -> the `(categories)` cell of the tiers table, as the
   * last run wrote it or the user edited it; exclusive categories start from it.
   */
  categories?: Record<string, Record<string, string>>;
}

export interface ApplyReport {
  /** Human-readable lines: `Customer Tiers: 793 rows`, `Orders!V1:V9995: Sales ABC`. */
  written: string[];
  /** Sheets that got another name because a user's sheet holds the wanted one. */
  renamed: { wanted: string; used: string }[];
  issues: Issue[];
  /** False when the apply stopped (cancelled or failed) before the end; `written` says how far it got. */
  complete: boolean;
}

/** The stored configuration as found: raw text kept so an invalid or newer one is never lost. */
export interface StoredConfig {
  text: string;
}

export interface WorkbookHost {
  listSources(): Promise<SourceInfo[]>;
  readSource(ref: SourceRef, options?: RunOptions): Promise<SourceTable>;
  readPrevious(): Promise<PreviousRun | undefined>;
  apply(plan: WorkbookPlan, options?: RunOptions): Promise<ApplyReport>;
  loadConfig(): Promise<StoredConfig | undefined>;
  saveConfig(text: string): Promise<void>;
  /** Selects a cell such as `Orders!F12` (the pane's issue list links to it). */
  selectCell?(address: string): Promise<void>;
  /** The segment types whose column the last run wrote beside the source (the ribbon's Run again writes them again). */
  segmentColumnTypes?(): Promise<string[]>;
}
