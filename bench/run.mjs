#!/usr/bin/env node
// `npm run bench [-- --articles N --runs R --json]`: builds the standard synthetic corpus cold and
// warm, the per-commit publish (fresh checkout, cache restored), times the dev server from a saved
// article to its reload event, and sizes the search index.
// Prints medians; writes every figure to bench/.out/results-N.json.
import { execFileSync, spawn } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadavg } from 'node:os';
import { gzipSync } from 'node:zlib';

const here = import.meta.dirname;
const project = resolve(here, '..');
const { values } = parseArgs({ options: { articles: { type: 'string', default: '4000' }, runs: { type: 'string', default: '3' }, json: { type: 'boolean' }, 'skip-serve': { type: 'boolean' }, 'serve-only': { type: 'boolean' } } });
const N = Number(values.articles);
const RUNS = Number(values.runs);
// bantin's own corpus (bench/corpus.mjs), or another generator taking the same arguments, such as
// the reference corpus of cross-tool comparisons: BANTIN_CORPUS=/path/to/make-corpus.mjs.
const generator = process.env.BANTIN_CORPUS ? resolve(process.env.BANTIN_CORPUS) : join(here, 'corpus.mjs');
const work = join(here, '.out', `corpus-${N}${process.env.BANTIN_CORPUS ? '-given' : ''}`);
const out = join(here, '.out', `dist-${N}`);

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor((s.length - 1) / 2)]; };
const log = (line) => { if (!values.json) console.log(line); };

if (!existsSync(join(work, 'content'))) {
  if (!existsSync(generator)) throw new Error(`corpus generator not found at ${generator}; set BANTIN_CORPUS`);
  mkdirSync(work, { recursive: true });
  execFileSync(process.execPath, [generator, join(work, 'content'), String(N), '1'], { stdio: 'ignore' });
}
log(`bantin bench: ${N} articles, ${RUNS} runs each; load average ${loadavg().map((l) => l.toFixed(2)).join(', ')} (2 cores: figures under load are noisy)`);

function measure(...flags) {
  // Node as `bantin build` runs it, with its default heap limit: a larger one only lets memory grow.
  const line = execFileSync(process.execPath, [join(here, 'measure-build.mjs'), work, out, ...flags], { encoding: 'utf8', maxBuffer: 1 << 26 });
  return JSON.parse(line.trim().split('\n').pop());
}

function series(name, prepare, ...flags) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    prepare(i);
    runs.push(measure(...flags));
  }
  const stages = {};
  for (const key of Object.keys(runs[0].timings)) stages[key] = median(runs.map((r) => r.timings[key] ?? 0));
  const summary = { wallMs: median(runs.map((r) => r.wallMs)), cpuMs: median(runs.map((r) => r.cpuMs)), maxRssMB: median(runs.map((r) => r.maxRssMB)), pages: runs[0].pages, stages, runs: runs.map((r) => r.wallMs) };
  log(`${name.padEnd(22)} wall ${String(summary.wallMs).padStart(6)} ms   cpu ${String(summary.cpuMs).padStart(6)} ms   peak RSS ${String(summary.maxRssMB).padStart(5)} MB   (runs: ${summary.runs.join(', ')})`);
  return summary;
}

const articles = readdirSync(join(work, 'content'), { recursive: true }).filter((f) => f.endsWith('.md')).sort();
const article = join(work, 'content', articles[Math.floor(N / 2)]);
// The edits below go to this article; it is put back as generated, so the corpus stays the standard one.
const original = readFileSync(article);
process.on('exit', () => writeFileSync(article, original));
const results = { articles: N, runs: RUNS, node: process.version, loadAverage: loadavg() };
if (values['serve-only']) {
  results.serve = await serveLatency();
  if (values.json) console.log(JSON.stringify(results, null, 2));
  process.exit(0);
}
results.cold = series('cold build (no cache)', () => rmSync(join(work, '.bantin'), { recursive: true, force: true }), '--no-cache');
log(`  stages (median ms): ${Object.entries(results.cold.stages).map(([k, v]) => `${k} ${v}`).join(', ')}`);
measure(); // fills the cache
results.warm = series('warm, nothing changed', () => {});
results.warmOne = series('warm, one article edited', (i) => appendFileSync(article, `\nĐoạn thêm lần ${i}.\n`));
log(`  stages (median ms): ${Object.entries(results.warmOne.stages).map(([k, v]) => `${k} ${v}`).join(', ')}`);

// The per-commit publish as the workflow runs it: a fresh checkout of the corpus (new mtimes, same
// path), .bantin/ and dist/ restored, one article edited (bench/publish-loop.mjs, which also
// measures the other designs: `node bench/publish-loop.mjs CORPUS WORK`).
{
  const line = execFileSync(process.execPath, [join(here, 'publish-loop.mjs'), work, join(here, '.out', `publish-${N}`), '--runs', String(RUNS), '--only', 'dist', '--json'], { encoding: 'utf8', maxBuffer: 1 << 26 });
  results.publish = JSON.parse(line.trim().split('\n').pop());
  const p = results.publish.withDist;
  log(`${'per-commit publish'.padEnd(22)} wall ${String(p.wallMs).padStart(6)} ms   cpu ${String(p.cpuMs).padStart(6)} ms   (fresh checkout, .bantin/ + dist/ restored, one article edited; runs: ${p.runs.join(', ')})`);
  log(`  stages (median ms): ${Object.entries(p.stages).map(([k, v]) => `${k} ${v}`).join(', ')}`);
}

// Search index: size on disk, and what a reader's first query downloads.
const searchDir = join(out, 'search');
let indexBytes = 0;
let indexFiles = 0;
const walk = (d) => { for (const e of readdirSync(d, { withFileTypes: true })) e.isDirectory() ? walk(join(d, e.name)) : (indexFiles++, indexBytes += statSync(join(d, e.name)).size); };
walk(searchDir);
await import(join(project, 'templates/assets/search.js'));
const fetched = [];
const engine = globalThis.BantinSearch.createEngine(async (path) => { fetched.push(path); return JSON.parse(readFileSync(join(searchDir, path), 'utf8')); });
const found = await engine.search('dat dai', {});
await engine.docs(found.ids.slice(0, 10));
const clientGz = gzipSync(readFileSync(join(project, 'templates/assets/search.js')), { level: 9 }).length;
const queryBytes = fetched.reduce((n, p) => n + statSync(join(searchDir, p)).size, 0) + clientGz;
results.search = { buildMs: results.cold.stages.search, indexFiles, indexBytes, firstQuery: 'dat dai', firstQueryResults: found.ids.length, firstQueryBytes: queryBytes, clientGzBytes: clientGz };
log(`search index             build ${results.search.buildMs} ms, ${indexFiles} files, ${(indexBytes / 1024).toFixed(0)} KB; first query "dat dai": ${found.ids.length} results, ${(queryBytes / 1024).toFixed(1)} KB transferred (search.js ${(clientGz / 1024).toFixed(1)} KB gzipped)`);

if (!values['skip-serve']) results.serve = await serveLatency();

mkdirSync(join(here, '.out'), { recursive: true });
writeFileSync(join(here, '.out', `results-${N}.json`), `${JSON.stringify(results, null, 2)}\n`);
if (values.json) console.log(JSON.stringify(results, null, 2));

/**
 * Median time from saving an article to the dev server's reload event, and on to the reloaded
 * page, for body edits (the commonest save) and for title edits (which every listing shows).
 */
async function serveLatency() {
  const child = spawn(process.execPath, [join(project, 'lib/cli.js'), 'serve', '--root', work, '--port', '0', '--lang', 'en'], { stdio: ['ignore', 'pipe', 'inherit'] });
  let text = '';
  const url = await new Promise((ok, fail) => {
    child.stdout.on('data', (d) => { text += d; const m = /serving (http:\S+)/.exec(text); if (m) ok(m[1]); });
    child.on('exit', () => fail(new Error(`serve exited: ${text}`)));
  });
  const res = await fetch(new URL('/__bantin/events', url));
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const nextReload = async () => {
    for (;;) {
      const m = /event: (reload|css|problems)\n(?:cause: .*\n)?data: (.*)\n\n/.exec(buffer);
      if (m) {
        buffer = buffer.slice(m.index + m[0].length);
        return JSON.parse(m[2]);
      }
      const { value } = await reader.read();
      buffer += decoder.decode(value, { stream: true });
    }
  };
  const timeEdits = async (edit, count, gapMs = 1500) => {
    const toEvent = [];
    const toPage = [];
    for (let i = 0; i < count; i++) {
      // An editor saves seconds apart (the last edit's search index and feeds finish first); the
      // rapid series saves 300 ms after the last reload, while that deferred work would run.
      await new Promise((r) => setTimeout(r, gapMs));
      buffer = '';
      const started = performance.now();
      edit(i);
      const changed = await nextReload();
      toEvent.push(performance.now() - started);
      const page = changed.find((p) => p.endsWith('/index.html') && !/^(index|page)/.test(p)) ?? changed[0];
      await (await fetch(new URL(page.replace(/index\.html$/, ''), url))).text();
      toPage.push(performance.now() - started);
    }
    return { eventMs: Math.round(median(toEvent)), pageMs: Math.round(median(toPage)), samples: toEvent.map(Math.round), pageSamples: toPage.map(Math.round) };
  };
  const body = await timeEdits((i) => appendFileSync(article, `\nLần sửa ${i}.\n`), 15);
  const title = await timeEdits((i) => writeFileSync(article, readFileSync(article, 'utf8').replace(/^title: "(.*?)( sửa \d+)?"$/m, `title: "$1 sửa ${i}"`)), 7);
  const rapid = await timeEdits((i) => appendFileSync(article, `\nLần sửa nhanh ${i}.\n`), 15, 300);
  // A save that lands while the deferred part of the last one runs: src/serve/serve.ts waits
  // SETTLE_MS (400 ms) after a reload event, then starts it; each save comes 25–500 ms into it.
  const during = [];
  for (const offset of [25, 100, 250, 500]) during.push(await timeEdits((i) => appendFileSync(article, `\nLần sửa giữa chừng ${offset}-${i}.\n`), 4, 400 + offset));
  const inDeferred = { eventMs: Math.round(median(during.flatMap((d) => d.samples))), pageMs: Math.round(median(during.flatMap((d) => d.pageSamples))), samples: during.flatMap((d) => d.samples), byOffset: Object.fromEntries([25, 100, 250, 500].map((o, i) => [o, during[i].eventMs])) };
  child.kill('SIGTERM');
  const range = (xs) => `min ${Math.min(...xs)}, max ${Math.max(...xs)}`;
  log(`serve: body edit  save → reload event median ${body.eventMs} ms (${body.samples.length} edits, ${range(body.samples)}); → page received ${body.pageMs} ms`);
  log(`serve: title edit save → reload event median ${title.eventMs} ms (${title.samples.length} edits, ${range(title.samples)}); → page received ${title.pageMs} ms`);
  log(`serve: saves 300 ms apart: save → reload event median ${rapid.eventMs} ms (${rapid.samples.length} edits, ${range(rapid.samples)}); → page received ${rapid.pageMs} ms`);
  log(`serve: save during the deferred rebuild: save → reload event median ${inDeferred.eventMs} ms (${inDeferred.samples.length} edits, ${range(inDeferred.samples)}; by ms into it: ${Object.entries(inDeferred.byOffset).map(([o, v]) => `${o}: ${v}`).join(', ')}); → page received ${inDeferred.pageMs} ms`);
  return { medianMs: body.eventMs, body, title, rapid, inDeferred };
}
