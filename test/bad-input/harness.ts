// Shared by the bad-input suite: a small clean site, built once, copied for every case; the
// case's one fault is then added and `bantin build` runs on it.
import { execFile, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { article, CLI, makeSite, PROJECT, readTree, runCli, tempDir, writeFiles } from '../helpers.js';

export interface RunResult {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface Case {
  name: string;
  /** Files the fault adds or overwrites, relative to the site root. */
  files?: Record<string, string | Buffer>;
  /** For faults that are not file contents: symlinks, chmod, removals. */
  setup?: (root: string) => void;
  /** Extra command-line arguments; `ROOT` is replaced by the site root. */
  args?: string[];
  /** Node options for the CLI process (e.g. `--require` a fault injector). */
  nodeArgs?: string[];
  exit: 0 | 1;
  /** Where the first error (or, with exit 0, warning) points: `content/x.md:4:1`. `ROOT/` is the site root. */
  where?: string | RegExp;
  /** What that message says. */
  message?: RegExp;
  /** What its `hint:` says, when it matters. */
  hint?: RegExp;
  /** Checks of the built site for exit-0 cases. */
  check?: (root: string, r: RunResult) => void;
  /** A case that fails because of a bug in code this suite's author may not change; says where. */
  knownBug?: string;
  timeout?: number;
}

/** Front matter from lines (line 2 of the file is lines[0]), then a body. */
export function md(lines: string[], body = 'Nội dung bài viết.'): string {
  return `---\n${lines.join('\n')}\n---\n${body}\n`;
}

/** The article most faults replace: its `title:` is on line 2, `date:` on line 3. */
export const FAULTY = 'content/tin-tuc/loi.md';
export const ok = (extra: string[] = []) => md(['title: "Bài có lỗi"', 'date: 2024-01-03 09:00', ...extra]);

export const BASE_FILES: Record<string, string | Buffer> = {
  'bantin.yaml': 'title: Huyện Thử Nghiệm\ncategories: [Tin tức, Thông báo]\nbaseUrl: https://thu.example.gov.vn/\n',
  'content/tin-tuc/bai-mot.md': article({ title: 'Bài một', date: '2024-01-02 10:00', author: 'Lê Văn B', tags: ['đất đai'] }),
  'content/thong-bao/lich-tiep-dan.md': article({ title: 'Lịch tiếp dân', date: '2023-12-31 08:00', category: 'Thông báo' }),
  'content/files/ke-hoach.pdf': '%PDF-1.4 kế hoạch',
};

let base: string | null = null;

/** A clean build of BASE_FILES, made once per test file. */
export function baseSite(): string {
  if (base) return base;
  const root = makeSite(BASE_FILES, 'bad-base');
  const r = runCli(['build', '--root', root]);
  if (r.status !== 0) throw new Error(`the clean base site does not build:\n${r.stderr}`);
  return (base = root);
}

/** A copy of the built base site (its dist/ is the "previous output"), with the case's fault added. */
export function siteWithFault(c: Case): string {
  const root = tempDir(`bad-${c.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 40)}`);
  cpSync(baseSite(), root, { recursive: true, verbatimSymlinks: true });
  if (c.files) writeFiles(root, c.files);
  c.setup?.(root);
  return root;
}

/** `node lib/cli.js ...` without blocking, so cases can run side by side. */
export function runCliAsync(args: string[], nodeArgs: string[] = []): Promise<RunResult> {
  return new Promise((done) => {
    execFile(process.execPath, [...nodeArgs, CLI, ...args], { cwd: PROJECT, env: { ...process.env, NO_COLOR: '1', BANTIN_LANG: 'en' }, maxBuffer: 64 << 20 },
      (err, stdout, stderr) => {
        const e = err as (Error & { code?: number; signal?: NodeJS.Signals }) | null;
        done({ status: e ? (typeof e.code === 'number' ? e.code : null) : 0, signal: e?.signal ?? null, stdout, stderr });
      });
  });
}

/** A raw Node stack trace line: `    at fn (file.js:1:2)`. */
export const STACK_LINE = /^\s+at .+(:\d+:\d+\)?|<anonymous>\)?)$/m;

/** Staging folders left in a folder (`.dist.bantin-tmp-123`, `.dist.bantin-old-123`). */
export function stagingLeft(dir: string): string[] {
  return readdirSync(dir).filter((n) => n.includes('.bantin-'));
}

export function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** `ROOT` in a path or pattern stands for the case's site root. */
export const withRoot = (root: string, p: string) => (p === 'ROOT' ? root : p.startsWith('ROOT/') ? join(root, p.slice(5)) : p);

/**
 * The reported problem a case expects: a line `where: error: message` (or `warning`), and the
 * `  hint: ...` line after it. Returns the message and hint of the first line that matches, and
 * every line reported at that place (for the failure message).
 */
export function findProblem(stderr: string, c: Case, root: string): { located: string[]; message?: string; hint?: string } {
  const lines = stderr.split('\n');
  const severity = c.exit === 1 ? 'error' : 'warning';
  const where = typeof c.where === 'string' ? withRoot(root, c.where)
    : new RegExp(c.where!.source.replace('ROOT', escapeRe(root)), c.where!.flags);
  const located: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = /^(.+?): (error|warning): (.*)$/.exec(lines[i]);
    if (!m || m[2] !== severity) continue;
    if (typeof where === 'string' ? m[1] !== where : !where.test(m[1])) continue;
    located.push(lines[i]);
    if (c.message && !c.message.test(m[3])) continue;
    // The quoted line and its caret (` 2 | title: "…`, `   |        ^`) may come before the hint.
    let next = i + 1;
    while (/^ +(\d+ )?\| /.test(lines[next] ?? '')) next++;
    const hint = /^  hint: (.+)$/.exec(lines[next] ?? '');
    return { located, message: m[3], hint: hint?.[1] };
  }
  return { located };
}

/** Every file under a folder as path → SHA-256: byte-for-byte comparison that stays fast for thousands of files. */
export function treeDigest(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, bytes] of readTree(dir)) out[path] = createHash('sha256').update(bytes).digest('hex');
  return out;
}

// For the output-folder cases (hostile-output, hostile-failures): a built site, builds run as the
// command line runs them, and what a clean build of the same site makes.

/** A site with `files` added, built once, so it has an output folder to attack. */
export const builtSite = (name: string, files: Record<string, string> = {}) => siteWithFault({ name, files, exit: 0 });

/** `bantin build --root ROOT ARGS` through the compiled CLI, waiting for it. */
export const buildSync = (root: string, args: string[] = [], env: Record<string, string> = {}, nodeArgs: string[] = []) =>
  spawnSync(process.execPath, [...nodeArgs, CLI, 'build', '--root', root, ...args], { cwd: PROJECT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', BANTIN_LANG: 'en', ...env } });

/** Changes the site's title, which every page shows. */
export const retitle = (root: string, title: string) => writeFileSync(join(root, 'bantin.yaml'), readFileSync(join(root, 'bantin.yaml'), 'utf8').replace(/^title: .*$/m, `title: ${title}`));

/** Staging folders left once the background removal of a swapped-out output (`rm -rf`, detached) is done. */
export function leftBehind(root: string): string[] {
  for (let i = 0; i < 100 && stagingLeft(root).some((n) => n.includes('.bantin-old-')); i++) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
  return stagingLeft(root);
}

/** What a clean build of the site as it now is makes, in `ref/` of the site. */
export function cleanDigest(root: string): Record<string, string> {
  const r = runCli(['build', '--root', root, '--no-cache', '--out', join(root, 'ref')]);
  expect(r.status, r.stderr).toBe(0);
  return treeDigest(join(root, 'ref'));
}
