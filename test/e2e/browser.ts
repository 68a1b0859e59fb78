// Debian's Chromium driven by playwright-core: never a downloaded browser, no network but the
// page's own origin.
import { readFile } from 'node:fs/promises';
import { dirname, join, normalize } from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

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
