// The staging folder beside the output folder: written whole, then swapped in, or moved in file by
// file under a journal, so a failed or interrupted build never leaves a half-built site.
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, realpathSync, renameSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, posix, sep } from 'node:path';
import { CONTENT_DIR, DATA_DIR } from '../load/files.js';
import { CACHE_FOLDER, isAlive, isScratchInUse, MARKER_TEXT, OUTPUT_MARKER, safeOutputPath, STAGING_MARK, targetsIn } from '../base/out-dir.js';
import { TEMPLATES_DIR } from '../base/install.js';
import { BuildFailure, type ProblemList } from '../base/problems.js';
import { problemText, say } from '../base/messages/index.js';

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
    severity: 'error', file: path, ...problemText('out-is-file'),
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
  recoverOutput(out);
  const dir = join(parent, `.${name}${STAGING_MARK}tmp-${process.pid}`);
  // Stryker disable next-line ObjectLiteral,BooleanLiteral: recoverOutput has just removed it (this process's id counts as not alive): a safety net
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
      writeFileSync(join(dir, OUTPUT_MARKER), MARKER_TEXT);
      if (existsSync(out)) {
        // allow-literal-message: only a race with another program after the check in openStaging reaches it.
        if (!statSync(out).isDirectory()) throw new Error(`the output path ${out} is a file, not a folder`);
        renameSync(out, old);
        // Killed here, no output folder is left: the next build renames `old` back (recoverOutput).
        crashPoint('swap-between-renames');
      }
      renameSync(dir, out);
      if (!existsSync(old)) return;
      if (background && process.platform !== 'win32') spawn('rm', ['-rf', old], { detached: true, stdio: 'ignore' }).on('error', () => rmSync(old, { recursive: true, force: true })).unref();
      else rmSync(old, { recursive: true, force: true });
    },
    applyInto(files, removed) {
      const journal: Journal = { out, files: files.map(safeOutputPath), removed: removed.map(safeOutputPath) };
      writeFileSync(join(dir, JOURNAL), JSON.stringify(journal));
      // Signals wait until the moves are done (up to seconds for thousands of changed pages): a
      // half-moved site would otherwise stay until the next build. kill -9 cannot wait: see README.
      const hold = () => {};
      process.on('SIGINT', hold).on('SIGTERM', hold);
      try {
        rollForward(dir, out, journal);
      } finally {
        process.off('SIGINT', hold).off('SIGTERM', hold);
      }
    },
    abort() {
      // Render threads may still be writing into it (an interrupted build): whatever cannot be
      // removed now is removed by the next build (recoverOutput), so this never throws.
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

/** Applies a journal to `out`; safe to run again on a journal half applied. Removes the staging folder. */
function rollForward(dir: string, out: string, journal: Journal): void {
  const made = new Set<string>();
  for (const [i, path] of journal.files.entries()) {
    // The tests' stand-in for a kill -9 halfway through the moves.
    if (i === journal.files.length >> 1) crashPoint('journal-midway');
    const from = join(dir, path);
    if (!existsSync(from)) continue;
    const to = join(out, path);
    const folder = dirname(to);
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    renameSync(from, to);
  }
  for (const path of journal.removed) {
    rmSync(join(out, path), { force: true });
    // A removed page leaves its folder empty: take the empty folders away too.
    for (let folder = posix.dirname(path); folder !== '.'; folder = posix.dirname(folder)) {
      try {
        rmdirSync(join(out, folder));
      } catch {
        break;
      }
    }
  }
  rmSync(dir, { recursive: true, force: true });
}

/** A journal as left by `applyInto` for this very output folder, with every path inside it; else null. */
function readJournal(file: string, out: string): Journal | null {
  try {
    const j = JSON.parse(readFileSync(file, 'utf8')) as Journal;
    if (j.out !== out || !Array.isArray(j.files) || !Array.isArray(j.removed)) return null;
    for (const p of [...j.files, ...j.removed]) if (typeof p !== 'string' || safeOutputPath(p) !== p) return null;
    return j;
  } catch {
    return null;
  }
}

/** Folders and files beside `out` left by builds that died (their process is gone). */
export function leftovers(out: string): string[] {
  const prefix = `.${basename(out)}${STAGING_MARK}`;
  let names: string[];
  try {
    names = readdirSync(dirname(out));
  } catch {
    return [];
  }
  return names.filter((entry) => {
    const m = entry.startsWith(prefix) ? /-(\d+)$/.exec(entry) : null;
    return m && !isAlive(Number(m[1])) && !isScratchInUse(join(dirname(out), entry));
  }).map((entry) => join(dirname(out), entry));
}

/**
 * Puts right what a build that died left beside `out`, then removes it: an output folder renamed
 * away by a swap that did not finish is renamed back; a journaled move is finished, but only a
 * journal written for `out` with every path inside it (anything else is not bantin's to follow).
 * Returns true when the output folder may differ from what the build cache recorded of it.
 */
export function recoverOutput(out: string): boolean {
  let touched = false;
  for (const path of leftovers(out)) {
    try {
      if (!existsSync(out) && path.includes(`${STAGING_MARK}old-`)) {
        renameSync(path, out);
        touched = true;
        continue;
      }
      const journal = existsSync(join(path, JOURNAL)) ? readJournal(join(path, JOURNAL), out) : undefined;
      if (journal) rollForward(path, out, journal);
      touched ||= journal !== undefined;
      rmSync(path, { recursive: true, force: true });
    } catch (err) {
      // Another build, started at the same moment, got there first.
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
  }
  return touched;
}

/** Tests only: `BANTIN_TEST_CRASH_AT=<point>` kills the process there, as a power cut or kill -9 would. */
function crashPoint(point: string): void {
  if (process.env.BANTIN_TEST_CRASH_AT === point) process.kill(process.pid, 'SIGKILL');
}

/**
 * The output folder may not be the site itself, contain it, or sit inside its sources or build
 * cache (through symbolic links too); a folder that exists must be one bantin made (it holds
 * OUTPUT_MARKER), since it is replaced whole.
 */
export function checkOutputFolder(root: string, out: string, problems: ProblemList): void {
  const r = realPath(root);
  const o = realPath(out);
  const inside = (child: string, parent: string) => child === parent || child.startsWith(parent.endsWith(sep) ? parent : parent + sep);
  const sources = [CONTENT_DIR, TEMPLATES_DIR, DATA_DIR, CACHE_FOLDER].map((d) => realPath(join(r, d)));
  if (inside(r, o)) problems.error(null, ...say('out-contains-site', { out }));
  else if (sources.some((s) => inside(o, s))) problems.error(null, ...say(o !== out ? 'out-inside-sources-link' : 'out-inside-sources', { out, target: o }));
  // The output folder is replaced whole: never take a folder of someone's own files for one.
  else if (isForeignFolder(o)) problems.error(null, ...say('out-foreign', { out, marker: OUTPUT_MARKER }));
}

/** Where a path leads, symbolic links resolved, for the part of it that exists. */
function realPath(path: string): string {
  const rest: string[] = [];
  for (let p = path; ; p = dirname(p)) {
    try {
      return join(realpathSync(p), ...rest.reverse());
    } catch {
      if (dirname(p) === p) return path;
      rest.push(basename(p));
    }
  }
}

/** A non-empty folder without the marker every bantin build leaves. */
function isForeignFolder(dir: string): boolean {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return false;
  }
  return names.length > 0 && !names.includes(OUTPUT_MARKER);
}
