// Where an imported article goes (`content/<category>/<year>/<slug>.md`), what its front matter
// says, and which articles an earlier import already wrote (by the `importedFrom:` they keep).
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { slugify } from '../../base/slug.js';
import type { Draft } from './draft.js';

/** Articles already in the site: their paths (to keep slugs unique) and the sources they came from. */
export interface ContentIndex {
  /** `importedFrom` → path relative to the site root. */
  imported: Map<string, string>;
  /** `<category-slug>/<slug>` of every article, taken or planned. */
  slugs: Set<string>;
}

export function indexContent(root: string): ContentIndex {
  const index: ContentIndex = { imported: new Map(), slugs: new Set() };
  const head = Buffer.alloc(4096);
  const walk = (dir: string, rel: string) => {
    if (!existsSync(dir)) return;
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.name.startsWith('.')) continue;
      if (e.isDirectory()) walk(join(dir, e.name), `${rel}/${e.name}`);
      else if (e.name.endsWith('.md')) {
        const path = `${rel}/${e.name}`;
        const fd = openSync(join(dir, e.name), 'r');
        const n = readSync(fd, head, 0, head.length, 0);
        closeSync(fd);
        const text = head.subarray(0, n).toString('utf8');
        const from = /^importedFrom:[ \t]*(.+)$/m.exec(text.slice(0, text.indexOf('\n---', 3) >>> 0));
        if (from) index.imported.set(unquote(from[1].trim()), path);
        const slug = /^slug:[ \t]*(.+)$/m.exec(text)?.[1];
        index.slugs.add(`${path.split('/')[1]}/${slugify(slug ? unquote(slug.trim()) : e.name.slice(0, -3))}`);
      }
    }
  };
  walk(join(root, 'content'), 'content');
  return index;
}

function unquote(v: string): string {
  try {
    return v.startsWith('"') ? String(JSON.parse(v)) : v.replace(/^'(.*)'$/, '$1');
  } catch {
    return v;
  }
}

/** A path for a new article: its slug made from the title, with `-2`, `-3`… when the category has it already. */
export function articlePath(draft: Draft, category: string, index: ContentIndex): string {
  const categorySlug = slugify(category);
  const base = shorten(slugify(draft.title)) || 'bai-viet';
  let slug = base;
  for (let n = 2; index.slugs.has(`${categorySlug}/${slug}`); n++) slug = `${base}-${n}`;
  index.slugs.add(`${categorySlug}/${slug}`);
  return `content/${categorySlug}/${draft.date.slice(0, 4)}/${slug}.md`;
}

/** Portal titles run long: the slug stops at a word boundary near 80 characters. */
function shorten(slug: string): string {
  if (slug.length <= 80) return slug;
  const cut = slug.lastIndexOf('-', 80);
  return slug.slice(0, cut > 40 ? cut : 80);
}

/** The Markdown file: front matter (strings JSON-quoted, which YAML reads as they are), then the body. */
export function articleFile(draft: Draft, category: string, body: string, image: string): string {
  const lines = [`title: ${q(draft.title)}`, `date: ${draft.date}`];
  if (draft.author) lines.push(`author: ${q(draft.author)}`);
  if (draft.views !== null) lines.push(`views: ${draft.views}`);
  lines.push(`category: ${q(category)}`);
  if (draft.tags.length) lines.push(`tags: [${draft.tags.map(q).join(', ')}]`);
  if (draft.summary) lines.push(`summary: ${q(draft.summary)}`);
  if (image) lines.push(`image: ${q(image)}`);
  if (draft.oldUrl) lines.push(`oldUrls: [${q(draft.oldUrl)}]`);
  lines.push(`importedFrom: ${q(draft.source)}`);
  return `---\n${lines.join('\n')}\n---\n\n${body.trim()}\n`;
}

const q = (s: string) => JSON.stringify(s.normalize('NFC'));

export function writeText(root: string, path: string, text: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}
