// The optional sidebar blocks a site can choose in bantin.yaml (`sidebar:`): the search box and the
// drop-down form of "LIÊN KẾT WEB", which must work with a keyboard and degrade to the plain list.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { article, makeSite } from '../helpers.js';
import { CHROMIUM_INSTALL, HAVE_CHROMIUM, axeViolations, describeViolations, start, type Harness } from './harness.js';
import { skipWithout } from '../tools.js';

const LINKS = [
  { title: 'Cổng Dịch vụ công quốc gia', url: 'https://dichvucong.example.gov.vn/' },
  { title: 'Cổng thông tin điện tử tỉnh', url: 'https://tinh.example.gov.vn/' },
];

describe.skipIf(skipWithout('chromium', HAVE_CHROMIUM, CHROMIUM_INSTALL, import.meta.url))('optional sidebar blocks in chromium', () => {
  let h: Harness;
  beforeAll(async () => {
    const root = makeSite({
      'bantin.yaml': [
        'title: Cổng thông tin xã Thử', 'sidebar: [search, links-select, date]', 'links:',
        ...LINKS.flatMap((l) => [`  - title: ${l.title}`, `    url: ${l.url}`]),
      ].join('\n'),
      'content/tin-tuc/a.md': article({ title: 'Bài A', date: '2024-03-05 08:30' }),
    }, 'sidebar-options');
    h = await start('sidebar-options', root);
  });
  afterAll(async () => {
    await h?.close();
  });

  async function open(js: boolean): Promise<Page> {
    const context = await h.browser.newContext({ viewport: { width: 1280, height: 900 }, javaScriptEnabled: js });
    // Linked sites are answered here, so following a link never leaves the machine.
    await context.route(/^https:\/\/[^/]*example\.gov\.vn\//, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<title>ok</title>' }));
    const page = await context.newPage();
    await page.goto(`${h.origin}/`);
    return page;
  }

  it('shows the blocks in the configured order, with no accessibility violation', async () => {
    const page = await open(true);
    expect(await page.locator('.sidebar .block h2').allTextContents()).toEqual(['TÌM KIẾM', 'LIÊN KẾT WEB', 'Xem theo ngày']);
    const violations = await axeViolations(page);
    expect(violations.length, describeViolations(violations)).toBe(0);
    await page.context().close();
  });

  it('the sidebar search box searches', async () => {
    const page = await open(true);
    await page.fill('.block-search input[name=q]', 'bai a');
    await page.press('.block-search input[name=q]', 'Enter');
    await page.waitForURL('**/tim-kiem/?q=bai+a');
    await page.context().close();
  });

  it('the link drop-down goes only when its button is pressed, from the keyboard too', async () => {
    const page = await open(true);
    const select = page.locator('.links-select select');
    expect(await select.isVisible()).toBe(true);
    expect(await page.locator('.block-links-select li').count(), 'the list is for readers without JavaScript').toBe(0);
    await select.selectOption(LINKS[1].url);
    expect(new URL(page.url()).origin, 'choosing alone does not navigate (WCAG 3.2.2)').toBe(h.origin);
    await select.focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.waitForURL(LINKS[1].url);
    await page.context().close();
  });

  it('without JavaScript the links are a plain list', async () => {
    const page = await open(false);
    expect(await page.locator('.links-select').isVisible()).toBe(false);
    const links = page.locator('.block-links-select li a');
    expect(await links.count()).toBe(LINKS.length);
    expect(await links.first().getAttribute('href')).toBe(LINKS[0].url);
    expect(await links.first().isVisible()).toBe(true);
    await page.context().close();
  });
});
