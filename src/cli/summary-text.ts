// A readable summary for the terminal: one table per segment type.
import { companionMeasure, type EngineResult } from '../engine/result';
import { runAccount } from './common';
import { summaryHeader } from '../plan/planner';

const money = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
// A state of mind is between 0 and 1: money's whole numbers would show 0 or 1.
const fraction = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const pct = new Intl.NumberFormat('en-US', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });

const show = (v: number, f: Intl.NumberFormat) => (Number.isFinite(v) ? f.format(v) : '-');
/** Counts with thousands separators, as the money columns beside them. */
const int = (v: number) => show(v, money);

export function formatSummary(result: EngineResult): string {
  const out: string[] = [
    `Tierwise: ${runAccount(result)}`,
  ];
  for (const t of result.types) {
    out.push('', `${t.type.name} (${t.type.kind}, by ${t.measureName})`);
    const measureFormat = t.measureName === 'state of mind' ? fraction : money;
    // Headed as the workbook's summary heads them: `Sales`, `% sales`, `Average sales`.
    const companion = companionMeasure(t.measureName);
    const header = summaryHeader(t.measureName);
    const rows = t.summary.map((r) => [
      r.segment,
      int(r.customers),
      show(r.customerShare, pct),
      show(r.measure, measureFormat),
      show(r.measureShare, pct),
      show(r[companion], money),
      show(r.averageMeasure, measureFormat),
    ]);
    out.push(...table([header, ...rows]));
    if (t.rewardsSummary?.length) {
      out.push('', 'Rewards available');
      out.push(...table([['Reward', 'Customers', 'Times'], ...t.rewardsSummary.map((r) => [r.reward, int(r.customers), int(r.times)])]));
    }
    if (t.rfmGrid) {
      const n = t.rfmGrid.length;
      // Most recent first, as the heat map reads: R5 at the top, F1 on the left.
      out.push('', 'Customers by recency (rows) and frequency (columns)');
      const rows = t.rfmGrid.map((cells, r) => [`R${r + 1}`, ...cells.map(int)]).reverse();
      out.push(...table([['', ...Array.from({ length: n }, (_, f) => `F${f + 1}`)], ...rows]));
    }
    if (t.abcXyz) {
      const m = t.abcXyz;
      out.push('', `ABC-XYZ matrix: customers (% of customers) and % of ${m.measureName}, ${m.abcType} segments (rows) by ${t.type.name} segments (columns)`);
      const cell = (i: number, j: number) => `${int(m.customers[i][j])} (${show(m.customerShare[i][j], pct)}) ${show(m.measureShare[i][j], pct)}`;
      out.push(...table([['', ...m.columns], ...m.rows.map((r, i) => [r, ...m.columns.map((_, j) => cell(i, j))])]));
    }
    if (t.visitCompliance?.length) {
      out.push('', 'Visit compliance');
      out.push(
        ...table([
          ['Segment', 'Every (days)', 'Customers', 'Visited in time', '%'],
          ...t.visitCompliance.map((v) => [v.segment, int(v.visitEveryDays), int(v.customers), int(v.visitedInTime), show(v.share, pct)]),
        ]),
      );
    }
  }
  return `${out.join('\n')}\n`;
}

function table(rows: string[][]): string[] {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(rows[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)];
}
