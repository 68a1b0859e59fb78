// What the engine hands to planners, the pane and the command line: plain data, one entry per customer.
import type { CustomerMeasures } from './aggregate';
import type { Config, SegmentType } from './config';
import type { CustomerIndex } from './ingest';
import type { ColumnMapping, Issue } from './types';
import type { DayRange } from './window';

export interface SegmentInfo {
  name: string;
  /** Never assigned automatically: exists for manual assignment (ABC). */
  excluded: boolean;
  isDefault: boolean;
  color?: string;
  visitEveryDays?: number;
  priority?: number;
}

/** A column a segment kind adds to the tiers table and the command line output, beside its segment. */
export interface ExtraColumn {
  /** Full header, e.g. `Loyalty (earned)`. */
  header: string;
  format: 'number' | 'integer' | 'percent' | 'text' | 'date';
  values: ArrayLike<number> | readonly string[];
}

export interface SummaryRow {
  segment: string;
  customers: number;
  customerShare: number;
  measure: number;
  measureShare: number;
  profit: number;
  averageMeasure: number;
}

export interface TypeResult {
  type: SegmentType;
  segments: SegmentInfo[];
  /** What `measure` holds, in words for a header: `sales`, `profit`, `margin %`. */
  measureName: string;
  /** The value each customer was classified on (NaN: none). */
  measure: Float64Array;
  /** Segment index per customer; -1: no segment. */
  auto: Int32Array;
  /** Manual override per customer (-1: none). Only kinds that take overrides have it. */
  manual?: Int32Array;
  final: Int32Array;
  /** ABC: each customer's share of the measure and the cumulative share up to its group. */
  shares?: { share: Float64Array; cumulative: Float64Array };
  extraColumns: ExtraColumn[];
  summary: SummaryRow[];
  issues: Issue[];
}

export interface EngineResult {
  config: Config;
  /** Customers seen in the data, then those known only from overrides or the previous run. */
  customers: CustomerIndex;
  /** The columns the run used (detected, then configured). */
  mapping: ColumnMapping;
  measures: CustomerMeasures;
  window: DayRange | undefined;
  types: TypeResult[];
  /** Row issues, mapping and configuration problems. */
  issues: Issue[];
  lineCount: number;
  leftOutRows: number;
  filteredRows: number;
}

export const segmentName = (t: TypeResult, customer: number): string => {
  const s = t.final[customer];
  return s >= 0 ? t.segments[s].name : '';
};
