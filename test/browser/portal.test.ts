// The state-portal features in chromium: shortcut keys, "In bài viết" and "Lưu bài viết", the
// English page, the site map, help and feeds pages (axe, layout at phone and desktop widths), and
// no request of the sample site's pages ending in a 404 (the favicon).
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT } from '../helpers.js';
import { axeViolations, describeViolations, HAVE_CHROMIUM, samplePages, start, type Harness } from './harness.js';

const SHOTS = join(PROJECT, 'screenshots');
const NEW_PAGES: Record<string, string> = { 'site-map': '/so-do-trang/', help: '/tro-giup/', feeds: '/rss/', english: '/en/' };

describe.skipIf(!HAVE_CHROMIUM)('the portal features in chromium', () => {
  let h: Harness;
  let pages: Record<string, string>;
  const missing = new WeakMap<Page, string[]>();

  beforeAll(async () => {
    h = await start('portal');
    pages = samplePages(h.dist);
    mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await h?.close();
  });

  async function open(path: string, width = 1280): Promise<Page> {
    const context = await h.browser.newContext({ viewport: { width, height: 900 } });
    const page = await context.newPage();
    const notFound: string[] = [];
    page.on('response', (r) => { if (r.status() >= 400) notFound.push(`${r.status()} ${r.url()}`); });
    const response = await page.goto(h.origin + path, { waitUntil: 'load' });
    expect(response?.status(), path).toBe(200);
    missing.set(page, notFound);
    return page;
  }

  it.each(Object.entries(NEW_PAGES))('axe-core finds no WCAG 2.1 A/AA violation on the %s page', async (_name, path) => {
    const page = await open(path);
    const violations = await axeViolations(page);
    await page.context().close();
    expect(violations.length, `${path}:\n${describeViolations(violations)}`).toBe(0);
  });

  it.each([360, 1280])('lays the new pages out without horizontal scroll at %i px, and saves screenshots', async (width) => {
    for (const [name, path] of Object.entries(NEW_PAGES)) {
      const page = await open(path, width);
      const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
      await page.screenshot({ path: join(SHOTS, `${name}-${width}.png`), fullPage: true });
      await page.context().close();
      expect(scroll, `${path} at ${width}px`).toBeLessThanOrEqual(client);
    }
  });

  it('asks for nothing that is not there: no 404 (favicon included) on the home and article pages', async () => {
    for (const path of ['/', pages.article]) {
      const page = await open(path);
      await page.waitForLoadState('networkidle');
      const icon = await page.evaluate(() => (document.querySelector('link[rel=icon]') as HTMLLinkElement | null)?.href);
      expect(icon, path).toBeTruthy();
      expect((await page.request.get(icon!)).status(), icon).toBe(200);
      expect(missing.get(page), path).toEqual([]);
      await page.context().close();
    }
  });

  describe('shortcut keys', () => {
    // Chromium on Linux and Windows takes accesskeys with Alt; the help page says so.
    it.each([
      ['Alt+1', '/'],
      ['Alt+3', '/so-do-trang/'],
      ['Alt+0', '/tro-giup/'],
    ])('%s goes to %s', async (keys, target) => {
      const page = await open(pages.article);
      await page.keyboard.press(keys);
      await page.waitForURL(h.origin + target);
      await page.context().close();
    });

    it('Alt+4 puts the cursor in the search box and Alt+2 moves focus to the main content', async () => {
      const page = await open('/tro-giup/');
      await page.keyboard.press('Alt+4');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-q-header');
      await page.keyboard.press('Alt+2');
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('main');
      await page.context().close();
    });

    it('the help page lists every shortcut key the pages have, and each key once per page', async () => {
      const page = await open(pages.article);
      const keys = await page.evaluate(() => [...document.querySelectorAll('[accesskey]')].map((e) => e.getAttribute('accesskey')));
      expect(new Set(keys).size, 'no key twice').toBe(keys.length);
      expect(keys.sort()).toEqual(['0', '1', '2', '3', '4']);
      await page.context().close();
      const help = await open('/tro-giup/');
      const listed = await help.locator('table.keys kbd').allTextContents();
      expect(listed.sort()).toEqual(keys);
      await help.context().close();
    });
  });

  describe('"In bài viết" and "Lưu bài viết"', () => {
    it('print opens the print dialog, and the printed page has the article but not the buttons', async () => {
      const page = await open(pages.article);
      await page.evaluate(() => {
        (window as any).printed = 0;
        window.print = () => { (window as any).printed++; };
      });
      await page.getByRole('button', { name: 'In bài viết' }).click();
      expect(await page.evaluate(() => (window as any).printed)).toBe(1);
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('.article-tools').isVisible()).toBe(false);
      expect(await page.locator('article h1').isVisible()).toBe(true);
      await page.context().close();
    });

    it('save downloads the article as one HTML file with its pictures inside and no script', async () => {
      const page = await open(pages.article);
      const title = (await page.textContent('article h1'))!.trim();
      const pictures = await page.locator('article img').count();
      expect(pictures, 'the richest sample article has pictures').toBeGreaterThan(0);
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Lưu bài viết' }).click()]);
      expect(download.suggestedFilename()).toBe(`${pages.article.split('/').at(-2)}.html`);
      const html = readFileSync((await download.path())!, 'utf8');
      expect(html).toContain(`<title>${title}`);
      expect(html).toContain(`<h1>${title}</h1>`);
      expect(html.match(/<img [^>]*src="data:image\/png;base64,/g)?.length).toBe(pictures);
      expect(html).not.toMatch(/<script|src="\//);
      expect(html).not.toContain('Lưu bài viết');
      expect(html).toContain(`${h.origin}${pages.article}`);
      // The file opens on its own, offline, showing the pictures.
      const saved = await h.browser.newContext({ offline: true });
      const view = await saved.newPage();
      await view.setContent(html);
      expect(await view.locator('img').evaluateAll((imgs) => imgs.every((i) => (i as HTMLImageElement).naturalWidth > 0))).toBe(true);
      await saved.close();
      await page.context().close();
    });

    it('without JavaScript the buttons, which could not work, are not shown', async () => {
      const context = await h.browser.newContext({ javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(h.origin + pages.article);
      expect(await page.locator('.print-button').isVisible()).toBe(false);
      expect(await page.locator('.save-button').isVisible()).toBe(false);
      await context.close();
    });
  });

  it('the header links the English page, which is in English with hreflang alternates both ways', async () => {
    const page = await open('/');
    const link = page.locator('.menu a[hreflang=en]');
    expect(await link.textContent()).toBe('English');
    await link.click();
    await page.waitForURL(`${h.origin}/en/`);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.textContent('h1')).toBe("People's Committee of Song Lam District");
    expect(await page.locator('h2').allTextContents()).toEqual(expect.arrayContaining(['Functions and duties', 'Leadership', 'Contact']));
    // The Vietnamese shell around it says it is Vietnamese, so screen readers read each part right.
    expect(await page.getAttribute('header.site-header', 'lang')).toBe('vi');
    const alternates = await page.evaluate(() => [...document.querySelectorAll('link[rel=alternate][hreflang]')].map((l) => [l.getAttribute('hreflang'), l.getAttribute('href')]));
    expect(alternates).toEqual([['vi', 'https://songlam.hagiangnam.gov.vn/'], ['en', 'https://songlam.hagiangnam.gov.vn/en/']]);
    await page.context().close();
  });
});
