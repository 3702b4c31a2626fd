// Times `bantin import` of 4,000 saved pages (a made-up SharePoint mirror, every page with a table,
// a picture and a PDF; every fourth a WordPress page for Readability) in /dev/shm: median of 3 runs.
// Run after `npx tsc -p tsconfig.json`: node bench/import.mjs [pages] (needs /usr/bin/time)
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sample, sharePointPage, wordPressPage } from '../test/tools/fixtures/import/pages.mjs';

const N = Number(process.argv[2] ?? 4000);
const CLI = fileURLToPath(new URL('../lib/cli.js', import.meta.url));
const scratch = mkdtempSync('/dev/shm/bantin-import-bench-');
const mirror = join(scratch, 'mirror', 'xa.gov.vn');
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a0d5e0b70000000049454e44ae426082', 'hex');
mkdirSync(join(mirror, 'Lists/Posts'), { recursive: true });
mkdirSync(join(mirror, 'PublishingImages'), { recursive: true });
mkdirSync(join(mirror, 'Documents'), { recursive: true });
for (let i = 1; i <= N; i++) {
  // A picture and a document of each page's own: 4,000 of each to copy.
  writeFileSync(join(mirror, 'PublishingImages', `anh-${i}.png`), Buffer.concat([PNG, Buffer.from(String(i))]));
  writeFileSync(join(mirror, 'Documents', `ke-hoach-${i}.pdf`), `%PDF-1.4\n% ${i}\n%%EOF\n`);
  const a = { ...sample(i), title: `${sample(i).title} (${i})`, image: `/PublishingImages/anh-${i}.png`, pdf: `/Documents/ke-hoach-${i}.pdf` };
  const html = i % 4 ? sharePointPage(a) : wordPressPage({ ...a, url: `https://xa.gov.vn/?p=${i}`, iso: '2021-03-05T08:30:00+07:00', shown: '05/03/2021' });
  writeFileSync(join(mirror, 'Lists/Posts', `Post.aspx?ID=${i}.html`), html);
}
const runs = [];
const cpu = [];
for (let r = 0; r < 3; r++) {
  const site = join(scratch, `site-${r}`);
  mkdirSync(site);
  writeFileSync(join(site, 'bantin.yaml'), 'title: Bench\nlocale: vi\n');
  const started = performance.now();
  // CPU time beside wall time: on a machine shared with other work, wall time says more about the neighbours.
  const child = spawnSync('/usr/bin/time', ['-f', '%U %S', process.execPath, CLI, 'import', join(scratch, 'mirror'), '--root', site, '--json'], { maxBuffer: 1 << 30, encoding: 'utf8' });
  runs.push(performance.now() - started);
  const [user, sys] = child.stderr.trim().split('\n').pop().split(' ').map(Number);
  cpu.push(user + sys);
  const out = child.stdout;
  const report = JSON.parse(out);
  if (report.articles.length !== N || report.errors.length) throw new Error(`run ${r}: ${report.articles.length} articles, ${report.errors.length} errors`);
  console.log(`run ${r + 1}: ${(runs[r] / 1000).toFixed(2)} s wall, ${cpu[r].toFixed(2)} s CPU, ${report.articles.length} articles, ${report.files.length} files`);
}
runs.sort((a, b) => a - b);
cpu.sort((a, b) => a - b);
console.log(`import of ${N} saved pages: median ${(runs[1] / 1000).toFixed(2)} s wall (${(runs[1] / N).toFixed(2)} ms/page), ${cpu[1].toFixed(2)} s CPU`);
rmSync(scratch, { recursive: true, force: true });
