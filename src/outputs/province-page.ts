// The province page: one HTML page at the root of a workspace's output listing its sites and each
// site's newest articles, from what the sites' own builds wrote (their feed.json).
import { text, type Lang } from '../base/messages/index.js';

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
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : '';
}

/** Only links the reader can follow safely: a path in the output folder, or an http(s) address. */
function safeHref(url: string): string | null {
  return /^https?:\/\//i.test(url) || /^[a-z0-9][a-z0-9_-]*\//.test(url) ? url : null;
}

export function provincePage(title: string, sites: ProvinceSite[], lang: Lang): string {
  const heading = title || text('ws-index-title', {}, lang);
  const items = sites.map((s) => {
    const list = s.articles.length
      ? `<ul>${s.articles.map((a) => {
        const href = safeHref(a.url);
        const name = href ? `<a href="${esc(href)}">${esc(a.title)}</a>` : esc(a.title);
        return `<li>${name} <time datetime="${esc(a.date)}">${esc(day(a.date))}</time></li>`;
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
