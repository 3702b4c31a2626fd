// Content hashes: of strings and bytes, and of whole folders in a fixed order.
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { readRegularFile, UnreadableFile } from './read-file.js';
import { join } from 'node:path';

export function hash(...parts: (string | Uint8Array)[]): string {
  const h = createHash('sha1');
  for (const p of parts) h.update(p).update('\0');
  return h.digest('base64url');
}

/** Hash of every file under the given folders (templates and locales), in a fixed order. */
export function hashFolders(dirs: string[], skip: string[] = []): string {
  const h = createHash('sha1');
  for (const d of dirs) {
    h.update(`dir:${d}\0`);
    walkFiles(d, (abs, path) => void h.update(path).update('\0').update(contents(abs)).update('\0'), skip);
  }
  return h.digest('base64url');
}

/**
 * A file's bytes for a hash; a FIFO, device or folder (through a link) is hashed by what it is,
 * never read: reading a FIFO would wait for ever. The load stage reports such files to the person.
 */
function contents(abs: string): Uint8Array | string {
  try {
    return readRegularFile(abs, Infinity);
  } catch (err) {
    if (err instanceof UnreadableFile) return `unreadable:${err.message}`;
    throw err;
  }
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
