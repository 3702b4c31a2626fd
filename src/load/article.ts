// One article file: its front matter checked field by field, with a problem at the line of each
// mistake, and its Markdown body.
import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import matter from 'gray-matter';
import yaml from 'js-yaml';
import { keyLine, tooLarge } from './yaml-lines.js';
import { parseSiteDate } from '../base/dates.js';
import { lineAt, type ProblemList } from '../base/problems.js';
import { say, type Params } from '../base/messages/index.js';
import { dayFirstDate, findYamlMistake, missingCloseLine, thousandsSeparated, valueColumn } from './yaml-mistakes.js';
import { RESERVED_SLUGS } from '../base/urls.js';
import { checkUrl, verdictParams } from '../base/url-policy.js';
import { findTemplateText, PLACEHOLDER } from './article-template.js';
import { slugify } from '../base/slug.js';
import type { SourceFile } from './files.js';
import type { Article, Problem, SiteConfig } from '../base/types.js';

// YAML's core schema keeps `2020-01-28 23:10` a string: the default schema would turn it into a
// UTC Date and shift every article by the site's offset.
// gray-matter reads `---js` as JavaScript front matter and eval()s it: never, whatever the checks below.
// allow-literal-message: unreachable for editors (a first line other than `---` is refused above as 'article-no-front-matter'); a guard, not a message.
const refuse = { parse: () => { throw new Error('only YAML front matter is read'); }, stringify: () => '' };
const engines = {
  yaml: { parse: (s: string) => yaml.load(s, { schema: yaml.CORE_SCHEMA }) as object, stringify: () => '' },
  javascript: refuse, coffee: refuse, json: refuse,
};

const KNOWN_FIELDS = new Set(['title', 'date', 'updated', 'author', 'views', 'category', 'tags', 'summary', 'image', 'draft', 'slug', 'oldUrls']);
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Reads one Markdown file into an Article (without URL or HTML yet), or reports why it cannot. */
export function readArticle(file: SourceFile, config: SiteConfig, problems: ProblemList, bytes = readFileSync(file.absPath)): Article | null {
  const text = decode(bytes, file.path, problems);
  if (text === null) return null;
  return parseArticle(text, file.path, config, problems);
}

function decode(bytes: Buffer, path: string, problems: ProblemList): string | null {
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    problems.error(path, ...say('article-binary', {}, { line: lineAt(bytes.subarray(0, nul).toString('latin1'), nul) }));
    return null;
  }
  try {
    return utf8.decode(bytes);
  } catch {
    const bad = firstInvalidUtf8(bytes);
    problems.error(path, ...say('article-encoding', {}, { line: lineAt(bytes.subarray(0, bad).toString('latin1'), bad) }));
    return null;
  }
}

function firstInvalidUtf8(bytes: Buffer): number {
  let lo = 0, hi = bytes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid + 1), { stream: true });
      lo = mid + 1;
    } catch {
      hi = mid;
    }
  }
  return lo;
}

export function parseArticle(source: string, path: string, config: SiteConfig, problems: ProblemList): Article | null {
  const text = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const reported = problems.items.length;
  try {
    return parseText(text, path, config, problems);
  } finally {
    quoteLines(text, path, problems.items.slice(reported));
  }
}

/** Problems pointing at a column get the text of their line, to be shown with a caret. */
function quoteLines(text: string, path: string, found: Problem[]): void {
  const quoted = found.filter((p) => p.file === path && p.line && p.column && p.excerpt === undefined);
  // Nearly every file has none: splitting each into lines anyway cost as much as a tenth of the parse.
  if (quoted.length === 0) return;
  const lines = text.split('\n');
  for (const p of quoted) p.excerpt = lines[p.line! - 1];
}

function parseText(text: string, path: string, config: SiteConfig, problems: ProblemList): Article | null {
  if (!text.trim()) {
    problems.error(path, ...say('article-empty'));
    return null;
  }
  if (!/^---[ \t]*\n/.test(text)) {
    problems.error(path, ...say('article-no-front-matter', {}, { line: 1 }));
    return null;
  }
  if (!/\n---[ \t]*(\n|$)/.test(text.slice(3))) {
    const line = missingCloseLine(text.split('\n'));
    problems.error(path, ...say('front-matter-unclosed', {}, line ? { line, column: 1 } : { line: 1 }));
    return null;
  }
  let parsed: matter.GrayMatterFile<string>;
  try {
    parsed = matter(text, { engines });
  } catch (err) {
    const e = err as yaml.YAMLException;
    const block = text.slice(0, text.indexOf('\n---', 3));
    const at = { line: e.mark ? e.mark.line + 1 : undefined, column: e.mark ? e.mark.column + 1 : undefined };
    const mistake = findYamlMistake(block.split('\n').slice(1), 2);
    if (mistake) problems.error(path, ...say(mistake.code, mistake.params, { line: mistake.line, column: mistake.column }));
    else if (e.reason?.includes('duplicated')) problems.error(path, ...say('yaml-duplicate-key', { key: duplicateKey(text, at.line) }, at));
    else if (e.reason?.includes('unknown tag')) problems.error(path, ...say('yaml-unknown-tag', {}, at));
    else problems.error(path, ...say('yaml-syntax', { reason: e.reason ?? e.message }, at));
    return null;
  }
  const fm = (parsed.data ?? {}) as Record<string, unknown>;
  const fmText = parsed.matter;
  // YAML aliases can make a few lines expand to billions of values (a "billion laughs").
  if (tooLarge(fm)) {
    problems.error(path, ...say('front-matter-aliases', {}, { line: 2 }));
    return null;
  }
  const before = problems.errorCount;
  const at = (key: string) => ({ line: keyLine(fmText, key) });
  const fmLines = fmText.split('\n');
  const rawValue = (key: string) => { const l = keyLine(fmText, key); return l ? fmLines[l - 1].replace(/^[^:]*:/, '').replace(/\s#.*$/, '').trim() : undefined; };
  const valueAt = (key: string) => { const l = keyLine(fmText, key); return { line: l, column: l ? valueColumn(fmLines[l - 1]) : undefined }; };
  const bad = (key: string, code: string, params: Params = {}) => problems.error(path, ...say(code, params, at(key)));

  if (typeof fm !== 'object' || Array.isArray(fm)) {
    problems.error(path, ...say('front-matter-not-mapping', {}, { line: 2 }));
    return null;
  }
  const title = readText(fm, 'title');
  if (title === undefined) bad('title', 'field-title-not-text');
  else if (!title) problems.error(path, ...say('article-no-title', {}, { line: 2 }));

  let date = null;
  if (fm.date === undefined || fm.date === null || fm.date === '') {
    problems.error(path, ...say('article-no-date', {}, { line: 2 }));
  } else {
    const r = parseSiteDate(fm.date, config.timezone);
    const dayFirst = dayFirstDate(fm.date);
    if (r.ok) date = r.date;
    else if (dayFirst) problems.error(path, ...say('date-day-first', { key: 'date', value: String(fm.date), suggestion: dayFirst }, valueAt('date')));
    else bad('date', r.code, { ...r.params, key: 'date' });
  }
  let updated = date;
  if (fm.updated !== undefined && fm.updated !== null) {
    const r = parseSiteDate(fm.updated, config.timezone);
    if (r.ok) updated = r.date;
    else bad('updated', r.code, { ...r.params, key: 'updated' });
  }

  const author = readText(fm, 'author');
  if (author === undefined) bad('author', 'field-author-not-text');

  let views = 0;
  if (fm.views !== undefined && fm.views !== null) {
    if (Number.isSafeInteger(fm.views) && (fm.views as number) >= 0) views = fm.views as number;
    else if (thousandsSeparated(rawValue('views'))) problems.error(path, ...say('views-thousands-dot', { value: rawValue('views')!, suggestion: thousandsSeparated(rawValue('views'))! }, valueAt('views')));
    else problems.error(path, ...say('article-views-not-number', { value: JSON.stringify(fm.views) }, at('views')));
  }

  const category = readText(fm, 'category');
  if (category === undefined) bad('category', 'field-category-not-text');
  const categoryName = category || config.defaultCategory;
  // The default category's name is checked in bantin.yaml, at its line.
  if (category && !slugify(categoryName)) bad('category', 'field-category-no-slug', { name: categoryName });
  else if (category && RESERVED_SLUGS.has(slugify(categoryName))) bad('category', 'field-category-reserved', { name: categoryName, slug: slugify(categoryName) });

  let tagNames: string[] = [];
  if (typeof fm.tags === 'string') tagNames = fm.tags.split(',');
  else if (Array.isArray(fm.tags) && fm.tags.every((t) => typeof t === 'string' || typeof t === 'number')) tagNames = fm.tags.map(String);
  else if (fm.tags !== undefined && fm.tags !== null) bad('tags', 'field-tags-not-list');
  tagNames = [...new Set(tagNames.map((t) => t.trim()).filter((t) => slugify(t)))];

  const summary = readText(fm, 'summary');
  if (summary === undefined) bad('summary', 'field-summary-not-text');
  let image = readText(fm, 'image');
  if (image === undefined) bad('image', 'field-image-not-text');
  else if (image) {
    // Through the one URL policy: only http(s) URLs and paths, as a browser would read the scheme.
    const v = checkUrl(image, 'image');
    if (v.ok) image = v.url;
    else {
      // The policy's example path is from content/; an article's picture path is from its own file.
      const p = verdictParams(v);
      bad('image', 'field-image-refused', { ...p, hintVi: String(p.hintVi).replace('`files/anh.jpg`', 'đường dẫn tính từ tệp bài này, ví dụ `../../files/anh.jpg`'), hintEn: String(p.hintEn).replace('`files/anh.jpg`', 'a path relative to this file, like `../../files/anh.jpg`') });
    }
  }

  let oldUrls: string[] = [];
  if (typeof fm.oldUrls === 'string') oldUrls = [fm.oldUrls];
  else if (Array.isArray(fm.oldUrls) && fm.oldUrls.every((u) => typeof u === 'string')) oldUrls = fm.oldUrls as string[];
  else if (fm.oldUrls !== undefined && fm.oldUrls !== null) bad('oldUrls', 'field-old-urls-not-list');
  const badOld = oldUrls.find((u) => !/^(https?:\/\/[^/\s]+)?\/\S*$/i.test(u.trim()));
  if (badOld !== undefined) bad('oldUrls', 'field-old-urls-bad', { url: badOld });

  let draft = false;
  if (fm.draft !== undefined && fm.draft !== null) {
    if (typeof fm.draft === 'boolean') draft = fm.draft;
    else problems.error(path, ...say('article-draft-not-boolean', {}, at('draft')));
  }
  // A draft may keep the template of `bantin new`; a published article may not (check warns on drafts).
  const template = draft ? null : findTemplateText(text);
  if (template) problems.error(path, ...say('article-placeholder', { placeholder: PLACEHOLDER }, { line: template.line, column: template.column }));

  const slugSource = fm.slug ?? basename(path, extname(path));
  let slug = '';
  if (typeof slugSource !== 'string' && typeof slugSource !== 'number') bad('slug', 'field-slug-not-text');
  else {
    slug = slugify(String(slugSource));
    if (!slug) bad(fm.slug === undefined ? 'title' : 'slug', fm.slug === undefined ? 'field-slug-from-file' : 'field-slug-empty', { value: String(slugSource) });
  }

  if (problems.errorCount > before || !date || !updated || !title) return null;
  const data: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fm)) if (!KNOWN_FIELDS.has(k)) data[k] = v;
  return {
    sourcePath: path, title, date, updated, author: author ?? '', views, categoryName, categorySlug: '', tagNames,
    summary: summary ?? '', image: image || null, draft, slug, path: '', body: parsed.content,
    html: '', text: '', oldUrls: oldUrls.map((u) => u.trim()), data, index: -1,
  };
}

/** The key of a `duplicated mapping key` error: the key on the line the parser stopped at. */
function duplicateKey(text: string, line: number | undefined): string {
  return (line && /^\s*["']?([^:"']+)/.exec(text.split('\n')[line - 1] ?? '')?.[1]?.trim()) || '?';
}

/** A text field: '' when absent, undefined when of the wrong type. Numbers read as text. */
function readText(fm: Record<string, unknown>, key: string): string | undefined {
  const v = fm[key];
  if (v === undefined || v === null) return '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number') return String(v);
  return undefined;
}
