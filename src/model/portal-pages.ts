// The fixed pages the state-portal rules ask for: the HTML site map, the help page listing the
// shortcut keys, the English page and the page explaining the feeds. Each is a theme switch.
import type { Strings } from '../load/i18n.js';
import { ENGLISH_PATH, FEEDS_PATH, HELP_PATH, SITE_MAP_PATH } from '../base/urls.js';
import type { Article, Site, SiteDate } from '../base/types.js';

/** How many of each category's newest articles the site map lists. */
export const SITE_MAP_LATEST = 5;

/** pages.ts's page maker (passed in, so this module needs nothing from pages.ts). */
type MakePage<P> = (path: string, template: string, kind: string, title: string, source: string, context: Record<string, unknown>, lastmod?: SiteDate | null) => P;

export function portalPages<P extends { context: Record<string, unknown> }>(site: Site, t: Strings, page: MakePage<P>): P[] {
  const { theme, english } = site.config;
  const s = t.portal as Record<string, string>;
  const pages: P[] = [];
  if (theme.siteMap) {
    // One flat list of articles, each category naming its slice: a page's fingerprint stands
    // articles in by their keys only where they sit directly in a context value.
    const latest: Article[] = [];
    const groups = site.categories.map((c) => {
      const from = latest.length;
      latest.push(...c.articles.slice(0, SITE_MAP_LATEST));
      return { name: c.name, url: c.url, count: c.articles.length, from, to: latest.length };
    });
    const years = site.archive.years.map((y) => ({ year: y.year, path: y.path, count: y.articles.length }));
    let lastmod: SiteDate | null = null;
    for (const a of latest) if (!lastmod || a.updated.epochMs > lastmod.epochMs) lastmod = a.updated;
    pages.push(page(SITE_MAP_PATH, 'site-map.njk', 'site-map', s.siteMap, 'site map', { groups, latest, years }, lastmod));
  }
  if (theme.accessKeys) pages.push(page(HELP_PATH, 'help.njk', 'help', s.help, 'help page', {}));
  if (theme.feedPage) pages.push(page(FEEDS_PATH, 'feeds.njk', 'feeds', t.feeds.link, 'feeds page', {}));
  if (english) {
    const p = page(ENGLISH_PATH, 'english.njk', 'english', english.organisation, 'english: in bantin.yaml', { english });
    (p.context.page as Record<string, unknown>).lang = 'en';
    pages.push(p);
  }
  return pages;
}
