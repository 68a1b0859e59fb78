// What every kind's SQL shares: the shape of its piece of the query, and the per-customer measures
// and eligibility read from tw_customers (alias c), as run.ts defines them.
import type { Config } from '../engine/config';
import type { ColumnRole } from '../engine/types';
import { num, type Dialect } from './dialect';
import type { Cte } from './lines';
import type { AnswersSql } from './profiles';

/** One output column: its header (as `tierwise segment --format csv` writes it) and its value. */
export interface OutputColumn {
  header: string;
  expr: string;
}

/**
 * A segment type's part of the query: CTEs that each read the one before (the first reads `from`) and
 * keep every column of it (`SELECT c.*, ...`), adding the type's own under its prefix (`tw_t1_auto`),
 * so the query needs no join between customers and types; and the columns it adds to the answer,
 * reading its last CTE as `c`.
 */
export interface KindSql {
  ctes: Cte[];
  columns: OutputColumn[];
}

export interface KindContext {
  d: Dialect;
  config: Config;
  /** This type's CTEs and columns start with it (`tw_t1`); its last CTE is named so. */
  prefix: string;
  /** The CTE this type reads: one row per customer, with tw_customers' columns and the earlier types'. */
  from: string;
  /** The prefix of the ABC type of that name (ignoring case), whose columns the answer's rows carry. */
  abcPrefix(name: string): string | undefined;
  /** Whether the source maps a column to the role (an order column: program rates per order). */
  hasRole(role: ColumnRole): boolean;
  /**
   * The tw_kept column holding the trimmed text of a source column named by its header or its role (a
   * loyalty rule's column, found as the engine's ruleMasks finds it); undefined when there is none.
   */
  textColumn(name: string): string | undefined;
  /** The questionnaire answers, when an answers table is named and a profiles type reads it. */
  answers?: AnswersSql;
}

/** A measure as the engine's measureOf: NULL (the engine's NaN) for a customer without lines in the window. */
export function measureSql(measure: 'sales' | 'profit' | 'quantity' | 'margin'): string {
  switch (measure) {
    case 'sales':
      return 'CASE WHEN c.in_window = 1 THEN c.sales END';
    case 'profit':
      return 'CASE WHEN c.in_window = 1 THEN c.profit END';
    case 'quantity':
      return 'CASE WHEN c.in_window = 1 THEN c.qty END';
    case 'margin':
      // Customers without sales get no margin (SEMANTICS.md 4).
      return 'CASE WHEN c.in_window = 1 AND c.sales <> 0 THEN c.profit / c.sales * 100 END';
  }
}

/** In the window and at or above the minimum net sales (the type's own minimum wins over the global one). */
export function eligibleSql(minimum: number | undefined): string {
  return minimum === undefined ? '(c.in_window = 1)' : `(c.in_window = 1 AND c.sales >= ${num(minimum)})`;
}

/** A segment name as a value; '' is no segment, as the CSV writes it. */
export const segmentText = (d: Dialect, name: string | undefined): string => d.text(name ?? '');

/**
 * "A; B" from pieces that are each '' or '; ' followed by an item (rewards available, profiles matched):
 * concatenated, the first separator cut off.
 */
export const listSql = (pieces: readonly string[]): string => `SUBSTR(${pieces.length === 1 ? pieces[0] : `CONCAT(${pieces.join(', ')})`}, 3)`;
