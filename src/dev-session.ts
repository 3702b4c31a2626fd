import { planSite, newCache, type GenerateOptions } from './generate.js';
import { produce } from './build.js';
import { BuildFailure } from './problems.js';
import type { Problem } from './types.js';

export interface RebuildResult {
  ok: boolean;
  /** Output paths written, changed or removed by this rebuild. */
  changed: string[];
  /** Output groups produced again (pages rendered, files copied). */
  produced: number;
  ms: number;
  problems: Problem[];
}

/**
 * The dev server's build: the site lives in memory, and each rebuild re-produces only the output
 * groups whose fingerprint changed. A failed rebuild keeps the last good output.
 */
export function createDevSession(options: GenerateOptions) {
  const cache = newCache();
  const files = new Map<string, Uint8Array>();
  const groups = new Map<string, { fingerprint: string; paths: string[] }>();
  let problems: Problem[] = [];

  function rebuild(): RebuildResult {
    const started = performance.now();
    const changed: string[] = [];
    let produced = 0;
    try {
      const plan = planSite({ ...options, now: options.now ?? Date.now() }, cache);
      const live = new Set<string>();
      const next = new Map<string, { fingerprint: string; paths: string[] }>();
      for (const group of plan.groups) {
        live.add(group.id);
        const before = groups.get(group.id);
        if (before && before.fingerprint === group.fingerprint) {
          next.set(group.id, before);
          continue;
        }
        const out = produce(group);
        produced++;
        const paths = out.map((f) => f.path);
        for (const f of out) {
          const content = typeof f.content === 'string' ? Buffer.from(f.content) : f.content;
          const old = files.get(f.path);
          if (!old || Buffer.compare(old, content) !== 0) changed.push(f.path);
          files.set(f.path, content);
        }
        for (const p of before?.paths ?? []) if (!paths.includes(p)) drop(p);
        next.set(group.id, { fingerprint: group.fingerprint, paths });
      }
      for (const [id, g] of groups) if (!live.has(id)) for (const p of g.paths) if (!isProducedBy(next, p)) drop(p);
      groups.clear();
      for (const [id, g] of next) groups.set(id, g);
      problems = plan.warnings;
      return { ok: true, changed, produced, ms: performance.now() - started, problems };
    } catch (err) {
      if (!(err instanceof BuildFailure)) throw err;
      problems = err.problems;
      return { ok: false, changed: [], produced, ms: performance.now() - started, problems };
    }

    function drop(path: string) {
      if (files.delete(path)) changed.push(path);
    }
  }

  return {
    rebuild,
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
