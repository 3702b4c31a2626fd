// The Markdown stage: every published article's body HTML, plain text and default summary, cached
// between builds.
import { join, posix } from 'node:path';
import { readArticle } from '../load/article.js';
import { attachBody, type BodyRef, type BodyStore } from './body-store.js';
import { hash } from '../base/hash.js';
import { createImageSizer } from './images.js';
import { CONTENT_DIR } from '../load/files.js';
import { createMarkdown, imageSizesHold, resolveLink, shorten, type LinkTargets, type RenderedMarkdown } from './markdown.js';
import { ProblemList } from '../base/problems.js';
import { say } from '../base/messages/index.js';
import { locator } from './source-lines.js';
import type { Article, Site } from '../base/types.js';

/**
 * Body HTML, plain text and default summary of every published article; broken links are warnings.
 * Returns the renderer, set up with this site's link targets, for bodies edited afterwards.
 */
export function renderMarkdown(site: Site, root: string, assets: string[], origin: Map<Article, Article>, cache: MarkdownCache, problems: ProblemList, strict: boolean): BodyRenderer {
  const report = strict ? problems.error.bind(problems) : problems.warn.bind(problems);
  const targets: LinkTargets = { articles: new Map(), assets: new Set(assets), imageSize: createImageSizer(root) };
  for (const a of site.articles) targets.articles.set(a.sourcePath.slice(CONTENT_DIR.length + 1), a.path);
  const render = createMarkdown(site.config, targets);
  const basePath = site.config.basePath;
  const markdownKey = hash(JSON.stringify(site.config.markdown), basePath);
  for (const a of site.articles) {
    const contentPath = a.sourcePath.slice(CONTENT_DIR.length + 1);
    const dir = posix.dirname(contentPath);
    const parsed = origin.get(a)!;
    const absPath = join(root, a.sourcePath);
    let entry = cache.markdown.get(absPath);
    // A cached rendering stands only while every relative link in it still resolves the same way.
    if (!entry || entry.parsed !== parsed || entry.key !== markdownKey || !entry.result.links.every(([href, out]) => resolveLink(href, dir, basePath, targets, []) === out) || !imageSizesHold(entry.result, targets)) {
      entry = { parsed, key: markdownKey, result: storeBody(render(parsed.body || readBody(absPath, a, site), contentPath), cache.bodies) };
      cache.markdown.set(absPath, entry);
    }
    // The source is not kept: the rendering is, and a 100,000-article site has half a gigabyte of it.
    parsed.body = a.body = '';
    const { result } = entry;
    attachBody(a, cache.bodies, result.body);
    if (!a.summary) a.summary = result.summary;
    const where = locator(absPath);
    if (a.image) {
      const broken: string[] = [];
      a.image = resolveLink(a.image, dir, basePath, targets, broken);
      // A picture in content/ gets its pixel size, so the page keeps its place while it loads.
      const local = !broken.length && a.image.startsWith(basePath) && !a.image.includes('://') ? a.image.slice(basePath.length) : null;
      a.imageSize = local === null ? null : targets.imageSize!(safeDecode(local));
      for (const link of broken) report(a.sourcePath, ...say('image-missing', { link }, where(link, 'image')));
    }
    for (const src of result.missingAlt ?? []) {
      problems.warn(a.sourcePath, ...say('image-no-alt', { src }, where(src)));
    }
    for (const link of result.brokenLinks) {
      report(a.sourcePath, ...say('link-broken', { link }, where(link)));
    }
  }
  return render;
}

/** What the Markdown stage keeps between builds: renderings by file path, their bodies in a store. */
export interface MarkdownCache {
  markdown: Map<string, { parsed: Article; key: string; result: StoredMarkdown }>;
  bodies: BodyStore;
}

export type BodyRenderer = ReturnType<typeof createMarkdown>;

/**
 * A rendering as the cache keeps it: its HTML and text in the body store, the first paragraph
 * only as the summary made of it, the rest at hand.
 */
export interface StoredMarkdown extends Omit<RenderedMarkdown, 'html' | 'text' | 'firstParagraph'> {
  body: BodyRef;
  htmlHash: string;
  summary: string;
}

export function storeBody(result: RenderedMarkdown, store: BodyStore): StoredMarkdown {
  const { html, text, firstParagraph, ...rest } = result;
  return { ...rest, body: store.put(html, text), htmlHash: hash(html), summary: shorten(firstParagraph) };
}

/** The Markdown of an article whose parse dropped it after rendering (the file is as parsed then). */
function readBody(absPath: string, a: Article, site: Site): string {
  const file = { path: a.sourcePath, contentPath: a.sourcePath.slice(CONTENT_DIR.length + 1), absPath };
  return readArticle(file, site.config, new ProblemList())?.body ?? '';
}

function safeDecode(path: string): string {
  try {
    return decodeURI(path);
  } catch {
    return path;
  }
}
