// A saved HTML page (wget mirror, "save page as", or fetched) to a draft: the body from --selector,
// SharePoint's div.ExternalClass… or @mozilla/readability; the rest from structured data or the page's text.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { Draft, Skipped } from './draft.js';
import { instantToWall } from './portal-dates.js';
import { authorBelow, dateAbove, dateBelow, textLines, viewsNear, type DateSeen } from './page-text.js';
import type { ReadContext } from './draft.js';

type Doc = ReturnType<typeof parseHTML>['document'];
type DomNodeOf<D extends Doc> = NonNullable<ReturnType<D['querySelector']>>;

export function readHtmlPage(html: string, { source, config, t, options }: ReadContext): Draft[] | Skipped {
  const { document } = parseHTML(html);
  const lines = textLines(document.body ?? document);
  let body: string | null = null;
  let bodyElement: DomNodeOf<typeof document> | null = null;
  let byline = '';
  let title = '';
  let publishedTime = '';
  if (options.selector) {
    const el = document.querySelector(options.selector);
    if (!el) return { source: source.id, reason: t.selectorMissing(options.selector), error: true };
    [body, bodyElement] = [el.innerHTML, el];
  } else {
    // SharePoint keeps rich text in div.ExternalClass<GUID>; the largest is the article.
    const parts = [...document.querySelectorAll('div[class^="ExternalClass"], div[class*=" ExternalClass"]')];
    const largest = parts.sort((a, b) => b.textContent.length - a.textContent.length)[0];
    if (largest && largest.textContent.trim()) [body, bodyElement] = [largest.innerHTML, largest];
  }
  if (body === null) {
    // Readability changes the document it reads: it gets a copy of its own.
    const read = new Readability(parseHTML(html).document as unknown as Document, { keepClasses: false }).parse();
    if (read?.content && read.textContent?.trim()) [body, byline, title, publishedTime] = [read.content, read.byline ?? '', read.title ?? '', read.publishedTime ?? ''];
  }
  if (body === null) return { source: source.id, reason: `${t.noArticle}; ${t.noArticleHint}` };

  const bodyLines = textLines(bodyElement ?? parseHTML(`<!doctype html><html><body>${body}</body></html>`).document.body);
  let start = bodyLines.length ? lines.indexOf(bodyLines[0]) : -1;
  if (start < 0) start = lines.length;
  let end = bodyLines.length ? lines.lastIndexOf(bodyLines[bodyLines.length - 1]) + 1 : start;
  if (end < start) end = start + bodyLines.length;

  const tz = config.timezone;
  const structured = structuredDate(document, publishedTime, tz);
  let seen: DateSeen = structured ? { wall: structured, line: -1, category: '' } : dateAbove(lines, start, tz);
  if (!seen || 'bad' in seen) seen = dateBelow(lines, end, tz) ?? seen;
  const views = viewsNear(lines, start, end);
  const portal = document.querySelector('div[class^="ExternalClass"]') !== null || views !== null;
  if (!seen) {
    if (!portal && !options.selector) return { source: source.id, reason: t.notArticle };
    return { source: source.id, reason: t.noDate(lines.slice(Math.max(0, start - 6), start).join(' ⏎ ')), hint: t.noDateHint, error: true };
  }
  if ('bad' in seen) return { source: source.id, reason: t.badDate(seen.bad), hint: t.badDateHint, error: true };

  // The portal layout puts the title on the line after the date; otherwise the page's own heading.
  const afterDate = seen.line >= 0 && seen.line + 1 < start ? lines[seen.line + 1] : '';
  title = afterDate || title || text(document, 'h1') || document.title.replace(/\s+[-|–—»]\s+[^-|–—»]+$/, '').trim();
  if (!title) return { source: source.id, reason: t.notArticle };
  let author = cleanByline(byline) || authorBelow(lines, end) || cleanByline(text(document, '[rel="author"], .author, .byline, [itemprop="author"]'));
  if (author.length > 80) author = '';
  const category = seen.category || text(document, 'a[rel~="category"]') || meta(document, 'article:section');
  const tags = [...document.querySelectorAll('a[rel~="tag"]:not([rel~="category"])')].map((a) => a.textContent.trim()).filter(Boolean);
  const missing = [...(author ? [] : ['author']), ...(views === null ? ['views'] : [])];
  const oldUrl = oldUrlOf(html, document, source, options.oldBase);
  return [{
    source: source.id, title, date: seen.wall, author, views, category, tags, summary: meta(document, 'og:description'), image: meta(document, 'og:image'),
    html: body, oldUrl, base: { url: source.url ?? oldUrl ?? undefined, file: source.file, root: source.root }, missing,
  }];
}

const text = (doc: Doc, selector: string) => (doc.querySelector(selector)?.textContent ?? '').replace(/\s+/g, ' ').trim();
const meta = (doc: Doc, name: string) => (doc.querySelector(`meta[property="${name}"], meta[name="${name}"]`)?.getAttribute('content') ?? '').trim();

/** A date with its time and offset from the page's own data: `time[datetime]`, Open Graph, JSON-LD. */
function structuredDate(doc: Doc, fromReadability: string, timezone: string): string | null {
  const candidates = [
    doc.querySelector('time.published[datetime], time.entry-date[datetime], article time[datetime]')?.getAttribute('datetime'),
    meta(doc, 'article:published_time'), fromReadability, doc.querySelector('[itemprop="datePublished"]')?.getAttribute('content'),
  ];
  for (const c of candidates) {
    if (!c || !/^\d{4}-\d{2}-\d{2}T\d/.test(c.trim())) continue;
    const r = instantToWall(c, timezone);
    if (r.ok) return r.wall;
  }
  return null;
}

const cleanByline = (s: string) => s.replace(/\s+/g, ' ').replace(/^(?:bởi|by|tác giả|người viết|đăng bởi)\s*:?\s*/iu, '').trim();

/** Where the page lived: its canonical link, the "saved from" mark a browser leaves, its URL, or --old-base + its path in the mirror. */
function oldUrlOf(html: string, doc: Doc, source: ReadContext['source'], oldBase?: string): string | null {
  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href') || meta(doc, 'og:url');
  if (canonical && /^https?:\/\//i.test(canonical)) return canonical;
  const saved = /<!-- saved from url=\(\d+\)(https?:\/\/[^\s>]+?) ?-->/i.exec(html.slice(0, 2000))?.[1];
  if (saved) return saved;
  if (source.url) return source.url;
  if (!source.root || !source.file) return null;
  // The path in the mirror, less what wget added: `.html` after a query or a server page, `@` for `?`.
  let rel = source.file.slice(source.root.length + 1).split('\\').join('/');
  rel = rel.replace(/^(.*\.(?:aspx|asp|php|jsp)(?:[?@].*)?)\.html?$/i, '$1').replace(/\.(aspx|asp|php|jsp)@/i, '.$1?').replace(/(^|\/)index\.html?$/i, '$1');
  if (oldBase) return new URL(rel, oldBase.endsWith('/') ? oldBase : `${oldBase}/`).href;
  const host = source.root.split(/[/\\]/).pop() ?? '';
  if (/^[\w-]+(\.[\w-]+)+(:\d+)?$/.test(host)) return `http://${host}/${rel}`;
  const first = /^([\w-]+(?:\.[\w-]+)+(?::\d+)?)\/(.*)$/.exec(rel);
  return first ? `http://${first[1]}/${first[2]}` : null;
}
