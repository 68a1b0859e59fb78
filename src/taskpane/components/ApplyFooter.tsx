// The footer of the Data and Segment types steps: Apply, one line saying what it will do or why it
// waits, and the Undo bar of the last removal. It sticks to the bottom of the pane (under the docked
// counts), so Apply is never a tab and a screen away; pressing it runs the Apply step's own Apply.
import { Button, Link, MessageBar, MessageBarActions, MessageBarBody, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useLayoutEffect, useRef, type Ref } from 'react';
import type { Removal } from '../state/draft';
import type { ApplyHold } from '../state/guardrails';

/** The footer's height, for the docked counts above it and the page's scroll padding (Pane). */
export const FOOTER_HEIGHT_VAR = '--tierwise-footer';

const useStyles = makeStyles({
  root: {
    position: 'sticky',
    bottom: 0,
    zIndex: 2,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  },
  line: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalS },
  what: { flexGrow: 1, minWidth: 0, color: tokens.colorNeutralForeground2 },
  apply: { flexShrink: 0 },
});

export interface ApplyFooterProps {
  /** Why Apply waits (guardrails.ts applyHold), or undefined when it can run. */
  hold: ApplyHold | undefined;
  /** What the pane is busy with while the data is read ("Reading the sales data"). */
  busy: string | undefined;
  typeCount: number;
  describe(where: string): string;
  onFix(where: string): void;
  onApply(): void;
  /** The removal the bar offers to undo. */
  removal: Removal | undefined;
  undoRef: Ref<HTMLButtonElement>;
  onUndo(): void;
  onDismiss(): void;
}

function What({ hold, busy, typeCount, describe, onFix }: Pick<ApplyFooterProps, 'hold' | 'busy' | 'typeCount' | 'describe' | 'onFix'>) {
  switch (hold?.kind) {
    case undefined:
      return <>{`Writes ${typeCount === 1 ? 'the segment type' : `${typeCount} segment types`} to Customer Tiers and Segment Summary.`}</>;
    case 'running':
      return <>Applying…</>;
    case 'waiting':
      return <>{busy ? `${busy}…` : 'Waiting for usable sales data: see the Data step.'}</>;
    case 'problems':
      return (
        <>
          {`Fix ${hold.count === 1 ? 'this problem' : `${hold.count} problems`} first: `}
          <Link as="button" inline onClick={() => onFix(hold.first.where)}>
            {describe(hold.first.where)}
          </Link>
          {`: ${hold.first.message}`}
        </>
      );
    case 'blocked':
      return <>{hold.message}</>;
  }
}

export function ApplyFooter(p: ApplyFooterProps) {
  const styles = useStyles();
  const root = useRef<HTMLElement>(null);
  // The docked counts sit on top of the footer and the scroll padding keeps a focused field above both:
  // both read the footer's height, which changes as its line wraps or the Undo bar comes and goes.
  useLayoutEffect(() => {
    const el = root.current;
    const html = document.documentElement;
    if (!el) return;
    const measure = () => html.style.setProperty(FOOTER_HEIGHT_VAR, `${Math.ceil(el.getBoundingClientRect().height)}px`);
    measure();
    const observer = typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(measure);
    observer?.observe(el);
    return () => {
      observer?.disconnect();
      html.style.setProperty(FOOTER_HEIGHT_VAR, '0px');
    };
  }, []);
  return (
    <section ref={root} className={styles.root} aria-label="Apply from here" data-testid="apply-footer">
      {p.removal && (
        <MessageBar intent="info" data-testid="removed">
          <MessageBarBody>Removed {p.removal.what}.</MessageBarBody>
          <MessageBarActions>
            <Button ref={p.undoRef} onClick={p.onUndo}>
              Undo
            </Button>
            <Button appearance="transparent" onClick={p.onDismiss}>
              Dismiss
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      <div className={styles.line}>
        <Text size={200} id="apply-footer-what" className={styles.what} data-testid="apply-footer-what">
          <What hold={p.hold} busy={p.busy} typeCount={p.typeCount} describe={p.describe} onFix={p.onFix} />
        </Text>
        <Button className={styles.apply} appearance="primary" disabled={p.hold !== undefined} aria-describedby="apply-footer-what" onClick={p.onApply}>
          Apply
        </Button>
      </div>
    </section>
  );
}
