// Live preview of the selected segment type: the table per segment and, for ABC, the Pareto curve;
// for RFM, the recency x frequency heat map; with a visits range, the visit compliance; after a
// first run, the migration since it.
import { MessageBar, MessageBarBody, Spinner, Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Ref } from 'react';
import type { SegmentType } from '../../engine/config';
import type { PreviewState } from '../state/usePreview';
import { thresholds } from '../state/thresholds';
import { countedLine, useFormats } from '../format';
import { GroupIssues } from './FieldIssue';
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

export interface PreviewProps {
  state: PreviewState;
  /** The segment type as edited; `valid` when it passes validation. */
  draft: SegmentType | undefined;
  valid: boolean;
  waiting: boolean;
  /** Why the period and filters leave nothing worth segmenting (scopeProblem). */
  blocked?: string;
  onThreshold(which: number, to: number): void;
  /** The section, to scroll to and focus; the table of counts, to know whether it is on screen. */
  sectionRef?: Ref<HTMLElement>;
  tableRef?: Ref<HTMLDivElement>;
}

export function Preview({ state, draft, valid, waiting, blocked, onThreshold, sectionRef, tableRef }: PreviewProps) {
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
            <PreviewTable rows={p.rows} colors={p.colors} measureName={p.measureName} caption={`Segments of ${p.typeName}`} />
          </div>
          <GroupIssues issues={p.issues} />
          {draft.kind === 'abc' && p.curve && p.curve.ranked > 0 && (
            <ParetoChart curve={p.curve} thresholds={thresholds(draft)} names={draft.segments.map((s) => s.name)} measureName={p.measureName} onMove={onThreshold} />
          )}
          {draft.kind === 'rfm' && p.kind === 'rfm' && p.rfmGrid && <RfmHeatMap grid={p.rfmGrid} typeName={p.typeName} />}
          {p.visitCompliance && p.visitCompliance.length > 0 && <VisitComplianceTable rows={p.visitCompliance} typeName={p.typeName} />}
          {p.migration && <MigrationTable migration={p.migration} typeName={p.typeName} />}
        </div>
      )}
    </section>
  );
}
