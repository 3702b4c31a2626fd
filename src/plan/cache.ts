// What a site plan keeps between builds (the dev server in memory, `build` in .bantin/).
import type { KeysCache } from './article-keys.js';
import type { MarkdownCache } from '../markdown/bodies.js';
import { memoryBodyStore, type BodyStore } from '../markdown/body-store.js';
import type { Renderer } from '../render/render.js';
import type { IndexMemo } from '../outputs/search/build-index.js';
import type { Article, Problem } from '../base/types.js';

/**
 * What is kept between builds (by the dev server in memory, by `build` in .bantin/): parsed files
 * and rendered Markdown, by file path. Entries hold the parse they were made from: a new parse is
 * a new object, so an edited file misses (the reference survives serialisation, too).
 */
export interface GenerateCache extends MarkdownCache, KeysCache {
  files: Map<string, { stamp: string; hash: string; article: Article | null; problems: Problem[] }>;
  /** Copied files' content hashes, by absolute path, with the stamp they were read at. */
  copies: Map<string, { stamp: string; hash: string }>;
  /** Set when a file was read again, so a saved cache is worth saving again. */
  dirty?: boolean;
  /** The search index's postings by document, for the next index to take the unchanged ones from. */
  search?: IndexMemo;
  /** The theme's templates as compiled code (see render/template-code.ts). */
  templateCode?: Map<string, string>;
  /** The compiled theme, by what it was compiled from (kept in memory only). */
  renderer?: { key: string; renderer: Renderer };
}

export function newCache(bodies: BodyStore = memoryBodyStore()): GenerateCache {
  return { files: new Map(), markdown: new Map(), keys: new Map(), copies: new Map(), bodies };
}

