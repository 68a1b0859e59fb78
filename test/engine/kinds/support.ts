// Running a hand-made table through the engine and reading the tiers columns by header and customer,
// as the command line and the workbook see them.
import type { ConfigInput } from '../../../src/engine/config';
import type { EngineResult } from '../../../src/engine/result';
import { segment, type ExtraSources, type PreviousSegments } from '../../../src/engine/run';
import type { Cell } from '../../../src/engine/types';
import { tierColumns, type TierValue } from '../../../src/plan/tiers';
import { config, table } from '../../support/tables';

export function run(
  header: Cell[],
  rows: Cell[][],
  // Plain objects: the configuration is validated at run time, as a user's would be.
  partial: Record<string, unknown>,
  options: { previous?: PreviousSegments; sources?: ExtraSources } = {},
): EngineResult {
  return segment(table(header, rows), config(partial as Partial<ConfigInput>), options.previous, options.sources);
}

/** Customer id -> the value of the tiers column with this header. Fails loudly on a header that is not there. */
export function column(result: EngineResult, header: string): Record<string, TierValue> {
  const cols = tierColumns(result);
  const col = cols.find((c) => c.header === header);
  if (!col) throw new Error(`no column "${header}"; columns: ${cols.map((c) => c.header).join(', ')}`);
  return Object.fromEntries(result.customers.ids.map((id, i) => [id, col.values[i]]));
}

export const headers = (result: EngineResult): string[] => tierColumns(result).map((c) => c.header);

export const issueTexts = (result: EngineResult): string[] => result.issues.map((i) => `${i.where}: ${i.message}`);
