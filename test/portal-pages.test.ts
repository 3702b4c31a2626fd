// The state-portal features and reader fixes in the built HTML, without a browser: Dublin Core,
// the site map, help, feeds and English pages, the neighbours of an article alone in its category,
// the picture's size, the favicon, the robots.txt notice, and each `theme:` switch turned off.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../src/build/build.js';
import { BuildFailure } from '../src/base/problems.js';
import { article, makeSite, PROJECT, readPage, readTree, runCli, tempDir, texts } from './helpers.js';

const NOW = Date.UTC(2026, 0, 1);
const BASE = 'https://songlam.hagiangnam.gov.vn/';
const dc = (page: HTMLElement) => Object.fromEntries(page.querySelectorAll('meta[name^="DC."]').map((m) => [m.getAttribute('name')!.slice(3), m.getAttribute('content')]));
const DC_ARTICLE = ['title', 'creator', 'subject', 'description', 'publisher', 'date', 'type', 'format', 'identifier', 'language'];

describe('the sample site', () => {
  let dist: string;
  let html: [string, HTMLElement][];
  beforeAll(() => {
    dist = build({ root: PROJECT, out: join(tempDir('portal'), 'dist'), now: NOW }).out;
    html = [...readTree(dist)].filter(([p]) => p.endsWith('.html') && p !== '404.html' && !p.startsWith('admin/')).map(([p, b]) => [p, parse(b.toString('utf8'))]);
  });
  const articles = () => html.filter(([, p]) => p.querySelector('article.article'));

  it('describes each article in Dublin Core, and every other page with the site-wide elements', () => {
    expect(articles().length).toBeGreaterThan(30);
    for (const [path, page] of articles()) {
      const meta = dc(page);
      expect(Object.keys(meta).sort(), path).toEqual([...DC_ARTICLE].sort());
      expect(meta.title, path).toBe(page.querySelector('h1')!.text);
      expect(meta.identifier, path).toBe(BASE + path.replace(/index\.html$/, ''));
      expect(meta.subject!.split('; ')[0], path).toBe(texts(page, '.breadcrumb a')[1]);
      expect(meta.date, path).toMatch(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}\+07:00)?$/);
      expect(meta.language, path).toBe('vi');
      if (page.querySelector('.byline')) expect(meta.creator!.toUpperCase(), path).toBe(page.querySelector('.byline')!.text);
    }
    const home = dc(readPage(dist, ''));
    expect(home).toMatchObject({ publisher: 'Ủy ban nhân dân huyện Sông Lam', language: 'vi', identifier: BASE, type: 'Text', format: 'text/html' });
    expect(home.date).toBeUndefined();
    expect(dc(readPage(dist, 'en')).language).toBe('en');
  });

  it('has an HTML site map with every category and its newest articles, the archive years and the fixed pages', () => {
    const map = readPage(dist, 'so-do-trang');
    const groups = map.querySelectorAll('.site-map-groups > li');
    const home = readPage(dist, '');
    const categories = home.querySelectorAll('.menu a').slice(1).filter((a) => !a.getAttribute('hreflang'));
    expect(groups.map((g) => g.querySelector('.site-map-group')!.text)).toEqual(categories.map((a) => a.text));
    for (const g of groups) {
      const listing = readPage(dist, g.querySelector('.site-map-group')!.getAttribute('href')!.slice(1));
      const newest = texts(listing, '.article-item h3 a').slice(0, 5);
      expect(texts(g, 'ul a'), g.querySelector('.site-map-group')!.text).toEqual(newest);
    }
    const years = readPage(dist, 'archive').querySelectorAll('.archive-years > li > a').map((a) => a.getAttribute('href'));
    expect(map.querySelectorAll('.site-map-years a').map((a) => a.getAttribute('href'))).toEqual(years);
    const fixed = map.querySelectorAll('[aria-labelledby=site-map-pages] a').map((a) => a.getAttribute('href'));
    expect(fixed).toEqual(expect.arrayContaining(['/', '/archive/', '/tim-kiem/', '/rss/', '/tro-giup/', '/en/']));
    expect(readFileSync(join(dist, 'sitemap.xml'), 'utf8')).toContain(`<loc>${BASE}so-do-trang/</loc>`);
  });

  it('links the site map, the help page and the feeds page from every footer, and English from every header', () => {
    for (const [path, page] of html) {
      const footer = page.querySelectorAll('.site-footer a').map((a) => a.getAttribute('href'));
      expect(footer, path).toEqual(expect.arrayContaining(['/so-do-trang/', '/tro-giup/', '/rss/']));
      expect(footer, path).not.toContain('/feed.xml');
      const english = page.querySelector('.site-header a[hreflang=en]');
      expect([english?.getAttribute('href'), english?.getAttribute('lang'), english?.text], path).toEqual(['/en/', 'en', 'English']);
    }
  });

  it('explains the feeds on /rss/ and lists every category feed, each of which exists, JSON Feed included', () => {
    const page = readPage(dist, 'rss');
    const urls = texts(page, '.feed-url');
    expect(urls[0]).toBe(`${BASE}feed.xml`);
    const categories = readPage(dist, 'so-do-trang').querySelectorAll('.site-map-group').map((a) => a.getAttribute('href')!.slice(1));
    expect(urls.slice(1)).toEqual(categories.map((c) => `${BASE}${c}feed.xml`));
    for (const c of categories) {
      expect(existsSync(join(dist, c, 'feed.xml')), c).toBe(true);
      const json = JSON.parse(readFileSync(join(dist, c, 'feed.json'), 'utf8'));
      expect(json.feed_url, c).toBe(`${BASE}${c}feed.json`);
      expect(json.items.length, c).toBeGreaterThan(0);
    }
  });

  it('renders /en/ in English from `english:`, with hreflang alternates to and from the home page', () => {
    const en = readPage(dist, 'en');
    expect(en.querySelector('html')!.getAttribute('lang')).toBe('en');
    expect(en.querySelector('h1')!.text).toBe("People's Committee of Song Lam District");
    expect(texts(en, '.leaders li')[0]).toBe('Le Hoang Son – Chairman');
    expect(en.querySelector('.contacts a[href^="mailto:"]')!.getAttribute('href')).toBe('mailto:ubnd@songlam.hagiangnam.gov.vn');
    for (const side of ['site-header', 'sidebar', 'site-footer']) expect(en.querySelector(`.${side}`)!.getAttribute('lang'), side).toBe('vi');
    const alternates = (p: HTMLElement) => p.querySelectorAll('link[hreflang]').map((l) => [l.getAttribute('hreflang'), l.getAttribute('href')]);
    expect(alternates(en)).toEqual([['vi', BASE], ['en', `${BASE}en/`]]);
    expect(alternates(readPage(dist, ''))).toEqual(alternates(en));
  });

  it('gives an article alone in its category neighbours from the whole site', () => {
    const alone = articles().filter(([, p]) => {
      const href = p.querySelectorAll('.breadcrumb a')[1].getAttribute('href')!;
      return readPage(dist, href.slice(1)).querySelectorAll('.article-item').length === 1;
    });
    expect(alone.length, 'the sample has a category with one article').toBeGreaterThan(0);
    for (const [path, page] of alone) {
      expect(texts(page, '.related h2'), path).toEqual(['TIN MỚI HƠN', 'TIN ĐÃ ĐƯA']);
      expect(page.querySelectorAll('#related-newer ~ ul li, .related li').length, path).toBeGreaterThan(2);
    }
  });

  it('gives the front-matter picture its width and height, and every page an icon that exists', () => {
    const figures = articles().map(([, p]) => p.querySelector('.article-image img')).filter((i) => i !== null);
    expect(figures.length).toBeGreaterThan(0);
    for (const img of figures) {
      expect([img.getAttribute('width'), img.getAttribute('height')], img.toString()).toEqual(['600', '400']);
    }
    for (const [path, page] of html) {
      const icon = page.querySelector('link[rel=icon]')?.getAttribute('href');
      expect(icon && existsSync(join(dist, icon)), `${path}: ${icon}`).toBe(true);
    }
  });

  it('prints each article tool only once per article: "In bài viết" and "Lưu bài viết"', () => {
    for (const [path, page] of articles()) {
      expect(texts(page, '.article-tools button'), path).toEqual(['In bài viết', 'Lưu bài viết']);
    }
  });
});

describe('theme switches and config', () => {
  const files = (yaml: string) => ({
    'bantin.yaml': yaml,
    'content/files/anh.png': readFileSync(join(PROJECT, 'content/files/thu-hoach-lua.png')),
    'content/tin-tuc/a.md': article({ title: 'Bài A', date: '2024-05-02', author: 'Nguyễn Văn A', image: '../files/anh.png' }),
    'content/tin-tuc/b.md': article({ title: 'Bài B', date: '2024-05-03 08:00', author: 'Trần Thị B' }),
  });

  it('leaves out each portal feature that `theme:` turns off, and labels the byline', () => {
    const off = ['theme:', '  dublinCore: false', '  print: false', '  save: false', '  siteMap: false', '  accessKeys: false', '  feedPage: false', '  byline: label'].join('\n');
    const dist = build({ root: makeSite(files(`title: Xã Thử\n${off}\n`), 'theme-off'), now: NOW }).out;
    const page = readPage(dist, 'tin-tuc/a');
    expect(dc(page)).toEqual({});
    expect(page.querySelector('.article-tools')).toBeNull();
    expect(page.querySelectorAll('[accesskey]')).toHaveLength(0);
    expect(page.querySelector('.byline')!.text).toBe('Tác giả: Nguyễn Văn A');
    const footer = page.querySelectorAll('.site-footer a').map((a) => a.getAttribute('href'));
    expect(footer).toContain('/feed.xml');
    for (const gone of ['so-do-trang', 'tro-giup', 'rss', 'en']) expect(existsSync(join(dist, gone)), gone).toBe(false);
    expect(page.querySelector('a[hreflang=en]')).toBeNull();
  });

  it('shows a date-only article without a time, and the default byline once in capitals', () => {
    const dist = build({ root: makeSite(files('title: Xã Thử\n'), 'theme-on'), now: NOW }).out;
    const a = readPage(dist, 'tin-tuc/a');
    expect(a.querySelector('.article-date')!.text).toBe('02 Tháng Năm 2024');
    expect(readPage(dist, 'tin-tuc/b').querySelector('.article-date')!.text).toBe('03 Tháng Năm 2024 08:00:00 SA');
    expect(a.querySelector('.byline')!.text).toBe('NGUYỄN VĂN A');
    expect(dc(a).date).toBe('2024-05-02');
    expect(existsSync(join(dist, 'en'))).toBe(false);
  });

  it('rejects a wrong theme value or a javascript: English website with the line and a fix', () => {
    for (const [yaml, line, key] of [
      ['title: X\ntheme:\n  save: "có"\n', 3, 'theme.save'],
      ['title: X\ntheme:\n  byline: big\n', 3, 'theme.byline'],
      ['title: X\nenglish:\n  organisation: X\n  contacts:\n    website: "javascript:alert(1)"\n', 5, 'english.contacts.website'],
    ] as const) {
      let problems: { file: string | null; line?: number; message: string; hint?: string }[] = [];
      try {
        build({ root: makeSite({ ...files(yaml) }, 'theme-bad'), now: NOW });
      } catch (err) {
        problems = (err as BuildFailure).problems;
      }
      expect(problems.map((p) => [p.file, p.line, p.message.includes(key), !!p.hint]), yaml).toEqual([['bantin.yaml', line, true, true]]);
    }
  });

  it('with a base path, says in the build output that robots.txt belongs at the root, and gives the line', () => {
    const root = makeSite(files('title: Xã Thử\nbaseUrl: https://example.gov.vn/xa-thu/\n'), 'robots');
    const run = runCli(['build', '--root', root]);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('https://example.gov.vn/robots.txt');
    expect(run.stderr).toContain('Sitemap: https://example.gov.vn/xa-thu/sitemap.xml');
    const plain = runCli(['build', '--root', makeSite(files('title: Xã Thử\nbaseUrl: https://example.gov.vn/\n'), 'robots-root')]);
    expect(plain.stderr).not.toContain('robots.txt');
  });
});
