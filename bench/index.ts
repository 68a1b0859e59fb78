// `npm run bench`: every performance figure of Tierwise, printed with its goal and its peer.
// Figures go to docs/performance.md with the date of the run.
import { BENCH_CUSTOMERS, BENCH_LINES, benchTable } from './data';
import { benchEngine } from './engine';
import { benchKinds } from './kinds';
import { benchOffice } from './office';
import { benchPane } from './pane';
import { benchSql, benchSqlBig } from './sql';
import { ms } from './stats';
import { benchWasm, printWasm } from './wasm';
import { benchXlsx } from './xlsx';

/**
 * `npm run bench -- engine kinds` runs only those sections (engine, kinds, office, pane, xlsx, sql, wasm); no
 * argument runs them all. `sql-big` (100,000,000 Parquet lines, minutes and gigabytes of disk) runs only
 * when named, or with TIERWISE_BENCH_BIG=1.
 */
const wanted = new Set(process.argv.slice(2));
const runs = (section: string) => wanted.size === 0 || wanted.has(section);

function table(title: string, figures: Record<string, number | string>) {
  console.log(`\n${title}`);
  for (const [k, v] of Object.entries(figures)) console.log(`  ${k.padEnd(56)} ${typeof v === 'number' ? v.toLocaleString('en-US', { maximumFractionDigits: 2 }) : v}`);
}

/** A figure, and its goal with `met` / `NOT MET` when it has one. */
function line(label: string, value: string, goal?: { text: string; met: boolean }) {
  const verdict = goal ? `   goal ${goal.text.padEnd(10)} ${goal.met ? 'met' : 'NOT MET'}` : '';
  console.log(`${label.padEnd(62)} ${value.padStart(10)}${verdict}`);
}

async function main() {
  const started = new Date().toISOString().slice(0, 10);
  console.log(`Tierwise benchmarks, ${started}, node ${process.version}, ${BENCH_LINES.toLocaleString('en-US')} lines, ${BENCH_CUSTOMERS.toLocaleString('en-US')} customers\n`);
  const rows = benchTable();
  if (runs('engine')) engine(rows);
  if (runs('kinds')) {
    const k = benchKinds(rows.rows.length, 5, rows);
    table('all segment kinds (loyalty, activity, profiles, RFM, visits) against ABC and bands alone, same run', {
      'ABC and bands alone, median ms': Math.round(k.abcAndBandsMs),
      'every kind together, median ms': Math.round(k.allKindsMs),
      'all kinds / ABC and bands (goal <= 2x)': Number(k.ratio.toFixed(2)),
    });
    table('ABC and bands with an XYZ type (quarters, crossed with the ABC type) against ABC and bands alone, same run', {
      'ABC and bands alone, median ms': Math.round(k.abcAndBandsMs),
      'ABC, bands and XYZ, median ms': Math.round(k.withXyzMs),
      'ABC, bands and XYZ / ABC and bands (goal <= 1.3x)': Number(k.xyzRatio.toFixed(2)),
      'the same by CPU time': Number(k.xyzCpuRatio.toFixed(2)),
    });
  }
  if (runs('office')) table('office host through the Excel simulator: 1,048,576 x 8 read, segmented, one column written', await benchOffice());
  if (runs('pane')) table('task pane in Chromium (production bundle, playground)', await benchPane());
  if (runs('xlsx')) table('command line on a 1,048,576-row workbook (a child process)', await benchXlsx());
  if (runs('sql')) table('DuckDB path: 1,048,575 CSV lines, tierwise segment --engine duckdb against a hand-written DuckDB query and --engine js (child processes)', await benchSql());
  if (runs('wasm')) printWasm(await benchWasm(), line);
  if (wanted.has('sql-big') || process.env.TIERWISE_BENCH_BIG === '1') table('DuckDB path: 100,000,000 Parquet lines (a child process)', await benchSqlBig());
}

function engine(rows: ReturnType<typeof benchTable>) {
  const e = benchEngine(rows);
  console.log(`engine (ingest, window, aggregate, ABC, bands, summary); ${e.lines} lines, ${e.customers} customers, ${e.leftOutRows} rows left out`);
  line(`full engine run (median of ${e.runs})`, `${ms(e.engineMs)} ms`);
  line('peer: bare pass, Map lookup of each line\'s customer', `${ms(e.barePassMs)} ms`);
  line('engine / bare pass (median of the turns\' ratios)', `${e.engineVsBare.toFixed(2)}x`, { text: '<= 2x', met: e.engineVsBare <= 2 });
  line('peer: arquero 7 (columns, groupby, sum, orderby, rolling sum)', `${ms(e.arqueroMs)} ms`);
  line('arquero / engine (median of the turns\' ratios)', `${e.arqueroVsEngine.toFixed(2)}x`, { text: '>= 4x', met: e.arqueroVsEngine >= 4 });
  line('re-classification after a threshold change (median of 201)', `${ms(e.reclassifyMs)} ms`, { text: '< 2 ms', met: e.reclassifyMs < 2 });
  line('input rows in memory (process RSS after building them)', `${e.inputMB.toFixed(0)} MB`);
  line('peak memory beyond the input (RSS high-water mark)', `${e.peakBeyondInputMB.toFixed(0)} MB`);
  line('heap kept by the result', `${e.retainedHeapMB.toFixed(0)} MB`);
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
