import { existsSync, readFileSync, statSync, type Stats } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readArticle } from './article.js';
import { cachedKeys, renderMarkdown, type BodyRenderer, type StoredMarkdown } from './article-bodies.js';
import { memoryBodyStore, WITH_BODY, type BodyStore } from './body-store.js';
import { loadConfig } from './config.js';
import { renderFeeds } from './feeds.js';
import { redirectFiles } from './outputs-redirects.js';
import { hash, hashFolders, type ArticleKeys } from './fingerprint.js';
import { loadStrings } from './i18n.js';
import { listContent, listFolder, loadData } from './load.js';
import { archiveDays, copyGroup, PageGroup, searchDocs, sitemapEntries, type PageRendering } from './output-groups.js';
import { outputFile, planPages, type Page } from './pages.js';
import { BuildFailure, ProblemList, sortProblems } from './problems.js';
import { createRenderer, TemplateError, type Renderer } from './render.js';
import { searchIndexFiles, type IndexMemo } from './search/build-index.js';
import { buildSiteModel } from './site.js';
import { renderSitemap } from './sitemap.js';
import { ASSETS_DIR, hashedNames, themeAssets } from './theme-assets.js';
import type { RenderJob, RenderSetup } from './render-pool.js';
import type { Article, OutputFile, Problem, Site, SiteConfig } from './types.js';

export const DEFAULT_THEME = fileURLToPath(new URL('../templates/', import.meta.url));
const VERSION = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
/**
 * What cached builds are keyed by: the version and bantin's own compiled code, so a cache (or an
 * output folder) made by other code, even of the same version number, is never taken as current.
 */
export const BUILD_ID = hash(VERSION, hashFolders([fileURLToPath(new URL('.', import.meta.url))]));

export interface GenerateOptions {
  root: string;
  baseUrl?: string;
  drafts?: boolean;
  /** Articles dated after this instant are not published (default: now). */
  now?: number;
  /** Broken links and images are errors instead of warnings. */
  strict?: boolean;
}

/**
 * A unit of output: one page, one copied file, or a family of generated files (feeds, sitemap).
 * `fingerprint` changes whenever what `produce` would return may change, so a caller holding the
 * previous build's fingerprints re-produces only what changed.
 */
export interface OutputGroup {
  id: string;
  /** For pages: what a render thread needs to produce it instead. */
  job?: RenderJob;
  /** Where it comes from, for messages. */
  source: string;
  fingerprint: string;
  /**
   * For pages: whether an article the page shows is not as the last build had it. Only a plan whose
   * `structure` is the last build's may take the last fingerprint of a page that shows none.
   */
  showsChanged?(): boolean;
  /** May be lazy (the search index): callers write each file as it comes. */
  produce(): Iterable<OutputFile>;
  /**
   * Lets go of what `produce` needs (a page's context), once a build has produced the group and
   * worked out its fingerprint: at 100,000 articles the page contexts are hundreds of megabytes.
   */
  release?(): void;
}

export interface SitePlan {
  site: Site;
  /** When the next future-dated article becomes due (a later build must publish it), or null. */
  nextPublish: number | null;
  /** How pages are rendered, for render threads. */
  render: Omit<RenderSetup, 'dir'>;
  /** Every page, in the order of the first `pages.length` groups. */
  pages: Page[];
  /** Renders an article body with this site's link targets (for the dev server's quick edits). */
  renderBody: BodyRenderer;
  groups: OutputGroup[];
  /** A key of which pages there are and which articles each lists (see OutputGroup.showsChanged). */
  structure(): string;
  warnings: Problem[];
  timings: Record<string, number>;
}

/**
 * What is kept between builds (by the dev server in memory, by `build` in .bantin/): parsed files
 * and rendered Markdown, by file path. Entries hold the parse they were made from: a new parse is
 * a new object, so an edited file misses (the reference survives serialisation, too).
 */
export interface GenerateCache {
  files: Map<string, { stamp: string; hash: string; article: Article | null; problems: Problem[] }>;
  markdown: Map<string, { parsed: Article; key: string; result: StoredMarkdown }>;
  keys: Map<string, { parsed: Article; input: string; htmlHash: string; keys: ArticleKeys }>;
  /** Where the rendered bodies the `markdown` entries point to are. */
  bodies: BodyStore;
  /** Set when a file was read again, so a saved cache is worth saving again. */
  dirty?: boolean;
  /** The search index's postings by document, for the next index to take the unchanged ones from. */
  search?: IndexMemo;
  /** The compiled theme, by what it was compiled from (kept in memory only). */
  renderer?: { key: string; renderer: Renderer };
}

export function newCache(bodies: BodyStore = memoryBodyStore()): GenerateCache {
  return { files: new Map(), markdown: new Map(), keys: new Map(), bodies };
}

/**
 * load → validate → site model → Markdown → page plan. Throws BuildFailure on content errors.
 * `stats`: files this build has already stat'ed, by absolute path.
 */
export function planSite(options: GenerateOptions, cache: GenerateCache = newCache(), stats?: Map<string, Stats>): SitePlan {
  const timings: Record<string, number> = {};
  let started = performance.now();
  const stage = (name: string) => {
    const now = performance.now();
    timings[name] = Math.round((now - started) * 10) / 10;
    started = now;
  };
  const root = resolve(options.root);
  const problems = new ProblemList();
  const config = loadConfig(root, problems, { baseUrl: options.baseUrl });
  const templateDirs = [...new Set([join(root, 'templates'), DEFAULT_THEME].map((d) => resolve(d)))].filter(existsSync);
  // Only to report links out of the site: Nunjucks would follow them and publish what they point to.
  listFolder(root, 'templates', problems);
  const strings = loadStrings(templateDirs, config.locale, problems, root);
  const data = loadData(root, problems);
  const tree = listContent(root, problems);
  stage('load');

  const read: Article[] = [];
  const origin = new Map<Article, Article>();
  const seen = new Set<string>();
  for (const file of tree.markdown) {
    const stamp = fileStamp(stats?.get(file.absPath) ?? statSync(file.absPath), config);
    let entry = cache.files.get(file.absPath);
    if (!entry || entry.stamp !== stamp) {
      // A checkout changes every mtime: the content hash tells whether the file really changed.
      const bytes = readFileSync(file.absPath);
      const contentHash = fileHash(bytes, config);
      cache.dirty = true;
      if (entry && entry.hash === contentHash) entry.stamp = stamp;
      else {
        const local = new ProblemList();
        entry = { stamp, hash: contentHash, article: readArticle(file, config, local, bytes), problems: local.items };
        cache.files.set(file.absPath, entry);
      }
    }
    seen.add(file.absPath);
    problems.items.push(...entry.problems);
    // The model fills in paths, HTML and summaries: work on a copy so the cached parse stays clean.
    if (entry.article) {
      const { html, text, ...fields } = entry.article;
      void html; void text;
      const copy = Object.assign(Object.create(WITH_BODY) as Article, fields);
      origin.set(copy, entry.article);
      read.push(copy);
    }
  }
  for (const map of [cache.files, cache.markdown, cache.keys]) for (const key of map.keys()) if (!seen.has(key)) map.delete(key);
  stage('parse');

  const site = buildSiteModel(config, read, data, { drafts: !!options.drafts, now: options.now ?? Date.now() }, problems);
  problems.throwIfErrors();
  stage('model');

  const assetPaths = tree.assets.map((f) => f.contentPath);
  const renderBody = renderMarkdown(site, root, assetPaths, origin, cache, problems, !!options.strict);
  problems.throwIfErrors();
  stage('markdown');

  const pages = planPages(site, strings);
  const assets = themeAssets(templateDirs);
  const assetNames = hashedNames(assets);
  claimOutputs(pages, tree.assets.map((f) => [f.contentPath, f.path]), assetNames, problems);
  problems.throwIfErrors();

  // Fingerprints are worked out only when a caller asks (a cached build, the dev server).
  const lazy = <T>(make: () => T) => {
    let value: T | undefined;
    return () => (value ??= make());
  };
  // Articles whose keys are not the ones the cache had (edited since the last build, or new).
  const changed = new Set<Article>();
  const keysOf = lazy(() => new Map<Article, ArticleKeys>(site.articles.map((a) => {
    const absPath = join(root, a.sourcePath);
    const before = cache.keys.get(absPath)?.keys;
    const keys = cachedKeys(a, absPath, origin.get(a)!, cache);
    if (keys.card !== before?.card || keys.full !== before?.full) changed.add(a);
    return [a, keys];
  })));
  const allFullOf = lazy(() => site.articles.map((a) => keysOf().get(a)!.full).join());
  const categories = site.categories.map((c) => ({ name: c.name, slug: c.slug, url: c.url, count: c.articles.length }));
  // What every page shows around its own content; templates see only this of the site.
  const shell = { config, categories, visits: site.visits, data };
  const themeKey = hash(BUILD_ID, hashFolders(templateDirs, [ASSETS_DIR]), JSON.stringify(config), JSON.stringify(strings), JSON.stringify([...assetNames]));
  const shellKeyOf = lazy(() => hash(themeKey, JSON.stringify(shell)));
  // Compiling the theme takes a while: a rebuild with the same templates and settings reuses it.
  if (cache.renderer?.key !== themeKey) {
    try {
      cache.renderer = { key: themeKey, renderer: createRenderer(root, templateDirs, config, strings, assetNames) };
    } catch (err) {
      if (err instanceof TemplateError) throw new BuildFailure([err.problem]);
      throw err;
    }
  }
  const { renderer } = cache.renderer;
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

  // Everything that decides which pages there are and which articles each lists, but not what the
  // articles say: with the same structure as the last build, a page that lists no changed article
  // has the same fingerprint as then.
  const structure = lazy(() => hash(shellKeyOf(), site.articles.map((a) => `${a.path}\t${a.categorySlug}\t${a.tagNames.join('\t')}\t${a.date.iso}`).join('\n')));
  const isChanged = (v: unknown) => (Array.isArray(v) ? v.some(isChanged) : changed.has(v as Article));

  const renderingOf = (a: Article) => cache.markdown.get(join(root, a.sourcePath))!.result;
  const searchKey = (a: Article) => [a.path, a.title, a.summary, a.categoryName, a.categorySlug, a.author, a.date.iso, renderingOf(a).htmlHash];
  const bodyOf = (page: Page) => {
    const article = page.context.article as Article | undefined;
    return article && renderingOf(article).body;
  };
  const rendering: PageRendering = {
    // Plain strings, not hashes: comparing them is cheaper than hashing thousands of pages.
    fingerprint: (page) => `${shellKeyOf()}|${page.template}${contextKey(page.context)}|${page.context.article ? keysOf().get(page.context.article as Article)!.full : ''}`,
    showsChanged: (page) => {
      keysOf();
      return Object.values(page.context).some(isChanged);
    },
    render: (page) => renderer.render(page.template, { site: shell, t: strings, ...page.context }),
    body: bodyOf,
  };
  const groups: OutputGroup[] = pages.map((page) => new PageGroup(page, rendering));
  groups.push(
    { id: 'feeds', source: 'feeds', get fingerprint() { return hash(BUILD_ID, JSON.stringify(config), allFullOf()); }, produce: () => renderFeeds(site) },
    {
      id: 'sitemap', source: 'sitemap', get fingerprint() { return `${BUILD_ID} ${config.baseUrl} ${pages.map((p) => `${p.path} ${p.lastmod?.iso ?? ''}`).join()}`; },
      produce: () => renderSitemap(config, sitemapEntries(pages)),
    },
    {
      // Only what the index holds: an edit of, say, a view count leaves it alone.
      id: 'search', source: 'search index', get fingerprint() { return hash(BUILD_ID, config.basePath, JSON.stringify(site.articles.map(searchKey))); },
      // An article's full key covers every field the index reads (and a few more, such as views).
      produce: () => searchIndexFiles(searchDocs(site, (a) => keysOf().get(a)!.full), {}, cache),
    },
    { id: 'days', source: 'archive', fingerprint: site.archive.days.map((d) => d.key).join(), produce: () => [archiveDays(site)] },
    {
      id: 'redirects', source: 'oldUrls', get fingerprint() { return hash(BUILD_ID, config.baseUrl, JSON.stringify(site.articles.filter((a) => a.oldUrls.length).map((a) => [a.path, a.oldUrls]))); },
      produce: () => redirectFiles(site.articles, config, new Set([...pages.map((p) => outputFile(p.path)), ...tree.assets.map((f) => f.contentPath)].map((p) => p.toLowerCase()))),
    },
  );
  for (const f of tree.assets) groups.push(copyGroup(`content/${f.contentPath}`, f.contentPath, f.absPath));
  for (const [path, abs] of assets) groups.push(copyGroup(`templates/${path}`, assetNames.get(path)!, abs));
  stage('plan');
  const render = { root, templateDirs, config, strings, assetNames: [...assetNames], shell, bodies: cache.bodies.path };
  const now = options.now ?? Date.now();
  const due = read.filter((a) => !a.draft && a.date.epochMs > now).map((a) => a.date.epochMs);
  const nextPublish = options.drafts || due.length === 0 ? null : Math.min(...due);
  return { site, render, pages, renderBody, nextPublish, groups, structure, warnings: sortProblems(problems.items), timings };
}

// How an article file is known in `GenerateCache.files`: the settings that change what its front
// matter means are part of both keys.
export const fileStamp = (st: Stats, config: SiteConfig) => `${st.size}:${st.mtimeMs}:${config.timezone}:${config.defaultCategory}`;
export const fileHash = (bytes: Uint8Array, config: SiteConfig) => hash(bytes, `${config.timezone}:${config.defaultCategory}`);

/** Every output path is claimed once; two sources wanting the same URL is an error naming both. */
function claimOutputs(pages: Page[], assets: [string, string][], assetNames: Map<string, string>, problems: ProblemList): void {
  const owners = new Map<string, string>();
  const claim = (path: string, source: string) => {
    const key = path.toLowerCase();
    const first = owners.get(key);
    if (first === undefined) owners.set(key, source);
    else {
      const both = [first, source].sort();
      const articles = both.filter((s) => s.endsWith('.md')).length;
      problems.error(both.find((s) => s.startsWith('content/')) ?? source, `two sources want the same URL /${path.replace(/index\.html$/, '')}: ${both.join(' and ')}`, {
        hint: articles === 2 ? 'give one of them another `slug:` in its front matter, or rename its file'
          : articles === 1 ? 'give the article another `slug:`, or rename the file in content/'
            : 'rename or move the file in content/: bantin makes that page itself',
      });
    }
  };
  for (const page of pages) claim(outputFile(page.path), page.source);
  for (const [path, source] of assets) claim(path, source);
  for (const [path, name] of assetNames) claim(name, `templates/${path}`);
}
