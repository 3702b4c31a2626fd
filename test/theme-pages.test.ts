// What the default theme puts in every page without a browser: head metadata for search engines,
// social previews and feed readers; landmarks and alt text; and the bantin.yaml settings it shows.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { parse, type HTMLElement } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../src/build/build.js';
import { article, makeSite, PROJECT, readPage, readTree, tempDir, texts } from './helpers.js';

const NOW = Date.UTC(2026, 0, 1);
const config = yaml.load(readFileSync(join(PROJECT, 'bantin.yaml'), 'utf8')) as { title: string; baseUrl: string };
const meta = (page: HTMLElement, property: string) => page.querySelector(`meta[property="${property}"]`)?.getAttribute('content');

describe('every page of the sample site', () => {
  let dist: string;
  let pages: [string, HTMLElement][];
  beforeAll(() => {
    dist = build({ root: PROJECT, out: join(tempDir('theme'), 'dist'), now: NOW }).out;
    pages = [...readTree(dist)].filter(([p]) => p.endsWith('.html') && !p.startsWith('admin/')).map(([p, bytes]) => [p, parse(bytes.toString('utf8'))]);
  });

  it('has lang, one h1, a title, a description, a canonical URL and Open Graph tags', () => {
    expect(pages.length).toBeGreaterThan(100);
    for (const [path, page] of pages) {
      const url = path.replace(/index\.html$/, '');
      expect(page.querySelector('html')!.getAttribute('lang'), path).toBe(path === 'en/index.html' ? 'en' : 'vi');
      expect(page.querySelectorAll('h1'), path).toHaveLength(1);
      const title = page.querySelector('title')!.text;
      if (path === 'index.html') expect(title).toBe(config.title);
      else expect(title, path).toMatch(new RegExp(`^\\S.* \\| ${config.title}$`));
      expect(page.querySelector('meta[name=description]')?.getAttribute('content'), path).toMatch(/\S.{19,}/);
      expect(meta(page, 'og:title'), path).toBeTruthy();
      expect(meta(page, 'og:type'), path).toBe(page.querySelector('article.article') ? 'article' : 'website');
      expect(meta(page, 'og:image'), path).toMatch(/^https?:\/\//);
      if (path === '404.html') expect(page.querySelector('link[rel=canonical]')).toBeNull();
      else expect(page.querySelector('link[rel=canonical]')!.getAttribute('href'), path).toBe(config.baseUrl + url);
    }
  });

  it('links the RSS and Atom feeds, and on a category page its own feeds, all of which exist', () => {
    for (const [path, page] of pages) {
      const feeds = page.querySelectorAll('link[rel=alternate][type]').map((l) => [l.getAttribute('type'), l.getAttribute('href')!] as const);
      expect(feeds, path).toContainEqual(['application/rss+xml', '/feed.xml']);
      expect(feeds, path).toContainEqual(['application/atom+xml', '/atom.xml']);
      for (const [, href] of feeds) expect(existsSync(join(dist, href)), `${path}: ${href}`).toBe(true);
    }
    const category = readPage(dist, 'thong-bao');
    const hrefs = category.querySelectorAll('link[rel=alternate]').map((l) => l.getAttribute('href'));
    expect(hrefs).toEqual(expect.arrayContaining(['/thong-bao/feed.xml', '/thong-bao/atom.xml', '/thong-bao/feed.json']));
  });

  it('has a skip link to main, the landmarks, and alt text on every image', () => {
    for (const [path, page] of pages) {
      const skip = page.querySelector('body > a.skip-link');
      expect(skip?.getAttribute('href'), path).toBe('#main');
      expect(page.querySelector('main#main'), path).toBeTruthy();
      for (const landmark of ['header.site-header', 'nav.menu', 'aside.sidebar', 'footer.site-footer']) {
        expect(page.querySelectorAll(landmark), `${path}: ${landmark}`).toHaveLength(1);
      }
      for (const img of page.querySelectorAll('img')) expect(img.hasAttribute('alt'), `${path}: ${img.toString()}`).toBe(true);
    }
  });

  it('gives an article its published time, section, picture and printable address', () => {
    const [path, page] = pages.find(([, p]) => p.querySelector('article.article') && p.querySelector('.article-body img'))!;
    expect(meta(page, 'article:published_time')).toBe(page.querySelector('.article-date time')!.getAttribute('datetime'));
    expect(meta(page, 'article:section')).toBe(texts(page, '.breadcrumb a')[1]);
    const image = page.querySelector('.article-body img')!.getAttribute('src')!;
    expect(meta(page, 'og:image')).toBe(config.baseUrl + image.slice(1));
    expect(page.querySelector('.print-url')!.text).toContain(config.baseUrl + path.replace(/index\.html$/, ''));
  });
});

describe('settings from bantin.yaml', () => {
  let dist: string;
  beforeAll(() => {
    const root = makeSite({
      'bantin.yaml': [
        'title: Cổng thông tin xã Thử', 'unit: Ủy ban nhân dân xã Thử', 'logo: files/logo.png', 'visits: 9876',
        'colors: { primary: "#00558c", accent: "#ffcc00" }', 'sidebar: [visits, date]',
        'menu:', '  - title: Văn bản', '    url: https://vanban.example.gov.vn/', '  - title: Giới thiệu', '    url: gioi-thieu/',
        'footer:', '  address: Số 1 đường Chính', '  phone: 0200 111 222', '  email: ubnd@xathu.gov.vn', '  responsible: Ông Nguyễn Văn A',
      ].join('\n'),
      'content/files/logo.png': Buffer.from('89504e470d0a1a0a', 'hex'),
      'content/tin-tuc/a.md': article({ title: 'Bài A', date: '2024-03-05 08:30', image: '../files/logo.png' }),
    }, 'theme-config');
    dist = build({ root, now: NOW }).out;
  });

  it('shows the unit, the emblem, the extra menu entries and the chosen sidebar blocks in order', () => {
    const home = readPage(dist, '');
    expect(home.querySelector('.unit')!.text).toBe('Ủy ban nhân dân xã Thử');
    expect(home.querySelector('img.emblem')!.getAttribute('src')).toBe('/files/logo.png');
    const menu = home.querySelectorAll('.menu a').map((a) => [a.text, a.getAttribute('href')]);
    expect(menu.slice(-2)).toEqual([['Văn bản', 'https://vanban.example.gov.vn/'], ['Giới thiệu', '/gioi-thieu/']]);
    expect(texts(home, '.block h2')).toEqual(['SỐ LƯỢT TRUY CẬP', 'Xem theo ngày']);
    expect(home.querySelector('.visit-counter .visually-hidden')!.text).toBe('9.876');
  });

  it('sets the colours as CSS custom properties', () => {
    expect(readPage(dist, '').querySelector('style')!.text).toContain('--primary:#00558c;--accent:#ffcc00;');
  });

  it('labels the footer lines from the strings file and links a bare e-mail address', () => {
    const footer = readPage(dist, '').querySelector('.site-footer')!;
    const text = footer.text.replace(/\s+/g, ' ');
    for (const line of ['Chịu trách nhiệm chính: Ông Nguyễn Văn A', 'Địa chỉ: Số 1 đường Chính', 'Điện thoại: 0200 111 222', 'Thư điện tử: ubnd@xathu.gov.vn']) {
      expect(text).toContain(line);
    }
    expect(footer.querySelector('a[href^="mailto:"]')!.getAttribute('href')).toBe('mailto:ubnd@xathu.gov.vn');
  });

  it('marks the current section in the menu and prefills the date picker on a day archive', () => {
    expect(readPage(dist, 'tin-tuc').querySelector('.menu a[aria-current=page]')!.text).toBe('Tin tức');
    expect(readPage(dist, 'tin-tuc/a').querySelector('.menu a.active')!.text).toBe('Tin tức');
    expect(readPage(dist, 'archive/2024/03/05').querySelector('#date-picker-input')!.getAttribute('value')).toBe('05/03/2024');
  });
});
