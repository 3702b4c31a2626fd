// The script the dev server adds to pages (reload on change) and the overlay that shows a build's errors.
import type { Problem } from '../base/types.js';
import { formatProblem, localized } from '../base/problems.js';
import { text, type Lang } from '../base/messages/index.js';

export const LIVE_RELOAD_PATH = '/__bantin/events';

/** Added to HTML responses by the dev server only; never part of a built page. */
export function liveReloadScript(eventsPath = LIVE_RELOAD_PATH): string {
  return `<script>(function(){var s=new EventSource(${JSON.stringify(eventsPath)});
function clear(){var o=document.getElementById('bantin-overlay');if(o)o.remove();}
s.addEventListener('reload',function(){location.reload();});
s.addEventListener('css',function(){clear();fetch(location.href).then(function(r){return r.text();}).then(function(t){
var fresh=new DOMParser().parseFromString(t,'text/html').querySelectorAll('link[rel=stylesheet]'),old=document.querySelectorAll('link[rel=stylesheet]');
old.forEach(function(l,i){if(fresh[i])l.href=fresh[i].href;});});});
s.addEventListener('ok',clear);
s.addEventListener('problems',function(e){location.reload();});
window.__bantinLiveReload=s;})();</script>`;
}

/**
 * A full-page panel naming each error's file, line and fix, in the reader's language; rebuilt pages
 * without errors drop it. Opaque, so the page behind does not show through, and wrapping, so a
 * long line stays inside a 360 px phone screen (the quoted source line scrolls on its own).
 */
export function overlayHtml(errors: Problem[], lang: Lang = 'en'): string {
  const items = errors.map((p) => {
    const [head, ...rest] = formatProblem({ ...p, ...localized(p, lang), code: undefined, hint: undefined }, lang).split('\n');
    const hint = localized(p, lang).hint;
    return `<li style="margin:0 0 16px"><p style="margin:0 0 6px;white-space:pre-wrap;overflow-wrap:anywhere">${escapeHtml(head)}</p>` +
      (rest.length ? `<pre style="margin:0 0 6px;padding:8px;background:#2b0b0b;border-radius:4px;overflow-x:auto;white-space:pre;tab-size:4;font:14px/1.5 ui-monospace,'DejaVu Sans Mono',monospace">${escapeHtml(rest.join('\n'))}</pre>` : '') +
      (hint ? `<p style="margin:0;color:#ffe082;white-space:pre-wrap;overflow-wrap:anywhere">${escapeHtml(`${lang === 'vi' ? 'cách sửa' : 'hint'}: ${hint}`)}</p>` : '') + '</li>';
  }).join('');
  return `<div id="bantin-overlay" role="alertdialog" aria-label="${escapeHtml(text('overlay-label', {}, lang))}" lang="${lang}" style="position:fixed;inset:0;z-index:2147483647;box-sizing:border-box;background:#1a0000;color:#fff;padding:16px;overflow:auto;font:16px/1.5 system-ui,'Segoe UI',Roboto,'Noto Sans',sans-serif;text-align:left">` +
    `<h2 style="color:#ff8a80;margin:0 0 12px;font-size:18px;white-space:normal">${escapeHtml(text('overlay-title', {}, lang))}</h2>` +
    `<p style="margin:0 0 12px;white-space:normal">${escapeHtml(text('overlay-body', {}, lang))}</p>` +
    `<ol style="padding-left:20px;margin:0">${items}</ol></div>`;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
