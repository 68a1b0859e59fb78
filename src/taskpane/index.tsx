/*
 * Task-pane entry point: decides whether the page runs inside Excel or as a plain-browser playground,
 * then renders <App> inside Fluent UI's provider.
 *
 * office.js is loaded async by taskpane.html (window.__tierwiseOfficeJs records 'loading' | 'loaded' |
 * 'failed'). The decision never waits longer than DETECT_TIMEOUT_MS:
 *   - office.js failed to load (offline)                      -> playground, immediately
 *   - Office.onReady resolves with host Excel                  -> excel
 *   - Office.onReady resolves with host null (plain browser)   -> playground
 *   - neither within the timeout (office.js or one of its own
 *     files hanging: Office.onReady then never resolves)       -> playground, and if Excel turns up
 *                                                                 later the pane switches to it.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { FluentProvider, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import App, { type AppProps } from './App';

declare global {
  interface Window {
    __tierwiseOfficeJs?: 'loading' | 'loaded' | 'failed';
    /** Set by taskpane.html in Internet Explorer and Edge Legacy webviews, where it shows its own message. */
    __tierwiseUnsupported?: boolean;
  }
}

const DETECT_TIMEOUT_MS = 3000;

interface Environment extends AppProps {
  dark: boolean;
  /** True when the playground verdict came from the timeout, so a late Excel answer may still win. */
  timedOut?: boolean;
}

/** Outside Office the page follows the system's light or dark setting. */
const systemIsDark = () => typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches;

function playground(detail: string, timedOut = false): Environment {
  return { host: 'playground', detail, dark: systemIsDark(), timedOut };
}

function officeGlobal(): typeof Office | undefined {
  return typeof Office === 'undefined' ? undefined : Office;
}

/** Resolves true once office.js has run, false if it failed; stays pending while it is still loading. */
function officeScriptLoaded(): Promise<boolean> {
  if (officeGlobal()) return Promise.resolve(true);
  const status = window.__tierwiseOfficeJs;
  const script = document.getElementById('office-js');
  if (status === 'failed' || status === 'loaded' || !script) return Promise.resolve(false);
  return new Promise((resolve) => {
    script.addEventListener('load', () => resolve(Boolean(officeGlobal())), { once: true });
    script.addEventListener('error', () => resolve(false), { once: true });
  });
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

/** The full answer, without a time limit (may never settle if office.js hangs). */
async function detectEnvironment(): Promise<Environment> {
  if (!(await officeScriptLoaded())) {
    return playground('office.js could not be loaded (offline?), so there is no workbook here.');
  }
  const office = officeGlobal();
  if (!office) return playground('office.js did not initialise.');
  let info: { host: Office.HostType | null; platform: Office.PlatformType | null };
  try {
    info = await office.onReady();
  } catch {
    return playground('office.js failed to initialise.');
  }
  if (info.host === office.HostType.Excel) {
    return { host: 'excel', detail: `Excel (${info.platform ?? 'unknown platform'})`, dark: officeThemeIsDark(office) };
  }
  if (info.host) return playground(`Opened in ${info.host}; Tierwise needs Excel.`);
  return playground('Opened in a browser, outside Office.');
}

function withTimeout(env: Promise<Environment>, ms: number): Promise<Environment> {
  const timeout = new Promise<Environment>((resolve) =>
    setTimeout(() => resolve(playground('Office did not answer in time, so this is a playground.', true)), ms),
  );
  return Promise.race([env, timeout]);
}

function render(root: ReturnType<typeof createRoot>, env: Environment): void {
  root.render(
    <StrictMode>
      <FluentProvider theme={env.dark ? webDarkTheme : webLightTheme} style={{ minHeight: '100vh' }}>
        <App host={env.host} detail={env.detail} />
      </FluentProvider>
    </StrictMode>,
  );
}

async function main(): Promise<void> {
  // An old webview: taskpane.html already says why the pane cannot run (and this line may never run there).
  if (window.__tierwiseUnsupported) return;
  const container = document.getElementById('root');
  if (!container) throw new Error('taskpane.html has no #root element');
  const root = createRoot(container);
  const detection = detectEnvironment();
  const first = await withTimeout(detection, DETECT_TIMEOUT_MS);
  render(root, first);
  if (first.timedOut) {
    const late = await detection;
    if (late.host === 'excel') render(root, late);
  }
}

void main();
