// `fragment(name, a)` for templates: a partial rendered once per build for each distinct value it
// is given (an article's list item, shown on every listing, archive, tag page and neighbour list).
import nunjucks from 'nunjucks';

/** Above this many kept fragments the memo starts afresh: the dev server keeps one renderer for hours. */
const MAX_KEPT = 50_000;

/**
 * The fragment sees `a` and the environment's globals and filters, nothing of the page: that is
 * what makes its output the same wherever it is shown. It is keyed by the template and `a`'s
 * JSON (own fields, so a card; not a body read through a getter), never by object identity: pages
 * sent to render threads are copies, and the dev server edits articles in place.
 * BANTIN_NO_FRAGMENTS=1 renders every fragment afresh (the tests compare both).
 */
export function addFragments(env: nunjucks.Environment): void {
  const kept = new Map<string, nunjucks.runtime.SafeString>();
  const reuse = process.env.BANTIN_NO_FRAGMENTS !== '1';
  env.addGlobal('fragment', (name: string, a: unknown) => {
    if (typeof name !== 'string') throw new Error('fragment() needs the name of a template, such as "partials/article-item.njk"');
    const render = () => new nunjucks.runtime.SafeString(env.render(name, { a }));
    if (!reuse) return render();
    const key = `${name}\0${JSON.stringify(a)}`;
    let html = kept.get(key);
    if (html === undefined) {
      if (kept.size >= MAX_KEPT) kept.clear();
      html = render();
      kept.set(key, html);
    }
    return html;
  });
}
