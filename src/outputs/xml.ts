// What every XML output needs: escaping, characters XML cannot carry, and absolute URLs.
import type { SiteConfig } from '../base/types.js';

// Everything outside the XML 1.0 Char production. With the `u` flag a lone surrogate is one code
// point, so it falls outside the class and is removed too.
const NOT_XML_CHAR = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
export const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/** Removes characters that XML 1.0 cannot carry at all, not even as character references. */
export function stripInvalidXmlChars(s: string): string {
  return s.replace(NOT_XML_CHAR, '');
}

/** Escapes text for XML element content and double-quoted attribute values. */
export function escapeXml(s: string): string {
  return stripInvalidXmlChars(s).replace(/[&<>"]/g, (c) => ENTITIES[c]);
}

// Paths come from slugs and file names; anything a URL cannot hold raw is percent-encoded, while
// an existing `%XX` is left alone so an already-encoded path is not encoded twice.
function encodePath(p: string): string {
  return stripInvalidXmlChars(p).replace(/[^\x21-\x7E]|["<>\\^`{|}]/gu, (c) => encodeURIComponent(c));
}

/**
 * Absolute URL for a site URL: kept as it is when it already has a scheme; a leading base path
 * (`/huyen/bantin/…`) or a bare leading `/` is taken as the site root, so both `tin-tuc/abc/` and
 * `/tin-tuc/abc/` give `<baseUrl>tin-tuc/abc/`.
 */
export function absoluteUrl(config: SiteConfig, url: string): string {
  if (SCHEME.test(url)) return url;
  if (url.startsWith('//')) return new URL(config.baseUrl).protocol + url;
  let rest = url;
  if (config.basePath.length > 1 && rest.startsWith(config.basePath)) rest = rest.slice(config.basePath.length);
  return config.baseUrl + encodePath(rest.replace(/^\/+/, ''));
}
