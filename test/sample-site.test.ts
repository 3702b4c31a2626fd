import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import matter from 'gray-matter';
import yaml from 'js-yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../src/build/build.js';
import { parseSiteDate } from '../src/base/dates.js';
import { formatPortalDate } from '../src/base/format.js';
import { slugify } from '../src/base/slug.js';
import { PROJECT, readPage, readTree, tempDir, texts } from './helpers.js';

const NOW = Date.UTC(2026, 0, 1);
const vi = yaml.load(readFileSync(join(PROJECT, 'templates/locales/vi.yaml'), 'utf8')) as any;
const words = { months: vi.dates.months, am: vi.dates.am, pm: vi.dates.pm };
const config = yaml.load(readFileSync(join(PROJECT, 'bantin.yaml'), 'utf8')) as any;

/** The sample articles read straight from disk, independently of the build's own loader. */
function sourceArticles() {
  const files = [...readTree(join(PROJECT, 'content')).keys()].filter((p) => p.endsWith('.md'));
  return files.map((file) => {
    const fm = matter(readFileSync(join(PROJECT, 'content', file), 'utf8'), {
      engines: { yaml: (s: string) => yaml.load(s, { schema: yaml.CORE_SCHEMA }) as object },
    }).data as any;
    const date = parseSiteDate(fm.date, 'Asia/Ho_Chi_Minh');
    if (!date.ok) throw new Error(`${file}: ${date.message}`);
    const name = file.split('/').pop()!.replace(/\.md$/, '');
    return { file, fm, date: date.date, path: `${slugify(fm.category)}/${fm.slug ?? name}/`, published: !fm.draft && date.date.epochMs <= NOW };
  });
}

describe('the sample site, page by page', () => {
  let dist: string;
  let tree: Map<string, Buffer>;
  const articles = sourceArticles();
  const published = articles.filter((a) => a.published).sort((a, b) => b.date.epochMs - a.date.epochMs);

  beforeAll(() => {
    dist = build({ root: PROJECT, out: join(tempDir('sample'), 'dist'), now: NOW }).out;
    tree = readTree(dist);
  });

  it('has at least 24 published articles over 3 years in 4+ categories', () => {
    expect(published.length).toBeGreaterThanOrEqual(24);
    expect(new Set(published.map((a) => a.date.year)).size).toBeGreaterThanOrEqual(3);
    expect(new Set(published.map((a) => a.fm.category)).size).toBeGreaterThanOrEqual(4);
    expect(articles.some((a) => a.fm.draft)).toBe(true);
  });

  it('renders every published article with its breadcrumb, date, title, byline and views', () => {
    for (const a of published) {
      const page = readPage(dist, a.path);
      expect(texts(page, '.breadcrumb a'), a.file).toEqual(['Trang chủ', a.fm.category]);
      expect(page.querySelector('.article-date')!.text, a.file).toBe(formatPortalDate(a.date, words));
      expect(page.querySelector('h1')!.text, a.file).toBe(a.fm.title);
      // The portal byline: the author once, in capitals, with no label, and not again in the body.
      if (a.fm.author) {
        expect(page.querySelector('.byline')!.text, a.file).toBe(a.fm.author.toUpperCase());
        const shown = page.querySelector('article')!.text.toLowerCase().split(a.fm.author.toLowerCase()).length - 1;
        expect(shown, `${a.file}: times the author is printed`).toBe(1);
      }
      // A date written without a time shows the day alone, never an invented 12:00:00 SA.
      if (/^\d{4}-\d{2}-\d{2}$/.test(String(a.fm.date))) expect(page.querySelector('.article-date')!.text, a.file).toMatch(/^\d{2} Tháng [^:]+ \d{4}$/);
      expect(page.querySelector('.views')!.text, a.file).toBe(`Số lượt người xem: ${String(a.fm.views ?? 0).replace(/\B(?=(\d{3})+(?!\d))/g, '.')}`);
      expect(page.querySelector('.article-body')!.text.trim().length, a.file).toBeGreaterThan(200);
    }
    expect(published.filter((a) => /^\d{4}-\d{2}-\d{2}$/.test(String(a.fm.date))).length, 'date-only sample articles').toBeGreaterThanOrEqual(2);
  });

  it('does not publish the draft or the future article', () => {
    const hidden = articles.filter((a) => !a.published);
    expect(hidden.length).toBeGreaterThanOrEqual(2);
    for (const a of hidden) expect(existsSync(join(dist, a.path)), a.file).toBe(false);
  });

  it('lists every published article on the home pages, newest first', () => {
    const pageSize = config.pageSize;
    const listed: string[] = [];
    for (let n = 1; n <= Math.ceil(published.length / pageSize); n++) {
      listed.push(...texts(readPage(dist, n === 1 ? '' : `trang/${n}`), '.article-item h3'));
    }
    expect(listed).toEqual(published.map((a) => a.fm.title));
  });

  it('gives each category its own listing with exactly its articles', () => {
    for (const name of config.categories as string[]) {
      const mine = published.filter((a) => a.fm.category === name).map((a) => a.fm.title);
      expect(texts(readPage(dist, slugify(name)), '.article-item h3').slice(0, config.pageSize), name).toEqual(mine.slice(0, config.pageSize));
    }
  });

  it('has an archive page for every year, month and day with articles', () => {
    for (const a of published) {
      const { year, month, day } = a.date;
      const p = (n: number) => String(n).padStart(2, '0');
      for (const path of [`archive/${year}/`, `archive/${year}/${p(month)}/`, `archive/${year}/${p(month)}/${p(day)}/`]) {
        expect(tree.has(`${path}index.html`), path).toBe(true);
      }
      expect(texts(readPage(dist, `archive/${year}/${p(month)}/${p(day)}`), '.article-item h3')).toContain(a.fm.title);
    }
  });

  it('every page has the header, menu, search box and sidebar blocks', () => {
    // /admin/ is the web editor's page (Decap CMS), not one of the theme's.
    const pages = [...tree.keys()].filter((p) => p.endsWith('.html') && !p.startsWith('admin/'));
    expect(pages.length).toBeGreaterThan(100);
    for (const path of pages) {
      const page = readPage(dist, path);
      expect(page.querySelector('.site-name')?.text, path).toBe(config.title);
      expect(texts(page, '.menu a').slice(1, 1 + config.categories.length), path).toEqual(config.categories);
      expect(page.querySelector('form[role=search] input[name=q]'), path).toBeTruthy();
      expect(texts(page, '.block h2'), path).toEqual(['Xem theo ngày', 'LIÊN KẾT WEB', 'SỐ LƯỢT TRUY CẬP']);
      expect(texts(page, '.visit-counter .digit').join(''), path).toBe('21262370');
    }
  });

  it('has no internal link or asset that points to a missing file', () => {
    const missing: string[] = [];
    for (const [path, bytes] of tree) {
      if (!path.endsWith('.html')) continue;
      for (const m of bytes.toString().matchAll(/(?:href|src)="(\/[^"#?]*)/g)) {
        const target = decodeURI(m[1]).slice(1);
        const file = target === '' || target.endsWith('/') ? `${target}index.html` : target;
        if (!tree.has(file)) missing.push(`${path} → ${m[1]}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('gives article images their pixel size and lazy loading', () => {
    const imgs = [...tree].filter(([p]) => p.endsWith('.html')).flatMap(([, b]) => [...b.toString().matchAll(/<img src="\/files\/hoi-nghi-tong-ket\.png"[^>]*>/g)].map((m) => m[0]));
    expect(imgs.length).toBeGreaterThan(0);
    const inBody = imgs.filter((i) => !i.includes('alt=""'));
    expect(inBody.length).toBeGreaterThan(0);
    for (const img of inBody) expect(img).toMatch(/loading="lazy" width="600" height="400"/);
  });

  it('rewrites the relative PDF and article links of the Markdown', () => {
    const withPdf = published.find((a) => readFileSync(join(PROJECT, 'content', a.file), 'utf8').includes('.pdf)'))!;
    const links = readPage(dist, withPdf.path).querySelectorAll('.article-body a').map((a) => a.getAttribute('href'));
    expect(links.some((h) => h?.endsWith('.pdf') && h.startsWith('/files/'))).toBe(true);
    expect(links.filter((h) => h?.endsWith('.md'))).toEqual([]);
  });
});
