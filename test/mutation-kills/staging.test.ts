// The staging folder in process, on real folders: what a swap, a journaled move and the next
// build's repair leave on disk, and which output folders are refused (kills src/write/staging.ts mutants).
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { checkOutputFolder, leftovers, openStaging, recoverOutput } from '../../src/write/staging.js';
import { MARKER_TEXT, OUTPUT_MARKER, scratchFile } from '../../src/base/out-dir.js';
import { BuildFailure, ProblemList } from '../../src/base/problems.js';
import { PROJECT, readTree, tempDir, writeFiles } from '../helpers.js';

/** Above pid_max: no process has it, so what is named after it is a dead build's. */
const DEAD = 4_194_999;
const STAGING = pathToFileURL(join(PROJECT, 'lib/write/staging.js')).href;
const text = (m: Map<string, Buffer>) => Object.fromEntries([...m].map(([k, v]) => [k, v.toString()]));
const beside = (out: string) => readdirSync(join(out, '..')).sort();

/** An output folder `dist` in a fresh parent, holding `files` and the marker. */
function output(files: Record<string, string> = {}): string {
  const out = join(tempDir('staging'), 'dist');
  writeFiles(out, { [OUTPUT_MARKER]: MARKER_TEXT, ...files });
  return out;
}

/** A dead build's leftover beside `out`: `.dist.bantin-<what>-DEAD` with `files` in it. */
function leftover(out: string, what: string, files: Record<string, string>): string {
  const dir = join(out, '..', `.dist.bantin-${what}-${DEAD}`);
  mkdirSync(dir, { recursive: true });
  writeFiles(dir, files);
  return dir;
}

/** Runs `body` in a child process with openStaging(out) as `staging`; `env` as given. */
function child(out: string, body: string, env: Record<string, string> = {}) {
  const script = join(out, '..', `child-${Math.random().toString(36).slice(2)}.mjs`);
  writeFileSync(script, `import fs from 'node:fs';\nconst { openStaging } = await import(${JSON.stringify(STAGING)});\nconst staging = openStaging(${JSON.stringify(out)});\n${body}\n`);
  const r = spawnSync(process.execPath, [script], { encoding: 'utf8', env: { ...process.env, ...env } });
  rmSync(script);
  return r;
}

describe('openStaging', () => {
  it('makes an empty staging folder named after the output folder and this process, removing a stale one', () => {
    const out = output();
    const stale = join(out, '..', `.dist.bantin-tmp-${process.pid}`);
    writeFiles(stale, { 'cu.html': 'từ lần trước' });
    const staging = openStaging(out);
    expect(staging.dir).toBe(stale);
    expect(readdirSync(staging.dir)).toEqual([]);
    staging.abort();
    expect(beside(out)).toEqual(['dist']);
  });

  it('refuses an output path that is a file, naming it, and leaves the file alone', () => {
    const out = join(tempDir('staging'), 'dist');
    writeFileSync(out, 'không phải thư mục');
    const err = (() => { try { openStaging(out); } catch (e) { return e; } })();
    expect(err).toBeInstanceOf(BuildFailure);
    expect((err as BuildFailure).problems).toMatchObject([{ severity: 'error', file: out, code: 'out-is-file' }]);
    expect(readFileSync(out, 'utf8')).toBe('không phải thư mục');
    expect(beside(out)).toEqual(['dist']);
  });

  it('names the file in the way when a folder above the output is a file (EEXIST and ENOTDIR)', () => {
    const parent = tempDir('staging');
    const file = join(parent, 'tep');
    writeFileSync(file, 'x');
    for (const out of [join(file, 'dist'), join(file, 'a', 'b', 'dist')]) {
      const err = (() => { try { openStaging(out); } catch (e) { return e; } })();
      expect(err, out).toBeInstanceOf(BuildFailure);
      expect((err as BuildFailure).problems, out).toMatchObject([{ severity: 'error', file, code: 'out-is-file' }]);
    }
    expect(readdirSync(parent)).toEqual(['tep']);
  });

  it('lets other errors through as they are', () => {
    // Root may write anywhere: a name too long is an error no permission bit hides.
    const out = join(tempDir('staging'), 'x'.repeat(300), 'dist');
    expect(() => openStaging(out)).toThrow(expect.objectContaining({ code: 'ENAMETOOLONG' }));
  });

  /**
   * A writable folder on another file system than `near`'s parent: a hard link from there fails
   * (EXDEV). The checkout may itself be on /dev/shm (a CI run in a RAM disk), so look for one.
   */
  function otherFileSystem(near: string): string {
    const dev = statSync(join(near, '..')).dev;
    const found = ['/dev/shm', tmpdir(), '/var/tmp'].find((d) => {
      try {
        return statSync(d).dev !== dev;
      } catch {
        return false;
      }
    });
    if (!found) throw new Error(`this test needs a folder on another file system than ${near}: /dev/shm, ${tmpdir()} and /var/tmp are all on its own`);
    return found;
  }

  it('writes, copies and hard-links files into folders it makes, and copies where a link fails', () => {
    const out = output();
    const src = join(out, '..', 'nguon.txt');
    writeFileSync(src, 'tệp gốc');
    const shm = mkdtempSync(join(otherFileSystem(out), 'bantin-staging-'));
    try {
      const far = join(shm, 'xa.txt');
      writeFileSync(far, 'ổ khác');
      const staging = openStaging(out);
      staging.write('a/b/index.html', 'trang');
      staging.write('anh.bin', new Uint8Array([1, 2, 3]));
      staging.copy('c/copy.txt', src);
      staging.reuse('d/link.txt', src);
      staging.reuse('e/far.txt', far);
      expect(statSync(join(staging.dir, 'd/link.txt')).ino).toBe(statSync(src).ino);
      expect(statSync(join(staging.dir, 'c/copy.txt')).ino).not.toBe(statSync(src).ino);
      // Another file system: no hard link across it, a copy instead.
      expect(statSync(join(staging.dir, 'e/far.txt')).ino).not.toBe(statSync(far).ino);
      expect(statSync(far).nlink).toBe(1);
      expect(text(readTree(staging.dir))).toEqual({
        'a/b/index.html': 'trang', 'anh.bin': '\x01\x02\x03', 'c/copy.txt': 'tệp gốc', 'd/link.txt': 'tệp gốc', 'e/far.txt': 'ổ khác',
      });
      expect(() => staging.write('../ngoai.html', 'x')).toThrow(/outside the output folder/);
      staging.abort();
    } finally {
      rmSync(shm, { recursive: true, force: true });
    }
  });
});

describe('commit', () => {
  const path = process.env.PATH;
  afterEach(() => void (process.env.PATH = path));

  it('swaps the staging folder in with the marker, and the stale output is gone', () => {
    const out = output({ 'cu/index.html': 'cũ', 'index.html': 'cũ' });
    const staging = openStaging(out);
    staging.write('index.html', 'mới');
    staging.commit();
    expect(text(readTree(out))).toEqual({ 'index.html': 'mới', [OUTPUT_MARKER]: MARKER_TEXT });
    expect(beside(out)).toEqual(['dist']);
  });

  it('makes the output folder when there was none', () => {
    const out = join(tempDir('staging'), 'moi', 'dist');
    const { bin, log } = loggingRm();
    process.env.PATH = `${bin}:${path}`;
    const staging = openStaging(out);
    staging.write('index.html', 'mới');
    staging.commit({ background: true });
    expect(text(readTree(out))).toEqual({ 'index.html': 'mới', [OUTPUT_MARKER]: MARKER_TEXT });
    expect(beside(out)).toEqual(['dist']);
    expect(existsSync(log), 'no old output, nothing to remove').toBe(false);
  });

  it('refuses to swap when the output path became a file meanwhile', () => {
    const out = join(tempDir('staging'), 'dist');
    const staging = openStaging(out);
    writeFileSync(out, 'tệp của ai đó');
    expect(() => staging.commit()).toThrow(`the output path ${out} is a file, not a folder`);
    expect(readFileSync(out, 'utf8')).toBe('tệp của ai đó');
    staging.abort();
  });

  /**
   * A folder on PATH whose `rm` notes in `log` its arguments, then its process id and process group
   * (field 5 of /proc/PID/stat), then removes as the real one does.
   */
  function loggingRm(): { bin: string; log: string } {
    const bin = tempDir('rm-bin');
    const log = join(bin, 'log');
    writeFileSync(join(bin, 'rm'), `#!/bin/sh\necho "$@" >> ${log}\necho "$$ $(cut -d' ' -f5 /proc/$$/stat)" >> ${log}\nexec /bin/rm "$@"\n`);
    chmodSync(join(bin, 'rm'), 0o755);
    return { bin, log };
  }

  async function gone(path: string): Promise<boolean> {
    for (let i = 0; i < 200 && existsSync(path); i++) await new Promise((r) => setTimeout(r, 25));
    return !existsSync(path);
  }

  it('with background, hands the old output to a separate rm process', async () => {
    const out = output({ 'cu.html': 'cũ' });
    const { bin, log } = loggingRm();
    process.env.PATH = `${bin}:${path}`;
    const staging = openStaging(out);
    staging.write('index.html', 'mới');
    staging.commit({ background: true });
    const old = join(out, '..', `.dist.bantin-old-${process.pid}`);
    expect(await gone(old)).toBe(true);
    const [args, ids] = readFileSync(log, 'utf8').split('\n');
    expect(args).toBe(`-rf ${old}`);
    // Its own process group: a Ctrl+C to the build's group after the build ended does not stop it.
    const [pid, group] = ids.split(' ');
    expect(group).toBe(pid);
    expect(text(readTree(out))).toEqual({ 'index.html': 'mới', [OUTPUT_MARKER]: MARKER_TEXT });
  });

  it('without background, removes the old output itself before returning', () => {
    const out = output({ 'cu.html': 'cũ' });
    const { bin, log } = loggingRm();
    process.env.PATH = `${bin}:${path}`;
    const staging = openStaging(out);
    staging.write('index.html', 'mới');
    staging.commit();
    expect(beside(out)).toEqual(['dist']);
    expect(existsSync(log)).toBe(false);
  });

  it('with background and no rm to run, removes the old output itself', async () => {
    const out = output({ 'cu.html': 'cũ' });
    process.env.PATH = tempDir('empty-path');
    const staging = openStaging(out);
    staging.write('index.html', 'mới');
    staging.commit({ background: true });
    expect(await gone(join(out, '..', `.dist.bantin-old-${process.pid}`))).toBe(true);
    expect(beside(out)).toEqual(['dist']);
  });

  it('killed between its two renames leaves the old output renamed away; recoverOutput puts it back', () => {
    // The previous build swapped in by this process, so that per-test coverage sends commit's mutants here.
    const out = output({ 'index.html': 'cũ hơn' });
    const previous = openStaging(out);
    previous.write('index.html', 'cũ');
    previous.commit();
    const r = child(out, `staging.write('index.html', 'mới'); staging.commit();`, { BANTIN_TEST_CRASH_AT: 'swap-between-renames' });
    expect(r.signal, r.stderr).toBe('SIGKILL');
    expect(existsSync(out)).toBe(false);
    expect(beside(out).filter((n) => n.startsWith('.dist'))).toEqual([`.dist.bantin-old-${r.pid}`, `.dist.bantin-tmp-${r.pid}`]);
    expect(leftovers(out).sort()).toEqual([join(out, '..', `.dist.bantin-old-${r.pid}`), join(out, '..', `.dist.bantin-tmp-${r.pid}`)]);
    expect(recoverOutput(out)).toBe(true);
    expect(text(readTree(out))).toEqual({ 'index.html': 'cũ', [OUTPUT_MARKER]: MARKER_TEXT });
    expect(beside(out)).toEqual(['dist']);
  });
});

describe('applyInto', () => {
  it('moves the listed files in, removes the removed ones and the folders they leave empty, then the staging folder', () => {
    const out = output({
      'index.html': 'cũ', 'giu/a.html': 'giữ', 'xoa/sau/trong/index.html': 'bỏ', 'xoa/sau/khac.html': 'giữ', 'bo/het/index.html': 'bỏ',
    });
    const staging = openStaging(out);
    staging.write('index.html', 'mới');
    staging.write('moi/bai/index.html', 'bài mới');
    staging.write('khong-liet-ke.html', 'không chuyển');
    const listeners = [process.listenerCount('SIGINT'), process.listenerCount('SIGTERM')];
    staging.applyInto(['index.html', 'moi/bai/index.html', 'chua-viet.html'], ['xoa/sau/trong/index.html', 'bo/het/index.html', 'khong-co.html']);
    expect([process.listenerCount('SIGINT'), process.listenerCount('SIGTERM')]).toEqual(listeners);
    expect(text(readTree(out))).toEqual({
      'index.html': 'mới', 'moi/bai/index.html': 'bài mới', 'giu/a.html': 'giữ', 'xoa/sau/khac.html': 'giữ', [OUTPUT_MARKER]: MARKER_TEXT,
    });
    expect(readdirSync(out).sort()).toEqual([OUTPUT_MARKER, 'giu', 'index.html', 'moi', 'xoa']);
    expect(readdirSync(join(out, 'xoa/sau'))).toEqual(['khac.html']);
    expect(beside(out)).toEqual(['dist']);
  });

  it('refuses a path outside the output folder before moving anything', () => {
    const out = output({ 'index.html': 'cũ' });
    writeFileSync(join(out, '..', 'nan-nhan.txt'), 'của người khác');
    for (const [files, removed] of [[['index.html', '../nan-nhan.txt'], []], [['index.html'], ['a/../../nan-nhan.txt']]]) {
      const staging = openStaging(out);
      staging.write('index.html', 'mới');
      expect(() => staging.applyInto(files, removed)).toThrow(/outside the output folder/);
      expect(existsSync(join(staging.dir, '.bantin-journal.json'))).toBe(false);
      staging.abort();
    }
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('cũ');
    expect(readFileSync(join(out, '..', 'nan-nhan.txt'), 'utf8')).toBe('của người khác');
  });

  it('holds SIGTERM and SIGINT until the moves are done', () => {
    const out = output({ 'index.html': 'cũ' });
    // A move in this process too, so that per-test coverage sends applyInto's mutants here.
    const previous = openStaging(out);
    previous.write('index.html', 'cũ');
    previous.applyInto(['index.html'], []);
    // Each signal arrives at the first move; it must not stop the rest.
    for (const signal of ['SIGTERM', 'SIGINT']) {
      const r = child(out, `
const paths = [];
for (let i = 0; i < 20; i++) { staging.write('p/' + i + '.html', 'mới ' + i); paths.push('p/' + i + '.html'); }
const { syncBuiltinESMExports } = await import('node:module');
const rename = fs.renameSync;
let sent = false;
fs.renameSync = (a, b) => { rename(a, b); if (!sent) { sent = true; process.kill(process.pid, ${JSON.stringify(signal)}); } };
syncBuiltinESMExports();
staging.applyInto(paths, []);
fs.renameSync = rename;
syncBuiltinESMExports();
process.stdout.write(String(process.listenerCount('SIGINT') + process.listenerCount('SIGTERM')));
`);
      expect(r.signal, r.stderr).toBe(null);
      expect(r.stdout, signal).toBe('0');
      for (let i = 0; i < 20; i++) expect(readFileSync(join(out, `p/${i}.html`), 'utf8')).toBe(`mới ${i}`);
      expect(beside(out).filter((n) => n.startsWith('.dist'))).toEqual([]);
    }
  });

  it('killed midway leaves the journal it wrote first and half the files moved; recoverOutput finishes', () => {
    const out = output({ 'index.html': 'cũ', 'xoa/index.html': 'bỏ' });
    const files = ['a.html', 'b/b.html', 'c.html', 'd/d.html', 'e.html', 'f.html', 'g.html'];
    const r = child(out, `
for (const f of ${JSON.stringify(files)}) staging.write(f, 'mới ' + f);
staging.applyInto(${JSON.stringify(files)}, ['xoa/index.html']);
`, { BANTIN_TEST_CRASH_AT: 'journal-midway' });
    expect(r.signal, r.stderr).toBe('SIGKILL');
    const dir = join(out, '..', `.dist.bantin-tmp-${r.pid}`);
    expect(JSON.parse(readFileSync(join(dir, '.bantin-journal.json'), 'utf8'))).toEqual({ out, files, removed: ['xoa/index.html'] });
    // 7 >> 1: the first three moved, then the kill.
    expect(files.filter((f) => existsSync(join(out, f)))).toEqual(files.slice(0, 3));
    expect(readFileSync(join(out, 'xoa/index.html'), 'utf8')).toBe('bỏ');
    expect(recoverOutput(out)).toBe(true);
    expect(text(readTree(out))).toEqual({ 'index.html': 'cũ', ...Object.fromEntries(files.map((f) => [f, `mới ${f}`])), [OUTPUT_MARKER]: MARKER_TEXT });
    expect(beside(out)).toEqual(['dist']);
  });
});

describe('recoverOutput and leftovers', () => {
  const journal = (out: string, files: unknown, removed: unknown) => JSON.stringify({ out, files, removed });

  it('finds only dead builds\' leftovers beside this output folder', async () => {
    const out = output();
    const parent = join(out, '..');
    const alive = spawn('sleep', ['30'], { stdio: 'ignore' });
    try {
      for (const name of [`.dist.bantin-tmp-${DEAD}`, `.dist.bantin-old-${DEAD}`, `.dist.bantin-bodies-${DEAD}`, `.dist.bantin-tmp-${alive.pid}`,
        `.public.bantin-tmp-${DEAD}`, `.dist.bantin-tmp-${DEAD}x`, `.dist.bantin-tmp`, `dist.bantin-tmp-${DEAD}`, `.dist-tmp-${DEAD}`]) mkdirSync(join(parent, name));
      const scratch = scratchFile(out, 'bodies');
      writeFileSync(scratch.path, 'đang dùng');
      expect(leftovers(out).sort()).toEqual([`.dist.bantin-bodies-${DEAD}`, `.dist.bantin-old-${DEAD}`, `.dist.bantin-tmp-${DEAD}`].map((n) => join(parent, n)));
      // This process's own scratch file counts once it is no longer in use.
      scratch.remove();
      writeFileSync(scratch.path, 'bỏ lại');
      expect(leftovers(out)).toContain(scratch.path);
      expect(recoverOutput(out)).toBe(false);
      expect(readdirSync(parent).sort()).toEqual([`.dist.bantin-tmp`, `.dist.bantin-tmp-${DEAD}x`, `.dist.bantin-tmp-${alive.pid}`, `.dist-tmp-${DEAD}`, `.public.bantin-tmp-${DEAD}`, 'dist', `dist.bantin-tmp-${DEAD}`].sort());
    } finally {
      alive.kill();
    }
    expect(leftovers(join(parent, 'khong-co', 'dist'))).toEqual([]);
  });

  it('leaves the output folder alone when the old one is beside it too', () => {
    const out = output({ 'index.html': 'mới' });
    leftover(out, 'old', { 'index.html': 'cũ' });
    expect(recoverOutput(out)).toBe(false);
    expect(text(readTree(out))).toEqual({ 'index.html': 'mới', [OUTPUT_MARKER]: MARKER_TEXT });
    expect(beside(out)).toEqual(['dist']);
  });

  it('never takes a staging folder for the output folder', () => {
    const out = join(tempDir('staging'), 'dist');
    leftover(out, 'tmp', { 'index.html': 'nửa chừng' });
    expect(recoverOutput(out)).toBe(false);
    expect(existsSync(out)).toBe(false);
    expect(beside(out)).toEqual([]);
  });

  it('finishes a journal half applied: files already moved stay, the rest follow', () => {
    const out = output({ 'a.html': 'mới a', 'xoa/mot/index.html': 'bỏ', 'xoa/giu.html': 'giữ' });
    leftover(out, 'tmp', {
      'b/b.html': 'mới b', 'c.html': 'mới c',
      '.bantin-journal.json': journal(out, ['a.html', 'b/b.html', 'c.html'], ['xoa/mot/index.html']),
    });
    expect(recoverOutput(out)).toBe(true);
    expect(text(readTree(out))).toEqual({ 'a.html': 'mới a', 'b/b.html': 'mới b', 'c.html': 'mới c', 'xoa/giu.html': 'giữ', [OUTPUT_MARKER]: MARKER_TEXT });
    expect(existsSync(join(out, 'xoa/mot'))).toBe(false);
    expect(beside(out)).toEqual(['dist']);
  });

  it('takes emptied folders away, but never the output folder itself', () => {
    const out = join(tempDir('staging'), 'dist');
    writeFiles(out, { 'a/b/index.html': 'trang cuối' });
    leftover(out, 'tmp', { '.bantin-journal.json': journal(out, [], ['a/b/index.html']) });
    expect(recoverOutput(out)).toBe(true);
    expect(readdirSync(out)).toEqual([]);
  });

  it('stops at the first folder it cannot take away: an empty folder above a missing one stays', () => {
    const out = output();
    mkdirSync(join(out, 'a'));
    leftover(out, 'tmp', { '.bantin-journal.json': journal(out, [], ['a/b/index.html']) });
    recoverOutput(out);
    expect(readdirSync(out).sort()).toEqual([OUTPUT_MARKER, 'a']);
  });

  for (const [what, body] of [
    ['for another output folder', (out: string) => journal(join(out, '..', 'khac'), ['x.html'], ['index.html'])],
    ['whose files are not a list', (out: string) => journal(out, 'x.html', ['index.html'])],
    ['whose removals are not a list', (out: string) => JSON.stringify({ out, files: ['x.html'], removed: 'index.html' })],
    ['with a path that is not text', (out: string) => journal(out, ['x.html', 7], ['index.html'])],
    ['with a removal out of the folder', (out: string) => journal(out, ['x.html'], ['index.html', '../nan-nhan.txt'])],
    ['with a path not in its plain form', (out: string) => journal(out, ['./x.html'], ['index.html'])],
    ['cut short', (out: string) => journal(out, ['x.html'], ['index.html']).slice(0, -3)],
  ] as const) {
    it(`does not follow a journal ${what}, and removes it`, () => {
      const out = output({ 'index.html': 'giữ' });
      writeFileSync(join(out, '..', 'nan-nhan.txt'), 'của người khác');
      leftover(out, 'tmp', { 'x.html': 'từ nhật ký', '.bantin-journal.json': body(out) });
      recoverOutput(out);
      expect(text(readTree(out))).toEqual({ 'index.html': 'giữ', [OUTPUT_MARKER]: MARKER_TEXT });
      expect(readFileSync(join(out, '..', 'nan-nhan.txt'), 'utf8')).toBe('của người khác');
      expect(beside(out)).toEqual(['dist', 'nan-nhan.txt']);
    });
  }

  it('lets an error other than a vanished file through', () => {
    const out = output({ 'x.html/trong.html': 'một thư mục' });
    leftover(out, 'tmp', { 'x.html': 'tệp', '.bantin-journal.json': journal(out, ['x.html'], []) });
    expect(() => recoverOutput(out)).toThrow(expect.objectContaining({ code: 'EISDIR' }));
  });
});

describe('checkOutputFolder', () => {
  const check = (root: string, out: string) => {
    const problems = new ProblemList();
    checkOutputFolder(root, out, problems);
    return problems.items.map((p) => [p.code, p.params]);
  };

  it('refuses the site itself, a folder holding it and the root of the file system', () => {
    const root = tempDir('site');
    expect(check(root, root)).toEqual([['out-contains-site', { out: root }]]);
    expect(check(root, join(root, '..'))).toEqual([['out-contains-site', { out: join(root, '..') }]]);
    expect(check(root, '/')).toEqual([['out-contains-site', { out: '/' }]]);
  });

  it('refuses a folder inside the sources or the cache, but not one that only starts with the same name', () => {
    const root = tempDir('site');
    for (const d of ['content', 'templates', 'data', '.bantin']) {
      expect(check(root, join(root, d)), d).toEqual([['out-inside-sources', { out: join(root, d), target: join(root, d) }]]);
      expect(check(root, join(root, d, 'x', 'dist')), d).toEqual([['out-inside-sources', { out: join(root, d, 'x', 'dist'), target: join(root, d, 'x', 'dist') }]]);
      expect(check(root, join(root, `${d}-dist`)), d).toEqual([]);
    }
    expect(check(root, `${root}-dist`)).toEqual([]);
    expect(check(root, join(root, 'dist'))).toEqual([]);
  });

  it('follows symbolic links, in the part of the path that exists', () => {
    const root = tempDir('site');
    mkdirSync(join(root, 'content', 'tin-tuc'), { recursive: true });
    symlinkSync('content/tin-tuc', join(root, 'noi-dung'));
    const out = join(root, 'noi-dung', 'moi', 'sau');
    expect(check(root, out)).toEqual([['out-inside-sources-link', { out, target: join(root, 'content', 'tin-tuc', 'moi', 'sau') }]]);
    // The site reached through a link is the same site.
    const link = join(tempDir('link'), 'site');
    symlinkSync(root, link);
    expect(check(link, join(root, 'content'))).toEqual([['out-inside-sources', { out: join(root, 'content'), target: join(root, 'content') }]]);
  });

  it('refuses a folder of someone else\'s files, takes an empty one, a missing one or one bantin made', () => {
    const root = tempDir('site');
    const out = join(tempDir('out'), 'dist');
    expect(check(root, out)).toEqual([]);
    mkdirSync(out);
    expect(check(root, out)).toEqual([]);
    writeFileSync(join(out, 'luan-van.docx'), 'luận văn');
    expect(check(root, out)).toEqual([['out-foreign', { out, marker: OUTPUT_MARKER }]]);
    writeFileSync(join(out, OUTPUT_MARKER), MARKER_TEXT);
    expect(check(root, out)).toEqual([]);
    // A file, not a folder: openStaging says so, naming it.
    rmSync(out, { recursive: true });
    writeFileSync(out, 'x');
    expect(check(root, out)).toEqual([]);
  });
});
