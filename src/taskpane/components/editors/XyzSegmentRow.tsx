// One XYZ segment: its name, the largest coefficient of variation it takes (the last segment takes every
// larger one, so it has no box), and the customers the preview puts in it.
import { Field, Input, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Issue } from '../../../engine/types';
import type { XyzSegment } from '../../../engine/xyz-schema';
import { issuesAt } from '../../state/validation';
import { fieldId } from '../../state/where';
import { fieldState } from '../FieldIssue';
import { NumberField } from '../NumberField';
import { ListControls, listLineStyle, listRowStyle } from './ListControls';
import { SegmentCount } from './SegmentCount';

const useStyles = makeStyles({
  row: listRowStyle,
  line: listLineStyle('flex-end'),
  grow: { flexGrow: 1, minWidth: '8em' },
  hint: { color: tokens.colorNeutralForeground3 },
});

export interface XyzSegmentRowProps {
  segment: XyzSegment;
  index: number;
  count: number;
  /** `segmentTypes[2].segments[1]` */
  path: string;
  issues: Issue[];
  /** The type's name, to read the counts of its own preview only. */
  typeName: string;
  onChange(next: XyzSegment): void;
  onMove(by: -1 | 1): void;
  onRemove(): void;
}

export function XyzSegmentRow({ segment, index, count, path, issues, typeName, onChange, onMove, onRemove }: XyzSegmentRowProps) {
  const styles = useStyles();
  const label = segment.name.trim() || `segment ${index + 1}`;
  const last = index === count - 1;
  return (
    <div className={styles.row} role="group" aria-label={`Segment ${label}`}>
      <div className={styles.line}>
        <Field className={styles.grow} label="Name" {...fieldState(issuesAt(issues, `${path}.name`))}>
          <Input id={fieldId(`${path}.name`)} value={segment.name} onChange={(_, d) => onChange({ ...segment, name: d.value })} />
        </Field>
        <ListControls name={label} index={index} count={count} onMove={onMove} onRemove={onRemove} />
      </div>
      {last && segment.maxCv === undefined ? (
        <Text size={200} className={styles.hint}>
          Takes every larger coefficient of variation.
        </Text>
      ) : (
        <NumberField
          id={fieldId(`${path}.maxCv`)}
          label={`${label}: largest CV (included)`}
          value={segment.maxCv}
          placeholder={last ? 'none: the last takes the rest' : 'required'}
          issues={issuesAt(issues, `${path}.maxCv`)}
          onChange={(maxCv) => {
            const next = { ...segment, maxCv };
            if (maxCv === undefined) delete next.maxCv;
            onChange(next);
          }}
        />
      )}
      <SegmentCount typeName={typeName} segment={segment.name} />
    </div>
  );
}
