// Per segment: customers, % customers, % of the measure, profit, in the user's locale.
import type { SummaryRow } from '../../engine/result';
import { useFormats } from '../format';
import { SegmentTable } from './SegmentTable';

export function PreviewTable({ rows, measureName, caption, colors = {} }: { rows: SummaryRow[]; measureName: string; caption: string; colors?: Record<string, string> }) {
  const f = useFormats();
  return (
    <SegmentTable
      caption={caption}
      testId="preview-table"
      headers={['Customers', '% customers', `% ${measureName}`, 'Profit']}
      rows={rows.map((r) => ({ segment: r.segment, color: colors[r.segment], figures: [f.integer(r.customers), f.percent(r.customerShare), f.percent(r.measureShare), f.integer(r.profit)] }))}
    />
  );
}
