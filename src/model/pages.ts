// The page plan: every HTML page of the site with its template and what the template sees.
import { pageOf, paginate, type Pagination } from './paginate.js';
import type { Strings } from '../load/i18n.js';
import { fill } from '../load/i18n.js';
import { pad } from '../base/dates.js';
import { slugify } from '../base/slug.js';
import { ARCHIVE_PATH, NOT_FOUND_PATH, SEARCH_PATH, tagPath } from '../base/urls.js';
import { portalPages } from './portal-pages.js';
import type { Article, ArchivePeriod, Category, Site, SiteDate, Tag } from '../base/types.js';

/** One HTML page to render: its output path, template and what the template sees. */
export interface Page {
  /** Site-relative URL path: `tin-tuc/bai-viet/`, or a file name such as `404.html`. */
  path: string;
  template: string;
  /** Where the page comes from, for duplicate-URL messages. */
  source: string;
  context: Record<string, unknown>;
  /** For the sitemap: newest `updated` of what the page shows; null for pages without articles. */
  lastmod: SiteDate | null;
}

/**
 * What identifies an article in a list: everything but its body. Lists hold the articles
 * themselves (their HTML and text are on the prototype, read only when a template asks);
 * this copy is for keys.
 */
export type Card = Omit<Article, 'body' | 'html' | 'text'>;

export function toCard(a: Article): Card {
  // Spread, not destructuring: the body's HTML and text may be getters that read from the store.
  const card: Partial<Article> = { ...a };
  delete card.body;
  delete card.html;
  delete card.text;
  return card as Card;
}

/** Article pages planned a step: about 10 ms on a 4,000-article site. */
const ARTICLES_PER_STEP = 1000;

/**
 * Every page of the site, in a fixed order, a thousand articles a step (so the dev server can let a
 * save through meanwhile). Article pages first: they are most of the work.
 */
export function* planPageSteps(site: Site, strings: Strings): Generator<void, Page[]> {
  const pages: Page[] = [];
  const { pageSize } = site.config;
  const t = strings;

  const categoryOf = new Map<Article, { category: Category; at: number; shown: ReturnType<typeof group> }>();
  for (const category of site.categories) {
    const shown = group(category);
    category.articles.forEach((a, at) => categoryOf.set(a, { category, at, shown }));
  }
  // One object per tag and category, shared by the pages that show it (templates only read them).
  const tagLinks = new Map(site.tags.map((tag) => [tag.name, { name: tag.name, url: tag.url }]));
  for (const [i, article] of site.articles.entries()) {
    if (i > 0 && i % ARTICLES_PER_STEP === 0) yield;
    pages.push(articlePage(site, article, categoryOf.get(article)!, tagLinks));
  }
  yield;

  for (const p of paginate(site.articles, pageSize, '')) {
    pages.push(listing(p, 'index.njk', 'home', p.number === 1 ? site.config.title : fill(t.listing.page, { n: p.number }), 'the home page', { heading: t.listing.latest }));
  }
  for (const category of site.categories) {
    for (const p of paginate(category.articles, pageSize, category.url)) {
      pages.push(listing(p, 'category.njk', 'category', category.name, `category "${category.name}"`, { category: group(category), heading: category.name }));
    }
  }
  for (const tag of site.tags) {
    for (const p of paginate(tag.articles, pageSize, tag.url)) {
      pages.push(listing(p, 'category.njk', 'tag', fill(t.tag.title, { tag: tag.name }), `tag "${tag.name}"`, { tag: group(tag), heading: fill(t.tag.title, { tag: tag.name }) }));
    }
  }
  const periods = [...site.archive.years, ...site.archive.months, ...site.archive.days];
  for (const period of periods) {
    const title = archiveTitle(period, t);
    for (const p of paginate(period.articles, pageSize, period.path)) {
      pages.push(listing(p, 'archive.njk', 'archive', title, `archive ${period.key}`, { period: lean(period), heading: title }));
    }
  }
  pages.push(page(ARCHIVE_PATH, 'archive-index.njk', 'archive-index', t.archive.title, 'archive', { years: archiveTree(site) }, newestUpdate(site.articles)));
  pages.push(page(SEARCH_PATH, 'search.njk', 'search', t.search.title, 'search page', {}));
  pages.push(...portalPages(site, t, page));
  pages.push(page(NOT_FOUND_PATH, '404.njk', 'not-found', t.notFound.title, '404 page', {}));
  return pages;

  function listing(p: Pagination<Article>, template: string, kind: string, title: string, source: string, extra: Record<string, unknown>): Page {
    const fullTitle = p.number > 1 && kind !== 'home' ? `${title} – ${fill(t.listing.page, { n: p.number })}` : title;
    const { items, ...pagination } = p;
    return page(p.path, template, kind, fullTitle, source, { ...extra, pagination, articles: items }, newestUpdate(items));
  }
}

function page(
  path: string, template: string, kind: string, title: string, source: string, context: Record<string, unknown>, lastmod: SiteDate | null = null,
): Page {
  return { path, template, source, context: { ...context, page: { path, kind, title } }, lastmod };
}

function newestUpdate(articles: Article[]): SiteDate | null {
  let newest: SiteDate | null = null;
  for (const a of articles) if (!newest || a.updated.epochMs > newest.epochMs) newest = a.updated;
  return newest;
}

function articlePage(site: Site, article: Article, place: { category: Category; at: number; shown: ReturnType<typeof group> }, tagLinks: Map<string, { name: string; url: string }>): Page {
  const { relatedCount, relatedScope, pageSize } = site.config;
  const { category } = place;
  // An article alone in its category takes its neighbours from the whole site: the portal always
  // shows "TIN MỚI HƠN" / "TIN ĐÃ ĐƯA".
  const siteWide = relatedScope === 'site' || category.articles.length === 1;
  const scope = siteWide ? site.articles : category.articles;
  const listBase = siteWide ? '' : category.url;
  const at = siteWide ? article.index : place.at;
  const newer = scope.slice(Math.max(0, at - relatedCount), at);
  const older = scope.slice(at + 1, at + 1 + relatedCount);
  return {
    path: article.path,
    template: 'article.njk',
    source: article.sourcePath,
    lastmod: article.updated,
    context: {
      page: { path: article.path, kind: 'article', title: article.title, description: article.summary, image: article.image },
      article,
      category: place.shown,
      tags: article.tagNames.map((name) => tagLinks.get(name) ?? { name, url: tagPath(slugify(name)) }),
      newer,
      older,
      newerMorePath: newer.length ? pageOf(at - newer.length, pageSize, listBase) : null,
      olderMorePath: older.length ? pageOf(at + older.length, pageSize, listBase) : null,
    },
  };
}

function archiveTitle(p: ArchivePeriod, t: Strings): string {
  if (p.day !== null) return fill(t.archive.day, { day: pad(p.day), month: pad(p.month!), year: p.year });
  if (p.month !== null) return fill(t.archive.month, { month: pad(p.month), year: p.year });
  return fill(t.archive.year, { year: p.year });
}

/** Years with their months, for `/archive/`. */
function archiveTree(site: Site) {
  return site.archive.years.map((year) => ({
    ...lean(year),
    months: site.archive.months.filter((m) => m.year === year.year).map(lean),
  }));
}

// Templates get groups and periods without their article lists (a count instead): a page's
// context is then exactly what it shows, which is what incremental rebuilds fingerprint.
function group(g: Category | Tag) {
  return { name: g.name, slug: g.slug, url: g.url, count: g.articles.length };
}

function lean({ articles, ...period }: ArchivePeriod) {
  return { ...period, count: articles.length };
}
