// What the engine hands to planners, the pane and the command line: plain data, one entry per customer.
import type { CustomerMeasures } from './aggregate';
import type { Config, SegmentType } from './config';
import type { CustomerIndex } from './ingest';
import type { ColumnMapping, Issue } from './types';
import type { DayRange } from './window';
import type { AbcXyzMatrix } from './xyz';

export interface SegmentInfo {
  name: string;
  /** Never assigned automatically: exists for manual assignment (ABC). */
  excluded: boolean;
  isDefault: boolean;
  color?: string;
  visitEveryDays?: number;
  priority?: number;
}

/** Any kind's segment as configured -> what the result says about it. */
export const segmentInfo = (s: { name: string; exclude?: boolean; default?: boolean; color?: string; visitEveryDays?: number; priority?: number }): SegmentInfo => ({
  name: s.name,
  excluded: s.exclude === true,
  isDefault: s.default === true,
  color: s.color,
  visitEveryDays: s.visitEveryDays,
  priority: s.priority,
});

/** A column a segment kind adds to the tiers table and the command line output, beside its segment. */
export interface ExtraColumn {
  /** Full header, e.g. `Loyalty (earned)`. */
  header: string;
  format: 'number' | 'integer' | 'percent' | 'text' | 'date';
  /** `date` columns hold epoch days (NaN: none), like every date in the engine; hosts format them. */
  values: ArrayLike<number> | readonly string[];
}

/** Loyalty: per reward, the customers whose balance allows it and how many times in all. */
export interface RewardSummary {
  reward: string;
  customers: number;
  times: number;
}

/** Visit planning: per segment with a visit frequency, the customers visited within it. */
export interface VisitCompliance {
  segment: string;
  visitEveryDays: number;
  customers: number;
  visitedInTime: number;
  /** visitedInTime / customers (0 when the segment is empty). */
  share: number;
}

export interface SummaryRow {
  segment: string;
  customers: number;
  customerShare: number;
  measure: number;
  measureShare: number;
  profit: number;
  /** Net sales of the segment's customers: the companion column when the measure is profit. */
  sales: number;
  averageMeasure: number;
}

/**
 * The summary's column beside the measure: profit, or net sales when the type already measures profit
 * (a profit band summary headed Profit, % profit, Profit said the same thing twice).
 */
export const companionMeasure = (measureName: string): 'profit' | 'sales' => (measureName === 'profit' ? 'sales' : 'profit');

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
  /** Loyalty only: rewards available, for the summary. */
  rewardsSummary?: RewardSummary[];
  /** RFM only: customers per recency x frequency cell, `rfmGrid[r - 1][f - 1]` (5 x 5 by default), for the heat map. */
  rfmGrid?: number[][];
  /** Any kind with a visits range and a segment carrying `visitEveryDays`. */
  visitCompliance?: VisitCompliance[];
  /** XYZ with an `abcType`: the ABC-XYZ matrix. */
  abcXyz?: AbcXyzMatrix;
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
  /** The decimal separator numbers written as text were read with (configured, or what decimal `auto` found). */
  decimal: '.' | ',';
  /** The separator was configured or proven by the data (false: `auto` saw no evidence and used a point). */
  decimalProven: boolean;
  /** Dates written back are serials of this date system (the source workbook's). */
  date1904: boolean;
  /** The sales column's number format when it shows money (a currency or grouped thousands): amounts are written in it. */
  moneyFormat?: string;
}

export const segmentName = (t: TypeResult, customer: number): string => {
  const s = t.final[customer];
  return s >= 0 ? t.segments[s].name : '';
};
