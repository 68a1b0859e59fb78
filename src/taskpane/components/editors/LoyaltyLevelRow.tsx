// One loyalty level: name, the points earned that reach it, an optional discount (percent).
import { Field, Input, makeStyles } from '@fluentui/react-components';
import type { LoyaltyLevel } from '../../../engine/loyalty-schema';
import type { Issue } from '../../../engine/types';
import { issuesAt } from '../../state/validation';
import { fieldState } from '../FieldIssue';
import { NumberField } from '../NumberField';
import { ListControls, listLineStyle, listRowStyle } from './ListControls';

const useStyles = makeStyles({
  row: listRowStyle,
  line: listLineStyle('flex-start'),
  grow: { flexGrow: 1, flexBasis: '7em', minWidth: '7em' },
  // The two numbers stack below about 400 px.
  pair: { flexGrow: 1, flexBasis: '7em', minWidth: 0, '@media (max-width: 400px)': { flexBasis: '100%' } },
});

export interface LoyaltyLevelRowProps {
  level: LoyaltyLevel;
  index: number;
  count: number;
  path: string;
  issues: Issue[];
  onChange(next: LoyaltyLevel): void;
  onMove(by: -1 | 1): void;
  onRemove(): void;
}

export function LoyaltyLevelRow({ level, index, count, path, issues, onChange, onMove, onRemove }: LoyaltyLevelRowProps) {
  const styles = useStyles();
  const label = level.name.trim() || `level ${index + 1}`;
  return (
    <div className={styles.row} role="group" aria-label={`Level ${label}`}>
      <div className={styles.line}>
        <Field className={styles.grow} label="Name" {...fieldState(issuesAt(issues, `${path}.name`))}>
          <Input value={level.name} onChange={(_, d) => onChange({ ...level, name: d.value })} />
        </Field>
        <ListControls noun="level" name={label} index={index} count={count} onMove={onMove} onRemove={onRemove} />
      </div>
      <div className={styles.line}>
        <div className={styles.pair}>
          <NumberField
            label={`${label}: from points earned`}
            value={level.minPoints}
            required
            issues={issuesAt(issues, `${path}.minPoints`)}
            onChange={(minPoints) => minPoints !== undefined && onChange({ ...level, minPoints })}
          />
        </div>
        <div className={styles.pair}>
          <NumberField
            label={`${label}: discount (%)`}
            value={level.discount}
            placeholder="none"
            issues={issuesAt(issues, `${path}.discount`)}
            onChange={(discount) => onChange({ ...level, discount })}
          />
        </div>
      </div>
    </div>
  );
}
