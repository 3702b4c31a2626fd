// Issue 14, item 1, in a real browser: the config payloads of the hostile review do run script in
// Chromium when printed as links, bantin refuses them, and the tricky URLs it does accept (entity-like
// text, paths, padded https) neither run script nor leave http(s) when clicked.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { article, makeSite, runCli } from '../helpers.js';
import { HAVE_CHROMIUM, start, type Harness } from './harness.js';

/** The review's payloads, as the YAML value after `url:` (double-quoted YAML escapes). */
const PAYLOADS: Record<string, string> = {
  'menu: java<TAB>script:': 'menu: [{title: Menu, url: "java\\tscript:alert(1)"}]',
  'links: <0x01>javascript:': 'links: [{title: L, url: "\\x01javascript:alert(1)"}]',
  'links: leading space and newline': 'links: [{title: L, url: " jav\\nascript:alert(1)"}]',
  'menu: upper case with CR': 'menu: [{title: L, url: "JAVA\\rSCRIPT:alert(1)"}]',
};
/** The same payloads as the strings a browser receives in `href`. */
const RAW = ['java\tscript:alert(1)', '\x01javascript:alert(1)', ' jav\nascript:alert(1)', 'JAVA\rSCRIPT:alert(1)'];

const ACCEPTED = [
  { title: 'Thực thể 1', url: 'javascript&#58;alert(1)' },
  { title: 'Thực thể 2', url: '&#106;avascript:alert(1)' },
  { title: 'Giới thiệu', url: '/gioi-thieu/' },
  { title: 'Cổng tỉnh', url: '\thttps://tinh.example.gov.vn/' },
];

const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

describe.skipIf(!HAVE_CHROMIUM)('hostile URLs in chromium', () => {
  let h: Harness;
  beforeAll(async () => {
    const yamlList = (key: string) => [`${key}:`, ...ACCEPTED.flatMap((l) => [`  - title: ${l.title}`, `    url: ${JSON.stringify(l.url)}`])];
    const root = makeSite({
      'bantin.yaml': ['title: Xã Thử', 'sidebar: [links]', ...yamlList('menu'), ...yamlList('links')].join('\n'),
      'content/tin-tuc/a.md': article({ title: 'Bài A', date: '2024-03-05 08:30' }),
    }, 'hostile-urls');
    h = await start('hostile-urls', root);
  });
  afterAll(async () => {
    await h?.close();
  });

  async function newPage(): Promise<{ page: Page; dialogs: string[] }> {
    const context = await h.browser.newContext();
    await context.route(/^https:\/\/[^/]*example\.gov\.vn\//, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<title>ok</title>' }));
    const page = await context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => void (dialogs.push(d.message()), d.dismiss()));
    return { page, dialogs };
  }

  it('the payloads are live: printed as a link and clicked, Chromium runs them', async () => {
    const { page, dialogs } = await newPage();
    for (const [i, href] of RAW.entries()) {
      await page.goto(`${h.origin}/`);
      await page.evaluate(([html]) => void document.body.insertAdjacentHTML('afterbegin', html), [`<a id="payload" href="${attr(href)}">x</a>`]);
      await page.click('#payload');
      await expect.poll(() => dialogs.length, { timeout: 5000 }).toBe(i + 1);
    }
    await page.context().close();
  });

  it('bantin refuses every one of them, naming bantin.yaml and the line', () => {
    for (const [name, line] of Object.entries(PAYLOADS)) {
      const root = makeSite({ 'bantin.yaml': `title: Xã Thử\n${line}\n`, 'content/tin-tuc/a.md': article({ title: 'Bài A', date: '2024-03-05 08:30' }) }, 'hostile-payload');
      const r = runCli(['build', '--root', root]);
      expect(r.status, name).toBe(1);
      expect(r.stderr, name).toMatch(/^bantin\.yaml:2: error: the `url` of entry 1 in `(menu|links)` may not be a javascript: URL/m);
    }
  });

  it('the tricky URLs bantin accepts run nothing and stay on http(s) when clicked', async () => {
    const { page, dialogs } = await newPage();
    await page.goto(`${h.origin}/`);
    const links = await page.locator('#menu-list a, .block-links a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    expect(links.length).toBeGreaterThanOrEqual(2 * ACCEPTED.length);
    for (const [i, href] of links.entries()) {
      await page.goto(`${h.origin}/`);
      await page.locator('#menu-list a, .block-links a').nth(i).click();
      await page.waitForLoadState();
      expect(['http:', 'https:'], href).toContain(new URL(page.url()).protocol);
    }
    expect(dialogs, 'a script ran').toEqual([]);
    await page.context().close();
  });
});
