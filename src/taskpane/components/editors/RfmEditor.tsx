// RFM (SEMANTICS.md section 8): the number of scores and custom cut points as a form; the named segment
// table (score ranges per segment) in the JSON section under it.
import { Field, SpinButton, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { RfmType } from '../../../engine/rfm-schema';
import { issuesAt, issuesUnder } from '../../state/validation';
import { fieldState } from '../FieldIssue';
import { AsJson } from './AsJson';
import { CutPointsField } from './CutPointsField';
import type { EditorProps } from './types';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  spin: { maxWidth: '8em' },
});

const MEASURES: { key: 'recency' | 'frequency' | 'monetary'; label: string; hint: string }[] = [
  { key: 'recency', label: 'Recency cut points (days)', hint: 'Fewer days since the last purchase score higher: up to the first cut point scores the most.' },
  { key: 'frequency', label: 'Frequency cut points (orders)', hint: 'Up to the first cut point scores 1.' },
  { key: 'monetary', label: 'Monetary cut points (net sales)', hint: 'Up to the first cut point scores 1.' },
];

export function RfmEditor({ value, path, issues, onChange }: EditorProps<RfmType>) {
  const styles = useStyles();
  const setScores = (n: number | null | undefined) => {
    if (n === null || n === undefined || !Number.isInteger(n)) return;
    onChange({ ...value, scores: n });
  };
  return (
    <div className={styles.root}>
      <Field label="Scores (from 1 to ...)" hint="5 is usual; the segment table below is written for 5." {...fieldState(issuesAt(issues, `${path}.scores`))}>
        <SpinButton
          className={styles.spin}
          min={2}
          max={9}
          step={1}
          value={value.scores}
          onChange={(_, d) => setScores(d.value ?? (d.displayValue !== undefined ? Number.parseInt(d.displayValue, 10) : undefined))}
        />
      </Field>
      <Text size={200}>Leave the cut points blank to score by quantiles (about a fifth of the customers per score). Custom cut points: {value.scores - 1} rising numbers separated by ";".</Text>
      {MEASURES.map((m) => (
        <CutPointsField
          key={m.key}
          label={m.label}
          hint={m.hint}
          value={value.cuts[m.key]}
          issues={issuesUnder(issues, `${path}.cuts.${m.key}`)}
          onChange={(cuts) => {
            const next = { ...value.cuts, [m.key]: cuts };
            if (cuts === undefined) delete next[m.key];
            onChange({ ...value, cuts: next });
          }}
        />
      ))}
      <Text size={200}>
        {value.segments.length} named segments, first match wins; customers no segment matches are in Others. Edit the table in the JSON section below.
      </Text>
      <AsJson value={value} path={path} issues={issues} onChange={onChange} covers="named segments, colours, visit frequencies" parts={['segments']} />
    </div>
  );
}
