// One sheet of the playground's workbook as a plain grid: Excel's column letters and row numbers,
// the first rows only (a sheet can hold a million).
import { Link, Text, makeStyles, tokens } from '@fluentui/react-components';
import { columnLetter } from '../../engine/address';
import type { Cell } from '../../engine/types';
import { isMoneyFormat } from '../../engine/money-format';
import { moneyText, useFormats, type Formats } from '../format';

export const GRID_ROWS = 60;

const useStyles = makeStyles({
  wrap: { overflow: 'auto', maxHeight: '70vh', border: `1px solid ${tokens.colorNeutralStroke1}` },
  table: { borderCollapse: 'collapse', fontSize: tokens.fontSizeBase200, fontVariantNumeric: 'tabular-nums' },
  head: { position: 'sticky', top: 0, backgroundColor: tokens.colorNeutralBackground3, color: tokens.colorNeutralForeground2, fontWeight: tokens.fontWeightRegular, padding: '2px 6px', border: `1px solid ${tokens.colorNeutralStroke2}` },
  rowHead: { backgroundColor: tokens.colorNeutralBackground3, color: tokens.colorNeutralForeground2, padding: '2px 6px', border: `1px solid ${tokens.colorNeutralStroke2}`, textAlign: 'right' },
  cell: { padding: '2px 6px', border: `1px solid ${tokens.colorNeutralStroke2}`, whiteSpace: 'nowrap', maxWidth: '18em', overflow: 'hidden', textOverflow: 'ellipsis' },
  num: { textAlign: 'right' },
  // Read by screen readers, not shown: Excel's corner cell is blank too.
  hidden: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clipPath: 'inset(50%)', whiteSpace: 'nowrap' },
  selected: { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: '-2px' },
});

/** A cell as Excel would show it with the number format Tierwise gave it (percent, grouped, date). */
export function shownValue(v: Cell, format: string | undefined, f: Formats): string {
  if (v === null || v === undefined) return '';
  if (typeof v !== 'number' || format === undefined || format === '@') return String(v);
  if (format.endsWith('%')) return f.percent(v);
  if (format === '#,##0') return f.integer(v);
  if (format === '#,##0.00') return f.number(v);
  if (format === 'yyyy-mm-dd') return new Date(Date.UTC(1899, 11, 30) + v * 86_400_000).toISOString().slice(0, 10);
  if (isMoneyFormat(format)) return moneyText(v, f.locale, format);
  return String(v);
}

export interface SheetGridProps {
  name: string;
  /** The first rows (up to GRID_ROWS). */
  values: Cell[][];
  /** How many rows the sheet has in all. */
  rowCount: number;
  /** `r,c` -> number format (the memory sheet's formats). */
  formats?: Map<string, string>;
  selected?: { row: number; column: number };
  /** `r,c` -> where the cell links to (the memory sheet's links); a click follows it, as in Excel. */
  links?: Map<string, string>;
  /** `r,c` -> the fill its conditional formats give the cell (shownFills): a segment's colour, a heat map's. */
  fills?: Map<string, string>;
  onFollow?(target: string): void;
}

export function SheetGrid({ name, values, rowCount, formats, selected, links, fills, onFollow }: SheetGridProps) {
  const styles = useStyles();
  const f = useFormats();
  const width = values.reduce((w, r) => Math.max(w, r?.length ?? 0), 0);
  // Sheets are sparse: an empty row is a hole in the array, and must still take its line.
  const shown = Array.from(values.slice(0, GRID_ROWS), (r) => r ?? []);
  const link = (r: number, c: number, text: string) => {
    const target = links?.get(`${r},${c}`);
    return target && onFollow ? (
      <Link onClick={() => onFollow(target)} title={`Go to ${target}`}>
        {text}
      </Link>
    ) : (
      text
    );
  };
  return (
    <div>
      <Text size={200} as="p">
        {rowCount > values.length ? `The first ${f.integer(values.length)} of ${f.integer(rowCount)} rows.` : `${f.integer(rowCount)} rows.`}
      </Text>
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrollable region must be reachable by keyboard to scroll it (axe: scrollable-region-focusable); role="region" with a label names it */}
      <div className={styles.wrap} tabIndex={0} role="region" aria-label={`Sheet ${name}`}>
        <table className={styles.table} data-sheet={name}>
          <thead>
            <tr>
              {/* Text, not only a label: a header cell must have content a screen reader reads (axe: empty-table-header). */}
              <th scope="col" className={styles.head}>
                <span className={styles.hidden}>Row</span>
              </th>
              {Array.from({ length: width }, (_, c) => (
                <th key={c} scope="col" className={styles.head}>
                  {columnLetter(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((row, r) => (
              <tr key={r}>
                <th scope="row" className={styles.rowHead}>
                  {r + 1}
                </th>
                {Array.from({ length: width }, (_, c) => {
                  const v = row[c];
                  const isSel = selected?.row === r && selected.column === c;
                  const fill = fills?.get(`${r},${c}`);
                  return (
                    <td
                      key={c}
                      className={`${styles.cell} ${typeof v === 'number' ? styles.num : ''} ${isSel ? styles.selected : ''}`}
                      // The fills are light, as Excel's: black text on them in either theme.
                      style={fill ? { backgroundColor: fill, color: '#000000' } : undefined}
                      data-value={v === null || v === undefined ? '' : String(v)}
                      data-fill={fill}
                    >
                      {link(r, c, shownValue(v, formats?.get(`${r},${c}`), f))}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
