// A child process of `build --all`: builds the sites its parent sends over IPC, one at a time, each
// with its own cache and output folder, and answers with the outcome. Long-lived, so a workspace
// of hundreds of sites pays for starting Node and loading bantin once per process, not per site.
import { fileURLToPath } from 'node:url';
import { buildInParallel } from './build.js';
import { limitHeapGrowth } from './heap.js';
import { BuildFailure } from '../base/problems.js';
import { text } from '../base/messages/index.js';
import type { Problem } from '../base/types.js';
import type { SiteLayer } from '../load/workspace.js';

export interface SiteJob {
  name: string;
  root: string;
  out: string;
  layer: SiteLayer;
  drafts: boolean;
  strict: boolean;
  cache: boolean;
}

export interface SiteReply {
  name: string;
  ok: boolean;
  pages: number;
  errors: Problem[];
  warnings: Problem[];
}

export const crashed = (name: string, detail: string): Problem => ({ severity: 'error', file: null, message: text('ws-site-crashed', { detail, name }), code: 'ws-site-crashed', params: { detail, name } });

async function buildOne(job: SiteJob): Promise<SiteReply> {
  try {
    const r = await buildInParallel({ root: job.root, out: job.out, layer: job.layer, drafts: job.drafts, strict: job.strict, cache: job.cache, backgroundCleanup: true });
    return { name: job.name, ok: true, pages: r.pages, errors: [], warnings: r.warnings };
  } catch (err) {
    if (err instanceof BuildFailure) {
      return { name: job.name, ok: false, pages: 0, errors: err.problems.filter((p) => p.severity === 'error'), warnings: err.problems.filter((p) => p.severity !== 'error') };
    }
    const e = err as NodeJS.ErrnoException;
    return { name: job.name, ok: false, pages: 0, errors: [crashed(job.name, `${e.code ? `${e.code} ` : ''}${e.path ?? ''} ${e.message}`.trim())], warnings: [] };
  }
}

// Only as a forked child's main module: loaded by the parent for its types and `crashed`, it does nothing.
if (process.send && process.argv[1] === fileURLToPath(import.meta.url)) {
  limitHeapGrowth();
  process.on('message', (job: SiteJob) => void buildOne(job).then((reply) => process.send!(reply)));
}
