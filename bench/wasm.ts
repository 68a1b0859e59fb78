// Issue 19's browser figure: where the pane runs, the engine against @duckdb/duckdb-wasm in Debian's Chromium,
// on one page, on the engine bench's 1,048,575 lines as office.js hands them over (a 2-D array of cells,
// bench/data.ts, generated in the page and not timed), ABC 80/15/5 and four profit bands (bench/sql.ts's
// configuration). Goal: the engine at least 2x faster.
//  - engine: `segment(table, config)`, from the 2-D array to the engine's result;
//  - duckdb: from the same 2-D array, an Apache Arrow table typed with the engine's cell readers (Arrow's
//    vectorFromArray), `insertArrowTable`, the query `compileSql` writes for the configuration, and its
//    result fetched as rows (objects); ingest and query also reported on their own. Loading DuckDB (the
//    wasm, its worker, a connection) is reported apart and not in the timed figure.
// Both in turns (engine, duckdb, engine, ...) after one untimed warm-up each, a full collection of the
// page's heap before each; then each customer's segments compared. The page (bench/wasm-page.ts) is bundled
// by webpack into a temporary folder with duckdb-wasm's own wasm and worker files, served from 127.0.0.1,
// and the browser may reach nothing else. Run alone with `node -r @swc-node/register bench/wasm.ts`.
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import webpack from 'webpack';
import { launch, offlineContext } from '../test/e2e/browser';
import { serve } from '../test/e2e/serve';
import { BENCH_CUSTOMERS, BENCH_LINES } from './data';
import { SQL_BENCH_CONFIG } from './sql';
import { median } from './stats';
import type { Comparison, DuckdbTiming, EngineTiming } from './wasm-page';

const ROOT = resolve(__dirname, '..');
const DUCKDB_DIST = dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm'));
const DUCKDB_FILES = ['duckdb-eh.wasm', 'duckdb-mvp.wasm', 'duckdb-browser-eh.worker.js', 'duckdb-browser-mvp.worker.js'];

export interface WasmFigures {
  runs: number;
  lines: number;
  chromium: string;
  duckdb: { version: string; bundle: string; instantiateMs: number };
  engine: EngineTiming[];
  duckdbRuns: DuckdbTiming[];
  firstEngine: EngineTiming;
  firstDuckdb: DuckdbTiming;
  /** Median over the turns of duckdb's time / the engine's, each pair run back to back. */
  duckdbVsEngine: number;
  comparison: Comparison;
  /** The renderer process's resident-memory high-water mark during a step, beyond its resident memory before it (MB). */
  peakBeyondBefore: { engine: number[]; duckdb: number[] };
  /** The page's JS heap (main thread) right after a step, before any collection (MB). */
  heapAfter: { engine: number[]; duckdb: number[] };
  /** The renderer's resident memory with the lines in the page and DuckDB loaded, before the first step (MB). */
  rendererBaseMB: number;
  loadBefore: string;
  loadAfter: string;
}

/** The page's bundle (webpack and swc-loader, as the pane's own build) and the files it loads, in `dir`. */
async function buildPage(dir: string): Promise<void> {
  const stats = await new Promise<webpack.Stats>((ok, fail) =>
    webpack(
      {
        mode: 'production',
        devtool: false,
        target: 'web',
        context: ROOT,
        entry: { page: './bench/wasm-page.ts' },
        output: { path: dir, filename: '[name].js', publicPath: '/' },
        resolve: { extensions: ['.ts', '.tsx', '.js', '.mjs'] },
        performance: { hints: false },
        module: {
          rules: [{ test: /\.tsx?$/, exclude: /node_modules/, use: { loader: 'swc-loader', options: { jsc: { parser: { syntax: 'typescript' }, target: 'es2020' } } } }],
        },
      },
      (err, s) => (err || !s ? fail(err ?? new Error('webpack gave no stats')) : ok(s)),
    ),
  );
  if (stats.hasErrors()) throw new Error(stats.toString({ all: false, errors: true }));
  for (const f of DUCKDB_FILES) copyFileSync(join(DUCKDB_DIST, f), join(dir, f));
  // The configuration travels in the page as JSON: bench/sql.ts itself is Node code.
  const config = JSON.stringify(SQL_BENCH_CONFIG).replace(/</g, '\\u003c');
  writeFileSync(join(dir, 'index.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>wasm bench</title></head><body><script type="application/json" id="config">${config}</script><script src="page.js"></script></body></html>`);
}

/** The renderer processes descended from this one (Chromium's), by pid. */
function renderers(): number[] {
  const parent = new Map<number, number>();
  const renderer = new Set<number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      parent.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
      if (readFileSync(`/proc/${name}/cmdline`, 'utf8').includes('--type=renderer')) renderer.add(Number(name));
    } catch {
      // gone meanwhile
    }
  }
  const mine = (pid: number): boolean => {
    for (let p = parent.get(pid); p !== undefined && p > 1; p = parent.get(p)) if (p === process.pid) return true;
    return false;
  };
  return [...renderer].filter(mine);
}

const statusKb = (pid: number, field: 'VmRSS' | 'VmHWM'): number => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]);
const mb = (kb: number) => kb / 1024;

export async function benchWasm(runs = 5, lineCount = BENCH_LINES): Promise<WasmFigures> {
  const loadBefore = loadavg().map((x) => x.toFixed(2)).join(', ');
  const dir = mkdtempSync(join(tmpdir(), 'tierwise-bench-wasm-'));
  const server = await serve(dir);
  const browser = await launch().catch(async (e: unknown) => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
    throw e;
  });
  try {
    await buildPage(dir);
    const context = await offlineContext(browser, server.url);
    const page = await context.newPage();
    const failed: string[] = [];
    page.on('requestfailed', (r) => failed.push(r.url()));
    page.on('pageerror', (e) => failed.push(String(e)));
    await page.goto(`${server.url}/index.html`);
    await page.waitForFunction(() => window.__wasmBench !== undefined);
    const cdp = await context.newCDPSession(page);
    const lines = await page.evaluate(([n, c]) => window.__wasmBench!.generate(n, c), [lineCount, BENCH_CUSTOMERS]);
    const loaded = await page.evaluate(() => window.__wasmBench!.instantiate());
    if (failed.length > 0) throw new Error(`the page failed to load: ${failed.join('; ')}`);

    const gc = () => cdp.send('HeapProfiler.collectGarbage');
    const renderer = renderers().map((pid) => ({ pid, rss: statusKb(pid, 'VmRSS') })).sort((x, y) => y.rss - x.rss)[0]?.pid;
    /** One step, after a collection, with the renderer's peak beyond its memory before and the heap after. */
    const step = async <T>(fn: () => Promise<T>): Promise<{ r: T; peakMB: number; heapMB: number }> => {
      await gc();
      let before = 0;
      if (renderer !== undefined) {
        writeFileSync(`/proc/${renderer}/clear_refs`, '5'); // resets VmHWM to the current resident size
        before = statusKb(renderer, 'VmRSS');
      }
      const r = await fn();
      const peakMB = renderer !== undefined ? mb(statusKb(renderer, 'VmHWM') - before) : NaN;
      const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
      return { r, peakMB, heapMB: heap.usedSize / 2 ** 20 };
    };
    await gc();
    const rendererBaseMB = renderer !== undefined ? mb(statusKb(renderer, 'VmRSS')) : NaN;

    const runEngine = () => step(() => page.evaluate(() => window.__wasmBench!.engine()));
    const runDuckdb = () => step(() => page.evaluate(() => window.__wasmBench!.duckdb()));
    const firstEngine = await runEngine();
    const firstDuckdb = await runDuckdb();
    const engine: Awaited<ReturnType<typeof runEngine>>[] = [];
    const duck: Awaited<ReturnType<typeof runDuckdb>>[] = [];
    for (let i = 0; i < runs; i++) {
      engine.push(await runEngine());
      duck.push(await runDuckdb());
    }
    const comparison = await page.evaluate(() => window.__wasmBench!.compare());
    return {
      runs,
      lines,
      chromium: browser.version(),
      duckdb: { version: loaded.version, bundle: loaded.bundle, instantiateMs: loaded.ms },
      engine: engine.map((e) => e.r),
      duckdbRuns: duck.map((d) => d.r),
      firstEngine: firstEngine.r,
      firstDuckdb: firstDuckdb.r,
      duckdbVsEngine: median(duck.map((d, i) => d.r.ms / engine[i].r.ms)),
      comparison,
      peakBeyondBefore: { engine: engine.map((e) => e.peakMB), duckdb: duck.map((d) => d.peakMB) },
      heapAfter: { engine: engine.map((e) => e.heapMB), duckdb: duck.map((d) => d.heapMB) },
      rendererBaseMB,
      loadBefore,
      loadAfter: loadavg().map((x) => x.toFixed(2)).join(', '),
    };
  } finally {
    await browser.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The figures as the other sections print them. */
export function printWasm(w: WasmFigures, line: (label: string, value: string, goal?: { text: string; met: boolean }) => void): void {
  const med = (xs: number[]) => median(xs);
  const ms = (x: number) => `${Math.round(x).toLocaleString('en-US')} ms`;
  const list = (xs: number[]) => xs.map((x) => Math.round(x).toLocaleString('en-US')).join(', ');
  const d = w.duckdbRuns;
  console.log(`\nengine against @duckdb/duckdb-wasm in Chromium ${w.chromium}, one page, ${w.lines.toLocaleString('en-US')} lines as office.js hands them over; ABC 80/15/5 and four profit bands; ${w.runs} turns after a warm-up each`);
  line(`DuckDB ${w.duckdb.version} loaded (${w.duckdb.bundle}, worker, connection), NOT timed below`, ms(w.duckdb.instantiateMs));
  line(`engine: segment(), 2-D array to result (median of ${w.runs})`, ms(med(w.engine.map((e) => e.ms))));
  line(`duckdb: 2-D array to fetched rows (median of ${w.runs})`, ms(med(d.map((x) => x.ms))));
  line('  ingest: Arrow table typed with the engine readers', ms(med(d.map((x) => x.arrowMs))));
  line('  ingest: insertArrowTable', ms(med(d.map((x) => x.insertMs))));
  line('  query: compileSql SQL, run', ms(med(d.map((x) => x.queryMs))));
  line('  query: result to row objects', ms(med(d.map((x) => x.rowsMs))));
  line('duckdb / engine (median of the turns\' ratios)', `${w.duckdbVsEngine.toFixed(2)}x`, { text: '>= 2x', met: w.duckdbVsEngine >= 2 });
  line('engine runs, ms', list(w.engine.map((e) => e.ms)));
  line('duckdb runs, ms', list(d.map((x) => x.ms)));
  line('first (warm-up) runs, engine / duckdb, ms', `${Math.round(w.firstEngine.ms)} / ${Math.round(w.firstDuckdb.ms)}`);
  const c = w.comparison;
  line('customers engine / duckdb', `${c.engineCustomers} / ${c.duckdbCustomers}`);
  line('customers with a different segment (or only in one)', `${c.differing + c.onlyEngine + c.onlyDuckdb}`, { text: '0', met: c.differing + c.onlyEngine + c.onlyDuckdb === 0 });
  for (const e of c.examples) console.log(`    ${e}`);
  line('renderer resident memory before the runs (lines + DuckDB)', `${Math.round(w.rendererBaseMB)} MB`);
  line('renderer peak beyond its memory before: engine runs, MB', list(w.peakBeyondBefore.engine));
  line('renderer peak beyond its memory before: duckdb runs, MB', list(w.peakBeyondBefore.duckdb));
  line('page JS heap right after: engine runs, MB', list(w.heapAfter.engine));
  line('page JS heap right after: duckdb runs, MB', list(w.heapAfter.duckdb));
  line(`load average before / after (${cpus().length} cores)`, `${w.loadBefore} / ${w.loadAfter}`);
}

if (require.main === module) {
  benchWasm().then(
    (w) => console.log(JSON.stringify(w, null, 2)),
    (e) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
