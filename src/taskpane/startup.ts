/*
 * Inside Office or in a plain browser? Decided from what Office itself gives the page, never from a timer
 * alone: a slow Excel must not be mistaken for a browser, or the user would edit and apply tiers to the
 * bundled sample instead of their workbook.
 *
 * Office opens an add-in page with a `_host_Info` query (`Excel$Win32$16.01$en-US$$$$0`; Excel on the web
 * may separate with `|`), may pass the same value in `window.name` (JSON with `hostInfo`), and office.js
 * keeps it in sessionStorage (`hostInfoValue`) across navigations; Office's webviews also expose
 * `window.external.GetHostInfo`. These are the places office.js reads (office.debug.js,
 * `_retrieveHostInfo`), so they are the signals here too. `Office.onReady` then answers with the host.
 *
 * Pure: the caller reads the signals from the page and passes Office's answer when it comes.
 */

/** What the page knows before Office answers. */
export interface StartupSignals {
  /** `location.search`. */
  search: string;
  /** `window.name` (Excel on the web may pass `{"hostInfo": ...}` there). */
  windowName: string;
  /** sessionStorage `hostInfoValue`, written by office.js on an earlier load in the same pane. */
  storedHostInfo: string | null;
  /** Office's webview exposes `window.external.GetHostInfo` (or `agaveHost`). */
  hostBridge: boolean;
  /** The `Office` global exists (office.js ran; it is loaded synchronously in <head>). */
  officeJs: boolean;
}

/** `Office.onReady`'s answer: host and platform as office.js names them, null outside Office. */
export interface OfficeAnswer {
  host: string | null;
  platform: string | null;
}

/** The host and platform named by `_host_Info`, lower case as office.js keeps them. */
export interface HostInfo {
  host: string;
  platform: string;
}

export type Startup =
  /** Office said Excel: the pane on the workbook. */
  | { kind: 'excel'; platform: string }
  /** Opened by Office, which has not connected the page yet: wait, however long it takes. */
  | { kind: 'waiting'; host: HostInfo | undefined; why: WaitReason }
  /** Opened by another Office application (Word, PowerPoint...): Tierwise needs Excel. */
  | { kind: 'other-host'; host: string }
  /** Nothing says Office opened the page and office.js has not answered yet. */
  | { kind: 'starting' }
  /** A plain browser: the sample in memory. */
  | { kind: 'playground'; detail: string };

export type WaitReason =
  /** office.js is loaded and Office has not answered yet (the normal start of a slow Excel). */
  | 'connecting'
  /** office.js did not run although Office opened the page (the script failed to load). */
  | 'no-office-js'
  /** Office answered without a host although it opened the page (a page that lost its connection). */
  | 'no-host';

/** After this long without Excel's answer, the waiting pane says what to try (it keeps waiting). */
export const HINT_AFTER_MS = 10_000;
/**
 * Only for a page with no sign of Office: if office.js never answers (one of its own files hanging), the
 * playground after this long. A page that Office opened never gets here: it waits for Excel.
 */
export const BROWSER_FALLBACK_MS = 10_000;

/** One `_host_Info` value (`$` or `|` separated, possibly URI-encoded) as host and platform. */
export function parseHostInfo(value: string | null | undefined): HostInfo | undefined {
  if (!value) return undefined;
  let text = value;
  try {
    text = decodeURIComponent(value);
  } catch {
    // A malformed escape: office.js would throw too; read the raw text.
  }
  let parts = text.split('$');
  if (parts.length < 3) parts = text.split('|');
  const host = (parts[0] ?? '').trim().toLowerCase();
  if (!host) return undefined;
  return { host, platform: (parts[1] ?? '').trim().toLowerCase() };
}

/** The `_host_Info` query parameter, read the way office.js reads it (up to the next `&` or `#`). */
export function hostInfoFromSearch(search: string): string | undefined {
  const at = search.indexOf('_host_Info=');
  if (at < 0) return undefined;
  const rest = search.slice(at + '_host_Info='.length);
  return rest.split(/[&#]/)[0] || undefined;
}

function hostInfoFromWindowName(name: string): string | undefined {
  if (!name || name[0] !== '{') return undefined;
  try {
    const parsed: unknown = JSON.parse(name);
    const value = parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>).hostInfo : undefined;
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

/** The host Office named before office.js answered, from any of the places office.js looks. */
export function officeHostInfo(signals: StartupSignals): HostInfo | undefined {
  return parseHostInfo(hostInfoFromSearch(signals.search)) ?? parseHostInfo(hostInfoFromWindowName(signals.windowName)) ?? parseHostInfo(signals.storedHostInfo);
}

/** True when anything says Office opened this page. */
export function openedByOffice(signals: StartupSignals): boolean {
  return signals.hostBridge || officeHostInfo(signals) !== undefined;
}

/**
 * What the pane shows now, given the signals, Office's answer (undefined while it has not come) and how
 * long the page has waited for it. Once Office answers Excel, that is final.
 */
export function decideStartup(signals: StartupSignals, answer: OfficeAnswer | undefined, waitedMs: number): Startup {
  const host = officeHostInfo(signals);
  const inOffice = signals.hostBridge || host !== undefined;
  if (answer) {
    if (answer.host && answer.host.toLowerCase() === 'excel') return { kind: 'excel', platform: answer.platform ?? 'unknown platform' };
    if (answer.host) return { kind: 'other-host', host: answer.host };
    if (inOffice) return { kind: 'waiting', host, why: 'no-host' };
    return { kind: 'playground', detail: 'this page was opened in a browser, not by Office, so there is no workbook here.' };
  }
  if (inOffice) {
    if (host && host.host !== 'excel') return { kind: 'other-host', host: host.host };
    return { kind: 'waiting', host, why: signals.officeJs ? 'connecting' : 'no-office-js' };
  }
  if (!signals.officeJs) return { kind: 'playground', detail: 'office.js could not be loaded (offline?), so there is no workbook here.' };
  if (waitedMs >= BROWSER_FALLBACK_MS) {
    return { kind: 'playground', detail: 'this page was not opened by Office, and office.js did not answer.' };
  }
  return { kind: 'starting' };
}

/** What to try when Excel keeps the pane waiting (shown after HINT_AFTER_MS, and at once when it is stuck). */
export function waitingHint(state: Extract<Startup, { kind: 'waiting' }>): string {
  const reopen = 'Close this pane and open it again from Home > Tierwise; in Excel on the web, reload the browser tab.';
  const unchanged = 'Your workbook has not been changed.';
  switch (state.why) {
    case 'no-office-js':
      return `office.js, Microsoft's script that connects the pane to Excel, did not load. Check the network connection (for a sideloaded add-in, that its server is running). ${reopen} ${unchanged}`;
    case 'no-host':
      return `Excel opened this page but did not connect it to the workbook. ${reopen} ${unchanged}`;
    case 'connecting':
      return `Excel has not connected the pane yet. ${reopen} ${unchanged}`;
  }
}
