// One row of the RFM segment grid: the segment's name, its R, F and M score ranges as from/to lists of
// the scores 1..n (a range over every score is no range: any score), its live customer count, and what
// is wrong with it in plain words under the fields it concerns.
import { Field, Input, Select, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { memo } from 'react';
import type { RfmSegment } from '../../../engine/rfm-schema';
import { SCORE_LETTERS, type ScoreLetter } from '../../../engine/rfm-table';
import type { Issue } from '../../../engine/types';
import { useFormats } from '../../format';
import { issuesAt, issuesUnder } from '../../state/validation';
import { fieldId } from '../../state/where';
import { fieldState } from '../FieldIssue';
import { ListControls, listLineStyle, listRowStyle } from './ListControls';

const useStyles = makeStyles({
  row: listRowStyle,
  line: listLineStyle('flex-start'),
  grow: { flexGrow: 1, flexBasis: '8em', minWidth: 0 },
  // R, F and M side by side when there is room, one under the other in a 320 px pane.
  ranges: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalXS },
  range: { display: 'flex', flexDirection: 'column', rowGap: '2px', minWidth: 0 },
  pair: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalXS },
  letter: { fontWeight: tokens.fontWeightSemibold, minWidth: '1.2em' },
  select: { width: '3.75em', minWidth: 0 },
  error: { color: tokens.colorPaletteRedForeground1, maxWidth: '16em' },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  count: { color: tokens.colorNeutralForeground2, fontVariantNumeric: 'tabular-nums' },
  stale: { opacity: 0.6 },
});

export interface RfmSegmentRowProps {
  segment: RfmSegment;
  index: number;
  count: number;
  scores: number;
  /** `segmentTypes[2].segments[7]` */
  path: string;
  issues: Issue[];
  /** Customers in the segment in the latest preview (undefined: no preview yet). */
  customers?: { count: number; share: number; stale: boolean };
  /** The segments above take every score cell of this one (first match wins). */
  shadowed: boolean;
  /** These take the row's index and must be stable (RfmEditor's are): a row renders again only when its own props change. */
  onChange(index: number, next: RfmSegment): void;
  onMove(index: number, by: -1 | 1): void;
  onRemove(index: number): void;
}

/** The segment with `letter`'s range set; a range over every score is stored as none (any score). */
export function withRange(segment: RfmSegment, letter: ScoreLetter, range: [number, number], scores: number): RfmSegment {
  const next = { ...segment };
  if (range[0] === 1 && range[1] === scores) delete next[letter];
  else next[letter] = range;
  return next;
}

const sameIssues = (a: Issue[], b: Issue[]) => a.length === b.length && a.every((x, i) => x.where === b[i].where && x.message === b[i].message);
const sameCustomers = (a: RfmSegmentRowProps['customers'], b: RfmSegmentRowProps['customers']) =>
  a === b || (a !== undefined && b !== undefined && a.count === b.count && a.share === b.share && a.stale === b.stale);

/**
 * Re-rendered only when its own segment, count or messages change: an edit or a new preview result
 * touches one or two of the eleven rows, not all of them.
 */
export const RfmSegmentRow = memo(
  RfmSegmentRowView,
  (a, b) =>
    a.segment === b.segment &&
    a.index === b.index &&
    a.count === b.count &&
    a.scores === b.scores &&
    a.path === b.path &&
    a.shadowed === b.shadowed &&
    sameCustomers(a.customers, b.customers) &&
    sameIssues(a.issues, b.issues),
);

function RfmSegmentRowView({ segment, index, count, scores, path, issues, customers, shadowed, onChange: change, onMove: move, onRemove: remove }: RfmSegmentRowProps) {
  const onChange = (next: RfmSegment) => change(index, next);
  const onMove = (by: -1 | 1) => move(index, by);
  const onRemove = () => remove(index);
  const styles = useStyles();
  const f = useFormats();
  const label = segment.name.trim() || `segment ${index + 1}`;
  // The schema allows 2 to 9 scores; a number outside them (typed in the JSON) has its own message.
  const choices = Array.from({ length: Number.isInteger(scores) ? Math.min(Math.max(scores, 1), 9) : 9 }, (_, i) => i + 1);
  const countId = `${fieldId(path)}-count`;
  return (
    <div className={styles.row} role="group" aria-label={`Segment ${label}`} data-testid="rfm-segment">
      <div className={styles.line}>
        <Field className={styles.grow} label="Name" {...fieldState(issuesAt(issues, `${path}.name`))}>
          <Input id={fieldId(`${path}.name`)} value={segment.name} aria-describedby={countId} onChange={(_, d) => onChange({ ...segment, name: d.value })} />
        </Field>
        <ListControls name={label} index={index} count={count} onMove={onMove} onRemove={onRemove} />
      </div>
      <div className={styles.ranges}>
        {SCORE_LETTERS.map((k) => {
          const letter = k.toUpperCase();
          // No range: any score. A range that is no pair of numbers (typed in the JSON) shows as any score, with the schema's message.
          const given = segment[k];
          const range = Array.isArray(given) && given.length === 2 && given.every(Number.isFinite) ? given : [1, scores];
          const own = issuesUnder(issues, `${path}.${k}`);
          const messageId = `${fieldId(`${path}.${k}`)}-message`;
          const set = (end: 0 | 1, v: number) => onChange(withRange(segment, k, end === 0 ? [v, range[1]] : [range[0], v], scores));
          return (
            <div key={k} className={styles.range}>
              <div className={styles.pair}>
                <Text className={styles.letter} aria-hidden>
                  {letter}
                </Text>
                {([0, 1] as const).map((end) => (
                  <span key={end} className={styles.pair}>
                    {end === 1 && <Text aria-hidden>to</Text>}
                    <Select
                      id={fieldId(`${path}.${k}[${end}]`)}
                      className={styles.select}
                      size="small"
                      aria-label={`${label}: ${letter} ${end === 0 ? 'from' : 'to'}`}
                      aria-invalid={own.length > 0 || undefined}
                      aria-describedby={own.length > 0 ? messageId : undefined}
                      value={String(range[end])}
                      onChange={(_, d) => set(end, Number(d.value))}
                    >
                      {/* A bound outside 1..n (typed in the JSON) stays visible until it is fixed. */}
                      {(choices.includes(range[end]) ? choices : [...choices, range[end]]).map((v) => (
                        <option key={v} value={v}>
                          {v}
                        </option>
                      ))}
                    </Select>
                  </span>
                ))}
              </div>
              {own.length > 0 && (
                <Text id={messageId} size={200} className={styles.error} role="alert">
                  {[...new Set(own.map((i) => i.message))].join(' ')}
                </Text>
              )}
            </div>
          );
        })}
      </div>
      <Text id={countId} size={200} className={mergeClasses(styles.count, customers?.stale && styles.stale)} data-testid="rfm-segment-count">
        {customers ? `${f.integer(customers.count)} ${customers.count === 1 ? 'customer' : 'customers'} (${f.percent(customers.share)})` : ''}
      </Text>
      {shadowed && (
        <Text size={200} className={styles.warning}>
          {label} can never match: the segments above it take every score it covers (the first segment that matches wins). Move it up or narrow the segments above.
        </Text>
      )}
    </div>
  );
}
