// The preview's counts, kept at the bottom of the pane while the full preview is off screen. In Excel
// the pane is about 320 px wide, so the preview sits under the editor, a screen or two below the
// sliders: without the dock a manager dragging a share would not see what it does.
import { Button, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { ArrowDown16Regular } from '@fluentui/react-icons';
import type { Preview } from '../worker/protocol';
import { useFormats } from '../format';

const useStyles = makeStyles({
  root: {
    position: 'sticky',
    // On top of the Apply footer (ApplyFooter writes its height; 0 where there is none).
    bottom: 'var(--tierwise-footer, 0px)',
    zIndex: 1,
    // Wide layout: across both columns of the step's grid.
    gridColumn: '1 / -1',
    // The title and the button on top, the counts across the whole width under them.
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    boxShadow: tokens.shadow4,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  // On screen beside the full preview it would say the same twice; hidden, it keeps its place, so the
  // page does not change height under the user's scroll.
  hidden: { visibility: 'hidden' },
  stale: { opacity: 0.6 },
  counts: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalM, rowGap: '2px', flexBasis: '100%', minWidth: 0, margin: 0, padding: 0, listStyleType: 'none' },
  item: { whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' },
  name: { fontWeight: tokens.fontWeightSemibold },
  share: { color: tokens.colorNeutralForeground3 },
  lead: { color: tokens.colorNeutralForeground3, whiteSpace: 'nowrap', flexGrow: 1 },
});

/** Segments listed in the dock at most (with more, one place says how many the preview has beyond). */
export const MAX_DOCKED = 6;

export interface PreviewDockProps {
  preview: Preview;
  /** The full preview's counts are on screen. */
  hidden: boolean;
  /** The draft has problems: the counts are those of its last valid state (dimmed, as the preview is). */
  stale: boolean;
  onShowPreview(): void;
}

export function PreviewDock({ preview: p, hidden, stale, onShowPreview }: PreviewDockProps) {
  const styles = useStyles();
  const f = useFormats();
  // RFM names a dozen segments: the dock shows the first ones and stays a strip, not a second preview.
  const shown = p.rows.length > MAX_DOCKED ? p.rows.slice(0, MAX_DOCKED - 1) : p.rows;
  const more = p.rows.length - shown.length;
  return (
    <div
      className={mergeClasses(styles.root, hidden && styles.hidden, stale && styles.stale)}
      role="region"
      aria-label={`Customers per segment of ${p.typeName}`}
      data-testid="preview-dock"
      data-hidden={hidden}
    >
      <span className={styles.lead} aria-hidden>
        Customers
      </span>
      <Button size="small" appearance="subtle" icon={<ArrowDown16Regular />} onClick={onShowPreview} aria-label={`Go to the preview of ${p.typeName}`} tabIndex={hidden ? -1 : undefined}>
        Preview
      </Button>
      <ul className={styles.counts}>
        {shown.map((r) => (
          <li key={r.segment} className={styles.item} data-segment={r.segment}>
            <span className={styles.name}>{r.segment}</span> {f.integer(r.customers)} <span className={styles.share}>{f.percent(r.customerShare)}</span>
          </li>
        ))}
        {more > 0 && (
          <li className={mergeClasses(styles.item, styles.share)} data-testid="dock-more">
            {more} more in the preview
          </li>
        )}
        {p.migration && (
          <li className={styles.item} data-testid="dock-moved">
            {f.integer(p.migration.moved)} would move
          </li>
        )}
      </ul>
    </div>
  );
}
