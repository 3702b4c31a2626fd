// The output folder under attack (issue 14, items 4, 5, 12, 13): a build killed mid-swap or
// mid-move, folders bantin did not make, outputs that lead into the sources, and leftover
// journals that point elsewhere.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers.js';
import { buildSync, builtSite, cleanDigest, leftBehind, md, retitle, stagingLeft, treeDigest } from './harness.js';

/** Above pid_max (32768 here, 4194304 at most): no process has it, so its leftovers are a dead build's. */
const DEAD = 4_194_999;

const site = builtSite;
const build = buildSync;
const clean = cleanDigest;

describe('a build killed with kill -9 is repaired by the next build (item 4)', () => {
  it('killed between the two renames of the swap: the next build puts the old output back, even when it fails', () => {
    const root = site('crash-swap');
    const before = treeDigest(join(root, 'dist'));
    retitle(root, 'Xã Mới');
    const killed = build(root, ['--no-cache'], { BANTIN_TEST_CRASH_AT: 'swap-between-renames' });
    expect(killed.signal).toBe('SIGKILL');
    expect(existsSync(join(root, 'dist'))).toBe(false);
    expect(stagingLeft(root).some((n) => n.includes('.bantin-old-'))).toBe(true);

    // The next build fails (a broken article): the only copy of the old output must survive it.
    writeFileSync(join(root, 'content', 'hong.md'), md(['title: [không đóng']));
    const failed = build(root);
    expect(failed.status, failed.stderr).toBe(1);
    expect(treeDigest(join(root, 'dist'))).toEqual(before);

    writeFileSync(join(root, 'content', 'hong.md'), md(['title: "Đã sửa"', 'date: 2024-01-04 08:00']));
    const next = build(root);
    expect(next.status, next.stderr).toBe(0);
    expect(leftBehind(root)).toEqual([]);
    expect(treeDigest(join(root, 'dist'))).toEqual(clean(root));
  });

  for (const [what, change] of [
    ['the change is built again', () => {}],
    ['the change is undone before the next build', (root: string) => retitle(root, 'Huyện Thử Nghiệm')],
  ] as const) {
    it(`killed halfway through the journaled move, ${what}: the next build ends with the clean output`, () => {
      const root = site(`crash-journal-${what.length}`);
      expect(build(root).status).toBe(0);
      retitle(root, 'Xã Mới');
      const killed = build(root, [], { BANTIN_TEST_CRASH_AT: 'journal-midway' });
      expect(killed.signal).toBe('SIGKILL');
      // Half old, half new: the window README states, until the next build.
      expect(stagingLeft(root).length).toBeGreaterThan(0);
      change(root);
      const next = build(root);
      expect(next.status, next.stderr).toBe(0);
      expect(leftBehind(root)).toEqual([]);
      expect(readdirSync(join(root, '.bantin'))).not.toContain('lock');
      expect(treeDigest(join(root, 'dist'))).toEqual(clean(root));
    });
  }
});

describe('--out replaces only a folder bantin made (item 5)', () => {
  const attempt = (files: Record<string, string>) => {
    const root = site('foreign');
    const out = join(tempDir('foreign-out'), 'luan-van');
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(join(out, name, '..'), { recursive: true });
      writeFileSync(join(out, name), text);
    }
    return { out, r: build(root, ['--out', out]) };
  };

  for (const [what, files] of [
    ['404.html, sitemap.xml and a thesis', { '404.html': 'x', 'sitemap.xml': 'x', 'luan-van.docx': 'luận văn' }],
    ['an index.html and a folder of notes', { 'index.html': '<p>trang riêng</p>', 'ghi-chu/a.txt': 'ghi chú' }],
    ['an output of an older bantin (no marker)', { '404.html': 'x', 'sitemap.xml': 'x', 'index.html': 'x', 'tin-tuc/index.html': 'x' }],
  ] as const) {
    it(`refuses a folder holding ${what}, and deletes nothing`, () => {
      const { out, r } = attempt(files);
      expect(r.status, r.stdout).toBe(1);
      expect(r.stderr).toMatch(/holds files that bantin did not make \(it has no \.bantin-output file\)/);
      expect(r.stderr).toMatch(/hint: .*delete it once/);
      for (const [name, text] of Object.entries(files)) expect(readFileSync(join(out, name), 'utf8')).toBe(text);
      expect(readdirSync(join(out, '..')).filter((n) => n.includes('.bantin-'))).toEqual([]);
    });
  }

  it('takes an empty folder, and replaces a folder it made', () => {
    const { out, r } = attempt({});
    mkdirSync(out, { recursive: true });
    const root = site('own-out');
    expect(build(root, ['--out', out]).status).toBe(0);
    expect(existsSync(join(out, '.bantin-output'))).toBe(true);
    retitle(root, 'Xã Mới');
    const again = build(root, ['--out', out, '--no-cache']);
    expect(again.status, again.stderr).toBe(0);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('Xã Mới');
    void r;
  });
});

describe('an output folder that leads into the site (item 12)', () => {
  it('--out through a link into content/, --out ROOT/.bantin, --out ROOT/data/x: refused', () => {
    const root = site('out-guard');
    symlinkSync('content/tin-tuc', join(root, 'noi-dung'));
    for (const out of [join(root, 'noi-dung', 'moi', 'sau'), join(root, 'noi-dung'), join(root, '.bantin'), join(root, '.bantin', 'out'), join(root, 'data', 'out')]) {
      const r = build(root, ['--out', out]);
      expect(r.status, `${out}\n${r.stdout}`).toBe(1);
      expect(r.stderr).toMatch(/is inside the site's sources or its build cache/);
      expect(existsSync(join(root, 'content', 'tin-tuc', 'moi'))).toBe(false);
    }
  });

  it('a link in content/ to the output folder (../../dist) or the cache: refused, naming the link', () => {
    for (const [link, target] of [['content/tin-tuc/ban', '../../dist'], ['content/bo-nho', '../.bantin']]) {
      const root = site(`link-out-${link.length}`);
      symlinkSync(target, join(root, link));
      const r = build(root);
      expect(r.status, r.stdout).toBe(1);
      expect(r.stderr).toMatch(new RegExp(`^${link}: error: this symbolic link leads into`, 'm'));
      expect(existsSync(join(root, 'dist', 'tin-tuc', 'ban'))).toBe(false);
    }
  });
});

describe('a leftover journal is followed only for its own output folder (item 13)', () => {
  /** A dead build's staging folder with a journal, and a file in it for the journal to move. */
  function leftover(root: string, journal: object) {
    const dir = join(root, `.dist.bantin-tmp-${DEAD}`);
    mkdirSync(dir);
    writeFileSync(join(dir, 'x.html'), 'from the journal');
    writeFileSync(join(dir, '.bantin-journal.json'), JSON.stringify(journal));
  }

  it('a journal whose out names another folder', () => {
    const root = site('journal-out');
    const other = tempDir('journal-victim');
    writeFileSync(join(other, 'keep.txt'), 'của người khác');
    leftover(root, { out: other, files: ['x.html'], removed: ['keep.txt'] });
    const r = build(root);
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(other)).toEqual(['keep.txt']);
    expect(leftBehind(root)).toEqual([]);
    expect(treeDigest(join(root, 'dist'))).toEqual(clean(root));
  });

  for (const [what, files, removed] of [
    ['a removal out of the folder', [], ['../victim.txt']],
    ['a removal deeper out', [], ['tin-tuc/../../victim.txt']],
    ['removals of the site\'s own sources', [], ['../bantin.yaml', '../content/tin-tuc/bai-mot.md']],
  ] as const) {
    it(`a journal for dist with ${what}`, () => {
      const root = site(`journal-dots-${what.length}`);
      writeFileSync(join(root, 'victim.txt'), 'của người khác');
      leftover(root, { out: join(root, 'dist'), files, removed });
      const r = build(root);
      expect(r.status, r.stderr).toBe(0);
      expect(readFileSync(join(root, 'victim.txt'), 'utf8')).toBe('của người khác');
      for (const source of ['bantin.yaml', 'content/tin-tuc/bai-mot.md']) expect(existsSync(join(root, source))).toBe(true);
      expect(leftBehind(root)).toEqual([]);
      expect(treeDigest(join(root, 'dist'))).toEqual(clean(root));
    });
  }

  it('a journal copied beside another output folder is not followed there', () => {
    const root = site('journal-copied');
    const out = join(root, 'public');
    expect(build(root, ['--out', out]).status).toBe(0);
    const before = treeDigest(out);
    leftover(root, { out: join(root, 'dist'), files: ['x.html'], removed: ['index.html'] });
    renameSync(join(root, `.dist.bantin-tmp-${DEAD}`), join(root, `.public.bantin-tmp-${DEAD}`));
    const dist = treeDigest(join(root, 'dist'));
    retitle(root, 'Xã Mới');
    expect(build(root, ['--out', out]).status).toBe(0);
    expect(treeDigest(join(root, 'dist'))).toEqual(dist);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('Xã Mới');
    void before;
  });
});
