// `bantin build`: the quick up-to-date check, the plan, rendering (on threads when it pays), writing
// into a staging folder, and the swap or journaled move into the output folder.
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { OUTPUT_MARKER } from '../base/out-dir.js';
import { CACHE_DIR, forgetCache, loadBuildCache, lockCache, saveBuildCache } from './build-cache.js';
import { hash } from '../base/hash.js';
import { newCache } from '../plan/cache.js';
import { planSite, type GenerateOptions } from '../plan/plan-site.js';
import { BUILD_ID } from '../base/install.js';
import type { OutputGroup } from '../plan/output-groups.js';
import { BuildFailure, ProblemList } from '../base/problems.js';
import { problemText, say } from '../base/messages/index.js';
import { PoolProblem, renderInThreads, renderThreads } from '../render/pool.js';
import { checkOutputFolder, openStaging, recoverOutput, type Staging } from '../write/staging.js';
import { writeGroups, type Written } from './write-groups.js';
import { scratchBodyStore } from '../markdown/body-store.js';
import type { Problem } from '../base/types.js';
import type { BuildOptions, BuildResult } from './options.js';
import { keyOf, saveManifest, sizeOf, upToDate, type Inputs } from './up-to-date.js';

/** Plans the site, then writes every output into a staging folder that replaces `out` at the end. */
export function build(options: BuildOptions): BuildResult {
  const quick = upToDate(options);
  if (!('stamp' in quick)) return quick;
  const run = start(options, quick);
  if (!run.staging) return unchanged(run);
  return finish(run, () => writeOnThisThread(run));
}

/** The same build, with pages rendered on worker threads when there are enough of them to gain. */
export async function buildInParallel(options: BuildOptions): Promise<BuildResult> {
  const quick = upToDate(options);
  if (!('stamp' in quick)) return quick;
  const run = start(options, quick);
  if (!run.staging) return unchanged(run);
  const { plan, staging } = run;
  const pages = run.fresh.filter(isPage);
  const threads = renderThreads(pages.length);
  if (threads === 0) return finish(run, () => writeOnThisThread(run));
  for (const g of pages) run.written.set(g.job!.file.toLowerCase(), { id: g.id, path: g.job!.file });
  const started = performance.now();
  run.bodies.flush();
  const stop = new AbortController();
  const rendering = renderInThreads({ ...plan.render, dir: staging.dir }, pages.map((g) => g.job!), threads, stop.signal);
  // Keep the rejection from going unhandled while the main thread writes the other outputs.
  rendering.catch(() => {});
  return finish(run, () => {
    let files: number;
    try {
      files = reuseFiles(run) + writeGroups(run.fresh.filter((g) => !isPage(g)), staging, plan.timings, run.written, keepSame(run));
    } catch (err) {
      // The staging folder goes only once no thread writes into it any more.
      stop.abort();
      return rendering.then(() => Promise.reject(err), () => Promise.reject(err));
    }
    return rendering.then((rendered) => {
      plan.timings.render = Math.round(performance.now() - started);
      return files + rendered;
    });
  });
}

type Run = ReturnType<typeof start>;

/** Page groups are the ones render threads can take (they have a `job`). */
const isPage = (g: OutputGroup) => g.id.startsWith('page:');

function writeOnThisThread(run: Run): number {
  return reuseFiles(run) + writeGroups(run.fresh, run.staging!, run.plan.timings, run.written, keepSame(run));
}

/** `inputs`: the input stamps `upToDate` took, saved for the next build's check. */
function start(options: BuildOptions, inputs: Inputs) {
  const root = resolve(options.root);
  const out = resolve(options.out ?? join(root, 'dist'));
  const problems = new ProblemList();
  // Before the cache's lock makes ROOT/.bantin/: a mistyped --root must not become a new, empty site.
  if (!statSync(root, { throwIfNoEntry: false })?.isDirectory()) problems.error(null, ...say('site-folder-missing', { root }));
  problems.throwIfErrors();
  checkOutputFolder(root, out, problems);
  problems.throwIfErrors();
  // A build that died mid-swap or mid-move is put right first: then `out` is no longer what the
  // cache recorded of it, and nothing in it is reused.
  const recovered = recoverOutput(out);
  const t0 = performance.now();
  const unlock = options.cache ? lockCache(root) : null;
  const cache = unlock ? loadBuildCache(root, BUILD_ID) : null;
  if (cache && recovered) cache.out = '';
  const cacheMs = performance.now() - t0;
  const bodies = cache ? { store: cache.generate.bodies, remove: () => {} } : scratchBodyStore(out);
  /** Closes the body store once nothing reads it; an uncached build's store goes with it. */
  const release = () => {
    (cache?.generate.bodies ?? bodies.store).close();
    bodies.remove();
    unlock?.();
  };
  try {
    return { ...prepare(), release, bodies: bodies.store };
  } catch (err) {
    release();
    throw err;
  }

  function prepare() {
    const plan = planSite({ ...options, root, out }, cache?.generate ?? newCache(bodies.store), inputs.stats);
    inputs.stats.clear();
    if (cache) plan.timings.cache = Math.round(cacheMs);
    if (options.cache && !unlock) {
      plan.warnings.push({
        severity: 'warning', file: null, ...problemText('cache-locked', { dir: CACHE_DIR }),
      });
    }
    const started = performance.now();
    // Working out every page's fingerprint is most of this step: when the site's structure is the
    // last build's, a page that shows no changed article keeps the fingerprint it had.
    const sameStructure = !!cache && cache.structure === plan.structure();
    const fingerprints = new Map(cache ? plan.groups.map((g) => {
      const last = sameStructure && g.showsChanged?.() === false ? cache.outputs.get(g.id)?.fingerprint : undefined;
      return [g.id, last ?? hash(g.fingerprint)];
    }) : []);
    // A group is reused when its fingerprint is the last build's and its files are still in `out`.
    const reuse = cache && cache.out === out ? plan.groups.filter((g) => {
      const last = cache.outputs.get(g.id);
      return last && last.fingerprint === fingerprints.get(g.id) && last.files.every(([path, size]) => sizeOf(join(out, path)) === size);
    }) : [];
    const reused = new Set(reuse);
    // Nothing renders a reused page: its context (at 100,000 articles, a hundred megabytes in all) can go now.
    for (const g of reuse) g.release?.();
    const fresh = plan.groups.filter((g) => !reused.has(g));
    const same = fresh.length === 0 && cache!.outputs.size === plan.groups.length;
    // With the last build's record of `out`, only changed files are staged and moved into place.
    // Not when the folder is gone (a CI run that restored .bantin/ alone): groups with no files are
    // "reused" then too, and the folder must be made whole, with its marker.
    const incremental = !!cache && cache.out === out && reuse.length > 0 && existsSync(join(out, OUTPUT_MARKER));
    plan.timings.compare = Math.round(performance.now() - started);
    const written: Written = new Map();
    // What the last build wrote where, to leave a regenerated file alone when its bytes are the same.
    const previous = new Map<string, { size: number; digest?: string }>();
    if (incremental) for (const o of cache!.outputs.values()) for (const [path, size, digest] of o.files) previous.set(path, { size, digest });
    const staging: Staging | null = same ? null : openStaging(out);
    return { previous, root, out, options, inputs, plan, cache, fingerprints, reuse, fresh, written, incremental, staging };
  }
}

/** Nothing changed since the last build: the output folder is already right, so nothing is written. */
function unchanged(run: Run): BuildResult {
  const { plan, out } = run;
  try {
    if (run.cache?.generate.dirty) saveBuildCache(run.root, BUILD_ID, run.cache);
    if (run.cache) saveRunManifest(run, [...run.cache.outputs.values()].flatMap((o) => o.files));
  } finally {
    run.release();
  }
  return { out, pages: plan.groups.filter(isPage).length, files: 0, reused: reusedCount(run), warnings: plan.warnings, timings: plan.timings };
}

/** Output files taken from the last build: those of unchanged groups, and regenerated ones with the same bytes. */
function reusedCount(run: Run): number {
  let n = run.reuse.reduce((sum, g) => sum + run.cache!.outputs.get(g.id)!.files.length, 0);
  for (const w of run.written.values()) if (w.kept) n++;
  return n;
}

/** Links the unchanged groups' files from the previous output into the staging folder. */
function reuseFiles(run: Run): number {
  const started = performance.now();
  let n = 0;
  for (const group of run.reuse) {
    for (const [path] of run.cache!.outputs.get(group.id)!.files) {
      if (!run.incremental) run.staging!.reuse(path, join(run.out, path));
      run.written.set(path.toLowerCase(), { id: group.id, path });
      n++;
    }
  }
  run.plan.timings.reuse = Math.round(performance.now() - started);
  return n;
}

/**
 * In an incremental build, a file whose new bytes equal what the output folder already holds is
 * not written or moved (a search shard that one edit did not touch, say).
 */
function keepSame(run: Run): ((path: string, digest: string) => boolean) | null {
  if (!run.cache) return null;
  return (path, digest) => {
    if (!run.incremental) return false;
    const last = run.previous.get(path);
    return !!last && last.digest === digest && sizeOf(join(run.out, path)) === last.size;
  };
}

/** Records which files each group wrote, for the next build to reuse. */
function remember(run: Run): void {
  if (!run.cache) return;
  const started = performance.now();
  const outputs = new Map<string, { fingerprint: string; files: [string, number, string?][] }>();
  const byGroup = new Map<string, { path: string; digest?: string }[]>();
  for (const w of run.written.values()) {
    let list = byGroup.get(w.id);
    if (!list) byGroup.set(w.id, (list = []));
    list.push(w);
  }
  const reused = new Set(run.reuse.map((g) => g.id));
  for (const group of run.plan.groups) {
    // A reused group's files were checked against the record before the build: take it as it is.
    const files = reused.has(group.id) ? run.cache.outputs.get(group.id)!.files
      : (byGroup.get(group.id) ?? []).map((w): [string, number, string?] => [w.path, sizeOf(join(run.out, w.path)), w.digest ?? run.previous.get(w.path)?.digest]);
    outputs.set(group.id, { fingerprint: run.fingerprints.get(group.id)!, files });
  }
  run.cache.generate.dirty = false;
  saveBuildCache(run.root, BUILD_ID, { generate: run.cache.generate, out: run.out, outputs, structure: run.plan.structure() });
  saveRunManifest(run, [...outputs.values()].flatMap((o) => o.files));
  run.plan.timings.save = Math.round(performance.now() - started);
}

function saveRunManifest(run: Run, files: [string, number, string?][]): void {
  saveManifest(run.root, {
    key: keyOf(run.options, run.out), inputs: run.inputs.stamp, nextPublish: run.plan.nextPublish, out: run.out, files: files.map(([p, size]) => [p, size]),
    pages: run.plan.groups.filter(isPage).length, warnings: run.plan.warnings,
  });
}

/** Runs the writing step, then swaps the staging folder in; any failure leaves `out` untouched. */
function finish<T extends number | Promise<number>>(run: Run, write: () => T): T extends number ? BuildResult : Promise<BuildResult>;
function finish(run: Run, write: () => number | Promise<number>): BuildResult | Promise<BuildResult> {
  const { plan, out } = run;
  const staging = run.staging!;
  const abort = () => {
    staging.abort();
    process.exit(130);
  };
  const cleanup = () => void process.off('SIGINT', abort).off('SIGTERM', abort);
  const release = <T>(value: T) => {
    run.release();
    return value;
  };
  const done = (files: number): BuildResult => {
    const started = performance.now();
    if (run.incremental) {
      const reused = new Set(run.reuse.map((g) => g.id));
      const moved = [...run.written.values()].filter((w) => !reused.has(w.id) && !w.kept).map((w) => w.path);
      const now = new Set([...run.written.keys()]);
      const removed = [...run.cache!.outputs.values()].flatMap((o) => o.files.map(([p]) => p)).filter((p) => !now.has(p.toLowerCase()));
      staging.applyInto(moved, removed);
    } else staging.commit({ background: !!run.options.backgroundCleanup });
    plan.timings.commit = Math.round(performance.now() - started);
    try {
      remember(run);
    } catch (err) {
      // The output folder is already the new one: say so, and that the next build starts afresh.
      forgetCache(run.root);
      plan.warnings.push({
        severity: 'warning', file: join(run.root, CACHE_DIR), ...problemText('cache-not-saved', { reason: (err as NodeJS.ErrnoException).code ?? (err as Error).message }),
      });
    }
    return { out, pages: plan.groups.filter(isPage).length, files, reused: reusedCount(run), warnings: plan.warnings, timings: plan.timings };
  };
  const fail = (err: unknown): never => {
    run.release();
    staging.abort();
    throw err instanceof PoolProblem ? new BuildFailure([err.problem]) : err;
  };
  // Handlers only while waiting for render threads: synchronous work cannot run a handler until it
  // is over, so there the default action (the process ends at once) is what stops a build, and the
  // next build clears the staging folder it left.
  const watch = () => void process.once('SIGINT', abort).once('SIGTERM', abort);
  let result: number | Promise<number>;
  try {
    result = write();
  } catch (err) {
    return fail(err);
  }
  if (typeof result === 'number') {
    try {
      return release(done(result));
    } catch (err) {
      return fail(err);
    }
  }
  watch();
  return result.then(done).then(release).catch(fail).finally(cleanup);
}
