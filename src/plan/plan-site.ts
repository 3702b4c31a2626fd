// A site plan: load → model → Markdown → pages, turned into output groups that each know their
// fingerprint, so a cached build or the dev server renders only what changed.
import { existsSync, type Stats } from 'node:fs';
import { join, resolve } from 'node:path';
import { renderMarkdown, type BodyRenderer } from '../markdown/bodies.js';
import { loadConfig } from '../load/config.js';
import { renderFeeds } from '../outputs/feeds.js';
import { redirectFiles } from '../outputs/redirects.js';
import { fingerprints } from './fingerprints.js';
import { readArticleSteps } from './read-articles.js';
import { finishSteps } from '../base/steps.js';
import { newCache, type GenerateCache } from './cache.js';
import { hash, hashFolders } from '../base/hash.js';
import { BUILD_ID, DEFAULT_THEME, TEMPLATES_DIR } from '../base/install.js';
import { loadStrings } from '../load/i18n.js';
import { listContent, listFolder, loadData } from '../load/files.js';
import { CACHE_FOLDER } from '../base/out-dir.js';
import { archiveDays, copyGroup, PageGroup, searchDocs, sitemapEntries, type OutputGroup, type PageRendering } from './output-groups.js';
import { planPageSteps, type Page } from '../model/pages.js';
import { ARCHIVE_DAYS_PATH, outputFile } from '../base/urls.js';
import { BuildFailure, ProblemList, sortProblems } from '../base/problems.js';
import { say } from '../base/messages/index.js';
import { createRenderer, TemplateError, type Renderer } from '../render/render.js';
import { searchIndexFiles, searchIndexSteps } from '../outputs/search/build-index.js';
import { buildSiteModel } from '../model/site.js';
import { renderSitemap } from '../outputs/sitemap.js';
import { siteAdmin } from '../outputs/admin/admin-site.js';
import { ASSETS_DIR, hashedNames, themeAssets } from '../render/theme-assets.js';
import type { RenderSetup } from '../render/pool.js';
import type { Article, Problem, Site, SiteConfig } from '../base/types.js';
import type { SiteLayer } from '../load/workspace.js';

export interface GenerateOptions {
  root: string;
  baseUrl?: string;
  drafts?: boolean;
  /** Articles dated after this instant are not published (default: now). */
  now?: number;
  /** Broken links and images are errors instead of warnings. */
  strict?: boolean;
  /** The output folder (default: `root/dist`): links in content/ may not lead into it. */
  out?: string;
  /** Inside a workspace: its shared templates and config defaults, under the site's own. */
  layer?: SiteLayer;
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
 * load → validate → site model → Markdown → page plan. Throws BuildFailure on content errors.
 * `stats`: files this build has already stat'ed, by absolute path.
 */
export function planSite(options: GenerateOptions, cache: GenerateCache = newCache(), stats?: Map<string, Stats>): SitePlan {
  return finishSteps(planSiteSteps(options, cache, stats));
}

/**
 * planSite as steps, yielding between its stages, so the dev server can let a save through while
 * it plans (and abandon the plan: each stage leaves the cache as a finished plan would).
 */
export function* planSiteSteps(options: GenerateOptions, cache: GenerateCache = newCache(), stats?: Map<string, Stats>): Generator<void, SitePlan> {
  const timings: Record<string, number> = {};
  let started = performance.now();
  const stage = (name: string) => {
    const now = performance.now();
    timings[name] = Math.round((now - started) * 10) / 10;
    started = now;
  };
  const root = resolve(options.root);
  const problems = new ProblemList();
  const config = loadConfig(root, problems, { baseUrl: options.baseUrl, defaults: options.layer?.defaults });
  robotsNotice(config, problems);
  // Nunjucks and the theme's strings and assets look in each in turn: the site's file, else the workspace's, else the default.
  const templateDirs = templateSearchPath(root, options.layer);
  // Only to report links out of the site: Nunjucks would follow them and publish what they point to.
  listFolder(root, TEMPLATES_DIR, problems, [], false);
  const strings = loadStrings(templateDirs, config.locale, problems, root);
  const data = loadData(root, problems);
  // A link into the output folder or the cache would publish the site inside itself.
  const tree = listContent(root, problems, [resolve(options.out ?? join(root, 'dist')), join(root, CACHE_FOLDER)]);
  stage('load');
  yield;

  const { read, origin } = yield* readArticleSteps(tree.markdown, config, cache, problems, stats);
  stage('parse');
  yield;

  const site = buildSiteModel(config, read, data, { drafts: !!options.drafts, now: options.now ?? Date.now() }, problems);
  problems.throwIfErrors();
  stage('model');
  yield;

  const assetPaths = tree.assets.map((f) => f.contentPath);
  const renderBody = renderMarkdown(site, root, assetPaths, origin, cache, problems, !!options.strict);
  problems.throwIfErrors();
  stage('markdown');
  yield;

  const pages = yield* planPageSteps(site, strings);
  yield;
  const assets = themeAssets(templateDirs);
  const assetNames = hashedNames(assets);
  const admin = siteAdmin(site, assetNames, problems);
  // /admin/'s files claim their URLs like content/'s files: a category or a file there is an error.
  const files = [...tree.assets.map((f) => [f.contentPath, f.path] as [string, string]), ...(admin?.paths.map((p) => [p, 'admin: (bantin.yaml)'] as [string, string]) ?? [])];
  claimOutputs(pages, files, assetNames, problems);
  checkFolders(pages, files, generatedFiles(site), problems);
  problems.throwIfErrors();
  yield;

  const categories = site.categories.map((c) => ({ name: c.name, slug: c.slug, url: c.url, count: c.articles.length }));
  // What every page shows around its own content; templates see only this of the site. The visit
  // counter changes with every `bantin views` run and would re-render every page: only a sidebar
  // that shows it has it.
  const shell = { config, categories, visits: config.sidebar.includes('visits') ? site.visits : null, data: site.data };
  const themeKey = hash(BUILD_ID, hashFolders(templateDirs, [ASSETS_DIR]), JSON.stringify(config), JSON.stringify(strings), JSON.stringify([...assetNames]));
  const renderer = compiledTheme(cache, themeKey, () => createRenderer(root, templateDirs, config, strings, assetNames, cache.templateCode));
  cache.templateCode = renderer.code;
  const fp = fingerprints(site, root, origin, cache, themeKey, shell);
  const rendering: PageRendering = {
    fingerprint: fp.page,
    showsChanged: fp.showsChanged,
    render: (page) => renderer.render(page.template, { site: shell, t: strings, ...page.context }),
    body: (page) => {
      const article = page.context.article as Article | undefined;
      return article && fp.renderingOf(article).body;
    },
  };
  const groups: OutputGroup[] = pages.map((page) => new PageGroup(page, rendering));
  const indexed = () => searchDocs(site, (a) => fp.keysOf(a).full);
  groups.push(
    { id: 'feeds', source: 'feeds', get fingerprint() { return fp.feeds(); }, produce: () => renderFeeds(site) },
    { id: 'sitemap', source: 'sitemap', get fingerprint() { return fp.sitemap(pages); }, produce: () => renderSitemap(config, sitemapEntries(pages)) },
    {
      id: 'search', source: 'search index', get fingerprint() { return fp.search(); },
      // An article's full key covers every field the index reads (and a few more, such as views).
      produce: () => searchIndexFiles(indexed(), {}, cache),
      produceSteps: () => searchIndexSteps(indexed(), {}, cache),
    },
    { id: 'days', source: 'archive', fingerprint: fp.days(), produce: () => [archiveDays(site)] },
    {
      id: 'redirects', source: 'oldUrls', get fingerprint() { return fp.redirects(); },
      produce: () => redirectFiles(site.articles, config, new Set([...pages.map((p) => outputFile(p.path)), ...tree.assets.map((f) => f.contentPath)].map((p) => p.toLowerCase()))),
    },
  );
  if (admin) groups.push({ id: 'admin', source: 'admin', fingerprint: admin.fingerprint, produce: admin.produce });
  for (const f of tree.assets) groups.push(copyGroup(`content/${f.contentPath}`, f.contentPath, f.absPath, cache));
  for (const [path, abs] of assets) groups.push(copyGroup(`templates/${path}`, assetNames.get(path)!, abs, cache));
  const copied = new Set([...tree.assets.map((f) => f.absPath), ...assets.values()]);
  for (const abs of cache.copies.keys()) if (!copied.has(abs)) cache.copies.delete(abs);
  stage('plan');
  const render = { root, templateDirs, config, strings, assetNames: [...assetNames], templateCode: [...renderer.code], shell, bodies: cache.bodies.path };
  const now = options.now ?? Date.now();
  const due = read.filter((a) => !a.draft && a.date.epochMs > now).map((a) => a.date.epochMs);
  const nextPublish = options.drafts || due.length === 0 ? null : Math.min(...due);
  return { site, render, pages, renderBody, nextPublish, groups, structure: fp.structure, warnings: sortProblems(problems.items), timings };
}

/** The folders templates, strings and theme assets are looked up in, first found first. */
export function templateSearchPath(root: string, layer?: SiteLayer): string[] {
  return [...new Set([join(root, TEMPLATES_DIR), ...(layer ? [layer.templates] : []), DEFAULT_THEME].map((d) => resolve(d)))].filter(existsSync);
}

/**
 * Crawlers read robots.txt only at the root of a host: a site under a base path gets one in its
 * own folder, which nobody reads, so the build says where the sitemap line must go instead.
 */
function robotsNotice(config: SiteConfig, problems: ProblemList): void {
  if (config.basePath === '/') return;
  const root = new URL('/robots.txt', config.baseUrl).href;
  problems.warn(null, ...say('robots-under-base-path', { basePath: config.basePath, root, sitemap: `${config.baseUrl}sitemap.xml` }));
}

/** Compiling the theme takes a while: a rebuild with the same templates and settings reuses it. */
function compiledTheme(cache: GenerateCache, key: string, compile: () => Renderer): Renderer {
  if (cache.renderer?.key !== key) {
    try {
      cache.renderer = { key, renderer: compile() };
    } catch (err) {
      if (err instanceof TemplateError) throw new BuildFailure([err.problem]);
      throw err;
    }
  }
  return cache.renderer.renderer;
}

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
      const code = articles === 2 ? 'url-taken-two-articles' : articles === 1 ? 'url-taken-article' : 'url-taken-generated';
      problems.error(both.find((s) => s.startsWith('content/')) ?? source, ...say(code, { url: path.replace(/index\.html$/, ''), first: both[0], second: both[1] }));
    }
  };
  for (const page of pages) claim(outputFile(page.path), page.source);
  for (const [path, source] of assets) claim(path, source);
  for (const [path, name] of assetNames) claim(name, `templates/${path}`);
}

/** The files bantin makes besides pages, by path, with what makes them (for messages). */
function generatedFiles(site: Site): [string, string][] {
  const feeds = site.categories.flatMap((c) => [[`${c.url}feed.xml`, `the feed of category "${c.name}"`], [`${c.url}atom.xml`, `the feed of category "${c.name}"`]] as [string, string][]);
  return [['feed.xml', 'the site feed'], ['atom.xml', 'the site feed'], ['feed.json', 'the site feed'], ['sitemap.xml', 'the sitemap'], ['robots.txt', 'the sitemap'],
    [ARCHIVE_DAYS_PATH, 'the archive'], ['search/meta.json', 'the search index'], ...feeds];
}

/**
 * A file where a folder must go (`content/tin-tuc/bai-mot` beside the article page
 * `tin-tuc/bai-mot/`, a file `content/tag`, a folder `content/feed.xml/`): reported at the content
 * path, before anything is written, rather than as a failed write in the staging folder.
 */
function checkFolders(pages: Page[], assets: [string, string][], generated: [string, string][], problems: ProblemList): void {
  const files = new Map<string, [string, string]>();
  const all: [string, string][] = [...pages.map((p) => [outputFile(p.path), p.source] as [string, string]), ...assets, ...generated];
  for (const [path, source] of all) if (!files.has(path.toLowerCase())) files.set(path.toLowerCase(), [path, source]);
  const reported = new Set<string>();
  for (const [path, source] of all) {
    const parts = path.split('/');
    for (let i = 1; i < parts.length; i++) {
      const folder = parts.slice(0, i).join('/');
      const file = files.get(folder.toLowerCase());
      if (!file || reported.has(folder.toLowerCase())) continue;
      reported.add(folder.toLowerCase());
      const [, fileSource] = file;
      const isAsset = (s: string) => s.startsWith('content/') && !s.endsWith('.md');
      if (isAsset(fileSource)) {
        problems.error(fileSource, ...say(source.endsWith('.md') ? 'file-where-folder-for-article' : 'file-where-folder-for-bantin', { folder, source, path }));
      } else {
        problems.error(isAsset(source) ? `content/${folder}` : source, ...say(isAsset(source) ? 'folder-under-file' : 'article-under-file', { folder, file: fileSource }));
      }
    }
  }
}
