// The page of `npm run bench -- wasm` (bench/wasm.ts bundles it with webpack and drives it in Chromium):
// the engine against @duckdb/duckdb-wasm on the same 2-D array of cells office.js hands over. Each step is
// one call from the bench, so it can collect garbage and read the renderer's memory between them.
import * as duckdb from '@duckdb/duckdb-wasm';
import * as arrow from 'apache-arrow';
import { parseConfig, type Config } from '../src/engine/config';
import { resolveMapping } from '../src/engine/ingest';
import { detectDateOrder, readDate, type DateOrder } from '../src/engine/parse/date';
import { detectDecimal, excelError, readNumber } from '../src/engine/parse/number';
import { segmentName } from '../src/engine/result';
import { segment } from '../src/engine/run';
import type { Cell, ColumnRole, SourceTable } from '../src/engine/types';
import { compileSql } from '../src/sql/compile';
import { benchTable } from './data';

export interface EngineTiming {
  ms: number;
  customers: number;
  leftOutRows: number;
}

export interface DuckdbTiming {
  /** From the 2-D array to the fetched rows: arrowMs + insertMs + queryMs + rowsMs. */
  ms: number;
  arrowMs: number;
  insertMs: number;
  queryMs: number;
  rowsMs: number;
  customers: number;
}

export interface Comparison {
  engineCustomers: number;
  duckdbCustomers: number;
  onlyEngine: number;
  onlyDuckdb: number;
  /** Customers in both whose segment differs in at least one segment type. */
  differing: number;
  examples: string[];
}

export interface WasmBench {
  generate(lines: number, customers: number): number;
  instantiate(): Promise<{ ms: number; bundle: string; version: string }>;
  engine(): EngineTiming;
  duckdb(): Promise<DuckdbTiming>;
  compare(): Comparison;
  sql(): string;
}

declare global {
  interface Window {
    __wasmBench?: WasmBench;
  }
}

let table: SourceTable | undefined;
let config: Config | undefined;
let db: duckdb.AsyncDuckDB | undefined;
let conn: duckdb.AsyncDuckDBConnection | undefined;
let engineSegments: Map<string, string[]> | undefined;
let duckdbRows: Record<string, unknown>[] | undefined;

/** The configuration of bench/sql.ts, handed over by the bench (the page cannot import its Node modules). */
const configJson = (): unknown => JSON.parse(document.getElementById('config')!.textContent!);

function theConfig(): Config {
  if (config) return config;
  const r = parseConfig(configJson());
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return (config = r.config);
}

const NUMBER_ROLES: ReadonlySet<ColumnRole> = new Set(['amount', 'profit', 'cost', 'quantity', 'spent']);

/**
 * The cells as Apache Arrow columns, typed with the engine's own cell readers: text as Utf8 (an Excel error
 * value is null, as the engine reads it), numbers as Float64 and null where readNumber finds none, the date
 * as DateDay from the serial (readDate), null where unreadable. Only the columns the configuration maps
 * (the engine reads no other). Built with vectorFromArray, Arrow's documented way from JavaScript values.
 */
function toArrow(t: SourceTable, c: Config): arrow.Table {
  const { mapping } = resolveMapping(t.header, c.columns);
  const rows = t.rows;
  const n = rows.length;
  const numberColumns = (Object.entries(mapping) as [ColumnRole, number][]).filter(([role]) => NUMBER_ROLES.has(role)).map(([, i]) => i);
  function* texts(columns: number[]): Iterable<Cell> {
    for (let r = 0; r < n; r++) {
      for (const i of columns) if (typeof rows[r][i] === 'string') yield rows[r][i];
    }
  }
  // The separator and the date order as the engine decides them (auto: from the cells written as text).
  const decimal = c.locale.decimal !== 'auto' ? c.locale.decimal : (detectDecimal(texts(numberColumns)).decimal ?? '.');
  const date1904 = c.locale.date1904 ?? t.date1904 ?? false;
  const vectors: Record<string, arrow.Vector> = {};
  for (const [role, i] of Object.entries(mapping) as [ColumnRole, number][]) {
    const name = String(t.header[i]);
    if (NUMBER_ROLES.has(role)) {
      const values = new Array<number | null>(n);
      for (let r = 0; r < n; r++) {
        const v = readNumber(rows[r][i], decimal);
        values[r] = v === v ? v : null;
      }
      vectors[name] = arrow.vectorFromArray(values, new arrow.Float64());
    } else if (role === 'date') {
      const order: DateOrder = c.locale.dateOrder !== 'auto' ? c.locale.dateOrder : (detectDateOrder(texts([i])).order ?? 'MDY');
      const values = new Array<Date | null>(n);
      for (let r = 0; r < n; r++) {
        const day = readDate(rows[r][i], date1904, order);
        values[r] = day === day ? new Date(day * 86_400_000) : null;
      }
      vectors[name] = arrow.vectorFromArray(values, new arrow.DateDay());
    } else {
      const values = new Array<string | null>(n);
      for (let r = 0; r < n; r++) {
        const v = rows[r][i];
        values[r] = v === null || v === undefined || excelError(v) !== undefined ? null : String(v);
      }
      vectors[name] = arrow.vectorFromArray(values, new arrow.Utf8());
    }
  }
  return new arrow.Table(vectors);
}

function compiled(arrowHeader: string[]): string {
  const r = compileSql(theConfig(), { dialect: 'duckdb', table: 'sales', columns: { header: arrowHeader } });
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.sql;
}

const bench: WasmBench = {
  generate(lines, customers) {
    table = benchTable(lines, customers);
    return table.rows.length;
  },

  /** duckdb-wasm from the files beside the page (the package's own), as its README's "static served" bundles. */
  async instantiate() {
    const t0 = performance.now();
    const base = new URL('.', location.href).href;
    const bundle = await duckdb.selectBundle({
      mvp: { mainModule: `${base}duckdb-mvp.wasm`, mainWorker: `${base}duckdb-browser-mvp.worker.js` },
      eh: { mainModule: `${base}duckdb-eh.wasm`, mainWorker: `${base}duckdb-browser-eh.worker.js` },
    });
    const worker = new Worker(bundle.mainWorker!);
    db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
    await db.instantiate(bundle.mainModule, bundle.pthreadWorker);
    conn = await db.connect();
    const ms = performance.now() - t0;
    return { ms, bundle: bundle.mainModule.replace(base, ''), version: await db.getVersion() };
  },

  engine() {
    const c = theConfig();
    const t0 = performance.now();
    const result = segment(table!, c);
    const ms = performance.now() - t0;
    engineSegments = new Map(result.customers.ids.map((id, i) => [id, result.types.map((t) => segmentName(t, i))]));
    return { ms, customers: result.customers.ids.length, leftOutRows: result.leftOutRows };
  },

  async duckdb() {
    const c = theConfig();
    await conn!.query('DROP TABLE IF EXISTS sales');
    const t0 = performance.now();
    const typed = toArrow(table!, c);
    const t1 = performance.now();
    await conn!.insertArrowTable(typed, { name: 'sales', create: true });
    const t2 = performance.now();
    const result = await conn!.query(compiled(typed.schema.fields.map((f) => f.name)));
    const t3 = performance.now();
    const rows = result.toArray().map((row) => row.toJSON() as Record<string, unknown>);
    const t4 = performance.now();
    duckdbRows = rows;
    return { ms: t4 - t0, arrowMs: t1 - t0, insertMs: t2 - t1, queryMs: t3 - t2, rowsMs: t4 - t3, customers: rows.length };
  },

  /** The segment of each customer by both, type by type (the last run of each). */
  compare() {
    const names = theConfig().segmentTypes.map((t) => t.name);
    const fromDuckdb = new Map(duckdbRows!.map((r) => [String(r['Customer']), names.map((n) => String(r[n] ?? ''))]));
    let onlyEngine = 0;
    let differing = 0;
    const examples: string[] = [];
    for (const [id, segs] of engineSegments!) {
      const other = fromDuckdb.get(id);
      if (!other) {
        onlyEngine++;
        if (examples.length < 10) examples.push(`${id}: engine only (${segs.join(', ')})`);
      } else if (segs.some((s, i) => s !== other[i])) {
        differing++;
        if (examples.length < 10) examples.push(`${id}: engine ${segs.join(', ')}; duckdb ${other.join(', ')}`);
      }
    }
    let onlyDuckdb = 0;
    for (const id of fromDuckdb.keys()) {
      if (!engineSegments!.has(id)) {
        onlyDuckdb++;
        if (examples.length < 10) examples.push(`${id}: duckdb only (${fromDuckdb.get(id)!.join(', ')})`);
      }
    }
    return { engineCustomers: engineSegments!.size, duckdbCustomers: fromDuckdb.size, onlyEngine, onlyDuckdb, differing, examples };
  },

  sql() {
    return compiled(toArrow({ ...table!, rows: [] }, theConfig()).schema.fields.map((f) => f.name));
  },
};

window.__wasmBench = bench;
