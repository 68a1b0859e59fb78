// In the preview, when the workbook has a previous run of the type: how many customers would change
// segment if applied now, and from where to where (the matrix the summary sheet writes after Apply).
import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { memo, useDeferredValue } from 'react';
import type { Preview } from '../worker/protocol';
import { useFormats } from '../format';
import { SegmentTable } from './SegmentTable';

const useStyles = makeStyles({ root: { marginTop: tokens.spacingVerticalS, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS } });

type Props = { migration: NonNullable<Preview['migration']>; typeName: string };

/**
 * Deferred: a drag's first feedback is the segment table and the curve, due within a frame at 50,000
 * customers; the matrix follows in a render React may put off (it took a drag from 9 to 16 ms).
 */
export function MigrationTable({ migration, typeName }: Props) {
  return <MigrationView migration={useDeferredValue(migration)} typeName={typeName} />;
}

const MigrationView = memo(function MigrationView({ migration: m, typeName }: Props) {
  const styles = useStyles();
  const f = useFormats();
  // The pane is narrow: rows and the (none) and (gone) columns with nobody in them are left out; today's segments always show.
  const rows = m.from.map((label, i) => ({ label, counts: m.counts[i] })).filter((r) => r.counts.some((n) => n > 0));
  const segments = m.to.length - 2; // today's segments, then (none) and (gone)
  const columns = m.to.map((_, j) => j).filter((j) => j < segments || rows.some((r) => r.counts[j] > 0));
  return (
    <div className={styles.root}>
      <Text as="p" size={200} data-testid="migration-summary">
        Since the last run ({f.dateTime(m.since)}): {f.integer(m.moved)} {m.moved === 1 ? 'customer' : 'customers'} would change segment.
      </Text>
      <SegmentTable
        caption={`Migration of ${typeName} since the last run`}
        testId="migration"
        firstHeader="Before \ now"
        headers={columns.map((j) => m.to[j])}
        rows={rows.map((r) => ({ segment: r.label, figures: columns.map((j) => f.integer(r.counts[j])) }))}
      />
    </div>
  );
});
