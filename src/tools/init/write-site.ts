// Puts a new site's files on disk: only into a folder that is missing or empty, never over a file.
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** A folder holding only `.git` counts as empty: a freshly cloned, empty repository. */
const IGNORED = new Set(['.git']);

/** What is in the way in `dir` (names, sorted), or [] when a site may be written there. */
export function inTheWay(dir: string): string[] {
  if (!existsSync(dir)) return [];
  if (!statSync(dir).isDirectory()) return [dir];
  return readdirSync(dir).filter((name) => !IGNORED.has(name)).sort();
}

/** Writes `files` (relative path → text) under `dir`; `wx` makes a race with another writer fail loudly. */
export function writeSite(dir: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    const abs = join(dir, path);
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, text, { flag: 'wx' });
  }
}
