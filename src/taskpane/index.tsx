/*
 * Task-pane entry point: decides whether the page runs inside Excel or as a plain-browser playground
 * (startup.ts, from what Office gives the page: the `_host_Info` query and Office.onReady's answer), then
 * renders <App> inside Fluent UI's provider.
 *
 * office.js is loaded synchronously in <head> (as Microsoft documents), so it has run, or failed, before
 * this deferred bundle starts. A page that Office opened waits for Excel as long as Office takes, and
 * never becomes the playground; the playground is only for a page opened plainly in a browser.
 */
import { MessageBar, MessageBarBody, MessageBarTitle, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { FluentProvider, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import App from './App';
import { BROWSER_FALLBACK_MS, HINT_AFTER_MS, decideStartup, waitingHint, type OfficeAnswer, type Startup, type StartupSignals } from './startup';

declare global {
  interface Window {
    /** Set by taskpane.html in Internet Explorer and Edge Legacy webviews, where it shows its own message. */
    __tierwiseUnsupported?: boolean;
  }
}

/** Outside Office the page follows the system's light or dark setting. */
const systemIsDark = () => typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches;

function officeGlobal(): typeof Office | undefined {
  return typeof Office === 'undefined' ? undefined : Office;
}

/** Office's theme is dark when its body background is dark (officeTheme is missing on some platforms). */
function officeThemeIsDark(office: typeof Office): boolean {
  try {
    const hex = office.context?.officeTheme?.bodyBackgroundColor;
    const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex ?? '');
    if (!m) return false;
    const [r, g, b] = m.slice(1).map((h) => parseInt(h, 16) / 255);
    return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5;
  } catch {
    return false;
  }
}

/** The same places office.js reads its host information from (startup.ts). */
function readSignals(): StartupSignals {
  let stored: string | null = null;
  try {
    stored = window.sessionStorage?.getItem('hostInfoValue') ?? null;
  } catch {
    // Storage refused (privacy settings): one signal fewer.
  }
  let bridge = false;
  try {
    const external = (window as unknown as { external?: { GetHostInfo?: unknown } }).external;
    bridge = typeof external?.GetHostInfo === 'function' || typeof (window as unknown as { agaveHost?: unknown }).agaveHost !== 'undefined';
  } catch {
    // window.external throws on access in some webviews: no bridge seen.
  }
  return { search: window.location.search, windowName: window.name, storedHostInfo: stored, hostBridge: bridge, officeJs: officeGlobal() !== undefined };
}

const useStyles = makeStyles({
  waiting: { padding: tokens.spacingHorizontalL, display: 'grid', gap: tokens.spacingVerticalL },
});

/** Inside Office before Excel answers: a spinner, and after HINT_AFTER_MS (at once when stuck) what to try. */
function Waiting({ state }: { state: Extract<Startup, { kind: 'waiting' }> }) {
  const styles = useStyles();
  const stuck = state.why !== 'connecting';
  const [late, setLate] = useState(stuck);
  useEffect(() => {
    if (stuck) return;
    const timer = setTimeout(() => setLate(true), HINT_AFTER_MS);
    return () => clearTimeout(timer);
  }, [stuck]);
  return (
    <div className={styles.waiting} data-testid="waiting-excel">
      <Spinner label="Waiting for Excel…" />
      {late && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody data-testid="waiting-hint">
            <MessageBarTitle>Still waiting</MessageBarTitle>
            {waitingHint(state)}
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}

function View({ state }: { state: Startup }) {
  switch (state.kind) {
    case 'excel':
      return <App key="excel" host="excel" detail={`Excel (${state.platform})`} />;
    case 'playground':
      return <App key="playground" host="playground" detail={state.detail} />;
    case 'waiting':
      return <Waiting state={state} />;
    case 'other-host':
      return (
        <MessageBar intent="error" layout="multiline" data-testid="other-host">
          <MessageBarBody>
            <MessageBarTitle>Tierwise works in Excel</MessageBarTitle>
            This pane was opened in {state.host}. Open it from Excel&apos;s Home tab.
          </MessageBarBody>
        </MessageBar>
      );
    case 'starting':
      return <Spinner label="Loading Tierwise…" style={{ padding: 16 }} />;
  }
}

function render(root: ReturnType<typeof createRoot>, state: Startup): void {
  const office = officeGlobal();
  const dark = state.kind === 'excel' ? office !== undefined && officeThemeIsDark(office) : state.kind === 'playground' && systemIsDark();
  const theme = dark ? webDarkTheme : webLightTheme;
  // The page around the provider takes the theme too: where the playground's sheets are wider than the
  // window, or the page is scrolled past the pane, dark mode showed a white strip (the page's default).
  const html = document.documentElement;
  html.style.backgroundColor = theme.colorNeutralBackground1;
  html.style.color = theme.colorNeutralForeground1;
  html.style.colorScheme = dark ? 'dark' : 'light';
  root.render(
    <StrictMode>
      <FluentProvider theme={theme} style={{ minHeight: '100vh' }}>
        <View state={state} />
      </FluentProvider>
    </StrictMode>,
  );
}

function main(): void {
  // An old webview: taskpane.html already says why the pane cannot run (and this line may never run there).
  if (window.__tierwiseUnsupported) return;
  const container = document.getElementById('root');
  if (!container) throw new Error('taskpane.html has no #root element');
  const root = createRoot(container);
  const signals = readSignals();
  const started = Date.now();
  let answer: OfficeAnswer | undefined;
  let shown: Startup | undefined;
  const update = () => {
    const next = decideStartup(signals, answer, Date.now() - started);
    // Excel is final; a playground gives way only to Excel (a late answer from an Office that gave no sign).
    if (shown?.kind === 'excel') return;
    if (shown?.kind === 'playground' && next.kind !== 'excel') return;
    if (shown && next.kind === shown.kind && JSON.stringify(next) === JSON.stringify(shown)) return;
    shown = next;
    render(root, next);
  };
  update();
  const office = officeGlobal();
  if (office) {
    office.onReady().then(
      (info) => {
        answer = { host: info.host ? String(info.host) : null, platform: info.platform ? String(info.platform) : null };
        update();
      },
      () => {
        answer = { host: null, platform: null };
        update();
      },
    );
    // Only a page with no sign of Office can change at this tick (startup.ts: BROWSER_FALLBACK_MS).
    setTimeout(update, BROWSER_FALLBACK_MS);
  }
}

main();
