// `npm run bench`: every performance figure of Tierwise, printed with its goal and its peer.
// Figures go to docs/performance.md with the date of the run.
import { BENCH_CUSTOMERS, BENCH_LINES, benchTable } from './data';
import { benchEngine } from './engine';
import { ms } from './stats';

function line(label: string, value: string, goal: string, ok: boolean) {
  console.log(`${label.padEnd(58)} ${value.padStart(12)}   goal ${goal.padEnd(24)} ${ok ? 'met' : 'NOT MET'}`);
}

async function main() {
  const started = new Date().toISOString().slice(0, 10);
  console.log(`Tierwise benchmarks, ${started}, node ${process.version}, ${BENCH_LINES.toLocaleString('en-US')} lines, ${BENCH_CUSTOMERS.toLocaleString('en-US')} customers\n`);
  const table = benchTable();
  const e = benchEngine(table);
  console.log(`engine (ingest, window, aggregate, ABC, bands, summary); ${e.lines} lines, ${e.customers} customers, ${e.leftOutRows} rows left out`);
  line('full engine run (median of 5)', `${ms(e.engineMs)} ms`, '', true);
  line('peer: bare pass, Map lookup of each line\'s customer', `${ms(e.barePassMs)} ms`, '', true);
  line('engine / bare pass', `${e.engineVsBare.toFixed(2)}x`, '<= 2x', e.engineVsBare <= 2);
  line('peer: arquero 7 (columns, groupby, sum, orderby, rolling sum)', `${ms(e.arqueroMs)} ms`, '', true);
  line('arquero / engine', `${e.arqueroVsEngine.toFixed(2)}x`, '>= 4x', e.arqueroVsEngine >= 4);
  line('re-classification after a threshold change (median of 41)', `${ms(e.reclassifyMs)} ms`, '< 2 ms', e.reclassifyMs < 2);
  line('input rows in memory (process RSS after building them)', `${e.inputMB.toFixed(0)} MB`, '', true);
  line('peak memory beyond the input (RSS high-water mark)', `${e.peakBeyondInputMB.toFixed(0)} MB`, '', true);
  line('heap kept by the result', `${e.retainedHeapMB.toFixed(0)} MB`, '', true);
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
