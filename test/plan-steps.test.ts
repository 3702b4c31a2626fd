// The plan in steps: reading the articles and planning their pages yield every few hundred, so
// that a save during the dev server's deferred re-plan of a large site waits for one short step,
// not for a whole stage; and a re-plan abandoned in the middle of a stage leaves nothing wrong.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../src/build/build.js';
import { newCache } from '../src/plan/cache.js';
import { planSiteSteps } from '../src/plan/plan-site.js';
import { createDevSession } from '../src/serve/dev-session.js';
import { article, makeSite, readSite, writeFiles } from './helpers.js';

const NOW = Date.UTC(2025, 0, 1);
const BASE = 'http://127.0.0.1:9/';

function site(n: number): Record<string, string> {
  const files: Record<string, string> = { 'bantin.yaml': 'title: Xã Thử\npageSize: 50\n' };
  for (let i = 0; i < n; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    files[`content/tin-tuc/bai-${String(i).padStart(4, '0')}.md`] = article({ title: `Bài ${i}`, date: `2024-05-${day} 09:${String(i % 60).padStart(2, '0')}` }, `Đoạn của bài ${i}.`);
  }
  return files;
}

/** How many times planning the site yields, and the plan. */
function countSteps(root: string) {
  const steps = planSiteSteps({ root, baseUrl: BASE, now: NOW }, newCache());
  let yields = 0;
  for (let step = steps.next(); ; step = steps.next(), yields++) if (step.done) return { yields, plan: step.value };
}

describe('planning a site in steps', () => {
  it('yields every 400 article files read and every 1,000 article pages planned, on top of one per stage', () => {
    const small = countSteps(makeSite(site(1), 'steps-1'));
    const large = countSteps(makeSite(site(1001), 'steps-1001'));
    expect(large.plan.groups.length).toBeGreaterThan(1001);
    // Reading 1,001 files: after the 400th and the 800th; planning 1,001 article pages: after the 1,000th.
    expect(large.yields - small.yields).toBe(3);
  });

  it('ends as a clean build after a re-plan abandoned in the middle of reading the articles', () => {
    const root = makeSite(site(450), 'steps-abandon');
    const session = createDevSession({ root, baseUrl: BASE, now: NOW }, { sliceMs: 0 });
    session.rebuild();
    const first = join(root, 'content/tin-tuc/bai-0100.md');
    writeFiles(root, { 'content/tin-tuc/bai-0100.md': article({ title: 'Bài một trăm, sửa', date: '2024-05-17 09:40' }, 'Thân sửa lần một.') });
    expect(session.rebuild({ defer: true, paths: [first] }).planned).toBe(false);
    // The deferred part is a whole re-plan: its first step lists the files, its second reads the first 400.
    expect(session.stepDeferred()!.done).toBe(false);
    expect(session.stepDeferred()!.done).toBe(false);
    // A save that moves an article (a whole re-plan, at once) while 50 files are left unread.
    writeFiles(root, { 'content/tin-tuc/bai-0420.md': article({ title: 'Bài 420, dời ngày', date: '2024-06-30 08:00' }, 'Thân dời.') });
    const result = session.rebuild({ defer: true, paths: [join(root, 'content/tin-tuc/bai-0420.md')] });
    expect(result.ok).toBe(true);
    expect(result.planned).toBe(true);
    expect(session.interrupted).toBe(1);
    session.finishDeferred();
    const clean = readSite(build({ root, out: join(root, '..', 'steps-abandon-clean'), baseUrl: BASE, now: NOW }).out);
    const served = new Map([...session.files].map(([p, c]) => [p, Buffer.from(c)]));
    expect(served).toEqual(clean);
  });

  it('lets a save through in the middle of the search index, and ends as a clean build', () => {
    const root = makeSite(site(12), 'steps-search');
    const session = createDevSession({ root, baseUrl: BASE, now: NOW }, { sliceMs: 0 });
    session.rebuild();
    // A move re-plans at once and leaves the feeds, the sitemap and then the search index for later.
    writeFiles(root, { 'content/tin-tuc/bai-0003.md': article({ title: 'Bài 3, dời ngày', date: '2024-07-01 08:00' }, 'Thân bài ba, cánh đồng mẫu lớn.') });
    expect(session.rebuild({ defer: true, paths: [join(root, 'content/tin-tuc/bai-0003.md')] }).planned).toBe(true);
    const searchFiles = () => new Map([...session.files].filter(([p]) => p.startsWith('search/')).map(([p, c]) => [p, Buffer.from(c)]));
    const before = searchFiles();
    // Feeds, sitemap, then two steps into the search index: its files are not served yet.
    for (let i = 0; i < 4; i++) expect(session.stepDeferred()!.done).toBe(false);
    expect(searchFiles()).toEqual(before);
    writeFiles(root, { 'content/tin-tuc/bai-0007.md': article({ title: 'Bài 7, dời ngày', date: '2024-07-02 08:00' }, 'Thân bài bảy, ruộng bậc thang.') });
    expect(session.rebuild({ defer: true, paths: [join(root, 'content/tin-tuc/bai-0007.md')] }).ok).toBe(true);
    expect(session.interrupted).toBe(1);
    session.finishDeferred();
    const clean = readSite(build({ root, out: join(root, '..', 'steps-search-clean'), baseUrl: BASE, now: NOW }).out);
    expect(new Map([...session.files].map(([p, c]) => [p, Buffer.from(c)]))).toEqual(clean);
  });
});
