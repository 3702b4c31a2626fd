// Many articles in one file: RSS 2.0 and Atom feeds (SharePoint lists publish RSS), WordPress WXR
// exports, and SharePoint REST JSON (`/_api/web/lists/GetByTitle('…')/items`, odata=verbose or not).
import { XMLParser } from 'fast-xml-parser';
import type { Draft, Skipped } from './draft.js';
import { findPortalDate, instantToWall } from './portal-dates.js';
import type { ReadContext } from './draft.js';

const xml = new XMLParser({
  ignoreAttributes: false, attributeNamePrefix: '@', textNodeName: '#text', cdataPropName: false, parseTagValue: false, trimValues: true,
  processEntities: true, htmlEntities: true, isArray: (name) => ['item', 'entry', 'category', 'link', 'wp:postmeta'].includes(name),
});

type Node = Record<string, unknown>;
const str = (v: unknown): string => (v === undefined || v === null ? '' : typeof v === 'object' ? str((v as Node)['#text']) : String(v)).trim();
const list = (v: unknown): Node[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]) as Node[];

function draft(ctx: ReadContext, id: string, fields: Partial<Draft> & { title: string; date: string }): Draft {
  return {
    source: `${ctx.source.id}#${id}`, author: '', views: null, category: '', tags: [], summary: '', image: '', oldUrl: null, missing: [],
    base: { url: fields.oldUrl ?? ctx.source.url, file: ctx.source.file, root: ctx.source.root }, ...fields,
  };
}

/** An item whose date cannot be read is an error naming the item and the text; the others still come in. */
function dated(ctx: ReadContext, id: string, text: string, wall: boolean): string | Skipped {
  const r = wall ? findPortalDate(text, ctx.config.timezone) : instantToWall(text, ctx.config.timezone);
  if (r?.ok) return r.wall;
  return { source: `${ctx.source.id}#${id}`, reason: r ? ctx.t.badDate(r.text) : ctx.t.noDate(text), hint: ctx.t.badDateHint, error: true };
}

function finish(drafts: (Draft | Skipped)[], ctx: ReadContext): Draft[] | Skipped {
  const good = drafts.filter((d): d is Draft => 'title' in d);
  ctx.problems.push(...drafts.filter((d): d is Skipped => !('title' in d)));
  for (const d of good) d.missing = [...(d.author ? [] : ['author']), ...(d.views === null ? ['views'] : [])];
  return good;
}

export function readFeed(text: string, ctx: ReadContext): Draft[] | Skipped {
  const doc = xml.parse(text) as Node;
  const channel = (doc.rss as Node)?.channel as Node | undefined;
  const out: (Draft | Skipped)[] = [];
  for (const item of list(channel?.item)) {
    const link = str(list(item.link)[0]);
    const id = str(item.guid) || link || str(item.title);
    const date = dated(ctx, id, str(item.pubDate) || str(item['dc:date']), false);
    if (typeof date !== 'string') { out.push(date); continue; }
    out.push(draft(ctx, id, {
      title: str(item.title), date, author: str(item['dc:creator']) || str(item.author).replace(/^\S+@\S+\s*\((.*)\)$/, '$1'),
      category: str(list(item.category)[0]), tags: list(item.category).slice(1).map(str), html: str(item['content:encoded']) || str(item.description),
      oldUrl: /^https?:/.test(link) ? link : null, views: viewsOf(item),
    }));
  }
  for (const entry of list((doc.feed as Node)?.entry)) {
    const link = list(entry.link).find((l) => !l['@rel'] || l['@rel'] === 'alternate')?.['@href'] as string | undefined;
    const id = str(entry.id) || link || str(entry.title);
    const date = dated(ctx, id, str(entry.published) || str(entry.updated), false);
    if (typeof date !== 'string') { out.push(date); continue; }
    out.push(draft(ctx, id, {
      title: str(entry.title), date, author: str((entry.author as Node)?.name), category: str(list(entry.category)[0]?.['@term']),
      html: str(entry.content) || str(entry.summary), oldUrl: link ?? null, views: null,
    }));
  }
  return finish(out, ctx);
}

export function readWxr(text: string, ctx: ReadContext): Draft[] | Skipped {
  const channel = ((xml.parse(text) as Node).rss as Node)?.channel as Node | undefined;
  const out: (Draft | Skipped)[] = [];
  for (const item of list(channel?.item)) {
    const id = str(item['wp:post_id']) || str(item.guid);
    if (str(item['wp:post_type']) !== 'post' || str(item['wp:status']) !== 'publish') {
      ctx.problems.push({ source: `${ctx.source.id}#${id}`, reason: `${str(item['wp:post_type'])} ${str(item['wp:status'])}` });
      continue;
    }
    // post_date is the blog's wall-clock time, which for a Vietnamese portal is the site's.
    const date = dated(ctx, id, str(item['wp:post_date']), true);
    if (typeof date !== 'string') { out.push(date); continue; }
    const cats = list(item.category);
    const meta = Object.fromEntries(list(item['wp:postmeta']).map((m) => [str(m['wp:meta_key']), str(m['wp:meta_value'])]));
    const views = Number(meta.views ?? meta.post_views_count ?? meta.luot_xem ?? NaN);
    out.push(draft(ctx, id, {
      title: str(item.title), date, author: str(item['dc:creator']), views: Number.isSafeInteger(views) ? views : null,
      category: str(cats.find((c) => c['@domain'] === 'category')), tags: cats.filter((c) => c['@domain'] === 'post_tag').map(str),
      summary: str(item['excerpt:encoded']), html: autop(str(item['content:encoded'])), oldUrl: str(item.link) || null,
    }));
  }
  return finish(out, ctx);
}

/** WordPress stores posts with blank lines for paragraphs and adds the <p>s when it shows them. */
function autop(html: string): string {
  if (/<p[\s>]/i.test(html)) return html;
  return html.split(/\n\s*\n/).map((p) => (/^\s*<(table|ul|ol|h\d|div|figure|blockquote)/i.test(p) ? p : `<p>${p.trim().replace(/\n/g, '<br>')}</p>`)).join('\n');
}

export function readSharePointJson(text: string, ctx: ReadContext): Draft[] | Skipped {
  let data: Node;
  try {
    data = JSON.parse(text) as Node;
  } catch (err) {
    return { source: ctx.source.id, reason: ctx.t.unreadable((err as Error).message), error: true };
  }
  const d = data.d as Node | Node[] | undefined;
  const items = Array.isArray(d) ? d : list(d?.results ?? data.value ?? (Array.isArray(data) ? data : []));
  const out: (Draft | Skipped)[] = [];
  for (const item of items) {
    const id = str(item.ID ?? item.Id ?? item.GUID);
    const date = dated(ctx, id, str(item.PublishedDate ?? item.ArticleStartDate ?? item.Created), false);
    if (typeof date !== 'string') { out.push(date); continue; }
    const author = item.Author as Node | undefined;
    const category = item.Category ?? item.Categories ?? item.PostCategory;
    const firstCategory = typeof category === 'object' && category ? str(list((category as Node).results ?? category)[0]?.Title ?? list((category as Node).results ?? category)[0]) : str(category);
    const ref = str(item.FileRef) || (id && ctx.options.oldBase ? `Lists/Posts/Post.aspx?ID=${id}` : '');
    const base = ctx.options.oldBase ?? ctx.source.url;
    out.push(draft(ctx, id, {
      title: str(item.Title), date, author: typeof author === 'object' && author ? str(author.Title) : str(item.AuthorName ?? item.Author),
      html: str(item.Body ?? item.PublishingPageContent ?? item.Content), category: firstCategory, views: viewsOf(item),
      oldUrl: ref && base ? new URL(ref.replace(/^\//, ''), base.endsWith('/') ? base : `${base}/`).href : null,
    }));
  }
  return finish(out, ctx);
}

/** A view count a list column or feed field holds, under the names portals gave it. */
function viewsOf(item: Node): number | null {
  for (const [key, value] of Object.entries(item)) {
    if (!/^(views?|viewcount|view_count|luotxem|soluotxem|so_luot_xem|hitcount|hits)$/i.test(key.replace(/^\w+:/, ''))) continue;
    const n = Number(str(value).replace(/[.,\s]/g, ''));
    if (Number.isSafeInteger(n) && n >= 0) return n;
  }
  return null;
}
