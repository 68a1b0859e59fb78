// How the pane starts, with the real office.js (the @microsoft/office-js package answering for the Office
// CDN): a plain page is the playground; a page opened the way Office opens an add-in waits for Excel and
// never shows the sample, however long Office takes.
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { outcomeQuery } from '../../src/commands/outcome-url';
import { HINT_AFTER_MS } from '../../src/taskpane/startup';
import { launch, officeJsContext } from './browser';
import { DIST, serve } from './serve';

const ARTIFACTS = resolve(__dirname, '../../test-artifacts/e2e');

let server: Awaited<ReturnType<typeof serve>>;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(join(DIST, 'taskpane.html'))) throw new Error('dist/web is missing: run `npm run test:e2e` (it builds the bundle first)');
  mkdirSync(ARTIFACTS, { recursive: true });
  server = await serve();
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(query: string): Promise<{ page: Page; officeRequests: string[]; sampleRequests: string[]; close(): Promise<void> }> {
  const { context, requests } = await officeJsContext(browser, server.url, { viewport: { width: 360, height: 700 } });
  const page = await context.newPage();
  const sampleRequests: string[] = [];
  page.on('request', (r) => {
    if (/superstore/i.test(r.url())) sampleRequests.push(r.url());
  });
  await page.goto(`${server.url}/taskpane.html${query}`);
  return { page, officeRequests: requests, sampleRequests, close: () => context.close() };
}

test('the production page references office.js on the Office CDN, in <head>, not async', async () => {
  const { page, close } = await open('');
  const script = await page.evaluate(() => {
    const s = Array.from(document.querySelectorAll('script[src]')).find((e) => (e as HTMLScriptElement).src.endsWith('/office.js')) as HTMLScriptElement | undefined;
    return s && { src: s.src, inHead: s.parentElement === document.head, async: s.async, defer: s.defer };
  });
  expect(script).toEqual({ src: 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js', inHead: true, async: false, defer: false });
  await close();
});

test('a plain page with the real office.js is the playground, and its banner says why without "could not be loaded"', async () => {
  const { page, officeRequests, close } = await open('');
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.getByTestId('host-line').waitFor({ timeout: 30_000 });
  // office.js really ran (it is what answered "no host"), from the package, not from the network.
  expect(officeRequests).toContain('office.js');
  expect(await page.evaluate(() => typeof Office)).toBe('object');
  const banner = (await page.getByTestId('host-line').textContent()) ?? '';
  expect(banner).toContain('Playground');
  expect(banner).toContain('opened in a browser, not by Office');
  expect(banner).not.toContain('could not be loaded');
  // A first visit: the pane opens on the Data step.
  await page.getByTestId('data-counted').waitFor({ timeout: 30_000 });
  await page.screenshot({ path: join(ARTIFACTS, 'startup-playground.png') });
  expect(errors).toEqual([]);
  await close();
});

test('opened the way Office opens an add-in, the pane waits for Excel, says what to try after 10 s, and never shows the sample', async () => {
  const { page, officeRequests, sampleRequests, close } = await open('?_host_Info=Excel$Win32$16.01$en-US$$$$0');
  await page.getByTestId('waiting-excel').waitFor({ timeout: 30_000 });
  expect(await page.getByTestId('waiting-excel').textContent()).toContain('Waiting for Excel');
  // office.js read the query too: it went for Excel's Windows host file.
  expect(officeRequests).toContain('office.js');
  expect(officeRequests.some((f) => /^excel-win32-16\.01/.test(f))).toBe(true);
  expect(await page.getByTestId('waiting-hint').count()).toBe(0);
  await page.getByTestId('waiting-hint').waitFor({ timeout: HINT_AFTER_MS + 10_000 });
  expect(await page.getByTestId('waiting-hint').textContent()).toContain('open it again from Home > Tierwise');
  // Well past the old 3-second timer and the browser fallback: still waiting, no playground, no sample.
  await page.waitForTimeout(3_000);
  expect(await page.getByTestId('waiting-excel').count()).toBe(1);
  expect(await page.getByTestId('host-line').count()).toBe(0);
  expect(await page.getByTestId('preview-table').count()).toBe(0);
  expect(sampleRequests).toEqual([]);
  await page.screenshot({ path: join(ARTIFACTS, 'startup-waiting.png') });
  await close();
});

test("Run again's dialog shows the outcome from its URL as text, and its Close button only where office.js can close it", async () => {
  const { page, close } = await open(
    outcomeQuery({ title: 'Tiers updated', lines: ['5 customers from table "Orders".', 'Orders!F12: <img src=x onerror="document.title=1"> stays text'], openPane: false, problem: false }),
  );
  await page.goto(page.url().replace('/taskpane.html', '/run-again.html'));
  await page.getByRole('heading', { name: 'Tiers updated' }).waitFor({ timeout: 15_000 });
  expect(await page.getByRole('listitem').allTextContents()).toEqual(['5 customers from table "Orders".', 'Orders!F12: <img src=x onerror="document.title=1"> stays text']);
  expect(await page.locator('img').count()).toBe(0);
  // Outside a dialog office.js has no messageParent: the button that could not work stays hidden.
  expect(await page.getByRole('button', { name: 'Close' }).count()).toBe(0);
  await page.screenshot({ path: join(ARTIFACTS, 'run-again-dialog.png') });
  await close();
});
