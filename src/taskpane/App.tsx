import { Body1, Title2, makeStyles, tokens } from '@fluentui/react-components';

/**
 * The task pane's root component. Deliberately minimal: the real pane replaces this file and keeps the
 * props contract, which index.tsx fills in once it knows where it runs.
 */
export interface AppProps {
  /** 'excel': inside Excel with office.js ready; 'playground': a plain browser, no workbook. */
  host: 'excel' | 'playground';
  /** One human-readable line about the environment (platform, or why it is a playground). */
  detail: string;
}

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalL,
  },
  detail: {
    color: tokens.colorNeutralForeground3,
  },
});

export default function App({ host, detail }: AppProps) {
  const styles = useStyles();
  return (
    <main className={styles.root}>
      <Title2 as="h1">Tierwise</Title2>
      <Body1 data-testid="host-line">
        {host === 'excel' ? 'Running in Excel.' : 'Running as a playground in the browser (not connected to Excel).'}
      </Body1>
      <Body1 className={styles.detail}>{detail}</Body1>
    </main>
  );
}
