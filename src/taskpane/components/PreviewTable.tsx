// Per segment: customers, % customers, % of the measure, profit, in the user's locale.
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles } from '@fluentui/react-components';
import type { SummaryRow } from '../../engine/result';
import { useFormats } from '../format';

const useStyles = makeStyles({
  num: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
  table: { minWidth: 0, tableLayout: 'auto' },
});

export function PreviewTable({ rows, measureName, caption }: { rows: SummaryRow[]; measureName: string; caption: string }) {
  const styles = useStyles();
  const f = useFormats();
  return (
    <Table size="small" className={styles.table} aria-label={caption} data-testid="preview-table">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>Segment</TableHeaderCell>
          <TableHeaderCell className={styles.num}>Customers</TableHeaderCell>
          <TableHeaderCell className={styles.num}>% customers</TableHeaderCell>
          <TableHeaderCell className={styles.num}>% {measureName}</TableHeaderCell>
          <TableHeaderCell className={styles.num}>Profit</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((r) => (
          <TableRow key={r.segment} data-segment={r.segment}>
            <TableCell>{r.segment}</TableCell>
            <TableCell className={styles.num}>{f.integer(r.customers)}</TableCell>
            <TableCell className={styles.num}>{f.percent(r.customerShare)}</TableCell>
            <TableCell className={styles.num}>{f.percent(r.measureShare)}</TableCell>
            <TableCell className={styles.num}>{f.number(r.profit)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
