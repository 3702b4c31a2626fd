// `bantin build --all`: every site of a workspace (or the share that --only, --shard and
// --changed-since pick), each in its own child process with its own cache, then one summary.
import { fork, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatProblem, ProblemList } from '../base/problems.js';
import { say as message, text, type Lang } from '../base/messages/index.js';
import type { Problem } from '../base/types.js';
import { articleCount, loadWorkspace, type Workspace, type WorkspaceSite } from '../load/workspace.js';
import { assignShards, changedSites, ChangedSinceError, parseShard } from './shards.js';
import { writeProvinceIndex } from './province-index.js';
import { crashed, type SiteJob, type SiteReply } from './site-worker.js';

export interface BuildAllOptions {
  root: string;
  /** Default `<root>/dist`; each site goes to `<out>/<name>/`. */
  out?: string;
  only?: string[];
  shard?: string;
  changedSince?: string;
  /** Child processes at once (default: the cores). */
  jobs?: number;
  drafts?: boolean;
  strict?: boolean;
  cache?: boolean;
  /** Only the province page, from the sites already in `out` (the publish job after the shards). */
  indexOnly?: boolean;
  /** Print the sites this run would build, one per line (or a JSON list), and build nothing. */
  list?: boolean;
  json?: boolean;
  lang: Lang;
}

export interface SiteOutcome {
  name: string;
  ok: boolean;
  pages: number;
  ms: number;
  errors: Problem[];
  warnings: Problem[];
}

/** The child processes' code (compiled: a child cannot load TypeScript). */
const WORKER = fileURLToPath(new URL('./site-worker.js', import.meta.url));

/** Runs the whole command; returns the exit code (1 when the workspace or any site failed). */
export async function buildAll(options: BuildAllOptions, say: { out: (line: string) => void; err: (line: string) => void }): Promise<number> {
  const started = performance.now();
  const { lang } = options;
  const problems = new ProblemList();
  const ws = loadWorkspace(options.root, problems);
  const fail = (list: Problem[]) => {
    for (const p of list) say.err(formatProblem(p, lang));
    return 1;
  };
  if (!ws) return fail([{ severity: 'error', file: null, message: text('ws-not-workspace', { root: resolve(options.root) }), code: 'ws-not-workspace', params: { root: resolve(options.root) } }]);
  const out = resolve(options.out ?? join(ws.root, 'dist'));
  checkOut(ws, out, problems);
  if (problems.items.some((p) => p.severity === 'error')) return fail(problems.items);
  for (const p of problems.items) say.err(formatProblem(p, lang));
  if (options.indexOnly) return indexStep(ws, out, options, say) ? 0 : 1;

  const picked = pickSites(ws, options);
  if ('error' in picked) return fail([picked.error]);
  if (options.list) {
    const names = picked.sites.map((s) => s.name);
    say.out(options.json ? JSON.stringify(names) : names.join('\n'));
    return 0;
  }
  const jobs = Math.max(1, Math.min(options.jobs ?? availableParallelism(), picked.sites.length || 1));
  const why = (options.shard ? text('ws-why-shard', { shard: options.shard }, lang) : '') + (options.changedSince ? text('ws-why-changed', { ref: options.changedSince }, lang) : '');
  if (!options.json) say.out(picked.sites.length ? text('ws-selected', { count: picked.sites.length, total: ws.sites.length, out, jobs, why }, lang) : text('ws-nothing', {}, lang));

  const outcomes = await buildSites(ws, picked.sites, out, options, jobs, (o) => {
    if (!options.json) report(ws, o, lang, say);
  });
  outcomes.sort((a, b) => (a.name < b.name ? -1 : 1));
  const failed = outcomes.filter((o) => !o.ok);
  const ms = Math.round(performance.now() - started);
  // The province page needs every site: a run that builds only some leaves it to the publish job.
  const whole = !options.only && !options.shard && !options.changedSince;
  const indexed = whole ? indexStep(ws, out, options, say) : true;
  if (options.json) {
    say.out(JSON.stringify({ ok: failed.length === 0 && indexed, out, ms, sites: outcomes.map((o) => ({ ...o, site: relative(ws.root, ws.sites.find((s) => s.name === o.name)!.dir).split(sep).join('/') })) }, null, 2));
  } else say.out(text('ws-summary', { ok: outcomes.length - failed.length, count: outcomes.length, failed: failed.length, ms }, lang));
  return failed.length === 0 && indexed ? 0 : 1;
}

/** The sites this run builds, in name order. */
function pickSites(ws: Workspace, options: BuildAllOptions): { sites: WorkspaceSite[] } | { error: Problem } {
  let sites = ws.sites;
  if (options.only) {
    const names = new Set(options.only.flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean));
    const unknown = [...names].find((n) => !ws.sites.some((s) => s.name === n));
    if (unknown) return { error: problem('ws-unknown-site', { name: unknown, names: ws.sites.map((s) => s.name).join(', ') }) };
    sites = sites.filter((s) => names.has(s.name));
  }
  if (options.shard) {
    const shard = parseShard(options.shard)!;
    // Computed over every site of the workspace, so each job of a matrix gets the same split.
    const shardOf = assignShards(ws.sites.map((s) => ({ name: s.name, articles: articleCount(s) })), shard.n);
    sites = sites.filter((s) => shardOf.get(s.name) === shard.k);
  }
  if (options.changedSince) {
    try {
      const changed = new Set(changedSites(ws, options.changedSince));
      sites = sites.filter((s) => changed.has(s));
    } catch (err) {
      if (!(err instanceof ChangedSinceError)) throw err;
      return { error: problem('ws-git-failed', { ref: options.changedSince, detail: err.message }) };
    }
  }
  return { sites };
}

function problem(code: string, params: Record<string, string | number>, file: string | null = null): Problem {
  return { severity: 'error', file, message: text(code, params), code, params };
}

/**
 * The output folder holds one folder per site and the province page: it may not be the workspace
 * or contain it, nor lie inside the shared templates or a site folder.
 */
function checkOut(ws: Workspace, out: string, problems: ProblemList): void {
  const inside = (child: string, parent: string) => child === parent || child.startsWith(parent + sep);
  const bad = inside(ws.root, out) || inside(out, ws.layer.templates) || ws.sites.some((s) => inside(out, s.dir));
  if (bad) problems.error(null, ...message('ws-out-inside', { out }));
}

/**
 * Builds the sites on `jobs` long-lived child processes (site-worker.ts): each its own memory, each
 * site its own cache in its .bantin/, staging and swap. A process that dies takes only the site it
 * was building with it; a fresh one takes over the rest.
 */
function buildSites(ws: Workspace, sites: WorkspaceSite[], out: string, options: BuildAllOptions, jobs: number, heard: (o: SiteOutcome) => void): Promise<SiteOutcome[]> {
  // The processes share the cores: no render threads inside each, unless asked for.
  const env = jobs > 1 && !process.env.BANTIN_JOBS ? { ...process.env, BANTIN_JOBS: '1' } : process.env;
  const results: SiteOutcome[] = [];
  let next = 0;
  const lane = async () => {
    let worker: ChildProcess | null = null;
    while (next < sites.length) {
      const site = sites[next++];
      worker ??= fork(WORKER, [], { env, stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
      const started = performance.now();
      const job: SiteJob = { name: site.name, root: site.dir, out: join(out, site.name), layer: ws.layer, drafts: !!options.drafts, strict: !!options.strict, cache: options.cache !== false };
      const reply = await ask(worker, job);
      if (!reply.ok && reply.errors.some((p) => p.code === 'ws-site-crashed') && worker.exitCode !== null) worker = null;
      const outcome = { ...reply, ms: Math.round(performance.now() - started) };
      results.push(outcome);
      heard(outcome);
    }
    worker?.disconnect();
  };
  return Promise.all(Array.from({ length: jobs }, lane)).then(() => results);
}

/** Sends one site to a worker; its answer, or a crash naming how the process ended. */
function ask(worker: ChildProcess, job: SiteJob): Promise<SiteReply> {
  return new Promise((done) => {
    let stderr = '';
    const onErr = (b: Buffer) => void (stderr = (stderr + b.toString('utf8')).slice(-4000));
    const onMessage = (reply: SiteReply) => finish(reply);
    const onExit = (code: number | null, signal: string | null) => {
      const last = stderr.trim().split('\n').filter(Boolean).pop();
      finish({ name: job.name, ok: false, pages: 0, errors: [crashed(job.name, last ?? (signal ? `signal ${signal}` : `exit code ${code}`))], warnings: [] });
    };
    const finish = (reply: SiteReply) => {
      worker.off('message', onMessage).off('exit', onExit);
      worker.stderr?.off('data', onErr);
      done(reply);
    };
    worker.on('message', onMessage).on('exit', onExit);
    worker.stderr?.on('data', onErr);
    worker.send(job);
  });
}

/** A site's line, and its problems with paths from the workspace root (where CI annotations look). */
function report(ws: Workspace, o: SiteOutcome, lang: Lang, say: { out: (line: string) => void; err: (line: string) => void }): void {
  const prefix = relative(ws.root, ws.sites.find((s) => s.name === o.name)!.dir).split(sep).join('/');
  const at = (p: Problem): Problem => ({ ...p, file: p.file ? `${prefix}/${p.file}` : prefix });
  for (const p of [...o.errors, ...o.warnings]) say.err(formatProblem(at(p), lang));
  const warnings = o.warnings.length ? text('cli-built-warnings', { count: o.warnings.length }, lang) : '';
  say.out(o.ok ? text('ws-site-ok', { name: o.name, pages: o.pages, ms: o.ms, warnings }, lang) : text('ws-site-failed', { name: o.name, errors: o.errors.length, ms: o.ms }, lang));
}

function indexStep(ws: Workspace, out: string, options: BuildAllOptions, say: { out: (line: string) => void; err: (line: string) => void }): boolean {
  if (!ws.index) return true;
  const result = writeProvinceIndex(ws, out);
  if ('error' in result) {
    say.err(formatProblem(problem('ws-index-foreign', { path: result.error }), options.lang));
    return false;
  }
  if (!options.json) say.out(text('ws-index-written', { path: result.path, count: result.count }, options.lang));
  return true;
}

type Flags = Record<string, string | boolean | string[] | undefined>;

/** `bantin build --all …` from the command line's flags; usage mistakes go to `usageError` (exit 2). */
export function buildAllCommand(flags: Flags, lang: Lang, usageError: (message: string) => number): Promise<number> | number {
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  if (flags['base-url'] !== undefined) return usageError(text('ws-no-base-url', {}, lang));
  const shard = str(flags.shard);
  if (shard !== undefined && !parseShard(shard)) return usageError(text('ws-bad-shard', { value: shard }, lang));
  const jobsText = str(flags.jobs);
  const jobs = jobsText === undefined ? undefined : Number(jobsText);
  if (jobs !== undefined && (!Number.isInteger(jobs) || jobs < 1)) return usageError(text('ws-bad-jobs', { value: String(jobsText) }, lang));
  const only = Array.isArray(flags.only) ? flags.only : undefined;
  return buildAll({
    root: str(flags.root) ?? process.cwd(), out: str(flags.out), only, shard, changedSince: str(flags['changed-since']), jobs,
    drafts: !!flags.drafts, strict: !!flags.strict, cache: !flags['no-cache'], indexOnly: !!flags['index-only'], list: !!flags.list, json: !!flags.json, lang,
  }, { out: (line) => process.stdout.write(`${line}\n`), err: (line) => process.stderr.write(`${line}\n`) });
}
