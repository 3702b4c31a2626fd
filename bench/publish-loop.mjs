#!/usr/bin/env node
// The per-commit publish as CI runs it: a fresh checkout (every file new, same path), the cache the
// workflow restores, one article edited, one build. `node bench/publish-loop.mjs CONTENT_PARENT WORK [--runs R] [--json]`
// Series: `.bantin/` and dist/ restored (the workflow's design); `.bantin/` alone; no cache. Prints
// medians, the cache's size (raw, and as actions/cache stores it: tar + zstd), and what the other
// design, pages kept compressed in `.bantin/`, would add at least: inflating and writing every page.
import { execFileSync, execSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { deflateSync, inflateSync } from 'node:zlib';

const here = import.meta.dirname;
const { values, positionals } = parseArgs({ allowPositionals: true, options: { runs: { type: 'string', default: '5' }, json: { type: 'boolean' }, only: { type: 'string' } } });
const [pristine, work] = positionals;
const RUNS = Number(values.runs);
const site = join(work, 'site');
const saved = join(work, 'saved');
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor((s.length - 1) / 2)]; };
const log = (line) => { if (!values.json) console.log(line); };

/** One build as a process of its own; `processMs` is from spawn to exit, as other tools are timed. */
const measure = (...flags) => {
  const started = performance.now();
  const line = execFileSync(process.execPath, [join(here, 'measure-build.mjs'), site, join(site, 'dist'), ...flags], { encoding: 'utf8', maxBuffer: 1 << 26 });
  return { ...JSON.parse(line.trim().split('\n').pop()), processMs: Math.round(performance.now() - started) };
};
const sizeOf = (dir) => {
  let n = 0;
  const walk = (d) => { for (const e of readdirSync(d, { withFileTypes: true })) e.isDirectory() ? walk(join(d, e.name)) : (n += statSync(join(d, e.name)).size); };
  walk(dir);
  return n;
};
/** A checkout: the sources copied afresh to the same path, so every file has a new mtime and ctime. */
const checkout = () => {
  rmSync(site, { recursive: true, force: true });
  const skip = new Set(['.bantin', 'dist'].map((d) => join(pristine, d)));
  cpSync(pristine, site, { recursive: true, filter: (from) => !skip.has(from) });
};
const articles = readdirSync(join(pristine, 'content'), { recursive: true }).filter((f) => f.endsWith('.md')).sort();
const edited = join(site, 'content', articles[Math.floor(articles.length / 2)]);

// The cache as the last commit's publish left it.
checkout();
measure();
rmSync(saved, { recursive: true, force: true });
cpSync(join(site, '.bantin'), join(saved, '.bantin'), { recursive: true });
cpSync(join(site, 'dist'), join(saved, 'dist'), { recursive: true });
const bytes = { bantin: sizeOf(join(saved, '.bantin')), dist: sizeOf(join(saved, 'dist')) };

/** actions/cache stores a tar compressed with zstd: the size of what it uploads and restores. */
const stored = (...dirs) => {
  try {
    return Number(execSync(`tar -C ${JSON.stringify(saved)} -cf - ${dirs.join(' ')} | zstd -3 -T1 -q -c | wc -c`, { encoding: 'utf8', shell: '/bin/bash' }).trim());
  } catch {
    return null;
  }
};
bytes.storedBantin = stored('.bantin');
bytes.storedBoth = stored('.bantin', 'dist');
const results = { runs: RUNS, pages: 0, cacheBytes: bytes };
/** The other design's floor: every page kept deflated, and written out instead of rendered. */
function pageStore() {
  const pages = readdirSync(join(saved, 'dist'), { recursive: true }).filter((f) => f.endsWith('.html'));
  const packed = pages.map((p) => [p, deflateSync(readFileSync(join(saved, 'dist', p)), { level: 6 })]);
  const to = join(work, 'unpacked');
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    rmSync(to, { recursive: true, force: true });
    const started = performance.now();
    for (const [p, z] of packed) {
      const file = join(to, p);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, inflateSync(z));
    }
    runs.push(Math.round(performance.now() - started));
  }
  rmSync(to, { recursive: true, force: true });
  return { pages: pages.length, deflatedBytes: packed.reduce((n, [, z]) => n + z.length, 0), inflateWriteMs: median(runs), runs };
}
const series = (name, restore, ...flags) => {
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    checkout();
    for (const d of restore) cpSync(join(saved, d), join(site, d), { recursive: true });
    appendFileSync(edited, `\nĐoạn thêm trong lần đăng ${i}.\n`);
    runs.push(measure(...flags));
  }
  const stages = {};
  for (const key of Object.keys(runs[0].timings)) stages[key] = median(runs.map((r) => r.timings[key] ?? 0));
  const s = { wallMs: median(runs.map((r) => r.wallMs)), processMs: median(runs.map((r) => r.processMs)), cpuMs: median(runs.map((r) => r.cpuMs)), written: median(runs.map((r) => r.files - r.reused)), stages, runs: runs.map((r) => r.wallMs) };
  results.pages = runs[0].pages;
  log(`${name.padEnd(34)} wall ${String(s.wallMs).padStart(6)} ms   cpu ${String(s.cpuMs).padStart(6)} ms   files written ${s.written}   (runs: ${s.runs.join(', ')})`);
  log(`  stages (median ms): ${Object.entries(stages).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  return s;
};
const only = values.only?.split(',');
const want = (k) => !only || only.includes(k);
log(`per-commit publish: fresh checkout, one article edited; cache: .bantin/ ${(bytes.bantin / 1e6).toFixed(1)} MB, dist/ ${(bytes.dist / 1e6).toFixed(1)} MB`);
if (want('dist')) results.withDist = series('.bantin/ and dist/ restored', ['.bantin', 'dist']);
if (want('bantin')) results.bantinOnly = series('.bantin/ restored, no dist/', ['.bantin']);
if (want('none')) results.noCache = series('no cache restored', []);
const mb = (n) => (n === null ? 'n/a (no zstd)' : `${(n / 1e6).toFixed(1)} MB`);
log(`cache as actions/cache stores it (tar + zstd -3): .bantin/ ${mb(bytes.storedBantin)}, .bantin/ + dist/ ${mb(bytes.storedBoth)}`);
if (want('pagestore')) {
  results.pageStore = pageStore();
  const p = results.pageStore;
  log(`pages kept deflated in .bantin/ instead: +${(p.deflatedBytes / 1e6).toFixed(1)} MB for ${p.pages} pages; inflating and writing them all takes ${p.inflateWriteMs} ms (runs: ${p.runs.join(', ')}), before any other work of the build`);
}
rmSync(work, { recursive: true, force: true });
if (values.json) console.log(JSON.stringify(results));
