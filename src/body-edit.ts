// The dev server's shortcut for the commonest save: an editor changed an article's text and
// nothing else. Only that article's page shows the body, so only that page is rendered before the
// reload; the full rebuild that follows brings the search index and feeds along, and checks it.
import { readFileSync, statSync } from 'node:fs';
import { readArticle } from './article.js';
import { storeBody } from './article-bodies.js';
import { attachBody } from './body-store.js';
import { fileHash, fileStamp, type GenerateCache, type OutputGroup, type SitePlan } from './generate.js';
import { CONTENT_DIR } from './load.js';
import { shorten } from './markdown.js';
import { ProblemList } from './problems.js';
import type { Article } from './types.js';

/**
 * Applies an edit of one article file to the last plan when it changed only the body, and not in
 * a way any other page shows (the default summary, warnings): updates the cache and the planned
 * article, and returns the article's page group to produce again. Otherwise changes nothing and
 * returns null: the edit needs a full re-plan.
 */
export function applyBodyEdit(plan: SitePlan, cache: GenerateCache, absPath: string): OutputGroup | null {
  const entry = cache.files.get(absPath);
  const before = entry?.article;
  const rendered = cache.markdown.get(absPath);
  if (!entry || !before || !rendered) return null;
  const config = plan.site.config;
  let stamp, bytes;
  try {
    stamp = fileStamp(statSync(absPath), config);
    bytes = readFileSync(absPath);
  } catch {
    return null;
  }
  const problems = new ProblemList();
  const contentPath = before.sourcePath.slice(CONTENT_DIR.length + 1);
  const parsed = readArticle({ path: before.sourcePath, contentPath, absPath }, config, problems, bytes);
  if (!parsed || !same(problems.items, entry.problems) || !same(frontMatter(parsed), frontMatter(before))) return null;
  const article = plan.site.articles.find((a) => a.sourcePath === before.sourcePath);
  const group = article && plan.groups.find((g) => g.id === `page:${article.path}`);
  if (!article || !group) return null;

  const result = plan.renderBody(parsed.body, contentPath);
  const old = rendered.result;
  if (!parsed.summary && shorten(result.firstParagraph) !== article.summary) return null;
  if (!same([result.brokenLinks, result.missingAlt], [old.brokenLinks, old.missingAlt])) return null;

  const stored = storeBody(result, cache.bodies);
  parsed.body = '';
  cache.files.set(absPath, { stamp, hash: fileHash(bytes, config), article: parsed, problems: entry.problems });
  cache.markdown.set(absPath, { parsed, key: rendered.key, result: stored });
  attachBody(article, cache.bodies, stored.body);
  return group;
}

function frontMatter(a: Article): Omit<Article, 'body'> {
  const { body, ...rest } = a;
  void body;
  return rest;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
