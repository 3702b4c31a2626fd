// The kinds of output group a site plan is made of, beside its pages' rendering: one page, one
// copied file, the sitemap's pages, the date picker's days, the search index's documents.
import { readFileSync, statSync } from 'node:fs';
import { textStart, type BodyRef } from '../markdown/body-store.js';
import { formatShortDate } from '../base/format.js';
import type { Page } from '../model/pages.js';
import { ARCHIVE_DAYS_PATH, isListedPage, outputFile } from '../base/urls.js';
import type { RenderJob } from '../render/pool.js';
import type { SearchDoc } from '../outputs/search/docs.js';
import type { Article, OutputFile, Site } from '../base/types.js';
import { hash } from '../base/hash.js';
import { readRegularFile } from '../base/read-file.js';
import type { GenerateCache } from './cache.js';

/**
 * A unit of output: one page, one copied file, or a family of generated files (feeds, sitemap).
 * `fingerprint` changes whenever what `produce` would return may change, so a caller holding the
 * previous build's fingerprints re-produces only what changed.
 */
export interface OutputGroup {
  id: string;
  /** For pages: what a render thread needs to produce it instead. */
  job?: RenderJob;
  /** Where it comes from, for messages. */
  source: string;
  fingerprint: string;
  /**
   * For pages: whether an article the page shows is not as the last build had it. Only a plan whose
   * `structure` is the last build's may take the last fingerprint of a page that shows none.
   */
  showsChanged?(): boolean;
  /** May be lazy (the search index): callers write each file as it comes. */
  produce(): Iterable<OutputFile>;
  /**
   * The same files with an `undefined` between steps of a long piece of work (the search index), so
   * the dev server can let a save through between them.
   */
  produceSteps?(): Iterable<OutputFile | undefined>;
  /**
   * Lets go of what `produce` needs (a page's context), once a build has produced the group and
   * worked out its fingerprint: at 100,000 articles the page contexts are hundreds of megabytes.
   */
  release?(): void;
}

export interface PageRendering {
  fingerprint(page: Page): string;
  showsChanged(page: Page): boolean;
  render(page: Page): string;
  body(page: Page): BodyRef | undefined;
}

/**
 * The output group of one page. A class rather than an object literal with getters: a site has
 * hundreds of thousands of pages, and a literal's getters are new functions for every one of them.
 */
export class PageGroup implements OutputGroup {
  readonly id: string;
  readonly source: string;
  constructor(private readonly page: Page, private readonly how: PageRendering) {
    this.id = `page:${page.path}`;
    this.source = page.source;
  }

  get fingerprint(): string {
    return this.how.fingerprint(this.page);
  }

  showsChanged(): boolean {
    return this.how.showsChanged(this.page);
  }

  produce(): OutputFile[] {
    return [{ path: outputFile(this.page.path), content: this.how.render(this.page) }];
  }

  get job(): RenderJob {
    return { file: outputFile(this.page.path), template: this.page.template, context: this.page.context, body: this.how.body(this.page) };
  }

  release(): void {
    this.page.context = {};
  }
}

/**
 * A copied file's fingerprint is its content hash: a checkout gives every file a new mtime, and a
 * copy whose bytes did not change must still be reused. The hash is kept by stamp (size, mtime,
 * ctime), so a file is read only when its stamp changed; worked out only when a caller asks.
 */
export function copyGroup(source: string, path: string, abs: string, cache: GenerateCache): OutputGroup {
  return {
    id: `file:${path}`, source,
    get fingerprint() {
      const st = statSync(abs);
      const stamp = `${st.size}:${st.mtimeMs}:${st.ctimeMs}`;
      let known = cache.copies.get(abs);
      if (known?.stamp !== stamp) {
        known = { stamp, hash: hash(readRegularFile(abs, Infinity)) };
        cache.copies.set(abs, known);
        cache.dirty = true;
      }
      return `${st.size}:${known.hash}`;
    },
    produce: () => [{ path, content: readFileSync(abs) }],
  };
}

/** Pages in the sitemap: every HTML page a reader can land on, but not the 404 page or search. */
export function sitemapEntries(pages: Page[]) {
  return pages.filter((p) => isListedPage(p.path)).map((p) => ({ path: p.path, lastmod: p.lastmod }));
}

/** Days that have an archive page, newest first, for the "Xem theo ngày" picker. */
export function archiveDays(site: Site): OutputFile {
  return { path: ARCHIVE_DAYS_PATH, content: JSON.stringify(site.archive.days.map((d) => d.key.replace(/\//g, '-'))) };
}

export function searchDocs(site: Site, keyOf?: (a: Article) => string): SearchDoc[] {
  return site.articles.map((a) => new ArticleSearchDoc(a, site.config.basePath, keyOf?.(a)));
}

/** An article as the search index reads it. A class so that `text` is one getter for all. */
class ArticleSearchDoc implements SearchDoc {
  readonly url: string;
  readonly title: string;
  readonly summary: string;
  readonly category: string;
  readonly categorySlug: string;
  readonly author: string;
  readonly date: string;
  readonly dateLabel: string;
  readonly year: number;
  constructor(private readonly article: Article, basePath: string, readonly key?: string) {
    this.url = basePath + article.path;
    this.title = article.title;
    this.summary = article.summary;
    this.category = article.categoryName;
    this.categorySlug = article.categorySlug;
    this.author = article.author;
    this.date = article.date.iso;
    this.dateLabel = formatShortDate(article.date);
    this.year = article.date.year;
  }

  /** Read from the body store when the index takes it: all of them at once would be 400 MB at 100,000. */
  get text(): string {
    return this.article.text;
  }

  textStart(chars: number): string {
    return textStart(this.article, chars);
  }
}
