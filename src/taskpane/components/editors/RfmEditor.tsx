// RFM (SEMANTICS.md section 8): the number of scores, custom cut points, and the named segments as a
// grid of score ranges, one row per segment (as Klaviyo and Shopify show them), with each segment's
// live count and what falls to Others. Changing the number of scores carries the ranges over
// (rescaleRfmSegments), so the table stays valid. Colours and visit frequencies: the JSON section.
import { Button, Field, SpinButton, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { Add20Regular } from '@fluentui/react-icons';
import { useCallback, useRef } from 'react';
import { OTHERS, type RfmSegment, type RfmType } from '../../../engine/rfm-schema';
import { othersText, rescaleRfmSegments, rfmCoverage } from '../../../engine/rfm-table';
import { useFormats } from '../../format';
import { freeName } from '../../state/draft';
import { useFedPreview } from '../../state/previewFeed';
import { issuesAt, issuesUnder } from '../../state/validation';
import { fieldState, GroupIssues } from '../FieldIssue';
import { AsJson } from './AsJson';
import { CutPointsField } from './CutPointsField';
import { moved } from './ListControls';
import { RfmSegmentRow } from './RfmSegmentRow';
import type { EditorProps } from './types';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  spin: { maxWidth: '8em' },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  count: { color: tokens.colorNeutralForeground2, fontVariantNumeric: 'tabular-nums' },
  stale: { opacity: 0.6 },
});

const MEASURES: { key: 'recency' | 'frequency' | 'monetary'; label: string; hint: string }[] = [
  { key: 'recency', label: 'Recency cut points (days)', hint: 'Fewer days since the last purchase score higher: up to the first cut point scores the most.' },
  { key: 'frequency', label: 'Frequency cut points (orders)', hint: 'Up to the first cut point scores 1.' },
  { key: 'monetary', label: 'Monetary cut points (net sales)', hint: 'Up to the first cut point scores 1.' },
];

export function RfmEditor({ value, path, issues, onChange }: EditorProps<RfmType>) {
  const styles = useStyles();
  const f = useFormats();
  const segments = value.segments;
  const setSegments = (next: RfmType['segments']) => onChange({ ...value, segments: next });
  // Stable callbacks that read the latest type, so the rows that did not change skip rendering.
  const latest = useRef({ value, onChange });
  latest.current = { value, onChange };
  const onRow = useCallback((i: number, next: RfmSegment) => {
    const { value: v, onChange: change } = latest.current;
    change({ ...v, segments: v.segments.map((x, k) => (k === i ? next : x)) });
  }, []);
  const onMove = useCallback((i: number, by: -1 | 1) => {
    const { value: v, onChange: change } = latest.current;
    change({ ...v, segments: moved(v.segments, i, by) });
  }, []);
  const onRemove = useCallback((i: number) => {
    const { value: v, onChange: change } = latest.current;
    change({ ...v, segments: v.segments.filter((_, k) => k !== i) });
  }, []);
  // One edit: the new number of scores with the ranges carried over, so one undo takes both back.
  const setScores = (n: number | null | undefined) => {
    if (n === null || n === undefined || !Number.isInteger(n) || n === value.scores) return;
    onChange({ ...value, scores: n, segments: rescaleRfmSegments(segments, value.scores, n) });
  };
  const scores = value.scores;
  const coverage = Number.isInteger(scores) && scores >= 1 && scores <= 9 ? rfmCoverage(segments, scores) : undefined;
  // The live counts, from the preview beside the editor (when it shows this type).
  const fed = useFedPreview();
  const rows = fed && fed.preview.kind === 'rfm' && fed.preview.typeName === value.name ? fed.preview.rows : undefined;
  const customersOf = (name: string) => {
    const row = rows?.find((r) => r.segment === name);
    return rows && fed ? { count: row?.customers ?? 0, share: row?.customerShare ?? 0, stale: fed.stale } : undefined;
  };
  const others = customersOf(OTHERS);
  return (
    <div className={styles.root}>
      <Field label="Scores (from 1 to ...)" hint="5 is usual. Changing it carries the segments' ranges over: R 4-5 of 5 becomes R 3 of 3." {...fieldState(issuesAt(issues, `${path}.scores`))}>
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
        Named segments: a customer goes to the first segment whose R, F and M ranges hold its scores. Scores run from 1 to {value.scores} ({value.scores}: the most recent, the most orders, the highest
        sales); a range from 1 to {value.scores} takes any score. Customers no segment matches are in {OTHERS}.
      </Text>
      <GroupIssues issues={issuesAt(issues, `${path}.segments`)} />
      <div role="group" aria-label="Named segments">
        {segments.map((s, i) => (
          <RfmSegmentRow
            key={i}
            segment={s}
            index={i}
            count={segments.length}
            scores={scores}
            path={`${path}.segments[${i}]`}
            issues={issuesUnder(issues, `${path}.segments[${i}]`)}
            customers={customersOf(s.name)}
            shadowed={coverage !== undefined && coverage.cells[i] === 0 && issuesUnder(issues, `${path}.segments[${i}]`).length === 0}
            onChange={onRow}
            onMove={onMove}
            onRemove={onRemove}
          />
        ))}
      </div>
      <div>
        <Text size={200} weight="semibold">
          {OTHERS}
        </Text>{' '}
        <Text size={200} className={mergeClasses(styles.count, others?.stale && styles.stale)} data-testid="rfm-others-count">
          {others ? `${f.integer(others.count)} ${others.count === 1 ? 'customer' : 'customers'} (${f.percent(others.share)})` : ''}
        </Text>
        {coverage && coverage.others.length > 0 && (
          <Text as="p" size={200} className={styles.warning} data-testid="rfm-others-cells">
            No segment takes these scores, so their customers are in {OTHERS}: {othersText(coverage.others, scores)}. Widen a range or add a segment to name them.
          </Text>
        )}
      </div>
      <div>
        {/* A new segment matches any score: at the end of the table it takes what would be in Others. */}
        <Button
          icon={<Add20Regular />}
          onClick={() =>
            setSegments([
              ...segments,
              {
                name: freeName(
                  'New segment',
                  segments.map((s) => s.name),
                ),
              },
            ])
          }
        >
          Add segment
        </Button>
      </div>
      <AsJson value={value} path={path} issues={issues} onChange={onChange} covers="colours, visit frequencies" parts={[]} />
    </div>
  );
}
