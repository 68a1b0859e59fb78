// One ABC segment: its name, its share (slider and number box, one value), excluded and default; a
// default segment may also stand outside the ranking, without a share (SEMANTICS.md 3.7).
import { Field, Input, makeStyles, Slider, SpinButton, Switch, Text, tokens } from '@fluentui/react-components';
import { memo } from 'react';
import type { AbcSegment } from '../../../engine/abc-schema';
import type { Issue } from '../../../engine/types';
import { readTypedNumber, typedText, useFormats } from '../../format';
import { fieldState } from '../FieldIssue';
import { issuesAt } from '../../state/validation';
import { ListControls, listLineStyle, listRowStyle } from './ListControls';

const useStyles = makeStyles({
  row: listRowStyle,
  line: listLineStyle('flex-end'),
  grow: { flexGrow: 1, minWidth: '8em' },
  share: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalS },
  slider: { flexGrow: 1, minWidth: '6em' },
  spin: { width: '6.5em' },
  hint: { color: tokens.colorNeutralForeground2 },
});

export interface ShareRowProps {
  segment: AbcSegment;
  index: number;
  count: number;
  /** `segmentTypes[0].segments[1]` */
  path: string;
  issues: Issue[];
  measure: string;
  onChange(index: number, next: AbcSegment): void;
  /** A new share: the editor moves the difference to the other segments (setShare). */
  onShare(index: number, share: number): void;
  /** Excluded or not: the editor hands the share on (setExcluded). */
  onExclude(index: number, excluded: boolean): void;
  /** A default segment in the ranking (with a share) or outside it: the editor hands the share on (setRanked). */
  onRanked(index: number, ranked: boolean): void;
  onMove(index: number, by: -1 | 1): void;
  onRemove(index: number): void;
}

const sameIssues = (a: Issue[], b: Issue[]) => a.length === b.length && a.every((x, i) => x.where === b[i].where && x.message === b[i].message);

/**
 * Re-rendered only when its own segment or messages change: dragging the A|B line touches two
 * rows, not all of them. The callbacks take the index and must be stable (AbcEditor's are).
 */
export const ShareRow = memo(
  ShareRowView,
  (a, b) => a.segment === b.segment && a.index === b.index && a.count === b.count && a.path === b.path && a.measure === b.measure && sameIssues(a.issues, b.issues),
);

function ShareRowView({ segment, index, count, path, issues, measure, onChange: change, onShare, onExclude, onRanked, onMove: move, onRemove: remove }: ShareRowProps) {
  const onChange = (next: AbcSegment) => change(index, next);
  const onMove = (by: -1 | 1) => move(index, by);
  const onRemove = () => remove(index);
  const styles = useStyles();
  const { locale } = useFormats();
  const label = segment.name.trim() || `segment ${index + 1}`;
  const share = segment.share ?? 0;
  const unranked = segment.default === true && segment.share === undefined;
  const setShare = (v: number | undefined | null) => {
    if (v === undefined || v === null || !Number.isFinite(v)) return;
    onShare(index, v);
  };
  return (
    <div className={styles.row} role="group" aria-label={`Segment ${label}`}>
      <div className={styles.line}>
        <Field className={styles.grow} label="Name" {...fieldState(issuesAt(issues, `${path}.name`))}>
          <Input value={segment.name} onChange={(_, d) => onChange({ ...segment, name: d.value })} />
        </Field>
        <ListControls noun="segment" name={label} index={index} count={count} onMove={onMove} onRemove={onRemove} />
      </div>
      {unranked ? (
        <Text size={200} className={styles.hint}>
          Not ranked: {label} takes only the customers without sales in the period (and those under the minimum).
        </Text>
      ) : (
        <Field label={`Share of ${measure} for ${label} (%)`} {...fieldState(issuesAt(issues, `${path}.share`))}>
          <div className={styles.share}>
            <Slider
              className={styles.slider}
              min={0}
              max={100}
              value={share}
              disabled={segment.exclude === true}
              aria-valuetext={`${typedText(share, locale)} %`}
              onChange={(_, d) => setShare(d.value)}
            />
            <SpinButton
              className={styles.spin}
              aria-label={`Share of ${label}, percent`}
              min={0}
              max={100}
              step={1}
              value={share}
              displayValue={typedText(share, locale)}
              disabled={segment.exclude === true}
              onChange={(_, d) => setShare(d.value ?? (d.displayValue !== undefined ? readTypedNumber(d.displayValue, locale) : undefined))}
            />
          </div>
        </Field>
      )}
      <div className={styles.line}>
        <Switch
          label="Excluded (manual assignment only)"
          checked={segment.exclude === true}
          onChange={(_, d) => onExclude(index, d.checked)}
        />
        <Field {...fieldState(issuesAt(issues, `${path}.default`))}>
          <Switch
            label="Default (customers without sales in the window)"
            checked={segment.default === true}
            // A segment that is no longer the default must be ranked again: it starts at a share of 0.
            onChange={(_, d) => onChange({ ...segment, default: d.checked || undefined, share: !d.checked && segment.share === undefined ? 0 : segment.share })}
          />
        </Field>
        {segment.default === true && !segment.exclude && (
          <Switch label="Also ranked by share" checked={!unranked} onChange={(_, d) => onRanked(index, d.checked)} />
        )}
      </div>
    </div>
  );
}
