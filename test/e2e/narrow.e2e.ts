// Every editor and step at the widths Excel gives a task pane (320, 360 and 500 px), in light and dark:
// nothing wider than the pane (the page never scrolls sideways, no field runs past the edge), no axe
// violation of any impact (contrast 4.5:1 for every text included), the docked counts and the Apply
// footer never over the focused field, no light strip around a dark page, and screenshots of each.
// With TIERWISE_SCREENSHOTS=1 the 360 px light pictures are also written to docs/images (scripts/screenshots.sh).
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, launch, offlineContext } from './browser';
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

type Scheme = 'light' | 'dark';

async function shot(page: Page, width: number, scheme: Scheme, name: string): Promise<void> {
  const file = join(ARTIFACTS, `${width}-${name}${scheme === 'dark' ? '-dark' : ''}.png`);
  // The pane only: under it the playground shows its in-memory workbook, which is not the pane. The
  // window as tall as the pane for the picture, so the docked counts and the footer rest at its end
  // instead of floating over the middle of a picture taller than the window.
  const main = page.locator('main[aria-label="Tierwise"]');
  const viewport = page.viewportSize()!;
  const height = await main.evaluate((e) => Math.ceil(e.getBoundingClientRect().bottom + window.scrollY));
  await page.setViewportSize({ width: viewport.width, height: Math.max(viewport.height, height) });
  await page.evaluate(() => window.scrollTo(0, 0));
  await main.screenshot({ path: file });
  await page.setViewportSize(viewport);
  if (KEEP && width === 360 && scheme === 'light') copyFileSync(file, join(IMAGES, `pane-${name}.png`));
}

/** Every axe violation, whatever its impact, labelled with where it was found. */
async function axe(page: Page, where: string): Promise<{ where: string; violations: unknown[] }> {
  return { where, violations: await axeViolations(page, true) };
}

/**
 * The colour the page shows at the bottom and right edges of the window, scrolled to the end: the
 * first background that is not transparent under each point, up to the page itself; and the canvas's.
 */
async function edgeColours(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    window.scrollTo(0, document.documentElement.scrollHeight);
    const w = document.documentElement.clientWidth;
    const h = window.innerHeight;
    const under = (x: number, y: number) => {
      for (let e = document.elementFromPoint(x, y); e; e = e.parentElement) {
        const c = getComputedStyle(e).backgroundColor;
        if (c !== 'rgba(0, 0, 0, 0)' && c !== 'transparent') return c;
      }
      return getComputedStyle(document.documentElement).backgroundColor;
    };
    // The canvas, seen wherever nothing covers it (past the provider, overscroll): the root's
    // background, else the body's, else the browser's white.
    const clear = (c: string) => c === 'rgba(0, 0, 0, 0)' || c === 'transparent';
    const root = getComputedStyle(document.documentElement).backgroundColor;
    const body = getComputedStyle(document.body).backgroundColor;
    const canvas = !clear(root) ? root : !clear(body) ? body : 'rgb(255, 255, 255)';
    return [under(w - 1, h - 1), under(w - 1, Math.floor(h / 2)), under(Math.floor(w / 2), h - 1), canvas];
  });
}

/** Relative luminance of `rgb(r, g, b)` (WCAG 2), 0 black to 1 white. */
function luminance(rgb: string): number {
  const [r, g, b] = (rgb.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((v) => {
    const c = Number(v) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Tab `presses` times from where the focus is; the focused controls that the docked counts or the Apply footer cover. */
async function coveredWhileTabbing(page: Page, presses: number): Promise<string[]> {
  const hidden: string[] = [];
  for (let i = 0; i < presses; i++) {
    await page.keyboard.press('Tab');
    const covered = await page.evaluate(() => {
      const focused = document.activeElement as HTMLElement | null;
      if (!focused || focused === document.body) return undefined;
      const f = focused.getBoundingClientRect();
      const bars = [document.querySelector<HTMLElement>('[data-testid="preview-dock"]'), document.querySelector<HTMLElement>('[data-testid="apply-footer"]')];
      for (const bar of bars) {
        if (!bar || bar.dataset.hidden === 'true' || bar.contains(focused)) continue;
        const d = bar.getBoundingClientRect();
        if (f.bottom > d.top + 1 && f.top < d.bottom) return `${focused.getAttribute('aria-label') ?? focused.textContent?.slice(0, 30) ?? focused.tagName} under ${bar.dataset.testid}`;
      }
      return undefined;
    });
    if (covered) hidden.push(covered);
  }
  return hidden;
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

const WIDTHS = [320, 360, 500].flatMap((width) => (['light', 'dark'] as const).map((scheme) => [width, scheme] as const));

describe.each(WIDTHS)('at %i px, %s', (width, scheme) => {
  let page: Page;
  beforeAll(async () => {
    const context = await offlineContext(browser, server.url, { viewport: { width, height: 700 }, colorScheme: scheme });
    page = await context.newPage();
    await page.goto(`${server.url}/taskpane.html`);
    // A first visit opens on the Data step.
    await page.getByTestId('data-counted').waitFor({ timeout: 30_000 });
  });
  afterAll(() => page?.context().close());

  it('the Data step fits with each kind of window', async () => {
    expect(await page.getByRole('tab', { name: 'Data' }).getAttribute('aria-selected')).toBe('true');
    await page.getByTestId('data-counted').waitFor();
    const found = [];
    for (const [kind, label] of [['all', 'All dates'], ['rolling', 'The last months (rolling)'], ['year', 'A calendar or fiscal year']] as const) {
      await choose(page, 'Sales lines counted', label);
      await page.getByTestId('window-days').or(page.getByTestId('data-counted')).first().waitFor();
      expect({ kind, ...(await overflow(page)) }).toEqual({ kind, page: 0, elements: [] });
      await shot(page, width, scheme, `data-${kind}`);
      found.push(await axe(page, `data-${kind}`));
    }
    await choose(page, 'Sales lines counted', 'All dates');
    expect(found).toEqual(found.map((f) => ({ where: f.where, violations: [] })));
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
    await shot(page, width, scheme, `editor-${kind}`);
    expect(await axe(page, `editor-${kind}`)).toEqual({ where: `editor-${kind}`, violations: [] });
  });

  it('the docked counts bar and the Apply footer never hide the focused field (WCAG 2.4.11)', async () => {
    await page.setViewportSize({ width, height: 600 });
    await page.getByRole('tab', { name: 'Segment types' }).click();
    await page.getByRole('button', { name: /^Sales ABC/ }).first().click();
    await page.getByRole('button', { name: /^Sales ABC/ }).first().focus();
    // The footer is there, under the dock, not over it.
    const footer = (await page.getByTestId('apply-footer').boundingBox())!;
    const dock = page.getByTestId('preview-dock');
    if ((await dock.getAttribute('data-hidden')) === 'false') expect((await dock.boundingBox())!.y + (await dock.boundingBox())!.height).toBeLessThanOrEqual(footer.y + 1);
    expect(await coveredWhileTabbing(page, 40)).toEqual([]);
    // The Data step, with the footer alone.
    await page.getByRole('tab', { name: 'Data' }).click();
    await page.getByTestId('data-counted').waitFor();
    await page.getByRole('tab', { name: 'Data' }).focus();
    expect(await coveredWhileTabbing(page, 30)).toEqual([]);
    await page.setViewportSize({ width, height: 700 });
  });

  it('a removed segment comes back with the Undo of the footer', async () => {
    await page.getByRole('tab', { name: 'Segment types' }).click();
    await page.getByRole('button', { name: /^Sales ABC/ }).first().click();
    // By keyboard: a click would leave the mouse over the row that moves up under it, with its tooltip open.
    await page.getByRole('button', { name: 'Remove C' }).focus();
    await page.keyboard.press('Enter');
    const undo = page.getByTestId('removed').getByRole('button', { name: 'Undo' });
    await undo.waitFor();
    expect(await undo.evaluate((b) => b === document.activeElement)).toBe(true);
    expect(await overflow(page)).toEqual({ page: 0, elements: [] });
    await shot(page, width, scheme, 'undo');
    expect(await axe(page, 'undo')).toEqual({ where: 'undo', violations: [] });
    await page.keyboard.press('Enter');
    await page.getByRole('group', { name: 'Segment C' }).waitFor();
    expect(await page.getByRole('group', { name: 'Segment C' }).getByRole('textbox', { name: 'Name' }).evaluate((i) => i === document.activeElement)).toBe(true);
    expect(await page.getByTestId('removed').count()).toBe(0);
  });

  it('the Apply step fits', async () => {
    await page.getByRole('tab', { name: 'Apply' }).click();
    expect(await overflow(page)).toEqual({ page: 0, elements: [] });
    await shot(page, width, scheme, 'apply');
    expect(await axe(page, 'apply')).toEqual({ where: 'apply', violations: [] });
  });

  // Three waits of up to 30 s each on a CI machine whose two cores also run the other e2e files: this
  // test once ran past jest's 120 s at 360 px (light) and left no picture. Each step now has a timeout
  // of its own and a failing step keeps a picture named after it.
  it('the report of a second run fits, with why customers changed segment', async () => {
    const step = async <T,>(what: string, run: () => Promise<T>): Promise<T> => {
      try {
        return await run();
      } catch (e) {
        await page.screenshot({ path: join(ARTIFACTS, `${width}-applied-again-${what}-failed${scheme === 'dark' ? '-dark' : ''}.png`), fullPage: true });
        throw e;
      }
    };
    await step('first-apply', async () => {
      await page.getByRole('button', { name: 'Apply', exact: true }).click({ timeout: 30_000 });
      await page.getByTestId('apply-report').waitFor({ timeout: 30_000 });
      // The pane reads the new history back after Apply: its header settles once it has.
      await page.getByText('Data unchanged since then').waitFor({ timeout: 30_000 });
    });
    // Then it holds still (the tabs' place over ten frames; a page that kept moving would throw a reader off).
    const tops = await step('settled', () =>
      page.getByRole('tab', { name: 'Segment types' }).evaluate(
        (tab) =>
          new Promise<number[]>((done) => {
            const seen: number[] = [];
            const frame = () => {
              seen.push(Math.round(tab.getBoundingClientRect().top + window.scrollY));
              if (seen.length < 10) requestAnimationFrame(frame);
              else done(seen);
            };
            requestAnimationFrame(frame);
          }),
        undefined,
        { timeout: 30_000 },
      ),
    );
    expect(tops).toEqual(tops.map(() => tops[0]));
    // A at 75 %: some customers move, and the report after the next Apply says why. By keyboard: in CI,
    // at 360 px only, a click on the Segment types tab right after Apply waited 30 s for the tab to be
    // stable, twice; here it never failed. A picture of the page is kept if this part fails.
    const press = async (target: ReturnType<Page['getByRole']>, key: string) => {
      await target.focus({ timeout: 20_000 });
      await page.keyboard.press(key);
    };
    await step('second-apply', async () => {
      await press(page.getByRole('tab', { name: 'Segment types' }), 'Enter');
      await press(page.getByRole('button', { name: /^Sales ABC/ }).first(), 'Enter');
      await press(page.getByRole('slider', { name: 'Threshold between A and B' }), 'PageDown');
      await press(page.getByRole('tab', { name: 'Apply' }), 'Enter');
      await press(page.getByRole('button', { name: 'Apply', exact: true }), 'Enter');
      await page.getByTestId('why-moved').waitFor({ timeout: 30_000 });
    });
    expect(await page.getByTestId('why-moved').textContent()).toMatch(/Sales ABC: [\d,]+ customers changed segment\.Thresholds changed: [\d,]+/);
    expect(await overflow(page)).toEqual({ page: 0, elements: [] });
    await shot(page, width, scheme, 'applied-again');
    expect(await axe(page, 'applied-again')).toEqual({ where: 'applied-again', violations: [] });
  }, 240_000);

  it('the page around the pane has the theme\'s background, to the bottom and right edges', async () => {
    const colours = await edgeColours(page);
    for (const c of colours) {
      if (scheme === 'dark') expect({ c, dark: luminance(c) < 0.1 }).toEqual({ c, dark: true });
      else expect({ c, light: luminance(c) > 0.8 }).toEqual({ c, light: true });
    }
  });
});
