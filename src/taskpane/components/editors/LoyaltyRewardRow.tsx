// One reward: name, the balance it needs, and its cost in points.
import { Field, Input, makeStyles } from '@fluentui/react-components';
import type { LoyaltyReward } from '../../../engine/loyalty-schema';
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

export interface LoyaltyRewardRowProps {
  reward: LoyaltyReward;
  index: number;
  count: number;
  path: string;
  issues: Issue[];
  onChange(next: LoyaltyReward): void;
  onMove(by: -1 | 1): void;
  onRemove(): void;
}

export function LoyaltyRewardRow({ reward, index, count, path, issues, onChange, onMove, onRemove }: LoyaltyRewardRowProps) {
  const styles = useStyles();
  const label = reward.name.trim() || `reward ${index + 1}`;
  return (
    <div className={styles.row} role="group" aria-label={`Reward ${label}`}>
      <div className={styles.line}>
        <Field className={styles.grow} label="Name" {...fieldState(issuesAt(issues, `${path}.name`))}>
          <Input value={reward.name} onChange={(_, d) => onChange({ ...reward, name: d.value })} />
        </Field>
        <ListControls noun="reward" name={label} index={index} count={count} onMove={onMove} onRemove={onRemove} mayEmpty />
      </div>
      <div className={styles.line}>
        <div className={styles.pair}>
          <NumberField
            label={`${label}: from a balance of`}
            value={reward.minPoints}
            required
            issues={issuesAt(issues, `${path}.minPoints`)}
            onChange={(minPoints) => minPoints !== undefined && onChange({ ...reward, minPoints })}
          />
        </div>
        <div className={styles.pair}>
          <NumberField
            label={`${label}: cost in points`}
            value={reward.cost}
            required
            issues={issuesAt(issues, `${path}.cost`)}
            onChange={(cost) => cost !== undefined && onChange({ ...reward, cost })}
          />
        </div>
      </div>
    </div>
  );
}
