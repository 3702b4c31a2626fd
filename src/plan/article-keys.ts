// The keys that stand for an article in page fingerprints, cached between builds.
import { toCard } from '../model/pages.js';
import { hash } from '../base/hash.js';
import type { MarkdownCache } from '../markdown/bodies.js';
import type { Article } from '../base/types.js';

/**
 * Two keys per article: `card` covers what listings and neighbour lists may show (everything
 * but the body and the view count), `full` adds the body HTML. A page's fingerprint uses them
 * instead of the article itself, so editing a body re-renders only the pages that show that body.
 * The view count, which `bantin views` changes every hour, is shown only on the article's own
 * page: that page's fingerprint adds it, and nothing else changes with it.
 */
export interface ArticleKeys {
  card: string;
  full: string;
  views: number;
}

export function articleKeys(a: Article, htmlHash: string): ArticleKeys {
  // The list position is left out: an article does not change when another is added before it.
  const { index, views, ...shown } = toCard(a);
  void index;
  const card = hash(JSON.stringify(shown));
  return { card, full: hash(card, htmlHash), views };
}

/** Article keys, recomputed only when the parse or what the model added to it changed. */
/** The keys of each article file, with what they were worked out from. */
export interface KeysCache extends Pick<MarkdownCache, 'markdown'> {
  keys: Map<string, { parsed: Article; input: string; htmlHash: string; keys: ArticleKeys }>;
}

export function cachedKeys(a: Article, absPath: string, parsed: Article, cache: KeysCache): ArticleKeys {
  const input = `${a.path}\0${a.categoryName}\0${a.summary}\0${a.image}\0${JSON.stringify(a.imageSize)}\0${a.views}`;
  const htmlHash = cache.markdown.get(absPath)!.result.htmlHash;
  const hit = cache.keys.get(absPath);
  if (hit && hit.parsed === parsed && hit.input === input && hit.htmlHash === htmlHash) return hit.keys;
  const keys = articleKeys(a, htmlHash);
  cache.keys.set(absPath, { parsed, input, htmlHash, keys });
  return keys;
}

