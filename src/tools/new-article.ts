// `bantin new`: a new article file, a draft, with its front matter filled in and a template body
// that build refuses to publish until the editor has written the article.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { loadConfig } from '../load/config.js';
import { pad, toSiteDate } from '../base/dates.js';
import { CONTENT_DIR } from '../load/files.js';
import { ProblemList } from '../base/problems.js';
import { slugify } from '../base/slug.js';
import { say } from '../base/messages/index.js';
import { templateBody } from '../load/article-template.js';

export interface NewArticleOptions {
  root: string;
  title: string;
  category?: string;
  author?: string;
  now?: number;
}

/**
 * `bantin new`: writes `content/<category-slug>/<yyyy>/<slug>.md`, `draft: true`, the author from
 * `--author` or bantin.yaml `defaultAuthor`. Problems are thrown as a BuildFailure, from the catalogue.
 */
export function newArticle(options: NewArticleOptions): string {
  const root = resolve(options.root);
  const problems = new ProblemList();
  const config = loadConfig(root, problems);
  problems.throwIfErrors();
  const title = options.title.trim();
  const slug = slugify(title);
  if (!slug) problems.error(null, ...say('new-no-slug', { title }));
  const category = options.category?.trim() || config.defaultCategory;
  const categorySlug = slugify(category);
  if (!categorySlug) problems.error(null, ...say('new-no-category-slug', { category }));
  problems.throwIfErrors();
  const d = toSiteDate(options.now ?? Date.now(), config.timezone);
  const path = join(root, CONTENT_DIR, categorySlug, String(d.year), `${slug}.md`);
  if (existsSync(path)) problems.error(null, ...say('new-exists', { path }));
  problems.throwIfErrors();
  const author = options.author?.trim() || config.defaultAuthor;
  const lines = [
    '---',
    `title: ${JSON.stringify(title)}`,
    `date: ${d.year}-${pad(d.month)}-${pad(d.day)} ${pad(d.hour)}:${pad(d.minute)}`,
    `author: ${JSON.stringify(author)}`,
    'views: 0',
    `category: ${JSON.stringify(category)}`,
    'tags: []',
    // Not published until the editor removes this line (build refuses the template text anyway).
    'draft: true',
    '---',
    '',
    templateBody(),
  ];
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, lines.join('\n'), { flag: 'wx' });
  return path;
}
