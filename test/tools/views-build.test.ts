// The counted views on the built site: article pages show front matter views + counted ones, the
// sidebar counter shows `visits` + the total, and a cached build re-renders only what they changed.
import { appendFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBuildCache } from '../../src/build/build-cache.js';
import { build as buildHere } from '../../src/build/build.js';
import { BUILD_ID } from '../../src/base/install.js';
import { readPage, readTree, runCli } from '../helpers.js';
import { ART1, ART2, ART3, GOOGLEBOT, line, MIN, PHONE, T0, views, viewsSite } from './views-helpers.js';

function build(root: string) {
  const r = runCli(['build', '--root', root, '--json']);
  if (r.status !== 0) throw new Error(`build failed:\n${r.stderr}${r.stdout}`);
  return JSON.parse(r.stdout) as { files: number; reused: number; warnings: { message: string }[] };
}

const shownViews = (dist: string, path: string) => readPage(dist, path).querySelector('.views')!.text;
const counter = (dist: string, path: string) => readPage(dist, path).querySelector('.visit-counter .visually-hidden')?.text ?? null;

/** Each file's identity on disk (inode and mtime): which files a build wrote anew. */
function stamps(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of readdirSync(dir, { recursive: true }).map(String)) {
    const st = statSync(join(dir, f), { bigint: true });
    if (st.isFile()) out.set(relative(dir, join(dir, f)), `${st.ino}:${st.mtimeNs}`);
  }
  return out;
}
/** The output groups (pages, feeds, search index...) by the fingerprint the last cached build rendered them with. */
const fingerprints = (root: string) => new Map([...loadBuildCache(root, BUILD_ID).outputs].map(([id, o]) => [id, o.fingerprint]));
/** The groups a build produced again: a page rendered to the same bytes is not rewritten, but it is re-rendered. */
const rendered = (before: Map<string, string>, after: Map<string, string>) => [...after].filter(([id, f]) => before.get(id) !== f).map(([id]) => id).sort();
const rewritten = (before: Map<string, string>, after: Map<string, string>) => [...after].filter(([f, s]) => before.get(f) !== s).map(([f]) => f).sort();

const log = [
  line('203.0.113.1', T0, `/xa${ART1}`),
  line('203.0.113.2', T0, `/xa${ART1}`, { ua: PHONE }),
  line('203.0.113.2', T0 + 5 * MIN, `/xa${ART1}`, { ua: PHONE }),
  line('203.0.113.3', T0, `/xa${ART2}`),
  line('66.249.66.1', T0, `/xa${ART3}`, { ua: GOOGLEBOT }),
  line('203.0.113.1', T0, '/xa/'),
].join('');

describe('counted views in the built site', () => {
  it('article pages show front matter views plus counted ones; every page\'s counter shows visits plus the total', () => {
    const root = viewsSite();
    const dist = join(root, 'dist');
    build(root);
    expect(shownViews(dist, 'tin-tuc/le-hoi-dua-thuyen/')).toBe('Số lượt người xem: 716');
    expect(counter(dist, '')).toBe('1.000');
    writeFileSync(join(root, 'access.log'), log);
    views(root, join(root, 'access.log'));
    const result = build(root);
    // A site under a base path is told where robots.txt must go; nothing else is said.
    expect(result.warnings.filter((w) => !w.message.includes('robots.txt'))).toEqual([]);
    expect(shownViews(dist, 'tin-tuc/le-hoi-dua-thuyen/')).toBe('Số lượt người xem: 718');
    expect(shownViews(dist, 'thong-bao/lich-tiep-dan/')).toBe('Số lượt người xem: 21.263');
    expect(shownViews(dist, 'tin-tuc/hoi-nghi/')).toBe('Số lượt người xem: 0');
    for (const page of ['', 'tin-tuc/', 'tin-tuc/hoi-nghi/', 'archive/', '404.html']) expect(counter(dist, page), page).toBe('1.004');
    // The counting state is not for templates, and nothing of it reaches the pages.
    expect([...readTree(dist).values()].some((b) => b.includes('203.0.113'))).toBe(false);
  });

  it('a cached build after a new count re-renders the pages whose number changed: with the counter, every page', () => {
    const root = viewsSite();
    const dist = join(root, 'dist');
    writeFileSync(join(root, 'access.log'), log);
    views(root, join(root, 'access.log'));
    buildHere({ root, cache: true });
    expect(buildHere({ root, cache: true }).files).toBe(0);
    const before = stamps(dist);
    const groups = fingerprints(root);
    appendFileSync(join(root, 'access.log'), line('203.0.113.9', T0 + 60 * MIN, `/xa${ART3}`));
    views(root, join(root, 'access.log'));
    buildHere({ root, cache: true });
    const html = [...before.keys()].filter((f) => f.endsWith('.html')).sort();
    expect(rewritten(before, stamps(dist))).toEqual(html);
    // Rendered again: every page, and no other output (feeds, search index, sitemap).
    expect(rendered(groups, fingerprints(root))).toEqual([...groups.keys()].filter((id) => id.startsWith('page:')).sort());
    expect(shownViews(dist, 'tin-tuc/hoi-nghi/')).toBe('Số lượt người xem: 1');
    expect(counter(dist, 'thong-bao/')).toBe('1.005');
  });

  it('without the counter in the sidebar, only the article whose count changed is re-rendered; a run with nothing new leaves the build up to date', () => {
    const root = viewsSite('sidebar: [date, links]\n');
    const dist = join(root, 'dist');
    writeFileSync(join(root, 'access.log'), log);
    views(root, join(root, 'access.log'));
    buildHere({ root, cache: true });
    const before = stamps(dist);
    const groups = fingerprints(root);
    appendFileSync(join(root, 'access.log'), line('203.0.113.9', T0 + 60 * MIN, `/xa${ART3}`) + line('203.0.113.9', T0 + 60 * MIN, '/xa/tin-tuc/'));
    views(root, join(root, 'access.log'));
    buildHere({ root, cache: true });
    expect(rewritten(before, stamps(dist))).toEqual(['tin-tuc/hoi-nghi/index.html']);
    expect(rendered(groups, fingerprints(root))).toEqual(['page:tin-tuc/hoi-nghi/']);
    expect(shownViews(dist, 'tin-tuc/hoi-nghi/')).toBe('Số lượt người xem: 1');
    // The next hour's run finds nothing new: data/views.json is left as it was, so the build's quick check holds.
    views(root, join(root, 'access.log'));
    expect(buildHere({ root, cache: true }).timings).toHaveProperty('check');
  });
});
