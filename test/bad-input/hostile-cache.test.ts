// A damaged build cache and inputs that the quick check could miss (issue 14, items 2 and 3): every
// case ends with the output a clean `--no-cache` build makes of the same inputs.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPage, runCli } from '../helpers.js';
import { md, siteWithFault, stagingLeft, treeDigest } from './harness.js';

/** A copy of the base site, built once with the cache in the copy's own place. */
function cachedSite(name: string, files: Record<string, string> = {}, setup?: (root: string) => void): string {
  const root = siteWithFault({ name, files, setup, exit: 0 });
  const r = runCli(['build', '--root', root]);
  expect(r.status, r.stderr).toBe(0);
  return root;
}

/** Builds with the cache, then without it into `ref/`: the two output folders must match byte for byte. */
function expectSameAsClean(root: string): string {
  const r = runCli(['build', '--root', root]);
  expect(r.status, r.stderr).toBe(0);
  const clean = runCli(['build', '--root', root, '--no-cache', '--out', join(root, 'ref')]);
  expect(clean.status, clean.stderr).toBe(0);
  expect(treeDigest(join(root, 'dist'))).toEqual(treeDigest(join(root, 'ref')));
  expect(stagingLeft(root)).toEqual([]);
  return r.stdout;
}

const CACHE = (root: string) => join(root, '.bantin');
const pack = (root: string) => join(CACHE(root), readdirSync(CACHE(root)).find((n) => /^bodies-.*\.pack$/.test(n))!);
const retitle = (root: string, title: string) => writeFileSync(join(root, 'bantin.yaml'), readFileSync(join(root, 'bantin.yaml'), 'utf8').replace(/^title: .*$/m, `title: ${title}`));

describe('a damaged build cache is not trusted (item 2)', () => {
  it('bytes changed inside the body store, its length kept', () => {
    const root = cachedSite('cache-pack');
    const file = pack(root);
    const bytes = readFileSync(file);
    // The middle of the store is inside an article's body (HTML, then its text).
    for (let i = bytes.length >> 2; i < (bytes.length >> 2) + 8; i++) bytes[i] = bytes[i] === 0x41 ? 0x42 : 0x41;
    writeFileSync(file, bytes);
    retitle(root, 'Xã Đổi Tên');
    expectSameAsClean(root);
  });

  it('20 letters changed in build-cache.bin', () => {
    const root = cachedSite('cache-flip');
    const file = join(CACHE(root), 'build-cache.bin');
    const bytes = readFileSync(file);
    // 20 letters of the text V8 keeps as UTF-16 (titles, names with Vietnamese letters), spread
    // over the file, turned to capitals: the file still reads as a cache, with its text changed.
    // A fixed spread, so the case is the same on every run.
    const letters: number[] = [];
    for (let i = 0; i < bytes.length - 1; i += 1) if (bytes[i] >= 0x61 && bytes[i] <= 0x7a && bytes[i + 1] === 0 && bytes[i - 1] === 0) letters.push(i);
    expect(letters.length).toBeGreaterThan(40);
    for (let k = 0; k < 20; k++) bytes[letters[Math.floor((k / 20) * letters.length)]] ^= 0x20;
    writeFileSync(file, bytes);
    retitle(root, 'Xã Đổi Tên');
    expectSameAsClean(root);
  });

  it('one title changed inside build-cache.bin, same length', () => {
    const root = cachedSite('cache-title');
    const file = join(CACHE(root), 'build-cache.bin');
    const bytes = readFileSync(file);
    // V8 stores a string with Vietnamese letters as UTF-16.
    const from = Buffer.from('Lịch tiếp dân', 'utf16le');
    const at = bytes.indexOf(from);
    expect(at, 'the title is in the cache').toBeGreaterThan(0);
    Buffer.from('Lịch tiếp dâm', 'utf16le').copy(bytes, at);
    writeFileSync(file, bytes);
    retitle(root, 'Xã Đổi Tên');
    expectSameAsClean(root);
    expect(readFileSync(join(root, 'dist', 'index.html'), 'utf8')).not.toContain('Lịch tiếp dâm');
  });

  it('a manifest edited to list no files, and a page deleted from the output', () => {
    const root = cachedSite('cache-manifest');
    const file = join(CACHE(root), 'manifest.json');
    const text = readFileSync(file, 'utf8');
    const at = text.indexOf('{');
    writeFileSync(file, text.slice(0, at) + JSON.stringify({ ...JSON.parse(text.slice(at)), files: [] }));
    rmSync(join(root, 'dist', 'index.html'));
    const out = expectSameAsClean(root);
    expect(out).not.toContain('nothing changed');
    expect(readPage(join(root, 'dist'), 'index.html').querySelector('title')).not.toBeNull();
  });

  it('the body store cut short by a byte', () => {
    const root = cachedSite('cache-short');
    const file = pack(root);
    writeFileSync(file, readFileSync(file).subarray(0, statSync(file).size - 1));
    retitle(root, 'Xã Đổi Tên');
    expectSameAsClean(root);
  });
});

/** Replaces text by text of the same byte length, then sets the file's times back to the nanosecond. */
function sameStampEdit(file: string, from: string, to: string): void {
  const ref = `${file}.times`;
  execFileSync('cp', ['--preserve=timestamps', file, ref]);
  const before = statSync(file, { bigint: true });
  writeFileSync(file, readFileSync(file, 'utf8').replace(from, to));
  execFileSync('touch', ['-r', ref, file]);
  rmSync(ref);
  const after = statSync(file, { bigint: true });
  expect([after.size, after.mtimeNs]).toEqual([before.size, before.mtimeNs]);
  expect(readFileSync(file, 'utf8')).toContain(to);
}

describe('the quick check sees what the build reads (item 3)', () => {
  const LINKED = {
    'chung/van-ban.md': md(['title: "Văn bản chung"', 'date: 2024-01-05 08:00']),
    'chung/cu/cu.md': md(['title: "Văn bản cũ"', 'date: 2023-01-05 08:00']),
  };
  const link = (root: string) => symlinkSync('../chung', join(root, 'content', 'chung'));

  it('an edit inside a linked folder (ln -s ../chung content/chung)', () => {
    const root = cachedSite('link-edit', LINKED, link);
    writeFileSync(join(root, 'chung', 'van-ban.md'), md(['title: "Văn bản đã sửa"', 'date: 2024-01-05 08:00']));
    expectSameAsClean(root);
    expect(readFileSync(join(root, 'dist', 'index.html'), 'utf8')).toContain('Văn bản đã sửa');
  });

  it('a new article in a subfolder of a linked folder', () => {
    const root = cachedSite('link-add', LINKED, link);
    writeFileSync(join(root, 'chung', 'cu', 'moi.md'), md(['title: "Bài mới trong thư mục liên kết"', 'date: 2024-01-06 08:00']));
    expectSameAsClean(root);
    expect(readFileSync(join(root, 'dist', 'index.html'), 'utf8')).toContain('Bài mới trong thư mục liên kết');
  });

  it('an edit that keeps the size and puts the old modification time back', () => {
    const root = cachedSite('same-stamp');
    const file = join(root, 'content', 'tin-tuc', 'bai-mot.md');
    sameStampEdit(file, 'Bài một', 'Bài mốt');
    expectSameAsClean(root);
    expect(readFileSync(join(root, 'dist', 'index.html'), 'utf8')).toContain('Bài mốt');
  });

  it('the same, in a linked folder', () => {
    const root = cachedSite('same-stamp-link', LINKED, link);
    const file = join(root, 'chung', 'van-ban.md');
    sameStampEdit(file, 'Văn bản chung', 'Văn bản chunk');
    expectSameAsClean(root);
    expect(readFileSync(join(root, 'dist', 'index.html'), 'utf8')).toContain('Văn bản chunk');
  });
});
