// What "Lưu bài viết" would cost if the build made the standalone files itself: for every article
// page of a built site, the article with its pictures inlined as data: URLs, written beside it.
// The theme makes the file in the reader's browser instead; this measures the road not taken.
//
//   node bench/save-cost.mjs DIST [--write /dev/shm/x]
//
// Prints the article count, the time to make the files (read, parse, inline, serialise), their
// total size against the site's own size, and the size of the script the browser runs instead.
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { parse } from 'node-html-parser';

const [dist, flag, out] = process.argv.slice(2);
if (!dist) {
  console.error('usage: node bench/save-cost.mjs DIST [--write DIR]');
  process.exit(2);
}
const MIME = { png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif', webp: 'image/webp', svg: 'image/svg+xml' };

function* walk(dir) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* walk(p);
    else yield p;
  }
}

let siteBytes = 0;
const pages = [];
for (const file of walk(dist)) {
  siteBytes += statSync(file).size;
  if (file.endsWith('index.html')) pages.push(file);
}

const started = process.hrtime.bigint();
const cpu = process.cpuUsage();
let articles = 0;
let bytes = 0;
let images = 0;
const dataUrls = new Map();
for (const file of pages) {
  const html = readFileSync(file, 'utf8');
  if (!html.includes('<article class="article">')) continue;
  const doc = parse(html);
  const article = doc.querySelector('article.article');
  for (const el of article.querySelectorAll('.article-tools')) el.remove();
  for (const img of article.querySelectorAll('img')) {
    const src = img.getAttribute('src') ?? '';
    if (!src.startsWith('/')) continue;
    let data = dataUrls.get(src);
    if (data === undefined) {
      const ext = src.split('.').pop().toLowerCase();
      data = `data:${MIME[ext] ?? 'application/octet-stream'};base64,${readFileSync(join(dist, decodeURI(src))).toString('base64')}`;
      dataUrls.set(src, data);
    }
    img.setAttribute('src', data);
    images++;
  }
  const standalone = `<!DOCTYPE html>\n<html lang="vi">\n<head>\n<meta charset="utf-8">\n<title>${doc.querySelector('title').text}</title>\n</head>\n<body>\n${article.toString()}\n</body>\n</html>\n`;
  bytes += Buffer.byteLength(standalone);
  articles++;
  if (flag === '--write' && out) {
    const target = join(out, relative(dist, dirname(file)), 'bai-viet.html');
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, standalone);
  }
}
const ms = Number(process.hrtime.bigint() - started) / 1e6;
const used = process.cpuUsage(cpu);
const siteJs = [...walk(join(dist, 'assets'))].find((f) => /site\.[\w-]+\.js$/.test(f));
const mb = (n) => `${(n / 1048576).toFixed(1)} MB`;
console.log(JSON.stringify({
  articles, inlinedImages: images, ms: Math.round(ms), cpuMs: Math.round((used.user + used.system) / 1000),
  standaloneBytes: bytes, standalone: mb(bytes), site: mb(siteBytes), growth: `${((bytes / siteBytes) * 100).toFixed(0)}%`,
  clientScriptBytes: siteJs ? statSync(siteJs).size : null,
}, null, 2));
