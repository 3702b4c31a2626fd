// Old URLs keep working: from each article's `oldUrls`, a redirect page at every old path a static
// host can serve, a Netlify `_redirects` file, and an nginx `map` include (query-string URLs too).
import type { Article, OutputFile, SiteConfig } from '../base/types.js';

/** The nginx include; docs/nginx.conf reads it into `map $request_uri $bantin_redirect`. */
export const NGINX_MAP = 'redirects.nginx.map';

/**
 * The redirect outputs of the site's articles (none when no article has old URLs). `taken`: output
 * paths (lower case) the site already writes, where no redirect page may go.
 */
export function redirectFiles(articles: Article[], config: SiteConfig, taken: Set<string>): OutputFile[] {
  const seen = new Set<string>();
  const netlify: string[] = [];
  const nginx: string[] = [];
  const pages: OutputFile[] = [];
  for (const article of articles) {
    for (const old of article.oldUrls) {
      let url: URL;
      try {
        url = new URL(old, config.baseUrl);
      } catch {
        continue;
      }
      const from = url.pathname + url.search;
      const to = config.basePath + article.path;
      if (seen.has(from) || from === to || /[\s"'\\$;{}]/.test(from)) continue;
      seen.add(from);
      nginx.push(`    "${from}" ${to};`);
      const query = [...url.searchParams].map(([k, v]) => `${k}=${v}`);
      if (!query.some((q) => /\s/.test(q))) netlify.push(`${url.pathname}${query.length ? ` ${query.join(' ')}` : ''} ${to} 301`);
      if (url.search) continue;
      const file = pagePath(url.pathname, config.basePath);
      if (file && !taken.has(file.toLowerCase())) {
        taken.add(file.toLowerCase());
        pages.push({ path: file, content: redirectPage(new URL(to, config.baseUrl).href) });
      }
    }
  }
  if (!seen.size) return [];
  return [
    ...pages,
    { path: '_redirects', content: `# Old portal URLs → their articles (bantin, from the articles' oldUrls)\n${netlify.join('\n')}\n` },
    { path: NGINX_MAP, content: `# Old portal URLs → their articles (bantin); included in docs/nginx.conf's map\n${nginx.join('\n')}\n` },
  ];
}

/** Where a static host serves an old path from: `a/b.html` as it is, `a/b` and `a/b/` as `a/b/index.html`. */
function pagePath(pathname: string, basePath: string): string | null {
  if (!pathname.startsWith(basePath)) return null;
  let rel: string;
  try {
    rel = decodeURIComponent(pathname.slice(basePath.length));
  } catch {
    return null;
  }
  if (!rel || rel.split('/').some((s) => s === '..' || s === '.')) return null;
  if (/\.html?$/i.test(rel)) return rel;
  // A server page (`.aspx`, `.php`) would be sent as a download by a static host: _redirects and nginx cover it.
  if (/\.[a-z0-9]{1,5}$/i.test(rel)) return null;
  return `${rel.replace(/\/$/, '')}/index.html`;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

function redirectPage(target: string): string {
  const t = esc(target);
  return `<!doctype html>\n<html><head><meta charset="utf-8"><title>${t}</title><meta name="robots" content="noindex">` +
    `<link rel="canonical" href="${t}"><meta http-equiv="refresh" content="0; url=${t}"></head>` +
    `<body><p><a href="${t}">${t}</a></p></body></html>\n`;
}
