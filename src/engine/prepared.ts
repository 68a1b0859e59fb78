// What every segment kind reads: the run prepared once (ingested lines, customers, measures, window),
// the optional second ranges, what the previous run left, and a cache for work two kinds share.
import type { CustomerMeasures } from './aggregate';
import type { Config } from './config';
import type { CustomerIndex, Ingested } from './ingest';
import type { EpochDay, Issue, SourceTable } from './types';
import { latestDay, type DayRange } from './window';

/** What a previous run left in the workbook. */
export interface PreviousSegments {
  /** Segment type name -> customer id -> final segment name. */
  segments: Record<string, Record<string, string>>;
  /**
   * Activity types: segment type name -> customer id -> the `<name> (categories)` cell of the previous
   * run (`"VIP; Newsletter"`). Exclusive categories start from it; without it, from `segments`.
   */
  categories?: Record<string, Record<string, string>>;
}

/**
 * Ranges other than the sales range, each optional. A host reads them like the sales range and hands
 * them over as they are; the engine reads them only when a segment type needs them.
 */
export interface ExtraSources {
  /** Questionnaire answers (profiles): a customer column plus one column per question. */
  answers?: SourceTable;
  /** Visits (visit planning): a customer column and a visit date column. */
  visits?: SourceTable;
}

export interface Prepared {
  config: Config;
  ingested: Ingested;
  customers: CustomerIndex;
  measures: CustomerMeasures;
  window: DayRange | undefined;
  issues: Issue[];
  previous?: PreviousSegments;
  sources: ExtraSources;
  /** Rankings by measure and minimum, loyalty points, order counts: computed once per run. */
  cache: Map<string, unknown>;
}

/** A customer's entry in a record from the previous run; a customer called `constructor` is data, not a prototype key. */
export const entryOf = (record: Readonly<Record<string, string>> | undefined, id: string): string | undefined =>
  record !== undefined && Object.prototype.hasOwnProperty.call(record, id) && typeof record[id] === 'string' ? record[id] : undefined;

export function cached<T>(p: Prepared, key: string, make: () => T): T {
  let v = p.cache.get(key) as T | undefined;
  if (v === undefined) {
    v = make();
    p.cache.set(key, v);
  }
  return v;
}

/** `segmentTypes[2]`: where a segment type's problems point in the configuration. */
export const typePath = (p: Prepared, name: string): string => `segmentTypes[${p.config.segmentTypes.findIndex((t) => t.name === name)}]`;

/** The day every "days since" counts to: the window end, or the latest date in the data (before filters) for the whole history. */
export function referenceDay(p: Prepared): EpochDay | undefined {
  return cached(p, 'referenceDay', () => (p.window ? p.window.end : (p.ingested.latestDay ?? latestDay(p.ingested.lines) ?? null))) ?? undefined;
}
