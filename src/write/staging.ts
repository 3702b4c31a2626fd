// The staging folder beside the output folder: written whole, then swapped in, or moved in file by
// file under a journal, so a failed or interrupted build never leaves a half-built site.
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, realpathSync, renameSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, posix, sep } from 'node:path';
import { CONTENT_DIR } from '../load/files.js';
import { isAlive, isScratchInUse, safeOutputPath, STAGING_MARK, targetsIn } from '../base/out-dir.js';
import { TEMPLATES_DIR } from '../base/install.js';
import { BuildFailure, type ProblemList } from '../base/problems.js';

/**
 * A build writes into a staging folder beside the output folder and swaps it in only when
 * everything succeeded, so a failed or interrupted build leaves the previous output as it was
 * and stale files from earlier builds never linger.
 */
export interface Staging {
  readonly dir: string;
  write(path: string, content: string | Uint8Array): void;
  copy(path: string, from: string): void;
  /** Takes an unchanged file from the previous output: a hard link where the disk allows, else a copy. */
  reuse(path: string, from: string): void;
  /**
   * Replaces the output folder with the staging folder. With `background`, the previous output is
   * deleted by a separate process, so a large site's old files do not hold up the build.
   */
  commit(options?: { background?: boolean }): void;
  /**
   * Instead of `commit`: moves the staged files into the existing output folder one by one and
   * removes the given ones. A journal in the staging folder lets the next build finish the job if
   * this process dies halfway, so the output ends as either the old or the new site.
   */
  applyInto(files: string[], removed: string[]): void;
  /** Removes the staging folder; the output folder is untouched. */
  abort(): void;
}

export function openStaging(out: string): Staging {
  const parent = dirname(out);
  const name = basename(out);
  // Found before anything is written, so the message names the path and says what to do.
  const inTheWay = (path: string) => new BuildFailure([{
    severity: 'error', file: path, message: 'the output folder cannot go here: this path is a file, not a folder',
    hint: 'choose another --out folder, or move that file away',
  }]);
  if (existsSync(out) && !statSync(out).isDirectory()) throw inTheWay(out);
  try {
    mkdirSync(parent, { recursive: true });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'EEXIST' && code !== 'ENOTDIR') throw err;
    let blocker = parent;
    while (!existsSync(blocker) && dirname(blocker) !== blocker) blocker = dirname(blocker);
    throw inTheWay(blocker);
  }
  removeStale(parent, name);
  const dir = join(parent, `.${name}${STAGING_MARK}tmp-${process.pid}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir);
  const target = targetsIn(dir);

  return {
    dir,
    write: (path, content) => writeFileSync(target(path), content),
    copy: (path, from) => copyFileSync(from, target(path)),
    reuse(path, from) {
      const to = target(path);
      try {
        linkSync(from, to);
      } catch {
        copyFileSync(from, to);
      }
    },
    commit({ background = false } = {}) {
      const old = join(parent, `.${name}${STAGING_MARK}old-${process.pid}`);
      if (existsSync(out)) {
        if (!statSync(out).isDirectory()) throw new Error(`the output path ${out} is a file, not a folder`);
        renameSync(out, old);
      }
      renameSync(dir, out);
      if (!existsSync(old)) return;
      if (background && process.platform !== 'win32') spawn('rm', ['-rf', old], { detached: true, stdio: 'ignore' }).on('error', () => rmSync(old, { recursive: true, force: true })).unref();
      else rmSync(old, { recursive: true, force: true });
    },
    applyInto(files, removed) {
      const journal: Journal = { out, files: files.map(safeOutputPath), removed: removed.map(safeOutputPath) };
      writeFileSync(join(dir, JOURNAL), JSON.stringify(journal));
      // Signals wait until the moves are done: they take milliseconds, and a half-moved site would not.
      const hold = () => {};
      process.on('SIGINT', hold).on('SIGTERM', hold);
      try {
        rollForward(dir, journal);
      } finally {
        process.off('SIGINT', hold).off('SIGTERM', hold);
      }
    },
    abort() {
      // Render threads may still be writing into it (an interrupted build): whatever cannot be
      // removed now is removed by the next build (removeStale), so this never throws.
      try {
        rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
      } catch { /* left for the next build */ }
    },
  };
}

const JOURNAL = '.bantin-journal.json';

interface Journal {
  out: string;
  files: string[];
  removed: string[];
}

/** Applies a journal; safe to run again on a journal half applied. Removes the staging folder. */
function rollForward(dir: string, journal: Journal): void {
  const made = new Set<string>();
  for (const path of journal.files) {
    const from = join(dir, path);
    if (!existsSync(from)) continue;
    const to = join(journal.out, path);
    const folder = dirname(to);
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    renameSync(from, to);
  }
  for (const path of journal.removed) {
    rmSync(join(journal.out, path), { force: true });
    // A removed page leaves its folder empty: take the empty folders away too.
    for (let folder = posix.dirname(path); folder !== '.'; folder = posix.dirname(folder)) {
      try {
        rmdirSync(join(journal.out, folder));
      } catch {
        break;
      }
    }
  }
  rmSync(dir, { recursive: true, force: true });
}

/** Staging folders of builds that died (their process is gone) are removed on the next build. */
function removeStale(parent: string, name: string): void {
  const prefix = `.${name}${STAGING_MARK}`;
  for (const entry of readdirSync(parent)) {
    const m = entry.startsWith(prefix) ? /-(\d+)$/.exec(entry) : null;
    if (!m || isAlive(Number(m[1])) || isScratchInUse(join(parent, entry))) continue;
    // A build that died while moving files into the output folder: finish its moves first.
    const journal = join(parent, entry, JOURNAL);
    if (existsSync(journal)) rollForward(join(parent, entry), JSON.parse(readFileSync(journal, 'utf8')) as Journal);
    rmSync(join(parent, entry), { recursive: true, force: true });
  }
}

/** The output folder may not be the site itself, contain it, or sit inside its sources. */
export function checkOutputFolder(root: string, out: string, problems: ProblemList): void {
  const real = (p: string) => (existsSync(p) ? realpathSync(p) : p);
  const r = real(root);
  const o = existsSync(out) ? real(out) : join(real(dirname(out)), out.slice(dirname(out).length + 1));
  const inside = (child: string, parent: string) => child === parent || child.startsWith(parent.endsWith(sep) ? parent : parent + sep);
  if (inside(r, o)) problems.error(null, `the output folder ${out} is the site folder or contains it`, { hint: 'use --out dist (the default) or another folder' });
  else if (inside(o, join(r, CONTENT_DIR)) || inside(o, join(r, TEMPLATES_DIR))) problems.error(null, `the output folder ${out} is inside the site's sources`, { hint: 'use --out dist (the default)' });
  else if (isForeignFolder(o)) {
    // The output folder is replaced whole: never take a folder of someone's own files for one.
    problems.error(null, `the output folder ${out} holds files that bantin did not make`, { hint: 'choose an empty or new folder for --out, or empty that one yourself first' });
  }
}

/** A non-empty folder without the files every bantin build writes. */
function isForeignFolder(dir: string): boolean {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return false;
  }
  return names.length > 0 && !(names.includes('404.html') && names.includes('sitemap.xml'));
}
