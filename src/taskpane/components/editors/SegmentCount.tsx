// "312 customers (39.3%)": a segment's count from the latest preview, beside its thresholds in the
// editor. Reads the preview feed, so only this line re-renders when a new preview arrives.
import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { useFedPreview } from '../../state/previewFeed';
import { useFormats } from '../../format';

const useStyles = makeStyles({
  count: { color: tokens.colorNeutralForeground2, fontVariantNumeric: 'tabular-nums' },
});

export function SegmentCount({ typeName, segment }: { typeName: string; segment: string }) {
  const styles = useStyles();
  const f = useFormats();
  const p = useFedPreview()?.preview;
  // Another type's preview (just after switching) or a segment renamed since: nothing rather than a wrong figure.
  const row = p && p.typeName === typeName ? p.rows.find((r) => r.segment === segment) : undefined;
  if (!row) return null;
  return (
    <Text size={200} className={styles.count} data-testid="segment-count" data-segment={segment}>
      {f.integer(row.customers)} customer{row.customers === 1 ? '' : 's'} ({f.percent(row.customerShare)}) in the preview
    </Text>
  );
}
