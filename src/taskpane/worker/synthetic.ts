// Benchmark data: a sales table of `lines` lines over `customers` customers with a long-tailed
// spread of sales (a few large customers, many small ones), as real ledgers have. Deterministic.
import type { Cell, SourceTable } from '../../engine/types';

export function syntheticTable(lines: number, customers: number): SourceTable {
  let seed = 0x2f6b1d3;
  const random = () => {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    return seed / 0x100000000;
  };
  const ids = Array.from({ length: customers }, (_, i) => `C-${String(i + 1).padStart(6, '0')}`);
  const rows: Cell[][] = new Array(lines);
  const firstDay = 41640; // 2014-01-01 as an Excel serial
  for (let i = 0; i < lines; i++) {
    // Customer index skewed toward the start of the list: sqrt-skew gives a Pareto-like spread.
    const c = i < customers ? i : Math.floor(customers * random() * random());
    const sales = Math.round((10 + 990 * random()) * 100) / 100;
    rows[i] = [ids[c], sales, Math.round(sales * (random() - 0.3) * 100) / 100, firstDay + Math.floor(random() * 1461)];
  }
  return { sheet: 'Bench', header: ['Customer ID', 'Sales', 'Profit', 'Order Date'], rows, origin: { row: 1, column: 0 } };
}
