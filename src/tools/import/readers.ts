// One reader per kind of source, each turning a decoded source into drafts (or saying why not).
import type { SiteConfig } from '../../types.js';
import type { Draft, Skipped } from './draft.js';
import type { Messages } from './messages.js';
import type { ImportOptions } from './run.js';
import type { Kind, Source } from './sources.js';
import { readFeed, readSharePointJson, readWxr } from './feeds.js';
import { readHtmlPage } from './html-page.js';
import { readTextDump } from './text-dump.js';

export interface ReadContext {
  source: Source;
  config: SiteConfig;
  t: Messages;
  options: Pick<ImportOptions, 'selector' | 'oldBase' | 'category'>;
  /** Items of a many-article source that were skipped or could not be read, beside its drafts. */
  problems: Skipped[];
}

export type Reader = (text: string, context: ReadContext) => Draft[] | Skipped | Promise<Draft[] | Skipped>;

function fromText(text: string, { source, config, t }: ReadContext): Draft[] | Skipped {
  const read = readTextDump(text, config.timezone);
  if (!read.ok) {
    const [reason, hint] = read.kind === 'bad-date' ? [t.badDate(read.text), t.badDateHint]
      : read.kind === 'no-date' ? [t.noDate(read.text), t.noDateHint] : [t.noTitle(read.text), t.noTitleHint];
    return { source: source.id, reason, hint, error: true };
  }
  return [{
    source: source.id, title: read.title, date: read.date, author: read.author, views: read.views, category: read.category,
    tags: [], summary: '', image: '', markdown: read.markdown, oldUrl: null, base: { file: source.file, root: source.root, url: source.url }, missing: read.missing,
  }];
}

export const readers: Record<Kind, Reader> = { text: fromText, html: readHtmlPage, rss: readFeed, wxr: readWxr, sharepoint: readSharePointJson };
