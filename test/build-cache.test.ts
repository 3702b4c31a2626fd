import { appendFileSync, existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../src/build/build.js';
import { loadBuildCache, saveBuildCache } from '../src/build/build-cache.js';
import { article, makeSite, readTree, tempDir, writeFiles } from './helpers.js';

const NOW = Date.UTC(2025, 0, 1);

function site() {
  const files: Record<string, string> = {
    'bantin.yaml': 'title: Xã Bộ Đệm\npageSize: 3\nrelatedCount: 2\n',
    'content/files/a.pdf': '%PDF-1.4 test',
  };
  for (let i = 1; i <= 9; i++) {
    files[`content/tin-tuc/bai-${i}.md`] = article({ title: `Bài ${i}`, date: `2024-05-0${i} 09:00`, category: i % 3 ? 'Tin tức' : 'Thông báo', tags: i % 2 ? ['đất đai'] : [] }, `Đoạn của bài ${i}.\n\n[tệp](../files/a.pdf)`);
  }
  return makeSite(files, 'cache');
}

describe('the build cache', () => {
  it('gives the same bytes as a build without it, after every kind of edit', () => {
    const root = site();
    const cached = join(root, 'dist');
    const clean = join(root, '..', `${root.split('/').pop()}-clean`);
    const steps: [string, () => void][] = [
      ['first build', () => {}],
      ['nothing changed', () => {}],
      ['edit a body', () => writeFiles(root, { 'content/tin-tuc/bai-2.md': article({ title: 'Bài 2', date: '2024-05-02 09:00' }, 'Thân bài mới.') })],
      ['edit a view count', () => writeFiles(root, { 'content/tin-tuc/bai-3.md': article({ title: 'Bài 3', date: '2024-05-03 09:00', category: 'Thông báo', tags: ['đất đai'], views: 716 }, 'Đoạn của bài 3.\n\n[tệp](../files/a.pdf)') })],
      // Only what the article says: every page that lists it must show the new title, the others are kept as they were.
      ['edit only a title', () => writeFiles(root, { 'content/tin-tuc/bai-5.md': article({ title: 'Bài 5 có tên mới', date: '2024-05-05 09:00', tags: ['đất đai'] }, 'Đoạn của bài 5.\n\n[tệp](../files/a.pdf)') })],
      ['edit a title and date', () => writeFiles(root, { 'content/tin-tuc/bai-4.md': article({ title: 'Bài 4 sửa', date: '2024-06-30 09:00' }) })],
      ['add an article', () => writeFiles(root, { 'content/thong-bao/moi.md': article({ title: 'Mới', date: '2023-01-01 09:00', category: 'Thông báo' }, '[bài 2](../tin-tuc/bai-2.md)') })],
      ['rename a linked article', () => renameSync(join(root, 'content/tin-tuc/bai-2.md'), join(root, 'content/tin-tuc/bai-hai.md'))],
      ['delete an article', () => rmSync(join(root, 'content/tin-tuc/bai-7.md'))],
      ['delete an attachment', () => rmSync(join(root, 'content/files/a.pdf'))],
      ['edit a template', () => writeFiles(root, { 'templates/partials/footer.njk': '<footer class="site-footer">Chân trang khác</footer>\n' })],
      ['edit the stylesheet', () => writeFiles(root, { 'templates/assets/style.css': 'body { color: #123; }\n' })],
      ['edit the config', () => writeFiles(root, { 'bantin.yaml': 'title: Tên mới\npageSize: 2\nrelatedScope: site\n' })],
      ['edit a data file', () => writeFiles(root, { 'data/stats.yaml': 'visits: 4242\n' })],
    ];
    for (const [name, step] of steps) {
      step();
      const result = build({ root, now: NOW, cache: true });
      build({ root, out: clean, now: NOW });
      expect(readTree(cached), name).toEqual(readTree(clean));
      if (name === 'nothing changed') expect(result.files, name).toBe(0);
      if (name === 'edit a body' || name === 'edit only a title') expect(result.files - result.reused, name).toBeLessThan(readTree(clean).size / 2);
      // The search index holds no view counts: it is not made again.
      if (name === 'edit a view count') expect(result.timings.search, name).toBeUndefined();
      if (name === 'edit a body') expect(result.timings.search, name).toBeGreaterThanOrEqual(0);
    }
  });

  it('publishes a future-dated article once its time has come, though no file changed', () => {
    const root = makeSite({ 'content/a.md': article({ title: 'Hẹn giờ', date: '2025-06-01 08:00' }), 'content/b.md': article({ title: 'Đã đăng', date: '2024-01-01' }) });
    build({ root, now: NOW, cache: true });
    expect(readFileSync(join(root, 'dist/index.html'), 'utf8')).not.toContain('Hẹn giờ');
    expect(build({ root, now: NOW + 1000, cache: true }).files).toBe(0);
    build({ root, now: Date.UTC(2025, 5, 2), cache: true });
    expect(readFileSync(join(root, 'dist/index.html'), 'utf8')).toContain('Hẹn giờ');
  });

  it('writes again an output file that was deleted or changed in size behind its back', () => {
    const root = site();
    build({ root, now: NOW, cache: true });
    rmSync(join(root, 'dist/thong-bao/bai-3/index.html'));
    writeFileSync(join(root, 'dist/feed.xml'), 'x');
    expect(build({ root, now: NOW, cache: true }).files).toBeGreaterThan(0);
    const clean = join(root, '..', `${root.split('/').pop()}-clean`);
    build({ root, out: clean, now: NOW });
    expect(readTree(join(root, 'dist'))).toEqual(readTree(clean));
  });

  it('ignores a damaged cache and rebuilds what an edited output folder lost', () => {
    const root = site();
    build({ root, now: NOW, cache: true });
    writeFileSync(join(root, '.bantin/build-cache.bin'), 'rác');
    writeFileSync(join(root, '.bantin/manifest.json'), '{');
    rmSync(join(root, 'dist/thong-bao/bai-3/index.html'));
    build({ root, now: NOW, cache: true });
    const clean = join(root, '..', `${root.split('/').pop()}-clean`);
    build({ root, out: clean, now: NOW });
    expect(readTree(join(root, 'dist'))).toEqual(readTree(clean));
  });

  it('keeps rendered bodies in one store file, and starts afresh when it is cut short or gone', () => {
    const root = site();
    const clean = join(root, '..', `${root.split('/').pop()}-clean`);
    const same = (name: string) => {
      build({ root, out: clean, now: NOW });
      expect(readTree(join(root, 'dist')), name).toEqual(readTree(clean));
    };
    const packs = () => readdirSync(join(root, '.bantin')).filter((f) => f.endsWith('.pack'));
    build({ root, now: NOW, cache: true });
    expect(packs()).toHaveLength(1);
    const pack = join(root, '.bantin', packs()[0]);
    // A title edit re-renders the neighbours' pages from bodies read back from the store.
    const retitle = (title: string) => writeFiles(root, { 'content/tin-tuc/bai-5.md': article({ title, date: '2024-05-05 09:00', category: 'Tin tức', tags: ['đất đai'] }, 'Đoạn của bài 5.\n\n[tệp](../files/a.pdf)') });
    const stored = statSync(pack).size;
    retitle('Bài năm');
    build({ root, now: NOW, cache: true });
    same('bodies read back');
    // Only the edited article was rendered again: the cache file gave back every other rendering.
    expect(statSync(pack).size - stored).toBeGreaterThan(0);
    expect(statSync(pack).size - stored).toBeLessThan(stored / 4);
    // What a build that died after writing bodies left at the end is cut off, not read.
    appendFileSync(pack, 'rác từ một lần dựng bị ngắt');
    retitle('Bài năm (2)');
    build({ root, now: NOW, cache: true });
    same('store with a tail');
    truncateSync(join(root, '.bantin', packs()[0]), 10);
    retitle('Bài năm (3)');
    build({ root, now: NOW, cache: true });
    same('store cut short');
    rmSync(join(root, '.bantin', packs()[0]));
    retitle('Bài năm (4)');
    build({ root, now: NOW, cache: true });
    same('store gone');
    expect(packs()).toHaveLength(1);
  });

  it('copies the live bodies to a new store once superseded ones outweigh them', () => {
    const root = site();
    const long = (n: number) => `Lần sửa ${n}.\n\n${'Một đoạn rất dài về đất đai và giao thông nông thôn. '.repeat(25_000)}`;
    const sizes: number[] = [];
    for (let n = 0; n < 6; n++) {
      writeFiles(root, { 'content/tin-tuc/bai-1.md': article({ title: 'Bài 1', date: '2024-05-01 09:00', category: 'Tin tức' }, long(n)) });
      build({ root, now: NOW, cache: true });
      const packs = readdirSync(join(root, '.bantin')).filter((f) => f.endsWith('.pack'));
      expect(packs).toHaveLength(1);
      sizes.push(statSync(join(root, '.bantin', packs[0])).size);
    }
    const one = sizes[0];
    expect(Math.max(...sizes)).toBeLessThan(one * 2 + 5 * 2 ** 20);
    expect(sizes.some((size, i) => i > 0 && size < sizes[i - 1])).toBe(true);
    const clean = join(root, '..', `${root.split('/').pop()}-clean`);
    build({ root, out: clean, now: NOW });
    expect(readTree(join(root, 'dist'))).toEqual(readTree(clean));
  });

  it('an uncached build leaves nothing beside its output folder', () => {
    const root = site();
    const parent = join(root, 'out');
    build({ root, out: join(parent, 'site'), now: NOW });
    writeFiles(root, { 'content/tin-tuc/bai-1.md': '---\ntitle: [\n---\n' });
    expect(() => build({ root, out: join(parent, 'site'), now: NOW })).toThrow();
    expect(readdirSync(parent)).toEqual(['site']);
  });

  it('lets one cached build at a time use the cache; another builds without it, and a dead build\'s lock is taken over', async () => {
    const root = site();
    build({ root, now: NOW, cache: true });
    const lock = join(root, '.bantin/lock');
    expect(existsSync(lock)).toBe(false);
    const other = spawn('sleep', ['30'], { stdio: 'ignore' });
    try {
      writeFileSync(lock, String(other.pid));
      const cacheFile = join(root, '.bantin/build-cache.bin');
      const before = readFileSync(cacheFile);
      writeFiles(root, { 'content/tin-tuc/bai-2.md': article({ title: 'Bài hai', date: '2024-05-02 09:00' }, 'Thân bài mới.') });
      const result = build({ root, now: NOW, cache: true });
      expect(result.warnings.map((w) => w.message)).toContain('another bantin build is using the build cache in .bantin/; this one builds without it');
      expect(readFileSync(cacheFile)).toEqual(before);
      expect(readFileSync(lock, 'utf8')).toBe(String(other.pid));
      const clean = join(root, '..', `${root.split('/').pop()}-clean`);
      build({ root, out: clean, now: NOW });
      expect(readTree(join(root, 'dist'))).toEqual(readTree(clean));
    } finally {
      other.kill();
      await new Promise((done) => other.once('exit', done));
    }
    // The lock's process is gone: the next build takes the lock over, uses the cache and lets go.
    const result = build({ root, now: NOW, cache: true });
    expect(result.warnings.some((w) => w.message.startsWith('another bantin build'))).toBe(false);
    expect(existsSync(lock)).toBe(false);
  });
});

describe('the build cache file', () => {
  it('reads back a large cache written a part at a time', () => {
    const root = tempDir('cache-parts');
    const version = 'test-version';
    const cache = loadBuildCache(root, version);
    // More outputs than one part holds, an empty map, and entries that share nothing.
    for (let i = 0; i < 25_001; i++) cache.outputs.set(`page:tin/${i}/`, { fingerprint: `f${i}`, files: [[`tin/${i}/index.html`, i, `d${i}`]] });
    cache.out = join(root, 'dist');
    cache.structure = 'cấu trúc';
    saveBuildCache(root, version, cache);
    cache.generate.bodies.close();
    const back = loadBuildCache(root, version);
    expect(back.outputs.size).toBe(25_001);
    expect(back.outputs.get('page:tin/25000/')).toEqual({ fingerprint: 'f25000', files: [['tin/25000/index.html', 25000, 'd25000']] });
    expect([...back.outputs.keys()]).toEqual([...cache.outputs.keys()]);
    expect(back.generate.files.size).toBe(0);
    expect([back.out, back.structure]).toEqual([cache.out, 'cấu trúc']);
    back.generate.bodies.close();
    // Another version's cache, or a file cut short, is not read.
    expect(loadBuildCache(root, 'other').outputs.size).toBe(0);
    const file = join(root, '.bantin', 'build-cache.bin');
    truncateSync(file, statSync(file).size - 10);
    expect(loadBuildCache(root, version).outputs.size).toBe(0);
  });
});
