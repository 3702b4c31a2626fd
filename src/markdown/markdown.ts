// Markdown to HTML with markdown-it: links resolved relative to the article, safe URLs, image sizes,
// headings, tables; plus the plain text and first paragraph for summaries and search.
import { posix } from 'node:path';
import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import type { SiteConfig } from '../base/types.js';

/** What relative links in Markdown can point to, by path relative to `content/`. */
export interface LinkTargets {
  /** `tin-tuc/2024/bai-viet.md` → `tin-tuc/bai-viet/` (the article's path). */
  articles: Map<string, string>;
  /** Static files under content/. */
  assets: Set<string>;
  /** Pixel size of an image under content/ (by its content path), or null when it cannot be read. */
  imageSize?: (contentPath: string) => { width: number; height: number } | null;
}

export interface RenderedMarkdown {
  html: string;
  text: string;
  firstParagraph: string;
  /** Relative links whose target does not exist, as written. */
  brokenLinks: string[];
  /** Every relative link and image: `[as written, as output]`, to check a cached rendering. */
  links: [string, string][];
  /** Every image under content/ with the size written into the HTML (`640x480`, or '' for none). */
  imageSizes: [string, string][];
  /** Images written without a description (`![](anh.png)`), as written. */
  missingAlt: string[];
}

interface Env {
  dir: string;
  broken: string[];
  links: [string, string][];
  imageSizes: [string, string][];
  missingAlt: string[];
}

const DEEP = 60;
const MAYBE_LINK = /[:@]|\/\/|\.\S|localhost|www\./i;
const SCHEME_RE = /^[a-z][a-z0-9+.-]*:|^\/\//i;

export function createMarkdown(config: SiteConfig, targets: LinkTargets) {
  const md = new MarkdownIt({
    html: config.markdown.html,
    linkify: config.markdown.linkify,
    typographer: config.markdown.typographer,
  });
  // linkify-it's pretest is one large Unicode regex, run on every paragraph and slow on Vietnamese
  // text. Whatever it can match holds one of these (a schema's `:` or `//`, `@`, `localhost`,
  // `www.`, or a dot before a TLD or a digit), so text without them skips it.
  const pretest = md.linkify.pretest.bind(md.linkify);
  md.linkify.pretest = (text: string) => MAYBE_LINK.test(text) && pretest(text);
  // markdown-it silently drops everything nested deeper than `maxNesting` (100) levels, and the
  // rest of the article with it. Past DEEP levels, lines become plain paragraphs instead, so
  // 10,000 nested `>` or `-` still show all their text (and the parser's recursion stays bounded).
  md.block.ruler.before('table', 'bantin_deep', (state, startLine, endLine) => {
    if (state.level < DEEP) return false;
    let next = startLine + 1;
    while (next < endLine && !state.isEmpty(next) && state.sCount[next] >= state.blkIndent) next++;
    state.push('paragraph_open', 'p', 1).map = [startLine, next];
    const inline = state.push('inline', '', 0);
    inline.content = state.getLines(startLine, next, state.blkIndent, false).trim();
    inline.map = [startLine, next];
    inline.children = [];
    state.push('paragraph_close', 'p', -1);
    state.line = next;
    return true;
  });
  md.core.ruler.push('bantin_links', (state) => {
    const env = state.env as Env;
    for (const block of state.tokens) {
      for (const token of block.children ?? []) {
        const attr = token.type === 'link_open' ? 'href' : token.type === 'image' ? 'src' : null;
        if (!attr) continue;
        const value = token.attrGet(attr);
        if (value) {
          const resolved = resolveLink(value, env.dir, config.basePath, targets, env.broken);
          if (dependsOnTargets(value)) env.links.push([value, resolved]);
          token.attrSet(attr, resolved);
        }
        if (token.type !== 'image') continue;
        token.attrSet('loading', 'lazy');
        if (!token.content.trim()) env.missingAlt.push(value ?? '');
        // Width and height let the browser reserve the image's box before it loads, so the text
        // does not jump while a reader is already reading it.
        const file = value ? imageFile(value, env.dir, targets) : null;
        if (file === null) continue;
        const size = targets.imageSize?.(file) ?? null;
        env.imageSizes.push([file, sizeLabel(size)]);
        if (size) {
          token.attrSet('width', String(size.width));
          token.attrSet('height', String(size.height));
        }
      }
    }
  });
  // The page's <h1> is the article title, so the body's headings start at <h2>, whatever level
  // the editor began with (`###` right under the title would otherwise skip levels).
  md.core.ruler.push('bantin_headings', (state) => {
    const headings = state.tokens.filter((t) => t.type === 'heading_open' || t.type === 'heading_close');
    const top = Math.min(...headings.map((t) => Number(t.tag.slice(1))));
    if (!Number.isFinite(top) || top === 2) return;
    for (const t of headings) t.tag = `h${Math.min(6, Number(t.tag.slice(1)) - top + 2)}`;
  });
  // Wide tables scroll inside their own box instead of widening the page on a phone.
  md.renderer.rules.table_open = () => '<div class="table-wrap"><table>\n';
  md.renderer.rules.table_close = () => '</table></div>\n';

  return function render(body: string, contentPath: string): RenderedMarkdown {
    const env: Env = { dir: posix.dirname(contentPath), broken: [], links: [], imageSizes: [], missingAlt: [] };
    const tokens = md.parse(body, env);
    return {
      html: md.renderer.render(tokens, md.options, env),
      text: plainText(tokens),
      firstParagraph: firstParagraph(tokens),
      brokenLinks: env.broken,
      links: env.links,
      imageSizes: env.imageSizes,
      missingAlt: env.missingAlt,
    };
  };
}

/**
 * Whether the image sizes written into a cached rendering still hold: an image replaced by one of
 * another size must re-render the articles showing it. A rendering from before sizes were recorded
 * never holds.
 */
export function imageSizesHold(result: Pick<RenderedMarkdown, 'imageSizes'>, targets: LinkTargets): boolean {
  return result.imageSizes?.every(([file, size]) => sizeLabel(targets.imageSize?.(file) ?? null) === size) ?? false;
}

function sizeLabel(size: { width: number; height: number } | null): string {
  return size ? `${size.width}x${size.height}` : '';
}

/**
 * Rewrites a link written relative to the Markdown file (`../2024/bai.md`, `../../files/a.pdf`)
 * to the URL it has on the built site; `/`-rooted links get the base path.
 */
export function resolveLink(href: string, dir: string, basePath: string, targets: LinkTargets, broken: string[]): string {
  if (SCHEME_RE.test(href) || href.startsWith('#')) return href;
  const cut = href.search(/[?#]/);
  const pathPart = cut < 0 ? href : href.slice(0, cut);
  const suffix = cut < 0 ? '' : href.slice(cut);
  if (!pathPart) return href;
  if (pathPart.startsWith('/')) return basePath + href.slice(1);
  const target = contentPath(pathPart, dir);
  if (target === null) {
    broken.push(href);
    return href;
  }
  const article = targets.articles.get(target);
  if (article !== undefined) return basePath + article + suffix;
  const file = target.replace(/\/$/, '');
  if (targets.assets.has(file)) return basePath + encodeURI(file) + suffix;
  broken.push(href);
  return href;
}

/** Whether what `resolveLink` makes of a link depends on which articles and files exist. */
function dependsOnTargets(href: string): boolean {
  return !SCHEME_RE.test(href) && !href.startsWith('#') && !href.startsWith('/');
}

/** A link's path (relative to `dir`, maybe %-encoded) as a path under content/; null when it leaves content/. */
function contentPath(pathPart: string, dir: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURI(pathPart);
  } catch {
    decoded = pathPart;
  }
  const target = posix.normalize(posix.join(dir, decoded));
  return target.startsWith('../') || target === '..' ? null : target;
}

/** The file under content/ an image `src` names (relative or `/`-rooted), or null for any other. */
function imageFile(src: string, dir: string, targets: LinkTargets): string | null {
  if (SCHEME_RE.test(src) || src.startsWith('#')) return null;
  const cut = src.search(/[?#]/);
  const pathPart = cut < 0 ? src : src.slice(0, cut);
  if (!pathPart) return null;
  const target = pathPart.startsWith('/') ? contentPath(pathPart.slice(1), '') : contentPath(pathPart, dir);
  const file = target?.replace(/\/$/, '');
  return file !== undefined && targets.assets.has(file) ? file : null;
}

function plainText(tokens: Token[]): string {
  const parts: string[] = [];
  for (const t of tokens) {
    if (t.type === 'inline') parts.push(inlineText(t));
    else if (t.type === 'fence' || t.type === 'code_block') parts.push(t.content);
  }
  return parts.join('\n').trim();
}

function inlineText(t: Token): string {
  let s = '';
  for (const c of t.children ?? []) {
    if (c.type === 'text' || c.type === 'code_inline') s += c.content;
    else if (c.type === 'softbreak' || c.type === 'hardbreak') s += ' ';
    else if (c.type === 'image') s += c.content;
  }
  return s;
}

function firstParagraph(tokens: Token[]): string {
  for (let i = 0; i < tokens.length - 1; i++) {
    if (tokens[i].type === 'paragraph_open' && tokens[i].level === 0) {
      const text = inlineText(tokens[i + 1]).trim();
      if (text) return text;
    }
  }
  return '';
}

/** Cuts a summary to about `max` characters at a word boundary. */
export function shorten(text: string, max = 300): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.lastIndexOf(' ', max);
  return `${clean.slice(0, cut > max / 2 ? cut : max)}…`;
}
