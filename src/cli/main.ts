// The `bantin` command, callable in-process: parses the command line, runs a command, prints
// problems through the given writers and returns the exit code (src/cli.ts is the process's side).
import { VERSION } from '../base/install.js';
import { parseArgs } from 'node:util';
import { spawn } from 'node:child_process';
import { BuildFailure, formatProblem, localized, ProblemList } from '../base/problems.js';
import type { Problem } from '../base/types.js';
import { siteLang } from '../load/site-lang.js';
import { CATALOGUE, text, type Lang } from '../base/messages/index.js';
import { loadWorkspace, workspaceConfig, type SiteLayer } from '../load/workspace.js';

// Each command's modules are loaded when that command runs: `bantin version` or `--help` need none
// of them, and loading them all took ~0.7 s of CPU on every run.
const commands = {
  build: () => import('../build/build.js'),
  buildAll: () => import('../build/build-all.js'),
  heap: () => import('../build/heap.js'),
  check: () => import('../tools/check.js'),
  newArticle: () => import('../tools/new-article.js'),
  serve: () => import('../serve/serve.js'),
  serveAll: () => import('../serve/serve-all.js'),
  import: () => import('../tools/import/command.js'),
  views: () => import('../tools/views/command.js'),
  init: () => import('../tools/init/command.js'),
};

/** A stream `bantin` writes to: the process's own, or a test's collector. */
export interface Output {
  write(text: string): unknown;
  isTTY?: boolean;
}

/** What a run of `bantin` reads from and writes to around it; src/cli.ts passes the process's own. */
export interface CliIO {
  stdout: Output;
  stderr: Output;
  /** NO_COLOR and BANTIN_LANG are read here; the opener of `serve --open` gets it too. */
  env: Record<string, string | undefined>;
  /** The site folder when --root is not given. */
  cwd: string;
  /** `bantin serve` serves until this settles; by default, until the first SIGINT or SIGTERM. */
  stop?: Promise<unknown>;
}

/** One run: where it writes and the reader's language, once the command line is read. */
interface Run {
  io: CliIO;
  lang: Lang;
}

/** The help, in the reader's language. */
const usage = (run: Run) => text('cli-usage', {}, run.lang);

function printProblem(run: Run, p: Problem): void {
  const color = !run.io.env.NO_COLOR && run.io.stderr.isTTY;
  const paint = (code: string, s: string) => (color ? `\x1b[${code}m${s}\x1b[0m` : s);
  const line = formatProblem(p, run.lang).replace(/: (error|warning|lỗi|cảnh báo): /, (_m, sev: string) => `: ${paint(sev === 'error' || sev === 'lỗi' ? '31;1' : '33', sev)}: `);
  run.io.stderr.write(`${line}\n`);
}

type Flags = Record<string, string | boolean | string[] | undefined>;

/** `strings`: an option that may be given more than once. */
function parse(args: string[], options: Record<string, 'string' | 'boolean' | 'strings'>, positionals: boolean) {
  return parseArgs({
    args,
    options: Object.fromEntries(Object.entries(options).map(([k, type]) => [k, type === 'strings' ? { type: 'string', multiple: true } : { type }])),
    allowPositionals: positionals,
    strict: true,
  });
}

/** The process's own streams, environment, folder and signals. */
export function processIO(): CliIO {
  return { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() };
}

/** Runs `bantin ARGV…` and returns its exit code: 0 done, 1 failed, 2 a mistake on the command line. */
export async function main(argv: string[], io: CliIO = processIO()): Promise<number> {
  const [command = 'help', ...rest] = argv;
  // The language is known before the command line is read, for help and usage errors.
  const langAt = rest.indexOf('--lang'), rootAt = rest.indexOf('--root');
  const run: Run = { io, lang: siteLang(rootAt >= 0 ? rest[rootAt + 1] ?? io.cwd : io.cwd, langAt >= 0 ? rest[langAt + 1] : undefined, io.env.BANTIN_LANG) };
  const usageError = (message: string) => usageErrorOf(run, message);
  if (command === 'help' || command === '--help' || command === '-h') return void io.stdout.write(usage(run)), 0;
  if (command === 'version' || command === '--version') return void io.stdout.write(`bantin ${VERSION}\n`), 0;
  if (command === 'import') return (await commands.import()).importCommand(rest);
  if (command === 'init') return (await commands.init()).initCommand(rest, usageError);
  const specs: Record<string, Record<string, 'string' | 'boolean' | 'strings'>> = {
    build: { lang: 'string', root: 'string', out: 'string', 'base-url': 'string', drafts: 'boolean', strict: 'boolean', 'no-cache': 'boolean', json: 'boolean', verbose: 'boolean', ...WORKSPACE_BUILD_FLAGS },
    serve: { lang: 'string', root: 'string', port: 'string', host: 'string', 'base-url': 'string', drafts: 'boolean', open: 'boolean', verbose: 'boolean', all: 'boolean', only: 'strings', workspace: 'string' },
    new: { lang: 'string', root: 'string', category: 'string', author: 'string', verbose: 'boolean' },
    check: { lang: 'string', root: 'string', strict: 'boolean', json: 'boolean', 'draft-age': 'string', verbose: 'boolean' },
    views: { lang: 'string', root: 'string', 'base-url': 'string', format: 'string', 'exclude-ip': 'strings', json: 'boolean', verbose: 'boolean' },
  };
  if (!Object.hasOwn(specs, command)) return usageError(text('cli-unknown-command', { command }, run.lang));
  let parsed;
  try {
    parsed = parse(rest, specs[command], command === 'new' || command === 'views');
  } catch (err) {
    return usageError(text('cli-bad-option', { detail: (err as Error).message }, run.lang));
  }
  const flags = parsed.values as Flags;
  if (flags.lang !== undefined && flags.lang !== 'vi' && flags.lang !== 'en') return usageError(text('cli-bad-lang', { value: String(flags.lang) }, run.lang));
  run.lang = siteLang(str(flags.root) ?? io.cwd, str(flags.lang), io.env.BANTIN_LANG);
  try {
    if (command === 'build') return await runBuild(run, flags);
    if (command === 'check') return await runCheck(run, flags);
    if (command === 'views') return await (await commands.views()).runViews(parsed.values, parsed.positionals, usageError, run.lang);
    if (command === 'new') {
      if (parsed.positionals.length !== 1) return usageError(text('cli-new-title', {}, run.lang));
      const path = (await commands.newArticle()).newArticle({ root: str(flags.root) ?? io.cwd, title: parsed.positionals[0], category: str(flags.category), author: str(flags.author) });
      io.stdout.write(`${text('cli-created', { path }, run.lang)}\n`);
      return 0;
    }
    return await runServe(run, flags);
  } catch (err) {
    return internalError(run, err as NodeJS.ErrnoException, command, !!flags.verbose);
  }
}

/** Problems for --json: the text in the reader's language, the stable `code` beside it. */
function forJson(run: Run, problems: Problem[]): Problem[] {
  return problems.map((p) => ({ ...p, ...localized(p, run.lang) }));
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** A workspace's options (docs/workspace.md); `--workspace ROOT` builds one site with ROOT's shared theme and defaults. */
const WORKSPACE_BUILD_FLAGS = { all: 'boolean', only: 'strings', shard: 'string', 'changed-since': 'string', jobs: 'string', 'index-only': 'boolean', list: 'boolean', workspace: 'string' } as const;

/** The layer of `--workspace`, or a usage mistake: workspace options without --all, or a workspace built as one site. */
function workspaceLayer(run: Run, flags: Flags): { layer?: SiteLayer } | number {
  const stray = ['only', 'shard', 'changed-since', 'jobs', 'index-only', 'list'].find((k) => flags[k] !== undefined);
  if (stray) return usageErrorOf(run, text('ws-all-only', { option: `--${stray}` }, run.lang));
  const root = str(flags.root) ?? run.io.cwd;
  if (!flags.workspace) {
    const ws = workspaceConfig(root) && loadWorkspace(root, new ProblemList());
    // A workspace is no site: say what to run instead, without the whole help.
    return ws ? (run.io.stderr.write(`bantin: ${text('ws-is-workspace', { root, count: ws.sites.length }, run.lang)}\n`), 2) : {};
  }
  const ws = loadWorkspace(str(flags.workspace)!, new ProblemList());
  if (!ws) return usageErrorOf(run, text('ws-not-workspace', { root: str(flags.workspace)! }, run.lang));
  return { layer: ws.layer };
}

async function runBuild(run: Run, flags: Flags): Promise<number> {
  const { io, lang } = run;
  if (flags.all) return (await commands.buildAll()).buildAllCommand(flags, lang, (message) => usageErrorOf(run, message));
  const ws = workspaceLayer(run, flags);
  if (typeof ws === 'number') return ws;
  const started = performance.now();
  try {
    const [{ buildInParallel }, { limitHeapGrowth }] = await Promise.all([commands.build(), commands.heap()]);
    limitHeapGrowth();
    const result = await buildInParallel({ root: str(flags.root) ?? io.cwd, out: str(flags.out), baseUrl: str(flags['base-url']), drafts: !!flags.drafts, strict: !!flags.strict, cache: !flags['no-cache'], backgroundCleanup: true, layer: ws.layer });
    const ms = Math.round(performance.now() - started);
    if (flags.json) {
      io.stdout.write(`${JSON.stringify({ ok: true, out: result.out, pages: result.pages, files: result.files, reused: result.reused, ms, timings: result.timings, errors: [], warnings: forJson(run, result.warnings) }, null, 2)}\n`);
      return 0;
    }
    for (const w of result.warnings) printProblem(run, w);
    const how = result.files === 0 ? text('cli-built-nothing', {}, lang)
      : text('cli-built-files', { written: result.files - result.reused, unchanged: result.reused ? text('cli-built-unchanged', { count: result.reused }, lang) : '' }, lang);
    const warnings = result.warnings.length ? text('cli-built-warnings', { count: result.warnings.length }, lang) : '';
    io.stdout.write(`${text('cli-built', { pages: result.pages, how, out: result.out, ms, warnings }, lang)}\n`);
    if (flags.verbose) for (const [stage, t] of Object.entries(result.timings)) io.stdout.write(`  ${stage.padEnd(10)} ${t} ms\n`);
    return 0;
  } catch (err) {
    if (!(err instanceof BuildFailure)) throw err;
    const errors = err.problems.filter((p) => p.severity === 'error');
    if (flags.json) {
      io.stdout.write(`${JSON.stringify({ ok: false, errors: forJson(run, errors), warnings: forJson(run, err.problems.filter((p) => p.severity !== 'error')) }, null, 2)}\n`);
      return 1;
    }
    for (const p of err.problems) printProblem(run, p);
    io.stderr.write(`${text('cli-build-failed', { count: errors.length }, lang)}\n`);
    return 1;
  }
}

async function runCheck(run: Run, flags: Flags): Promise<number> {
  const { io, lang } = run;
  const { checkSite, DRAFT_AGE_DAYS } = await commands.check();
  const draftAge = flags['draft-age'] === undefined ? DRAFT_AGE_DAYS : Number(flags['draft-age']);
  if (!Number.isInteger(draftAge) || draftAge < 1) return usageErrorOf(run, text('cli-bad-draft-age', { value: String(flags['draft-age']) }, lang));
  const problems = checkSite({ root: str(flags.root) ?? io.cwd, strict: !!flags.strict, draftAgeDays: draftAge });
  const errors = problems.filter((p) => p.severity === 'error').length;
  if (flags.json) io.stdout.write(`${JSON.stringify({ ok: errors === 0, errors, warnings: problems.length - errors, problems: forJson(run, problems) }, null, 2)}\n`);
  else {
    for (const p of problems) printProblem(run, p);
    io.stdout.write(`${text('cli-check-summary', { errors, warnings: problems.length - errors }, lang)}\n`);
  }
  return errors ? 1 : 0;
}

async function runServe(run: Run, flags: Flags): Promise<number> {
  const { io, lang } = run;
  const host = str(flags.host) ?? '127.0.0.1';
  // Digits only: Number() took '' (an unset $PORT) as 0, a random port, and '0x50' as 80.
  const given = str(flags.port) ?? '8080';
  const port = Number(given);
  if (!/^\d+$/.test(given) || port > 65535) return usageErrorOf(run, text('cli-bad-port', { value: String(flags.port) }, lang));
  if (host !== '127.0.0.1' && host !== 'localhost' && host !== '::1') {
    io.stderr.write(`${text('cli-serve-public', { host }, lang)}\n`);
  }
  let server: { url: string; close(): Promise<void> };
  if (flags.all) {
    const problems = new ProblemList();
    const only = Array.isArray(flags.only) ? flags.only : undefined;
    const all = await (await commands.serveAll()).serveAll({ root: str(flags.root) ?? io.cwd, port, host, drafts: !!flags.drafts, lang, only }, problems);
    for (const p of problems.items) printProblem(run, p);
    if (!all) return usageErrorOf(run, text('ws-not-workspace', { root: str(flags.root) ?? io.cwd }, lang));
    server = all;
    io.stdout.write(`${text('ws-serving', { count: all.count, url: all.url }, lang)}\n`);
  } else {
    const ws = workspaceLayer(run, flags);
    if (typeof ws === 'number') return ws;
    server = await (await commands.serve()).serve({ root: str(flags.root) ?? io.cwd, port, host, baseUrl: str(flags['base-url']), drafts: !!flags.drafts, lang, layer: ws.layer });
    io.stdout.write(`${text('cli-serving', { url: server.url }, lang)}\n`);
  }
  if (flags.open) spawn(process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open', [server.url], { stdio: 'ignore', detached: true, env: io.env }).on('error', () => {}).unref();
  await (io.stop ?? signalled());
  await server.close();
  return 0;
}

/** Settles on the first SIGINT or SIGTERM, and stops listening for the other. */
function signalled(): Promise<void> {
  return new Promise<void>((done) => {
    const stop = () => {
      process.off('SIGINT', stop).off('SIGTERM', stop);
      done();
    };
    process.once('SIGINT', stop).once('SIGTERM', stop);
  });
}

function internalError(run: Run, e: NodeJS.ErrnoException, command: string, verbose: boolean): number {
  const { io, lang } = run;
  // Problems of the site or the command line (`bantin new` on a title that exists): no stack to show.
  if (e instanceof BuildFailure) {
    for (const p of e.problems) printProblem(run, p);
    io.stderr.write(`${text('cli-failed', { command }, lang)}\n`);
    return 1;
  }
  // Errors of the machine rather than of the site: what happened, where, and what to do.
  const known = e.code && CATALOGUE[`system-${e.code.toLowerCase()}`] ? `system-${e.code.toLowerCase()}` : undefined;
  if (known) {
    // Stryker disable next-line StringLiteral: a problem with a code is printed in the catalogue's words; its message is not read
    printProblem(run, { severity: 'error', file: e.path ?? null, message: '', code: known, params: { errno: e.code! } });
    io.stderr.write(`${text('cli-failed', { command }, lang)}\n`);
  } else io.stderr.write(`${text('cli-failed-detail', { command, detail: e.message }, lang)}\n`);
  io.stderr.write(verbose ? `${e.stack}\n` : `${text('cli-verbose-hint', {}, lang)}\n`);
  return 1;
}

function usageErrorOf(run: Run, message: string): number {
  run.io.stderr.write(`bantin: ${message}\n\n${usage(run)}`);
  return 2;
}
