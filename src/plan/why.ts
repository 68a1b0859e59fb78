// Why each customer moved, as the workbook, the pane and the command line show it: a list per segment
// type under the migration matrix, a `<type> (why)` column in the tiers table, and the moves counted by
// cause. The causes are the engine's (engine/why.ts); this file only lays them out.
import type { Config } from '../engine/config';
import type { Snapshot } from '../engine/history';
import type { EngineResult } from '../engine/result';
import { causeGroup, describeCause, explainMoves, type Move } from '../engine/why';
import type { PreviousRun } from '../hosts/host';
import type { NumberFormat, PlannedBlock, PlanValue } from './plan';
import type { TierColumn } from './tiers';

const TEXT: NumberFormat = '@';

export const WHY_SUFFIX = ' (why)';
export const WHY_HEADER = ['Customer', 'Before', 'Now', 'Why'];

/** The header and rows of one segment type's moves: customer, from, to, why (all text). */
export function whyRows(moves: readonly Move[], typeName: string): PlanValue[][] {
  return [WHY_HEADER, ...moves.filter((m) => m.typeName === typeName).map((m) => [m.customer, m.from, m.to, describeCause(m.cause)])];
}

/**
 * The list of moved customers of segment type number `k` from row `at`: a title and the table; `next` is
 * the first row after it and its blank row. Every cell is text: a customer id such as `=1+1` stays one.
 */
export function whyBlocks(moves: readonly Move[], typeName: string, k: number, at: number): { blocks: PlannedBlock[]; next: number } {
  const rows = whyRows(moves, typeName);
  const n = rows.length - 1;
  if (n === 0) return { blocks: [], next: at };
  const title = `Why they moved: ${n} customer${n === 1 ? '' : 's'}`;
  return {
    blocks: [
      { id: `why-title-${k}`, row: at, column: 0, values: [[title]], title: true, numberFormats: [TEXT] },
      // The sentence runs over the empty cells to its right rather than widening the column.
      { id: `why-${k}`, row: at + 1, column: 0, values: rows, header: true, numberFormats: [TEXT, TEXT, TEXT, TEXT], overflow: [3] },
    ],
    next: at + 1 + rows.length + 1,
  };
}

/** The segment types of this run that the previous run (`previous`) has too, in this run's order: the types whose moves are told. */
export function comparedTypes(result: EngineResult, previous: Snapshot | undefined): string[] {
  return result.types.map((t) => t.type.name).filter((name) => previous?.segments[name] !== undefined);
}

/** One segment type's moves counted by the kind of their cause, the most frequent first. */
export interface WhyCount {
  typeName: string;
  moved: number;
  causes: { cause: string; customers: number }[];
}

/**
 * The moves counted per segment type and per kind of cause: the pane's short answer after Apply to
 * "why did they move?". `typeNames`: the types both runs have, in the configuration's order, each
 * listed even when nobody moved. Each customer and its cause are on the Segment Summary (whyBlocks)
 * and in the tiers table's `(why)` column.
 */
export function whyCounts(moves: readonly Move[], typeNames: readonly string[]): WhyCount[] {
  const types = new Map(typeNames.map((name) => [name, new Map<string, number>()]));
  for (const m of moves) {
    const causes = types.get(m.typeName);
    const group = causeGroup(m.cause);
    causes?.set(group, (causes.get(group) ?? 0) + 1);
  }
  return [...types].map(([typeName, causes]) => ({
    typeName,
    moved: [...causes.values()].reduce((a, b) => a + b, 0),
    // A stable sort: equal counts keep the order their first customer came in.
    causes: [...causes].map(([cause, customers]) => ({ cause, customers })).sort((a, b) => b.customers - a.customers),
  }));
}

/** The last run of the workbook, the moves since it, and their counts by cause: worked out once per run. */
export interface SinceLastRun {
  last: Snapshot;
  moves: Move[];
  counts: WhyCount[];
}

/**
 * What changed since the workbook's last run (`previous`, host readPrevious), undefined without one: the
 * moves the sheets and the `(why)` columns lay out, and the counts the pane, Run again and the command
 * line say. `previousConfig` as for explainMoves.
 */
export function sinceLastRun(previous: PreviousRun | undefined, snapshot: Snapshot, result: EngineResult, previousConfig?: Config): SinceLastRun | undefined {
  const last = previous?.snapshots[previous.snapshots.length - 1];
  if (!last) return undefined;
  const moves = explainMoves(last, snapshot, previousConfig, result.config);
  return { last, moves, counts: whyCounts(moves, comparedTypes(result, last)) };
}

/**
 * The counts in sentences, one per segment type in which customers changed segment (`Sales ABC: 3
 * customers changed segment since the last run. Manual overrides: 1, Own figures changed (sales): 2.`),
 * one when nobody moved, none when no type was compared: Run again's dialog and the command line.
 */
export function whyCountLines(counts: readonly WhyCount[]): string[] {
  if (counts.length === 0) return [];
  const types = counts.filter((t) => t.moved > 0);
  if (types.length === 0) return ['Since the last run, no customer changed segment.'];
  const n = (v: number) => v.toLocaleString('en-US');
  return types.map((t) => `${t.typeName}: ${n(t.moved)} customer${t.moved === 1 ? '' : 's'} changed segment since the last run. ${t.causes.map((c) => `${c.cause}: ${n(c.customers)}`).join(', ')}.`);
}

/**
 * The tiers columns with a `<type> (why)` column after each segment type's last column, for the types
 * the last run had: the cause for a customer that moved, blank for one that did not; none without a
 * last run. The tiers table's and the command line's text output.
 */
export function whyTierColumns(cols: readonly TierColumn[], result: EngineResult, since: SinceLastRun | undefined): TierColumn[] {
  if (!since) return cols.slice();
  const out = cols.slice();
  const index = result.customers.byId;
  for (const name of comparedTypes(result, since.last)) {
    const values: string[] = new Array<string>(result.customers.ids.length).fill('');
    for (const m of since.moves) {
      if (m.typeName !== name) continue;
      const c = index.get(m.customer);
      if (c !== undefined) values[c] = describeCause(m.cause);
    }
    let last = -1;
    out.forEach((c, i) => {
      if (c.typeName === name) last = i;
    });
    out.splice(last + 1, 0, { header: `${name}${WHY_SUFFIX}`, role: 'extra', format: 'text', typeName: name, values });
  }
  return out;
}
