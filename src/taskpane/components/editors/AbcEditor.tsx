// ABC (Pareto share): the measure, the boundary rule, and the segments with their shares.
import { Button, Field, Radio, RadioGroup, makeStyles, tokens } from '@fluentui/react-components';
import { Add20Regular } from '@fluentui/react-icons';
import { useCallback, useRef } from 'react';
import { abcMeasures, type AbcSegment, type AbcType } from '../../../engine/abc-schema';
import { freeName } from '../../state/draft';
import { removeSegment, setExcluded, setRanked, setShare } from '../../state/thresholds';
import { issuesAt, issuesUnder } from '../../state/validation';
import { ChoiceField } from '../ChoiceField';
import { GroupIssues } from '../FieldIssue';
import { MinimumField } from './MinimumField';
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
  // Stable callbacks that read the latest type, so unchanged rows can skip rendering.
  const latest = useRef({ value, onChange });
  latest.current = { value, onChange };
  const onRow = useCallback((i: number, next: AbcSegment) => {
    const { value: v, onChange: change } = latest.current;
    change({ ...v, segments: v.segments.map((x, k) => (k === i ? next : next.default && x.default ? { ...x, default: undefined } : x)) });
  }, []);
  const onShare = useCallback((i: number, share: number) => {
    const { value: v, onChange: change } = latest.current;
    change({ ...v, segments: setShare(v.segments, i, share) });
  }, []);
  const onExclude = useCallback((i: number, excluded: boolean) => {
    const { value: v, onChange: change } = latest.current;
    change({ ...v, segments: setExcluded(v.segments, i, excluded) });
  }, []);
  const onRanked = useCallback((i: number, ranked: boolean) => {
    const { value: v, onChange: change } = latest.current;
    change({ ...v, segments: setRanked(v.segments, i, ranked) });
  }, []);
  const onMove = useCallback((i: number, by: -1 | 1) => {
    const { value: v, onChange: change } = latest.current;
    change({ ...v, segments: moved(v.segments, i, by) });
  }, []);
  const onRemove = useCallback((i: number) => {
    const { value: v, onChange: change } = latest.current;
    change({ ...v, segments: removeSegment(v.segments, i) });
  }, []);
  return (
    <div className={styles.root}>
      <ChoiceField label="Rank customers by" value={value.measure} choices={abcMeasures.map((m) => ({ value: m, label: MEASURE_LABELS[m] }))} onChange={(measure) => onChange({ ...value, measure })} />
      <MinimumField value={value} path={path} issues={issues} onChange={onChange} />
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
            issues={issuesUnder(issues, `${path}.segments[${i}]`)}
            measure={MEASURE_LABELS[value.measure].toLowerCase()}
            onChange={onRow}
            onShare={onShare}
            onExclude={onExclude}
            onRanked={onRanked}
            onMove={onMove}
            onRemove={onRemove}
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
