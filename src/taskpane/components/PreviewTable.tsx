// Per segment: customers, % customers, % of the measure, profit, in the user's locale.
import { tokens, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles, mergeClasses } from '@fluentui/react-components';
import type { SummaryRow } from '../../engine/result';
import { useFormats } from '../format';

const useStyles = makeStyles({
  // At 320 px the five columns are tight: cells hug their content and the block scrolls sideways
  // on its own rather than pushing the pane wider.
  scroll: { overflowX: 'auto', maxWidth: '100%' },
  num: { textAlign: 'right', fontVariantNumeric: 'tabular-nums', paddingLeft: '3px', paddingRight: '3px' },
  cell: { paddingLeft: '3px', paddingRight: '3px' },
  head: { whiteSpace: 'normal', lineHeight: tokens.lineHeightBase200 },
  table: { minWidth: 0, tableLayout: 'auto', width: '100%', fontSize: tokens.fontSizeBase200 },
});

export function PreviewTable({ rows, measureName, caption }: { rows: SummaryRow[]; measureName: string; caption: string }) {
  const styles = useStyles();
  const f = useFormats();
  return (
    <div className={styles.scroll} role="region" aria-label={caption} tabIndex={0}>
      <Table size="small" className={styles.table} aria-label={caption} data-testid="preview-table">
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={styles.cell}>Segment</TableHeaderCell>
            <TableHeaderCell className={mergeClasses(styles.num, styles.head)}>Customers</TableHeaderCell>
            <TableHeaderCell className={mergeClasses(styles.num, styles.head)}>% customers</TableHeaderCell>
            <TableHeaderCell className={mergeClasses(styles.num, styles.head)}>% {measureName}</TableHeaderCell>
            <TableHeaderCell className={mergeClasses(styles.num, styles.head)}>Profit</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((r) => (
            <TableRow key={r.segment} data-segment={r.segment}>
              <TableCell className={styles.cell}>{r.segment}</TableCell>
              <TableCell className={styles.num}>{f.integer(r.customers)}</TableCell>
              <TableCell className={styles.num}>{f.percent(r.customerShare)}</TableCell>
              <TableCell className={styles.num}>{f.percent(r.measureShare)}</TableCell>
              <TableCell className={styles.num}>{f.integer(r.profit)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
