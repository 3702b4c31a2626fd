// Which page of the site a logged request target is: the site path an article is known by in
// data/views.json (`/tin-tuc/bai-viet/`), with or without the base path, `index.html` or the slash.

/**
 * The site path of a request target, or null when it is not a page (a file with an extension
 * other than .html: CSS, pictures, feeds, the search index). The query string and fragment are
 * dropped; `/x/index.html`, `/x/` and `/x` are the same page.
 * `basePath` (`/` or `/huyen/bantin/`) is taken off when the target starts with it; a target
 * outside it is a page of this site only when it is an article's path (a proxy in front of the
 * server that strips the base path), not some other site's page on the same server.
 */
export function pagePath(target: string, basePath: string, articles: ReadonlySet<string>): string | null {
  let path = target;
  // A proxy-style target: `GET http://host/path HTTP/1.1`.
  if (path.charCodeAt(0) !== 47 /* / */) {
    const m = /^https?:\/\/[^/?#]*/i.exec(path);
    if (!m) return null;
    path = path.slice(m[0].length) || '/';
  }
  const cut = path.search(/[?#]/);
  if (cut >= 0) path = path.slice(0, cut);
  if (path.includes('%')) {
    try {
      path = decodeURIComponent(path);
    } catch {
      return null;
    }
  }
  if (path.includes('/../') || path.endsWith('/..') || path.includes('//')) return null;
  let inside = basePath === '/';
  if (!inside && (path.startsWith(basePath) || path === basePath.slice(0, -1))) {
    path = path.slice(basePath.length - 1) || '/';
    inside = true;
  }
  if (path.endsWith('/index.html')) path = path.slice(0, -'index.html'.length);
  else if (!path.endsWith('/')) {
    const name = path.slice(path.lastIndexOf('/') + 1);
    if (name.includes('.') && !name.endsWith('.html')) return null;
    if (!name.endsWith('.html')) path += '/';
  }
  return inside || articles.has(path) ? path : null;
}
