// The RFM recency x frequency grid as a small heat map: a real table (row and column headers, a
// caption, the counts as text), so a screen reader reads it cell by cell; the colour only repeats
// what the number says. Same layout and colours as the summary sheet's heat map.
import { makeStyles, tokens } from '@fluentui/react-components';
import { heatColor, heatRows } from '../../plan/heat-map';
import { useFormats } from '../format';

const useStyles = makeStyles({
  scroll: { overflowX: 'auto', maxWidth: '100%' },
  table: { borderCollapse: 'collapse', fontSize: tokens.fontSizeBase200 },
  caption: { textAlign: 'left', paddingBottom: tokens.spacingVerticalXS, color: tokens.colorNeutralForeground2 },
  head: { fontWeight: tokens.fontWeightSemibold, padding: '2px 6px', whiteSpace: 'nowrap' },
  cell: {
    minWidth: '36px',
    padding: '2px 6px',
    textAlign: 'right',
    fontVariantNumeric: 'tabular-nums',
    // The fills are light to mid green: dark text stays readable on all of them, in any theme.
    color: '#000000',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
  },
});

export function RfmHeatMap({ grid, typeName }: { grid: readonly (readonly number[])[]; typeName: string }) {
  const styles = useStyles();
  const f = useFormats();
  const n = grid.length;
  if (n === 0) return null;
  const all = grid.flat();
  const min = Math.min(...all);
  const max = Math.max(...all);
  const caption = `${typeName}: customers by recency (rows, R ${n} = most recent) and frequency (columns, F ${n} = most orders)`;
  return (
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrollable region must be reachable by keyboard to scroll it (axe: scrollable-region-focusable); role="region" with a label names it
    <div className={styles.scroll} role="region" aria-label={caption} tabIndex={0}>
      <table className={styles.table} data-testid="rfm-heat-map">
        <caption className={styles.caption}>{caption}</caption>
        <thead>
          <tr>
            <td />
            {grid.map((_, i) => (
              <th key={i} scope="col" className={styles.head}>
                F {i + 1}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {heatRows(grid).map((row) => (
            <tr key={row.recency}>
              <th scope="row" className={styles.head}>
                R {row.recency}
              </th>
              {row.counts.map((count, i) => (
                <td key={i} className={styles.cell} style={{ backgroundColor: heatColor(count, min, max) }} data-fill={heatColor(count, min, max)}>
                  {f.integer(count)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
