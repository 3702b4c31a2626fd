// The default theme in a real browser (Debian's chromium): accessibility, layout at phone and desktop
// widths, the date picker, keyboard use, the phone menu, and print.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT } from '../helpers.js';
import { axeViolations, describeViolations, focused, CHROMIUM_INSTALL, HAVE_CHROMIUM, samplePages, start, type Harness } from './harness.js';
import { skipWithout } from '../tools.js';

const SHOTS = join(PROJECT, 'screenshots');

describe.skipIf(skipWithout('chromium', HAVE_CHROMIUM, CHROMIUM_INSTALL, import.meta.url))('the default theme in chromium', () => {
  let h: Harness;
  let pages: Record<string, string>;
  let days: string[];
  const scriptErrors = new WeakMap<Page, string[]>();

  beforeAll(async () => {
    h = await start('browser');
    pages = samplePages(h.dist);
    days = JSON.parse(readFileSync(join(h.dist, 'archive/days.json'), 'utf8'));
    mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await h?.close();
  });

  // 'load' is enough for static pages; the search page waits for its index files to arrive.
  async function open(path: string, options: { width?: number; js?: boolean; locale?: string } = {}): Promise<Page> {
    const context = await h.browser.newContext({ viewport: { width: options.width ?? 1280, height: 900 }, javaScriptEnabled: options.js ?? true, locale: options.locale });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const response = await page.goto(h.origin + path, { waitUntil: path.startsWith('/tim-kiem/') ? 'networkidle' : 'load' });
    expect(response?.status(), path).toBe(200);
    scriptErrors.set(page, errors);
    return page;
  }

  /** Closes the page; a script error on it fails the test, since the theme's scripts must not throw. */
  async function close(page: Page): Promise<void> {
    await page.context().close();
    expect(scriptErrors.get(page), `script errors on ${page.url()}`).toEqual([]);
  }

  it.each(['home', 'article', 'category', 'archive', 'search'])('axe-core finds no WCAG 2.1 A/AA violation on the %s page', async (name) => {
    const page = await open(pages[name]);
    const violations = await axeViolations(page);
    await close(page);
    expect(violations.length, `${pages[name]}:\n${describeViolations(violations)}`).toBe(0);
  });

  it('axe-core finds no violation in the search results or the 404 page', async () => {
    // The search page again, once search.js has drawn results (highlights, counts, "more" button).
    const word = decodeURIComponent(pages.article.split('/').at(-2)!).split('-').slice(0, 2).join(' ');
    for (const path of [`/tim-kiem/?q=${encodeURIComponent(word)}`, '/khong-co-trang-nay/']) {
      const context = await h.browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.goto(h.origin + path, { waitUntil: 'networkidle' });
      const violations = await axeViolations(page);
      await context.close();
      expect(violations.length, `${path}:\n${describeViolations(violations)}`).toBe(0);
    }
  });

  it.each([360, 1280])('has no horizontal scroll at %i px, and saves screenshots', async (width) => {
    for (const [name, path] of Object.entries(pages)) {
      const page = await open(path, { width });
      const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
      await page.screenshot({ path: join(SHOTS, `${name}-${width}.png`), fullPage: true });
      await close(page);
      expect(scroll, `${path} at ${width}px`).toBeLessThanOrEqual(client);
    }
  });

  describe('"Xem theo ngày"', () => {
    /** `2024-03-05` → `05/03/2024`: the field reads day/month/year whatever the browser's language. */
    const typed = (day: string) => day.split('-').reverse().join('/');
    async function pick(day: string, locale?: string): Promise<Page> {
      const page = await open('/', { locale });
      await page.fill('#date-picker-input', typed(day));
      await page.click('.date-picker button[type=submit]');
      return page;
    }

    it("goes to the chosen day's archive, typed as dd/mm/yyyy also in an English browser", async () => {
      const day = days[Math.min(3, days.length - 1)];
      const page = await pick(day, 'en-US');
      expect(await page.getAttribute('#date-picker-input', 'placeholder')).toBe('dd/mm/yyyy');
      await page.waitForURL(`**/archive/${day.replace(/-/g, '/')}/`);
      expect(await page.textContent('h1')).toContain(day.slice(0, 4));
      expect(await page.locator('.article-item').count()).toBeGreaterThan(0);
      // On the day's archive the field shows that day the same way.
      expect(await page.inputValue('#date-picker-input')).toBe(typed(day));
      await close(page);
    });

    it('says a day has no articles and offers the nearest days before and after, without moving', async () => {
      // Two neighbouring days in the list with a gap between them: the day before the newer one is empty.
      const at = days.findIndex((d, i) => i + 1 < days.length && dayBefore(d) !== days[i + 1]);
      expect(at, 'the sample site has a gap between two days').toBeGreaterThanOrEqual(0);
      const empty = dayBefore(days[at]);
      const page = await pick(empty);
      const message = page.locator('.date-picker-message');
      await expect.poll(() => message.textContent()).toContain(`Không có bài viết nào ngày ${typed(empty)}`);
      const offered = await message.locator('a').evaluateAll((as) => as.map((a) => [a.textContent, new URL((a as HTMLAnchorElement).href).pathname]));
      expect(offered).toEqual([days[at + 1], days[at]].map((d) => [typed(d), `/archive/${d.replace(/-/g, '/')}/`]));
      expect(new URL(page.url()).pathname, 'no silent jump').toBe('/');
      await message.locator('a').first().click();
      await page.waitForURL(`**/archive/${days[at + 1].replace(/-/g, '/')}/`);
      await close(page);
    });

    it('offers the oldest day when the chosen day is before every article', async () => {
      const page = await pick(dayBefore(days.at(-1)!));
      const message = page.locator('.date-picker-message');
      await expect.poll(() => message.locator('a').count()).toBe(1);
      expect(await message.locator('a').textContent()).toBe(typed(days.at(-1)!));
      expect(new URL(page.url()).pathname).toBe('/');
      await close(page);
    });

    it('asks for day/month/year when the text is not a date', async () => {
      const page = await open('/');
      for (const text of ['2024-03-05', '31/02/2024', 'hôm qua']) {
        await page.fill('#date-picker-input', text);
        await page.click('.date-picker button[type=submit]');
        await expect.poll(() => page.textContent('.date-picker-message')).toContain('ngày/tháng/năm');
      }
      expect(new URL(page.url()).pathname).toBe('/');
      await close(page);
    });
  });

  describe('keyboard only', () => {
    it('Tab from the top reaches the skip link, then the search box, each with a visible focus ring', async () => {
      const page = await open(pages.article);
      await page.keyboard.press('Tab');
      const skip = await focused(page);
      expect(skip.cls).toBe('skip-link');
      expect(skip.top, 'the skip link shows on screen when focused').toBeGreaterThanOrEqual(0);
      const seen = [skip];
      for (let i = 0; i < 6 && seen.at(-1)!.id !== 'search-q-header'; i++) {
        await page.keyboard.press('Tab');
        seen.push(await focused(page));
      }
      expect(seen.map((f) => f.id || f.tag)).toContain('search-q-header');
      for (const f of seen) expect(f.outline === 'none' || f.outlineWidth < 2 ? f : 'visible').toBe('visible');
      await close(page);
    });

    it('the skip link takes focus to the article, and Tab goes on inside it', async () => {
      const page = await open(pages.article);
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
      expect(await page.locator('main article h1').isVisible()).toBe(true);
      let f = await focused(page);
      for (let i = 0; i < 10 && !f.inArticle; i++) {
        await page.keyboard.press('Tab');
        f = await focused(page);
        expect(f.inMain, `focus left the main column at ${JSON.stringify(f)}`).toBe(true);
      }
      expect(f.inArticle, JSON.stringify(f)).toBe(true);
      await close(page);
    });

    it('every control on the home page shows a focus ring when tabbed to', async () => {
      const page = await open('/');
      const stops: Awaited<ReturnType<typeof focused>>[] = [];
      for (let i = 0; i < 80; i++) {
        await page.keyboard.press('Tab');
        const f = await focused(page);
        if (f.tag === 'body') break;
        stops.push(f);
      }
      expect(stops.length).toBeGreaterThan(20);
      const invisible = stops.filter((f) => f.outline === 'none' || f.outlineWidth < 2);
      expect(invisible).toEqual([]);
      await close(page);
    });
  });

  describe('on a phone', () => {
    it('folds the menu behind a button that opens it, also from the keyboard', async () => {
      const page = await open('/', { width: 360 });
      const toggle = page.locator('.menu-toggle');
      expect(await toggle.isVisible()).toBe(true);
      expect(await page.locator('.menu a').first().isVisible()).toBe(false);
      await toggle.focus();
      await page.keyboard.press('Enter');
      expect(await toggle.getAttribute('aria-expanded')).toBe('true');
      await page.keyboard.press('Tab');
      const f = await focused(page);
      expect(f.tag).toBe('a');
      expect(await page.locator('.menu a').first().isVisible()).toBe(true);
      await toggle.click();
      expect(await page.locator('.menu a').first().isVisible()).toBe(false);
      await close(page);
    });

    it('shows the whole menu without JavaScript, and no dead button', async () => {
      const page = await open('/', { width: 360, js: false });
      expect(await page.locator('.menu-toggle').isVisible()).toBe(false);
      expect(await page.locator('.menu a').last().isVisible()).toBe(true);
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
      await close(page);
    });

    it('shows the full menu and no button on a wide screen', async () => {
      const page = await open('/', { width: 1280 });
      expect(await page.locator('.menu-toggle').isVisible()).toBe(false);
      expect(await page.locator('.menu a').last().isVisible()).toBe(true);
      await close(page);
    });
  });

  it('prints an article without sidebar or menus, with its address', async () => {
    const page = await open(pages.article);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.sidebar').isVisible()).toBe(false);
    expect(await page.locator('.menu').isVisible()).toBe(false);
    expect(await page.locator('.related').first().isVisible()).toBe(false);
    expect(await page.locator('.site-header .search-box').isVisible()).toBe(false);
    expect(await page.locator('article h1').isVisible()).toBe(true);
    const printUrl = page.locator('.print-url');
    expect(await printUrl.isVisible()).toBe(true);
    expect(await printUrl.textContent()).toContain(`${pages.article}`);
    await page.emulateMedia({ media: 'screen' });
    expect(await page.locator('.sidebar').isVisible()).toBe(true);
    expect(await printUrl.isVisible()).toBe(false);
    await close(page);
  });
});

function dayBefore(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}
