// What the pane must show and write, computed by the engine itself on the same Superstore cells,
// and formatted the way the pane formats in en-US.
import type { AbcType } from '../../src/engine/abc-schema';
import { defaultConfig, type Config } from '../../src/engine/config';
import { resolveMapping } from '../../src/engine/ingest';
import { segment } from '../../src/engine/run';
import { segmentName, type EngineResult } from '../../src/engine/result';
import type { SourceTable } from '../../src/engine/types';
import { makeFormats, moneyText } from '../../src/taskpane/format';
import { SAMPLE_MONEY_FORMAT } from '../../src/taskpane/playground/date-formats';
import { moveThreshold } from '../../src/taskpane/state/thresholds';
import { superstoreGrid } from '../plan/superstore';

export function superstoreSource(): SourceTable {
  const grid = superstoreGrid();
  return { sheet: 'Orders', header: grid[0], rows: grid.slice(1), origin: { row: 1, column: 0 }, tableName: 'SalesLines' };
}

/** The default configuration with the A|B line moved to `at` percent. */
export function configAt(at: number): Config {
  const c = defaultConfig();
  return { ...c, segmentTypes: [moveThreshold(c.segmentTypes[0] as AbcType, 0, at), ...c.segmentTypes.slice(1)] };
}

export const run = (config: Config): EngineResult => segment(superstoreSource(), config);

/**
 * Preview rows as text cells: segment, customers, % customers, % of measure, profit (whole units in the
 * preview, in the dollars the playground's sample is formatted in: `$213,428`).
 */
export function previewRows(result: EngineResult, type = 0): string[][] {
  const f = makeFormats('en-US');
  return result.types[type].summary.map((r) => [r.segment, f.integer(r.customers), f.percent(r.customerShare), f.percent(r.measureShare), moneyText(r.profit, 'en-US', SAMPLE_MONEY_FORMAT, 0)]);
}

/** Role label -> header the engine detects for the sample. */
export function detectedHeaders(): Record<string, string> {
  const t = superstoreSource();
  const { mapping } = resolveMapping(t.header, {});
  return Object.fromEntries(Object.entries(mapping).map(([role, i]) => [role, String(t.header[i as number])]));
}

export function finalSegments(result: EngineResult, type = 0): Map<string, string> {
  return new Map(result.customers.ids.map((id, c) => [id, segmentName(result.types[type], c)]));
}
