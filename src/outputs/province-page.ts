// The province page: one HTML page at the root of a workspace's output listing its sites and each
// site's newest articles, from what the sites' own builds wrote (their feed.json).
import { text, type Lang } from '../base/messages/index.js';
import { checkUrl } from '../base/url-policy.js';

export interface ProvinceSite {
  /** The site's folder under the output folder. */
  name: string;
  title: string;
  description: string;
  articles: { title: string; url: string; date: string }[];
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]);

/** `2026-01-28T23:10:00+07:00` → `28/01/2026`: the day as the site wrote it, in its own timezone. */
function day(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : '';
}

/**
 * Through the URL policy, and then only what this page links: a path into a site's folder, or an
 * http(s) address, in the form a browser sends (so `"` or a space in it is percent-encoded).
 */
function safeHref(url: string): string | null {
  const v = checkUrl(url, 'link');
  if (!v.ok || (v.scheme !== null && v.scheme !== 'http' && v.scheme !== 'https')) return null;
  if (v.scheme === null) return /^[a-z0-9][a-z0-9_-]*\//.test(v.url) ? new URL(v.url, 'http://x/').href.slice('http://x/'.length) : null;
  try {
    return new URL(v.url).href;
  } catch {
    return null;
  }
}

export function provincePage(title: string, sites: ProvinceSite[], lang: Lang): string {
  const heading = title || text('ws-index-title', {}, lang);
  const items = sites.map((s) => {
    const list = s.articles.length
      ? `<ul>${s.articles.map((a) => {
        const href = safeHref(a.url);
        const name = href ? `<a href="${esc(href)}">${esc(a.title)}</a>` : esc(a.title);
        const shown = day(a.date);
        return `<li>${name}${shown ? ` <time datetime="${esc(a.date)}">${shown}</time>` : ''}</li>`;
      }).join('')}</ul>`
      : `<p>${esc(text('ws-index-none', {}, lang))}</p>`;
    return `<section><h2><a href="${esc(s.name)}/">${esc(s.title)}</a></h2>${s.description ? `<p>${esc(s.description)}</p>` : ''}`
      + `<h3>${esc(text('ws-index-latest', {}, lang))}</h3>${list}</section>`;
  }).join('\n');
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(heading)}</title>
<style>body{font:16px/1.5 system-ui,'Segoe UI',Roboto,'Noto Sans',sans-serif;margin:0 auto;max-width:60rem;padding:1rem;color:#1a1a1a}
h1{color:#0a4f8c}section{border-top:1px solid #ccc;padding:.5rem 0}h2{margin:.5rem 0}h3{font-size:1rem;margin:.5rem 0}time{color:#555;font-size:.9em}</style>
</head>
<body>
<header><h1>${esc(heading)}</h1><p>${esc(text('ws-index-count', { count: sites.length }, lang))}</p></header>
<main>
${items}
</main>
</body>
</html>
`;
}
