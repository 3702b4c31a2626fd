// The quick check before a cached build: the inputs' stamps, and the manifest the last build left
// of them and of what it wrote. When nothing changed, a build ends here without loading the cache.
import { mkdirSync, readFileSync, realpathSync, renameSync, statSync, writeFileSync, type Stats } from 'node:fs';
import { join, resolve } from 'node:path';
import { CACHE_DIR, MANIFEST_FILE } from './build-cache.js';
import type { BuildOptions, BuildResult } from './options.js';
import { CONFIG_FILE } from '../load/config.js';
import { hash, walkFiles } from '../base/hash.js';
import { leftovers } from '../write/staging.js';
import { BUILD_ID, DEFAULT_THEME, TEMPLATES_DIR } from '../base/install.js';
import { CONTENT_DIR, DATA_DIR } from '../load/files.js';
import type { Problem } from '../base/types.js';
import type { SiteLayer } from '../load/workspace.js';

/** The input stamps a cached build compares with the last one's, and the stats they were taken from (so files are not stat'ed twice). */
export interface Inputs {
  stamp: string;
  stats: Map<string, Stats>;
}

function inputsOf(root: string, layer?: SiteLayer): Inputs {
  const stats = new Map<string, Stats>();
  // A workspace's shared theme and root config are inputs of each of its sites.
  const shared = layer ? { dirs: [layer.templates], files: [layer.configFile] } : { dirs: [], files: [] };
  const stamp = stampInputs([join(root, CONTENT_DIR), join(root, DATA_DIR), join(root, TEMPLATES_DIR), ...shared.dirs, DEFAULT_THEME], [join(root, CONFIG_FILE), ...shared.files], stats);
  return { stamp, stats };
}
export const keyOf = (options: BuildOptions, out: string) => JSON.stringify([BUILD_ID, out, options.baseUrl ?? null, !!options.drafts, !!options.strict]);

/**
 * With the cache on, a build whose inputs all read as after the last one, with no article come due
 * and the output folder as it was left, returns at once: nothing is planned, rendered or written.
 * Otherwise it returns the input stamps it took (empty without the cache).
 */
export function upToDate(options: BuildOptions): BuildResult | Inputs {
  if (!options.cache) return { stamp: '', stats: new Map() };
  const started = performance.now();
  const root = resolve(options.root);
  const out = resolve(options.out ?? join(root, 'dist'));
  const inputs = inputsOf(root, options.layer);
  const m = loadManifest(root);
  if (!m || m.key !== keyOf(options, out) || m.out !== out || m.inputs !== inputs.stamp) return inputs;
  if (m.nextPublish !== null && (options.now ?? Date.now()) >= m.nextPublish) return inputs;
  if (!m.files.every(([path, size]) => sizeOf(join(out, path)) === size)) return inputs;
  // A build that died beside `out` may have left it half moved or renamed away: the build repairs it.
  if (leftovers(out).length > 0) return inputs;
  return { out, pages: m.pages, files: 0, reused: m.files.length, warnings: m.warnings, timings: { check: Math.round(performance.now() - started) } };
}

/** The size of a file, or -1 when there is none. */
export function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return -1;
  }
}

/**
 * The quick check before a cached build: one line per input file (path, size, mtime). When every
 * input reads the same as after the last build, no article has become due, and the output folder
 * still holds what that build wrote, there is nothing to do — not even loading the cache.
 */
interface Manifest {
  key: string;
  inputs: string;
  /** The earliest date of an article not yet published (future-dated), or null. */
  nextPublish: number | null;
  out: string;
  files: [path: string, size: number][];
  pages: number;
  warnings: Problem[];
}

/**
 * One line per input file: size, mtime and ctime. The ctime cannot be set back by a program (an
 * edit that keeps the size and restores the mtime still changes it); a copy of the site changes
 * it too, which costs one full check, not a wrong result. Linked folders are walked, as the build
 * follows them.
 */
function stampInputs(dirs: string[], files: string[], stats?: Map<string, Stats>): string {
  const lines: string[] = [];
  const walking = new Set<string>();
  const add = (abs: string) => {
    try {
      const st = statSync(abs);
      if (st.isDirectory()) return void walk(abs);
      stats?.set(abs, st);
      lines.push(`${abs} ${st.size} ${st.mtimeMs} ${st.ctimeMs}`);
    } catch {
      lines.push(`${abs} -`);
    }
  };
  // walkFiles hands over links to folders as files: `add` walks them, once per folder on the way down.
  const walk = (dir: string) => {
    let real: string;
    try {
      real = realpathSync(dir);
    } catch {
      return;
    }
    if (walking.has(real)) return void lines.push(`${dir} loop`);
    walking.add(real);
    walkFiles(dir, add);
    walking.delete(real);
  };
  for (const d of dirs) walk(d);
  for (const f of files) add(f);
  return lines.join('\n');
}

function loadManifest(root: string): Manifest | null {
  try {
    // The first line is the SHA-1 of the rest: a manifest edited or damaged is not trusted.
    const text = readFileSync(join(root, CACHE_DIR, MANIFEST_FILE), 'utf8');
    const cut = text.indexOf('\n');
    if (cut < 0 || hash(text.slice(cut + 1)) !== text.slice(0, cut)) return null;
    const m = JSON.parse(text.slice(cut + 1)) as Manifest;
    return typeof m.key === 'string' && typeof m.inputs === 'string' && Array.isArray(m.files) ? m : null;
  } catch {
    return null;
  }
}

export function saveManifest(root: string, manifest: Manifest): void {
  mkdirSync(join(root, CACHE_DIR), { recursive: true });
  const tmp = join(root, CACHE_DIR, `${MANIFEST_FILE}.${process.pid}.tmp`);
  const body = JSON.stringify(manifest);
  writeFileSync(tmp, `${hash(body)}\n${body}`);
  renameSync(tmp, join(root, CACHE_DIR, MANIFEST_FILE));
}
