import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, posix } from 'node:path';

/**
 * A build writes into a staging folder beside the output folder and swaps it in only when
 * everything succeeded, so a failed or interrupted build leaves the previous output as it was
 * and stale files from earlier builds never linger.
 */
export interface Staging {
  readonly dir: string;
  write(path: string, content: string | Uint8Array): void;
  copy(path: string, from: string): void;
  /** Replaces the output folder with the staging folder. */
  commit(): void;
  /** Removes the staging folder; the output folder is untouched. */
  abort(): void;
}

const STAGING_MARK = '.bantin-';

export function openStaging(out: string): Staging {
  const parent = dirname(out);
  const name = basename(out);
  mkdirSync(parent, { recursive: true });
  removeStale(parent, name);
  const dir = join(parent, `.${name}${STAGING_MARK}tmp-${process.pid}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir);
  const made = new Set<string>(['.']);

  function target(path: string): string {
    const safe = safeOutputPath(path);
    const folder = posix.dirname(safe);
    if (!made.has(folder)) {
      mkdirSync(join(dir, folder), { recursive: true });
      made.add(folder);
    }
    return join(dir, safe);
  }

  return {
    dir,
    write: (path, content) => writeFileSync(target(path), content),
    copy: (path, from) => copyFileSync(from, target(path)),
    commit() {
      const old = join(parent, `.${name}${STAGING_MARK}old-${process.pid}`);
      if (existsSync(out)) {
        if (!statSync(out).isDirectory()) throw new Error(`the output path ${out} is a file, not a folder`);
        renameSync(out, old);
      }
      renameSync(dir, out);
      rmSync(old, { recursive: true, force: true });
    },
    abort: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * Checks a path computed from slugs, file names or config before anything is written there:
 * relative, `/`-separated, no `..`, no NUL, no backslash. Throws on anything else.
 */
export function safeOutputPath(path: string): string {
  const normal = posix.normalize(path);
  if (!path || path.includes('\0') || path.includes('\\') || posix.isAbsolute(path) || normal.startsWith('../') || normal === '..' || normal !== path) {
    throw new Error(`refusing to write outside the output folder: ${JSON.stringify(path)}`);
  }
  return normal;
}

/** Staging folders of builds that died (their process is gone) are removed on the next build. */
function removeStale(parent: string, name: string): void {
  const prefix = `.${name}${STAGING_MARK}`;
  for (const entry of readdirSync(parent)) {
    const m = entry.startsWith(prefix) ? /-(\d+)$/.exec(entry) : null;
    if (m && !isAlive(Number(m[1]))) rmSync(join(parent, entry), { recursive: true, force: true });
  }
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
