// XYZ (SEMANTICS.md 11): how steady each customer buys. The measure and the period, the fewest periods
// with sales, the ordered segments with the largest coefficient of variation each takes, the name of
// the unclassified segment, and the ABC type to cross with for the ABC-XYZ matrix.
import { Button, Field, Input, Switch, makeStyles, tokens } from '@fluentui/react-components';
import { Add20Regular } from '@fluentui/react-icons';
import type { SegmentType } from '../../../engine/config';
import type { XyzSegment, XyzType } from '../../../engine/xyz-schema';
import { freeName } from '../../state/draft';
import { crossIndex } from '../../state/suggestion';
import { issuesAt } from '../../state/validation';
import { fieldId } from '../../state/where';
import { ChoiceField } from '../ChoiceField';
import { GroupIssues, fieldState } from '../FieldIssue';
import { NumberField } from '../NumberField';
import { moved } from './ListControls';
import { SegmentCount } from './SegmentCount';
import { XyzSegmentRow } from './XyzSegmentRow';
import type { EditorProps } from './types';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  unclassified: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
});

const MEASURES = [
  { value: 'sales', label: 'Net sales' },
  { value: 'quantity', label: 'Quantity' },
] as const;

const PERIODS = [
  { value: 'month', label: 'Month' },
  { value: 'quarter', label: 'Quarter' },
  { value: 'week', label: 'Week (ISO, Monday first)' },
] as const;

/** The last segment takes every larger CV: it has no maxCv. */
function lastOpen(segments: XyzSegment[]): XyzSegment[] {
  return segments.map((s, i) => {
    if (i !== segments.length - 1 || s.maxCv === undefined) return s;
    const open = { ...s };
    delete open.maxCv;
    return open;
  });
}

export function XyzEditor({ value, path, issues, onChange, types = [] }: EditorProps<XyzType>) {
  const styles = useStyles();
  const segments = value.segments;
  const setSegments = (next: XyzSegment[]) => onChange({ ...value, segments: next });
  const abcTypes = types.filter((t): t is Extract<SegmentType, { kind: 'abc' }> => t.kind === 'abc');
  // A name typed in the JSON that no ABC type has stays listed, so the problem under it can be read and undone.
  const named = value.abcType !== undefined && crossIndex(types, value.abcType) < 0 ? [{ value: value.abcType, label: `${value.abcType} (no such ABC type)` }] : [];
  const crossChoices = [{ value: '', label: 'None' }, ...abcTypes.map((t) => ({ value: t.name, label: t.name })), ...named];
  const crossed = value.abcType === undefined ? '' : abcTypes[crossIndex(abcTypes, value.abcType)]?.name ?? value.abcType;
  const addSegment = () => {
    // A new segment goes before the last (which takes the rest), half a CV above the one before it.
    const head = segments.slice(0, -1);
    const below = head[head.length - 1]?.maxCv ?? 0;
    const name = freeName('New segment', [...segments.map((s) => s.name), value.unclassified]);
    setSegments([...head, { name, maxCv: below + 0.5 }, ...segments.slice(-1)]);
  };
  return (
    <div className={styles.root}>
      <ChoiceField id={fieldId(`${path}.measure`)} label="Measure per period" value={value.measure} choices={MEASURES} onChange={(measure) => onChange({ ...value, measure })} issues={issuesAt(issues, `${path}.measure`)} />
      <ChoiceField id={fieldId(`${path}.period`)} label="Period" value={value.period} choices={PERIODS} onChange={(period) => onChange({ ...value, period })} issues={issuesAt(issues, `${path}.period`)} />
      <NumberField
        id={fieldId(`${path}.minPeriods`)}
        label="Periods with sales at least"
        value={value.minPeriods}
        required
        grouping={false}
        issues={issuesAt(issues, `${path}.minPeriods`)}
        onChange={(n) => n !== undefined && onChange({ ...value, minPeriods: n })}
      />
      <GroupIssues issues={issuesAt(issues, `${path}.segments`)} />
      <div role="group" aria-label="Segments">
        {segments.map((s, i) => (
          <XyzSegmentRow
            key={i}
            segment={s}
            index={i}
            count={segments.length}
            path={`${path}.segments[${i}]`}
            issues={issues}
            typeName={value.name}
            onChange={(next) => setSegments(segments.map((x, k) => (k === i ? next : x)))}
            onMove={(by) => setSegments(moved(segments, i, by))}
            onRemove={() => setSegments(lastOpen(segments.filter((_, k) => k !== i)))}
          />
        ))}
      </div>
      <div>
        <Button icon={<Add20Regular />} onClick={addSegment}>
          Add segment
        </Button>
      </div>
      <div className={styles.unclassified}>
        <Field label="Unclassified segment" hint={`Customers whose mean is 0 or less, or with fewer than ${value.minPeriods} periods with sales.`} {...fieldState(issuesAt(issues, `${path}.unclassified`))}>
          <Input id={fieldId(`${path}.unclassified`)} value={value.unclassified} onChange={(_, d) => onChange({ ...value, unclassified: d.value })} />
        </Field>
        <SegmentCount typeName={value.name} segment={value.unclassified} />
      </div>
      <ChoiceField
        id={fieldId(`${path}.abcType`)}
        label="ABC type to cross with"
        hint="The preview and the Segment Summary show the ABC-XYZ matrix."
        value={crossed}
        choices={crossChoices}
        issues={issuesAt(issues, `${path}.abcType`)}
        onChange={(name) => {
          const next: XyzType = { ...value, abcType: name === '' ? undefined : name };
          if (name === '') {
            delete next.abcType;
            next.combined = false;
          }
          onChange(next);
        }}
      />
      <Field {...fieldState(issuesAt(issues, `${path}.combined`))}>
        <Switch
          id={fieldId(`${path}.combined`)}
          label="Combined column (such as AX) in the tiers table"
          checked={value.combined}
          disabled={value.abcType === undefined && !value.combined}
          onChange={(_, d) => onChange({ ...value, combined: d.checked })}
        />
      </Field>
    </div>
  );
}
