// The publish loop as CI runs it: a fresh checkout (every file with a new mtime and ctime, same
// path), the cache the workflow restores (.bantin/ and dist/), then one cached build.
import { cpSync, readdirSync, rmSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../src/build/build.js';
import { loadBuildCache, saveBuildCache } from '../src/build/build-cache.js';
import { BUILD_ID } from '../src/base/install.js';
import { article, readTree, tempDir, writeFiles } from './helpers.js';

const NOW = Date.UTC(2025, 0, 1);

/** A repository: what a checkout gives. The site is built in a folder of its own, as CI does. */
function repository(): { repo: string; site: string; saved: string; clean: string } {
  const base = tempDir('publish');
  const repo = join(base, 'repo');
  const files: Record<string, string> = {
    'bantin.yaml': 'title: Xã Đăng Bài\npageSize: 3\nrelatedCount: 2\n',
    'content/files/a.pdf': '%PDF-1.4 test',
    'templates/assets/extra.css': 'p { margin: 0; }\n',
  };
  for (let i = 1; i <= 9; i++) {
    files[`content/tin-tuc/bai-${i}.md`] = article({ title: `Bài ${i}`, date: `2024-05-0${i} 09:00`, category: i % 3 ? 'Tin tức' : 'Thông báo', tags: i % 2 ? ['đất đai'] : [] }, `Đoạn của bài ${i}.\n\n[tệp](../files/a.pdf)`);
  }
  writeFiles(repo, files);
  return { repo, site: join(base, 'site'), saved: join(base, 'saved'), clean: join(base, 'clean') };
}

/** A checkout into the same path: every file copied afresh and its mtime set to a new time. */
function checkout(repo: string, site: string, at: number): void {
  rmSync(site, { recursive: true, force: true });
  cpSync(repo, site, { recursive: true });
  const touch = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) touch(join(dir, e.name));
      else utimesSync(join(dir, e.name), at / 1000, at / 1000);
    }
  };
  touch(site);
}

/** What the workflow's cache step puts back: the last build's .bantin/ and dist/. */
function restore(saved: string, site: string, parts = ['.bantin', 'dist']): void {
  for (const part of parts) cpSync(join(saved, part), join(site, part), { recursive: true });
}

/** The last commit's publish, its .bantin/ and dist/ kept as the cache step saves them. */
function lastPublish(repo: string, site: string, saved: string): void {
  checkout(repo, site, Date.UTC(2024, 0, 1));
  build({ root: site, now: NOW, cache: true });
  for (const part of ['.bantin', 'dist']) cpSync(join(site, part), join(saved, part), { recursive: true });
}

function cleanBuild(repo: string, clean: string): Map<string, Buffer> {
  checkout(repo, clean, Date.UTC(2024, 0, 1));
  build({ root: clean, now: NOW });
  return readTree(join(clean, 'dist'));
}

describe('a cached build after a fresh checkout', () => {
  it('is byte-identical to a build without the cache, and writes nothing when nothing changed', () => {
    const { repo, site, saved, clean } = repository();
    lastPublish(repo, site, saved);
    checkout(repo, site, Date.UTC(2025, 6, 1));
    restore(saved, site);
    const result = build({ root: site, now: NOW, cache: true });
    expect(readTree(join(site, 'dist'))).toEqual(cleanBuild(repo, clean));
    // The content is the same though every stamp changed: no page, copy or index is made again.
    expect(result.files).toBe(0);
    expect(result.reused).toBe(readTree(join(site, 'dist')).size - 1);
  });

  it('renders again the article a commit changed and the pages that list it, and nothing else', () => {
    const { repo, site, saved, clean } = repository();
    lastPublish(repo, site, saved);
    writeFiles(repo, {
      'content/tin-tuc/bai-4.md': article({ title: 'Bài 4 có tên mới', date: '2024-05-04 09:00', category: 'Tin tức' }, 'Thân bài sau khi sửa.'),
      'content/files/a.pdf': '%PDF-1.4 bản mới, dài hơn',
    });
    checkout(repo, site, Date.UTC(2025, 6, 1));
    restore(saved, site);
    const result = build({ root: site, now: NOW, cache: true });
    const expected = cleanBuild(repo, clean);
    const got = readTree(join(site, 'dist'));
    expect(got).toEqual(expected);
    expect(got.get('tin-tuc/bai-4/index.html')!.toString()).toContain('Thân bài sau khi sửa.');
    expect(got.get('files/a.pdf')!.toString()).toContain('bản mới');
    expect(result.files - result.reused).toBeGreaterThan(0);
    expect(result.files - result.reused).toBeLessThan(expected.size / 2);
  });

  it('with .bantin/ restored but no dist/, is still byte-identical to a build without the cache', () => {
    const { repo, site, saved, clean } = repository();
    lastPublish(repo, site, saved);
    writeFiles(repo, { 'content/tin-tuc/bai-2.md': article({ title: 'Bài 2', date: '2024-05-02 09:00' }, 'Thân bài mới.') });
    checkout(repo, site, Date.UTC(2025, 6, 1));
    restore(saved, site, ['.bantin']);
    build({ root: site, now: NOW, cache: true });
    expect(readTree(join(site, 'dist'))).toEqual(cleanBuild(repo, clean));
  });

  it('does not use a cache made with another theme: every page is rendered again', () => {
    const { repo, site, saved, clean } = repository();
    lastPublish(repo, site, saved);
    writeFiles(repo, { 'templates/partials/footer.njk': '<footer class="site-footer">Chân trang của giao diện mới</footer>\n' });
    checkout(repo, site, Date.UTC(2025, 6, 1));
    restore(saved, site);
    const result = build({ root: site, now: NOW, cache: true });
    const expected = cleanBuild(repo, clean);
    expect(readTree(join(site, 'dist'))).toEqual(expected);
    const pages = [...expected.keys()].filter((p) => p.endsWith('.html'));
    for (const page of pages) expect(expected.get(page)!.toString(), page).toContain('Chân trang của giao diện mới');
    expect(result.files - result.reused).toBeGreaterThanOrEqual(pages.length);
  });

  it('does not use a cache written by another version of bantin', () => {
    const { repo, site, saved, clean } = repository();
    lastPublish(repo, site, saved);
    // The same cache, as another bantin would have left it.
    checkout(repo, site, Date.UTC(2025, 6, 1));
    restore(saved, site);
    const other = loadBuildCache(site, BUILD_ID);
    expect(other.outputs.size).toBeGreaterThan(0);
    saveBuildCache(site, 'bantin-0.0.1', other);
    expect(loadBuildCache(site, BUILD_ID).outputs.size).toBe(0);
    const result = build({ root: site, now: NOW, cache: true });
    expect(result.reused).toBe(0);
    expect(readTree(join(site, 'dist'))).toEqual(cleanBuild(repo, clean));
  });
});
