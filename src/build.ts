import { existsSync, realpathSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { planSite, type GenerateOptions, type OutputGroup } from './generate.js';
import { CONTENT_DIR } from './load.js';
import { BuildFailure, ProblemList } from './problems.js';
import { TemplateError } from './render.js';
import { openStaging } from './write.js';
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
  const root = resolve(options.root);
  const out = resolve(options.out ?? join(root, 'dist'));
  const problems = new ProblemList();
  checkOutputFolder(root, out, problems);
  problems.throwIfErrors();

  const plan = planSite({ ...options, root });
  const timings = plan.timings;
  let started = performance.now();
  const staging = openStaging(out);
  const abort = () => {
    staging.abort();
    process.exit(130);
  };
  process.once('SIGINT', abort).once('SIGTERM', abort);
  let files = 0;
  try {
    const written = new Map<string, string>();
    for (const group of plan.groups) {
      for (const file of produce(group)) {
        claimProduced(written, file, group);
        staging.write(file.path, file.content);
        files++;
      }
    }
    timings.write = Math.round(performance.now() - started);
    started = performance.now();
    staging.commit();
    timings.commit = Math.round(performance.now() - started);
  } catch (err) {
    staging.abort();
    throw err;
  } finally {
    process.off('SIGINT', abort).off('SIGTERM', abort);
  }
  return { out, pages: plan.groups.filter((g) => g.id.startsWith('page:')).length, files, warnings: plan.warnings, timings };
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
