// A readable summary for the terminal: one table per segment type.
import type { EngineResult } from '../engine/result';
import { describeWindow } from '../engine/window';

const money = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const pct = new Intl.NumberFormat('en-US', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });

const show = (v: number, f: Intl.NumberFormat) => (Number.isFinite(v) ? f.format(v) : '-');

export function formatSummary(result: EngineResult): string {
  const out: string[] = [
    `Tierwise: ${result.customers.ids.length} customers from ${result.lineCount} lines (${result.leftOutRows} left out); window: ${describeWindow(result.window)}`,
  ];
  for (const t of result.types) {
    out.push('', `${t.type.name} (${t.type.kind}, by ${t.measureName})`);
    const header = ['Segment', 'Customers', '% customers', t.measureName, `% ${t.measureName}`, 'Profit', 'Average'];
    const rows = t.summary.map((r) => [
      r.segment,
      String(r.customers),
      show(r.customerShare, pct),
      show(r.measure, money),
      show(r.measureShare, pct),
      show(r.profit, money),
      show(r.averageMeasure, money),
    ]);
    out.push(...table([header, ...rows]));
  }
  return `${out.join('\n')}\n`;
}

function table(rows: string[][]): string[] {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(rows[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)];
}
