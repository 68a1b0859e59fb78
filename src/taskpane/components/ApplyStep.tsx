// Step 3: write the tiers, the summary and the history to the workbook, with progress and cancel.
import { Button, Field, Link, MessageBar, MessageBarBody, ProgressBar, Switch, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import type { Issue } from '../../engine/types';
import { applyHold } from '../state/guardrails';
import type { ApplyState } from '../state/useApply';
import { ApplyReportView } from './ApplyReportView';
import { ClearOverridesDialog } from './ClearOverridesDialog';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  problems: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  buttons: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
});

export interface ApplyStepProps {
  state: ApplyState;
  /** Validation errors of the whole configuration: Apply waits until there are none. */
  problems: Issue[];
  ready: boolean;
  /** Why the period and filters leave nothing worth segmenting: Apply waits (scopeProblem). */
  blocked?: string;
  segmentColumns: boolean;
  onSegmentColumns(on: boolean): void;
  overrideCount: number;
  overridesCleared: boolean;
  onClearOverrides(): void;
  onApply(): void;
  onCancel(): void;
  onGoTo?(address: string): void;
  /** Says where a problem is in the pane's words ("Profit band > Mid: from"). */
  describe(where: string): string;
  /** Takes the user to the field that fixes a problem. */
  onFix(where: string): void;
}

export function ApplyStep(p: ApplyStepProps) {
  const styles = useStyles();
  const s = p.state;
  const running = s.phase === 'running';
  // Apply disables itself while it runs, and the focus would fall to the page's body: it goes to the
  // progress, then to the result, so a keyboard or screen reader user follows the run.
  const progress = useRef<HTMLDivElement>(null);
  const result = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (s.phase === 'running') progress.current?.focus();
    else if (s.phase !== 'idle') result.current?.focus();
  }, [s.phase]);
  return (
    <div className={styles.root}>
      <Text as="p">
        Apply writes the sheets Customer Tiers (one row per customer) and Segment Summary, keeps the run in a hidden history sheet, and saves these settings in the workbook. Your own sheets are never changed.
      </Text>
      <Switch
        label="Also write a segment column beside the sales data"
        checked={p.segmentColumns}
        disabled={running}
        onChange={(_, d) => p.onSegmentColumns(d.checked)}
      />
      {p.problems.length > 0 && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            {`Fix ${p.problems.length === 1 ? 'this problem' : `these ${p.problems.length} problems`} before applying: `}
            <ul className={styles.problems}>
              {p.problems.slice(0, 5).map((i, k) => (
                <li key={k}>
                  <Link as="button" onClick={() => p.onFix(i.where)}>
                    {p.describe(i.where)}
                  </Link>
                  : {i.message}
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {p.blocked && (
        <MessageBar intent="warning" layout="multiline" data-testid="apply-blocked">
          <MessageBarBody>{p.blocked}</MessageBarBody>
        </MessageBar>
      )}
      {p.overridesCleared && (
        <MessageBar intent="info">
          <MessageBarBody>The manual overrides will be removed when you apply.</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.buttons}>
        <Button appearance="primary" disabled={applyHold({ running, ready: p.ready, problems: p.problems, blocked: p.blocked }) !== undefined} onClick={p.onApply}>
          Apply
        </Button>
        {running && <Button onClick={p.onCancel}>Cancel</Button>}
        <ClearOverridesDialog count={p.overrideCount} onConfirm={p.onClearOverrides} disabled={running} />
      </div>
      {running && (
        <div ref={progress} tabIndex={-1} data-testid="apply-progress">
        <Field label={s.stage} validationMessage={s.total > 1 ? `${s.done} of ${s.total}` : undefined} validationState="none">
          <ProgressBar value={s.total > 1 ? s.done / s.total : undefined} thickness="large" aria-label={s.stage} />
        </Field>
        </div>
      )}
      <div ref={result} tabIndex={-1} data-testid="apply-result">
      {s.phase === 'done' && <ApplyReportView report={s.report} customers={s.customers} moved={s.moved} onGoTo={p.onGoTo} />}
      {s.phase === 'cancelled' &&
        (s.report ? (
          <ApplyReportView report={s.report} customers={0} cancelled onGoTo={p.onGoTo} />
        ) : (
          <MessageBar intent="warning">
            <MessageBarBody>Cancelled: nothing was written.</MessageBarBody>
          </MessageBar>
        ))}
      {s.phase === 'failed' && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody style={{ whiteSpace: 'pre-line' }}>{s.message}</MessageBarBody>
        </MessageBar>
      )}
      </div>
    </div>
  );
}
