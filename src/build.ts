import { existsSync, realpathSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { planSite, type GenerateOptions, type OutputGroup, type SitePlan } from './generate.js';
import { CONTENT_DIR } from './load.js';
import { BuildFailure, ProblemList } from './problems.js';
import { TemplateError } from './render.js';
import { PoolProblem, renderInThreads, renderThreads } from './render-pool.js';
import { openStaging, type Staging } from './write.js';
import type { OutputFile, Problem } from './types.js';

export interface BuildOptions extends GenerateOptions {
  /** Default `<root>/dist`. */
  out?: string;
}

export interface BuildResult {
  out: string;
  pages: number;
  files: number;
  warnings: Problem[];
  timings: Record<string, number>;
}

/** Plans the site, then writes every output into a staging folder that replaces `out` at the end. */
export function build(options: BuildOptions): BuildResult {
  const { out, plan, staging } = start(options);
  return finish(out, plan, staging, () => writeGroups(plan.groups, staging, plan.timings, new Map()));
}

/** The same build, with pages rendered on worker threads when the site is large enough to gain. */
export async function buildInParallel(options: BuildOptions): Promise<BuildResult> {
  const { out, plan, staging } = start(options);
  const pages = plan.groups.filter((g) => g.job);
  const threads = renderThreads(pages.length);
  if (threads === 0) return finish(out, plan, staging, () => writeGroups(plan.groups, staging, plan.timings, new Map()));
  const written = new Map<string, string>(pages.map((g) => [g.job!.file.toLowerCase(), g.id]));
  const started = performance.now();
  const rendering = renderInThreads({ ...plan.render, dir: staging.dir }, pages.map((g) => g.job!), threads);
  // Keep the rejection from going unhandled while the main thread writes the other outputs.
  rendering.catch(() => {});
  return finish(out, plan, staging, () => {
    const files = writeGroups(plan.groups.filter((g) => !g.job), staging, plan.timings, written);
    return rendering.then((rendered) => {
      plan.timings.render = Math.round(performance.now() - started);
      return files + rendered;
    });
  });
}

function start(options: BuildOptions) {
  const root = resolve(options.root);
  const out = resolve(options.out ?? join(root, 'dist'));
  const problems = new ProblemList();
  checkOutputFolder(root, out, problems);
  problems.throwIfErrors();
  const plan = planSite({ ...options, root });
  return { out, plan, staging: openStaging(out) };
}

/** Runs the writing step, then swaps the staging folder in; any failure leaves `out` untouched. */
function finish<T extends number | Promise<number>>(out: string, plan: SitePlan, staging: Staging, write: () => T): T extends number ? BuildResult : Promise<BuildResult>;
function finish(out: string, plan: SitePlan, staging: Staging, write: () => number | Promise<number>): BuildResult | Promise<BuildResult> {
  const abort = () => {
    staging.abort();
    process.exit(130);
  };
  const cleanup = () => void process.off('SIGINT', abort).off('SIGTERM', abort);
  process.once('SIGINT', abort).once('SIGTERM', abort);
  const done = (files: number): BuildResult => {
    const started = performance.now();
    staging.commit();
    plan.timings.commit = Math.round(performance.now() - started);
    return { out, pages: plan.groups.filter((g) => g.job).length, files, warnings: plan.warnings, timings: plan.timings };
  };
  const fail = (err: unknown): never => {
    staging.abort();
    throw err instanceof PoolProblem ? new BuildFailure([err.problem]) : err;
  };
  let result: number | Promise<number>;
  try {
    result = write();
  } catch (err) {
    cleanup();
    return fail(err);
  }
  if (typeof result === 'number') {
    cleanup();
    try {
      return done(result);
    } catch (err) {
      return fail(err);
    }
  }
  return result.then(done, fail).finally(cleanup);
}

/** Produces and writes groups on this thread; returns how many files were written. */
function writeGroups(groups: OutputGroup[], staging: Staging, timings: Record<string, number>, written: Map<string, string>): number {
  const spent: Record<string, number> = {};
  let writing = 0;
  let files = 0;
  for (const group of groups) {
    const t0 = performance.now();
    const out = produce(group);
    const t1 = performance.now();
    const kind = group.id.slice(0, group.id.indexOf(':') + 1 || undefined).replace(/:$/, '');
    spent[kind] = (spent[kind] ?? 0) + (t1 - t0);
    for (const file of out) {
      claimProduced(written, file, group);
      staging.write(file.path, file.content);
      files++;
    }
    writing += performance.now() - t1;
  }
  for (const [kind, ms] of Object.entries(spent)) timings[kind === 'page' ? 'render' : kind === 'file' ? 'copy' : kind] = Math.round(ms);
  timings.write = Math.round(writing);
  return files;
}

/** Runs a group's producer; a template failure becomes a reported problem. */
export function produce(group: OutputGroup): OutputFile[] {
  try {
    return group.produce();
  } catch (err) {
    if (err instanceof TemplateError) throw new BuildFailure([err.problem]);
    throw err;
  }
}

/** Generated files (feeds, search shards) may not land on a path something else already took. */
export function claimProduced(written: Map<string, string>, file: OutputFile, group: OutputGroup): void {
  const key = file.path.toLowerCase();
  const first = written.get(key);
  if (first !== undefined && first !== group.id) {
    throw new BuildFailure([{
      severity: 'error', file: group.source.startsWith('content/') ? group.source : null,
      message: `two sources want the same output file /${file.path}: ${first.replace(/^\w+:/, '')} and ${group.source}`,
      hint: 'rename the file in content/ so it does not take a name bantin generates',
    }]);
  }
  written.set(key, group.id);
}

/** The output folder may not be the site itself, contain it, or sit inside its sources. */
function checkOutputFolder(root: string, out: string, problems: ProblemList): void {
  const real = (p: string) => (existsSync(p) ? realpathSync(p) : p);
  const r = real(root);
  const o = existsSync(out) ? real(out) : join(real(dirname(out)), out.slice(dirname(out).length + 1));
  const inside = (child: string, parent: string) => child === parent || child.startsWith(parent + sep);
  if (inside(r, o)) problems.error(null, `the output folder ${out} is the site folder or contains it`, { hint: 'use --out dist (the default) or another folder' });
  else if (inside(o, join(r, CONTENT_DIR)) || inside(o, join(r, 'templates'))) problems.error(null, `the output folder ${out} is inside the site's sources`, { hint: 'use --out dist (the default)' });
}
