// The theme's CSS, JS and images, published under names that carry their content hash.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { hash } from '../base/hash.js';

export const ASSETS_DIR = 'assets';

/** The theme's `assets/` files, the site's shadowing the default theme's, by output path. */
export function themeAssets(templateDirs: string[]): Map<string, string> {
  const files = new Map<string, string>();
  for (const dir of [...templateDirs].reverse()) collectFiles(join(dir, ASSETS_DIR), ASSETS_DIR, files);
  return files;
}

/**
 * Theme CSS and JS get a content hash in their names (`assets/style.1a2b3c4d.css`), so hosts can
 * cache them for a year and a new version is still fetched at once. Other theme files keep their
 * names, because stylesheets refer to them by name.
 */
export function hashedNames(themeAssets: Map<string, string>): Map<string, string> {
  const names = new Map<string, string>();
  for (const [path, abs] of themeAssets) {
    const ext = posix.extname(path);
    names.set(path, ext === '.css' || ext === '.js' ? `${path.slice(0, -ext.length)}.${hash(readFileSync(abs)).slice(0, 10).replace(/[-_]/g, '0')}${ext}` : path);
  }
  return names;
}

function collectFiles(dir: string, prefix: string, into: Map<string, string>): void {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (entry.name.startsWith('.')) continue;
    const abs = join(dir, entry.name);
    if (entry.isDirectory()) collectFiles(abs, `${prefix}/${entry.name}`, into);
    else if (entry.isFile()) into.set(`${prefix}/${entry.name}`, abs);
  }
}
