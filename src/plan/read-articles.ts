// The parse stage of a plan: every Markdown file read once, or taken from the cache when its stamp
// or, after a checkout, its content hash is the one the cache has.
import { statSync, type Stats } from 'node:fs';
import { readRegularFile, UnreadableFile } from '../base/read-file.js';
import { hash } from '../base/hash.js';
import { ProblemList } from '../base/problems.js';
import type { Article, SiteConfig } from '../base/types.js';
import { readArticle } from '../load/article.js';
import type { SourceFile } from '../load/files.js';
import { WITH_BODY } from '../markdown/body-store.js';
import type { GenerateCache } from './cache.js';

// How an article file is known in `GenerateCache.files`: the settings that change what its front
// matter means are part of both keys.
// The ctime too: an edit that keeps the size and sets the mtime back still changes it.
export const fileStamp = (st: Stats, config: SiteConfig) => `${st.size}:${st.mtimeMs}:${st.ctimeMs}:${config.timezone}:${config.defaultCategory}`;
export const fileHash = (bytes: Uint8Array, config: SiteConfig) => hash(bytes, `${config.timezone}:${config.defaultCategory}`);

export interface ReadArticles {
  /** Copies of the parsed articles, for the model to fill in. */
  read: Article[];
  /** Each copy's cached parse, which the Markdown and keys caches are keyed by. */
  origin: Map<Article, Article>;
}

/** Files read between two steps of readArticleSteps: a stat each, at most, ~5 ms on a 4,000-article site. */
const FILES_PER_STEP = 400;

/**
 * Reads the articles a few hundred files a step, so the dev server can let a save through
 * meanwhile; a step abandoned midway leaves each cache entry matching its file (the next plan
 * drops those of files that are gone). `stats`: files this build has already stat'ed, by absolute path.
 */
export function* readArticleSteps(files: SourceFile[], config: SiteConfig, cache: GenerateCache, problems: ProblemList, stats?: Map<string, Stats>): Generator<void, ReadArticles> {
  const read: Article[] = [];
  const origin = new Map<Article, Article>();
  const seen = new Set<string>();
  for (const [i, file] of files.entries()) {
    if (i > 0 && i % FILES_PER_STEP === 0) yield;
    const stamp = fileStamp(stats?.get(file.absPath) ?? statSync(file.absPath), config);
    let entry = cache.files.get(file.absPath);
    if (!entry || entry.stamp !== stamp) {
      // A checkout changes every mtime: the content hash tells whether the file really changed.
      let bytes: ReturnType<typeof readRegularFile>;
      try {
        bytes = readRegularFile(file.absPath);
      } catch (err) {
        if (!(err instanceof UnreadableFile)) throw err;
        problems.error(file.path, err.message, { hint: err.hint });
        continue;
      }
      const contentHash = fileHash(bytes, config);
      cache.dirty = true;
      if (entry && entry.hash === contentHash) entry.stamp = stamp;
      else {
        const local = new ProblemList();
        entry = { stamp, hash: contentHash, article: readArticle(file, config, local, bytes), problems: local.items };
        cache.files.set(file.absPath, entry);
      }
    }
    seen.add(file.absPath);
    problems.items.push(...entry.problems);
    // The model fills in paths, HTML and summaries: work on a copy so the cached parse stays clean.
    if (entry.article) {
      const { html, text, ...fields } = entry.article;
      void html; void text;
      const copy = Object.assign(Object.create(WITH_BODY) as Article, fields);
      origin.set(copy, entry.article);
      read.push(copy);
    }
  }
  for (const map of [cache.files, cache.markdown, cache.keys]) for (const key of map.keys()) if (!seen.has(key)) map.delete(key);
  return { read, origin };
}
