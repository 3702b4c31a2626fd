// The sample site as a host publishes it: built for a base URL, served by a real nginx (Debian's
// package) on 127.0.0.1, and crawled by a link checker. One build lives under a subfolder of the
// server, the other at its root behind docs/nginx.conf, the example config the docs hand out.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { LinkChecker, LinkState } from 'linkinator';
import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../src/build/build.js';
import { freePort, PROJECT, tempDir } from './helpers.js';
import { NGINX, NGINX_INSTALL, startNginx, type Nginx } from './nginx.js';
import { skipWithout } from './tools.js';

const NOW = Date.UTC(2026, 0, 1);
const SUBFOLDER = '/huyen/bantin/';

interface Served {
  name: string;
  base: string;
  dist: string;
}

/** docs/nginx.conf with the test's port and folder; fails if the example no longer has those lines. */
function exampleServer(port: number, dist: string): string {
  const text = readFileSync(join(PROJECT, 'docs', 'nginx.conf'), 'utf8');
  expect(text).toMatch(/^\s*listen\s+80;/m);
  expect(text).toMatch(/^\s*root \/var\/www\/bantin;/m);
  return text
    .replace(/^\s*listen\s[^;]*;\n/gm, '')
    .replace(/^server \{\n/m, `server {\n    listen 127.0.0.1:${port};\n`)
    .replace(/^(\s*)root \/var\/www\/bantin;/m, `$1root ${dist};`);
}

function nginxConfig(prefix: string, sub: Served, subPort: number, rootPort: number, root: Served): string {
  return `${process.getuid?.() === 0 ? 'user root;\n' : ''}worker_processes 1;
pid ${prefix}/nginx.pid;
error_log ${prefix}/error.log warn;
events { worker_connections 256; }
http {
  types {
    text/html html; text/css css; application/javascript js; application/json json; text/xml xml;
    text/plain txt; image/png png; image/jpeg jpg jpeg; image/gif gif; image/svg+xml svg; image/webp webp;
    application/pdf pdf;
  }
  default_type application/octet-stream;
  access_log off;
  client_body_temp_path ${prefix}/body; proxy_temp_path ${prefix}/proxy; fastcgi_temp_path ${prefix}/fastcgi;
  uwsgi_temp_path ${prefix}/uwsgi; scgi_temp_path ${prefix}/scgi;
  server {
    listen 127.0.0.1:${subPort};
    location ${SUBFOLDER} {
      alias ${sub.dist}/;
      try_files $uri $uri/ =404;
      error_page 404 ${SUBFOLDER}404.html;
    }
    # Anything outside the subfolder is missing, so a link that forgot the base path is broken.
    location / { return 404; }
  }
${exampleServer(rootPort, root.dist)}
}
`;
}

async function get(url: string): Promise<string> {
  const res = await fetch(url);
  expect(res.status, url).toBe(200);
  return res.text();
}

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', isArray: (name) => ['item', 'entry', 'link', 'url'].includes(name) });
const list = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** Every URL that feeds, the sitemap and robots.txt hand to readers, aggregators and crawlers. */
async function publishedUrls(site: Served): Promise<string[]> {
  const urls: (string | string[])[] = [];
  const categoryFeeds = readdirSync(site.dist).filter((d) => existsSync(join(site.dist, d, 'feed.xml'))).map((d) => `${d}/feed.xml`);
  expect(categoryFeeds.length).toBeGreaterThan(0);
  for (const path of ['feed.xml', ...categoryFeeds]) {
    const { channel } = xml.parse(await get(site.base + path)).rss;
    expect(channel.item.length, path).toBeGreaterThan(0);
    urls.push(channel.link, channel['atom:link']['@_href']);
    for (const item of channel.item) urls.push(item.link, item.guid['#text'], ...list(item.enclosure).map((e: Record<string, string>) => e['@_url']));
  }
  const { feed } = xml.parse(await get(`${site.base}atom.xml`));
  expect(feed.entry.length).toBeGreaterThan(0);
  urls.push(feed.id, ...feed.link.map((l: Record<string, string>) => l['@_href']));
  for (const entry of feed.entry) urls.push(entry.id, ...entry.link.map((l: Record<string, string>) => l['@_href']));
  const json = JSON.parse(await get(`${site.base}feed.json`));
  urls.push(json.home_page_url, json.feed_url);
  for (const item of json.items) urls.push(item.id, item.url, ...(item.image ? [item.image] : []));
  const sitemap = xml.parse(await get(`${site.base}sitemap.xml`)).urlset.url.map((u: { loc: string }) => u.loc);
  expect(sitemap.length).toBeGreaterThan(100);
  urls.push(...sitemap);
  const robots = await get(`${site.base}robots.txt`);
  expect(robots).toMatch(/^Sitemap: /m);
  urls.push(...[...robots.matchAll(/^Sitemap: (\S+)/gm)].map((m) => m[1]));
  return [...new Set(urls.flat())];
}

describe.skipIf(skipWithout('nginx', !!NGINX, NGINX_INSTALL, import.meta.url))('publishing: the sample site served by nginx', () => {
  const sites: Served[] = [];
  let nginx: Nginx | undefined;
  let prefix = '';

  beforeAll(async () => {
    const subPort = await freePort();
    let rootPort = await freePort();
    while (rootPort === subPort) rootPort = await freePort();
    for (const [name, base] of [['subfolder', `http://127.0.0.1:${subPort}${SUBFOLDER}`], ['root', `http://127.0.0.1:${rootPort}/`]]) {
      const dist = join(tempDir(`publish-${name}`), 'dist');
      build({ root: PROJECT, out: dist, baseUrl: base, now: NOW });
      sites.push({ name, base, dist });
    }
    prefix = tempDir('nginx');
    const answering = async () => (await Promise.all(sites.map((site) => fetch(site.base).then((r) => r.ok)))).every(Boolean);
    nginx = await startNginx(prefix, nginxConfig(prefix, sites[0], subPort, rootPort, sites[1]), answering);
  });

  afterAll(() => nginx?.stop());

  for (const name of ['subfolder', 'root']) {
    const site = () => sites.find((s) => s.name === name)!;

    it(`${name}: feeds, sitemap and robots.txt give absolute URLs under the base URL`, async () => {
      const { base } = site();
      const urls = await publishedUrls(site());
      expect(urls.filter((u) => typeof u !== 'string' || !u.startsWith(base))).toEqual([]);
      if (name === 'subfolder') expect(base).toContain(SUBFOLDER);
    });

    it(`${name}: a link checker finds no broken link across the site`, async () => {
      const { base } = site();
      const origin = new URL(base).origin;
      const published = await publishedUrls(site());
      // Day archives are reached through the date picker's script, search through a form: a
      // crawler finds neither by following links, so everything published is a starting point too.
      const starts = [base, ...published, `${base}tim-kiem/`, `${base}archive/days.json`, `${base}404.html`];
      const result = await new LinkChecker().check({
        path: starts, recurse: true, concurrency: 20, timeout: 10_000,
        linksToSkip: async (link) => !link.startsWith(`${origin}/`),
      });
      const checked = result.links.filter((l) => l.state !== LinkState.SKIPPED);
      const broken = checked.filter((l) => l.state === LinkState.BROKEN);
      const external = result.links.length - checked.length;
      console.log(`link check ${base}: ${checked.length} links checked, ${broken.length} broken (${external} external skipped)`);
      expect(broken.map((l) => `${l.url} (${l.status}) on ${l.parent}`)).toEqual([]);
      const ok = new Set(checked.map((l) => l.url));
      // Every page but the web editor's /admin/, which no page links to (editors are given its address).
      const pages = readdirSync(site().dist, { recursive: true }).map(String).filter((f) => f.endsWith('index.html') && !f.startsWith('admin'))
        .map((f) => base + f.split('\\').join('/').replace(/index\.html$/, ''));
      expect(pages.length).toBeGreaterThan(100);
      expect([...starts, ...pages].filter((u) => !ok.has(u))).toEqual([]);
    });

    it(`${name}: a missing URL gets the 404 page with status 404, and its links work at any depth`, async () => {
      const { base } = site();
      const missing = `${base}khong-co/trang/nay/`;
      const res = await fetch(missing);
      expect(res.status).toBe(404);
      const html = await res.text();
      expect(html).toBe(readFileSync(join(site().dist, '404.html'), 'utf8'));
      const links = parse(html).querySelectorAll('a[href], link[href], script[src], img[src]')
        .map((e) => e.getAttribute('href') ?? e.getAttribute('src')!)
        .filter((href) => !href.startsWith('#'))
        .map((href) => new URL(href, missing).href)
        .filter((u) => u.startsWith(base));
      expect(links.length).toBeGreaterThan(5);
      const statuses = await Promise.all([...new Set(links)].map(async (u) => `${(await fetch(u)).status} ${u}`));
      expect(statuses.filter((s) => !s.startsWith('200 '))).toEqual([]);
      // And the checker does count a 404 as broken, so its zero above means something.
      expect((await new LinkChecker().check({ path: missing })).passed).toBe(false);
    });
  }

  it('docs/nginx.conf: gzip, long caching for hashed assets only, short for HTML, security headers', async () => {
    const { base, dist } = sites.find((s) => s.name === 'root')!;
    const head = async (path: string) => (await fetch(base + path, { headers: { 'accept-encoding': 'gzip' } })).headers;
    const css = readdirSync(join(dist, 'assets')).find((f) => /^style\.[0-9A-Za-z]{10}\.css$/.test(f));
    expect(css).toBeDefined();
    const page = await head('');
    expect(page.get('content-encoding')).toBe('gzip');
    expect(page.get('cache-control')).toBe('max-age=300');
    expect(page.get('x-content-type-options')).toBe('nosniff');
    expect(page.get('referrer-policy')).toBeTruthy();
    expect(page.get('x-frame-options')).toBe('SAMEORIGIN');
    const asset = await head(`assets/${css}`);
    expect(asset.get('cache-control')).toBe('max-age=31536000');
    expect(asset.get('content-encoding')).toBe('gzip');
    expect(asset.get('x-content-type-options')).toBe('nosniff');
    for (const path of ['feed.xml', 'feed.json', 'sitemap.xml']) expect((await head(path)).get('content-encoding'), path).toBe('gzip');
    expect((await head('files/logo.png')).get('cache-control')).toBe('max-age=86400');
    const missing = await head('khong-co/');
    expect(missing.get('x-content-type-options')).toBe('nosniff');
  });
});
