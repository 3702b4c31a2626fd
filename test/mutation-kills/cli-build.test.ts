// `bantin build` in-process (src/cli/main.ts): each flag checked in what it writes and prints, the
// summary line, --json, failures, and the workspace options. The real binary: cli-flags.test.ts.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { text } from '../../src/base/messages/index.js';
import { article, makeSite, readPage, readSite, tempDir } from '../helpers.js';
import { makeWorkspace } from '../workspace/harness.js';
import { bantin } from './cli-io.js';

const USAGE_EN = text('cli-usage', {}, 'en');
const CONFIG = 'title: Xã Thử\nlocale: en\nbaseUrl: https://tu-cau-hinh.example.vn/\n';
const A = article({ title: 'Bài A', date: '2024-01-02 09:00', author: 'Lê Văn A', summary: 'Tóm tắt.' });
const B = article({ title: 'Bài B', date: '2024-01-03 09:00', author: 'Lê Văn A', summary: 'Tóm tắt.' });
const DRAFT = article({ title: 'Bản nháp', date: '2024-01-04 09:00', draft: true, summary: 'Nháp.' });
const BROKEN = article({ title: 'Liên kết hỏng', date: '2024-01-01 09:00', author: 'Lê Văn A', summary: 'Hỏng.' }, 'Xem [bài](../khong-co.md).');
const BAD_DATE = '---\ntitle: Ngày sai\ndate: 2024-13-45\n---\nx\n';

const site = (extra: Record<string, string> = {}) => makeSite({ 'bantin.yaml': CONFIG, 'content/tin/a.md': A, 'content/tin/nhap.md': DRAFT, ...extra }, 'cli-build');
const SUMMARY = /^bantin: built (\d+) pages \((.*)\) into (\S+) in \d+ ms(.*)\n$/;

describe('bantin build in-process', () => {
  it('--base-url replaces bantin.yaml\'s baseUrl; --out writes there; without --root, the current folder', async () => {
    const root = site();
    const out = join(tempDir('cli-build-out'), 'public');
    const r = await bantin(['build', '--root', root, '--out', out, '--base-url', 'https://xa.example.gov.vn/cong/']);
    expect(r.code, r.stderr).toBe(0);
    expect(readPage(out, '').querySelector('link[rel=canonical]')!.getAttribute('href')).toBe('https://xa.example.gov.vn/cong/');
    expect(existsSync(join(root, 'dist'))).toBe(false);
    const here = await bantin(['build'], { cwd: root });
    expect(here.code, here.stderr).toBe(0);
    expect(readPage(join(root, 'dist'), '').querySelector('link[rel=canonical]')!.getAttribute('href')).toBe('https://tu-cau-hinh.example.vn/');
    expect(SUMMARY.exec(here.stdout)![3]).toBe(join(root, 'dist'));
  });

  it('--drafts publishes drafts; without it they are left out', async () => {
    const root = site();
    expect((await bantin(['build', '--root', root])).code).toBe(0);
    expect(existsSync(join(root, 'dist/tin-tuc/nhap/index.html'))).toBe(false);
    expect((await bantin(['build', '--root', root, '--drafts'])).code).toBe(0);
    expect(readPage(join(root, 'dist'), 'tin-tuc/nhap/').querySelector('h1')!.text).toBe('Bản nháp');
  });

  it('the summary: pages and files written, then "nothing changed", then written and unchanged; --no-cache writes all again', async () => {
    const root = site();
    const first = await bantin(['build', '--root', root]);
    expect(first.stderr).toBe('');
    const [, pages, how, out, warnings] = SUMMARY.exec(first.stdout)!;
    expect(Number(pages)).toBeGreaterThan(3);
    const written = Number(/^(\d+) files written$/.exec(how)![1]);
    expect(written).toBeGreaterThan(Number(pages));
    expect([out, warnings]).toEqual([join(root, 'dist'), '']);
    expect(SUMMARY.exec((await bantin(['build', '--root', root])).stdout)![2]).toBe('nothing changed');
    writeFileSync(join(root, 'content/tin/b.md'), B);
    const some = SUMMARY.exec((await bantin(['build', '--root', root])).stdout)![2];
    const [, w, u] = /^(\d+) files written, (\d+) unchanged$/.exec(some)!.map(Number);
    expect(w).toBeGreaterThan(0);
    expect(u).toBeGreaterThan(0);
    // Written and unchanged together are the site's files, each counted once.
    expect(w + u).toBe(readSite(join(root, 'dist')).size);
    expect(SUMMARY.exec((await bantin(['build', '--root', root, '--no-cache'])).stdout)![2]).toMatch(/^\d+ files written$/);
  });

  it('warnings: each on stderr, their count in the summary; --strict makes them errors, exit 1, output untouched', async () => {
    const root = site({ 'content/tin/hong.md': BROKEN });
    const loose = await bantin(['build', '--root', root]);
    expect(loose.code).toBe(0);
    expect(loose.stderr).toMatch(/^content\/tin\/hong\.md:\d+:\d+: warning: broken link: \.\.\/khong-co\.md/);
    expect(SUMMARY.exec(loose.stdout)![4]).toBe(', 1 warning(s)');
    const before = readFileSync(join(root, 'dist/index.html'));
    const strict = await bantin(['build', '--root', root, '--strict']);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toBe('');
    expect(strict.stderr).toMatch(/^content\/tin\/hong\.md:\d+:\d+: error: broken link: \.\.\/khong-co\.md[^]*\nbantin: build failed with 1 error\(s\); the output folder was not changed\n$/);
    expect(readFileSync(join(root, 'dist/index.html'))).toEqual(before);
  });

  it('--json: the report on stdout, nothing on stderr; problems in the reader\'s language with their code', async () => {
    const root = site({ 'content/tin/hong.md': BROKEN });
    const started = performance.now();
    const r = await bantin(['build', '--root', root, '--json', '--lang', 'vi']);
    const elapsed = performance.now() - started;
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout);
    expect(Object.keys(report)).toEqual(['ok', 'out', 'pages', 'files', 'reused', 'ms', 'timings', 'errors', 'warnings']);
    expect(report).toMatchObject({ ok: true, out: join(root, 'dist'), reused: 0, errors: [] });
    expect(report.pages).toBeGreaterThan(3);
    expect(report.files).toBeGreaterThan(report.pages);
    expect(Number.isInteger(report.ms)).toBe(true);
    expect(report.ms).toBeGreaterThan(0);
    expect(report.ms).toBeLessThanOrEqual(Math.ceil(elapsed));
    expect(Object.keys(report.timings)).toContain('render');
    expect(report.warnings).toHaveLength(1);
    expect(report.warnings[0]).toMatchObject({ severity: 'warning', file: 'content/tin/hong.md', code: expect.any(String) });
    expect(report.warnings[0].message).toMatch(/liên kết hỏng/);
    const again = JSON.parse((await bantin(['build', '--root', root, '--json'])).stdout);
    expect(again).toMatchObject({ files: 0, reused: report.files });
  });

  it('--json on failure: ok false, errors and warnings apart, exit 1', async () => {
    // An unknown key of bantin.yaml is a warning that comes with the error.
    const root = site({ 'bantin.yaml': `${CONFIG}titel: Sai\n`, 'content/tin/sai.md': BAD_DATE });
    const r = await bantin(['build', '--root', root, '--json', '--lang', 'vi']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout);
    expect(Object.keys(report)).toEqual(['ok', 'errors', 'warnings']);
    expect(report.ok).toBe(false);
    expect(report.errors.map((p: { file: string; severity: string }) => [p.severity, p.file])).toEqual([['error', 'content/tin/sai.md']]);
    expect(report.warnings.map((p: { file: string; severity: string }) => [p.severity, p.file])).toEqual([['warning', 'bantin.yaml']]);
    expect(report.warnings[0].message).toMatch(/titel/);
    expect(report.warnings[0].message).toMatch(/không /);
    const text = await bantin(['build', '--root', root]);
    expect(text.code).toBe(1);
    expect(text.stderr).toMatch(/content\/tin\/sai\.md:\d+: error: /);
    expect(text.stderr).toMatch(/^bantin\.yaml:\d+: warning: /m);
    expect(text.stderr.endsWith('bantin: build failed with 1 error(s); the output folder was not changed\n')).toBe(true);
  });

  it('--verbose adds one line per stage with its time; without it, the summary alone', async () => {
    const root = site();
    const quiet = await bantin(['build', '--root', root]);
    expect(quiet.stdout.split('\n')).toHaveLength(2);
    const loud = await bantin(['build', '--root', root, '--verbose', '--no-cache']);
    const lines = loud.stdout.split('\n');
    expect(lines[0]).toMatch(/^bantin: built \d+ pages/);
    expect(lines.length).toBeGreaterThan(6);
    for (const stage of ['load', 'render', 'feeds', 'search', 'write']) expect(loud.stdout).toMatch(new RegExp(`^  ${stage.padEnd(10)} [\\d.]+ ms$`, 'm'));
  });

  it('a build that fails for another reason than the site: the command, the reason, the --verbose hint; the stack with --verbose', async () => {
    const root = site();
    // Linux refuses any new folder in /proc (ENOENT) and /sys (EPERM): nothing is written there.
    const r = await bantin(['build', '--root', root, '--out', '/proc/bantin-test-out']);
    expect(r).toEqual({ code: 1, stdout: '', stderr: expect.stringMatching(/^bantin: build failed: ENOENT: no such file or directory, mkdir '\/proc\/[^']+'\n  \(run again with --verbose for details\)\n$/) });
    const verbose = await bantin(['build', '--root', root, '--out', '/proc/bantin-test-out', '--verbose']);
    expect(verbose.stderr).toMatch(/^bantin: build failed: ENOENT[^\n]*\nError: ENOENT[^]*\n\s+at /);
    const known = await bantin(['build', '--root', root, '--out', '/sys/bantin-test-out']);
    expect(known.code).toBe(1);
    expect(known.stderr).toMatch(/^\/sys\/\S+: error: no permission to write here \(EPERM\)\n  hint: [^\n]+\nbantin: build failed\n  \(run again with --verbose for details\)\n$/);
  });
});

describe('bantin build and workspaces', () => {
  it('a workspace option without --all: exit 2, which option, and the help', async () => {
    const root = site();
    for (const [option, ...value] of [['--only', 'xa-01'], ['--shard', '1/2'], ['--changed-since', 'HEAD'], ['--jobs', '2'], ['--index-only'], ['--list']]) {
      const r = await bantin(['build', '--root', root, option, ...value]);
      expect(r, option).toEqual({ code: 2, stdout: '', stderr: `bantin: ${option} goes with --all only\n\n${USAGE_EN}` });
    }
  });

  it('a workspace built as one site: exit 2, what to run instead, without the help', async () => {
    const ws = makeWorkspace(2);
    const expected = { code: 2, stdout: '', stderr: `bantin: ${ws} is a workspace of 2 sites: build them all with \`bantin build --all\`, or one with \`--all --only NAME\`\n` };
    expect(await bantin(['build', '--root', ws])).toEqual(expected);
    expect(await bantin(['build'], { cwd: ws })).toEqual(expected);
    expect(existsSync(join(ws, 'dist'))).toBe(false);
  });

  it('--workspace builds one site with the workspace\'s theme and defaults; a folder that is none is a usage error', async () => {
    const ws = makeWorkspace(2);
    const one = join(ws, 'sites/xa-01');
    const r = await bantin(['build', '--root', one, '--workspace', ws]);
    expect(r.code, r.stderr).toBe(0);
    expect(readPage(join(one, 'dist'), '').querySelector('.province-footer')!.text).toContain('0238 3812 345');
    const alone = await bantin(['build', '--root', one, '--out', join(one, 'alone')]);
    expect(alone.code, alone.stderr).toBe(0);
    expect(readPage(join(one, 'alone'), '').querySelector('.province-footer')).toBeNull();
    const none = site();
    const bad = await bantin(['build', '--root', one, '--workspace', none]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe(`bantin: --all needs a workspace: ${none} has no bantin.yaml with a \`sites:\` key\n\n${USAGE_EN}`);
  });

  it('--all goes to the workspace build, whose usage mistakes come back as usage errors', async () => {
    const ws = makeWorkspace(2);
    const listed = await bantin(['build', '--all', '--root', ws, '--list', '--only', 'xa-01']);
    expect(listed.code, listed.stderr).toBe(0);
    const bad = await bantin(['build', '--all', '--root', ws, '--base-url', 'https://x.vn/']);
    expect(bad.code).toBe(2);
    expect(bad.stderr.startsWith('bantin: ')).toBe(true);
    expect(bad.stderr.endsWith(USAGE_EN)).toBe(true);
  });
});
