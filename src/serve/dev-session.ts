// The dev server's site in memory: rebuilds after each change, rendering only what it affects.
import { applyArticleEdit } from './article-edit.js';
import { newCache } from '../plan/cache.js';
import { planSite, type GenerateOptions, type SitePlan } from '../plan/plan-site.js';
import type { OutputGroup } from '../plan/output-groups.js';
import { produce } from '../build/write-groups.js';
import { BuildFailure } from '../base/problems.js';
import type { Problem } from '../base/types.js';

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
 * The dev server's build: the site lives in memory, and each rebuild re-produces only the output
 * groups whose fingerprint changed. A failed rebuild keeps the last good output.
 */
export function createDevSession(options: GenerateOptions) {
  const cache = newCache();
  const files = new Map<string, Uint8Array>();
  const groups = new Map<string, { fingerprint: string; paths: string[] }>();
  let problems: Problem[] = [];
  let deferred: (() => string[]) | null = null;
  let last: SitePlan | null = null;

  /**
   * Brings the in-memory site up to date. With `defer`, the search index, feeds and sitemap are
   * left for `finishDeferred()`, so pages can reload first; and when `paths` (the files that
   * changed) is one article whose edit keeps the site's shape, only the pages showing it are
   * rendered before that.
   */
  function rebuild({ defer = false, paths = [] as string[] } = {}): RebuildResult {
    const edited = new Set(paths);
    const quickEdit = defer && edited.size === 1 && last !== null && !problems.some((p) => p.severity === 'error');
    // A deferring rebuild supersedes what the last one left for later: its own deferred part covers
    // both (the plan's search index, feeds and sitemap, or after a quick edit a whole rebuild), and
    // the files it serves are compared with what is served now. Running the old part first made a
    // save that came soon after the last one wait for it.
    if (defer) deferred = null;
    else finishDeferred();
    const started = performance.now();
    const changed: string[] = [];
    let produced = 0;
    const drop = (path: string) => {
      if (files.delete(path)) changed.push(path);
    };
    const update = (group: OutputGroup, fingerprint: string | null) => {
      const before = groups.get(group.id);
      if (fingerprint !== null && before && before.fingerprint === fingerprint) return;
      const out = produce(group);
      produced++;
      const written = out.map((f) => f.path);
      for (const f of out) {
        const content = typeof f.content === 'string' ? Buffer.from(f.content) : f.content;
        const old = files.get(f.path);
        if (!old || Buffer.compare(old, content) !== 0) changed.push(f.path);
        files.set(f.path, content);
      }
      for (const p of before?.paths ?? []) if (!written.includes(p)) drop(p);
      // Null: produced outside a plan's fingerprints, so the next plan produces it again.
      groups.set(group.id, { fingerprint: fingerprint ?? '', paths: written });
    };
    try {
      const quick = quickEdit ? applyArticleEdit(last!, cache, [...edited][0]) : null;
      if (quick) {
        for (const group of quick) update(group, null);
        deferred = () => {
          deferred = null;
          return rebuild().changed;
        };
        return { ok: true, changed: [...changed], produced, planned: false, ms: performance.now() - started, problems };
      }
      const plan = planSite({ ...options, now: options.now ?? Date.now() }, cache);
      last = plan;
      const live = new Set(plan.groups.map((g) => g.id));
      const later = plan.groups.filter((g) => defer && DEFERRABLE.has(g.id));
      for (const group of plan.groups) if (!later.includes(group)) update(group, group.fingerprint);
      for (const [id, g] of groups) {
        if (live.has(id)) continue;
        groups.delete(id);
        for (const p of g.paths) if (!isProducedBy(groups, p)) drop(p);
      }
      problems = plan.warnings;
      if (later.length) {
        deferred = () => {
          deferred = null;
          changed.length = 0;
          for (const group of later) update(group, group.fingerprint);
          return [...changed];
        };
      }
      return { ok: true, changed: [...changed], produced, planned: true, ms: performance.now() - started, problems };
    } catch (err) {
      if (!(err instanceof BuildFailure)) throw err;
      problems = err.problems;
      last = null;
      return { ok: false, changed: [], produced, planned: true, ms: performance.now() - started, problems };
    }
  }

  /** Produces what the last `rebuild({ defer: true })` left; returns the paths that changed. */
  function finishDeferred(): string[] {
    return deferred ? deferred() : [];
  }

  return {
    rebuild,
    finishDeferred,
    files: files as ReadonlyMap<string, Uint8Array>,
    get problems() {
      return problems;
    },
  };
}

function isProducedBy(groups: Map<string, { paths: string[] }>, path: string): boolean {
  for (const g of groups.values()) if (g.paths.includes(path)) return true;
  return false;
}

export type DevSession = ReturnType<typeof createDevSession>;
