// The engine's answer as `tierwise segment --format csv` holds it (header -> value per customer), and a
// comparison with the rows a SQL engine returned for the compiled query: same columns in the same order,
// same customers, same text, numbers within 1e-9 (relative to the number's size when it is above 1).
import type { Config } from '../../src/engine/config';
import { epochDayToIso, serialToEpochDay } from '../../src/engine/parse/date';
import type { ExtraSources } from '../../src/engine/prepared';
import { segment } from '../../src/engine/run';
import type { SourceTable } from '../../src/engine/types';
import { tierColumns } from '../../src/plan/tiers';

export type Row = Record<string, unknown>;

export interface EngineAnswer {
  headers: string[];
  rows: Row[];
}

/** With `sources`, the answers (and visits) ranges beside the sales range, as `--answers` hands them over. */
export function engineAnswer(table: SourceTable, config: Config, sources?: ExtraSources): EngineAnswer {
  const result = segment(table, config, undefined, sources);
  const errors = result.issues.filter((i) => i.severity === 'error' && i.row === undefined);
  if (errors.length > 0) throw new Error(`the engine refused the case: ${JSON.stringify(errors)}`);
  const cols = tierColumns(result).map((c) =>
    c.format === 'date' ? { ...c, values: c.values.map((v) => (typeof v === 'number' ? epochDayToIso(serialToEpochDay(v, result.date1904)) : v)) } : c,
  );
  const rows = result.customers.ids.map((_, r) => Object.fromEntries(cols.map((c) => [c.header, c.values[r]])));
  return { headers: cols.map((c) => c.header), rows };
}

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/** SQL drivers hand back BIGINT as text or bigint; a number column compares as a number. */
function asNumber(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return undefined;
}

/** Every difference, in words (empty when the answers agree): a test prints them all at once. */
export function differences(engine: EngineAnswer, sqlHeaders: string[], sqlRows: Row[]): string[] {
  const out: string[] = [];
  if (JSON.stringify(sqlHeaders) !== JSON.stringify(engine.headers)) out.push(`columns differ:\n  engine ${JSON.stringify(engine.headers)}\n  sql    ${JSON.stringify(sqlHeaders)}`);
  const byCustomer = new Map(sqlRows.map((r) => [String(r.Customer), r]));
  if (byCustomer.size !== sqlRows.length) out.push(`the SQL answer repeats customers (${sqlRows.length} rows, ${byCustomer.size} customers)`);
  if (sqlRows.length !== engine.rows.length) out.push(`${engine.rows.length} customers from the engine, ${sqlRows.length} from SQL`);
  for (const e of engine.rows) {
    const s = byCustomer.get(String(e.Customer));
    if (!s) {
      out.push(`customer ${JSON.stringify(e.Customer)} is missing from the SQL answer`);
      continue;
    }
    for (const h of engine.headers) {
      const ev = e[h];
      // DuckDB hands a DATE over as a JS Date at UTC midnight; the CSV writes the day.
      const sv = s[h] instanceof Date ? (s[h] as Date).toISOString().slice(0, 10) : s[h];
      if (typeof ev === 'number') {
        const n = asNumber(sv);
        if (n === undefined || !close(ev, n)) out.push(`${String(e.Customer)} ${h}: engine ${ev}, sql ${String(sv)}`);
      } else if (ev === null || ev === '') {
        if (!(sv === null || sv === '' || sv === undefined)) out.push(`${String(e.Customer)} ${h}: engine empty, sql ${String(sv)}`);
      } else if (String(ev) !== String(sv)) out.push(`${String(e.Customer)} ${h}: engine ${JSON.stringify(ev)}, sql ${JSON.stringify(sv)}`);
    }
    if (out.length > 40) break;
  }
  return out;
}
