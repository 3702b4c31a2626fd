// Site-wide and per-category feeds: RSS 2.0, Atom 1.0 and JSON Feed 1.1.
// Pure: the output depends only on the site model, never on the clock, so rebuilds are byte-identical.

import { formatOffset, pad } from '../base/dates.js';
import { absoluteUrl, escapeXml, SCHEME, stripInvalidXmlChars } from './xml.js';
import type { Article, OutputFile, Site, SiteConfig, SiteDate } from '../base/types.js';

const DEFAULT_LIMIT = 50;
const GENERATOR = 'bantin';
// Atom requires a feed-level <updated>; a feed with no articles has no date of its own to give.
const EMPTY_FEED_UPDATED = '1970-01-01T00:00:00Z';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** RFC 822 date as RSS wants it, in the site's wall-clock time: `Tue, 28 Jan 2020 23:10:00 +0700`. */
export function rfc822(d: SiteDate): string {
  const weekday = DAYS[new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay()];
  const time = `${pad(d.hour)}:${pad(d.minute)}:${pad(d.second)}`;
  return `${weekday}, ${pad(d.day)} ${MONTHS[d.month - 1]} ${d.year} ${time} ${formatOffset(d.offsetMinutes, '')}`;
}

// Feed readers show the HTML outside the page, so relative links and images would point at the
// reader; they are resolved against the article's own URL, as the browser does on the page.
const TAG = /<[a-z][^>]*>/gi;
const URL_ATTR = /(\s(?:href|src|poster|cite)\s*=\s*)(?:"([^"]*)"|'([^']*)')/gi;

function absolutizeHtml(html: string, pageUrl: string): string {
  return html.replace(TAG, (tag) =>
    tag.replace(URL_ATTR, (m, pre: string, dq?: string, sq?: string) => {
      const value = dq ?? sq ?? '';
      if (SCHEME.test(value)) return m;
      try {
        const q = dq !== undefined ? '"' : "'";
        return `${pre}${q}${new URL(value, pageUrl).href}${q}`;
      } catch {
        return m;
      }
    }),
  );
}

function feedLimit(config: SiteConfig): number {
  const n = config.feeds?.limit;
  return typeof n === 'number' && Number.isInteger(n) && n > 0 ? n : DEFAULT_LIMIT;
}

// The latest `updated` of the articles shown, so an edit to an older article also moves the feed.
function lastUpdated(articles: Article[]): SiteDate | null {
  let best: SiteDate | null = null;
  for (const a of articles) if (!best || a.updated.epochMs > best.epochMs) best = a.updated;
  return best;
}

interface Feed {
  /** Output folder, `` or `<slug>/`. */
  dir: string;
  title: string;
  description: string;
  homeUrl: string;
  articles: Article[];
}

interface Entry {
  article: Article;
  url: string;
  /** Full body with absolute URLs, or null when the site publishes summaries only. */
  html: string | null;
  categories: string[];
}

function entries(config: SiteConfig, feed: Feed): Entry[] {
  return feed.articles.map((article) => {
    const url = absoluteUrl(config, article.path);
    return {
      article,
      url,
      html: config.feeds?.fullContent ? absolutizeHtml(article.html, url) : null,
      categories: [article.categoryName, ...article.tagNames].filter((c, i, all) => c && all.indexOf(c) === i),
    };
  });
}

const el = (name: string, text: string) => `<${name}>${escapeXml(text)}</${name}>`;
// Optional elements are given as '' and dropped here.
const lines = (list: string[]) => `${list.filter(Boolean).join('\n')}\n`;

function renderRss(config: SiteConfig, feed: Feed): OutputFile {
  const self = absoluteUrl(config, `${feed.dir}feed.xml`);
  const updated = lastUpdated(feed.articles);
  const items = entries(config, feed).map(({ article: a, url, html, categories }) =>
    [
      '    <item>',
      `      ${el('title', a.title)}`,
      `      ${el('link', url)}`,
      `      <guid isPermaLink="true">${escapeXml(url)}</guid>`,
      `      ${el('pubDate', rfc822(a.date))}`,
      a.author ? `      ${el('dc:creator', a.author)}` : '',
      ...categories.map((c) => `      ${el('category', c)}`),
      // <description> holds HTML, so the plain-text summary is HTML-escaped before XML-escaping.
      `      ${el('description', escapeXml(a.summary))}`,
      html !== null ? `      ${el('content:encoded', html)}` : '',
      '    </item>',
    ]
      .filter(Boolean)
      .join('\n'),
  );
  const xml = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">',
    '  <channel>',
    `    ${el('title', feed.title)}`,
    `    ${el('link', feed.homeUrl)}`,
    `    ${el('description', feed.description)}`,
    `    ${el('language', config.locale)}`,
    `    ${el('generator', GENERATOR)}`,
    updated ? `    ${el('lastBuildDate', rfc822(updated))}` : '',
    `    <atom:link href="${escapeXml(self)}" rel="self" type="application/rss+xml"/>`,
    ...items,
    '  </channel>',
    '</rss>',
  ];
  return { path: `${feed.dir}feed.xml`, content: lines(xml) };
}

function renderAtom(config: SiteConfig, feed: Feed): OutputFile {
  const self = absoluteUrl(config, `${feed.dir}atom.xml`);
  const updated = lastUpdated(feed.articles);
  const entryXml = entries(config, feed).map(({ article: a, url, html, categories }) =>
    [
      '  <entry>',
      `    ${el('id', url)}`,
      `    <title type="text">${escapeXml(a.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${escapeXml(url)}"/>`,
      `    ${el('published', a.date.iso)}`,
      `    ${el('updated', a.updated.iso)}`,
      a.author ? `    <author>${el('name', a.author)}</author>` : '',
      ...categories.map((c) => `    <category term="${escapeXml(c)}"/>`),
      `    <summary type="text">${escapeXml(a.summary)}</summary>`,
      html !== null ? `    <content type="html">${escapeXml(html)}</content>` : '',
      '  </entry>',
    ]
      .filter(Boolean)
      .join('\n'),
  );
  const xml = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeXml(config.locale)}">`,
    // The feed's own URL is its id: unique per feed and stable as long as the site does not move.
    `  ${el('id', self)}`,
    `  <title type="text">${escapeXml(feed.title)}</title>`,
    feed.description ? `  <subtitle type="text">${escapeXml(feed.description)}</subtitle>` : '',
    `  ${el('updated', updated ? updated.iso : EMPTY_FEED_UPDATED)}`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(feed.homeUrl)}"/>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(self)}"/>`,
    // Atom needs an author on the feed or on every entry; articles may have none.
    `  <author>${el('name', config.unit || config.title)}</author>`,
    `  ${el('generator', GENERATOR)}`,
    ...entryXml,
    '</feed>',
  ];
  return { path: `${feed.dir}atom.xml`, content: lines(xml) };
}

function renderJsonFeed(config: SiteConfig, feed: Feed): OutputFile {
  const s = stripInvalidXmlChars;
  const items = entries(config, feed).map(({ article: a, url, html, categories }) => ({
    id: url,
    url,
    title: s(a.title),
    // JSON Feed requires content_html or content_text on every item.
    ...(html !== null ? { content_html: s(html) } : { content_text: s(a.summary) }),
    summary: s(a.summary),
    ...(a.image ? { image: absoluteUrl(config, a.image) } : {}),
    date_published: a.date.iso,
    date_modified: a.updated.iso,
    ...(a.author ? { authors: [{ name: s(a.author) }] } : {}),
    ...(categories.length ? { tags: categories.map(s) } : {}),
  }));
  const json = {
    version: 'https://jsonfeed.org/version/1.1',
    title: s(feed.title),
    home_page_url: feed.homeUrl,
    feed_url: absoluteUrl(config, `${feed.dir}feed.json`),
    description: s(feed.description),
    language: config.locale,
    items,
  };
  return { path: `${feed.dir}feed.json`, content: `${JSON.stringify(json, null, 2)}\n` };
}

/**
 * All feeds of the site: `feed.xml` (RSS), `atom.xml` and `feed.json` for the whole site, and
 * `<slug>/feed.xml`, `<slug>/atom.xml` and `<slug>/feed.json` for every category, each with the newest
 * `config.feeds.limit` articles.
 */
export function renderFeeds(site: Site): OutputFile[] {
  const { config } = site;
  const limit = feedLimit(config);
  const newest = (list: Article[]) => list.filter((a) => !a.draft).slice(0, limit);
  const main: Feed = {
    dir: '',
    title: config.title,
    description: config.description,
    homeUrl: config.baseUrl,
    articles: newest(site.articles),
  };
  const out = [renderRss(config, main), renderAtom(config, main), renderJsonFeed(config, main)];
  for (const category of site.categories) {
    const feed: Feed = {
      dir: `${category.slug}/`,
      title: `${category.name} – ${config.title}`,
      description: config.description,
      homeUrl: absoluteUrl(config, category.url || `${category.slug}/`),
      articles: newest(category.articles),
    };
    out.push(renderRss(config, feed), renderAtom(config, feed), renderJsonFeed(config, feed));
  }
  return out;
}
