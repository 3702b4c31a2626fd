// What the search index is made from: one document per published article.

export interface SearchDoc {
  /** Absolute path including the base path, e.g. `/huyen/tin-tuc/abc/`. */
  url: string;
  title: string;
  summary: string;
  /** Plain text of the body. */
  text: string;
  /** The start of `text`, when it can be had without reading the whole of it. */
  textStart?(chars: number): string;
  category: string;
  categorySlug: string;
  author: string;
  /** ISO 8601 with offset. */
  date: string;
  /** Human date, e.g. `28/01/2020`. */
  dateLabel: string;
  year: number;
  /**
   * Changes whenever any field above does (a hash of them will do): with it, a build that keeps
   * an IndexMemo takes an unchanged document's postings from the last build instead of reading it.
   */
  key?: string;
}
