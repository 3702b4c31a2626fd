#!/usr/bin/env node
// Runs the same queries through bantin's search and Pagefind 1.x on one built site, in Chromium:
//   node bench/compare-pagefind.mjs DIST [QUERY ...]
// Pagefind is fetched by npx (`npx -y pagefind@1 --site DIST`) and indexes a copy of DIST.
// Prints, per engine: index time, and per query the result count and the bytes transferred.
import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const [distArg, ...rest] = process.argv.slice(2);
if (!distArg) throw new Error('usage: node bench/compare-pagefind.mjs DIST [QUERY ...]');
const queries = rest.length ? rest : ['dat dai', 'đất đai', 'cải cách hành chính', 'cai cach hanh chinh', 'bán', 'xqzvw'];
const site = resolve(`${resolve(distArg)}-pagefind`);
rmSync(site, { recursive: true, force: true });
cpSync(resolve(distArg), site, { recursive: true });
let t0 = performance.now();
execFileSync('npx', ['-y', 'pagefind@1', '--site', site], { stdio: 'ignore' });
const pagefindMs = Math.round(performance.now() - t0);

const types = { '.html': 'text/html', '.js': 'text/javascript', '.json': 'application/json', '.css': 'text/css', '.wasm': 'application/wasm' };
const server = createServer((req, res) => {
  let path = join(site, decodeURIComponent(new URL(req.url, 'http://x').pathname));
  try { if (statSync(path).isDirectory()) path = join(path, 'index.html'); res.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' }); res.end(readFileSync(path)); }
  catch { res.writeHead(404); res.end(); }
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });

async function measure(engine, query) {
  const page = await browser.newPage();
  let bytes = 0;
  page.on('response', async (r) => { const p = new URL(r.url()).pathname; if (p.startsWith('/pagefind/') || p.startsWith('/search/') || /search\.\w+\.js$/.test(p)) try { bytes += (await r.body()).length; } catch { /* page closed */ } });
  let count;
  if (engine === 'bantin') {
    await page.goto(`${origin}/tim-kiem/?q=${encodeURIComponent(query)}`);
    await page.waitForFunction(() => { const s = document.querySelector('#search-results .search-status'); return s && !/Đang tìm/.test(s.textContent); });
    const status = await page.textContent('#search-results .search-status');
    count = Number((/[\d.]+/.exec(status)?.[0] ?? "0").replace(/\./g, ""));
  } else {
    await page.goto(`${origin}/404.html`);
    count = await page.evaluate(async (q) => {
      const pf = await import('/pagefind/pagefind.js');
      await pf.init();
      const r = await pf.search(q);
      await Promise.all(r.results.slice(0, 10).map((x) => x.data()));
      return r.results.length;
    }, query);
  }
  await page.waitForLoadState('networkidle');
  await page.close();
  return { count, bytes };
}

console.log(`Pagefind indexing: ${pagefindMs} ms`);
for (const q of queries) {
  const b = await measure('bantin', q);
  const p = await measure('pagefind', q);
  console.log(`${JSON.stringify(q).padEnd(24)} bantin ${String(b.count).padStart(5)} results ${(b.bytes / 1024).toFixed(1).padStart(7)} KB   pagefind ${String(p.count).padStart(5)} results ${(p.bytes / 1024).toFixed(1).padStart(7)} KB`);
}
await browser.close();
server.close();
rmSync(site, { recursive: true, force: true });
