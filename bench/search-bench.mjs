#!/usr/bin/env node
// Search index benchmark: node bench/search-bench.mjs CORPUS_DIR
// CORPUS_DIR as made by `node ../shared/bench/make-corpus.mjs /tmp/corpus 4000 1`.
// Needs the compiled sources: `npx tsc -p tsconfig.json` first (or SEARCH_LIB=dir holding
// search/build-index.js). Prints the index build time (median of 5), the index size, and what
// a first query transfers: the index files the real client fetches for it, plus search.js gzipped.
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import matter from 'gray-matter';
import MarkdownIt from 'markdown-it';

const root = resolve(import.meta.dirname, '..');
const [dir, query = 'dat dai'] = process.argv.slice(2);
if (!dir) {
  console.error('usage: node bench/search-bench.mjs CORPUS_DIR [QUERY]');
  process.exit(2);
}
const lib = resolve(process.env.SEARCH_LIB ?? join(root, 'lib'));
const { buildSearchIndex } = await import(pathToFileURL(join(lib, 'search/build-index.js')).href);
const { slugify } = await import(pathToFileURL(join(lib, 'slug.js')).href);
const clientPath = join(root, 'templates/assets/search.js');
await import(pathToFileURL(clientPath).href);
const { createEngine } = globalThis.BantinSearch;

// The corpus is dated in UTC+07:00; gray-matter hands back Date objects in UTC.
const p2 = (n) => String(n).padStart(2, '0');
function siteDate(value) {
  const t = new Date(new Date(value).getTime() + 7 * 3600e3);
  const iso = `${t.getUTCFullYear()}-${p2(t.getUTCMonth() + 1)}-${p2(t.getUTCDate())}T${p2(t.getUTCHours())}:${p2(t.getUTCMinutes())}:00+07:00`;
  return { iso, label: `${p2(t.getUTCDate())}/${p2(t.getUTCMonth() + 1)}/${t.getUTCFullYear()}`, year: t.getUTCFullYear() };
}

const md = new MarkdownIt();
const entities = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };
const plain = (html) =>
  html
    .replace(/<\/(p|h\d|li|tr|td|th)>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&(amp|lt|gt|quot|#39);/g, (_, e) => entities[e]);

let t0 = performance.now();
const docs = readdirSync(dir)
  .filter((f) => f.endsWith('.md'))
  .sort()
  .map((file) => {
    const { data, content } = matter(readFileSync(join(dir, file), 'utf8'));
    const date = siteDate(data.date);
    const categorySlug = slugify(data.category);
    return {
      url: `/huyen/${categorySlug}/${file.replace(/\.md$/, '')}/`,
      title: data.title,
      summary: data.summary ?? '',
      text: plain(md.render(content)).trim(),
      category: data.category,
      categorySlug,
      author: data.author ?? '',
      date: date.iso,
      dateLabel: date.label,
      year: date.year,
    };
  });
const words = docs.reduce((n, d) => n + d.text.split(/\s+/).length, 0);
console.log(`loaded ${docs.length} articles (${(words / docs.length).toFixed(0)} words each on average) in ${(performance.now() - t0).toFixed(0)} ms`);

const times = [];
let files;
for (let i = 0; i < 5; i++) {
  t0 = performance.now();
  files = buildSearchIndex(docs);
  times.push(performance.now() - t0);
}
const median = [...times].sort((a, b) => a - b)[2];
console.log(`index build: median ${median.toFixed(0)} ms of 5 (${times.map((t) => t.toFixed(0)).join(', ')})`);

const bytes = (c) => (typeof c === 'string' ? Buffer.byteLength(c) : c.length);
const byPath = new Map(files.map((f) => [f.path, f.content]));
const kinds = {};
let total = 0;
let totalGz = 0;
for (const f of files) {
  const kind = f.path.split('/').slice(0, -1).join('/') || f.path;
  const k = (kinds[kind] ??= { files: 0, bytes: 0 });
  k.files++;
  k.bytes += bytes(f.content);
  total += bytes(f.content);
  totalGz += gzipSync(f.content).length;
}
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
console.log(`index size: ${files.length} files, ${kb(total)} (${kb(totalGz)} gzipped)`);
for (const [kind, k] of Object.entries(kinds)) console.log(`  ${kind.padEnd(14)} ${String(k.files).padStart(5)} files ${kb(k.bytes).padStart(10)}`);

// The first query as the page runs it: search, then the records of the first page of 10.
const fetched = [];
const engine = createEngine(async (path) => {
  fetched.push(path);
  const content = byPath.get(`search/${path}`);
  if (content === undefined) throw new Error(`missing search/${path}`);
  return JSON.parse(content);
});
t0 = performance.now();
const result = await engine.search(query, {});
const records = await engine.docs(result.ids.slice(0, 10));
const queryMs = performance.now() - t0;
const client = readFileSync(clientPath);
const clientGz = gzipSync(client, { level: 9 }).length;
let raw = 0;
let gz = 0;
for (const path of fetched) {
  const content = byPath.get(`search/${path}`);
  raw += bytes(content);
  gz += gzipSync(content).length;
}
console.log(`first query "${query}": ${result.ids.length} results in ${queryMs.toFixed(0)} ms (Node), top: ${records[0]?.[1] ?? '-'}`);
console.log(`  fetched ${fetched.length} index files: ${kb(raw)} (${kb(gz)} gzipped) — ${fetched.join(' ')}`);
console.log(`  search.js: ${kb(client.length)} (${kb(clientGz)} gzipped)`);
console.log(`  total: ${kb(raw + clientGz)} with index files as stored, ${kb(gz + clientGz)} if the server gzips them`);
