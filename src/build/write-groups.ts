// Producing output groups and putting their files where a build writes: each file claimed once
// (two sources wanting one path is an error), written to the staging folder or, when an
// incremental build finds the same bytes already in place, left alone.
import { hash } from '../base/hash.js';
import type { OutputGroup } from '../plan/output-groups.js';
import { BuildFailure } from '../base/problems.js';
import { problemText } from '../base/messages/index.js';
import { TemplateError } from '../render/render.js';
import type { Staging } from '../write/staging.js';
import type { OutputFile } from '../base/types.js';

/** Produces and writes groups on this thread; returns how many files were written. */
export function writeGroups(groups: OutputGroup[], staging: Staging, timings: Record<string, number>, written: Written, keep: ((path: string, digest: string) => boolean) | null = null): number {
  const spent: Record<string, number> = {};
  let writing = 0;
  let files = 0;
  for (const group of groups) {
    const kind = group.id.split(':')[0];
    let t0 = performance.now();
    // File by file: a lazy producer (the search index) makes the next one only once this is written.
    for (const file of produceEach(group)) {
      const t1 = performance.now();
      spent[kind] = (spent[kind] ?? 0) + (t1 - t0);
      claimProduced(written, file, group);
      const entry = written.get(file.path.toLowerCase())!;
      if (keep) entry.digest = hash(file.content);
      if (keep?.(file.path, entry.digest!)) entry.kept = true;
      else staging.write(file.path, file.content);
      files++;
      t0 = performance.now();
      writing += t0 - t1;
    }
    spent[kind] = (spent[kind] ?? 0) + (performance.now() - t0);
    group.release?.();
  }
  for (const [kind, ms] of Object.entries(spent)) timings[kind === 'page' ? 'render' : kind === 'file' ? 'copy' : kind] = Math.round(ms);
  timings.write = Math.round(writing);
  return files;
}

/** Runs a group's producer; a template failure becomes a reported problem. */
export function produce(group: OutputGroup): OutputFile[] {
  return [...produceEach(group)];
}

function* produceEach(group: OutputGroup): Generator<OutputFile> {
  try {
    yield* group.produce();
  } catch (err) {
    if (err instanceof TemplateError) throw new BuildFailure([err.problem]);
    throw err;
  }
}

/** Generated files (feeds, search shards) may not land on a path something else already took. */
export function claimProduced(written: Written, file: OutputFile, group: OutputGroup): void {
  const key = file.path.toLowerCase();
  const first = written.get(key)?.id;
  if (first !== undefined && first !== group.id) {
    throw new BuildFailure([{
      severity: 'error', file: group.source.startsWith('content/') ? group.source : null,
      ...problemText('output-file-taken', { path: file.path, first: first.replace(/^\w+:/, ''), second: group.source }),
    }]);
  }
  written.set(key, { id: group.id, path: file.path });
}

/** Output files by lower-cased path (hosts on Windows or macOS disks do not tell case apart). */
export type Written = Map<string, { id: string; path: string; digest?: string; kept?: boolean }>;
