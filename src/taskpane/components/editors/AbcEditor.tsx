// ABC (Pareto share): the measure, the boundary rule, and the segments with their shares.
import { Button, Dropdown, Field, Option, Radio, RadioGroup, makeStyles, tokens } from '@fluentui/react-components';
import { Add20Regular } from '@fluentui/react-icons';
import { abcMeasures, type AbcType } from '../../../engine/abc-schema';
import { freeName } from '../../state/draft';
import { issuesAt } from '../../state/validation';
import { GroupIssues } from '../FieldIssue';
import { moved } from './ListControls';
import { ShareRow } from './ShareRow';
import type { EditorProps } from './types';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
});

const MEASURE_LABELS: Record<AbcType['measure'], string> = { sales: 'Net sales', profit: 'Profit', quantity: 'Quantity' };

export function AbcEditor({ value, path, issues, onChange }: EditorProps<AbcType>) {
  const styles = useStyles();
  const segments = value.segments;
  const setSegments = (next: AbcType['segments']) => onChange({ ...value, segments: next });
  return (
    <div className={styles.root}>
      <Field label="Rank customers by">
        <Dropdown
          value={MEASURE_LABELS[value.measure]}
          selectedOptions={[value.measure]}
          onOptionSelect={(_, d) => d.optionValue && onChange({ ...value, measure: d.optionValue as AbcType['measure'] })}
        >
          {abcMeasures.map((m) => (
            <Option key={m} value={m}>
              {MEASURE_LABELS[m]}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label="Customer who crosses a threshold">
        <RadioGroup value={value.boundary} onChange={(_, d) => onChange({ ...value, boundary: d.value as AbcType['boundary'] })}>
          <Radio value="upper" label="stays in the higher segment (upper boundary, default)" />
          <Radio value="lower" label="goes by the share including it (lower boundary, as SQLBI's DAX pattern and R's inventorize)" />
        </RadioGroup>
      </Field>
      <div role="group" aria-label="Segments" aria-describedby={`${path}-sum`}>
        {segments.map((s, i) => (
          <ShareRow
            key={i}
            segment={s}
            index={i}
            count={segments.length}
            path={`${path}.segments[${i}]`}
            issues={issues}
            measure={MEASURE_LABELS[value.measure].toLowerCase()}
            onChange={(next) =>
              setSegments(segments.map((x, k) => (k === i ? next : next.default && x.default ? { ...x, default: undefined } : x)))
            }
            onMove={(by) => setSegments(moved(segments, i, by))}
            onRemove={() => setSegments(segments.filter((_, k) => k !== i))}
          />
        ))}
      </div>
      <div id={`${path}-sum`} aria-live="polite">
        <GroupIssues issues={issuesAt(issues, `${path}.segments`)} />
      </div>
      <div>
        <Button
          icon={<Add20Regular />}
          onClick={() => setSegments([...segments, { name: freeName(String.fromCharCode(65 + segments.length), segments.map((s) => s.name)), share: 0 }])}
        >
          Add segment
        </Button>
      </div>
    </div>
  );
}
