// Render threads: pages rendered and written by workers when there are enough of them to gain.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { BodyRef } from '../markdown/body-store.js';
import type { Strings } from '../load/i18n.js';
import type { Problem, SiteConfig } from '../base/types.js';

/** Everything a render thread needs once: how to render, and where to write. */
export interface RenderSetup {
  root: string;
  templateDirs: string[];
  config: SiteConfig;
  strings: Strings;
  assetNames: [string, string][];
  /** The theme as the main thread compiled it: a thread need not compile it again. */
  templateCode: [string, string][];
  shell: unknown;
  /** The body store's file (articles' HTML and text), or null when it is in memory. */
  bodies: string | null;
  /** The staging folder pages are written into. */
  dir: string;
}

export interface RenderJob {
  file: string;
  template: string;
  context: Record<string, unknown>;
  /** For an article page: where its body is in the store (the context's article does not carry it). */
  body?: BodyRef;
}

/** A failure other than a template's: an error's message, and its code and path for a system error. */
export interface ThreadError { message: string; stack?: string; code?: string; path?: string; syscall?: string }

export type RenderReply = { ok: true; files: number } | { ok: false; files: number; problem?: Problem; error?: ThreadError };

/** Pages below this many are rendered on the main thread: starting threads would cost more. */
export const PARALLEL_THRESHOLD = 1500;

/** Below this many cores the threads did not pay in measurements (2 cores: 1.3× slower). */
const MIN_CORES = 4;

/**
 * How many render threads to start beside the main thread, which meanwhile builds the search index
 * and feeds: one per core but one, on machines with MIN_CORES or more. `BANTIN_JOBS=N` sets the
 * number of threads at work in all (1 = everything on the main thread).
 */
export function renderThreads(pages: number): number {
  const asked = Number(process.env.BANTIN_JOBS);
  if (Number.isInteger(asked) && asked >= 1) return asked - 1;
  const cores = availableParallelism();
  return pages < PARALLEL_THRESHOLD || cores < MIN_CORES ? 0 : Math.min(cores, 8) - 1;
}

/**
 * Renders jobs on `threads` workers. Each gets its share up front (every n-th page, so shares are
 * alike), which keeps the threads busy even while the main thread is busy with other outputs.
 * `stop` ends the workers early; the promise settles only once every worker has ended, so the
 * staging folder can then be removed without a worker writing into it again.
 */
export async function renderInThreads(setup: RenderSetup, jobs: RenderJob[], threads: number, stop?: AbortSignal): Promise<number> {
  if (jobs.some((j) => j.body) && setup.bodies === null) throw new Error('render threads need the article bodies in a file');  // allow-literal-message: internal: a bug if reached
  // Compiled code even under the tests, which run src/: a worker thread cannot load TypeScript.
  const url = new URL('../../lib/render/worker.js', import.meta.url);
  const workers = Array.from({ length: threads }, () => new Worker(url, { workerData: setup }));
  let written = 0;
  const end = () => void workers.map((w) => w.terminate());
  stop?.addEventListener('abort', end);
  try {
    await Promise.all(workers.map((worker, w) => new Promise<void>((done, fail) => {
      worker.once('message', (reply: RenderReply) => {
        written += reply.files;
        if (reply.ok) done();
        else fail(reply.problem ? new PoolProblem(reply.problem) : threadError(reply.error!));
      });
      worker.once('error', fail);
      worker.once('exit', () => fail(new Error('a render thread was stopped')));
      worker.postMessage(jobs.filter((_, i) => i % threads === w));
    })));
  } finally {
    stop?.removeEventListener('abort', end);
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return written;
}

/** A thread's error as the main thread's own would be: a system error keeps its code and path (the CLI explains those). */
function threadError(e: ThreadError): Error {
  const err = Object.assign(new Error(e.message), { code: e.code, path: e.path, syscall: e.syscall });
  if (e.stack) err.stack = e.stack;
  return err;
}

/** A template problem raised in a render thread. */
export class PoolProblem extends Error {
  constructor(readonly problem: Problem) {
    super(problem.message);
  }
}
