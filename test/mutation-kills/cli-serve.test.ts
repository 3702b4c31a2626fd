// `bantin serve` in-process (src/cli/main.ts): its flags checked over HTTP, the port and host checks,
// workspaces, and stopping (the io's promise, or SIGINT/SIGTERM). The real binary: cli-flags.test.ts.
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { text } from '../../src/base/messages/index.js';
import { article, freePort, makeSite, tempDir } from '../helpers.js';
import { makeWorkspace, ROOT_CONFIG } from '../workspace/harness.js';
import { bantin, type Ran } from './cli-io.js';

const USAGE_EN = text('cli-usage', {}, 'en');
const site = () => makeSite({
  'bantin.yaml': 'title: Xã Thử\nlocale: en\nbaseUrl: https://tu-cau-hinh.example.vn/\n',
  'content/tin/a.md': article({ title: 'Bài A', date: '2024-01-02 09:00', author: 'B', summary: 'Tóm tắt.' }),
  'content/tin/nhap.md': article({ title: 'Bản nháp', date: '2024-01-03 09:00', draft: true, summary: 'Nháp.' }),
}, 'cli-serve');

const get = (url: string) => fetch(url).then(async (r) => ({ status: r.status, body: await r.text() }));

/**
 * Runs `bantin serve ARGS…` until `visit` has run against the URL it says it serves; `seen` is that
 * URL (null when it never served).
 */
async function serving(args: string[], visit: (url: string) => Promise<void> = async () => {}, cwd?: string, env?: Record<string, string>): Promise<Ran & { seen: string | null }> {
  let seen: string | null = null;
  let release!: () => void;
  let failed: unknown;
  const stop = new Promise<void>((resolve) => { release = resolve; });
  const ran = await bantin(['serve', ...args], {
    cwd,
    env,
    stop,
    onStdout: (chunk) => {
      const m = /serving (?:\d+ sites at )?(\S+)/.exec(chunk);
      if (!m) return;
      seen = m[1];
      visit(m[1]).catch((err) => { failed = err; }).finally(release);
    },
  });
  if (failed) throw failed;
  return { ...ran, seen };
}

describe('bantin serve in-process', () => {
  it('--port, --host, --base-url and --drafts; stops when told, and the port is free again', async () => {
    const root = site();
    const port = await freePort();
    const r = await serving(['--root', root, '--port', String(port), '--host', '127.0.0.2', '--base-url', 'https://xa.example.gov.vn/cong/', '--drafts'], async (url) => {
      expect(url).toBe(`http://127.0.0.2:${port}/cong/`);
      const home = await get(url);
      expect(home.status).toBe(200);
      expect(home.body).toContain('href="/cong/tin-tuc/a/"');
      expect((await get(`${url}tin-tuc/nhap/`)).body).toContain('Bản nháp');
    });
    expect(r.code).toBe(0);
    expect(r.seen).not.toBeNull();
    expect(r.stdout).toContain(`bantin: serving http://127.0.0.2:${port}/cong/ (Ctrl+C to stop)\n`);
    // 127.0.0.2 is no name of this machine's own: the warning that others may see the preview.
    expect(r.stderr).toBe('bantin: warning: serving on 127.0.0.2 makes the preview (drafts included, with --drafts) visible to other machines on the network\n');
    await expect(fetch(`http://127.0.0.2:${port}/cong/`)).rejects.toThrow();
  });

  it('defaults: 127.0.0.1, the current folder, no drafts, bantin.yaml\'s base path; no warning for this machine\'s own names', async () => {
    const root = site();
    const r = await serving(['--port', String(await freePort())], async (url) => {
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      expect((await get(`${url}tin-tuc/a/`)).status).toBe(200);
      expect((await get(`${url}tin-tuc/nhap/`)).status).toBe(404);
    }, root);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    for (const host of ['localhost', '::1', '127.0.0.1']) {
      const quiet = await serving(['--root', root, '--port', '0', '--host', host]);
      expect(quiet.code, host).toBe(0);
      expect(quiet.stderr, host).toBe('');
    }
  });

  it('a port that is no port: exit 2 and the help; 0 and 65535 are ports', async () => {
    const root = site();
    // '' is what an unset $PORT gives: it was taken as 0, a random port.
    for (const port of ['abc', '-1', '65536', '80.5', '', ' 80', '0x50', '1e3']) {
      // Stopped at once if it serves anyway (the check is missed), so the test fails instead of hanging.
      const r = await bantin(['serve', '--root', root, `--port=${port}`], { stop: Promise.resolve() });
      expect(r, port).toEqual({ code: 2, stdout: '', stderr: `bantin: --port must be a port number, not ${port}\n\n${USAGE_EN}` });
    }
    for (const port of ['0', '65535']) {
      const r = await serving(['--root', root, '--port', port]);
      expect(r.code, `${port}: ${r.stderr}`).toBe(0);
      expect(r.seen, port).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    }
  });

  it('without a stop promise, the first SIGINT or SIGTERM stops it, and its listeners go', async () => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      const before = [process.listenerCount('SIGINT'), process.listenerCount('SIGTERM')];
      let url = '';
      const run = bantin(['serve', '--root', site(), '--port', '0'], { onStdout: (chunk) => { url = /serving (\S+)/.exec(chunk)?.[1] ?? url; } });
      while (!url) await new Promise((r) => setTimeout(r, 20));
      expect((await get(url)).status).toBe(200);
      expect([process.listenerCount('SIGINT'), process.listenerCount('SIGTERM')]).toEqual([before[0] + 1, before[1] + 1]);
      // Our own listener alone is called: emit, not kill, so vitest's worker is not signalled.
      for (const listener of process.listeners(signal).slice(before[signal === 'SIGINT' ? 0 : 1])) (listener as () => void)();
      expect((await run).code).toBe(0);
      expect([process.listenerCount('SIGINT'), process.listenerCount('SIGTERM')]).toEqual(before);
      await expect(fetch(url)).rejects.toThrow();
    }
  });
});

describe('bantin serve --open', () => {
  it('runs the desktop\'s opener (xdg-open on Linux) with the URL it serves; without --open, nothing; a missing opener is no failure', async () => {
    // A stand-in for the desktop's xdg-open, first on the PATH bantin passes to it: it writes down its argument.
    const bin = tempDir('cli-open');
    const log = join(bin, 'opened.txt');
    writeFileSync(join(bin, 'xdg-open'), `#!/bin/sh\nprintf '%s' "$1" > '${log}'\n`);
    chmodSync(join(bin, 'xdg-open'), 0o755);
    const root = site();
    const waitFor = async (file: string) => {
      for (let i = 0; i < 200 && !existsSync(file); i++) await new Promise((r) => setTimeout(r, 25));
    };
    let opened = '';
    const r = await serving(['--root', root, '--port', '0', '--open'], async (url) => {
      await waitFor(log);
      opened = existsSync(log) ? readFileSync(log, 'utf8') : '';
      expect(opened).toBe(url);
    }, undefined, { PATH: bin });
    expect(r.code).toBe(0);
    expect(opened).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const plain = await serving(['--root', root, '--port', '0'], async () => { await new Promise((r) => setTimeout(r, 300)); }, undefined, { PATH: bin });
    expect(plain.code).toBe(0);
    expect(readFileSync(log, 'utf8')).toBe(opened);
    // No opener on the PATH: the preview is served all the same.
    const none = await serving(['--root', root, '--port', '0', '--open'], async (url) => {
      expect((await get(url)).status).toBe(200);
      await new Promise((r) => setTimeout(r, 200));
    }, undefined, { PATH: tempDir('cli-open-none') });
    expect(none.code).toBe(0);
  });
});

describe('bantin serve and workspaces', () => {
  it('--all serves every site of a workspace, --only some; a folder that is no workspace is a usage error', async () => {
    const ws = makeWorkspace(2);
    const all = await serving(['--all', '--root', ws, '--port', '0'], async (url) => {
      expect((await get(`${url}xa-01/`)).status).toBe(200);
      expect((await get(`${url}xa-02/`)).status).toBe(200);
    });
    expect(all.code, all.stderr).toBe(0);
    expect(all.stdout).toMatch(/bantin: serving 2 sites at http:\/\/127\.0\.0\.1:\d+\//);
    const only = await serving(['--all', '--root', ws, '--port', '0', '--only', 'xa-02'], async (url) => {
      expect((await get(`${url}xa-01/`)).status).toBe(404);
      expect((await get(`${url}xa-02/`)).status).toBe(200);
    });
    expect(only.stdout).toMatch(/bantin: serving 1 sites? at /);
    // --only again adds a site; --drafts serves the sites' drafts.
    writeFileSync(join(ws, 'sites/xa-01/content/tin-tuc/nhap.md'), article({ title: 'Nháp xã 1', date: '2025-01-01 08:00', draft: true }));
    const two = await serving(['--all', '--root', ws, '--port', '0', '--only', 'xa-01', '--only', 'xa-02', '--drafts'], async (url) => {
      expect((await get(`${url}xa-01/`)).status).toBe(200);
      expect((await get(`${url}xa-02/`)).status).toBe(200);
      expect((await get(`${url}xa-01/tin-tuc/nhap/`)).body).toContain('Nháp xã 1');
    });
    expect(two.stdout).toMatch(/bantin: serving 2 sites at /);
    const noDrafts = await serving(['--all', '--root', ws, '--port', '0', '--only', 'xa-01'], async (url) => {
      expect((await get(`${url}xa-01/tin-tuc/nhap/`)).status).toBe(404);
    });
    expect(noDrafts.code).toBe(0);
    const here = await serving(['--all', '--port', '0'], async () => {}, ws);
    expect(here.code).toBe(0);
    const none = site();
    const r = await bantin(['serve', '--all', '--root', none, '--port', '0']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`bantin: --all needs a workspace: ${none} has no bantin.yaml with a \`sites:\` key\n\n${USAGE_EN}`);
    const noneHere = await bantin(['serve', '--all', '--port', '0'], { cwd: none });
    expect(noneHere.stderr.startsWith(`bantin: --all needs a workspace: ${none} has`)).toBe(true);
  });

  it('--all prints the workspace\'s problems; a workspace without --all is refused; --workspace serves one site with its layer', async () => {
    const ws = makeWorkspace(2);
    writeFileSync(join(ws, 'bantin.yaml'), `${ROOT_CONFIG}colour: red\n`);
    const unknown = await serving(['--all', '--root', ws, '--port', '0']);
    expect(unknown.code).toBe(0);
    expect(unknown.stderr).toMatch(/^bantin\.yaml:\d+: warning: [^\n]*colour/);
    const refused = await bantin(['serve', '--root', ws, '--port', '0']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^bantin: \S+ is a workspace of 2 sites/);
    const one = join(ws, 'sites/xa-01');
    const r = await serving(['--root', one, '--workspace', ws, '--port', '0'], async (url) => {
      expect((await get(url)).body).toContain('province-footer');
    });
    expect(r.code, r.stderr).toBe(0);
    const stray = await bantin(['serve', '--root', one, '--only', 'xa-01', '--port', '0']);
    expect(stray.code).toBe(2);
  });
});
