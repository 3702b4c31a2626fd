// Saves that come faster than the dev server's deferred work: each is served at once, the deferred
// part of the one before is superseded, and once the editor stops the site is a clean build's.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../src/build/build.js';
import { createDevSession } from '../src/serve/dev-session.js';
import { article, makeSite, readSite, readTree, writeFiles } from './helpers.js';
import { listenEvents, startServe, stripLiveReload, type ServeProcess } from './serve-helpers.js';

const NOW = Date.UTC(2025, 0, 1);
const BASE = 'http://127.0.0.1:9/';

function site() {
  const files: Record<string, string> = { 'bantin.yaml': 'title: Xã Thử\npageSize: 4\nrelatedCount: 2\n' };
  for (let i = 1; i <= 9; i++) files[`content/tin-tuc/bai-${i}.md`] = article({ title: `Bài ${i}`, date: `2024-05-0${i} 09:00` }, `Đoạn của bài ${i}.`);
  return makeSite(files, 'rapid');
}
const edit = (root: string, n: number, title: string, body: string) =>
  writeFiles(root, { [`content/tin-tuc/bai-${n}.md`]: article({ title, date: `2024-05-0${n} 09:00` }, body) });

describe('saves in quick succession', () => {
  it('a save supersedes the deferred part of the one before, and the site ends as a clean build', () => {
    const root = site();
    const session = createDevSession({ root, baseUrl: BASE, now: NOW });
    session.rebuild();
    const page = (p: string) => Buffer.from(session.files.get(p)!).toString();
    // Body, title, another article, a move (a full re-plan), then a quick edit again: none waits
    // for the deferred part of the save before it.
    const saves: [number, string, string][] = [[4, 'Bài 4', 'Thân một.'], [4, 'Bài bốn', 'Thân hai.'], [7, 'Bài bảy', 'Thân ba.'], [2, 'Bài 2', 'Thân bốn.'], [4, 'Bài tư', 'Thân năm.']];
    for (const [n, title, body] of saves) {
      edit(root, n, title, body);
      const r = session.rebuild({ defer: true, paths: [join(root, `content/tin-tuc/bai-${n}.md`)] });
      expect(r.ok).toBe(true);
      expect(page(`tin-tuc/bai-${n}/index.html`)).toContain(body);
      expect(page(`tin-tuc/bai-${n}/index.html`)).toContain(`<title>${title}`);
    }
    // Listings show the new titles at once (four a page: 9–6 on the first, 5–2 on the second).
    expect(page('trang/2/index.html')).toContain('Bài tư');
    expect(page('index.html')).toContain('Bài bảy');
    // The feeds wait for the deferred part, which only the last save's runs.
    session.finishDeferred();
    const clean = readSite(build({ root, out: join(root, '..', `${root.split('/').pop()}-clean`), baseUrl: BASE, now: NOW }).out);
    expect(new Map([...session.files].map(([p, c]) => [p, Buffer.from(c)]))).toEqual(clean);
  });
});

describe('bantin serve under rapid saves', () => {
  let root: string;
  let server: ServeProcess;
  let live: ReturnType<typeof listenEvents>;
  beforeAll(async () => {
    root = site();
    server = await startServe(root);
    live = listenEvents(server.url);
    await live.ready;
  });
  afterAll(async () => {
    live?.close();
    await server?.stop();
  });
  const get = async (path: string) => (await fetch(new URL(path, server.url))).text();

  it('serves the last save, and then its feeds and search data', async () => {
    for (let i = 1; i <= 6; i++) {
      const since = Date.now();
      edit(root, 5, `Bài năm lần ${i}`, `Nội dung lần sửa thứ ${i}.`);
      const event = await live.answering('content/tin-tuc/bai-5.md', since);
      expect(event.event).toBe('reload');
      expect(await get('/tin-tuc/bai-5/')).toContain(`Nội dung lần sửa thứ ${i}.`);
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(await get('/trang/2/')).toContain('Bài năm lần 6');
    // Once the saves stop, the deferred part brings the feed along (bounded wait, not a timing assertion).
    for (let i = 0; i < 200 && !(await get('/feed.xml')).includes('Bài năm lần 6'); i++) await new Promise((r) => setTimeout(r, 50));
    const feed = await get('/feed.xml');
    expect(feed).toContain('Bài năm lần 6');
    expect(feed).not.toContain('Bài năm lần 5');
    const clean = build({ root, out: join(root, '..', `${root.split('/').pop()}-clean`), baseUrl: server.url.replace(/\/?$/, '/'), now: Date.now() }).out;
    expect(stripLiveReload(await get('/tin-tuc/bai-5/'))).toBe(readTree(clean).get('tin-tuc/bai-5/index.html')!.toString());
  });
});
