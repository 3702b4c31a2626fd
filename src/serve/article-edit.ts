// The dev server's shortcut for the commonest saves: an editor changed an article's text, or a
// field that shows only where the article itself is shown (its title, author, view count...).
// The site keeps its shape (the same pages, the article in the same places), so only the pages
// showing the article are rendered before the reload; the full rebuild that follows brings the
// search index, feeds and sitemap along, and checks the pages.
import { statSync } from 'node:fs';
import { readRegularFile } from '../base/read-file.js';
import { readArticle } from '../load/article.js';
import { storeBody } from '../markdown/bodies.js';
import { attachBody } from '../markdown/body-store.js';
import type { GenerateCache } from '../plan/cache.js';
import type { SitePlan } from '../plan/plan-site.js';
import { fileHash, fileStamp } from '../plan/read-articles.js';
import type { OutputGroup } from '../plan/output-groups.js';
import { CONTENT_DIR } from '../load/files.js';
import { ProblemList } from '../base/problems.js';
import type { Article } from '../base/types.js';
import { fragmentsChanged } from '../render/fragments.js';

/** Front-matter fields that change no URL, no order and no grouping of articles. */
const IN_PLACE = ['title', 'author', 'views', 'summary', 'updated', 'data'] as const;

/**
 * Applies an edit of one article file to the last plan when it changed only the body and fields
 * of IN_PLACE, with no new warning: updates the cache and the planned article, and
 * returns the page groups to produce again (the article's, and every page listing it when what
 * lists show of it changed). Otherwise changes nothing and returns null: the edit needs a full re-plan.
 */
export function applyArticleEdit(plan: SitePlan, cache: GenerateCache, absPath: string): OutputGroup[] | null {
  const entry = cache.files.get(absPath);
  const before = entry?.article;
  const rendered = cache.markdown.get(absPath);
  if (!entry || !before || !rendered) return null;
  const config = plan.site.config;
  let stamp, bytes;
  try {
    stamp = fileStamp(statSync(absPath), config);
    bytes = readRegularFile(absPath);
  } catch {
    return null;
  }
  const problems = new ProblemList();
  const contentPath = before.sourcePath.slice(CONTENT_DIR.length + 1);
  const parsed = readArticle({ path: before.sourcePath, contentPath, absPath }, config, problems, bytes);
  if (!parsed || !same(problems.items, entry.problems) || !same(shape(parsed), shape(before))) return null;
  const at = plan.pages.findIndex((p) => p.context.article !== undefined && (p.context.article as Article).sourcePath === before.sourcePath);
  if (at < 0) return null;
  const page = plan.pages[at];
  const article = page.context.article as Article;

  const result = plan.renderBody(parsed.body, contentPath);
  const old = rendered.result;
  if (!same([result.brokenLinks, result.missingAlt], [old.brokenLinks, old.missingAlt])) return null;
  const stored = storeBody(result, cache.bodies);
  // The article's views are the front matter's plus those counted from logs (data/views.json).
  const shown = { title: parsed.title, author: parsed.author, views: article.views - before.views + parsed.views, summary: parsed.summary || stored.summary, updated: parsed.updated, data: parsed.data };
  const listed = !same(Object.fromEntries(IN_PLACE.map((f) => [f, article[f]])), shown);

  parsed.body = '';
  cache.files.set(absPath, { stamp, hash: fileHash(bytes, config), article: parsed, problems: entry.problems });
  cache.markdown.set(absPath, { parsed, key: rendered.key, result: stored });
  attachBody(article, cache.bodies, stored.body);
  // Lists hold the article itself, so this updates them all.
  Object.assign(article, shown);
  // Its list item, kept by object, is rendered again.
  fragmentsChanged(article);
  Object.assign(page.context.page as object, { title: article.title, description: article.summary });

  const groups = [plan.groups[at]];
  if (listed) {
    plan.pages.forEach((p, i) => {
      if (i !== at && Object.values(p.context).some((v) => Array.isArray(v) && v.includes(article))) groups.push(plan.groups[i]);
    });
  }
  return groups;
}

/** What an edit may not change for the shortcut: everything but the body and IN_PLACE. */
function shape(a: Article): Partial<Article> {
  const rest: Partial<Article> = { ...a };
  for (const f of [...IN_PLACE, 'body'] as const) delete rest[f];
  return rest;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
