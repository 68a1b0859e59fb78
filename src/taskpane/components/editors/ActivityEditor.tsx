// Activity rule (SEMANTICS.md section 6): the category, the state of mind's periods and factors, and
// the criteria lines as a form; colours and visit frequencies in the JSON section under it.
import { Button, Field, Input, Switch, makeStyles, tokens } from '@fluentui/react-components';
import { Add20Regular } from '@fluentui/react-icons';
import type { ActivityType } from '../../../engine/activity-schema';
import { issuesAt } from '../../state/validation';
import { fieldState, GroupIssues } from '../FieldIssue';
import { NumberField } from '../NumberField';
import { ActivityLineRow } from './ActivityLineRow';
import { AsJson } from './AsJson';
import { moved } from './ListControls';
import type { EditorProps } from './types';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(min(9em, 100%), 1fr))', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
});

type Setting = 'periodDays' | 'periods' | 'initial' | 'decrease';
const SETTINGS: { key: Setting; label: string }[] = [
  { key: 'periodDays', label: 'Days per period' },
  { key: 'periods', label: 'Number of periods' },
  { key: 'initial', label: 'Starting state of mind (0 to 1)' },
  { key: 'decrease', label: 'Decrease factor (0 to 1)' },
];

export function ActivityEditor({ value, path, issues, onChange }: EditorProps<ActivityType>) {
  const styles = useStyles();
  const lines = value.criteria;
  const setLines = (criteria: ActivityType['criteria']) => onChange({ ...value, criteria });
  return (
    <div className={styles.root}>
      <Field label="Category given to matching customers" {...fieldState(issuesAt(issues, `${path}.category`))}>
        <Input value={value.category} onChange={(_, d) => onChange({ ...value, category: d.value })} />
      </Field>
      <div role="group" aria-label="State of mind" className={styles.grid}>
        {SETTINGS.map((s) => (
          <NumberField key={s.key} label={s.label} value={value[s.key]} required issues={issuesAt(issues, `${path}.${s.key}`)} onChange={(v) => v !== undefined && onChange({ ...value, [s.key]: v })} />
        ))}
      </div>
      <Field {...fieldState(issuesAt(issues, `${path}.exclusive`))}>
        <Switch label="Exclusive: take the category away from customers that no longer match" checked={value.exclusive} onChange={(_, d) => onChange({ ...value, exclusive: d.checked })} />
      </Field>
      <GroupIssues issues={issuesAt(issues, `${path}.criteria`)} />
      <div role="group" aria-label="Criteria">
        {lines.map((l, i) => (
          <ActivityLineRow
            key={i}
            line={l}
            index={i}
            count={lines.length}
            path={`${path}.criteria[${i}]`}
            issues={issues}
            onChange={(next) => setLines(lines.map((x, k) => (k === i ? next : x)))}
            onMove={(by) => setLines(moved(lines, i, by))}
            onRemove={() => setLines(lines.filter((_, k) => k !== i))}
          />
        ))}
      </div>
      <div>
        <Button icon={<Add20Regular />} onClick={() => setLines([...lines, { measure: 'som', operator: '>=', value: 0.6, mandatory: true }])}>
          Add criteria line
        </Button>
      </div>
      <AsJson value={value} path={path} issues={issues} onChange={onChange} covers="loyalty type for points, colour, visit frequency" parts={['loyalty', 'color', 'visitEveryDays', 'priority']} />
    </div>
  );
}
