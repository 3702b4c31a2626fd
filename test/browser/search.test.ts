import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foldVietnamese } from '../../src/base/fold.js';
import { readTree } from '../helpers.js';
import { CHROMIUM_INSTALL, HAVE_CHROMIUM, start, type Harness } from './harness.js';
import { skipWithout } from '../tools.js';

/** The result count in a status line such as `Tìm thấy 4.085 kết quả cho “…”`. */
function countIn(status: string): number {
  return Number(/[\d.]+/.exec(status)![0].replace(/\./g, ''));
}

/** Published article pages of the built site: URL → plain text of title and body. */
function articleTexts(dist: string): Map<string, { title: string; text: string }> {
  const out = new Map<string, { title: string; text: string }>();
  for (const [path, bytes] of readTree(dist)) {
    const html = bytes.toString();
    if (!path.endsWith('index.html') || !html.includes('class="article-body"')) continue;
    const title = /<h1>([\s\S]*?)<\/h1>/.exec(html)![1];
    const body = /<div class="article-body">([\s\S]*?)<\/div>\n<p class="byline|<div class="article-body">([\s\S]*?)<\/article>/.exec(html)!;
    const text = (body[1] ?? body[2]).replace(/<[^>]+>/g, ' ').replace(/&[a-z]+;/g, ' ');
    out.set(`/${path.replace(/index\.html$/, '')}`, { title, text: `${title} ${text}` });
  }
  return out;
}

describe.skipIf(skipWithout('chromium', HAVE_CHROMIUM, CHROMIUM_INSTALL, import.meta.url))('search in a real browser', () => {
  let h: Harness;
  let articles: Map<string, { title: string; text: string }>;

  beforeAll(async () => {
    h = await start('search');
    articles = articleTexts(h.dist);
  });
  afterAll(async () => h?.close());

  async function search(query: string, extra = '') {
    const page = await h.browser.newPage();
    let bytes = 0;
    page.on('response', async (res) => {
      const url = new URL(res.url());
      if (url.pathname.startsWith('/search/') || url.pathname.endsWith('/search.js')) bytes += (await res.body()).length;
    });
    await page.goto(`${h.origin}/tim-kiem/?q=${encodeURIComponent(query)}${extra}`);
    await page.waitForFunction(() => !!document.querySelector('#search-results .search-status') && !/Đang tìm/.test(document.querySelector('#search-results')!.textContent!));
    const results = await page.$$eval('#search-results .search-result', (items) => items.map((li) => ({
      href: li.querySelector('a')!.getAttribute('href')!,
      title: li.querySelector('a')!.textContent!,
      category: li.querySelector('.search-result-category')?.textContent ?? '',
      marks: [...li.querySelectorAll('mark')].map((m) => m.textContent!),
    })));
    const status = await page.textContent('#search-results .search-status');
    return { page, results, status: status ?? '', bytes };
  }

  it('finds đất đai when the reader types "dat dai", with the words highlighted', async () => {
    const { page, results, status, bytes } = await search('dat dai');
    const expected = [...articles].filter(([, a]) => foldVietnamese(a.text).includes('dat dai')).length;
    expect(expected).toBeGreaterThanOrEqual(5);
    expect(status).toMatch(/^Tìm thấy \d+ kết quả cho “dat dai”$/);
    expect(countIn(status)).toBeGreaterThanOrEqual(expected);
    expect(results.length).toBeGreaterThan(0);
    for (const r of results) expect(foldVietnamese(articles.get(r.href)!.text)).toContain('dat');
    expect(results.flatMap((r) => r.marks).map((m) => foldVietnamese(m))).toContain('dat');
    expect(bytes).toBeGreaterThan(0);
    expect(bytes).toBeLessThan(100_000);
    writeFileSync(join(h.dist, '..', 'first-query-bytes.txt'), String(bytes));
    await page.close();
  });

  it('ranks an article with the exact phrase first', async () => {
    const { page, results } = await search('cải cách hành chính');
    expect(results.length).toBeGreaterThan(3);
    expect(articles.get(results[0].href)!.text.toLowerCase()).toContain('cải cách hành chính');
    await page.close();
  });

  it('shows the empty state for nonsense', async () => {
    const { page, results, status } = await search('xqzvw kjhg');
    expect(results).toEqual([]);
    expect(status).toContain('Không tìm thấy kết quả nào');
    await page.close();
  });

  it('narrows results by category and year', async () => {
    const all = await search('huyện');
    const total = countIn(all.status);
    const byCategory = await search('huyện', '&category=thong-bao');
    const narrowed = countIn(byCategory.status);
    expect(narrowed).toBeGreaterThan(0);
    expect(narrowed).toBeLessThan(total);
    for (const r of byCategory.results) expect(r.href.startsWith('/thong-bao/')).toBe(true);
    expect(await byCategory.page.inputValue('select[name=category]')).toBe('thong-bao');
    const byYear = await search('huyện', '&year=2024');
    for (const r of byYear.results) expect(readFileSync(join(h.dist, r.href, 'index.html'), 'utf8')).toContain('datetime="2024-');
    expect(countIn(byYear.status)).toBeLessThan(total);
    await Promise.all([all.page.close(), byCategory.page.close(), byYear.page.close()]);
  });

  it('searches from the box in the header of any page', async () => {
    const page = await h.browser.newPage();
    await page.goto(`${h.origin}/`);
    await page.fill('#search-q-header', 'dat dai');
    await Promise.all([page.waitForURL(/tim-kiem\/\?q=dat\+dai/), page.press('#search-q-header', 'Enter')]);
    await page.waitForSelector('#search-results .search-result');
    await page.close();
  });
});
