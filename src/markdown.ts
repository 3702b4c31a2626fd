import { posix } from 'node:path';
import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import type { SiteConfig } from './types.js';

/** What relative links in Markdown can point to, by path relative to `content/`. */
export interface LinkTargets {
  /** `tin-tuc/2024/bai-viet.md` → `tin-tuc/bai-viet/` (the article's path). */
  articles: Map<string, string>;
  /** Static files under content/. */
  assets: Set<string>;
}

export interface RenderedMarkdown {
  html: string;
  text: string;
  firstParagraph: string;
  /** Relative links whose target does not exist, as written. */
  brokenLinks: string[];
  /** Every link and image rewritten: `[as written, as output]`, to check a cached rendering. */
  links: [string, string][];
}

interface Env {
  dir: string;
  broken: string[];
  links: [string, string][];
}

const SCHEME_RE = /^[a-z][a-z0-9+.-]*:|^\/\//i;

export function createMarkdown(config: SiteConfig, targets: LinkTargets) {
  const md = new MarkdownIt({
    html: config.markdown.html,
    linkify: config.markdown.linkify,
    typographer: config.markdown.typographer,
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
          env.links.push([value, resolved]);
          token.attrSet(attr, resolved);
        }
        if (token.type === 'image') token.attrSet('loading', 'lazy');
      }
    }
  });
  // Wide tables scroll inside their own box instead of widening the page on a phone.
  md.renderer.rules.table_open = () => '<div class="table-wrap"><table>\n';
  md.renderer.rules.table_close = () => '</table></div>\n';

  return function render(body: string, contentPath: string): RenderedMarkdown {
    const env: Env = { dir: posix.dirname(contentPath), broken: [], links: [] };
    const tokens = md.parse(body, env);
    return {
      html: md.renderer.render(tokens, md.options, env),
      text: plainText(tokens),
      firstParagraph: firstParagraph(tokens),
      brokenLinks: env.broken,
      links: env.links,
    };
  };
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
  let decoded: string;
  try {
    decoded = decodeURI(pathPart);
  } catch {
    decoded = pathPart;
  }
  const target = posix.normalize(posix.join(dir, decoded));
  if (target.startsWith('../') || target === '..') {
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
