// Which sites of a workspace a `build --all` run takes: `--only`, `--shard K/N` (a stable split
// balanced by article count) and `--changed-since REF` (sites whose files changed since a commit).
import { spawnSync } from 'node:child_process';
import { relative, sep } from 'node:path';
import { TEMPLATES_DIR } from '../base/install.js';
import { CONFIG_FILE } from '../load/config.js';
import { CACHE_FOLDER, STAGING_MARK } from '../base/out-dir.js';
import type { Workspace, WorkspaceSite } from '../load/workspace.js';

/** `K/N` with 1 ≤ K ≤ N, or null. */
export function parseShard(value: string): { k: number; n: number } | null {
  const m = /^(\d{1,4})\/(\d{1,4})$/.exec(value.trim());
  if (!m) return null;
  const [k, n] = [Number(m[1]), Number(m[2])];
  return k >= 1 && k <= n ? { k, n } : null;
}

/**
 * Splits sites into `n` shards of about equal work, where a site's work is its article count
 * (plus one, so empty sites still count): greedy longest-processing-time first. Sites are taken
 * heaviest first, ties by name; each goes to the shard with the least work so far, ties to the
 * lowest shard number. The result depends only on the names and counts, never on the order the
 * sites were listed in or the machine, so every CI job computes the same split on its own.
 * Returns the shard number (1..n) of each site name.
 */
export function assignShards(sites: { name: string; articles: number }[], n: number): Map<string, number> {
  const order = [...sites].sort((a, b) => b.articles - a.articles || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const load = new Array<number>(n).fill(0);
  const shardOf = new Map<string, number>();
  for (const site of order) {
    let best = 0;
    for (let i = 1; i < n; i++) if (load[i] < load[best]) best = i;
    load[best] += site.articles + 1;
    shardOf.set(site.name, best + 1);
  }
  return shardOf;
}

export class ChangedSinceError extends Error {}

/**
 * The sites whose files differ between the commit `ref` and the work tree (edits not yet committed
 * and new files not ignored by Git count too). A change to the shared templates/ or the root
 * bantin.yaml changes every site; a change elsewhere outside the site folders (docs, CI files)
 * changes none.
 */
export function changedSites(ws: Workspace, ref: string): WorkspaceSite[] {
  const git = (args: string[]) => {
    const r = spawnSync('git', args, { cwd: ws.root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    if (r.error) throw new ChangedSinceError(r.error.message);
    if (r.status !== 0) throw new ChangedSinceError((r.stderr.trim().split('\n')[0] || `git exited with ${r.status}`));
    return r.stdout.split('\0').filter(Boolean);
  };
  if (ref.startsWith('-')) throw new ChangedSinceError('not a commit name');
  // `--relative` gives paths from ws.root (the repository may hold more than the workspace); `--`
  // keeps a ref named like a file from being read as a path.
  const paths = [
    ...git(['diff', '--name-only', '-z', '--no-renames', '--relative', ref, '--']),
    ...git(['ls-files', '--others', '--exclude-standard', '-z']),
  ];
  const folders = ws.sites.map((s) => ({ site: s, prefix: `${relative(ws.root, s.dir).split(sep).join('/')}/` }));
  const hit = new Set<WorkspaceSite>();
  for (const path of paths) {
    // A restored build cache, or an output a site built alone left, is bantin's own, not a change.
    if (path.split('/').some((part) => part === CACHE_FOLDER || part.includes(STAGING_MARK)) || folders.some((f) => path.startsWith(`${f.prefix}dist/`))) continue;
    if (path === CONFIG_FILE || path.startsWith(`${TEMPLATES_DIR}/`)) return ws.sites;
    for (const { site, prefix } of folders) if (path.startsWith(prefix)) hit.add(site);
  }
  return ws.sites.filter((s) => hit.has(s));
}
