// What each kind of output's fingerprint is made of: the one place where a new kind of output says
// which inputs it depends on. Worked out only when a caller asks (a cached build, the dev server).
import { join } from 'node:path';
import { hash } from '../base/hash.js';
import { BUILD_ID } from '../base/install.js';
import type { Article, Site } from '../base/types.js';
import type { Page } from '../model/pages.js';
import { cachedKeys, type ArticleKeys } from './article-keys.js';
import type { GenerateCache } from './cache.js';

const lazy = <T>(make: () => T) => {
  let value: T | undefined;
  return () => (value ??= make());
};

export type Fingerprints = ReturnType<typeof fingerprints>;

/**
 * `themeKey` covers the templates, strings, config and asset names; `shell` is what every page
 * shows around its own content.
 */
export function fingerprints(site: Site, root: string, origin: Map<Article, Article>, cache: GenerateCache, themeKey: string, shell: object) {
  const { config } = site;
  // Articles whose keys are not the ones the cache had (edited since the last build, or new).
  const changed = new Set<Article>();
  const keysOf = lazy(() => new Map<Article, ArticleKeys>(site.articles.map((a) => {
    const absPath = join(root, a.sourcePath);
    const before = cache.keys.get(absPath)?.keys;
    const keys = cachedKeys(a, absPath, origin.get(a)!, cache);
    if (keys.card !== before?.card || keys.full !== before?.full || keys.views !== before?.views) changed.add(a);
    return [a, keys];
  })));
  const allFullOf = lazy(() => site.articles.map((a) => keysOf().get(a)!.full).join());
  const shellKeyOf = lazy(() => hash(themeKey, JSON.stringify(shell)));
  // Articles stand in by their key.
  const part = (v: unknown): string => {
    if (Array.isArray(v)) return `[${v.map(part).join()}]`;
    return keysOf().get(v as Article)?.card ?? JSON.stringify(v);
  };
  const contextKey = (context: Record<string, unknown>) => {
    let key = '';
    for (const [name, value] of Object.entries(context)) key += `|${name}=${part(value)}`;
    return key;
  };
  const isChanged = (v: unknown): boolean => (Array.isArray(v) ? v.some(isChanged) : changed.has(v as Article));
  const renderingOf = (a: Article) => cache.markdown.get(join(root, a.sourcePath))!.result;
  const searchKey = (a: Article) => [a.path, a.title, a.summary, a.categoryName, a.categorySlug, a.author, a.date.iso, renderingOf(a).htmlHash];

  return {
    /** The card and full keys of every published article. */
    keysOf: (a: Article) => keysOf().get(a)!,
    /** Where an article's rendered body is kept. */
    renderingOf,
    /**
     * Everything that decides which pages there are and which articles each lists, but not what
     * the articles say: with the same structure as the last build, a page that lists no changed
     * article has the same fingerprint as then.
     */
    structure: lazy(() => hash(shellKeyOf(), site.articles.map((a) => `${a.path}\t${a.categorySlug}\t${a.tagNames.join('\t')}\t${a.date.iso}`).join('\n'))),
    // Plain strings, not hashes: comparing them is cheaper than hashing thousands of pages.
    page: (page: Page) => {
      const keys = page.context.article ? keysOf().get(page.context.article as Article)! : undefined;
      return `${shellKeyOf()}|${page.template}${contextKey(page.context)}|${keys ? `${keys.full}|${keys.views}` : ''}`;
    },
    /** Whether a page shows an article whose keys changed since the cache's build. */
    showsChanged: (page: Page) => {
      keysOf();
      return Object.values(page.context).some(isChanged);
    },
    feeds: () => hash(BUILD_ID, JSON.stringify(config), allFullOf()),
    sitemap: (pages: Page[]) => `${BUILD_ID} ${config.baseUrl} ${pages.map((p) => `${p.path} ${p.lastmod?.iso ?? ''}`).join()}`,
    // Only what the index holds: an edit of, say, a view count leaves it alone.
    search: () => hash(BUILD_ID, config.basePath, JSON.stringify(site.articles.map(searchKey))),
    days: () => site.archive.days.map((d) => d.key).join(),
    // Redirects from old portals' addresses: where each article went, and the site's own address.
    redirects: () => hash(BUILD_ID, config.baseUrl, JSON.stringify(site.articles.filter((a) => a.oldUrls.length).map((a) => [a.path, a.oldUrls]))),
  };
}
