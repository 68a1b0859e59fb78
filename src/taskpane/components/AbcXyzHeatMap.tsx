// The ABC-XYZ matrix in the preview (SEMANTICS.md 11): ABC segments down, XYZ segments across, each cell
// its customers and its share of the ABC measure, shaded white to green by that share as the summary
// sheet shades it (plan/heat-map.ts). A real table, so a screen reader reads it cell by cell; the
// colour only repeats the percent written in the cell.
import { makeStyles, tokens } from '@fluentui/react-components';
import type { AbcXyzMatrix } from '../../engine/xyz';
import { heatColor } from '../../plan/heat-map';
import { useFormats } from '../format';

const useStyles = makeStyles({
  scroll: { overflowX: 'auto', maxWidth: '100%' },
  table: { borderCollapse: 'collapse', fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  caption: { textAlign: 'left', paddingBottom: tokens.spacingVerticalXS, color: tokens.colorNeutralForeground2 },
  head: { fontWeight: tokens.fontWeightSemibold, padding: '2px 4px', textAlign: 'right', overflowWrap: 'anywhere' },
  rowHead: { fontWeight: tokens.fontWeightSemibold, padding: '2px 4px', textAlign: 'left', overflowWrap: 'anywhere' },
  cell: {
    padding: '2px 4px',
    textAlign: 'right',
    verticalAlign: 'top',
    fontVariantNumeric: 'tabular-nums',
    whiteSpace: 'nowrap',
    // The fills are white to mid green: dark text stays readable on all of them, in any theme.
    color: '#000000',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  share: { display: 'block', color: '#404040' },
});

export function AbcXyzHeatMap({ matrix }: { matrix: AbcXyzMatrix }) {
  const styles = useStyles();
  const f = useFormats();
  const shares = matrix.measureShare.flat();
  const min = Math.min(...shares);
  const max = Math.max(...shares);
  const caption = `${matrix.abcType} x ${matrix.xyzType}: customers, and % of ${matrix.measureName} (shaded)`;
  return (
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrollable region must be reachable by keyboard to scroll it (axe: scrollable-region-focusable); role="region" with a label names it
    <div className={styles.scroll} role="region" aria-label={caption} tabIndex={0}>
      <table className={styles.table} data-testid="abc-xyz-matrix">
        <caption className={styles.caption}>{caption}</caption>
        <thead>
          <tr>
            <td />
            {matrix.columns.map((c) => (
              <th key={c} scope="col" className={styles.head}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {matrix.rows.map((r, i) => (
            <tr key={r}>
              <th scope="row" className={styles.rowHead}>
                {r}
              </th>
              {matrix.columns.map((c, k) => {
                const fill = heatColor(matrix.measureShare[i][k], min, max);
                return (
                  <td key={c} className={styles.cell} style={{ backgroundColor: fill }} data-fill={fill}>
                    {f.integer(matrix.customers[i][k])}{' '}
                    <span className={styles.share}>{f.percent(matrix.measureShare[i][k])}</span>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
