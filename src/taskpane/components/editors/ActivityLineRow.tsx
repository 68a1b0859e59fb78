// One criteria line of an activity rule: measure, operator, value, mandatory or optional.
import { Dropdown, Option, Switch, makeStyles } from '@fluentui/react-components';
import { activityMeasures, activityOperators, type ActivityLine } from '../../../engine/activity-schema';
import type { Issue } from '../../../engine/types';
import { issuesAt } from '../../state/validation';
import { NumberField } from '../NumberField';
import { ListControls, listLineStyle, listRowStyle } from './ListControls';

const useStyles = makeStyles({
  row: listRowStyle,
  line: listLineStyle('flex-end'),
  measure: { minWidth: 0, flexBasis: '10em', flexGrow: 1 },
  operator: { minWidth: '5em', width: '5em' },
  value: { flexGrow: 1, flexBasis: '6em', minWidth: 0 },
});

export const MEASURE_LABELS: Record<ActivityLine['measure'], string> = {
  sales: 'Net sales',
  profit: 'Profit',
  orders: 'Orders',
  points: 'Loyalty points',
  lastPurchaseDays: 'Days since last purchase',
  som: 'State of mind',
};

export interface ActivityLineRowProps {
  line: ActivityLine;
  index: number;
  count: number;
  path: string;
  issues: Issue[];
  onChange(next: ActivityLine): void;
  onMove(by: -1 | 1): void;
  onRemove(): void;
}

export function ActivityLineRow({ line, index, count, path, issues, onChange, onMove, onRemove }: ActivityLineRowProps) {
  const styles = useStyles();
  const label = `line ${index + 1}`;
  return (
    <div className={styles.row} role="group" aria-label={`Criteria ${label}`}>
      <div className={styles.line}>
        <Dropdown
          className={styles.measure}
          aria-label={`Measure of ${label}`}
          value={MEASURE_LABELS[line.measure]}
          selectedOptions={[line.measure]}
          onOptionSelect={(_, d) => d.optionValue && onChange({ ...line, measure: d.optionValue as ActivityLine['measure'] })}
        >
          {activityMeasures.map((m) => (
            <Option key={m} value={m}>
              {MEASURE_LABELS[m]}
            </Option>
          ))}
        </Dropdown>
        <Dropdown
          className={styles.operator}
          aria-label={`Comparison of ${label}`}
          value={line.operator}
          selectedOptions={[line.operator]}
          onOptionSelect={(_, d) => d.optionValue && onChange({ ...line, operator: d.optionValue as ActivityLine['operator'] })}
        >
          {activityOperators.map((o) => (
            <Option key={o} value={o}>
              {o}
            </Option>
          ))}
        </Dropdown>
        <div className={styles.value}>
          <NumberField label={`Value of ${label}`} value={line.value} required issues={issuesAt(issues, `${path}.value`)} onChange={(value) => value !== undefined && onChange({ ...line, value })} />
        </div>
        <ListControls noun="criteria" name={label} index={index} count={count} onMove={onMove} onRemove={onRemove} mayEmpty />
      </div>
      <Switch label="Mandatory (off: optional, at least one optional line must hold)" checked={line.mandatory} onChange={(_, d) => onChange({ ...line, mandatory: d.checked })} />
    </div>
  );
}
