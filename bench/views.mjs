#!/usr/bin/env node
// `node bench/views.mjs [--lines 5000000] [--runs 3]`: writes a site of 2,000 articles and about
// 1 GB of combined-format access log to /dev/shm, then times `bantin views` on it from an empty
// state (median of the runs) with its peak RSS (GNU time); compare --lines 500000 to see memory stay
// flat. Needs `npx tsc` first.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, openSync, rmSync, statSync, writeFileSync, writeSync, closeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { lines: { type: 'string', default: '5000000' }, runs: { type: 'string', default: '3' }, keep: { type: 'boolean' } } });
const LINES = Number(values.lines);
const cli = resolve(import.meta.dirname, '..', 'lib', 'cli.js');
const work = `/dev/shm/bantin-views-bench-${LINES}`;
const log = join(work, 'access.log');
const ARTICLES = 2000;

// A fixed pseudo-random sequence, so every run of the benchmark reads the same log.
let seed = 12345;
const rand = (n) => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 8) % n;

if (!existsSync(log)) {
  mkdirSync(join(work, 'content', 'tin-tuc'), { recursive: true });
  writeFileSync(join(work, 'bantin.yaml'), 'title: Bench\nbaseUrl: https://example.gov.vn/\n');
  for (let i = 0; i < ARTICLES; i++) writeFileSync(join(work, 'content', 'tin-tuc', `bai-${i}.md`), `---\ntitle: "Bài ${i}"\ndate: 2025-01-01 08:00\nviews: ${i}\n---\nNội dung.\n`);
  const agents = [
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36',
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
    'Mozilla/5.0 (Linux; Android 14; SM-A546E) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36',
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) coc_coc_browser/117.0.0 Chrome/111.0.0.0 Safari/537.36',
    'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
    'Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)',
  ];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const p = (n) => String(n).padStart(2, '0');
  const fd = openSync(log, 'w');
  let chunk = [];
  const start = Date.UTC(2025, 0, 1);
  for (let i = 0; i < LINES; i++) {
    // About 30 days of traffic, in order.
    const d = new Date(start + Math.floor(i * (30 * 86_400_000 / LINES)));
    const time = `${p(d.getUTCDate())}/${months[d.getUTCMonth()]}/${d.getUTCFullYear()}:${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
    const kind = rand(10);
    const target = kind < 6 ? `/tin-tuc/bai-${rand(ARTICLES)}/` : kind < 7 ? `/tin-tuc/trang/${rand(100)}/?utm_source=zalo` : kind < 9 ? `/assets/style.${rand(10)}a2b3c4d5e.css` : `/files/anh-${rand(500)}.jpg`;
    const status = rand(20) === 0 ? 404 : rand(10) === 0 ? 304 : 200;
    chunk.push(`${rand(50)}.${rand(256)}.${rand(256)}.${rand(256)} - - [${time}] "GET ${target} HTTP/1.1" ${status} ${rand(90000)} "https://example.gov.vn/tin-tuc/" "${agents[rand(agents.length)]}"\n`);
    if (chunk.length === 10_000) {
      writeSync(fd, chunk.join(''));
      chunk = [];
    }
  }
  writeSync(fd, chunk.join(''));
  closeSync(fd);
}
console.log(`bench views: ${LINES.toLocaleString('en-US')} lines, ${(statSync(log).size / 2 ** 30).toFixed(2)} GiB in ${log}`);

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const runs = [];
for (let r = 0; r < Number(values.runs); r++) {
  rmSync(join(work, 'data'), { recursive: true, force: true });
  const run = spawnSync('/usr/bin/time', ['-v', process.execPath, cli, 'views', '--root', work, log], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  const field = (name) => run.stderr.match(new RegExp(`${name}: (.+)`))[1];
  const [m, s] = field('Elapsed \\(wall clock\\) time \\(h:mm:ss or m:ss\\)').split(':').map(Number);
  runs.push({ seconds: m * 60 + s, rssMB: Math.round(Number(field('Maximum resident set size \\(kbytes\\)')) / 1024) });
  console.log(`  run ${r + 1}: ${runs.at(-1).seconds.toFixed(2)} s, peak RSS ${runs.at(-1).rssMB} MB; ${run.stdout.trim().split('\n').pop()}`);
}
console.log(`median ${median(runs.map((x) => x.seconds)).toFixed(2)} s, peak RSS median ${median(runs.map((x) => x.rssMB))} MB`);
if (!values.keep) console.log(`(the log stays in ${work} for the next run; rm -r it when done)`);
