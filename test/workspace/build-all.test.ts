// `bantin build --all` over a generated workspace of 30 sites: every good site built with the shared
// theme, the broken one reported at its file and line and the rest still published, shards that
// split the sites exactly, and a site built in the workspace equal to the same site built alone.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readPage, readSite, runCli, tempDir } from '../helpers.js';
import { articleCount, BROKEN, BROKEN_AT, buildAll, listed, makeWorkspace, OVERRIDING, siteName, standaloneCopy, SHARED_FOOTER } from './harness.js';

const SITES = 30;
const ALL = Array.from({ length: SITES }, (_, i) => siteName(i + 1));

describe('bantin build --all', () => {
  let ws: string;
  let first: ReturnType<typeof buildAll>;
  beforeAll(() => {
    ws = makeWorkspace(SITES, { broken: true });
    first = buildAll(ws);
    // 30 sites on two processes: on a shared machine under load this can take a while.
  }, 240_000);

  it('builds the 29 good sites, reports the broken one at its file and line, and exits 1', () => {
    expect(first.status, first.stderr).toBe(1);
    const dist = join(ws, 'dist');
    expect(readdirSync(dist).filter((n) => n.startsWith('xa-')).sort()).toEqual(ALL.filter((n) => n !== BROKEN));
    expect(first.stderr).toContain(`${BROKEN_AT}:8: error: the double quote opened here is never closed\n 2 | title: "Bài hỏng`);
    // Every site has its line in the summary: pages for the good ones, the failure for the broken one.
    for (const name of ALL) {
      if (name === BROKEN) expect(first.stdout).toMatch(new RegExp(`✗ ${name}  FAILED \\(1 error\\(s\\)\\)`));
      else expect(first.stdout).toMatch(new RegExp(`✓ ${name}  \\d+ pages  \\d+ ms`));
    }
    expect(first.stdout).toContain('29 of 30 sites built, 1 failed');
  });

  it('gives every site the shared theme and defaults, and the overriding site its own template and key', () => {
    const dist = join(ws, 'dist');
    const shared = readPage(join(dist, 'xa-01'), '').querySelector('.province-footer')!;
    expect(shared.text).toBe('Ủy ban nhân dân tỉnh Sông Lam · 0238 3812 345');
    expect(readPage(join(dist, 'xa-01'), '').querySelector('title')!.text).toContain('Xã số 1 & <Hòa>');
    const own = readPage(join(dist, OVERRIDING), '');
    expect(own.querySelector('.province-footer')).toBeNull();
    expect(own.querySelector('.own-footer')!.text).toBe('RIÊNG Xã số 7 & <Hòa> · 0238 3812 345 · xa07@songlam.gov.vn');
  });

  it('writes the province page from the sites\' feeds: every built site, its newest articles, escaped', () => {
    const html = readFileSync(join(ws, 'dist', 'index.html'), 'utf8');
    expect(html).toContain('<title>Cổng thông tin tỉnh Sông Lam &lt;Tỉnh&gt;</title>');
    const page = readPage(join(ws, 'dist'), 'index.html');
    const sites = page.querySelectorAll('main section');
    expect(sites.map((s) => s.querySelector('h2 a')!.getAttribute('href'))).toEqual(ALL.filter((n) => n !== BROKEN).map((n) => `${n}/`));
    expect(sites[0].querySelector('h2')!.text).toBe('Xã số 1 & <Hòa>');
    expect(html).toContain('Xã số 1 &amp; &lt;Hòa&gt;');
    // xa-03 has 2 articles, `latest: 2` shows both, newest first, linked inside the output folder.
    const third = sites[2].querySelectorAll('li a');
    expect(third.length).toBe(Math.min(2, articleCount(3)));
    for (const a of third) expect(existsSync(join(ws, 'dist', a.getAttribute('href')!, 'index.html'))).toBe(true);
    expect(page.querySelector('h3')!.text).toBe('Tin mới');
  });

  it('builds a site into the same bytes as the same site built alone with the merged theme and config', () => {
    for (const i of [1, 7]) {
      const alone = standaloneCopy(ws, i);
      const out = join(tempDir('alone-out'), 'dist');
      const r = runCli(['build', '--root', alone, '--out', out]);
      expect(r.status, r.stderr).toBe(0);
      const inWorkspace = readSite(join(ws, 'dist', siteName(i)));
      const built = readSite(out);
      expect([...built.keys()]).toEqual([...inWorkspace.keys()]);
      for (const [path, bytes] of inWorkspace) expect(built.get(path)!.equals(bytes), `${siteName(i)}/${path} differs`).toBe(true);
    }
    // One site of the workspace built by itself with --workspace: the same bytes again.
    const out = join(tempDir('one'), 'dist');
    const one = runCli(['build', '--root', join(ws, 'sites', OVERRIDING), '--workspace', ws, '--out', out]);
    expect(one.status, one.stderr).toBe(0);
    expect(readSite(out)).toEqual(readSite(join(ws, 'dist', OVERRIDING)));
  });

  it('keeps a failed site\'s previous output as it was', () => {
    const bad = join(ws, 'sites', BROKEN, 'content/tin-tuc/bai-hong.md');
    const text = readFileSync(bad, 'utf8');
    writeFileSync(bad, text.replace('"Bài hỏng', '"Bài đã sửa"'));
    expect(buildAll(ws, ['--only', BROKEN]).status).toBe(0);
    const before = readSite(join(ws, 'dist', BROKEN));
    expect(before.has('tin-tuc/bai-hong/index.html')).toBe(true);
    writeFileSync(bad, text);
    const again = buildAll(ws, ['--only', BROKEN]);
    expect(again.status).toBe(1);
    expect(readSite(join(ws, 'dist', BROKEN))).toEqual(before);
  });

  it('rebuilds the sites that use a shared template when it changes, through their caches', () => {
    writeFileSync(join(ws, 'templates/partials/footer.njk'), SHARED_FOOTER.replace('<p class="province-footer">', '<p class="province-footer">MỚI '));
    const r = buildAll(ws, ['--only', `xa-01,${OVERRIDING}`]);
    expect(r.status, r.stderr).toBe(0);
    expect(readPage(join(ws, 'dist', 'xa-01'), '').querySelector('.province-footer')!.text).toMatch(/^MỚI /);
    expect(readPage(join(ws, 'dist', OVERRIDING), '').querySelector('.province-footer')).toBeNull();
    writeFileSync(join(ws, 'templates/partials/footer.njk'), SHARED_FOOTER);
  });

  it('splits the sites into shards that are disjoint, cover every site, and balance the articles', () => {
    const shards = [1, 2, 3].map((k) => listed(ws, ['--shard', `${k}/3`]));
    expect(shards.flat().sort()).toEqual(ALL);
    expect(new Set(shards.flat()).size).toBe(SITES);
    // Greedy longest-first: no shard exceeds another by more than the heaviest site (1 + 4 articles).
    const weight = (names: string[]) => names.reduce((sum, n) => sum + 1 + articleCount(Number(n.slice(3))) + (n === BROKEN ? 1 : 0), 0);
    const loads = shards.map(weight);
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(5);
    // The same split from the same sites, whatever --only asks for alongside.
    expect(listed(ws, ['--shard', '2/3', '--only', ALL.join(',')])).toEqual(shards[1]);
  });

  it('builds exactly its share with --shard 2/3', () => {
    const share = listed(ws, ['--shard', '2/3']);
    const out = join(tempDir('shard'), 'public');
    const r = buildAll(ws, ['--shard', '2/3', '--out', out]);
    expect(r.status, r.stderr).toBe(share.includes(BROKEN) ? 1 : 0);
    expect(readdirSync(out).filter((n) => n.startsWith('xa-')).sort()).toEqual(share.filter((n) => n !== BROKEN));
    // A partial run leaves the province page to the run that has every site.
    expect(existsSync(join(out, 'index.html'))).toBe(false);
  });

  it('refuses workspace options without --all, and a workspace built as one site', () => {
    const r = runCli(['build', '--root', ws]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`is a workspace of ${SITES} sites`);
    expect(runCli(['build', '--root', join(ws, 'sites/xa-01'), '--shard', '1/2']).stderr).toContain('--shard goes with --all only');
    expect(runCli(['build', '--all', '--root', ws, '--base-url', 'https://a.gov.vn/']).stderr).toContain('--base-url does not go with --all');
    const unknown = runCli(['build', '--all', '--root', ws, '--only', 'xa-99']);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('--only names `xa-99`');
  });
});
