// Where bantin writes beside and inside an output folder: paths checked before any write, scratch
// files named like staging folders (so the next build removes a dead build's), and whose they are.
import { mkdirSync, rmSync } from 'node:fs';
import { basename, dirname, join, posix } from 'node:path';

/** Left in every output folder bantin writes: only a folder holding it is replaced by a build. */
export const OUTPUT_MARKER = '.bantin-output';
export const MARKER_TEXT = 'This folder is made by bantin: each build replaces it whole.\n';

/** The build cache's folder in the site (checked against --out here, used by build/build-cache). */
export const CACHE_FOLDER = '.bantin';

/** Staging folders and scratch files beside `dist` are named `.dist.bantin-<what>-<pid>`. */
export const STAGING_MARK = '.bantin-';

/**
 * Where output paths go in `dir` (a staging folder), their folders made on first use: shared by
 * the main thread and the threads that write into the same staging folder.
 */
export function targetsIn(dir: string): (path: string) => string {
  const made = new Set<string>(['.']);
  return (path) => {
    const safe = safeOutputPath(path);
    const folder = posix.dirname(safe);
    if (!made.has(folder)) {
      mkdirSync(join(dir, folder), { recursive: true });
      made.add(folder);
    }
    return join(dir, safe);
  };
}

/**
 * Checks a path computed from slugs, file names or config before anything is written there:
 * relative, `/`-separated, no `..`, no NUL, no backslash. Throws on anything else.
 */
export function safeOutputPath(path: string): string {
  const normal = posix.normalize(path);
  if (!path || path.includes('\0') || path.includes('\\') || posix.isAbsolute(path) || normal.startsWith('../') || normal === '..' || normal !== path) {
    throw new Error(`refusing to write outside the output folder: ${JSON.stringify(path)}`);  // allow-literal-message: internal: the guard of a bug
  }
  return normal;
}

/** Scratch files of builds running in this process, which `removeStale` must leave alone. */
const scratchInUse = new Set<string>();

/**
 * A file a build keeps beside its output folder while it runs (an uncached build's body store),
 * named like its staging folder so that, if the process dies, the next build removes it too.
 */
export function scratchFile(out: string, what: string): { path: string; remove(): void } {
  const path = join(dirname(out), `.${basename(out)}${STAGING_MARK}${what}-${process.pid}`);
  mkdirSync(dirname(out), { recursive: true });
  scratchInUse.add(path);
  return {
    path,
    remove() {
      scratchInUse.delete(path);
      rmSync(path, { force: true });
    },
  };
}

export const isScratchInUse = (path: string) => scratchInUse.has(path);

/** Whether another process with this id is running (this process's own id counts as not). */
export function isAlive(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
