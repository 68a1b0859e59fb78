// The task pane's root: in Excel, the pane on the Excel host; in a plain browser, the playground
// (the same pane on an in-memory workbook holding the Superstore sample, with its sheets shown).
import { MessageBar, MessageBarBody, MessageBarTitle, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { errorMessage } from '../engine/types';
import type { WorkbookHost } from '../hosts/host';
import type { MemoryWorkbook } from '../hosts/memory/workbook';
import { Pane, type PaneApi } from './components/Pane';
import { createExcelHost } from './excel-host';
import { FormatContext, makeFormats, paneLocale } from './format';
import { installBench } from './playground/bench-hook';
import type { PlaygroundHost } from './playground/PlaygroundHost';
import { loadPlayground } from './playground/sample';
import { storedStepMemory, type StepMemory } from './state/lastStep';
import { SheetsView } from './playground/SheetsView';
import type { EngineClient } from './worker/client';
import { spawnEngine } from './worker/spawn';

export interface AppProps {
  /** 'excel': inside Excel with office.js ready; 'playground': a plain browser, no workbook. */
  host: 'excel' | 'playground';
  /** One human-readable line about the environment (platform, or why it is a playground). */
  detail: string;
}

const useStyles = makeStyles({
  playground: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr)',
    '@media (min-width: 1000px)': { gridTemplateColumns: 'minmax(320px, 460px) minmax(0, 1fr)', alignItems: 'start' },
  },
  banner: { margin: tokens.spacingHorizontalM },
  loading: { padding: tokens.spacingHorizontalL },
});

/**
 * The step last used, per workbook: Excel names the workbook by its address (a path or a URL); a new
 * workbook not saved yet may have none, and is then opened as a first visit. The playground is one.
 */
function stepMemory(where: AppProps['host']): StepMemory | undefined {
  if (where === 'playground') return storedStepMemory('playground');
  let url: string | undefined;
  try {
    url = typeof Office === 'undefined' ? undefined : Office.context?.document?.url;
  } catch {
    url = undefined;
  }
  return url ? storedStepMemory(url) : undefined;
}

// One engine per page (React's StrictMode would otherwise start two workers in development).
let engine: EngineClient | undefined;
const theEngine = () => (engine ??= spawnEngine());

type Loaded = { host: WorkbookHost; playground?: { host: PlaygroundHost; workbook: MemoryWorkbook } } | { error: string };

export default function App({ host: where, detail }: AppProps) {
  const styles = useStyles();
  const [formats] = useState(() => makeFormats(paneLocale(where)));
  const [steps] = useState(() => stepMemory(where));
  const [loaded, setLoaded] = useState<Loaded>();
  const api = useRef<PaneApi>();
  useEffect(() => {
    let live = true;
    const done = (l: Loaded) => live && setLoaded(l);
    if (where === 'excel') createExcelHost().then((host) => done({ host }), (e) => done({ error: errorMessage(e) }));
    else
      loadPlayground(theEngine()).then(
        (pg) => {
          installBench(theEngine(), () => api.current);
          done({ host: pg.host, playground: pg });
        },
        (e) => done({ error: `The sample data could not be loaded: ${errorMessage(e)}` }),
      );
    return () => {
      live = false;
    };
  }, [where]);

  let body;
  if (!loaded) body = <Spinner className={styles.loading} label={where === 'excel' ? 'Connecting to Excel…' : 'Loading the Superstore sample…'} />;
  else if ('error' in loaded)
    body = (
      <MessageBar intent="error" layout="multiline" className={styles.banner}>
        <MessageBarBody>
          <MessageBarTitle>Tierwise cannot start</MessageBarTitle>
          {loaded.error}
        </MessageBarBody>
      </MessageBar>
    );
  else if (loaded.playground)
    body = (
      <div className={styles.playground}>
        <Pane host={loaded.host} engine={theEngine()} onApi={(a) => (api.current = a)} steps={steps} />
        <SheetsView host={loaded.playground.host} workbook={loaded.playground.workbook} />
      </div>
    );
  else body = <Pane host={loaded.host} engine={theEngine()} steps={steps} />;
  return (
    <FormatContext.Provider value={formats}>
      {where === 'playground' && (
        // The page's banner landmark: every text of the page is inside one (axe: region).
        <header>
          <MessageBar intent="info" className={styles.banner}>
            <MessageBarBody data-testid="host-line">Playground: {detail} Tierwise runs on an in-memory copy of the Superstore sample; nothing leaves this page.</MessageBarBody>
          </MessageBar>
        </header>
      )}
      {body}
    </FormatContext.Provider>
  );
}
