// A save that lands while the deferred part of the last rebuild runs: it is served at once, the
// deferred part is abandoned midway, and the next one redoes its work, so the site ends as a clean build's.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { build } from '../src/build/build.js';
import { createDevSession } from '../src/serve/dev-session.js';
import { serve } from '../src/serve/serve.js';
import { article, makeSite, readSite, writeFiles } from './helpers.js';
import { listenEvents } from './serve-helpers.js';

const NOW = Date.UTC(2025, 0, 1);
const BASE = 'http://127.0.0.1:9/';

const SITE: Record<string, string> = { 'bantin.yaml': 'title: Xã Thử\npageSize: 4\nrelatedCount: 2\n' };
for (let i = 1; i <= 9; i++) SITE[`content/tin-tuc/bai-${i}.md`] = article({ title: `Bài ${i}`, date: `2024-05-0${i} 09:00` }, `Đoạn của bài ${i}.`);
const edit = (root: string, n: number, fields: Record<string, string>, body: string) =>
  writeFiles(root, { [`content/tin-tuc/bai-${n}.md`]: article({ title: `Bài ${n}`, date: `2024-05-0${n} 09:00`, ...fields }, body) });
const bytes = (files: ReadonlyMap<string, Uint8Array>) => new Map([...files].map(([p, c]) => [p, Buffer.from(c)]));
const clean = (root: string, baseUrl: string, now?: number) => readSite(build({ root, out: join(root, '..', `${root.split('/').pop()}-clean`), baseUrl, now }).out);

describe('a save during the deferred part of the last rebuild', () => {
  // The second save edits another article in place (a quick edit) or moves one (a full re-plan).
  const second: [string, number, Record<string, string>, string][] = [
    ['a quick edit', 7, { title: 'Bài bảy' }, 'Thân bảy.'],
    ['a move', 2, { date: '2024-05-10 09:00' }, 'Thân hai.'],
  ];
  for (const [kind, n, fields, body] of second) {
    it(`abandons it at steps throughout, serves ${kind} at once, and ends as a clean build`, () => {
      let expected: Map<string, Buffer> | null = null;
      let steps = Infinity;
      // Steps the deferred part of the first save is abandoned after: each between the plan's
      // stages (six), then groups (one a step), every sixth up to the end.
      for (let k = 1; k < steps; k += k < 7 ? 1 : 6) {
        const root = makeSite(SITE, 'interrupt');
        const session = createDevSession({ root, baseUrl: BASE, now: NOW }, { sliceMs: 0 });
        session.rebuild();
        edit(root, 4, { title: 'Bài bốn' }, 'Thân bốn.');
        expect(session.rebuild({ defer: true, paths: [join(root, 'content/tin-tuc/bai-4.md')] }).planned).toBe(false);
        let ran = 0;
        while (ran < k && !session.stepDeferred()!.done) ran++;
        if (ran < k) {
          // The part finished before step k: every step has been tried.
          steps = k;
          break;
        }
        edit(root, n, fields, body);
        const result = session.rebuild({ defer: true, paths: [join(root, `content/tin-tuc/bai-${n}.md`)] });
        expect(result.ok).toBe(true);
        expect(result.planned).toBe(kind === 'a move');
        expect(session.interrupted).toBe(1);
        expect(Buffer.from(session.files.get(`tin-tuc/bai-${n}/index.html`)!).toString()).toContain(body);
        // The first save's own page stays served as it was saved.
        expect(Buffer.from(session.files.get('tin-tuc/bai-4/index.html')!).toString()).toContain('Thân bốn.');
        session.finishDeferred();
        expected ??= clean(root, BASE, NOW);
        expect(bytes(session.files)).toEqual(expected);
      }
      // The plan, then many groups one at a time: the loop above reached the end.
      expect(steps).toBeGreaterThan(10);
      expect(steps).toBeLessThan(Infinity);
    });
  }
});

describe('bantin serve, a save while the deferred part runs', () => {
  let stop: (() => Promise<void>) | null = null;
  afterAll(async () => {
    await stop?.();
  });

  it('serves the save at once, abandons the part, and its next deferred part redoes the work', async () => {
    const root = makeSite(SITE, 'interrupt-serve');
    const calls: number[] = [];
    let saved: { event: string; page: string; callsThen: number } | null = null;
    let live: ReturnType<typeof listenEvents>;
    let url = '';
    // Between the first and the second step of the first deferred part (the plan done, no group
    // produced yet), the editor saves again; the hook waits until that save is served.
    const betweenSteps = async (step: number) => {
      calls.push(step);
      if (saved || calls.length !== 1) return;
      const since = Date.now();
      edit(root, 7, { title: 'Bài bảy' }, 'Thân bảy trong lúc chờ.');
      const event = await live.answering('content/tin-tuc/bai-7.md', since);
      const page = await (await fetch(new URL('tin-tuc/bai-7/', url))).text();
      saved = { event: event.event, page, callsThen: calls.length };
    };
    const server = await serve({ root, port: 0, host: '127.0.0.1', log: () => {}, betweenSteps });
    stop = () => server.close();
    url = server.url;
    live = listenEvents(url);
    await live.ready;

    // A write just after the watcher is ready can go unseen: write again until it is answered.
    for (let tries = 0; ; tries++) {
      const since = Date.now();
      edit(root, 4, { title: 'Bài bốn' }, 'Thân bốn.');
      const answered = await live.answering('content/tin-tuc/bai-4.md', since, 5_000).then(() => true, () => false);
      if (answered) break;
      if (tries === 10) throw new Error('the watcher never saw the first save');
    }
    // Bounded wait for the second save, then for its deferred part (not a timing assertion).
    for (let i = 0; i < 600 && !saved; i++) await new Promise((r) => setTimeout(r, 50));
    await settled(server);

    expect(saved).not.toBeNull();
    expect(saved!.event).toBe('reload');
    expect(saved!.page).toContain('Thân bảy trong lúc chờ.');
    // While the hook waited, no other step ran; then the first part stopped, the second's started.
    expect(saved!.callsThen).toBe(1);
    expect(calls[1]).toBe(1);
    expect(server.session.interrupted).toBe(1);
    const expected = clean(root, server.url.replace(/\/?$/, '/'), Date.now());
    expect(bytes(server.session.files)).toEqual(expected);
  });
});

/** Resolves once the rebuilds and the deferred part after the last have finished. */
async function settled(server: Awaited<ReturnType<typeof serve>>): Promise<void> {
  for (let now = server.idle(); ; now = server.idle()) {
    await now;
    if (now === server.idle()) return;
  }
}
