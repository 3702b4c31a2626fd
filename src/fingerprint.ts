import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { toCard } from './pages.js';
import type { Article } from './types.js';

export function hash(...parts: (string | Uint8Array)[]): string {
  const h = createHash('sha1');
  for (const p of parts) h.update(p).update('\0');
  return h.digest('base64url');
}

/**
 * Two keys per article: `card` covers what listings and neighbour lists may show (everything
 * but the body and the view count), `full` adds the body HTML. A page's fingerprint uses them
 * instead of the article itself, so editing a body re-renders only the pages that show that body.
 * The view count, which `bantin views` changes every hour, is shown only on the article's own
 * page: that page's fingerprint adds it, and nothing else changes with it.
 */
export interface ArticleKeys {
  card: string;
  full: string;
  views: number;
}

export function articleKeys(a: Article, htmlHash: string): ArticleKeys {
  // The list position is left out: an article does not change when another is added before it.
  const { index, views, ...shown } = toCard(a);
  void index;
  const card = hash(JSON.stringify(shown));
  return { card, full: hash(card, htmlHash), views };
}

/** Hash of every file under the given folders (templates and locales), in a fixed order. */
export function hashFolders(dirs: string[], skip: string[] = []): string {
  const h = createHash('sha1');
  for (const d of dirs) {
    h.update(`dir:${d}\0`);
    walkFiles(d, (abs, path) => void h.update(path).update('\0').update(readFileSync(abs)).update('\0'), skip);
  }
  return h.digest('base64url');
}

/**
 * Calls `visit` for every file under `dir`, in code-point order of names (whatever order the file
 * system gives), with its absolute and `/`-separated relative path. Missing folders have no files.
 */
export function walkFiles(dir: string, visit: (abs: string, path: string) => void, skip: string[] = [], rel = ''): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const path = rel ? `${rel}/${e.name}` : e.name;
    if (skip.includes(path)) continue;
    if (e.isDirectory()) walkFiles(join(dir, e.name), visit, skip, path);
    else visit(join(dir, e.name), path);
  }
}
