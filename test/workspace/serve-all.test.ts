// `bantin serve --all` over real HTTP on 127.0.0.1: each site under /<name>/ with its base path, the
// province page at /, --only, and live reload that answers an edit in one site on that site's events only.
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'node-html-parser';
import { CLI } from '../helpers.js';
import { makeWorkspace } from './harness.js';

/** Collects the server-sent events of one site's live-reload stream. */
function listen(url: string) {
  const events: string[] = [];
  const stop = new AbortController();
  const ready = fetch(url, { signal: stop.signal }).then(async (res) => {
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    const reader = res.body!.getReader();
    void (async () => {
      let buffer = '';
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return;
          buffer += Buffer.from(value).toString('utf8');
          for (const m of buffer.matchAll(/^event: (\w+)$/gm)) events.push(m[1]);
          buffer = buffer.slice(buffer.lastIndexOf('\n') + 1);
        }
      } catch {
        // stopped
      }
    })();
  });
  return { events, ready, close: () => stop.abort() };
}

describe('bantin serve --all', () => {
  let child: ChildProcess;
  let base: string;
  let ws: string;
  let output = '';
  beforeAll(async () => {
    ws = makeWorkspace(3, { name: 'ws-serve' });
    child = spawn(process.execPath, [CLI, 'serve', '--all', '--root', ws, '--port', '0', '--only', 'xa-01,xa-02'], { env: { ...process.env, NO_COLOR: '1', BANTIN_LANG: 'en' } });
    child.stdout!.on('data', (d) => (output += d));
    child.stderr!.on('data', (d) => (output += d));
    base = await new Promise<string>((ok, fail) => {
      const timer = setTimeout(() => fail(new Error(`serve --all did not start:\n${output}`)), 60_000);
      child.stdout!.on('data', () => {
        const m = /serving 2 sites at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
        if (m) ok(m[1]), clearTimeout(timer);
      });
      child.on('exit', (code) => fail(new Error(`serve --all exited with ${code}:\n${output}`)));
    });
  });
  afterAll(async () => {
    if (child.exitCode === null) await new Promise((ok) => child.once('exit', ok).kill('SIGTERM'));
  });

  it('serves each site under its own folder, with links under that base path', async () => {
    for (const name of ['xa-01', 'xa-02']) {
      const res = await fetch(new URL(`${name}/`, base));
      expect(res.status).toBe(200);
      const page = parse(await res.text());
      expect(page.querySelector('title')!.text).toContain(`Xã số ${Number(name.slice(3))} & <Hòa>`);
      expect(page.querySelector('.province-footer')!.text).toBe('Ủy ban nhân dân tỉnh Sông Lam · 0238 3812 345');
      const article = page.querySelectorAll('a').map((a) => a.getAttribute('href')!).find((h) => h.includes('/tin-tuc/bai-1/'))!;
      expect(article).toMatch(new RegExp(`^(${base.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')})?/${name}/tin-tuc/bai-1/$`));
      expect((await fetch(new URL(article, base))).status).toBe(200);
    }
    const bare = await fetch(new URL('xa-01', base), { redirect: 'manual' });
    expect([bare.status, bare.headers.get('location')]).toEqual([301, '/xa-01/']);
    // Not asked for with --only.
    expect((await fetch(new URL('xa-03/', base))).status).toBe(404);
  });

  it('serves the province page listing both sites with their newest articles', async () => {
    const res = await fetch(base);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const page = parse(await res.text());
    expect(page.querySelectorAll('main h2 a').map((a) => [a.getAttribute('href'), a.text])).toEqual([['xa-01/', 'Xã số 1 & <Hòa>'], ['xa-02/', 'Xã số 2 & <Hòa>']]);
    for (const href of page.querySelectorAll('main li a').map((a) => a.getAttribute('href')!)) {
      expect((await fetch(new URL(href, base))).status).toBe(200);
    }
  });

  it('reloads the pages of the site that was edited, and not the other', async () => {
    const one = listen(new URL('xa-01/__bantin/events', base).href);
    const two = listen(new URL('xa-02/__bantin/events', base).href);
    await Promise.all([one.ready, two.ready]);
    const page = await (await fetch(new URL('xa-01/', base))).text();
    expect(page).toContain('EventSource("/xa-01/__bantin/events")');
    writeFileSync(join(ws, 'sites/xa-01/content/tin-tuc/bai-1.md'), '---\ntitle: "Tin đã sửa"\ndate: 2025-02-11 08:30\n---\nSửa.\n');
    const end = Date.now() + 30_000;
    while (!one.events.includes('reload') && Date.now() < end) await new Promise((ok) => setTimeout(ok, 100));
    expect(one.events).toContain('reload');
    expect(await (await fetch(new URL('xa-01/tin-tuc/bai-1/', base))).text()).toContain('Tin đã sửa');
    expect(two.events).not.toContain('reload');
    one.close();
    two.close();
  });
});
