import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { renderFeeds, rfc822 } from '../src/outputs/feeds.js';
import { renderSitemap } from '../src/outputs/sitemap.js';
import { DEFAULT_THEME_OPTIONS } from '../src/load/portal-config.js';
import type { Article, Category, OutputFile, Site, SiteConfig, SiteDate } from '../src/base/types.js';

const BASE = 'https://example.gov.vn/';
const SUB_BASE = 'https://example.gov.vn/huyen/bantin/';
const ILLEGAL_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** A SiteDate from an RFC 3339 string with offset, e.g. `2020-01-28T23:10:00+07:00`. */
function siteDate(iso: string): SiteDate {
  const m = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)([+-])(\d\d):(\d\d)$/.exec(iso);
  if (!m) throw new Error(`bad date ${iso}`);
  const [, y, mo, d, h, mi, s, sign, oh, om] = m;
  return {
    epochMs: Date.parse(iso),
    offsetMinutes: (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om)),
    year: +y, month: +mo, day: +d, hour: +h, minute: +mi, second: +s,
    iso,
  };
}

function article(slug: string, iso: string, over: Partial<Article> = {}): Article {
  const date = siteDate(iso);
  return {
    sourcePath: `content/${slug}.md`, title: `Bài ${slug}`, date, updated: date, author: 'Phòng Văn hóa',
    views: 0, categoryName: 'Tin tức', categorySlug: 'tin-tuc', tagNames: [], summary: `Tóm tắt ${slug}`, image: null, draft: false,
    slug, path: `tin-tuc/${slug}/`, body: '', html: `<p>Nội dung ${slug}</p>`, text: '', data: {}, oldUrls: [], index: 0,
    ...over,
  };
}

function config(over: Partial<SiteConfig> = {}): SiteConfig {
  const baseUrl = over.baseUrl ?? BASE;
  return {
    title: 'Cổng thông tin huyện', unit: 'ỦY BAN NHÂN DÂN HUYỆN', description: 'Tin tức & sự kiện',
    baseUrl, basePath: new URL(baseUrl).pathname, timezone: 'Asia/Ho_Chi_Minh', locale: 'vi',
    pageSize: 10, relatedCount: 5, relatedScope: 'category', defaultCategory: 'Tin tức', categories: [],
    links: [], menu: [], visits: null, logo: null, footer: {}, colors: {}, sidebar: [],
    markdown: { html: false, linkify: false, typographer: false }, feeds: { limit: 50, fullContent: false },
    theme: { ...DEFAULT_THEME_OPTIONS }, english: null, admin: null, defaultAuthor: '', extra: {}, ...over,
  };
}

function site(articles: Article[], cfg: SiteConfig = config()): Site {
  const sorted = [...articles].sort((a, b) => b.date.epochMs - a.date.epochMs);
  sorted.forEach((a, i) => (a.index = i));
  const names = [...new Set(sorted.map((a) => a.categoryName))];
  const categories: Category[] = names.map((name) => {
    const slug = name === 'Tin tức' ? 'tin-tuc' : 'thong-bao';
    return { name, slug, url: `${cfg.basePath}${slug}/`, articles: sorted.filter((a) => a.categoryName === name) };
  });
  return { config: cfg, articles: sorted, categories, tags: [], archive: { years: [], months: [], days: [] }, visits: null, data: {} };
}

const parser = new XMLParser({
  ignoreAttributes: false, attributeNamePrefix: '@_', parseTagValue: false,
  isArray: (name) => ['item', 'entry', 'category', 'link', 'url', 'sitemap'].includes(name),
});

function file(files: OutputFile[], path: string): string {
  const f = files.find((x) => x.path === path);
  if (!f) throw new Error(`no ${path} in ${files.map((x) => x.path).join(', ')}`);
  return String(f.content);
}

/** Parses XML after checking it is well-formed and carries no character XML 1.0 forbids. */
function xml(files: OutputFile[], path: string) {
  const text = file(files, path);
  expect(XMLValidator.validate(text)).toBe(true);
  expect(ILLEGAL_XML.test(text)).toBe(false);
  return parser.parse(text);
}

const text = (v: unknown) => (typeof v === 'object' && v !== null ? (v as Record<string, string>)['#text'] : v) as string;
const htmlUnescape = (s: string) =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');

/** Every URL-valued field anywhere in a parsed document. */
function urls(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => urls(n, out));
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (['link', 'guid', 'id', 'loc', '@_href', 'url', 'home_page_url', 'feed_url'].includes(k)) {
        for (const one of [v].flat()) if (typeof text(one) === 'string') out.push(text(one));
      }
      urls(v, out);
    }
  }
  return out;
}

const sample = () => [
  article('a', '2020-01-28T23:10:00+07:00', { tagNames: ['Nông thôn mới'] }),
  article('b', '2020-01-27T08:00:00+07:00', { updated: siteDate('2020-02-03T09:30:00+07:00'), author: '' }),
  article('c', '2020-01-26T07:05:09+07:00', { categoryName: 'Thông báo', path: 'thong-bao/c/' }),
];

describe('RSS', () => {
  it('has the required channel and item elements with absolute URLs and +0700 dates', () => {
    const files = renderFeeds(site(sample()));
    const { rss } = xml(files, 'feed.xml');
    expect(rss['@_version']).toBe('2.0');
    const ch = rss.channel;
    expect(ch.title).toBe('Cổng thông tin huyện');
    expect(ch.link).toEqual([BASE]);
    expect(ch['atom:link']).toEqual({ '@_href': `${BASE}feed.xml`, '@_rel': 'self', '@_type': 'application/rss+xml' });
    expect(ch.description).toBe('Tin tức & sự kiện');
    expect(ch.language).toBe('vi');
    // The newest `updated` among the items, not the newest date and not the build time.
    expect(ch.lastBuildDate).toBe('Mon, 03 Feb 2020 09:30:00 +0700');
    expect(ch.item).toHaveLength(3);
    const [a, b] = ch.item;
    expect(a.title).toBe('Bài a');
    expect(a.link).toEqual([`${BASE}tin-tuc/a/`]);
    expect(a.guid).toEqual({ '#text': `${BASE}tin-tuc/a/`, '@_isPermaLink': 'true' });
    expect(a.pubDate).toBe('Tue, 28 Jan 2020 23:10:00 +0700');
    expect(a['dc:creator']).toBe('Phòng Văn hóa');
    expect(a.category).toEqual(['Tin tức', 'Nông thôn mới']);
    expect(a.description).toBe('Tóm tắt a');
    expect(a['content:encoded']).toBeUndefined();
    expect(b['dc:creator']).toBeUndefined();
    for (const item of ch.item) expect(item.pubDate).toMatch(/^\w{3}, \d\d \w{3} \d{4} \d\d:\d\d:\d\d \+0700$/);
    for (const u of urls(rss)) expect(u.startsWith(BASE)).toBe(true);
  });

  it('formats RFC 822 dates with the weekday and a numeric offset of either sign', () => {
    expect(rfc822(siteDate('2020-01-26T07:05:09+07:00'))).toBe('Sun, 26 Jan 2020 07:05:09 +0700');
    expect(rfc822(siteDate('2024-02-29T00:00:00-03:30'))).toBe('Thu, 29 Feb 2024 00:00:00 -0330');
  });
});

describe('Atom', () => {
  it('has the required feed and entry elements', () => {
    const { feed } = xml(renderFeeds(site(sample())), 'atom.xml');
    expect(feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(feed['@_xml:lang']).toBe('vi');
    expect(feed.id).toBe(`${BASE}atom.xml`);
    expect(text(feed.title)).toBe('Cổng thông tin huyện');
    expect(feed.updated).toBe('2020-02-03T09:30:00+07:00');
    expect(feed.link.map((l: Record<string, string>) => [l['@_rel'], l['@_href']])).toEqual([
      ['alternate', BASE],
      ['self', `${BASE}atom.xml`],
    ]);
    expect(feed.author.name).toBe('ỦY BAN NHÂN DÂN HUYỆN');
    const [a, b] = feed.entry;
    expect(a.id).toBe(`${BASE}tin-tuc/a/`);
    expect(text(a.title)).toBe('Bài a');
    expect(a.published).toBe('2020-01-28T23:10:00+07:00');
    expect(a.updated).toBe('2020-01-28T23:10:00+07:00');
    expect(a.link[0]['@_href']).toBe(`${BASE}tin-tuc/a/`);
    expect(a.author.name).toBe('Phòng Văn hóa');
    expect(b.author).toBeUndefined();
    expect(b.updated).toBe('2020-02-03T09:30:00+07:00');
    for (const e of feed.entry) expect(e.updated).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00$/);
    for (const u of urls(feed)) expect(u.startsWith(BASE)).toBe(true);
  });
});

describe('JSON Feed', () => {
  it('is JSON Feed 1.1 with id, url and date_published on every item', () => {
    const json = JSON.parse(file(renderFeeds(site(sample())), 'feed.json'));
    expect(json.version).toBe('https://jsonfeed.org/version/1.1');
    expect(json.title).toBe('Cổng thông tin huyện');
    expect(json.home_page_url).toBe(BASE);
    expect(json.feed_url).toBe(`${BASE}feed.json`);
    expect(json.language).toBe('vi');
    expect(json.items).toHaveLength(3);
    for (const item of json.items) {
      expect(item.id).toBe(item.url);
      expect(item.url.startsWith(BASE)).toBe(true);
      expect(item.date_published).toMatch(/\+07:00$/);
      expect(typeof item.content_text).toBe('string');
    }
    expect(json.items[0].authors).toEqual([{ name: 'Phòng Văn hóa' }]);
    expect(json.items[0].tags).toEqual(['Tin tức', 'Nông thôn mới']);
  });
});

describe('escaping', () => {
  const nasty = 'Tin <script>alert("x")</script> & "Lũ" \u0001\u0008\u000B\uFFFF\uD800 xong 🌾';
  const clean = 'Tin <script>alert("x")</script> & "Lũ"  xong 🌾';
  const files = renderFeeds(site([article('a', '2020-01-28T23:10:00+07:00', { title: nasty, summary: `a < b & ${nasty}`, author: 'A & B' })]));

  it('round-trips markup-like titles as text and drops characters XML cannot hold', () => {
    const rss = xml(files, 'feed.xml').rss.channel.item[0];
    expect(rss.title).toBe(clean);
    expect(rss['dc:creator']).toBe('A & B');
    // RSS description is HTML: the reader must see the summary as text, not as a <script> tag.
    expect(htmlUnescape(rss.description)).toBe(`a < b & ${clean}`);
    expect(rss.description).not.toContain('<script>');
    const atom = xml(files, 'atom.xml').feed.entry[0];
    expect(text(atom.title)).toBe(clean);
    expect(text(atom.summary)).toBe(`a < b & ${clean}`);
    expect(JSON.parse(file(files, 'feed.json')).items[0].title).toBe(clean);
    for (const f of files) expect(String(f.content)).not.toContain('\u0001');
    expect(file(files, 'feed.xml')).not.toContain('<script>');
  });
});

describe('options', () => {
  it('keeps the newest `feeds.limit` articles, 50 by default', () => {
    const many = Array.from({ length: 60 }, (_, i) => article(`n${i}`, `2020-03-${String((i % 28) + 1).padStart(2, '0')}T${String(i % 24).padStart(2, '0')}:00:00+07:00`));
    const s = site(many);
    const rss = xml(renderFeeds(s), 'feed.xml').rss.channel.item;
    expect(rss).toHaveLength(50);
    expect(rss.map((i: { title: string }) => i.title)).toEqual(s.articles.slice(0, 50).map((a) => a.title));
    const small = site(many, config({ feeds: { limit: 3, fullContent: false } }));
    const out = renderFeeds(small);
    expect(xml(out, 'atom.xml').feed.entry).toHaveLength(3);
    expect(JSON.parse(file(out, 'feed.json')).items).toHaveLength(3);
    expect(xml(out, 'tin-tuc/feed.xml').rss.channel.item).toHaveLength(3);
    const noFeeds = site(many, { ...config(), feeds: undefined } as unknown as SiteConfig);
    expect(xml(renderFeeds(noFeeds), 'feed.xml').rss.channel.item).toHaveLength(50);
  });

  it('publishes the full body with absolute links when fullContent is on', () => {
    const html = '<p><a href="../b/">b</a> <img src="/images/x.jpg" alt=""> <a href="https://gov.vn/">gov</a> <a href="#m">m</a></p>';
    const cfg = config({ baseUrl: SUB_BASE, feeds: { limit: 50, fullContent: true } });
    const files = renderFeeds(site([article('a', '2020-01-28T23:10:00+07:00', { html })], cfg));
    const rss = xml(files, 'feed.xml').rss.channel.item[0];
    expect(rss['content:encoded']).toBe(
      `<p><a href="${SUB_BASE}tin-tuc/b/">b</a> <img src="https://example.gov.vn/images/x.jpg" alt=""> <a href="https://gov.vn/">gov</a> <a href="${SUB_BASE}tin-tuc/a/#m">m</a></p>`,
    );
    expect(text(xml(files, 'atom.xml').feed.entry[0].content)).toBe(rss['content:encoded']);
    const item = JSON.parse(file(files, 'feed.json')).items[0];
    expect(item.content_html).toBe(rss['content:encoded']);
    expect(item.content_text).toBeUndefined();
  });

  it('makes every URL absolute under a base URL with a path', () => {
    const cfg = config({ baseUrl: SUB_BASE });
    const files = renderFeeds(site(sample().map((a) => ({ ...a, image: 'images/a.jpg' })), cfg));
    for (const path of ['feed.xml', 'atom.xml', 'tin-tuc/feed.xml', 'thong-bao/atom.xml']) {
      const found = urls(xml(files, path));
      expect(found.length).toBeGreaterThanOrEqual(5);
      for (const u of found) expect(u.startsWith(SUB_BASE)).toBe(true);
    }
    expect(xml(files, 'feed.xml').rss.channel.item[0].link).toEqual([`${SUB_BASE}tin-tuc/a/`]);
    expect(xml(files, 'tin-tuc/atom.xml').feed.link[0]['@_href']).toBe(`${SUB_BASE}tin-tuc/`);
    const json = JSON.parse(file(files, 'feed.json'));
    for (const u of [json.home_page_url, json.feed_url, ...json.items.flatMap((i: { url: string; image: string }) => [i.url, i.image])]) {
      expect(u.startsWith(SUB_BASE)).toBe(true);
    }
  });
});

describe('per-category feeds', () => {
  it('writes RSS, Atom and JSON Feed per category with only that category', () => {
    const files = renderFeeds(site(sample()));
    expect(files.map((f) => f.path)).toEqual([
      'feed.xml', 'atom.xml', 'feed.json', 'tin-tuc/feed.xml', 'tin-tuc/atom.xml', 'tin-tuc/feed.json', 'thong-bao/feed.xml', 'thong-bao/atom.xml', 'thong-bao/feed.json',
    ]);
    const newsJson = JSON.parse(files.find((f) => f.path === 'tin-tuc/feed.json')!.content as string);
    expect(newsJson.feed_url).toBe(`${BASE}tin-tuc/feed.json`);
    expect(newsJson.home_page_url).toBe(`${BASE}tin-tuc/`);
    expect(newsJson.items.map((i: { title: string }) => i.title)).toEqual(['Bài a', 'Bài b']);
    const news = xml(files, 'tin-tuc/feed.xml').rss.channel;
    expect(news.title).toBe('Tin tức – Cổng thông tin huyện');
    expect(news.link[0]).toBe(`${BASE}tin-tuc/`);
    expect(news['atom:link']['@_href']).toBe(`${BASE}tin-tuc/feed.xml`);
    expect(news.item.map((i: { title: string }) => i.title)).toEqual(['Bài a', 'Bài b']);
    const notices = xml(files, 'thong-bao/atom.xml').feed;
    expect(notices.entry.map((e: { id: string }) => e.id)).toEqual([`${BASE}thong-bao/c/`]);
    expect(notices.updated).toBe('2020-01-26T07:05:09+07:00');
  });

  it('is deterministic and valid for a site without articles', () => {
    const s = site(sample());
    expect(renderFeeds(s)).toEqual(renderFeeds(s));
    const empty = renderFeeds(site([]));
    expect(xml(empty, 'feed.xml').rss.channel.item).toBeUndefined();
    expect(xml(empty, 'atom.xml').feed.updated).toBe('1970-01-01T00:00:00Z');
    expect(JSON.parse(file(empty, 'feed.json')).items).toEqual([]);
  });
});

describe('sitemap', () => {
  const W3C = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/;

  it('writes an empty urlset and robots.txt for no pages', () => {
    const files = renderSitemap(config(), []);
    expect(files.map((f) => f.path)).toEqual(['sitemap.xml', 'robots.txt']);
    const doc = xml(files, 'sitemap.xml');
    expect(doc.urlset['@_xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    expect(doc.urlset.url).toBeUndefined();
  });

  it('writes absolute locs and W3C lastmods, skipping duplicates', () => {
    const cfg = config({ baseUrl: SUB_BASE });
    const files = renderSitemap(cfg, [
      { path: '', lastmod: siteDate('2020-01-28T23:10:00+07:00') },
      { path: 'tin-tuc/a&b/', lastmod: null },
      { path: 'tin-tuc/lũ lụt/', lastmod: siteDate('2020-01-27T08:00:00+07:00') },
      { path: '', lastmod: null },
    ]);
    const urls = xml(files, 'sitemap.xml').urlset.url;
    expect(urls.map((u: { loc: string }) => u.loc)).toEqual([
      SUB_BASE, `${SUB_BASE}tin-tuc/a&b/`, `${SUB_BASE}tin-tuc/l%C5%A9%20l%E1%BB%A5t/`,
    ]);
    expect(urls[0].lastmod).toBe('2020-01-28T23:10:00+07:00');
    expect(urls[0].lastmod).toMatch(W3C);
    expect(urls[1].lastmod).toBeUndefined();
    expect(file(files, 'robots.txt')).toBe(`User-agent: *\nAllow: /\n\nSitemap: ${SUB_BASE}sitemap.xml\n`);
  });

  it('splits more than 50,000 URLs into sitemap files under a sitemap index', () => {
    const pages = Array.from({ length: 50_001 }, (_, i) => ({
      path: `tin-tuc/bai-${i}/`,
      lastmod: i === 50_000 ? siteDate('2021-05-01T10:00:00+07:00') : siteDate('2020-01-28T23:10:00+07:00'),
    }));
    const files = renderSitemap(config(), pages);
    expect(files.map((f) => f.path)).toEqual(['sitemap.xml', 'sitemap-1.xml', 'sitemap-2.xml', 'robots.txt']);
    const index = xml(files, 'sitemap.xml').sitemapindex.sitemap;
    expect(index).toEqual([
      { loc: `${BASE}sitemap-1.xml`, lastmod: '2020-01-28T23:10:00+07:00' },
      { loc: `${BASE}sitemap-2.xml`, lastmod: '2021-05-01T10:00:00+07:00' },
    ]);
    const first = xml(files, 'sitemap-1.xml').urlset.url;
    expect(first).toHaveLength(50_000);
    expect(first[0].loc).toBe(`${BASE}tin-tuc/bai-0/`);
    expect(xml(files, 'sitemap-2.xml').urlset.url).toEqual([{ loc: `${BASE}tin-tuc/bai-50000/`, lastmod: '2021-05-01T10:00:00+07:00' }]);
    for (const f of files) expect(Buffer.byteLength(String(f.content))).toBeLessThanOrEqual(50 * 1024 * 1024);
    expect(file(files, 'robots.txt')).toContain(`Sitemap: ${BASE}sitemap.xml\n`);
  });

  it('also splits on the byte limit', () => {
    const pages = Array.from({ length: 10 }, (_, i) => ({ path: `p${i}/`, lastmod: null }));
    const files = renderSitemap(config(), pages, { maxUrls: 50_000, maxBytes: 400 });
    const parts = files.filter((f) => /^sitemap-\d+\.xml$/.test(f.path));
    expect(parts.length).toBeGreaterThan(1);
    for (const f of parts) expect(Buffer.byteLength(String(f.content))).toBeLessThanOrEqual(400);
    const locs = parts.flatMap((f) => xml(files, f.path).urlset.url.map((u: { loc: string }) => u.loc));
    expect(locs).toEqual(pages.map((p) => `${BASE}${p.path}`));
    expect(() => renderSitemap(config(), [{ path: 'x'.repeat(400), lastmod: null }], { maxUrls: 10, maxBytes: 400 })).toThrow(/too large/);
  });
});
