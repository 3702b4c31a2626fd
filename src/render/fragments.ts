// `fragment(name, a)` for templates: a partial rendered once per build for each object it is given
// (an article's list item, shown on every listing, archive, tag page and neighbour list).
import nunjucks from 'nunjucks';

/** Bumped by whoever changes a shown object in place (the dev server's quick article edit). */
const versions = new WeakMap<object, number>();

/** Says that `a` was changed in place: fragments made from it are rendered again. */
export function fragmentsChanged(a: object): void {
  versions.set(a, (versions.get(a) ?? 0) + 1);
}

/**
 * Fragments are kept for this many objects at most, the first ones shown: at 100,000 articles the
 * kept HTML raised a build's peak memory from 1,600 to 1,946 MiB, past the 1.5 GiB a build may use.
 */
export const FRAGMENTS_MAX_OBJECTS = 20_000;

/**
 * The fragment sees `a` and the environment's globals and filters, nothing of the page: that is
 * what makes its output the same wherever it is shown. Kept by object: listings share the site
 * model's article objects, and a render thread gets its pages in one message, which keeps them
 * shared (a key made from the article's fields cost more than the rendering it saved: 77 MB of
 * JSON for the 4,000-article corpus). BANTIN_NO_FRAGMENTS=1 renders every fragment afresh (the
 * tests compare both).
 */
export function addFragments(env: nunjucks.Environment, maxObjects = FRAGMENTS_MAX_OBJECTS): void {
  const kept = new WeakMap<object, Map<string, { version: number; html: nunjucks.runtime.SafeString }>>();
  let objects = 0;
  const reuse = process.env.BANTIN_NO_FRAGMENTS !== '1';
  env.addGlobal('fragment', (name: string, a: unknown) => {
    // allow-literal-message: a theme developer's mistake, shown as a template error at its file and line
    if (typeof name !== 'string') throw new Error('fragment() needs the name of a template, such as "partials/article-item.njk"');
    const render = () => new nunjucks.runtime.SafeString(env.render(name, { a }));
    if (!reuse || a === null || typeof a !== 'object') return render();
    const version = versions.get(a) ?? 0;
    let byName = kept.get(a);
    if (!byName) {
      if (objects >= maxObjects) return render();
      kept.set(a, (byName = new Map()));
      objects++;
    }
    const hit = byName.get(name);
    if (hit && hit.version === version) return hit.html;
    const html = render();
    byName.set(name, { version, html });
    return html;
  });
}
