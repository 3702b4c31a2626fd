// A page's text as the lines a reader sees (one per block element), and the facts old portals print
// around the article: the date line, the title after it, the view count, the byline.
import { findPortalDate, findViews, isViewsLine, type WallClock } from './portal-dates.js';

const BLOCK = new Set(['ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'DD', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER',
  'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'TABLE', 'TD', 'TH', 'TR', 'UL', 'OPTION', 'SELECT', 'TITLE']);
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD', 'SVG', 'IFRAME']);

interface DomNode {
  nodeType: number;
  nodeName: string;
  nodeValue: string | null;
  firstChild: DomNode | null;
  nextSibling: DomNode | null;
}

/** The text of `root`, a line per block, spaces (no-break ones too) collapsed, empty lines dropped. */
export function textLines(root: DomNode): string[] {
  const lines: string[] = [];
  let line = '';
  const flush = () => {
    const t = line.replace(/[\s\u00a0\u200b]+/g, ' ').trim();
    if (t) lines.push(t);
    line = '';
  };
  const walk = (node: DomNode) => {
    if (node.nodeType === 3) {
      line += node.nodeValue ?? '';
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
    if (SKIP.has(node.nodeName.toUpperCase())) return;
    const block = BLOCK.has(node.nodeName.toUpperCase());
    if (block) flush();
    // Siblings, not childNodes: linkedom makes a new list each time childNodes is read.
    for (let child = node.firstChild; child; child = child.nextSibling) walk(child);
    if (block) flush();
  };
  walk(root);
  flush();
  return lines;
}

export type DateSeen = { wall: WallClock; line: number; category: string } | { bad: string } | null;

/** The date line nearest above the article body (`lines[0..end)`, searched upwards), as the text dump reads it. */
export function dateAbove(lines: string[], end: number, timezone: string): DateSeen {
  let bad = '';
  for (let i = end - 1; i >= 0 && i >= end - 40; i--) {
    const found = findPortalDate(lines[i], timezone);
    if (!found) continue;
    if (!found.ok) {
      bad ||= lines[i];
      continue;
    }
    const before = lines[i].slice(0, found.at).replace(/[\s|:>»›,-]+$/u, '').trim();
    if (lines[i].slice(found.end).trim().length > 3 || before.split(/\s+/).length > 8) continue;
    return { wall: found.wall, line: i, category: before.replace(/^.*[>»›]\s*/u, '').replace(/^(?:(?:thứ\s+\S+|chủ nhật)|ngày đăng|đăng ngày|cập nhật|ngày)$/iu, '') };
  }
  return bad ? { bad } : null;
}

/** A date in the few lines just below the body (`Ngày đăng: 28/01/2020`). */
export function dateBelow(lines: string[], start: number, timezone: string): DateSeen {
  for (let i = start; i < Math.min(lines.length, start + 6); i++) {
    const found = findPortalDate(lines[i], timezone);
    if (found && !found.ok) return { bad: lines[i] };
    if (found && found.ok && lines[i].length < 60) return { wall: found.wall, line: i, category: '' };
  }
  return null;
}

/** The view count printed near the article (not in its body). */
export function viewsNear(lines: string[], start: number, end: number): number | null {
  for (let i = end; i < Math.min(lines.length, end + 8); i++) if (isViewsLine(lines[i]) || findViews(lines[i]) !== null) return findViews(lines[i]);
  for (let i = start - 1; i >= Math.max(0, start - 12); i--) if (findViews(lines[i]) !== null) return findViews(lines[i]);
  return null;
}

/** A byline on its own line right after the body, before the view count: a short name-like line. */
export function authorBelow(lines: string[], end: number): string {
  const line = lines[end];
  if (!line || isViewsLine(line)) return '';
  const byline = /^(?:tác giả|người viết|bài(?: và ảnh)?|tin(?: và ảnh)?|nguồn)\s*:\s*(.+)$/iu.exec(line);
  if (byline) return byline[1].trim();
  const words = line.split(' ');
  const named = words.length >= 2 && words.length <= 7 && line.length <= 60 && !/[.:;!?,]$/.test(line) && words.every((w) => /^[\p{Lu}\d(-]/u.test(w));
  return named && (isViewsLine(lines[end + 1] ?? '') || findViews(lines[end + 1] ?? '') !== null) ? line : '';
}
