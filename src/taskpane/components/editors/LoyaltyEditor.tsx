// Loyalty program (SEMANTICS.md section 5): program rates and rounding, demotion, levels and rewards as
// a form; rules (and colours, visit frequencies) in the JSON section under it.
import { Button, Field, Switch, Text, makeStyles, tokens } from '@fluentui/react-components';
import { Add20Regular } from '@fluentui/react-icons';
import type { LoyaltyType } from '../../../engine/loyalty-schema';
import { freeName } from '../../state/draft';
import { issuesAt } from '../../state/validation';
import { fieldState, GroupIssues } from '../FieldIssue';
import { NumberField } from '../NumberField';
import { AsJson } from './AsJson';
import { moved } from './ListControls';
import { LoyaltyLevelRow } from './LoyaltyLevelRow';
import { LoyaltyRewardRow } from './LoyaltyRewardRow';
import type { EditorProps } from './types';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  rates: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(min(9em, 100%), 1fr))', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
});

type Rate = 'perCurrency' | 'perUnit' | 'perOrder' | 'rounding';
const RATES: { key: Rate; label: string }[] = [
  { key: 'perCurrency', label: 'Points per unit of currency' },
  { key: 'perUnit', label: 'Points per unit sold' },
  { key: 'perOrder', label: 'Points per order' },
  { key: 'rounding', label: 'Round points to a multiple of' },
];

export function LoyaltyEditor({ value, path, issues, onChange }: EditorProps<LoyaltyType>) {
  const styles = useStyles();
  const { levels, rewards } = value;
  const setLevels = (next: LoyaltyType['levels']) => onChange({ ...value, levels: next });
  const setRewards = (next: LoyaltyType['rewards']) => onChange({ ...value, rewards: next });
  const addLevel = () => {
    const top = levels[levels.length - 1];
    // A new level goes on top: it needs more points than the highest one.
    setLevels([...levels, { name: freeName('New level', levels.map((l) => l.name)), minPoints: top ? top.minPoints + 1000 : 0 }]);
  };
  const addReward = () => setRewards([...rewards, { name: freeName('New reward', rewards.map((r) => r.name)), minPoints: 0, cost: 100 }]);
  const rules = value.rules.length;
  return (
    <div className={styles.root}>
      <div role="group" aria-label="Program rates">
        <div className={styles.rates}>
          {RATES.map((r) => (
            <NumberField key={r.key} label={r.label} value={value[r.key]} required issues={issuesAt(issues, `${path}.${r.key}`)} onChange={(v) => v !== undefined && onChange({ ...value, [r.key]: v })} />
          ))}
        </div>
        <Text size={200}>
          {rules === 0 ? 'No rules: every line earns the program rates.' : `${rules} rule${rules === 1 ? '' : 's'} by product, category or column (edit them in the JSON section below).`}
        </Text>
      </div>
      <Field {...fieldState(issuesAt(issues, `${path}.demote`))}>
        <Switch label="Move customers down a level when their points fall (demote)" checked={value.demote} onChange={(_, d) => onChange({ ...value, demote: d.checked })} />
      </Field>
      <GroupIssues issues={issuesAt(issues, `${path}.levels`)} />
      <div role="group" aria-label="Levels">
        {levels.map((l, i) => (
          <LoyaltyLevelRow
            key={i}
            level={l}
            index={i}
            count={levels.length}
            path={`${path}.levels[${i}]`}
            issues={issues}
            onChange={(next) => setLevels(levels.map((x, k) => (k === i ? next : x)))}
            onMove={(by) => setLevels(moved(levels, i, by))}
            onRemove={() => setLevels(levels.filter((_, k) => k !== i))}
          />
        ))}
      </div>
      <div>
        <Button icon={<Add20Regular />} onClick={addLevel}>
          Add level
        </Button>
      </div>
      <GroupIssues issues={issuesAt(issues, `${path}.rewards`)} />
      <div role="group" aria-label="Rewards">
        {rewards.map((r, i) => (
          <LoyaltyRewardRow
            key={i}
            reward={r}
            index={i}
            count={rewards.length}
            path={`${path}.rewards[${i}]`}
            issues={issues}
            onChange={(next) => setRewards(rewards.map((x, k) => (k === i ? next : x)))}
            onMove={(by) => setRewards(moved(rewards, i, by))}
            onRemove={() => setRewards(rewards.filter((_, k) => k !== i))}
          />
        ))}
      </div>
      <div>
        <Button icon={<Add20Regular />} onClick={addReward}>
          Add reward
        </Button>
      </div>
      <AsJson value={value} path={path} issues={issues} onChange={onChange} covers="rules, colours, visit frequencies" parts={['rules']} />
    </div>
  );
}
