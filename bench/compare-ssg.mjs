#!/usr/bin/env node
// Cold builds of the same corpus by bantin, Hugo and Eleventy, on the same machine in the same run:
//
//   node bench/compare-ssg.mjs [--articles 4000] [--runs 5] [--json] [--work DIR]
//
// The corpus is the reference one for cross-tool comparisons (../shared/bench/make-corpus.mjs N 1, or BANTIN_CORPUS), generated afresh into
// bench/.out/compare-ssg/work-N/ and copied to one folder per tool. Hugo and Eleventy build a
// small site doing the same kind of work as bantin (bench/compare-ssg/{hugo,eleventy}/): a page per
// article with its category breadcrumb, rendered Markdown and five newer and five older articles of
// its category; home, category and monthly archive listings of 20 per page; an RSS feed of 50.
// bantin builds its full default theme, which also writes tag pages, yearly and daily archives, the
// search index, a sitemap and Atom/JSON feeds: work the other two skip.
//
// --work DIR puts the sites and outputs in DIR/work-N instead (say /dev/shm/x): on a VM whose disk
// is slow or shared, writing the ~100 MB of pages can outweigh the rest of a build, and a RAM disk
// leaves only the tools' own work to compare.
//
// Runs are interleaved (bantin, hugo, eleventy, bantin, ...) so that machine noise hits all three
// alike. Before each run the tool's output and caches are deleted; each time is the wall time of
// the whole process, from spawn to exit (plus its CPU time and peak RSS when /usr/bin/time exists).
// An untimed first round checks every tool writes one page per article. Prints median/min/max per
// tool and the bantin/hugo and bantin/eleventy ratios of the medians; then bantin's warm and
// per-commit publish builds and the dev server's back-to-back saves, and every ratio of issue 19's
// goals (bench/compare-ssg/goals.mjs). A tool that is not installed is left out and its ratios are
// marked so; --skip-serve leaves out the dev server. --json also writes bench/.out/compare-ssg.json.
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { basename, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { goals } from './compare-ssg/goals.mjs';

const here = import.meta.dirname;
const project = resolve(here, '..');
const { values } = parseArgs({ options: { articles: { type: 'string', default: '4000' }, runs: { type: 'string', default: '5' }, json: { type: 'boolean' }, work: { type: 'string' }, 'skip-serve': { type: 'boolean' } } });
const N = Number(values.articles);
const RUNS = Number(values.runs);
if (!Number.isInteger(N) || N < 1 || !Number.isInteger(RUNS) || RUNS < 1) {
  console.error('usage: node bench/compare-ssg.mjs [--articles 4000] [--runs 5] [--json] [--work DIR]');
  process.exit(2);
}

const outRoot = join(here, '.out', 'compare-ssg'); // bench/.out/ is git-ignored
const work = join(values.work ? resolve(values.work) : outRoot, `work-${N}`);
const reference = process.env.BANTIN_CORPUS ?? resolve(project, '../shared/bench/make-corpus.mjs');
// Without the reference generator (a clone has no ../shared), bantin's own corpus stands in, and the report says so.
const generator = existsSync(reference) ? reference : join(here, 'corpus.mjs');
const eleventyTool = join(outRoot, 'eleventy-tool');
const eleventyCli = join(eleventyTool, 'node_modules/@11ty/eleventy/cmd.cjs');
const hugoBin = process.env.HUGO ?? 'hugo';
// GNU time, when there is one, adds the CPU time (user + system) and peak memory of each build: how
// much work each tool did, apart from waiting for cores and disk, and how it used the 2+ cores.
const gnuTime = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

// ---------------------------------------------------------------------------------------------
// Tools: find all three; one that is missing is left out, with how to get it (bantin must be there).

function findTools() {
  const missing = [];
  const versions = {};
  if (existsSync(join(project, 'lib/cli.js'))) {
    versions.bantin = JSON.parse(readFileSync(join(project, 'package.json'), 'utf8')).version;
    // A stale lib/ would time yesterday's bantin.
    if (newestMtime(join(project, 'src')) > newestMtime(join(project, 'lib'))) {
      console.warn('warning: src/ has changes newer than lib/; run `npm run compile` first to time the current code');
    }
  } else missing.push('bantin: lib/cli.js is missing; compile it with `npm run compile` (or `npm run build`)');
  try {
    versions.hugo = execFileSync(hugoBin, ['version'], { encoding: 'utf8' }).trim();
  } catch {
    missing.push(`hugo: \`${hugoBin} version\` failed; install it with \`apt-get install -y hugo\` (as root; Debian 12 has 0.111.3), or set HUGO=/path/to/hugo`);
  }
  if (existsSync(eleventyCli)) {
    versions.eleventy = JSON.parse(readFileSync(join(eleventyTool, 'node_modules/@11ty/eleventy/package.json'), 'utf8')).version;
  } else {
    missing.push(`eleventy: not found at ${relative(project, eleventyCli)}; install it (outside the project's package.json) with\n` +
      `    npm install --prefix ${relative(project, eleventyTool)} @11ty/eleventy@3.1`);
  }
  if (!existsSync(reference)) console.warn(`note: the reference corpus generator is not at ${reference} (set BANTIN_CORPUS); bantin's own bench/corpus.mjs stands in, so figures are not comparable with runs on the reference corpus`);
  if (missing.length) console.warn(`compare-ssg: not installed, left out (their ratios are marked n/a):\n  ${missing.join('\n  ')}`);
  if (!versions.bantin) process.exit(1);
  return versions;
}

function newestMtime(dir) {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) newest = Math.max(newest, statSync(join(e.parentPath ?? e.path, e.name)).mtimeMs);
  }
  return newest;
}

// ---------------------------------------------------------------------------------------------
// Work folders: one fresh corpus, copied into each tool's site folder.

function prepare() {
  // A fresh corpus rather than bench/.out/corpus-N: bench/run.mjs appends to one of its articles
  // when it times warm builds, so that copy is not the standard corpus any more.
  rmSync(work, { recursive: true, force: true });
  const corpus = join(work, 'corpus');
  execFileSync(process.execPath, [generator, corpus, String(N), '1'], { stdio: 'ignore' });
  const files = readdirSync(corpus, { recursive: true }).filter((f) => f.endsWith('.md')).sort();
  if (files.length !== N) throw new Error(`the generator wrote ${files.length} articles, not ${N}`);

  // bantin: content/ as bench/run.mjs lays it out, and a bantin.yaml that only sets what the other
  // two sites do differently from bantin's defaults: 5 neighbours each side, not 10.
  cpSync(corpus, join(work, 'bantin/content'), { recursive: true });
  writeFileSync(join(work, 'bantin/bantin.yaml'), 'pageSize: 20\nrelatedCount: 5\n');

  // Hugo: the skeleton, the articles as section bai/, and a stub section per month. Hugo 0.111 can
  // only make a page from a content file (or a taxonomy term, which would mean adding a month field
  // to every article), so each month gets content/archive/YYYY-MM/_index.md naming the month; the
  // articles themselves are left as they are.
  cpSync(join(here, 'compare-ssg/hugo'), join(work, 'hugo'), { recursive: true });
  cpSync(corpus, join(work, 'hugo/content/bai'), { recursive: true });
  for (const month of monthsOf(corpus, files)) {
    mkdirSync(join(work, 'hugo/content/archive', month), { recursive: true });
    writeFileSync(join(work, 'hugo/content/archive', month, '_index.md'),
      `---\ntitle: "Tháng ${month.slice(5)}/${month.slice(0, 4)}"\nmonth: "${month}"\n---\n`);
  }

  // The floor: the articles alone.
  cpSync(corpus, join(work, 'floor/content'), { recursive: true });

  // Eleventy: the project, with the articles in bai/ (its directory data file gives them a layout).
  cpSync(join(here, 'compare-ssg/eleventy'), join(work, 'eleventy'), { recursive: true });
  cpSync(corpus, join(work, 'eleventy/bai'), { recursive: true });

  return new Set(files.map((f) => basename(f, '.md')));
}

/** The months (YYYY-MM, in UTC+07:00 like the sites) that have articles. */
function monthsOf(dir, files) {
  const months = new Set();
  for (const f of files) {
    const m = /^date:\s*(.+)$/m.exec(readFileSync(join(dir, f), 'utf8'));
    if (!m) throw new Error(`${f}: no date in front matter`);
    const local = new Date(new Date(m[1].trim().replace(/^["']|["']$/g, '')).getTime() + 7 * 3600e3);
    months.add(local.toISOString().slice(0, 7));
  }
  return [...months].sort();
}

// ---------------------------------------------------------------------------------------------
// The three builds: how each is made cold, how it runs, where its pages land.

const tools = [
  {
    name: 'bantin',
    dir: () => join(work, 'bantin'),
    // --no-cache ignores .bantin/, and an empty dist/ leaves the background cleanup nothing to do.
    clean: (d) => { rmSync(join(d, 'dist'), { recursive: true, force: true }); rmSync(join(d, '.bantin'), { recursive: true, force: true }); },
    command: (d) => [process.execPath, [join(project, 'lib/cli.js'), 'build', '--root', d, '--no-cache']],
    output: (d) => join(d, 'dist'),
  },
  {
    name: 'hugo',
    dir: () => join(work, 'hugo'),
    // public/ (output), resources/ (processed assets) and a private cache folder, so no run reuses
    // another's work; --gc would only tidy the cache after the build, so it is left out.
    clean: (d) => { for (const sub of ['public', 'resources', '.hugo_cache']) rmSync(join(d, sub), { recursive: true, force: true }); },
    command: (d) => [hugoBin, ['--source', d, '--cacheDir', join(d, '.hugo_cache'), '--quiet']],
    output: (d) => join(d, 'public'),
  },
  {
    // Not a site generator: the plain loop of bench/compare-ssg/floor.mjs, article pages only.
    name: 'floor',
    dir: () => join(work, 'floor'),
    clean: (d) => rmSync(join(d, 'out'), { recursive: true, force: true }),
    command: (d) => [process.execPath, [join(here, 'compare-ssg/floor.mjs'), d]],
    output: (d) => join(d, 'out'),
  },
  {
    name: 'eleventy',
    dir: () => join(work, 'eleventy'),
    clean: (d) => { for (const sub of ['_site', '.cache']) rmSync(join(d, sub), { recursive: true, force: true }); },
    // --quiet: Eleventy otherwise prints a line per written file, which the others don't.
    command: () => [process.execPath, [eleventyCli, '--config=eleventy.config.mjs', '--quiet']],
    output: (d) => join(d, '_site'),
  },
];

/** One cold build as a whole process: milliseconds from spawn to exit, CPU and memory if known, what it printed. */
function timeBuild(tool) {
  const dir = tool.dir();
  tool.clean(dir);
  // Flush the previous build's writes (and this deletion) to disk now, so that no build pays for
  // the write-back of the one before it.
  execFileSync('sync');
  let [cmd, args] = tool.command(dir);
  const usageFile = join(work, `${tool.name}.usage`);
  if (gnuTime) [cmd, args] = [gnuTime, ['-f', '%U %S %M', '-o', usageFile, cmd, ...args]];
  return new Promise((done, fail) => {
    let stdout = '';
    let stderr = '';
    const started = process.hrtime.bigint();
    const child = spawn(cmd, args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('error', fail);
    // 'exit', not 'close': a helper the build leaves behind (bantin's background rm) holding the
    // pipes open is not part of the build.
    child.on('exit', (code, signal) => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      let cpuMs = null;
      let maxRssMB = null;
      if (gnuTime && code === 0) {
        const [user, sys, rssKB] = readFileSync(usageFile, 'utf8').trim().split('\n').pop().split(' ').map(Number);
        [cpuMs, maxRssMB] = [Math.round((user + sys) * 1000), Math.round(rssKB / 1024)];
      }
      if (code === 0) done({ ms, cpuMs, maxRssMB, stdout, stderr });
      else fail(new Error(`${tool.name} failed (${signal ?? `exit ${code}`}): ${cmd} ${args.join(' ')}\n${stderr.trim() || stdout.trim()}`));
    });
  });
}

/** index.html files in the output, how many of them are article pages (folder named after an
 *  article), and all files and bytes written. */
function countPages(out, articleNames) {
  let [pages, articles, files, bytes] = [0, 0, 0, 0];
  for (const e of readdirSync(out, { withFileTypes: true, recursive: true })) {
    if (!e.isFile()) continue;
    files++;
    bytes += statSync(join(e.parentPath ?? e.path, e.name)).size;
    if (e.name !== 'index.html') continue;
    pages++;
    if (articleNames.has(basename(e.parentPath ?? e.path))) articles++;
  }
  return { pages, articles, files, bytes };
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const h = s.length >> 1; return s.length % 2 ? s[h] : (s[h - 1] + s[h]) / 2; };
const fmt = (ms) => `${(ms / 1000).toFixed(2)} s`;

// ---------------------------------------------------------------------------------------------

const versions = findTools();
// The floor needs nothing but bantin's own libraries; Hugo and Eleventy only when installed.
tools.splice(0, tools.length, ...tools.filter((t) => t.name === 'bantin' || t.name === 'floor' || versions[t.name]));
const loadBefore = loadavg()[0];
console.log(`compare-ssg: ${N} articles, ${RUNS} timed cold runs each, interleaved; ${cpus().length} × ${cpus()[0]?.model.trim()}, node ${process.version}`);
console.log(`  bantin ${versions.bantin}, ${versions.hugo ? `${versions.hugo.split(' ')[0]} ${versions.hugo.split(' ')[1] ?? ''}` : 'hugo n/a'}, eleventy ${versions.eleventy ?? 'n/a'}`);
const articleNames = prepare();
console.log(`  work folder: ${work.startsWith(project) ? relative(project, work) : work}`);

// Untimed round: check each site is complete and show what the tools complain about; it also loads
// each tool's code into the page cache, so the first timed run is not the only one reading it.
const results = {};
for (const tool of tools) {
  const { ms, stderr } = await timeBuild(tool);
  const counts = countPages(tool.output(tool.dir()), articleNames);
  results[tool.name] = { runsMs: [], cpuMs: [], maxRssMB: [], ...counts, checkRunMs: Math.round(ms), stderr: stderr.trim() };
  if (counts.articles !== N) console.warn(`warning: ${tool.name} wrote ${counts.articles} article pages, expected ${N}: its times are not comparable`);
  if (stderr.trim()) console.warn(`note: ${tool.name} printed on stderr:\n    ${stderr.trim().split('\n').slice(0, 10).join('\n    ')}`);
}

for (let run = 0; run < RUNS; run++) {
  for (const tool of tools) {
    const { ms, cpuMs, maxRssMB } = await timeBuild(tool);
    const r = results[tool.name];
    r.runsMs.push(Math.round(ms));
    r.cpuMs.push(cpuMs);
    r.maxRssMB.push(maxRssMB);
    // Every run must produce the same site; a build that silently wrote less would look fast.
    const counts = countPages(tool.output(tool.dir()), articleNames);
    if (counts.pages !== r.pages || counts.articles !== r.articles) {
      console.warn(`warning: ${tool.name} run ${run + 1} wrote ${counts.pages} pages (${counts.articles} articles), the check run ${r.pages} (${r.articles})`);
    }
  }
  console.log(`  run ${run + 1}/${RUNS}: ${tools.map((t) => `${t.name} ${fmt(results[t.name].runsMs[run])}`).join(', ')}`);
}

console.log('');
console.log(`${'wall time'.padEnd(10)}${'median'.padStart(10)}${'min'.padStart(10)}${'max'.padStart(10)}${'pages'.padStart(8)}${'articles'.padStart(10)}${'written'.padStart(10)}${gnuTime ? `${'CPU (median)'.padStart(15)}${'peak RSS'.padStart(10)}` : ''}`);
for (const tool of tools) {
  const r = results[tool.name];
  Object.assign(r, { medianMs: median(r.runsMs), minMs: Math.min(...r.runsMs), maxMs: Math.max(...r.runsMs) });
  if (gnuTime) Object.assign(r, { medianCpuMs: median(r.cpuMs), medianMaxRssMB: median(r.maxRssMB) });
  console.log(`${tool.name.padEnd(10)}${fmt(r.medianMs).padStart(10)}${fmt(r.minMs).padStart(10)}${fmt(r.maxMs).padStart(10)}${String(r.pages).padStart(8)}${String(r.articles).padStart(10)}${`${Math.round(r.bytes / 2 ** 20)} MB`.padStart(10)}` +
    (gnuTime ? `${fmt(r.medianCpuMs).padStart(15)}${`${r.medianMaxRssMB} MB`.padStart(10)}` : ''));
}
/** a/b of two tools' medians, or null when either was not run. */
const over = (a, b, key = 'medianMs') => (results[a] && results[b] ? results[a][key] / results[b][key] : null);
const x = (r) => (r === null ? 'n/a' : `${r.toFixed(2)}×`);
const ratios = { bantinOverHugo: over('bantin', 'hugo'), bantinOverEleventy: over('bantin', 'eleventy') };
console.log(`\nbantin/hugo ${x(ratios.bantinOverHugo)}, bantin/eleventy ${x(ratios.bantinOverEleventy)} (wall-time medians; below 1 means bantin is faster)`);
// The floor's own ratios: no build on these libraries gets below them on this machine.
Object.assign(ratios, { floorOverHugo: over('floor', 'hugo'), floorOverEleventy: over('floor', 'eleventy'), bantinOverFloor: over('bantin', 'floor') });
console.log(`floor/hugo ${x(ratios.floorOverHugo)}, floor/eleventy ${x(ratios.floorOverEleventy)} (the article pages alone, in the plainest loop over the same libraries)`);
if (gnuTime) {
  Object.assign(ratios, { cpuBantinOverHugo: over('bantin', 'hugo', 'medianCpuMs'), cpuBantinOverEleventy: over('bantin', 'eleventy', 'medianCpuMs') });
  console.log(`CPU time: bantin/hugo ${x(ratios.cpuBantinOverHugo)}, bantin/eleventy ${x(ratios.cpuBantinOverEleventy)}`);
}
const goalFigures = await goals({ here, work, runs: RUNS, articles: N, generator, results, skipServe: !!values['skip-serve'], corpus: join(work, 'corpus') });
Object.assign(ratios, goalFigures.ratios);
const loadAfter = loadavg()[0];
console.log(`load average (1 min) ${loadBefore.toFixed(2)} before, ${loadAfter.toFixed(2)} after, on ${cpus().length} cores: other work on the machine slows all three alike but widens the spread`);
console.log('pages = index.html files written; bantin\'s count includes its tag, yearly and daily archive pages, Hugo\'s a /page/1/ redirect per listing;\n' +
  'written = all output files; bantin\'s theme pages are larger (header, menu, sidebar, footer, meta tags).');

if (values.json) {
  const file = join(here, '.out', 'compare-ssg.json');
  writeFileSync(file, `${JSON.stringify({
    articles: N, runs: RUNS, date: new Date().toISOString(), node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model.trim(),
    work, loadavg: [loadBefore, loadAfter], versions, ratios, goals: goalFigures, tools: results,
  }, null, 2)}\n`);
  console.log(`wrote ${relative(project, file)}`);
}
