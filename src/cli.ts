#!/usr/bin/env node
// The `bantin` command: parses the command line, runs a command, prints problems, sets the exit code.
import { VERSION } from './base/install.js';
import { parseArgs } from 'node:util';
import { spawn } from 'node:child_process';
import { BuildFailure, formatProblem, localized } from './base/problems.js';
import type { Problem } from './base/types.js';
import { siteLang } from './load/site-lang.js';
import { CATALOGUE, text, type Lang } from './base/messages/index.js';
import { loadWorkspace, workspaceConfig, type SiteLayer } from './load/workspace.js';
import { ProblemList } from './base/problems.js';

// Each command's modules are loaded when that command runs: `bantin version` or `--help` need none
// of them, and loading them all took ~0.7 s of CPU on every run.
const commands = {
  build: () => import('./build/build.js'),
  buildAll: () => import('./build/build-all.js'),
  heap: () => import('./build/heap.js'),
  check: () => import('./tools/check.js'),
  newArticle: () => import('./tools/new-article.js'),
  serve: () => import('./serve/serve.js'),
  serveAll: () => import('./serve/serve-all.js'),
  import: () => import('./tools/import/command.js'),
  views: () => import('./tools/views/command.js'),
  init: () => import('./tools/init/command.js'),
};

/** The help, in the reader's language. */
const usage = () => text('cli-usage', {}, lang);


const color = !process.env.NO_COLOR && process.stderr.isTTY;
const paint = (code: string, s: string) => (color ? `\x1b[${code}m${s}\x1b[0m` : s);

/** The reader's language, set once the command line is read. */
let lang: Lang = 'en';

function printProblem(p: Problem): void {
  const text = formatProblem(p, lang).replace(/: (error|warning|lỗi|cảnh báo): /, (_m, sev: string) => `: ${paint(sev === 'error' || sev === 'lỗi' ? '31;1' : '33', sev)}: `);
  process.stderr.write(`${text}\n`);
}

type Flags = Record<string, string | boolean | string[] | undefined>;

/** `strings`: an option that may be given more than once. */
function parse(args: string[], options: Record<string, 'string' | 'boolean' | 'strings'>, positionals = false) {
  return parseArgs({
    args,
    options: Object.fromEntries(Object.entries(options).map(([k, type]) => [k, type === 'strings' ? { type: 'string', multiple: true } : { type }])),
    allowPositionals: positionals,
    strict: true,
  });
}

async function main(argv: string[]): Promise<number> {
  const [command = 'help', ...rest] = argv;
  // The language is known before the command line is read, for help and usage errors.
  const langAt = rest.indexOf('--lang'), rootAt = rest.indexOf('--root');
  lang = siteLang(rootAt >= 0 ? rest[rootAt + 1] ?? process.cwd() : process.cwd(), langAt >= 0 ? rest[langAt + 1] : undefined);
  if (command === 'help' || command === '--help' || command === '-h') return void process.stdout.write(usage()), 0;
  if (command === 'version' || command === '--version') return void process.stdout.write(`bantin ${VERSION}\n`), 0;
  if (command === 'import') return (await commands.import()).importCommand(rest);
  if (command === 'init') return (await commands.init()).initCommand(rest, usageError);
  const specs: Record<string, Record<string, 'string' | 'boolean' | 'strings'>> = {
    build: { lang: 'string', root: 'string', out: 'string', 'base-url': 'string', drafts: 'boolean', strict: 'boolean', 'no-cache': 'boolean', json: 'boolean', verbose: 'boolean', ...WORKSPACE_BUILD_FLAGS },
    serve: { lang: 'string', root: 'string', port: 'string', host: 'string', 'base-url': 'string', drafts: 'boolean', open: 'boolean', verbose: 'boolean', all: 'boolean', only: 'strings', workspace: 'string' },
    new: { lang: 'string', root: 'string', category: 'string', author: 'string', verbose: 'boolean' },
    check: { lang: 'string', root: 'string', strict: 'boolean', json: 'boolean', 'draft-age': 'string', verbose: 'boolean' },
    views: { lang: 'string', root: 'string', 'base-url': 'string', format: 'string', 'exclude-ip': 'strings', json: 'boolean', verbose: 'boolean' },
  };
  if (!specs[command]) return usageError(text('cli-unknown-command', { command }, lang));
  let parsed;
  try {
    parsed = parse(rest, specs[command], command === 'new' || command === 'views');
  } catch (err) {
    return usageError(text('cli-bad-option', { detail: (err as Error).message }, lang));
  }
  const flags = parsed.values as Flags;
  if (flags.lang !== undefined && flags.lang !== 'vi' && flags.lang !== 'en') return usageError(text('cli-bad-lang', { value: String(flags.lang) }, lang));
  lang = siteLang(str(flags.root) ?? process.cwd(), str(flags.lang));
  try {
    if (command === 'build') return await runBuild(flags);
    if (command === 'check') return await runCheck(flags);
    if (command === 'views') return await (await commands.views()).runViews(parsed.values, parsed.positionals, usageError, lang);
    if (command === 'new') {
      if (parsed.positionals.length !== 1) return usageError(text('cli-new-title', {}, lang));
      const path = (await commands.newArticle()).newArticle({ root: str(flags.root) ?? process.cwd(), title: parsed.positionals[0], category: str(flags.category), author: str(flags.author) });
      process.stdout.write(`${text('cli-created', { path }, lang)}\n`);
      return 0;
    }
    return await runServe(flags);
  } catch (err) {
    return internalError(err as NodeJS.ErrnoException, command, !!flags.verbose);
  }
}

/** Problems for --json: the text in the reader's language, the stable `code` beside it. */
function forJson(problems: Problem[]): Problem[] {
  return problems.map((p) => ({ ...p, ...localized(p, lang) }));
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** A workspace's options (docs/workspace.md); `--workspace ROOT` builds one site with ROOT's shared theme and defaults. */
const WORKSPACE_BUILD_FLAGS = { all: 'boolean', only: 'strings', shard: 'string', 'changed-since': 'string', jobs: 'string', 'index-only': 'boolean', list: 'boolean', workspace: 'string' } as const;

/** The layer of `--workspace`, or a usage mistake: workspace options without --all, or a workspace built as one site. */
function workspaceLayer(flags: Flags): { layer?: SiteLayer } | number {
  const stray = ['only', 'shard', 'changed-since', 'jobs', 'index-only', 'list'].find((k) => flags[k] !== undefined && flags[k] !== false);
  if (stray) return usageError(text('ws-all-only', { option: `--${stray}` }, lang));
  const root = str(flags.root) ?? process.cwd();
  if (!flags.workspace) {
    const ws = workspaceConfig(root) && loadWorkspace(root, new ProblemList());
    // A workspace is no site: say what to run instead, without the whole help.
    return ws ? (process.stderr.write(`bantin: ${text('ws-is-workspace', { root, count: ws.sites.length }, lang)}\n`), 2) : {};
  }
  const ws = loadWorkspace(str(flags.workspace)!, new ProblemList());
  if (!ws) return usageError(text('ws-not-workspace', { root: str(flags.workspace)! }, lang));
  return { layer: ws.layer };
}

async function runBuild(flags: Flags): Promise<number> {
  if (flags.all) return (await commands.buildAll()).buildAllCommand(flags, lang, usageError);
  const ws = workspaceLayer(flags);
  if (typeof ws === 'number') return ws;
  const started = performance.now();
  try {
    const [{ buildInParallel }, { limitHeapGrowth }] = await Promise.all([commands.build(), commands.heap()]);
    limitHeapGrowth();
    const result = await buildInParallel({ root: str(flags.root) ?? process.cwd(), out: str(flags.out), baseUrl: str(flags['base-url']), drafts: !!flags.drafts, strict: !!flags.strict, cache: !flags['no-cache'], backgroundCleanup: true, layer: ws.layer });
    const ms = Math.round(performance.now() - started);
    if (flags.json) {
      process.stdout.write(`${JSON.stringify({ ok: true, out: result.out, pages: result.pages, files: result.files, reused: result.reused, ms, timings: result.timings, errors: [], warnings: forJson(result.warnings) }, null, 2)}\n`);
      return 0;
    }
    for (const w of result.warnings) printProblem(w);
    const how = result.files === 0 ? text('cli-built-nothing', {}, lang)
      : text('cli-built-files', { written: result.files - result.reused, unchanged: result.reused ? text('cli-built-unchanged', { count: result.reused }, lang) : '' }, lang);
    const warnings = result.warnings.length ? text('cli-built-warnings', { count: result.warnings.length }, lang) : '';
    process.stdout.write(`${text('cli-built', { pages: result.pages, how, out: result.out, ms, warnings }, lang)}\n`);
    if (flags.verbose) for (const [stage, t] of Object.entries(result.timings)) process.stdout.write(`  ${stage.padEnd(10)} ${t} ms\n`);
    return 0;
  } catch (err) {
    if (!(err instanceof BuildFailure)) throw err;
    const errors = err.problems.filter((p) => p.severity === 'error');
    if (flags.json) {
      process.stdout.write(`${JSON.stringify({ ok: false, errors: forJson(errors), warnings: forJson(err.problems.filter((p) => p.severity !== 'error')) }, null, 2)}\n`);
      return 1;
    }
    for (const p of err.problems) printProblem(p);
    process.stderr.write(`${text('cli-build-failed', { count: errors.length }, lang)}\n`);
    return 1;
  }
}

async function runCheck(flags: Flags): Promise<number> {
  const { checkSite, DRAFT_AGE_DAYS } = await commands.check();
  const draftAge = flags['draft-age'] === undefined ? DRAFT_AGE_DAYS : Number(flags['draft-age']);
  if (!Number.isInteger(draftAge) || draftAge < 1) return usageError(text('cli-bad-draft-age', { value: String(flags['draft-age']) }, lang));
  const problems = checkSite({ root: str(flags.root) ?? process.cwd(), strict: !!flags.strict, draftAgeDays: draftAge });
  const errors = problems.filter((p) => p.severity === 'error').length;
  if (flags.json) process.stdout.write(`${JSON.stringify({ ok: errors === 0, errors, warnings: problems.length - errors, problems: forJson(problems) }, null, 2)}\n`);
  else {
    for (const p of problems) printProblem(p);
    process.stdout.write(`${text('cli-check-summary', { errors, warnings: problems.length - errors }, lang)}\n`);
  }
  return errors ? 1 : 0;
}

async function runServe(flags: Flags): Promise<number> {
  const host = str(flags.host) ?? '127.0.0.1';
  const port = Number(str(flags.port) ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) return usageError(text('cli-bad-port', { value: String(flags.port) }, lang));
  if (host !== '127.0.0.1' && host !== 'localhost' && host !== '::1') {
    process.stderr.write(`${text('cli-serve-public', { host }, lang)}\n`);
  }
  let server: { url: string; close(): Promise<void> };
  if (flags.all) {
    const problems = new ProblemList();
    const only = Array.isArray(flags.only) ? flags.only : undefined;
    const all = await (await commands.serveAll()).serveAll({ root: str(flags.root) ?? process.cwd(), port, host, drafts: !!flags.drafts, lang, only }, problems);
    for (const p of problems.items) printProblem(p);
    if (!all) return usageError(text('ws-not-workspace', { root: str(flags.root) ?? process.cwd() }, lang));
    server = all;
    process.stdout.write(`${text('ws-serving', { count: all.count, url: all.url }, lang)}\n`);
  } else {
    const ws = workspaceLayer(flags);
    if (typeof ws === 'number') return ws;
    server = await (await commands.serve()).serve({ root: str(flags.root) ?? process.cwd(), port, host, baseUrl: str(flags['base-url']), drafts: !!flags.drafts, lang, layer: ws.layer });
    process.stdout.write(`${text('cli-serving', { url: server.url }, lang)}\n`);
  }
  if (flags.open) spawn(process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open', [server.url], { stdio: 'ignore', detached: true }).on('error', () => {}).unref();
  await new Promise<void>((done) => {
    const stop = () => void server.close().then(done);
    process.once('SIGINT', stop).once('SIGTERM', stop);
  });
  return 0;
}

function internalError(e: NodeJS.ErrnoException, command: string, verbose: boolean): number {
  // Problems of the site or the command line (`bantin new` on a title that exists): no stack to show.
  if (e instanceof BuildFailure) {
    for (const p of e.problems) printProblem(p);
    process.stderr.write(`${text('cli-failed', { command }, lang)}\n`);
    return 1;
  }
  // Errors of the machine rather than of the site: what happened, where, and what to do.
  const known = e.code && CATALOGUE[`system-${e.code.toLowerCase()}`] ? `system-${e.code.toLowerCase()}` : undefined;
  if (known) {
    printProblem({ severity: 'error', file: e.path ?? null, message: '', code: known, params: { errno: e.code! } });
    process.stderr.write(`${text('cli-failed', { command }, lang)}\n`);
  } else process.stderr.write(`${text('cli-failed-detail', { command, detail: e.message }, lang)}\n`);
  process.stderr.write(verbose ? `${e.stack}\n` : `${text('cli-verbose-hint', {}, lang)}\n`);
  return 1;
}

function usageError(message: string): number {
  process.stderr.write(`bantin: ${message}\n\n${usage()}`);
  return 2;
}

// Output piped into `head` and the like may close early; that is not the build's failure.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code !== 'EPIPE') throw err;
});
main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
