// Every editor at the widths Excel gives a task pane (320, 360 and 500 px): nothing wider than the
// pane (the page never scrolls sideways, no field runs past the edge), screenshots of each, and axe.
// With TIERWISE_SCREENSHOTS=1 the 360 px pictures are also written to docs/images (scripts/screenshots.sh).
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launch, offlineContext } from './browser';
import { DIST, serve } from './serve';

const ARTIFACTS = resolve(__dirname, '../../test-artifacts/e2e/narrow');
const IMAGES = resolve(__dirname, '../../docs/images');
const KEEP = process.env.TIERWISE_SCREENSHOTS === '1';

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

/** What sticks out past the pane's right edge: the page's sideways scroll, and each element that ends past it (outside a region that scrolls on its own). */
async function overflow(page: Page): Promise<{ page: number; elements: string[] }> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const scrolls = (e: Element | null): boolean => {
      for (let x = e; x; x = x.parentElement) {
        const o = getComputedStyle(x).overflowX;
        if (o === 'auto' || o === 'scroll' || o === 'hidden') return true;
      }
      return false;
    };
    const main = document.querySelector('main[aria-label="Tierwise"]');
    const elements: string[] = [];
    for (const e of Array.from(main?.querySelectorAll('*') ?? [])) {
      const r = e.getBoundingClientRect();
      if (r.width === 0 || r.right <= width + 0.5 || scrolls(e.parentElement)) continue;
      if (getComputedStyle(e).visibility === 'hidden') continue;
      elements.push(`${e.tagName.toLowerCase()}${e.getAttribute('aria-label') ? `[${e.getAttribute('aria-label')}]` : ''} ends at ${Math.round(r.right)}`);
    }
    return { page: document.documentElement.scrollWidth - width, elements: elements.slice(0, 5) };
  });
}

async function shot(page: Page, width: number, name: string): Promise<void> {
  const file = join(ARTIFACTS, `${width}-${name}.png`);
  // The pane only: under it the playground shows its in-memory workbook, which is not the pane.
  await page.locator('main[aria-label="Tierwise"]').screenshot({ path: file });
  if (KEEP && width === 360) copyFileSync(file, join(IMAGES, `pane-${name}.png`));
}

async function choose(page: Page, combobox: string, option: string): Promise<void> {
  await page.getByRole('combobox', { name: combobox }).click();
  await page.getByRole('option', { name: option }).click();
}

const EDITORS = [
  ['abc', 'ABC (Pareto share)'],
  ['bands', 'Bands (absolute ranges)'],
  ['loyalty', 'Loyalty points'],
  ['activity', 'Activity (state of mind)'],
  ['profiles', 'Questionnaire profiles'],
  ['rfm', 'RFM scores'],
  ['xyz', 'XYZ (steady or erratic buying)'],
] as const;

describe.each([320, 360, 500])('at %i px', (width) => {
  let page: Page;
  beforeAll(async () => {
    const context = await offlineContext(browser, server.url, { viewport: { width, height: 700 } });
    page = await context.newPage();
    await page.goto(`${server.url}/taskpane.html`);
    await page.getByTestId('preview-table').waitFor({ timeout: 30_000 });
  });
  afterAll(() => page?.context().close());

  it('the Data step fits with each kind of window', async () => {
    await page.getByRole('tab', { name: 'Data' }).click();
    await page.getByTestId('data-counted').waitFor();
    for (const [kind, label] of [['all', 'All dates'], ['rolling', 'The last months (rolling)'], ['year', 'A calendar or fiscal year']] as const) {
      await choose(page, 'Sales lines counted', label);
      await page.getByTestId('window-days').or(page.getByTestId('data-counted')).first().waitFor();
      expect({ kind, ...(await overflow(page)) }).toEqual({ kind, page: 0, elements: [] });
      await shot(page, width, `data-${kind}`);
    }
    await choose(page, 'Sales lines counted', 'All dates');
  });

  it.each(EDITORS)('the %s editor fits', async (kind, label) => {
    await page.getByRole('tab', { name: 'Segment types' }).click();
    if (kind === 'abc') {
      await page.getByRole('button', { name: /^Sales ABC/ }).first().click();
    } else if (kind === 'bands') {
      await page.getByRole('button', { name: /^Profit band/ }).first().click();
    } else {
      await page.getByRole('button', { name: 'Add segment type' }).click();
      await page.getByRole('menuitem', { name: label }).click();
    }
    await page.getByRole('region', { name: /^Edit / }).or(page.locator('section[aria-label^="Edit "]')).first().waitFor();
    if (kind === 'xyz') {
      // Crossed with Sales ABC, so the ABC-XYZ matrix under the preview is measured too.
      await choose(page, 'ABC type to cross with', 'Sales ABC');
      await page.getByTestId('abc-xyz-matrix').waitFor();
    }
    expect({ kind, ...(await overflow(page)) }).toEqual({ kind, page: 0, elements: [] });
    await shot(page, width, `editor-${kind}`);
  });

  it('the docked counts bar never hides the focused field (WCAG 2.4.11)', async () => {
    await page.setViewportSize({ width, height: 600 });
    await page.getByRole('tab', { name: 'Segment types' }).click();
    await page.getByRole('button', { name: /^Sales ABC/ }).first().click();
    await page.getByRole('button', { name: /^Sales ABC/ }).first().focus();
    const hidden: string[] = [];
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const covered = await page.evaluate(() => {
        const focused = document.activeElement as HTMLElement | null;
        const dock = document.querySelector<HTMLElement>('[data-testid="preview-dock"]');
        if (!focused || !dock || dock.dataset.hidden === 'true' || dock.contains(focused)) return undefined;
        const f = focused.getBoundingClientRect();
        const d = dock.getBoundingClientRect();
        return f.bottom > d.top + 1 && f.top < d.bottom ? focused.getAttribute('aria-label') ?? focused.textContent?.slice(0, 30) ?? focused.tagName : undefined;
      });
      if (covered) hidden.push(covered);
    }
    expect(hidden).toEqual([]);
    await page.setViewportSize({ width, height: 700 });
  });

  it('the Apply step fits', async () => {
    await page.getByRole('tab', { name: 'Apply' }).click();
    expect(await overflow(page)).toEqual({ page: 0, elements: [] });
    await shot(page, width, 'apply');
  });
});
