// When the tiers were last computed, and whether the data changed since (history snapshot vs. the
// fingerprint of the data as read now).
import { Badge, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { PreviousRun } from '../../hosts/host';
import { useFormats } from '../format';

const useStyles = makeStyles({
  // One line each, in both states: a badge that came and went (or wrapped differently) moved the whole
  // pane by a line on every drag that crossed the applied settings, and made the browser repaint it all.
  root: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', rowGap: tokens.spacingVerticalXS },
  muted: { color: tokens.colorNeutralForeground3 },
});

export interface RunStatusProps {
  previous: PreviousRun | undefined;
  fingerprint: string | undefined;
  /** The draft differs from the settings of the last run (loaded from the workbook, or applied since). */
  settingsChanged: boolean;
}

export function RunStatus({ previous, fingerprint, settingsChanged }: RunStatusProps) {
  const styles = useStyles();
  const f = useFormats();
  const last = previous?.snapshots[previous.snapshots.length - 1];
  if (!last) {
    return (
      <Text size={200} className={styles.muted} data-testid="run-status">
        No tiers computed in this workbook yet.
      </Text>
    );
  }
  const changed = fingerprint !== undefined && fingerprint !== last.dataFingerprint;
  return (
    <div className={styles.root} data-testid="run-status">
      <Text size={200}>Tiers last computed {f.dateTime(last.time)}.</Text>
      {fingerprint !== undefined && (
        <Badge appearance="tint" color={changed ? 'warning' : 'success'}>
          {changed ? 'The data changed since then: apply again' : 'Data unchanged since then'}
        </Badge>
      )}
      {settingsChanged ? (
        <Badge appearance="tint" color="warning" data-testid="settings-changed">
          Settings changed since the last run
        </Badge>
      ) : (
        <Badge appearance="tint" color="success" data-testid="settings-unchanged">
          Settings as applied in the last run
        </Badge>
      )}
    </div>
  );
}
