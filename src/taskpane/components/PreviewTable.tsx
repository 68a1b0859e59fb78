// Per segment: customers and the shares of customers and of the measure, profit, the money (net sales)
// and the average per customer, with a total row, in the user's locale.
import type { SummaryRow } from '../../engine/result';
import { useFormats } from '../format';
import { SegmentTable } from './SegmentTable';

export interface PreviewTableProps {
  rows: SummaryRow[];
  measureName: string;
  caption: string;
  colors?: Record<string, string>;
}

export function PreviewTable({ rows, measureName, caption, colors = {} }: PreviewTableProps) {
  const f = useFormats();
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
        figures: [f.integer(r.customers), f.percent(r.customerShare), f.percent(r.measureShare), f.integer(r.profit), f.integer(r.sales), f.integer(r.averageMeasure)],
      }))}
      total={{
        label: 'Total',
        figures: [f.integer(customers), f.percent(customers > 0 ? 1 : 0), f.percent(measure !== 0 ? 1 : 0), f.integer(profit), f.integer(sales), f.integer(customers > 0 ? measure / customers : 0)],
      }}
    />
  );
}
