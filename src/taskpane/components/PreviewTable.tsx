// Per segment: customers and the shares of customers and of the measure, profit, the money (net sales)
// and the average per customer, with a total row, in the user's locale.
import { memo } from 'react';
import type { SummaryRow } from '../../engine/result';
import { moneyText, useFormats } from '../format';
import { SegmentTable } from './SegmentTable';

export interface PreviewTableProps {
  rows: SummaryRow[];
  measureName: string;
  /** The sales column's Excel format (money-format.ts): amounts in its currency; grouped whole units without one. */
  moneyFormat?: string;
  caption: string;
  colors?: Record<string, string>;
}

/**
 * Memoized: a drag renders the preview twice, once as the thresholds move (same rows) and once when
 * the engine's counts arrive; the first needs no new table.
 */
export const PreviewTable = memo(function PreviewTable({ rows, measureName, moneyFormat, caption, colors = {} }: PreviewTableProps) {
  const f = useFormats();
  // Whole units: a 320 px pane has no room for cents; the currency is the workbook's own.
  const money = (n: number) => moneyText(n, f.locale, moneyFormat, 0);
  const average = measureName === 'sales' || measureName === 'profit' ? money : f.integer;
  // The first columns read as they always did; the money follows: net sales of the segment and the
  // average per customer of the measure ("% sales" alone never said of what).
  const customers = rows.reduce((s, r) => s + r.customers, 0);
  const measure = rows.reduce((s, r) => s + r.measure, 0);
  const profit = rows.reduce((s, r) => s + r.profit, 0);
  const sales = rows.reduce((s, r) => s + r.sales, 0);
  return (
    <SegmentTable
      caption={caption}
      testId="preview-table"
      headers={['Customers', '% of customers', `% of ${measureName}`, 'Profit', 'Sales', `Average ${measureName}`]}
      rows={rows.map((r) => ({
        segment: r.segment,
        color: colors[r.segment],
        figures: [f.integer(r.customers), f.percent(r.customerShare), f.percent(r.measureShare), money(r.profit), money(r.sales), average(r.averageMeasure)],
      }))}
      total={{
        label: 'Total',
        figures: [f.integer(customers), f.percent(customers > 0 ? 1 : 0), f.percent(measure !== 0 ? 1 : 0), money(profit), money(sales), average(customers > 0 ? measure / customers : 0)],
      }}
    />
  );
});
