// The script the dev server adds to pages (reload on change) and the overlay that shows a build's errors.
import type { Problem } from '../base/types.js';
import { formatProblem } from '../base/problems.js';

export const LIVE_RELOAD_PATH = '/__bantin/events';

/** Added to HTML responses by the dev server only; never part of a built page. */
export function liveReloadScript(): string {
  return `<script>(function(){var s=new EventSource(${JSON.stringify(LIVE_RELOAD_PATH)});
function clear(){var o=document.getElementById('bantin-overlay');if(o)o.remove();}
s.addEventListener('reload',function(){location.reload();});
s.addEventListener('css',function(){clear();fetch(location.href).then(function(r){return r.text();}).then(function(t){
var fresh=new DOMParser().parseFromString(t,'text/html').querySelectorAll('link[rel=stylesheet]'),old=document.querySelectorAll('link[rel=stylesheet]');
old.forEach(function(l,i){if(fresh[i])l.href=fresh[i].href;});});});
s.addEventListener('ok',clear);
s.addEventListener('problems',function(e){location.reload();});
window.__bantinLiveReload=s;})();</script>`;
}

/** A full-page panel naming each error's file, line and fix; rebuilt pages without errors drop it. */
export function overlayHtml(errors: Problem[]): string {
  const items = errors.map((p) => `<li><pre>${escapeHtml(formatProblem(p))}</pre></li>`).join('');
  return `<div id="bantin-overlay" role="alertdialog" aria-label="Build error" style="position:fixed;inset:0;z-index:2147483647;background:rgba(20,0,0,.92);color:#fff;padding:24px;overflow:auto;font:14px/1.5 ui-monospace,monospace">` +
    `<h2 style="color:#ff8a80;margin:0 0 12px">bantin: the last change could not be built</h2>` +
    `<p>The page below is the last good version. Fix the file and save: this page reloads by itself.</p>` +
    `<ol style="padding-left:20px">${items}</ol></div>`;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
