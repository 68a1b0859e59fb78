// Debian's Chromium driven by playwright-core: never a downloaded browser, no network but the
// page's own origin.
import { readFile } from 'node:fs/promises';
import { dirname, join, normalize } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

/** A context that answers any request to another origin with an error (office.js included: offline playground). */
export async function offlineContext(browser: Browser, origin: string, options: Parameters<Browser['newContext']>[0] = {}): Promise<BrowserContext> {
  const context = await browser.newContext({ locale: 'en-US', ...options });
  await context.route('**/*', (route) => (route.request().url().startsWith(origin) ? route.continue() : route.abort()));
  return context;
}

/** Where Microsoft hosts office.js, as the production build references it (webpack.config.js). */
export const OFFICE_JS_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/';
const OFFICE_JS_DIR = join(dirname(require.resolve('@microsoft/office-js/package.json')), 'dist');

/**
 * Like offlineContext, but the Office CDN is answered from the @microsoft/office-js package, so the page
 * boots the real office.js (and the host files it loads from beside itself) without the network.
 * `requests` records every CDN path the page asked for.
 */
export async function officeJsContext(browser: Browser, origin: string, options: Parameters<Browser['newContext']>[0] = {}): Promise<{ context: BrowserContext; requests: string[] }> {
  const context = await browser.newContext({ locale: 'en-US', ...options });
  const requests: string[] = [];
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (url.startsWith(origin)) return route.continue();
    if (!url.startsWith(OFFICE_JS_CDN)) return route.abort();
    const file = normalize(new URL(url).pathname.slice(new URL(OFFICE_JS_CDN).pathname.length)).replace(/^(\.\.[/\\])+/, '');
    requests.push(file);
    try {
      const body = await readFile(join(OFFICE_JS_DIR, file));
      return route.fulfill({ status: 200, body, contentType: file.endsWith('.js') ? 'text/javascript; charset=utf-8' : 'application/octet-stream' });
    } catch {
      return route.fulfill({ status: 404, body: 'not in @microsoft/office-js' });
    }
  });
  return { context, requests };
}

const AXE = require.resolve('axe-core/axe.min.js');

/**
 * axe-core's violations on the page (serious and critical only, unless `all`). One known false positive is dropped, node by node: Fluent's
 * focus manager (Tabster) adds `<i data-tabster-dummy aria-hidden tabindex=0>` bumpers that pass
 * focus on at once; aria-hidden is on purpose so screen readers skip them (microsoft/tabster#288,
 * microsoft/fluentui#27517 "by design"; Accessibility Insights suppresses them the same way).
 */
export async function axeViolations(page: Page, all = false): Promise<{ id: string; impact: string; nodes: string[] }[]> {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async (all) => {
    type Node = { target: string[]; html: string };
    const axe = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: { id: string; impact: string; nodes: Node[] }[] }> } }).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    const tabsterBumper = (id: string, n: Node) => id === 'aria-hidden-focus' && /^<i [^>]*data-tabster-dummy/.test(n.html);
    return r.violations
      .filter((v) => all || v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.filter((n) => !tabsterBumper(v.id, n)).map((n) => n.target.join(' ')) }))
      .filter((v) => v.nodes.length > 0);
  }, all);
}
