// Live preview of the selected segment type: the table per segment and, for ABC, the Pareto curve;
// for RFM, the recency x frequency heat map; with a visits range, the visit compliance; after a
// first run, the migration since it.
import { MessageBar, MessageBarBody, Spinner, Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Ref } from 'react';
import type { SegmentType } from '../../engine/config';
import type { PreviewState } from '../state/usePreview';
import { thresholds } from '../state/thresholds';
import { countedLine, useFormats } from '../format';
import { AbcXyzHeatMap } from './AbcXyzHeatMap';
import { GroupIssues } from './FieldIssue';
import { SuggestionPanel } from './SuggestionPanel';
import { MigrationTable } from './MigrationTable';
import { ParetoChart } from './ParetoChart';
import { PreviewTable } from './PreviewTable';
import { RfmHeatMap } from './RfmHeatMap';
import { VisitComplianceTable } from './VisitComplianceTable';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, minWidth: 0 },
  stale: { opacity: 0.6 },
  counted: { margin: `0 0 ${tokens.spacingVerticalXS}` },
});

/** "Suggested limit between A and B: top 12.3% of customers, 66.7% of sales" (cumulative, where the marker sits). */
export function suggestedLabel(segments: readonly string[], k: number, at: { x: number; y: number }, measureName: string, percent: (f: number) => string): string {
  return `Suggested limit between ${segments[k]} and ${segments[k + 1]}: top ${percent(at.x)} of customers, ${percent(at.y)} of ${measureName}`;
}

export interface PreviewProps {
  state: PreviewState;
  /** The segment type as edited; `valid` when it passes validation. */
  draft: SegmentType | undefined;
  valid: boolean;
  waiting: boolean;
  /** Why the period and filters leave nothing worth segmenting (scopeProblem). */
  blocked?: string;
  onThreshold(which: number, to: number): void;
  /** Takes the suggested shares of an ABC type (one edit). */
  onUseSuggestion?(shares: readonly number[]): void;
  /** XYZ: the name of the ABC type it crosses with, and whether that type is valid (else no matrix). */
  crossName?: string;
  crossValid?: boolean;
  /** The section, to scroll to and focus; the table of counts, to know whether it is on screen. */
  sectionRef?: Ref<HTMLElement>;
  tableRef?: Ref<HTMLDivElement>;
}

export function Preview({ state, draft, valid, waiting, blocked, onThreshold, onUseSuggestion, crossName, crossValid, sectionRef, tableRef }: PreviewProps) {
  const styles = useStyles();
  const f = useFormats();
  const p = state.preview;
  if (!draft) return null;
  return (
    <section ref={sectionRef} tabIndex={-1} className={styles.root} aria-label={`Preview of ${draft.name}`} data-testid="preview" data-revision={state.revision}>
      <Subtitle2 as="h2">Preview: {draft.name}</Subtitle2>
      {blocked && (
        <MessageBar intent="warning" layout="multiline" data-testid="preview-blocked">
          <MessageBarBody>{blocked}</MessageBarBody>
        </MessageBar>
      )}
      {!valid && (
        <MessageBar intent="warning">
          <MessageBarBody>Fix the problems in the editor to update the preview.</MessageBarBody>
        </MessageBar>
      )}
      {state.error && (
        <MessageBar intent="error">
          <MessageBarBody>{state.error}</MessageBarBody>
        </MessageBar>
      )}
      {!p && valid && waiting && <Spinner size="tiny" label="Computing the preview…" />}
      {p && (
        <div className={valid ? undefined : styles.stale}>
          <Text as="p" size={200} className={styles.counted} data-testid="preview-counted">
            {countedLine(f, p.counted.lines, p.counted.customers)}
          </Text>
          <div ref={tableRef}>
            <PreviewTable rows={p.rows} colors={p.colors} measureName={p.measureName} moneyFormat={p.moneyFormat} caption={`Segments of ${p.typeName}`} />
          </div>
          <GroupIssues issues={p.issues} />
          {draft.kind === 'abc' && p.curve && p.curve.ranked > 0 && (
            <ParetoChart
              curve={p.curve}
              thresholds={thresholds(draft)}
              names={draft.segments.map((s) => s.name)}
              measureName={p.measureName}
              onMove={onThreshold}
              suggested={p.suggestion?.points.map((m, k) => ({ ...m, label: suggestedLabel(p.suggestion!.segments, k, m, p.measureName, f.percent) }))}
            />
          )}
          {draft.kind === 'abc' && p.suggestion && onUseSuggestion && (
            <SuggestionPanel suggestion={p.suggestion} type={draft} rows={p.rows} measureName={p.measureName} valid={valid} onUse={onUseSuggestion} />
          )}
          {draft.kind === 'xyz' && p.abcXyz && <AbcXyzHeatMap matrix={p.abcXyz} />}
          {draft.kind === 'xyz' && crossName !== undefined && !crossValid && (
            <Text as="p" size={200} data-testid="matrix-waits">
              The ABC-XYZ matrix shows once the problems of {crossName} are fixed.
            </Text>
          )}
          {draft.kind === 'rfm' && p.kind === 'rfm' && p.rfmGrid && <RfmHeatMap grid={p.rfmGrid} typeName={p.typeName} />}
          {p.visitCompliance && p.visitCompliance.length > 0 && <VisitComplianceTable rows={p.visitCompliance} typeName={p.typeName} />}
          {p.migration && <MigrationTable migration={p.migration} typeName={p.typeName} />}
        </div>
      )}
    </section>
  );
}
