import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { article, makeSite, writeFiles } from '../helpers.js';
import { startServe, type ServeProcess } from '../serve-helpers.js';
import { CHROMIUM, HAVE_CHROMIUM, CHROMIUM_INSTALL } from './harness.js';
import { skipWithout } from '../tools.js';

describe.skipIf(skipWithout('chromium', HAVE_CHROMIUM, CHROMIUM_INSTALL, import.meta.url))('live reload in a real browser', () => {
  let root: string;
  let server: ServeProcess;
  let browser: Browser;

  beforeAll(async () => {
    root = makeSite({
      'content/tin-tuc/bai.md': article({ title: 'Bản đầu', date: '2024-05-01 09:00' }, 'Đoạn một.'),
    }, 'live');
    server = await startServe(root);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('reloads an open article after its file is saved, and shows then clears the error overlay', async () => {
    const page = await browser.newPage();
    await page.goto(new URL('/tin-tuc/bai/', server.url).href);
    await page.waitForFunction(() => (window as unknown as { __bantinLiveReload?: EventSource }).__bantinLiveReload?.readyState === 1);
    expect(await page.textContent('h1')).toBe('Bản đầu');

    await Promise.all([
      page.waitForEvent('load'),
      writeFileSync(join(root, 'content/tin-tuc/bai.md'), article({ title: 'Bản đã sửa', date: '2024-05-01 09:00' }, 'Đoạn hai.')),
    ]);
    expect(await page.textContent('h1')).toBe('Bản đã sửa');

    await page.waitForFunction(() => (window as unknown as { __bantinLiveReload?: EventSource }).__bantinLiveReload?.readyState === 1);
    await Promise.all([page.waitForEvent('load'), writeFileSync(join(root, 'content/tin-tuc/bai.md'), '---\ntitle: [hỏng\n---\n')]);
    await page.waitForSelector('#bantin-overlay');
    expect(await page.textContent('#bantin-overlay')).toContain('content/tin-tuc/bai.md');
    expect(await page.textContent('h1')).toBe('Bản đã sửa');

    await page.waitForTimeout(300);
    await page.waitForFunction(() => (window as unknown as { __bantinLiveReload?: EventSource }).__bantinLiveReload?.readyState === 1);
    await Promise.all([
      page.waitForEvent('load'),
      writeFileSync(join(root, 'content/tin-tuc/bai.md'), article({ title: 'Bản thứ ba', date: '2024-05-01 09:00' })),
    ]);
    expect(await page.textContent('h1')).toBe('Bản thứ ba');
    expect(await page.$('#bantin-overlay')).toBeNull();
    await page.close();
  });

  it('swaps a changed stylesheet in without reloading the page', async () => {
    const page = await browser.newPage();
    await page.goto(new URL('/tin-tuc/bai/', server.url).href);
    await page.waitForFunction(() => (window as unknown as { __bantinLiveReload?: EventSource }).__bantinLiveReload?.readyState === 1);
    await page.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));
    writeFiles(root, { 'templates/assets/style.css': 'h1 { color: rgb(1, 2, 3); }\n' });
    await page.waitForFunction(() => getComputedStyle(document.querySelector('h1')!).color === 'rgb(1, 2, 3)');
    expect(await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);
    await page.close();
  });
});
