// The dev server's error overlay in Chromium: in Vietnamese, opaque, and inside the screen at
// 1280 and 360 px (no line runs off the right edge). Screenshots go to BANTIN_SHOTS if set.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, HAVE_CHROMIUM } from '../browser/harness.js';
import { article, makeSite } from '../helpers.js';
import { startServe, type ServeProcess } from '../serve-helpers.js';

const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

describe.skipIf(!HAVE_CHROMIUM)('the error overlay', () => {
  let server: ServeProcess;
  let browser: Browser;
  let root: string;
  beforeAll(async () => {
    root = makeSite({ 'content/tin-tuc/bai.md': article({ title: 'Họp dân', date: '2024-01-03 08:00' }, 'Nội dung.') }, 'overlay');
    server = await startServe(root, ['--lang', 'vi']);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
    // A title with an unclosed quote and a long line: the overlay must wrap it on a phone.
    writeFileSync(join(root, 'content/tin-tuc/bai.md'), '---\ntitle: "Thông báo về việc tổ chức hội nghị tổng kết công tác năm 2024 và triển khai nhiệm vụ năm 2025 của Ủy ban nhân dân xã\ndate: 2024-01-03 08:00\n---\nNội dung.\n');
    for (let i = 0; i < 300 && !/thất bại với 1 lỗi/.test(server.output()); i++) await new Promise((r) => setTimeout(r, 100));
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  for (const width of [1280, 360]) {
    it(`is readable at ${width} px: Vietnamese, opaque, nothing past the right edge`, async () => {
      const page = await browser.newPage({ viewport: { width, height: 800 } });
      await page.goto(`${server.url}tin-tuc/bai/`);
      const overlay = page.locator('#bantin-overlay');
      await overlay.waitFor();
      expect(await overlay.textContent()).toContain('thay đổi vừa rồi chưa dựng được trang');
      expect(await overlay.textContent()).toContain('content/tin-tuc/bai.md:2:8: lỗi: dấu ngoặc kép mở ở đây chưa được đóng');
      const layout = await page.evaluate(() => {
        const o = document.getElementById('bantin-overlay')!;
        const right = Math.max(...[...o.querySelectorAll('h2, p, li')].map((e) => e.getBoundingClientRect().right));
        return { right, width: innerWidth, docScroll: document.documentElement.scrollWidth, background: getComputedStyle(o).backgroundColor };
      });
      expect(layout.right).toBeLessThanOrEqual(layout.width);
      expect(layout.background).toBe('rgb(26, 0, 0)');
      if (process.env.BANTIN_SHOTS) await page.screenshot({ path: join(process.env.BANTIN_SHOTS, `overlay-${width}.png`) });
      await page.close();
    }, 60_000);
  }
});
