// Issue 19's figures: the DuckDB path of the command line against its two peers, measured in the same run.
// - The engine bench's 1,048,575 lines (bench/data.ts, the same mess: numeric text with groups, `#N/A`,
//   `n/a`) written as a CSV with ISO dates: `tierwise segment --engine duckdb` end to end (a child
//   process on plain node running the compiled dist/ as bin/tierwise.cjs does, start-up included) against a hand-written DuckDB query over the same file (in a child
//   process too, start-up included; goal: within 1.5x) and against `--engine js` (goal: at least 5x faster).
// - With TIERWISE_BENCH_BIG=1 (or `npm run bench -- sql-big`): 100,000,000 lines generated as Parquet by
//   DuckDB itself, segmented by `--engine duckdb` with ABC and bands (and RFM when the compiler writes it):
//   goal under 3 minutes and 4 GB. Writing the file takes minutes and 2-3 GB of disk, so it is not run by default.
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { epochDayToIso, serialToEpochDay } from '../src/engine/parse/date';
import type { Cell } from '../src/engine/types';
import { BENCH_HEADER, benchTable } from './data';
import { buildCli, child, PEAK_KB, runCli, type ChildRun } from './child';
import { median } from './stats';


export const SQL_BENCH_CONFIG = {
  version: 1,
  columns: { customer: 'Customer ID', customerName: 'Customer Name', date: 'Order Date', amount: 'Sales', profit: 'Profit', quantity: 'Quantity', order: 'Order ID' },
  window: { kind: 'all' },
  segmentTypes: [
    { name: 'Sales ABC', kind: 'abc', measure: 'sales', segments: [{ name: 'A', share: 80 }, { name: 'B', share: 15 }, { name: 'C', share: 5 }] },
    { name: 'Profit band', kind: 'bands', measure: 'profit', bands: [{ name: 'Loss', max: 0 }, { name: 'Low', min: 0, max: 500 }, { name: 'Mid', min: 500, max: 2000 }, { name: 'High', min: 2000 }] },
  ],
};

const RFM_TYPE = { name: 'RFM', kind: 'rfm' };

const csvField = (v: Cell): string => {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** The engine bench's lines as a CSV file: dates as ISO text (a CSV has no date cells), the rest as the cells are. */
export async function writeBenchCsv(path: string, lines?: number): Promise<void> {
  const table = benchTable(lines);
  const out = createWriteStream(path);
  out.write(`${BENCH_HEADER.join(',')}\n`);
  let chunk = '';
  for (const row of table.rows) {
    chunk += `${row.map((v, c) => (c === 2 && typeof v === 'number' ? epochDayToIso(serialToEpochDay(v, false)) : csvField(v))).join(',')}\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
}

/**
 * The peer: what a person who knows DuckDB would write for ABC 80/15/5 and four profit bands over the
 * file (typed by DuckDB's own sniffer, unreadable cells dropped by TRY_CAST), printed as CSV to /dev/null.
 */
function handWritten(csv: string): string {
  return `COPY (
  WITH lines AS (
    SELECT trim("Customer ID") AS cust, TRY_CAST(replace("Sales", ',', '') AS DOUBLE) AS sales, TRY_CAST("Profit" AS DOUBLE) AS profit
    FROM read_csv('${csv}', all_varchar = true)
  ), customers AS (
    SELECT cust, sum(sales) AS sales, sum(profit) AS profit FROM lines WHERE sales IS NOT NULL AND profit IS NOT NULL GROUP BY cust
  ), ranked AS (
    SELECT *, (sum(sales) OVER (ORDER BY sales DESC RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) - sales) / sum(sales) OVER () AS before FROM customers
  )
  SELECT cust, sales, profit,
    CASE WHEN before < 0.8 THEN 'A' WHEN before < 0.95 THEN 'B' ELSE 'C' END AS abc,
    CASE WHEN profit < 0 THEN 'Loss' WHEN profit < 500 THEN 'Low' WHEN profit < 2000 THEN 'Mid' ELSE 'High' END AS band
  FROM ranked
) TO '/dev/null' (FORMAT csv)`;
}

const duckdbScript = `
  const { DuckDBInstance } = require('@duckdb/node-api');
  (async () => {
    const db = await DuckDBInstance.create(':memory:');
    const con = await db.connect();
    await con.run(process.argv[1]);
    process.stdout.write(JSON.stringify({ code: 0, err: '', maxRssKb: ${PEAK_KB} }));
  })();`;

function segmentCli(input: string, config: string, engine: 'duckdb' | 'js', out: string): ChildRun {
  const r = runCli(['segment', input, '--config', config, '--engine', engine, '--out', out]);
  if (r.code > 1) throw new Error(`tierwise segment --engine ${engine} failed (exit ${r.code}):\n${r.err}`);
  return r;
}

export async function benchSql(runs = 3): Promise<Record<string, number | string>> {
  buildCli();
  const dir = mkdtempSync(join(tmpdir(), 'tierwise-bench-sql-'));
  try {
    const csv = join(dir, 'lines.csv');
    const config = join(dir, 'config.json');
    await writeBenchCsv(csv);
    writeFileSync(config, JSON.stringify(SQL_BENCH_CONFIG));
    // Turns (duckdb, hand-written, js), so the three share the machine's good and bad moments.
    const times = { duckdb: [] as ChildRun[], hand: [] as ChildRun[], js: [] as ChildRun[] };
    for (let i = 0; i < runs; i++) {
      times.duckdb.push(segmentCli(csv, config, 'duckdb', join(dir, 'duckdb.csv')));
      times.hand.push(child(duckdbScript, [handWritten(csv)]));
      times.js.push(segmentCli(csv, config, 'js', join(dir, 'js.csv')));
    }
    const same = readFileSync(join(dir, 'duckdb.csv')).equals(readFileSync(join(dir, 'js.csv')));
    const ms = (rs: ChildRun[]) => median(rs.map((r) => r.ms));
    const ratio = (a: ChildRun[], b: ChildRun[]) => median(a.map((r, i) => r.ms / b[i].ms));
    const peak = (rs: ChildRun[]) => Math.round(Math.max(...rs.map((r) => r.peakMB)));
    const vsHand = ratio(times.duckdb, times.hand);
    const vsJs = ratio(times.js, times.duckdb);
    return {
      'sql: CSV lines / size MB': `${(1_048_575).toLocaleString('en-US')} / ${(statSync(csv).size / 2 ** 20).toFixed(1)}`,
      [`sql: tierwise segment --engine duckdb, ms (median of ${runs}, start-up included)`]: Math.round(ms(times.duckdb)),
      'sql: peer: hand-written DuckDB query, ms (same)': Math.round(ms(times.hand)),
      'sql: peer: tierwise segment --engine js, ms (same)': Math.round(ms(times.js)),
      'sql: duckdb / hand-written (goal <= 1.5x)': `${vsHand.toFixed(2)}x ${vsHand <= 1.5 ? 'met' : 'NOT met'}`,
      'sql: js / duckdb (goal >= 5x)': `${vsJs.toFixed(2)}x ${vsJs >= 5 ? 'met' : 'NOT met'}`,
      'sql: peak RSS MB duckdb / hand-written / js': `${peak(times.duckdb)} / ${peak(times.hand)} / ${peak(times.js)}`,
      'sql: CSV output of duckdb and js byte-identical': same ? 'yes' : 'NO',
      'sql: load average (1 min) at the end / cores': `${loadavg()[0].toFixed(1)} / ${cpus().length}`,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** 100,000,000 lines as Parquet, written by DuckDB (customers skewed as in bench/data.ts), then segmented once. */
export async function benchSqlBig(lines = 100_000_000): Promise<Record<string, number | string>> {
  buildCli();
  const dir = mkdtempSync(join(tmpdir(), 'tierwise-bench-sql-big-'));
  try {
    const parquet = join(dir, 'lines.parquet');
    const config = join(dir, 'config.json');
    const g0 = performance.now();
    child(duckdbScript, [
      `COPY (SELECT 'C' || lpad(CAST(c AS VARCHAR), 7, '0') AS "Customer ID", 'Customer ' || c AS "Customer Name",
         DATE '2014-01-01' + CAST(floor(random() * 1461) AS INTEGER) AS "Order Date",
         round(random() * 2000, 2) AS "Sales", round((random() - 0.3) * 800, 2) AS "Profit",
         'O' || (i // 4) AS "Order ID"
       FROM (SELECT i, CAST(floor(1000000 * pow(random(), 2)) AS BIGINT) AS c FROM range(${lines}) t(i)))
       TO '${parquet}' (FORMAT parquet)`,
    ]);
    const generated = performance.now() - g0;
    // The generated file has no Quantity column.
    const { quantity: _quantity, ...columns } = SQL_BENCH_CONFIG.columns;
    const base = { ...SQL_BENCH_CONFIG, columns };
    const withRfm = { ...base, segmentTypes: [...base.segmentTypes, RFM_TYPE] };
    const { compileSql } = await import('../src/sql/compile');
    const { parseConfig } = await import('../src/engine/config');
    const parsed = parseConfig(withRfm);
    const rfmCompiled = parsed.ok && compileSql(parsed.config, { dialect: 'duckdb', columns: { header: ['Customer ID', 'Customer Name', 'Order Date', 'Sales', 'Profit', 'Order ID'] } }).ok;
    writeFileSync(config, JSON.stringify(rfmCompiled ? withRfm : base));
    const r = segmentCli(parquet, config, 'duckdb', join(dir, 'tiers.csv'));
    return {
      'sql big: Parquet lines / size MB': `${lines.toLocaleString('en-US')} / ${(statSync(parquet).size / 2 ** 20).toFixed(0)}`,
      'sql big: generate ms (not timed below)': Math.round(generated),
      'sql big: kinds': rfmCompiled ? 'ABC, bands, RFM' : 'ABC, bands (RFM is not compiled to SQL yet)',
      'sql big: tierwise segment --engine duckdb ms (start-up included)': Math.round(r.ms),
      'sql big: peak RSS MB': Math.round(r.peakMB),
      'sql big: goal < 3 min and < 4 GB': r.ms < 180_000 && r.peakMB < 4096 ? 'met' : 'NOT met',
      'sql big: load average (1 min) at the end / cores': `${loadavg()[0].toFixed(1)} / ${cpus().length}`,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  void writeBenchCsv(process.argv[2] ?? 'bench-lines.csv').then(() => console.log('written'));
}
