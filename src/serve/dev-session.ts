// The dev server's site in memory: rebuilds after each change, rendering only what it affects.
import { applyArticleEdit } from './article-edit.js';
import { newCache } from '../plan/cache.js';
import { planSiteSteps, type GenerateOptions, type SitePlan } from '../plan/plan-site.js';
import type { OutputGroup } from '../plan/output-groups.js';
import { produce } from '../build/write-groups.js';
import { finishSteps } from '../base/steps.js';
import { BuildFailure } from '../base/problems.js';
import type { OutputFile, Problem } from '../base/types.js';

export interface RebuildResult {
  ok: boolean;
  /** Output paths written, changed or removed by this rebuild. */
  changed: string[];
  /** Output groups produced again (pages rendered, files copied). */
  produced: number;
  /** False when an article edit was applied without planning the site again (see article-edit.ts). */
  planned: boolean;
  ms: number;
  problems: Problem[];
}

/** Groups that take long and that no open page needs at once: produced after the reload. */
const DEFERRABLE = new Set(['search', 'feeds', 'sitemap']);

/**
 * How long the deferred part works before it lets the event loop through (a save, a page
 * request): it runs as steps, the plan one of them, and a save between two steps abandons it.
 */
const SLICE_MS = 10;

/** What a rebuild, or the deferred part of one, has done so far. */
interface Tally {
  changed: string[];
  produced: number;
}

/** The deferred part of a rebuild: steps that yield between them, and what they did. */
interface Deferred {
  steps: Generator<void, boolean>;
  tally: Tally;
  ran: number;
}

/**
 * The dev server's build: the site lives in memory, and each rebuild re-produces only the output
 * groups whose fingerprint changed. A failed rebuild keeps the last good output. `sliceMs`: how
 * long a step of the deferred part produces groups (0: one group a step, as tests step through it).
 */
export function createDevSession(options: GenerateOptions, { sliceMs = SLICE_MS } = {}) {
  const cache = newCache();
  const files = new Map<string, Uint8Array>();
  const groups = new Map<string, { fingerprint: string; paths: string[] }>();
  let problems: Problem[] = [];
  let deferred: Deferred | null = null;
  let last: SitePlan | null = null;
  // Deferred parts abandoned midway, and the paths they changed that no event has named yet.
  let interrupted = 0;
  let unreported: string[] = [];

  /**
   * Brings the in-memory site up to date. With `defer`, the search index, feeds and sitemap are
   * left for the deferred part (`stepDeferred()`, `finishDeferred()`), so pages can reload first;
   * and when `paths` (the files that changed) is one article whose edit keeps the site's shape,
   * only the pages showing it are rendered before that.
   */
  function rebuild({ defer = false, paths = [] as string[] } = {}): RebuildResult {
    const edited = new Set(paths);
    const quickEdit = defer && edited.size === 1 && last !== null && !problems.some((p) => p.severity === 'error');
    // A deferring rebuild supersedes what the last one left for later, even midway: its own
    // deferred part covers both (the plan's search index, feeds and sitemap, or after a quick edit
    // a whole rebuild), and the files it serves are compared with what is served now. Running the
    // old part first made a save that came soon after the last one wait for it.
    if (defer) supersede();
    else finishDeferred();
    const started = performance.now();
    const tally: Tally = { changed: unreported, produced: 0 };
    unreported = [];
    const result = (ok: boolean, planned: boolean): RebuildResult => {
      // A failed rebuild names no change (the last good output stays); what it did is named later.
      if (!ok) unreported = tally.changed;
      return { ok, changed: ok ? [...new Set(tally.changed)] : [], produced: tally.produced, planned, ms: performance.now() - started, problems };
    };
    try {
      const quick = quickEdit ? applyArticleEdit(last!, cache, [...edited][0]) : null;
      if (quick) {
        for (const group of quick) update(group, null, tally);
        const rest: Tally = { changed: [], produced: 0 };
        deferred = { steps: planAndProduce(false, rest), tally: rest, ran: 0 };
        return result(true, false);
      }
    } catch (err) {
      failed(err);
      return result(false, true);
    }
    return result(finishSteps(planAndProduce(defer, tally)), true);
  }

  /**
   * Plans the site and produces each group whose fingerprint changed (with `defer`, all but
   * DEFERRABLE, which it leaves as the deferred part), yielding between steps. Each step leaves
   * `files` and `groups` consistent: a group is produced whole, and the groups it has not reached
   * keep their last fingerprint, so the next plan produces them when they differ. Returns false
   * when the build failed (`problems` says why; the last good output stays).
   */
  function* planAndProduce(defer: boolean, tally: Tally): Generator<void, boolean> {
    try {
      const plan = yield* planSiteSteps({ ...options, now: options.now ?? Date.now() }, cache);
      last = plan;
      problems = plan.warnings;
      yield;
      const live = new Set(plan.groups.map((g) => g.id));
      const later = plan.groups.filter((g) => defer && DEFERRABLE.has(g.id));
      let since = performance.now();
      for (const group of plan.groups) {
        if (later.includes(group)) continue;
        yield* updateSteps(group, group.fingerprint, tally);
        if (performance.now() - since >= sliceMs) {
          yield;
          since = performance.now();
        }
      }
      for (const [id, g] of groups) {
        if (live.has(id)) continue;
        groups.delete(id);
        for (const p of g.paths) if (!isProducedBy(groups, p)) drop(p, tally);
      }
      if (later.length) {
        const rest: Tally = { changed: [], produced: 0 };
        deferred = { steps: produceEach(later, rest), tally: rest, ran: 0 };
      }
      return true;
    } catch (err) {
      failed(err);
      return false;
    }
  }

  /** A BuildFailure's problems become the session's (the last good output stays); any other error is thrown on. */
  function failed(err: unknown): void {
    if (!(err instanceof BuildFailure)) throw err;
    problems = err.problems;
    last = null;
  }

  /** The deferred part of a re-planning rebuild: the search index, feeds and sitemap, one a step. */
  function* produceEach(later: OutputGroup[], tally: Tally): Generator<void, boolean> {
    for (const [i, group] of later.entries()) {
      if (i > 0) yield;
      yield* updateSteps(group, group.fingerprint, tally);
    }
    return true;
  }

  /**
   * update() for a group that can be produced in steps (the search index): a step ends every
   * `sliceMs`. Its files are served together once all are made, so a part dropped midway changes nothing.
   */
  function* updateSteps(group: OutputGroup, fingerprint: string, tally: Tally): Generator<void> {
    if (isCurrent(group, fingerprint)) return;
    if (!group.produceSteps) return update(group, fingerprint, tally);
    const out: OutputFile[] = [];
    let since = performance.now();
    for (const file of group.produceSteps()) {
      if (file) out.push(file);
      if (performance.now() - since >= sliceMs) {
        yield;
        since = performance.now();
      }
    }
    apply(group, fingerprint, out, tally);
  }

  function drop(path: string, tally: Tally): void {
    if (files.delete(path)) tally.changed.push(path);
  }

  /** Whether the group's files served now were made from this fingerprint (null: never taken as so). */
  function isCurrent(group: OutputGroup, fingerprint: string | null): boolean {
    return fingerprint !== null && groups.get(group.id)?.fingerprint === fingerprint;
  }

  function update(group: OutputGroup, fingerprint: string | null, tally: Tally): void {
    if (!isCurrent(group, fingerprint)) apply(group, fingerprint, produce(group), tally);
  }

  /** Serves a group's new files, and stops serving those it made last time and not now. */
  function apply(group: OutputGroup, fingerprint: string | null, out: OutputFile[], tally: Tally): void {
    const before = groups.get(group.id);
    tally.produced++;
    const written = out.map((f) => f.path);
    for (const f of out) {
      const content = typeof f.content === 'string' ? Buffer.from(f.content) : f.content;
      const old = files.get(f.path);
      if (!old || Buffer.compare(old, content) !== 0) tally.changed.push(f.path);
      files.set(f.path, content);
    }
    for (const p of before?.paths ?? []) if (!written.includes(p)) drop(p, tally);
    // Null: produced outside a plan's fingerprints, so the next plan produces it again.
    groups.set(group.id, { fingerprint: fingerprint ?? '', paths: written });
  }

  /** Drops the deferred part; what it changed is named by the next rebuild's result. */
  function supersede(): void {
    if (deferred && deferred.ran > 0) {
      interrupted++;
      unreported.push(...deferred.tally.changed);
    }
    deferred = null;
  }

  /**
   * Runs one step of the deferred part: null when there is none, else whether it is done and,
   * once it is, the paths it changed.
   */
  function stepDeferred(): { done: boolean; changed: string[] } | null {
    const part = deferred;
    if (!part) return null;
    part.ran++;
    const step = part.steps.next();
    if (!step.done) return { done: false, changed: [] };
    deferred = null;
    return { done: true, changed: [...new Set(part.tally.changed)] };
  }

  /** Produces what the last `rebuild({ defer: true })` left; returns the paths that changed. */
  function finishDeferred(): string[] {
    const changed: string[] = [];
    for (let step = stepDeferred(); step; step = stepDeferred()) changed.push(...step.changed);
    return [...new Set(changed)];
  }

  return {
    rebuild,
    stepDeferred,
    finishDeferred,
    files: files as ReadonlyMap<string, Uint8Array>,
    get problems() {
      return problems;
    },
    /** How many deferred parts a save abandoned midway (read by tests and BANTIN_DEBUG lines). */
    get interrupted() {
      return interrupted;
    },
  };
}

function isProducedBy(groups: Map<string, { paths: string[] }>, path: string): boolean {
  for (const g of groups.values()) if (g.paths.includes(path)) return true;
  return false;
}

export type DevSession = ReturnType<typeof createDevSession>;
