// `bantin new`: a new article file with its front matter filled in.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { loadConfig } from '../load/config.js';
import { pad, toSiteDate } from '../base/dates.js';
import { CONTENT_DIR } from '../load/files.js';
import { ProblemList } from '../base/problems.js';
import { slugify } from '../base/slug.js';

export interface NewArticleOptions {
  root: string;
  title: string;
  category?: string;
  author?: string;
  now?: number;
}

/** `bantin new`: writes `content/<category-slug>/<yyyy>/<slug>.md` with its front matter filled in. */
export function newArticle(options: NewArticleOptions): string {
  const root = resolve(options.root);
  const problems = new ProblemList();
  const config = loadConfig(root, problems);
  problems.throwIfErrors();
  const title = options.title.trim();
  const slug = slugify(title);
  if (!slug) throw new Error('the title needs letters or digits to make a file name from');
  const category = options.category?.trim() || config.defaultCategory;
  const categorySlug = slugify(category);
  if (!categorySlug) throw new Error(`cannot make a folder name from the category "${category}"`);
  const d = toSiteDate(options.now ?? Date.now(), config.timezone);
  const path = join(root, CONTENT_DIR, categorySlug, String(d.year), `${slug}.md`);
  if (existsSync(path)) throw new Error(`${path} already exists; choose another title or edit that file`);
  const lines = [
    '---',
    `title: ${JSON.stringify(title)}`,
    `date: ${d.year}-${pad(d.month)}-${pad(d.day)} ${pad(d.hour)}:${pad(d.minute)}`,
    `author: ${JSON.stringify(options.author?.trim() ?? '')}`,
    'views: 0',
    `category: ${JSON.stringify(category)}`,
    'tags: []',
    '---',
    '',
    'Nội dung bài viết.',
    '',
  ];
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, lines.join('\n'), { flag: 'wx' });
  return path;
}
