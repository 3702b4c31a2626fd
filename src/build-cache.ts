import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { walkFiles } from './fingerprint.js';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { newCache, type GenerateCache } from './generate.js';
import type { Problem } from './types.js';

export const CACHE_DIR = '.bantin';
const CACHE_FILE = 'build-cache.bin';
const FORMAT = 2;

/** What the last build left: its parse cache, and which output files each group wrote. */
export interface BuildCache {
  generate: GenerateCache;
  /** Output folder the `outputs` are in. */
  out: string;
  /** Per group: its fingerprint and files (with a content digest where the main thread wrote it). */
  outputs: Map<string, { fingerprint: string; files: [path: string, size: number, digest?: string][] }>;
}

interface Stored extends BuildCache {
  format: number;
  version: string;
  root: string;
}

/**
 * The cache of the last build of this site by this version of bantin, or an empty one. A file
 * that does not read back as exactly what `saveBuildCache` writes is ignored, never trusted.
 */
export function loadBuildCache(root: string, version: string): BuildCache {
  try {
    const stored = deserialize(readFileSync(join(root, CACHE_DIR, CACHE_FILE))) as Stored;
    if (stored && stored.format === FORMAT && stored.version === version && stored.root === root && isCache(stored)) return stored;
  } catch {
    // Corrupt or from another bantin: start afresh.
  }
  return { generate: newCache(), out: '', outputs: new Map() };
}

function isCache(c: Stored): boolean {
  const g = c.generate;
  return typeof c.out === 'string' && c.outputs instanceof Map && !!g && g.files instanceof Map && g.markdown instanceof Map && g.keys instanceof Map;
}

/** Written beside and renamed over the old file, so a build killed meanwhile leaves a readable cache. */
export function saveBuildCache(root: string, version: string, cache: BuildCache): void {
  const dir = join(root, CACHE_DIR);
  mkdirSync(dir, { recursive: true });
  const tmp = join(dir, `${CACHE_FILE}.${process.pid}.tmp`);
  const { renderer, ...generate } = cache.generate;
  void renderer;
  const stored: Stored = { format: FORMAT, version, root, ...cache, generate };
  writeFileSync(tmp, serialize(stored));
  renameSync(tmp, join(dir, CACHE_FILE));
  writeFileSync(join(dir, '.gitignore'), '*\n');
}

/**
 * The quick check before a cached build: one line per input file (path, size, mtime). When every
 * input reads the same as after the last build, no article has become due, and the output folder
 * still holds what that build wrote, there is nothing to do — not even loading the cache.
 */
export interface Manifest {
  key: string;
  inputs: string;
  /** The earliest date of an article not yet published (future-dated), or null. */
  nextPublish: number | null;
  out: string;
  files: [path: string, size: number][];
  pages: number;
  warnings: Problem[];
}

const MANIFEST_FILE = 'manifest.json';

export function stampInputs(dirs: string[], files: string[]): string {
  const lines: string[] = [];
  const add = (abs: string) => {
    try {
      const st = statSync(abs);
      lines.push(`${abs} ${st.size} ${st.mtimeMs}`);
    } catch {
      lines.push(`${abs} -`);
    }
  };
  for (const d of dirs) walkFiles(d, add);
  for (const f of files) add(f);
  return lines.join('\n');
}

export function loadManifest(root: string): Manifest | null {
  try {
    const m = JSON.parse(readFileSync(join(root, CACHE_DIR, MANIFEST_FILE), 'utf8')) as Manifest;
    return typeof m.key === 'string' && typeof m.inputs === 'string' && Array.isArray(m.files) ? m : null;
  } catch {
    return null;
  }
}

export function saveManifest(root: string, manifest: Manifest): void {
  mkdirSync(join(root, CACHE_DIR), { recursive: true });
  const tmp = join(root, CACHE_DIR, `${MANIFEST_FILE}.${process.pid}.tmp`);
  writeFileSync(tmp, JSON.stringify(manifest));
  renameSync(tmp, join(root, CACHE_DIR, MANIFEST_FILE));
}
