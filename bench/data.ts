// Benchmark input: sales lines as Excel hands them over (`range.values`), at Excel's row limit.
// office.js delivers `values` by parsing the host's JSON reply, so every cell's text is its own string,
// laid out row after row; the builder does the same (JSON.parse per block of rows). Sharing one string
// per customer across rows, as a first version did, is not what any host hands over, and it made each
// name cell a random memory access (docs/performance.md). Built block by block, so that the builder's
// own garbage stays small and the memory figures of what runs next are not hidden behind it.
import type { Cell, SourceTable } from '../src/engine/types';

export const EXCEL_ROWS = 1_048_576;
/** Excel's last row holds the header too, so the data has one row fewer. */
export const BENCH_LINES = EXCEL_ROWS - 1;
export const BENCH_CUSTOMERS = 50_000;

export const BENCH_HEADER = ['Customer ID', 'Customer Name', 'Order Date', 'Sales', 'Profit', 'Quantity', 'Order ID', 'Region'];

/** A small deterministic generator (mulberry32), so every run and every peer sees the same data. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * 8 columns: text ids, names, date serials (2014-2017), numbers, and the mess a real export has:
 * one Sales cell in 500 is numeric text with a thousands separator, one in 20,000 is `#N/A`,
 * one Profit cell in 50,000 is text that is no number.
 */
export function benchTable(lines = BENCH_LINES, customers = BENCH_CUSTOMERS, seed = 42): SourceTable {
  const next = random(seed);
  const ids = Array.from({ length: customers }, (_, i) => `C${String(i + 1).padStart(6, '0')}`);
  const names = Array.from({ length: customers }, (_, i) => `Customer ${i + 1}`);
  const regions = ['West', 'East', 'Central', 'South'];
  const rows: Cell[][] = new Array(lines);
  const BLOCK = 4096;
  let block: Cell[][] = [];
  for (let r = 0; r < lines; r++) {
    // Skewed toward low customer numbers, so the tiers have a Pareto shape.
    const c = Math.floor(customers * next() ** 2);
    const sales = Math.round(next() * 200_000) / 100;
    let salesCell: Cell = sales;
    if (r % 500 === 7) salesCell = sales.toLocaleString('en-US', { minimumFractionDigits: 2 });
    if (r % 20_000 === 13) salesCell = '#N/A';
    const profit: Cell = r % 50_000 === 29 ? 'n/a' : Math.round((next() - 0.3) * sales * 40) / 100;
    block.push([ids[c], names[c], 41640 + Math.floor(next() * 1461), salesCell, profit, 1 + Math.floor(next() * 9), `O${r >> 2}`, regions[c & 3]]);
    if (block.length === BLOCK || r === lines - 1) {
      const parsed = JSON.parse(JSON.stringify(block)) as Cell[][];
      for (let i = 0; i < parsed.length; i++) rows[r - parsed.length + 1 + i] = parsed[i];
      block = [];
    }
  }
  return { sheet: 'Sales', header: BENCH_HEADER.slice(), rows, origin: { row: 1, column: 0 } };
}
