// sitemap.xml (split into a sitemap index past the sitemaps.org limits) and robots.txt.

import { absoluteUrl, escapeXml } from './xml.js';
import type { OutputFile, SiteConfig, SiteDate } from '../base/types.js';

/** sitemaps.org limits for one sitemap file, and for the number of sitemaps in an index. */
export const SITEMAP_MAX_URLS = 50_000;
export const SITEMAP_MAX_BYTES = 50 * 1024 * 1024;

export interface SitemapPage {
  /** Site-relative path, e.g. `tin-tuc/abc/`, or `` for the home page. */
  path: string;
  lastmod: SiteDate | null;
}

export interface SitemapLimits {
  maxUrls: number;
  maxBytes: number;
}

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n';
const NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const URLSET_OPEN = `${XML_HEAD}<urlset xmlns="${NS}">\n`;
const URLSET_CLOSE = '</urlset>\n';

interface Chunk {
  entries: string[];
  bytes: number;
  lastmod: SiteDate | null;
}

// `iso` is RFC 3339 with the site offset, which is also a valid W3C datetime.
const lastmodXml = (d: SiteDate | null) => (d ? `<lastmod>${escapeXml(d.iso)}</lastmod>` : '');

/**
 * `sitemap.xml` and `robots.txt`. Pages stay in the order given (the first of duplicate URLs
 * wins); when they do not fit one file's URL or byte limit they go to `sitemap-1.xml`,
 * `sitemap-2.xml`, … and `sitemap.xml` becomes the index of those. `limits` is for tests.
 */
export function renderSitemap(
  config: SiteConfig,
  pages: SitemapPage[],
  limits: SitemapLimits = { maxUrls: SITEMAP_MAX_URLS, maxBytes: SITEMAP_MAX_BYTES },
): OutputFile[] {
  const frame = Buffer.byteLength(URLSET_OPEN) + Buffer.byteLength(URLSET_CLOSE);
  const chunks: Chunk[] = [];
  const seen = new Set<string>();
  let chunk: Chunk | null = null;
  for (const page of pages) {
    const loc = absoluteUrl(config, page.path);
    if (seen.has(loc)) continue;
    seen.add(loc);
    const entry = `  <url><loc>${escapeXml(loc)}</loc>${lastmodXml(page.lastmod)}</url>\n`;
    const bytes = Buffer.byteLength(entry);
    if (frame + bytes > limits.maxBytes) throw new Error(`Sitemap entry too large for one file: ${loc}`);  // allow-literal-message: internal: limits no site reaches
    if (!chunk || chunk.entries.length >= limits.maxUrls || frame + chunk.bytes + bytes > limits.maxBytes) {
      chunk = { entries: [], bytes: 0, lastmod: null };
      chunks.push(chunk);
    }
    chunk.entries.push(entry);
    chunk.bytes += bytes;
    if (page.lastmod && (!chunk.lastmod || page.lastmod.epochMs > chunk.lastmod.epochMs)) chunk.lastmod = page.lastmod;
  }

  const urlset = (c: Chunk | undefined) => URLSET_OPEN + (c ? c.entries.join('') : '') + URLSET_CLOSE;
  const files: OutputFile[] = [];
  if (chunks.length <= 1) {
    files.push({ path: 'sitemap.xml', content: urlset(chunks[0]) });
  } else {
    if (chunks.length > limits.maxUrls) throw new Error(`Too many sitemaps for one index: ${chunks.length}`);  // allow-literal-message: internal: limits no site reaches
    const refs = chunks.map((c, i) => {
      const name = `sitemap-${i + 1}.xml`;
      files.push({ path: name, content: urlset(c) });
      return `  <sitemap><loc>${escapeXml(absoluteUrl(config, name))}</loc>${lastmodXml(c.lastmod)}</sitemap>\n`;
    });
    const index = `${XML_HEAD}<sitemapindex xmlns="${NS}">\n${refs.join('')}</sitemapindex>\n`;
    files.unshift({ path: 'sitemap.xml', content: index });
  }
  files.push({ path: 'robots.txt', content: renderRobots(config) });
  return files;
}

/**
 * robots.txt pointing at the sitemap. Crawlers only read it at the root of a host, so on a site
 * served under a sub-path it is written anyway but only takes effect if copied to the host root.
 */
export function renderRobots(config: SiteConfig): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl(config, 'sitemap.xml')}\n`;
}
