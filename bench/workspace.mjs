#!/usr/bin/env node
// A workspace of many sites, built with `bantin build --all`: the whole workspace, then each shard of
// `--shard K/N` as one CI job would run it (no cache of its own yet), then the whole again with
// every cache warm and nothing changed.
//   node bench/workspace.mjs [--sites 200] [--articles 200] [--shards 8] [--jobs N] [--dir /dev/shm/bantin-ws]
// Sites come from bench/corpus.mjs (site i uses seed i). Prints a table and one JSON line.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { makeCorpus } from './corpus.mjs';

const { values } = parseArgs({ options: { sites: { type: 'string', default: '200' }, articles: { type: 'string', default: '200' }, shards: { type: 'string', default: '8' }, jobs: { type: 'string' }, dir: { type: 'string', default: '/dev/shm/bantin-ws' }, keep: { type: 'boolean' } } });
const [sites, articles, shards] = [Number(values.sites), Number(values.articles), Number(values.shards)];
const jobs = values.jobs ?? String(availableParallelism());
const CLI = fileURLToPath(new URL('../lib/cli.js', import.meta.url));
const root = values.dir;

function generate() {
  rmSync(root, { recursive: true, force: true });
  mkdirSync(join(root, 'templates/partials'), { recursive: true });
  writeFileSync(join(root, 'bantin.yaml'), 'sites: sites/*\ndefaults:\n  unit: "Ủy ban nhân dân tỉnh Sông Lam"\n  footer:\n    phone: "0238 3812 345"\nindex:\n  title: "Cổng thông tin tỉnh Sông Lam"\n');
  writeFileSync(join(root, 'templates/partials/footer.njk'), '<footer class="site-footer"><p>{{ config.unit }} · {{ config.footer.phone }}</p></footer>\n');
  for (let i = 1; i <= sites; i++) {
    const name = `xa-${String(i).padStart(3, '0')}`;
    const dir = join(root, 'sites', name);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'bantin.yaml'), `title: "Xã ${i}"\nbaseUrl: https://${name}.songlam.gov.vn/\n`);
    makeCorpus(join(dir, 'content'), articles, i);
  }
}

/** One `bantin build --all` run: wall time, and the sites and pages its JSON report lists. */
function run(args) {
  const started = performance.now();
  const r = spawnSync(process.execPath, [CLI, 'build', '--all', '--root', root, '--jobs', jobs, '--json', ...args], { encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, BANTIN_LANG: 'en' } });
  const wallMs = Math.round(performance.now() - started);
  const report = JSON.parse(r.stdout);
  if (!report.ok) throw new Error(`build failed: ${JSON.stringify(report.sites.filter((s) => !s.ok).slice(0, 2))}`);
  return { wallMs, sites: report.sites.length, pages: report.sites.reduce((n, s) => n + s.pages, 0) };
}

const load = loadavg()[0].toFixed(2);
const t0 = performance.now();
generate();
const generateMs = Math.round(performance.now() - t0);
console.log(`${sites} sites × ${articles} articles in ${root} (generated in ${generateMs} ms); ${jobs} processes; ${cpus().length} cores, load ${load}`);
// Cold: no site has a cache yet.
const all = run(['--out', join(root, 'dist')]);
console.log(`--all, cold:          ${String(all.wallMs).padStart(7)} ms  ${all.sites} sites, ${all.pages} pages`);
// Each shard as its own CI job would build it: a fresh checkout without the others' caches.
const shardRuns = [];
for (let k = 1; k <= shards; k++) {
  rmSync(join(root, 'shard-out'), { recursive: true, force: true });
  const s = run(['--shard', `${k}/${shards}`, '--no-cache', '--out', join(root, 'shard-out')]);
  shardRuns.push(s);
  console.log(`--shard ${k}/${shards}, cold:    ${String(s.wallMs).padStart(7)} ms  ${s.sites} sites, ${s.pages} pages`);
}
const warm = run(['--out', join(root, 'dist')]);
console.log(`--all, warm, no edit: ${String(warm.wallMs).padStart(7)} ms`);
const slowest = Math.max(...shardRuns.map((s) => s.wallMs));
console.log(`slowest shard ${slowest} ms; shards summed ${shardRuns.reduce((n, s) => n + s.wallMs, 0)} ms`);
console.log(JSON.stringify({ sites, articles, jobs: Number(jobs), load: Number(load), allColdMs: all.wallMs, allWarmMs: warm.wallMs, shardMs: shardRuns.map((s) => s.wallMs), shardSites: shardRuns.map((s) => s.sites) }));
if (!values.keep && existsSync(root)) rmSync(root, { recursive: true, force: true });
