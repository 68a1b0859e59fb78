// Visit planning in the preview: per segment with a visit frequency, the customers visited in time.
import { makeStyles, tokens } from '@fluentui/react-components';
import type { VisitCompliance } from '../../engine/result';
import { useFormats } from '../format';
import { SegmentTable } from './SegmentTable';

const useStyles = makeStyles({ below: { marginTop: tokens.spacingVerticalS } });

export function VisitComplianceTable({ rows, typeName }: { rows: VisitCompliance[]; typeName: string }) {
  const styles = useStyles();
  const f = useFormats();
  return (
    <SegmentTable
      caption={`Visit compliance of ${typeName}`}
      testId="visit-compliance"
      className={styles.below}
      headers={['Visit every (days)', 'Visited in time', 'Compliance']}
      rows={rows.map((r) => ({ segment: r.segment, figures: [f.integer(r.visitEveryDays), `${f.integer(r.visitedInTime)} of ${f.integer(r.customers)}`, f.percent(r.share)] }))}
    />
  );
}
