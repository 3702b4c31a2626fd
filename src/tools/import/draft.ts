// What one imported article is between reading its source and writing its Markdown file.
import type { SiteConfig } from '../../base/types.js';
import type { Messages } from './messages.js';
import type { WallClock } from './portal-dates.js';
import type { Source } from './sources.js';

export interface Draft {
  /** Where it came from (a path under the source folder, a URL, plus `#id` for one item of a feed): how a re-run knows it. */
  source: string;
  title: string;
  date: WallClock;
  author: string;
  views: number | null;
  category: string;
  tags: string[];
  summary: string;
  /** The article's picture as the source names it (resolved like a body image). */
  image: string;
  /** Body as HTML (pages, feeds) or as Markdown already (text dumps). */
  html?: string;
  markdown?: string;
  /** The article's address on the old portal, absolute, or null when the source does not tell. */
  oldUrl: string | null;
  /** What relative links in the body are relative to: the old page's URL and, for saved pages, the file and the mirror's root folder. */
  base: { url?: string; file?: string; root?: string };
  /** Front-matter fields the source did not have (for the report). */
  missing: string[];
}

/** A source that gave no article, and why; or an article that could not be read (an error). */
export interface Skipped {
  source: string;
  reason: string;
  hint?: string;
  error?: boolean;
}

/** What a reader of one kind of source is given beside the source's text. */
export interface ReadContext {
  source: Source;
  config: SiteConfig;
  t: Messages;
  /** The command's --selector, --old-base and --category. */
  options: { selector?: string; oldBase?: string; category?: string };
  /** Items of a many-article source that were skipped or could not be read, beside its drafts. */
  problems: Skipped[];
}

export type Reader = (text: string, context: ReadContext) => Draft[] | Skipped | Promise<Draft[] | Skipped>;
