// Every flag of every command, through the real `bantin` command, checked in what it produces
// (issue 22, mutant 5: `bantin build` ignored --base-url). check --strict/--json: check-strict.test.ts.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { article, CLI, freePort, makeSite, readPage, runCli, tempDir } from '../helpers.js';
import { rawGet, startServe } from '../serve-helpers.js';

const CONFIG = 'title: Xã Thử\nbaseUrl: https://tu-cau-hinh.example.vn/\n';
const ARTICLE = article({ title: 'Bài A', date: '2024-01-02 09:00', summary: 'Tóm tắt.' });
const DRAFT = article({ title: 'Bản nháp', date: '2024-01-03 09:00', draft: true, summary: 'Nháp.' });
const BROKEN = article({ title: 'Liên kết hỏng', date: '2024-01-01 09:00', summary: 'Hỏng.' }, 'Xem [bài](../khong-co.md).');

function site(extra: Record<string, string> = {}): string {
  return makeSite({ 'bantin.yaml': CONFIG, 'content/tin/a.md': ARTICLE, 'content/tin/nhap.md': DRAFT, ...extra }, 'flags');
}


describe('bantin build flags', () => {
  it('--base-url overrides baseUrl of bantin.yaml in links, canonical URLs, feeds and sitemap', () => {
    const root = site();
    const out = join(tempDir('flags-out'), 'dist');
    const r = runCli(['build', '--root', root, '--out', out, '--base-url', 'https://xa.example.gov.vn/cong/']);
    expect(r.status, r.stderr).toBe(0);
    const home = readPage(out, '');
    expect(home.querySelector('link[rel=canonical]')!.getAttribute('href')).toBe('https://xa.example.gov.vn/cong/');
    const hrefs = home.querySelectorAll('a[href^="/"]').map((a) => a.getAttribute('href')!);
    expect(hrefs.length).toBeGreaterThan(3);
    for (const href of hrefs) expect(href.startsWith('/cong/'), href).toBe(true);
    expect(readFileSync(join(out, 'feed.xml'), 'utf8')).toContain('<link>https://xa.example.gov.vn/cong/</link>');
    expect(readFileSync(join(out, 'sitemap.xml'), 'utf8')).toContain('<loc>https://xa.example.gov.vn/cong/tin-tuc/a/</loc>');
    for (const file of ['index.html', 'feed.xml', 'sitemap.xml', 'atom.xml', 'feed.json']) {
      expect(readFileSync(join(out, file), 'utf8'), file).not.toContain('tu-cau-hinh.example.vn');
    }
    // Without the flag, bantin.yaml's baseUrl is used: the flag is what made the difference.
    const plain = join(tempDir('flags-out'), 'dist');
    expect(runCli(['build', '--root', root, '--out', plain]).status).toBe(0);
    expect(readPage(plain, '').querySelector('link[rel=canonical]')!.getAttribute('href')).toBe('https://tu-cau-hinh.example.vn/');
  });

  it('--out writes there and nowhere else; without it, ROOT/dist', () => {
    const root = site();
    const out = join(tempDir('flags-out'), 'public');
    expect(runCli(['build', '--root', root, '--out', out]).status).toBe(0);
    expect(existsSync(join(out, 'tin-tuc/a/index.html'))).toBe(true);
    expect(existsSync(join(root, 'dist'))).toBe(false);
    expect(runCli(['build', '--root', root]).status).toBe(0);
    expect(existsSync(join(root, 'dist/tin-tuc/a/index.html'))).toBe(true);
  });

  it('--drafts publishes drafts; without it they are left out', () => {
    const root = site();
    expect(runCli(['build', '--root', root]).status).toBe(0);
    expect(existsSync(join(root, 'dist/tin-tuc/nhap/index.html'))).toBe(false);
    expect(readFileSync(join(root, 'dist/index.html'), 'utf8')).not.toContain('Bản nháp');
    expect(runCli(['build', '--root', root, '--drafts']).status).toBe(0);
    expect(readPage(join(root, 'dist'), 'tin-tuc/nhap/').querySelector('h1')!.text).toBe('Bản nháp');
  });

  it('--strict turns a broken link into an error, exit 1, and leaves the output as it was', () => {
    const root = site({ 'content/tin/hong.md': BROKEN });
    const loose = runCli(['build', '--root', root]);
    expect(loose.status).toBe(0);
    expect(loose.stderr).toMatch(/content\/tin\/hong\.md:\d+:\d+: warning: broken link: \.\.\/khong-co\.md/);
    const before = readFileSync(join(root, 'dist/index.html'));
    const strict = runCli(['build', '--root', root, '--strict', '--drafts']);
    expect(strict.status).toBe(1);
    expect(strict.stderr).toMatch(/content\/tin\/hong\.md:\d+:\d+: error: broken link: \.\.\/khong-co\.md/);
    expect(strict.stderr).toContain('the output folder was not changed');
    expect(readFileSync(join(root, 'dist/index.html'))).toEqual(before);
  });

  it('--json reports the build as JSON; --no-cache rebuilds everything instead of reusing', () => {
    const root = site();
    const first = runCli(['build', '--root', root, '--json']);
    expect(first.status, first.stderr).toBe(0);
    const report = JSON.parse(first.stdout);
    expect(report).toMatchObject({ ok: true, out: join(root, 'dist'), errors: [], warnings: [] });
    expect(report.pages).toBeGreaterThan(3);
    expect(report.files).toBeGreaterThan(report.pages);
    expect(existsSync(join(root, '.bantin'))).toBe(true);
    const cached = JSON.parse(runCli(['build', '--root', root, '--json']).stdout);
    const fresh = JSON.parse(runCli(['build', '--root', root, '--json', '--no-cache']).stdout);
    // Nothing changed: the cached build reuses every file; --no-cache writes them all again.
    expect(cached).toMatchObject({ files: 0, reused: report.files });
    expect(fresh).toMatchObject({ files: report.files, reused: 0 });
    // Failure as JSON: the problems, on stdout, with exit 1.
    const bad = runCli(['build', '--root', site({ 'content/tin/hong.md': BROKEN }), '--json', '--strict']);
    expect(bad.status).toBe(1);
    const failed = JSON.parse(bad.stdout);
    expect(failed.ok).toBe(false);
    expect(failed.errors[0]).toMatchObject({ severity: 'error', file: 'content/tin/hong.md' });
  });

  it('--verbose prints per-stage timings; without it, one line', () => {
    const root = site();
    const quiet = runCli(['build', '--root', root]);
    expect(quiet.stdout.trim().split('\n')).toHaveLength(1);
    const loud = runCli(['build', '--root', root, '--verbose', '--no-cache']);
    expect(loud.status).toBe(0);
    for (const stage of ['load', 'render', 'feeds', 'search', 'write']) expect(loud.stdout).toMatch(new RegExp(`^  ${stage} +[\\d.]+ ms$`, 'm'));
  });

  it('an unknown flag is a usage error, exit 2', () => {
    const r = runCli(['build', '--root', site(), '--base-uri', 'https://x.vn/']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--base-uri');
    expect(r.stderr).toContain('Usage: bantin');
  });
});

describe('bantin serve flags', () => {
  it('--port, --host, --base-url and --drafts', async () => {
    const root = site();
    const port = await freePort();
    // 127.0.0.2 is loopback too: it shows the server listens where --host says, not on the default.
    const server = await startServe(root, ['--port', String(port), '--host', '127.0.0.2', '--base-url', 'https://xa.example.gov.vn/cong/', '--drafts']);
    try {
      expect(server.url).toBe(`http://127.0.0.2:${port}/cong/`);
      const get = (path: string) => fetch(`http://127.0.0.2:${port}${path}`).then(async (r) => ({ status: r.status, body: await r.text() }));
      const home = await get('/cong/');
      expect(home.status).toBe(200);
      expect(home.body).toContain('href="/cong/tin-tuc/a/"');
      expect((await get('/cong/tin-tuc/nhap/')).body).toContain('Bản nháp');
      expect((await get('/tin-tuc/a/')).status).toBe(404);
      await expect(rawGet(port, '/cong/')).rejects.toThrow(/ECONNREFUSED/);
    } finally {
      await server.stop();
    }
  });

  it('without --drafts, drafts are not served', async () => {
    const server = await startServe(site());
    try {
      expect((await rawGet(server.port, '/tin-tuc/a/')).status).toBe(200);
      expect((await rawGet(server.port, '/tin-tuc/nhap/')).status).toBe(404);
    } finally {
      await server.stop();
    }
  });
});

describe('bantin new flags', () => {
  it('--category and --author fill the front matter and choose the folder', () => {
    const root = site();
    const r = runCli(['new', 'Thông báo lịch tiếp dân', '--root', root, '--category', 'Thông báo', '--author', 'Văn phòng UBND']);
    expect(r.status, r.stderr).toBe(0);
    const path = /created (\S+\.md)/.exec(r.stdout)![1];
    expect(path).toMatch(new RegExp(`^${root}/content/thong-bao/\\d{4}/thong-bao-lich-tiep-dan\\.md$`));
    const text = readFileSync(path, 'utf8');
    expect(text).toContain('category: "Thông báo"');
    expect(text).toContain('author: "Văn phòng UBND"');
    expect(text).toContain('title: "Thông báo lịch tiếp dân"');
    expect(runCli(['check', '--root', root]).status).toBe(0);
  });
});

describe('bantin and its output pipe', () => {
  it('output into a pipe its reader closed (bantin help | head -0) is no failure: exit 0, nothing on stderr', async () => {
    const child = spawn(process.execPath, [CLI, 'help'], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, BANTIN_LANG: 'en' } });
    // Closed before bantin has started, so its first write meets EPIPE.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const code = await new Promise((done) => child.on('close', done));
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
  });
});
