import { existsSync, readdirSync, realpathSync } from 'node:fs';
import { dirname, join, posix, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readArticle } from './article.js';
import { loadConfig } from './config.js';
import { loadStrings } from './i18n.js';
import { CONTENT_DIR, listContent, loadData } from './load.js';
import { createMarkdown, resolveLink, shorten, type LinkTargets } from './markdown.js';
import { outputFile, planPages, type Page } from './pages.js';
import { BuildFailure, ProblemList, sortProblems } from './problems.js';
import { createRenderer, TemplateError } from './render.js';
import { buildSiteModel } from './site.js';
import { openStaging, type Staging } from './write.js';
import { renderFeeds } from './feeds.js';
import { renderSitemap } from './sitemap.js';
import type { Article, OutputFile, Problem, Site } from './types.js';

export const DEFAULT_THEME = fileURLToPath(new URL('../templates/', import.meta.url));
export const ASSETS_DIR = 'assets';

export interface BuildOptions {
  root: string;
  /** Default `<root>/dist`. */
  out?: string;
  baseUrl?: string;
  drafts?: boolean;
  /** Articles dated after this instant are not published (default: now). */
  now?: number;
}

export interface BuildResult {
  out: string;
  pages: number;
  files: number;
  warnings: Problem[];
  timings: Record<string, number>;
}

/** load → validate → site model → render → write. Throws BuildFailure listing every problem. */
export function build(options: BuildOptions): BuildResult {
  const timings: Record<string, number> = {};
  let started = performance.now();
  const stage = (name: string) => {
    const now = performance.now();
    timings[name] = Math.round((now - started) * 10) / 10;
    started = now;
  };
  const root = resolve(options.root);
  const out = resolve(options.out ?? join(root, 'dist'));
  const problems = new ProblemList();
  checkOutputFolder(root, out, problems);
  problems.throwIfErrors();

  const config = loadConfig(root, problems, { baseUrl: options.baseUrl });
  const templateDirs = [...new Set([join(root, 'templates'), DEFAULT_THEME].map((d) => resolve(d)))].filter(existsSync);
  const strings = loadStrings(templateDirs, config.locale, problems);
  const data = loadData(root, problems);
  const tree = listContent(root, problems);
  stage('load');

  const read = tree.markdown.map((f) => readArticle(f, config, problems)).filter((a): a is Article => a !== null);
  stage('parse');
  const site = buildSiteModel(config, read, data, { drafts: !!options.drafts, now: options.now ?? Date.now() }, problems);
  problems.throwIfErrors();
  stage('model');

  renderMarkdown(site, tree.assets.map((f) => f.contentPath), problems);
  stage('markdown');

  const pages = planPages(site, strings);
  const extras = [...renderFeeds(site), ...renderSitemap(config, sitemapEntries(pages)), archiveDays(site)];
  const outputs = claimOutputs(pages, extras, tree.assets.map((f) => f.contentPath), templateDirs, problems);
  problems.throwIfErrors();

  const renderer = createRenderer(root, templateDirs, config, strings);
  const staging = openStaging(out);
  const abort = () => {
    staging.abort();
    process.exit(130);
  };
  process.once('SIGINT', abort).once('SIGTERM', abort);
  try {
    const common = { site, t: strings };
    for (const page of pages) {
      staging.write(outputFile(page.path), renderer.render(page.template, { ...common, ...page.context }));
    }
    for (const file of extras) staging.write(file.path, file.content);
    stage('render');
    for (const f of tree.assets) staging.copy(f.contentPath, f.absPath);
    for (const [path, abs] of outputs.themeAssets) staging.copy(path, abs);
    stage('copy');
    staging.commit();
    stage('commit');
  } catch (err) {
    staging.abort();
    if (err instanceof TemplateError) throw new BuildFailure([err.problem]);
    throw err;
  } finally {
    process.off('SIGINT', abort).off('SIGTERM', abort);
  }
  return {
    out, pages: pages.length, files: pages.length + extras.length + tree.assets.length + outputs.themeAssets.size,
    warnings: sortProblems(problems.items), timings,
  };
}

/** The output folder may not be the site itself, contain it, or sit inside content/. */
function checkOutputFolder(root: string, out: string, problems: ProblemList): void {
  const real = (p: string) => (existsSync(p) ? realpathSync(p) : p);
  const r = real(root);
  const o = existsSync(out) ? real(out) : join(real(dirname(out)), out.slice(dirname(out).length + 1));
  const inside = (child: string, parent: string) => child === parent || child.startsWith(parent + sep);
  if (inside(r, o)) problems.error(null, `the output folder ${out} is the site folder or contains it`, { hint: 'use --out dist (the default) or another folder' });
  else if (inside(o, join(r, CONTENT_DIR)) || inside(o, join(r, 'templates'))) problems.error(null, `the output folder ${out} is inside the site's sources`, { hint: 'use --out dist (the default)' });
}

/** Every output path is claimed once; two sources wanting the same URL is an error naming both. */
function claimOutputs(pages: Page[], extras: OutputFile[], assets: string[], templateDirs: string[], problems: ProblemList) {
  const owners = new Map<string, string>();
  const claim = (path: string, source: string) => {
    const key = path.toLowerCase();
    const first = owners.get(key);
    if (first === undefined) owners.set(key, source);
    else {
      const both = [first, source].sort();
      problems.error(both[0].startsWith('content/') ? both[0] : source, `two sources want the same URL /${path.replace(/index\.html$/, '')}: ${both.join(' and ')}`, {
        hint: 'give one of them another `slug:` in its front matter, or rename the file',
      });
    }
  };
  for (const page of pages) claim(outputFile(page.path), page.source);
  for (const file of extras) claim(file.path, 'bantin');
  for (const path of assets) claim(path, `content/${path}`);
  const themeAssets = new Map<string, string>();
  for (const dir of [...templateDirs].reverse()) collectFiles(join(dir, ASSETS_DIR), ASSETS_DIR, themeAssets);
  for (const path of themeAssets.keys()) claim(path, `templates/${path}`);
  return { themeAssets };
}

function collectFiles(dir: string, prefix: string, into: Map<string, string>): void {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (entry.name.startsWith('.')) continue;
    const abs = join(dir, entry.name);
    if (entry.isDirectory()) collectFiles(abs, `${prefix}/${entry.name}`, into);
    else if (entry.isFile()) into.set(`${prefix}/${entry.name}`, abs);
  }
}

/** Body HTML, plain text and default summary of every published article; broken links are warnings. */
function renderMarkdown(site: Site, assets: string[], problems: ProblemList): void {
  const targets: LinkTargets = { articles: new Map(), assets: new Set(assets) };
  for (const a of site.articles) targets.articles.set(a.sourcePath.slice(CONTENT_DIR.length + 1), a.path);
  const render = createMarkdown(site.config, targets);
  for (const a of site.articles) {
    const contentPath = a.sourcePath.slice(CONTENT_DIR.length + 1);
    const result = render(a.body, contentPath);
    a.html = result.html;
    a.text = result.text;
    if (!a.summary) a.summary = shorten(result.firstParagraph);
    if (a.image) {
      const broken: string[] = [];
      a.image = resolveLink(a.image, posix.dirname(contentPath), site.config.basePath, targets, broken);
      for (const link of broken) problems.warn(a.sourcePath, `the image ${link} does not exist`, { hint: 'check the path in `image:`; it is relative to this file' });
    }
    for (const link of result.brokenLinks) {
      problems.warn(a.sourcePath, `broken link: ${link} points to no article or file`, { hint: 'links are relative to this file, e.g. ../2024/bai-viet.md or ../../files/tai-lieu.pdf' });
    }
  }
}

/** Pages in the sitemap: every HTML page a reader can land on, but not the 404 page or search. */
function sitemapEntries(pages: Page[]) {
  return pages.filter((p) => p.path.endsWith('/') || p.path === '').filter((p) => p.path !== 'tim-kiem/').map((p) => ({ path: p.path, lastmod: p.lastmod }));
}

/** Days that have an archive page, newest first, for the "Xem theo ngày" picker. */
function archiveDays(site: Site): OutputFile {
  const days = site.archive.days.map((d) => d.key.replace(/\//g, '-'));
  return { path: 'archive/days.json', content: JSON.stringify(days) };
}
