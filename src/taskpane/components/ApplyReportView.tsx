// What Apply wrote, and the way to the results.
import { Button, MessageBar, MessageBarBody, MessageBarTitle, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { quoteSheet } from '../../engine/address';
import type { ApplyReport } from '../../hosts/host';
import { SHEET_NAMES } from '../../plan/planner';
import type { WhyCount } from '../../plan/why';
import { useFormats } from '../format';
import { IssueList } from './IssueList';

const useStyles = makeStyles({
  list: { margin: `${tokens.spacingVerticalXS} 0`, paddingLeft: tokens.spacingHorizontalL },
  moved: { marginTop: tokens.spacingVerticalS, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS },
  buttons: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
});

/** The name the host actually gave a sheet (it picks another when a user's sheet holds the wanted one). */
const sheetName = (report: ApplyReport, wanted: string) => report.renamed.find((r) => r.wanted === wanted)?.used ?? wanted;

export interface ApplyReportViewProps {
  report: ApplyReport;
  customers: number;
  cancelled?: boolean;
  /** The customers that moved since the last run, by cause (absent without a last run). */
  moved?: WhyCount[];
  onGoTo?(address: string): void;
}

export function ApplyReportView({ report, customers, cancelled, moved, onGoTo }: ApplyReportViewProps) {
  const styles = useStyles();
  const f = useFormats();
  const intent = cancelled || !report.complete ? 'warning' : report.issues.length ? 'warning' : 'success';
  return (
    <div role="status" data-testid="apply-report">
      <MessageBar intent={intent} layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>
            {cancelled ? 'Stopped before the end.' : report.complete ? `Done: ${f.integer(customers)} customers segmented.` : 'Nothing was written.'}
          </MessageBarTitle>
          {report.written.length > 0 && (
            <ul className={styles.list}>
              {report.written.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          )}
          {report.renamed.map((r) => (
            <div key={r.wanted}>{`A sheet named "${r.wanted}" is yours, so Tierwise wrote to "${r.used}".`}</div>
          ))}
        </MessageBarBody>
      </MessageBar>
      {moved && report.complete && !cancelled && <MovedSinceLastRun moved={moved} />}
      {report.issues.length > 0 && <IssueList issues={report.issues} total={report.issues.length} leftOutRows={0} onSelect={onGoTo} />}
      {report.complete && onGoTo && (
        <div className={styles.buttons} style={{ marginTop: tokens.spacingVerticalS }}>
          <Button onClick={() => onGoTo(`${quoteSheet(sheetName(report, SHEET_NAMES.tiers))}!A1`)}>Go to the tiers table</Button>
          <Button onClick={() => onGoTo(`${quoteSheet(sheetName(report, SHEET_NAMES.summary))}!A1`)}>Go to the summary</Button>
        </div>
      )}
    </div>
  );
}

/**
 * Why customers changed segment since the last run, counted by cause per segment type: what a manager
 * asks first after Apply. Each customer and its own reason are on the Segment Summary. Nothing when no
 * segment type of the last run is in this one (renamed, removed): there is nothing to compare.
 */
function MovedSinceLastRun({ moved }: { moved: WhyCount[] }) {
  const styles = useStyles();
  const f = useFormats();
  if (moved.length === 0) return null;
  return (
    <section className={styles.moved} aria-labelledby="moved-heading" data-testid="why-moved">
      <Subtitle2 as="h2" id="moved-heading">
        Since the last run
      </Subtitle2>
      {moved.map((t) =>
        t.moved === 0 ? (
          <div key={t.typeName}>{`${t.typeName}: no customer changed segment.`}</div>
        ) : (
          <div key={t.typeName}>
            {`${t.typeName}: ${f.integer(t.moved)} customer${t.moved === 1 ? '' : 's'} changed segment.`}
            <ul className={styles.list}>
              {t.causes.map((c) => (
                <li key={c.cause}>{`${c.cause}: ${f.integer(c.customers)}`}</li>
              ))}
            </ul>
          </div>
        ),
      )}
      {moved.some((t) => t.moved > 0) && <div>Each customer and the reason are listed on the Segment Summary, under the migration matrix.</div>}
    </section>
  );
}
