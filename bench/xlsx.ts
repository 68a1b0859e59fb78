// The command line on a full sheet: 1,048,576 rows (a header and 1,048,575 sales lines, Excel's
// limit), 8 columns, 50,000 customers. The workbook is generated first (not timed); then the real
// command line runs in a child process on the compiled dist/ (bench/child.ts), so its peak memory is its own: `tierwise segment big.xlsx
// --config cfg.json --out out.xlsx --source-columns all --timings`. Goal: under 60 s and 4 GB.
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Cell } from '../src/engine/types';
import { newWorkbook } from '../src/hosts/xlsx/new-workbook';
import { buildCli, runCli } from './child';
import { random } from './data';

export const SHEET_ROWS = 1_048_576;
export const CUSTOMERS = 50_000;
const CATEGORIES = ['Furniture', 'Office Supplies', 'Technology'];

/** Header + lines: Order ID, Order Date, Customer ID, Customer Name, Product ID, Category, Sales, Profit. */
export function* lines(count: number): Generator<Cell[]> {
  const rnd = random(20_260_101);
  yield ['Order ID', 'Order Date', 'Customer ID', 'Customer Name', 'Product ID', 'Category', 'Sales', 'Profit'];
  const firstDay = 41_640; // 2014-01-01 as a serial number
  for (let i = 1; i < count; i++) {
    // Skewed customers (a few buy a lot), as in real sales.
    const c = Math.floor(CUSTOMERS * rnd() ** 2);
    const sales = Math.round(rnd() * 100_000) / 100;
    yield [
      `ORD-${100_000 + Math.floor(i / 3)}`,
      firstDay + Math.floor(rnd() * 1461),
      `C-${String(c).padStart(5, '0')}`,
      `Customer ${c}`,
      `P-${Math.floor(rnd() * 5000)}`,
      CATEGORIES[c % 3],
      sales,
      Math.round((rnd() - 0.3) * sales * 40) / 100,
    ];
  }
}

const CONFIG = {
  version: 1,
  columns: { customer: 'Customer ID', customerName: 'Customer Name', date: 'Order Date', amount: 'Sales', profit: 'Profit', order: 'Order ID', product: 'Product ID', category: 'Category' },
  window: { kind: 'all' },
  segmentTypes: [
    { name: 'Sales ABC', kind: 'abc', measure: 'sales', segments: [{ name: 'A', share: 80 }, { name: 'B', share: 15 }, { name: 'C', share: 5 }] },
    { name: 'Profit band', kind: 'bands', measure: 'profit', bands: [{ name: 'Loss', max: 0 }, { name: 'Low', min: 0, max: 500 }, { name: 'Mid', min: 500, max: 2000 }, { name: 'High', min: 2000 }] },
  ],
};

export async function benchXlsx(): Promise<Record<string, number | string>> {
  const dir = mkdtempSync(join(tmpdir(), 'tierwise-bench-xlsx-'));
  try {
    const input = join(dir, 'big.xlsx');
    const config = join(dir, 'config.json');
    const out = join(dir, 'out.xlsx');
    const g0 = performance.now();
    writeFileSync(input, await newWorkbook('Orders', lines(SHEET_ROWS), (r, c) => r > 0 && c === 1));
    writeFileSync(config, JSON.stringify(CONFIG));
    const generated = performance.now() - g0;

    buildCli();
    const r = runCli(['segment', input, '--config', config, '--out', out, '--source-columns', 'all', '--timings']);
    const m = /Timings: read (\d+) ms, segment (\d+) ms, write (\d+) ms/.exec(r.err);
    const cpu = /CPU: read (\d+) ms, segment (\d+) ms, write (\d+) ms/.exec(r.err);
    if (r.code > 1 || !m || !cpu) throw new Error(`the command line failed (exit ${r.code}):\n${r.err}`);
    const [read, segment, write] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const steps = read + segment + write;
    const cpuTotal = Number(cpu[1]) + Number(cpu[2]) + Number(cpu[3]);
    const share = (n: number) => `${((100 * n) / steps).toFixed(1)}%`;
    return {
      'xlsx: sheet rows (header + lines)': SHEET_ROWS,
      'xlsx: customers': CUSTOMERS,
      'xlsx: input size MB': Number((statSync(input).size / 2 ** 20).toFixed(1)),
      'xlsx: output size MB': Number((statSync(out).size / 2 ** 20).toFixed(1)),
      'xlsx: generate input ms (not timed below)': Math.round(generated),
      'xlsx: read ms': read,
      'xlsx: segment ms': segment,
      'xlsx: write ms': write,
      'xlsx: read share': share(read),
      'xlsx: segment share': share(segment),
      'xlsx: write share': share(write),
      'xlsx: total ms (read + segment + write)': steps,
      'xlsx: command line wall ms (with start-up)': Math.round(r.ms),
      // CPU time: on a shared machine (load above the core count) wall time grows, CPU time does not.
      'xlsx: CPU ms read / segment / write': `${cpu[1]} / ${cpu[2]} / ${cpu[3]}`,
      'xlsx: load average (1 min) at the end': Number(loadavg()[0].toFixed(1)),
      'xlsx: cores': cpus().length,
      'xlsx: peak RSS MB': Math.round(r.peakMB),
      'xlsx: goal < 60 s and < 4 GB (wall time)': steps < 60_000 && r.peakMB < 4096 ? 'met' : 'NOT met',
      'xlsx: goal < 60 s and < 4 GB (CPU time)': cpuTotal < 60_000 && r.peakMB < 4096 ? 'met' : 'NOT met',
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  void benchXlsx().then((r) => {
    for (const [k, v] of Object.entries(r)) console.log(`${k}: ${v}`);
  });
}
