// What Apply wrote, and the way to the results.
import { Button, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import { quoteSheet } from '../../engine/address';
import type { ApplyReport } from '../../hosts/host';
import { SHEET_NAMES } from '../../plan/planner';
import { useFormats } from '../format';
import { IssueList } from './IssueList';

const useStyles = makeStyles({
  list: { margin: `${tokens.spacingVerticalXS} 0`, paddingLeft: tokens.spacingHorizontalL },
  buttons: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
});

/** The name the host actually gave a sheet (it picks another when a user's sheet holds the wanted one). */
const sheetName = (report: ApplyReport, wanted: string) => report.renamed.find((r) => r.wanted === wanted)?.used ?? wanted;

export interface ApplyReportViewProps {
  report: ApplyReport;
  customers: number;
  cancelled?: boolean;
  onGoTo?(address: string): void;
}

export function ApplyReportView({ report, customers, cancelled, onGoTo }: ApplyReportViewProps) {
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
