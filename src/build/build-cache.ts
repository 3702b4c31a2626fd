// The build cache in `.bantin/`: saving and loading what a site plan keeps between builds, and the
// lock that lets one cached build of a site run at a time.
import { randomUUID } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileBodyStore, type BodyStore } from '../markdown/body-store.js';
import { CACHE_FOLDER, isAlive } from '../base/out-dir.js';
import { crc32 } from 'node:zlib';
import { newCache, type GenerateCache } from '../plan/cache.js';
import { readParts, writeParts } from './cache-parts.js';

export const CACHE_DIR = CACHE_FOLDER;
const CACHE_FILE = 'build-cache.bin';
const FORMAT = 9;
export const MANIFEST_FILE = 'manifest.json';
/** Rendered bodies: `bodies-<random>.pack`, a new name whenever the file is written afresh. */
const PACK = /^bodies-[\w-]+\.pack$/;

/** What the last build left: its parse cache, and which output files each group wrote. */
export interface BuildCache {
  generate: GenerateCache;
  /** Output folder the `outputs` are in. */
  out: string;
  /** Per group: its fingerprint and files (with a content digest where the main thread wrote it). */
  outputs: Map<string, { fingerprint: string; files: [path: string, size: number, digest?: string][] }>;
  /** The site structure the `outputs` were made from (SitePlan.structure). */
  structure?: string;
}

type EntryOf<M> = M extends Map<string, infer E> ? E : never;
/** A markdown or keys entry as stored: its parse named by the file's content hash, not held. */
type Unlinked<E> = Omit<E, 'parsed'> & { parsed: string };

/**
 * What the cache file holds, a part per field (see writeParts). The markdown and keys entries
 * share their parses with `files` in memory; stored, each names its parse by content hash, so
 * that each map is a part of its own.
 */
interface Stored extends Omit<BuildCache, 'generate'> {
  format: number;
  version: string;
  root: string;
  files: GenerateCache['files'];
  copies: GenerateCache['copies'];
  markdown: Map<string, Unlinked<EntryOf<GenerateCache['markdown']>>>;
  keys: Map<string, Unlinked<EntryOf<GenerateCache['keys']>>>;
  search?: GenerateCache['search'];
  templateCode?: GenerateCache['templateCode'];
  /** The body store's file in CACHE_DIR, how many of its bytes the entries use, and a hash of each PACK_CHUNK of those. */
  bodies: { file: string; size: number; sums: number[] };
}

/**
 * The cache of the last build of this site by this version of bantin, or an empty one. A file
 * that does not read back as exactly what `saveBuildCache` writes is ignored, never trusted.
 */
export function loadBuildCache(root: string, version: string): BuildCache {
  const dir = join(root, CACHE_DIR);
  try {
    // Read no further than these first parts when another bantin or another folder made the file: at
    // 100,000 articles the rest takes seconds to read, after every upgrade.
    const stored = readParts(join(dir, CACHE_FILE), { format: FORMAT, version, root }) as unknown as Stored;
    if (stored.format === FORMAT && stored.version === version && stored.root === root && isCache(stored)) {
      if (!packIntact(join(dir, stored.bodies.file), stored.bodies)) throw new Error('damaged body store');  // allow-literal-message: internal: a damaged cache is thrown away and rebuilt
      const bodies = fileBodyStore(join(dir, stored.bodies.file), stored.bodies.size);
      packSums.set(bodies, stored.bodies);
      const { files, copies, search } = stored;
      const generate = { files, copies, markdown: relink(stored.markdown, files), keys: relink(stored.keys, files), search, templateCode: stored.templateCode instanceof Map ? stored.templateCode : undefined, bodies };
      return { generate, out: stored.out, outputs: stored.outputs, structure: typeof stored.structure === 'string' ? stored.structure : undefined };
    }
  } catch {
    // Corrupt, from another bantin, or its body store is gone or cut short: start afresh.
  }
  mkdirSync(dir, { recursive: true });
  return { generate: newCache(fileBodyStore(join(dir, newPackName()))), out: '', outputs: new Map() };
}

function isCache(c: Stored): boolean {
  return typeof c.out === 'string' && c.outputs instanceof Map && c.files instanceof Map && c.copies instanceof Map && c.markdown instanceof Map && c.keys instanceof Map
    && typeof c.bodies?.file === 'string' && PACK.test(c.bodies.file) && Number.isSafeInteger(c.bodies.size) && Array.isArray(c.bodies.sums) && c.bodies.sums.every(Number.isInteger);
}

/** Entries made from the parse `files` holds name it by its hash; others (from an older parse) by ''. */
function unlink<E extends { parsed: EntryOf<GenerateCache['files']>['article'] }>(map: Map<string, E>, files: GenerateCache['files']): Map<string, Unlinked<E>> {
  const out = new Map<string, Unlinked<E>>();
  for (const [path, entry] of map) {
    const parse = files.get(path);
    out.set(path, { ...entry, parsed: parse?.article && parse.article === entry.parsed ? parse.hash : '' });
  }
  return out;
}

/** The entries whose parse is the one `files` holds, pointing at it again; the rest are dropped. */
function relink<E extends { parsed: EntryOf<GenerateCache['files']>['article'] }>(map: Map<string, Unlinked<E>>, files: GenerateCache['files']): Map<string, E> {
  const out = new Map<string, E>();
  for (const [path, entry] of map) {
    const parse = files.get(path);
    if (parse?.article && entry.parsed !== '' && entry.parsed === parse.hash) out.set(path, { ...entry, parsed: parse.article } as E);
  }
  return out;
}

const newPackName = () => `bodies-${randomUUID()}.pack`;
const LOCK_FILE = 'lock';
/** Sites whose cache this process holds the lock of. */
const held = new Set<string>();

/**
 * One cached build of a site at a time: two would append to the same body store and each record
 * offsets the other overwrote. Returns the unlock function, or null when another build (another
 * process, or one still running in this one) holds the lock; a lock left by a process that died
 * is taken over.
 */
export function lockCache(root: string): (() => void) | null {
  const dir = join(root, CACHE_DIR);
  const path = join(dir, LOCK_FILE);
  if (held.has(root)) return null;
  mkdirSync(dir, { recursive: true });
  // Stryker disable next-line EqualityOperator,UpdateOperator: a third try differs only if another process makes the lock again between our removal and retry
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(path, String(process.pid), { flag: 'wx' });
      held.add(root);
      return () => {
        held.delete(root);
        rmSync(path, { force: true });
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') return null;
      let owner = NaN;
      try {
        owner = Number(readFileSync(path, 'utf8'));
      } catch { /* gone meanwhile: try again */ }
      // No id (a build died between making the file and writing it): 0 and below name process groups, always "alive".
      if (Number.isInteger(owner) && owner > 0 && isAlive(owner)) return null;
      rmSync(path, { force: true });
    }
  }
  return null;
}

/**
 * Written beside and renamed over the old file, so a build killed meanwhile leaves a readable
 * cache. The body store is written first: the saved cache points only at bytes already there.
 */
export function saveBuildCache(root: string, version: string, cache: BuildCache): void {
  const dir = join(root, CACHE_DIR);
  mkdirSync(dir, { recursive: true });
  const tmp = join(dir, `${CACHE_FILE}.${process.pid}.tmp`);
  compactBodies(dir, cache.generate);
  const { files, copies, markdown, keys, search, templateCode, bodies } = cache.generate;
  bodies.flush();
  const stored: Stored = {
    format: FORMAT, version, root, out: cache.out, structure: cache.structure, bodies: { file: basename(bodies.path!), size: bodies.size, sums: sumPack(bodies) },
    outputs: cache.outputs, files, copies, markdown: unlink(markdown, files), keys: unlink(keys, files), search, templateCode,
  };
  writeParts(tmp, stored);
  renameSync(tmp, join(dir, CACHE_FILE));
  writeFileSync(join(dir, '.gitignore'), '*\n');
  for (const name of readdirSync(dir)) if (PACK.test(name) && name !== stored.bodies.file) rmSync(join(dir, name), { force: true });
}

/** After a failed save: no cache at all, so the next build is a full one rather than one on a stale record. */
export function forgetCache(root: string): void {
  const dir = join(root, CACHE_DIR);
  for (const name of [CACHE_FILE, MANIFEST_FILE, `${CACHE_FILE}.${process.pid}.tmp`]) rmSync(join(dir, name), { force: true });
}

/**
 * A CRC-32 per PACK_CHUNK bytes of the body store: checked in full on load (a body read back wrong would be
 * published), worked out on save only for chunks written since (the store only appends after what it loaded).
 */
const PACK_CHUNK = 1 << 20;
const packSums = new WeakMap<BodyStore, { size: number; sums: number[] }>();

function chunkSums(path: string, from: number, size: number): number[] {
  const sums: number[] = [];
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.allocUnsafe(PACK_CHUNK);
    for (let at = from; at < size; at += PACK_CHUNK) {
      const bytes = Math.min(PACK_CHUNK, size - at);
      for (let done = 0; done < bytes;) {
        // Stryker disable next-line ArithmeticOperator: a regular file gives all the bytes asked for before its end, so `done` is 0 whenever this runs
        const n = readSync(fd, buf, done, bytes - done, at + done);
        if (n === 0) throw new Error(`${path} is cut short`);  // allow-literal-message: internal: the cache is rebuilt
        done += n;
      }
      sums.push(crc32(buf.subarray(0, bytes)));
    }
  } finally {
    closeSync(fd);
  }
  return sums;
}

function packIntact(path: string, bodies: Stored['bodies']): boolean {
  const sums = chunkSums(path, 0, bodies.size);
  return sums.length === bodies.sums.length && sums.every((s, i) => s === bodies.sums[i]);
}

function sumPack(store: BodyStore): number[] {
  const known = packSums.get(store) ?? { size: 0, sums: [] };
  // Whole chunks the store was loaded with are unchanged; a partial last one may have grown since.
  const keep = Math.floor(known.size / PACK_CHUNK);
  const sums = [...known.sums.slice(0, keep), ...chunkSums(store.path!, keep * PACK_CHUNK, store.size)];
  packSums.set(store, { size: store.size, sums });
  return sums;
}

/**
 * Edits leave superseded bodies behind in the store; once they outweigh the live ones, the live
 * ones are copied to a new file and the entries pointed there.
 */
function compactBodies(dir: string, cache: GenerateCache): void {
  let live = 0;
  for (const { result } of cache.markdown.values()) live += result.body[1] + result.body[2];
  if (cache.bodies.size <= 2 * live + (1 << 22)) return;
  const old = cache.bodies;
  const fresh = fileBodyStore(join(dir, newPackName()));
  for (const { result } of cache.markdown.values()) result.body = fresh.put(old.html(result.body), old.text(result.body));
  old.close();
  cache.bodies = fresh;
}
