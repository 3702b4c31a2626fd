// The build cache file in process, on real folders: what is saved comes back, and a cache from
// another version or site, or one damaged in any part, is refused and started afresh; the lock.
// Kills src/build/build-cache.ts mutants.
import { spawn } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { crc32 } from 'node:zlib';
import { deserialize, serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { forgetCache, loadBuildCache, lockCache, saveBuildCache, type BuildCache } from '../../src/build/build-cache.js';
import { readParts } from '../../src/build/cache-parts.js';
import type { Article } from '../../src/base/types.js';
import { tempDir } from '../helpers.js';

const VERSION = 'phiên-bản-thử';
const MiB = 1 << 20;
/** Above pid_max: no process has it. */
const DEAD = 4_194_999;
const cacheFile = (root: string) => join(root, '.bantin', 'build-cache.bin');
const packs = (root: string) => readdirSync(join(root, '.bantin')).filter((n) => n.endsWith('.pack')).sort();

/** A parse as the plan keeps it (only the fields a test looks at). */
const parse = (title: string) => ({ title, sourcePath: `content/${title}.md` }) as unknown as Article;

/**
 * A cache as a build leaves it: `n` parsed files, each with its rendering (a body of `bodyBytes`
 * in the store) and keys, a copied file, search memo, outputs and structure.
 */
function filled(root: string, n = 3, bodyBytes = 40): BuildCache {
  const cache = loadBuildCache(root, VERSION);
  const g = cache.generate;
  for (let i = 0; i < n; i++) {
    const path = join(root, `content/bai-${i}.md`);
    const article = parse(`bai-${i}`);
    g.files.set(path, { stamp: `s${i}`, hash: `h${i}`, article, problems: [] });
    const body = g.bodies.put(`<p>${String(i).padEnd(bodyBytes - 7, 'x')}</p>`, `thân ${i}`);
    g.markdown.set(path, { parsed: article, key: `k${i}`, result: { body, htmlHash: `hh${i}`, summary: `tóm ${i}`, brokenLinks: [], links: [], imageSizes: [], missingAlt: [] } } as never);
    g.keys.set(path, { parsed: article, input: `in${i}`, htmlHash: `hh${i}`, keys: { k: i } } as never);
  }
  g.copies.set(join(root, 'content/a.pdf'), { stamp: 'sc', hash: 'hc' });
  g.search = { memo: 'tìm' } as never;
  cache.out = join(root, 'dist');
  cache.structure = 'cấu trúc';
  cache.outputs.set('page:index', { fingerprint: 'f', files: [['index.html', 10, 'd']] });
  return cache;
}

function save(root: string, cache: BuildCache): void {
  saveBuildCache(root, VERSION, cache);
  cache.generate.bodies.close();
}

/** Loads and closes; the cache's outputs, or null for a fresh (refused) one. */
function loaded(root: string, version = VERSION): BuildCache | null {
  const back = loadBuildCache(root, version);
  back.generate.bodies.close();
  return back.outputs.size > 0 ? back : null;
}

/** Before each part of the cache file: its length and CRC-32, 4 bytes each. */
const HEAD = 8;

/** The cache file's parts, as [key, value, chunk?], read without build-cache.ts. */
function parts(file: string): [string, unknown, boolean?][] {
  const bytes = readFileSync(file);
  const out: [string, unknown, boolean?][] = [];
  for (let at = 0; at < bytes.length;) {
    const length = bytes.readUInt32LE(at);
    out.push(deserialize(bytes.subarray(at + HEAD, at + HEAD + length)));
    at += HEAD + length;
  }
  return out;
}

/** Writes parts back in the cache file's format, each with its right length and checksum. */
function writeParts(file: string, list: [string, unknown, boolean?][]): void {
  const chunks = list.map((p) => {
    const blob = serialize(p);
    const head = Buffer.alloc(HEAD);
    head.writeUInt32LE(blob.length);
    head.writeUInt32LE(crc32(blob), 4);
    return Buffer.concat([head, blob]);
  });
  writeFileSync(file, Buffer.concat(chunks));
}

/** Rewrites one top-level field of the saved cache (undefined: leaves it out). */
function rewrite(root: string, key: string, value: (old: unknown) => unknown): void {
  const list = parts(cacheFile(root));
  const i = list.findIndex(([k]) => k === key);
  const v = value(list[i]?.[1]);
  if (v === undefined) list.splice(i, 1);
  else list[i] = [key, v];
  writeParts(cacheFile(root), list);
}

describe('saveBuildCache and loadBuildCache', () => {
  it('start from an empty cache with a new body store in .bantin/', () => {
    const root = tempDir('cache');
    const a = loadBuildCache(root, VERSION);
    const b = loadBuildCache(root, VERSION);
    for (const c of [a, b]) {
      expect(c.out).toBe('');
      expect(c.structure).toBeUndefined();
      expect([c.outputs.size, c.generate.files.size, c.generate.markdown.size, c.generate.keys.size, c.generate.copies.size]).toEqual([0, 0, 0, 0, 0]);
      expect(basename(c.generate.bodies.path!)).toMatch(/^bodies-[0-9a-f-]{36}\.pack$/);
      expect(join(c.generate.bodies.path!, '..')).toBe(join(root, '.bantin'));
      c.generate.bodies.close();
    }
    expect(a.generate.bodies.path).not.toBe(b.generate.bodies.path);
  });

  it('give back what was saved, parses shared again, bodies readable, and keep nothing else in .bantin/', () => {
    const root = tempDir('cache');
    mkdirSync(join(root, '.bantin'));
    writeFileSync(join(root, '.bantin', 'bodies-cu-tu-lan-truoc.pack'), 'cũ');
    writeFileSync(join(root, '.bantin', 'xbodies-a.pack'), 'không phải kho');
    writeFileSync(join(root, '.bantin', 'bodies-a.pack.bak'), 'không phải kho');
    writeFileSync(join(root, '.bantin', 'manifest.json'), '{}');
    const cache = filled(root);
    const store = basename(cache.generate.bodies.path!);
    save(root, cache);
    expect(readdirSync(join(root, '.bantin')).sort()).toEqual(['.gitignore', 'bodies-a.pack.bak', 'build-cache.bin', 'manifest.json', store, 'xbodies-a.pack'].sort());
    expect(readFileSync(join(root, '.bantin', '.gitignore'), 'utf8')).toBe('*\n');

    const back = loadBuildCache(root, VERSION);
    const g = back.generate;
    expect(back.out).toBe(join(root, 'dist'));
    expect(back.structure).toBe('cấu trúc');
    expect(back.outputs).toEqual(cache.outputs);
    expect(g.files).toEqual(cache.generate.files);
    expect(g.copies).toEqual(cache.generate.copies);
    expect(g.search).toEqual({ memo: 'tìm' });
    expect(g.bodies.path).toBe(join(root, '.bantin', store));
    expect([...g.markdown.keys()]).toEqual([...cache.generate.markdown.keys()]);
    for (const [path, entry] of g.markdown) {
      expect(entry.parsed, path).toBe(g.files.get(path)!.article);
      expect(g.keys.get(path)!.parsed, path).toBe(g.files.get(path)!.article);
      expect(entry.key).toBe(cache.generate.markdown.get(path)!.key);
      const i = path.match(/bai-(\d)/)![1];
      expect(g.bodies.html(entry.result.body)).toBe(`<p>${i.padEnd(33, 'x')}</p>`);
      expect(g.bodies.text(entry.result.body)).toBe(`thân ${i}`);
    }
    expect(g.keys.get(join(root, 'content/bai-1.md'))).toMatchObject({ input: 'in1', htmlHash: 'hh1', keys: { k: 1 } });
    // The next build appends to the same store.
    const more = g.bodies.put('<p>thêm</p>', 'thêm');
    back.generate.dirty = true;
    saveBuildCache(root, VERSION, back);
    g.bodies.close();
    const again = loadBuildCache(root, VERSION);
    expect(again.generate.bodies.path).toBe(join(root, '.bantin', store));
    expect(again.generate.bodies.html(more)).toBe('<p>thêm</p>');
    expect(again.generate.markdown.size).toBe(3);
    again.generate.bodies.close();
  });

  it('keep a structure only when it is text', () => {
    const root = tempDir('cache');
    const cache = filled(root);
    cache.structure = undefined;
    save(root, cache);
    expect(loaded(root)!.structure).toBeUndefined();
    rewrite(root, 'structure', () => 42);
    expect(loaded(root)!.structure).toBeUndefined();
  });

  it('drop the renderings and keys of a parse the files no longer hold', () => {
    const root = tempDir('cache');
    const cache = filled(root);
    const g = cache.generate;
    const [p0, p1, p2] = [...g.files.keys()];
    // bai-0 was parsed again after it was rendered; bai-1's file is gone; bai-2 failed to parse.
    g.files.set(p0, { ...g.files.get(p0)!, article: parse('bai-0-moi') });
    g.files.delete(p1);
    g.files.set(p2, { ...g.files.get(p2)!, article: null });
    // A parse whose hash is empty is still not a match for an entry made from an older parse.
    const p3 = join(root, 'content/rong.md');
    g.files.set(p3, { stamp: 's', hash: '', article: parse('rong'), problems: [] });
    g.markdown.set(p3, { ...g.markdown.get(p2)!, parsed: parse('rong-cu') });
    g.keys.set(p3, { ...g.keys.get(p2)!, parsed: parse('rong-cu') });
    save(root, cache);
    const back = loaded(root)!;
    expect(back.generate.files.size).toBe(3);
    expect(back.generate.markdown.size).toBe(0);
    expect(back.generate.keys.size).toBe(0);
  });

  it('write a large map 10,000 entries a part, an empty one as one empty part, and read them back', () => {
    for (const n of [10_000, 10_001]) {
      const root = tempDir('cache');
      const cache = filled(root, 1);
      for (let i = 1; i < n; i++) cache.outputs.set(`page:${i}`, { fingerprint: `f${i}`, files: [] });
      cache.generate.copies.clear();
      save(root, cache);
      const written = parts(cacheFile(root));
      expect(written.filter(([k]) => k === 'outputs').map(([, v, chunk]) => [(v as unknown[]).length, chunk]), String(n)).toEqual(n === 10_000 ? [[10_000, true]] : [[10_000, true], [1, true]]);
      expect(written.filter(([k]) => k === 'copies'), String(n)).toEqual([['copies', [], true]]);
      const back = loaded(root)!;
      expect([...back.outputs.keys()]).toEqual([...cache.outputs.keys()]);
      expect(back.generate.copies).toEqual(new Map());
      expect(back.generate.files.size).toBe(1);
    }
  });
});

describe('a cache that is not this build\'s own is refused, and the build starts afresh', () => {
  function saved(): string {
    const root = tempDir('cache');
    save(root, filled(root));
    return root;
  }

  it('another version\'s, or another site\'s copied in', () => {
    const root = saved();
    expect(loaded(root)).not.toBeNull();
    expect(loaded(root, 'phiên-bản-khác')).toBeNull();
    const copy = join(tempDir('cache'), 'site');
    cpSync(root, copy, { recursive: true });
    expect(loaded(copy)).toBeNull();
  });

  it('another version\'s or site\'s is given up after its first parts, before the rest is read', () => {
    const root = saved();
    // The parts after `root` damaged: only reading them would find that.
    const bytes = readFileSync(cacheFile(root));
    const list = parts(cacheFile(root));
    const upTo = list.findIndex(([k]) => k === 'root') + 1;
    expect(upTo).toBe(3);
    let at = 0;
    for (let i = 0; i < upTo; i++) at += HEAD + bytes.readUInt32LE(at);
    bytes[at + HEAD + 3] ^= 0xff;
    writeFileSync(cacheFile(root), bytes);
    const expect3 = { format: list[0][1], version: VERSION, root };
    expect(() => readParts(cacheFile(root), expect3)).toThrow('damaged');
    expect(() => readParts(cacheFile(root), { ...expect3, version: 'phiên-bản-khác' })).toThrow('version differs');
    expect(() => readParts(cacheFile(root), { ...expect3, root: join(root, 'khác') })).toThrow('root differs');
    expect(() => readParts(cacheFile(root), { ...expect3, format: -1 })).toThrow('format differs');
  });

  it('another format\'s', () => {
    const root = saved();
    rewrite(root, 'format', (f) => (f as number) + 1);
    expect(loaded(root)).toBeNull();
  });

  for (const [field, value] of [
    ['out', () => 7], ['outputs', () => ({})], ['files', () => []], ['copies', () => ({})], ['markdown', () => undefined], ['keys', () => []],
    ['bodies', (b: { file: string; size: number; sums: number[] }) => ({ ...b, file: 7 })],
    ['bodies', (b: { file: string; size: number; sums: number[] }) => ({ ...b, size: b.size + 0.5 })],
    ['bodies', (b: { file: string; size: number; sums: number[] }) => ({ ...b, sums: b.sums[0] })],
    ['bodies', () => undefined],
  ] as const) {
    it(`one whose ${field} is not what a saved cache holds (${String(value).slice(0, 50)})`, () => {
      const root = saved();
      rewrite(root, field, value as (old: unknown) => unknown);
      const back = loadBuildCache(root, VERSION);
      back.generate.bodies.close();
      expect(back.outputs.size).toBe(0);
      expect(back.generate.files.size).toBe(0);
      expect(back.out).toBe('');
    });
  }

  it('one whose body store is named like something else, though the file is there', () => {
    for (const name of ['xbodies-a.pack', 'bodies-a.pack.bak', 'bodies-.pack', '../bodies-a.pack', 'bodies-a.packs', 'bodies-aapack']) {
      const root = saved();
      const [pack] = packs(root);
      copyFileSync(join(root, '.bantin', pack), join(root, '.bantin', name));
      rewrite(root, 'bodies', (b) => ({ ...(b as object), file: name }));
      expect(loaded(root), name).toBeNull();
    }
  });

  it('one whose body store was changed, cut short, has a sum more or less, or is gone', () => {
    const cases: [string, (root: string, pack: string) => void][] = [
      ['a byte changed', (_root, pack) => { const b = readFileSync(pack); b[5] ^= 1; writeFileSync(pack, b); }],
      ['cut short', (_root, pack) => truncateSync(pack, statSync(pack).size - 1)],
      ['a sum more', (root) => rewrite(root, 'bodies', (b) => ({ ...(b as object), sums: [...(b as { sums: number[] }).sums, 1] }))],
      ['a sum less', (root) => rewrite(root, 'bodies', (b) => ({ ...(b as object), sums: [] }))],
      ['gone', (_root, pack) => truncateSync(pack, 0)],
    ];
    for (const [what, damage] of cases) {
      const root = saved();
      damage(root, join(root, '.bantin', packs(root)[0]));
      expect(loaded(root), what).toBeNull();
    }
  });

  it('one whose file is damaged or cut short anywhere, and a new body store is started', () => {
    const damages: [string, (bytes: Buffer) => Buffer][] = [
      ['nothing in it', () => Buffer.alloc(0)],
      ['a byte flipped in a part', (b) => { b[30] ^= 1; return b; }],
      ['a byte flipped in the last part', (b) => { b[b.length - 2] ^= 1; return b; }],
      ['a checksum byte flipped', (b) => { b[4] ^= 1; return b; }],
      ['cut inside the last part', (b) => b.subarray(0, b.length - 1)],
      ['cut inside a head', (b) => b.subarray(0, headAt(b, 3) + 10)],
      ['a part longer than the file', (b) => { b.writeUInt32LE(b.readUInt32LE(0) + 1, 0); return b; }],
      ['a tail shorter than a head', (b) => Buffer.concat([b, Buffer.from('rác')])],
      ['garbage', () => Buffer.from('rác rác rác rác rác rác rác rác')],
      // Still a readable part, with other text in it: only its checksum tells.
      ['a letter changed in the output folder\'s path', (b) => { const at = b.indexOf('/dist'); expect(at).toBeGreaterThan(0); b[at + 2] = 'u'.charCodeAt(0); return b; }],
    ];
    for (const [what, damage] of damages) {
      const root = saved();
      const [pack] = packs(root);
      writeFileSync(cacheFile(root), damage(readFileSync(cacheFile(root))));
      const back = loadBuildCache(root, VERSION);
      back.generate.bodies.close();
      expect(back.outputs.size, what).toBe(0);
      expect(basename(back.generate.bodies.path!), what).not.toBe(pack);
    }
  });
});

/** Where the `n`th part's head begins. */
function headAt(bytes: Buffer, n: number): number {
  let at = 0;
  for (let i = 0; i < n; i++) at += HEAD + bytes.readUInt32LE(at);
  return at;
}

describe('a body store over several checksum chunks (1 MiB each)', () => {
  it('is checked chunk by chunk, loaded, appended to and saved again, and still loads', () => {
    const root = tempDir('cache');
    // 2.5 MiB of bodies: two whole chunks and a partial one.
    const cache = filled(root, 5, MiB / 2);
    save(root, cache);
    const [pack] = packs(root);
    const size = statSync(join(root, '.bantin', pack)).size;
    expect(size).toBeGreaterThan(2.5 * MiB);
    expect(size).toBeLessThan(3 * MiB);
    const sums = (parts(cacheFile(root)).find(([k]) => k === 'bodies')![1] as { sums: number[] }).sums;
    expect(sums).toHaveLength(3);

    // Grows the partial chunk and adds two more; the saved sums must cover the new bytes.
    for (let round = 0; round < 2; round++) {
      const back = loadBuildCache(root, VERSION);
      expect(back.outputs.size, `round ${round}`).toBe(1);
      const g = back.generate;
      const path = join(root, `content/them-${round}.md`);
      const article = parse(`them-${round}`);
      g.files.set(path, { stamp: 's', hash: `t${round}`, article, problems: [] });
      const body = g.bodies.put('y'.repeat(MiB), `thêm ${round}`);
      g.markdown.set(path, { parsed: article, key: 'k', result: { body } } as never);
      saveBuildCache(root, VERSION, back);
      g.bodies.close();
    }
    const back = loadBuildCache(root, VERSION);
    expect(back.outputs.size).toBe(1);
    expect(back.generate.markdown.size).toBe(7);
    expect(back.generate.bodies.text(back.generate.markdown.get(join(root, 'content/them-1.md'))!.result.body)).toBe('thêm 1');
    back.generate.bodies.close();

    // A byte changed in the middle chunk only.
    const file = join(root, '.bantin', packs(root)[0]);
    const bytes = readFileSync(file);
    bytes[MiB + 100] ^= 1;
    writeFileSync(file, bytes);
    expect(loaded(root)).toBeNull();
  });

  it('is written afresh, with only the live bodies, once superseded ones outweigh them by 4 MiB', () => {
    // Live bodies of 1 MiB and dead ones of exactly 1 MiB + 4 MiB: still kept as it is.
    const at = (dead: number) => {
      const root = tempDir('cache');
      const cache = filled(root, 1, MiB);
      cache.generate.bodies.put('z'.repeat(dead), '');
      const [before] = packs(root);
      save(root, cache);
      return { root, before };
    };
    const kept = at(MiB + 4 * MiB + 'thân 0'.length * 2);
    expect(packs(kept.root)).toEqual([kept.before]);
    expect(statSync(join(kept.root, '.bantin', kept.before)).size).toBe(2 * (MiB + 12) + 4 * MiB);

    const compacted = at(MiB + 4 * MiB + 'thân 0'.length * 2 + 1);
    const [after] = packs(compacted.root);
    expect(after).not.toBe(compacted.before);
    expect(statSync(join(compacted.root, '.bantin', after)).size).toBe(MiB + 12);
    const back = loadBuildCache(compacted.root, VERSION);
    const entry = back.generate.markdown.values().next().value!;
    expect(back.generate.bodies.html(entry.result.body)).toBe(`<p>0${'x'.repeat(MiB - 8)}</p>`);
    expect(back.generate.bodies.text(entry.result.body)).toBe('thân 0');
    back.generate.bodies.close();
  });
});

describe('saving', () => {
  it('closes every file it opens, loading and saving, whole or damaged', () => {
    // A dev server builds again and again in one process: a descriptor left open each time runs out.
    const open = () => readdirSync('/proc/self/fd').length;
    const root = tempDir('cache');
    save(root, filled(root, 3, MiB / 2));
    const before = open();
    for (let i = 0; i < 3; i++) {
      const back = loadBuildCache(root, VERSION);
      back.generate.dirty = true;
      saveBuildCache(root, VERSION, back);
      back.generate.bodies.close();
    }
    writeFileSync(cacheFile(root), readFileSync(cacheFile(root)).subarray(0, 100));
    loadBuildCache(root, VERSION).generate.bodies.close();
    expect(open()).toBe(before);
  });

  it('writes beside the cache file and renames: a save that fails leaves the last cache readable', () => {
    const root = tempDir('cache');
    save(root, filled(root));
    mkdirSync(join(root, '.bantin', `build-cache.bin.${process.pid}.tmp`));
    const cache = loadBuildCache(root, VERSION);
    expect(() => saveBuildCache(root, VERSION, cache)).toThrow(expect.objectContaining({ code: 'EISDIR' }));
    cache.generate.bodies.close();
    expect(loaded(root)).not.toBeNull();
  });

  it('forgetCache removes the cache file, the manifest and this process\'s half-written file, nothing else', () => {
    const root = tempDir('cache');
    save(root, filled(root));
    const dir = join(root, '.bantin');
    writeFileSync(join(dir, 'manifest.json'), '{}');
    writeFileSync(join(dir, `build-cache.bin.${process.pid}.tmp`), 'nửa');
    writeFileSync(join(dir, `build-cache.bin.${DEAD}.tmp`), 'của tiến trình khác');
    const unlock = lockCache(root)!;
    forgetCache(root);
    expect(readdirSync(dir).sort()).toEqual(['.gitignore', `build-cache.bin.${DEAD}.tmp`, 'lock', ...packs(root)].sort());
    // Nothing to remove is no error.
    forgetCache(root);
    unlock();
    expect(loaded(root)).toBeNull();
  });
});

describe('lockCache', () => {
  const lockFile = (root: string) => join(root, '.bantin', 'lock');

  it('holds the lock with this process\'s id until unlocked; meanwhile this process gets null', () => {
    const root = tempDir('cache');
    const unlock = lockCache(root)!;
    expect(unlock).toBeTypeOf('function');
    expect(readFileSync(lockFile(root), 'utf8')).toBe(String(process.pid));
    expect(lockCache(root)).toBeNull();
    expect(readFileSync(lockFile(root), 'utf8')).toBe(String(process.pid));
    unlock();
    expect(existsSync(lockFile(root))).toBe(false);
    const again = lockCache(root)!;
    expect(again).toBeTypeOf('function');
    again();
    expect(readdirSync(join(root, '.bantin'))).toEqual([]);
  });

  it('is refused while another live process holds it', async () => {
    const root = tempDir('cache');
    const other = spawn('sleep', ['30'], { stdio: 'ignore' });
    try {
      mkdirSync(join(root, '.bantin'));
      writeFileSync(lockFile(root), String(other.pid));
      expect(lockCache(root)).toBeNull();
      expect(readFileSync(lockFile(root), 'utf8')).toBe(String(other.pid));
    } finally {
      other.kill();
      await new Promise((done) => other.once('exit', done));
    }
    const unlock = lockCache(root)!;
    expect(readFileSync(lockFile(root), 'utf8')).toBe(String(process.pid));
    unlock();
  });

  // An empty file is what a build leaves that died (or ran out of disk) between making the lock
  // and writing its id into it: 0 and negative ids name process groups, which are always "alive".
  for (const [what, text] of [['a dead process', String(DEAD)], ['no id', ''], ['id 0', '0'], ['a negative id', '-1'], ['garbage', 'rác']]) {
    it(`is taken over from ${what}`, () => {
      const root = tempDir('cache');
      mkdirSync(join(root, '.bantin'));
      writeFileSync(lockFile(root), text);
      const unlock = lockCache(root);
      expect(unlock).toBeTypeOf('function');
      expect(readFileSync(lockFile(root), 'utf8')).toBe(String(process.pid));
      unlock!();
    });
  }

  it('lets go without an error when the cache folder was deleted meanwhile', () => {
    const root = tempDir('cache');
    const unlock = lockCache(root)!;
    rmSync(join(root, '.bantin'), { recursive: true });
    unlock();
    expect(lockCache(root)).toBeTypeOf('function');
  });

  it('is made with the cache folder when there is none', () => {
    const root = tempDir('cache');
    const unlock = lockCache(root)!;
    expect(readdirSync(join(root, '.bantin'))).toEqual(['lock']);
    unlock();
  });
});
