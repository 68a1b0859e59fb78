// Visit planning in the preview: per segment with a visit frequency, the customers visited in time.
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { VisitCompliance } from '../../engine/result';
import { useFormats } from '../format';

const useStyles = makeStyles({
  scroll: { overflowX: 'auto', maxWidth: '100%', marginTop: tokens.spacingVerticalS },
  num: { textAlign: 'right', fontVariantNumeric: 'tabular-nums', paddingLeft: '3px', paddingRight: '3px' },
  cell: { paddingLeft: '3px', paddingRight: '3px' },
  head: { whiteSpace: 'normal', lineHeight: tokens.lineHeightBase200 },
  table: { minWidth: 0, tableLayout: 'auto', width: '100%', fontSize: tokens.fontSizeBase200 },
});

export function VisitComplianceTable({ rows, typeName }: { rows: VisitCompliance[]; typeName: string }) {
  const styles = useStyles();
  const f = useFormats();
  const caption = `Visit compliance of ${typeName}`;
  return (
    <div className={styles.scroll} role="region" aria-label={caption} tabIndex={0}>
      <Table size="small" className={styles.table} aria-label={caption} data-testid="visit-compliance">
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={styles.cell}>Segment</TableHeaderCell>
            <TableHeaderCell className={mergeClasses(styles.num, styles.head)}>Visit every (days)</TableHeaderCell>
            <TableHeaderCell className={mergeClasses(styles.num, styles.head)}>Visited in time</TableHeaderCell>
            <TableHeaderCell className={mergeClasses(styles.num, styles.head)}>Compliance</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((r) => (
            <TableRow key={r.segment}>
              <TableCell className={styles.cell}>{r.segment}</TableCell>
              <TableCell className={styles.num}>{f.integer(r.visitEveryDays)}</TableCell>
              <TableCell className={styles.num}>
                {f.integer(r.visitedInTime)} of {f.integer(r.customers)}
              </TableCell>
              <TableCell className={styles.num}>{f.percent(r.share)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
