// One reader per kind of source, each turning a decoded source into drafts (or saying why not).
import type { Draft, ReadContext, Reader, Skipped } from './draft.js';
import type { Kind } from './sources.js';
import { readFeed, readSharePointJson, readWxr } from './feeds.js';
import { readHtmlPage } from './html-page.js';
import { readTextDump } from './text-dump.js';

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
