// A small table with one row per segment: the segment's name, then right-aligned figures. The preview's
// summary, the visit compliance and the migration use it, so they read alike and fit the 320 px pane alike.
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  // At 320 px the columns are tight: cells hug their content and the block scrolls sideways on its own
  // rather than pushing the pane wider.
  scroll: { overflowX: 'auto', maxWidth: '100%' },
  num: { textAlign: 'right', fontVariantNumeric: 'tabular-nums', paddingLeft: '3px', paddingRight: '3px' },
  cell: { paddingLeft: '3px', paddingRight: '3px' },
  head: { whiteSpace: 'normal', lineHeight: tokens.lineHeightBase200 },
  // The segment's colour as the written sheets fill it; a border keeps a light fill visible on white.
  swatch: { display: 'inline-block', width: '0.75em', height: '0.75em', marginRight: '4px', verticalAlign: 'baseline', border: `1px solid ${tokens.colorNeutralStroke1}`, borderRadius: '2px' },
  total: { fontWeight: tokens.fontWeightSemibold, borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}` },
  table: { minWidth: 0, tableLayout: 'auto', width: '100%', fontSize: tokens.fontSizeBase200 },
});

export interface SegmentTableProps {
  caption: string;
  testId: string;
  /** Headers of the figure columns. */
  headers: readonly string[];
  /** Header of the first column, the row labels ("Segment" unless said otherwise). */
  firstHeader?: string;
  rows: readonly { segment: string; figures: readonly ReactNode[]; color?: string }[];
  className?: string;
  /** A last row under the segments (totals), set apart from them. */
  total?: { label: string; figures: readonly ReactNode[] };
}

export function SegmentTable({ caption, testId, headers, rows, className, total, firstHeader = 'Segment' }: SegmentTableProps) {
  const styles = useStyles();
  return (
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrollable region must be reachable by keyboard to scroll it (axe: scrollable-region-focusable); role="region" with a label names it
    <div className={mergeClasses(styles.scroll, className)} role="region" aria-label={caption} tabIndex={0}>
      <Table size="small" className={styles.table} aria-label={caption} data-testid={testId}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={styles.cell}>{firstHeader}</TableHeaderCell>
            {headers.map((h, i) => (
              // Columns never move, so their place is their key.
              <TableHeaderCell key={i} className={mergeClasses(styles.num, styles.head)}>
                {h}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((r) => (
            <TableRow key={r.segment} data-segment={r.segment}>
              <TableCell className={styles.cell}>
                {r.color && <span className={styles.swatch} style={{ backgroundColor: r.color }} aria-hidden="true" data-color={r.color} />}
                {r.segment}
              </TableCell>
              {r.figures.map((v, i) => (
                <TableCell key={i} className={styles.num}>
                  {v}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
        {total && (
          <tfoot>
            <TableRow className={styles.total} data-testid={`${testId}-total`}>
              <TableCell className={styles.cell}>{total.label}</TableCell>
              {total.figures.map((v, i) => (
                <TableCell key={i} className={styles.num}>
                  {v}
                </TableCell>
              ))}
            </TableRow>
          </tfoot>
        )}
      </Table>
    </div>
  );
}
