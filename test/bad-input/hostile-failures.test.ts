// Failures after the staging folder exists (issue 14, items 6 and 7): render threads that fail or
// outlive a failed build, and a build cache that cannot be saved once the output was replaced.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PROJECT, tempDir } from '../helpers.js';
import { buildSync, builtSite, cleanDigest, leftBehind, retitle, STACK_LINE, treeDigest } from './harness.js';

const CACHE_SAVE_FAILS = fileURLToPath(new URL('./cache-save-fails.cjs', import.meta.url));

const site = builtSite;
const build = buildSync;
const clean = cleanDigest;

describe('render threads (item 6)', () => {
  it('content/feed.xml with BANTIN_JOBS=3: a reported error, and no staging folder left (3 runs)', () => {
    // Enough pages (bantin's own corpus) that the threads are still writing when the main thread finds the clash.
    const root = tempDir('threads-feed');
    execFileSync(process.execPath, [join(PROJECT, 'bench', 'corpus.mjs'), join(root, 'content'), '1500', '1']);
    writeFileSync(join(root, 'content', 'feed.xml'), '<rss/>');
    for (let i = 0; i < 3; i++) {
      const r = build(root, ['--no-cache'], { BANTIN_JOBS: '3' });
      expect(r.status, r.stderr).toBe(1);
      expect(r.stderr).toMatch(/feed\.xml/);
      expect(leftBehind(root)).toEqual([]);
    }
  }, 240_000);

  for (const jobs of ['3', '1']) {
    it(`a file where a page's folder goes (BANTIN_JOBS=${jobs}): an error without a stack trace, nothing left`, () => {
      const root = site(`threads-file-${jobs}`, { 'content/tin-tuc/bai-mot': 'một tệp' });
      const r = build(root, ['--no-cache'], { BANTIN_JOBS: jobs });
      expect(r.status, r.stderr).toBe(1);
      expect(r.stderr).not.toMatch(STACK_LINE);
      expect(r.stderr).toMatch(/^\S+tin-tuc\/bai-mot\S*: error: /m);
      expect(leftBehind(root)).toEqual([]);
    });
  }
});

describe('the build cache cannot be saved after the swap (item 7)', () => {
  it('says the output was updated and the next build is a full one; no lock or staging folder is left', () => {
    const root = site('cache-save');
    expect(build(root).status).toBe(0);
    retitle(root, 'Xã Mới');
    const r = build(root, [], {}, ['--require', CACHE_SAVE_FAILS]);
    expect(r.stderr).not.toMatch(/was not changed/);
    expect(r.stderr).toMatch(/output folder was updated, but the build cache could not be saved \(ENOSPC\).*next build will build everything afresh/);
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(join(root, 'dist', 'index.html'), 'utf8')).toContain('Xã Mới');
    expect(leftBehind(root)).toEqual([]);
    expect(readdirSync(join(root, '.bantin'))).not.toContain('lock');

    retitle(root, 'Xã Mới Hơn');
    const still = build(root, [], {}, ['--require', CACHE_SAVE_FAILS]);
    expect(still.status, still.stderr).toBe(0);
    expect(leftBehind(root)).toEqual([]);
    expect(readdirSync(join(root, '.bantin'))).not.toContain('lock');

    const next = build(root);
    expect(next.status, next.stderr).toBe(0);
    expect(leftBehind(root)).toEqual([]);
    expect(treeDigest(join(root, 'dist'))).toEqual(clean(root));
  });
});
