// One band [min, max): name, bounds (blank = open end), default switch; its errors sit under the fields.
import { Field, Input, Switch, makeStyles } from '@fluentui/react-components';
import type { Band } from '../../../engine/bands-schema';
import type { Issue } from '../../../engine/types';
import { issuesAt } from '../../state/validation';
import { fieldId } from '../../state/where';
import { fieldState } from '../FieldIssue';
import { NumberField } from '../NumberField';
import { ListControls, listLineStyle, listRowStyle } from './ListControls';

const useStyles = makeStyles({
  row: listRowStyle,
  line: listLineStyle('flex-start'),
  grow: { flexGrow: 1, minWidth: '8em' },
  // Below about 400 px the two bounds stack: side by side their labels and boxes ran into each other.
  bound: { flexGrow: 1, flexBasis: '7em', minWidth: 0, '@media (max-width: 400px)': { flexBasis: '100%' } },
});

export interface BandRowProps {
  band: Band;
  index: number;
  count: number;
  path: string;
  issues: Issue[];
  measure: string;
  onChange(next: Band): void;
  onMove(by: -1 | 1): void;
  onRemove(): void;
}

export function BandRow({ band, index, count, path, issues, measure, onChange, onMove, onRemove }: BandRowProps) {
  const styles = useStyles();
  const label = band.name.trim() || `band ${index + 1}`;
  return (
    <div className={styles.row} role="group" aria-label={`Band ${label}`}>
      <div className={styles.line}>
        <Field className={styles.grow} label="Name" {...fieldState(issuesAt(issues, `${path}.name`))}>
          <Input value={band.name} onChange={(_, d) => onChange({ ...band, name: d.value })} />
        </Field>
        <ListControls noun="band" name={label} index={index} count={count} onMove={onMove} onRemove={onRemove} />
      </div>
      <div className={styles.line}>
        <div className={styles.bound}>
          <NumberField
            id={fieldId(`${path}.min`)}
            label={`${label}: from ${measure} (included)`}
            value={band.min}
            placeholder={index === 0 ? 'no minimum' : 'required'}
            issues={issuesAt(issues, `${path}.min`)}
            onChange={(min) => onChange({ ...band, min })}
          />
        </div>
        <div className={styles.bound}>
          <NumberField
            id={fieldId(`${path}.max`)}
            label={`${label}: to ${measure} (excluded)`}
            value={band.max}
            placeholder={index === count - 1 ? 'no maximum' : 'required'}
            issues={issuesAt(issues, `${path}.max`)}
            onChange={(max) => onChange({ ...band, max })}
          />
        </div>
      </div>
      <Field {...fieldState(issuesAt(issues, `${path}.default`))}>
        <Switch
          label="Default (customers without a value)"
          checked={band.default === true}
          onChange={(_, d) => onChange({ ...band, default: d.checked || undefined })}
        />
      </Field>
    </div>
  );
}
