// `--from text`: what select-all and copy on an old portal's article page gives, or a scraper's
// text dump: noise, `<category> <portal date>`, the title, body lines, the author, the view count, noise.
import { findPortalDate, findViews, isViewsLine, type WallClock } from './portal-dates.js';

export type TextRead =
  | { ok: true; category: string; date: WallClock; title: string; author: string; views: number | null; markdown: string; missing: string[] }
  | { ok: false; kind: 'no-date' | 'bad-date' | 'no-title'; text: string };

/** Where the article stops when the page has no view count line. */
const AFTER = /^(TIN MỚI HƠN|TIN ĐÃ ĐƯA|TIN KHÁC|CÁC TIN KHÁC|TIN LIÊN QUAN|BÀI VIẾT LIÊN QUAN|Xem tiếp|Xem theo ngày|Tìm kiếm|Quay lại|In bài viết|Gửi email|Chia sẻ)\b/iu;

export function readTextDump(text: string, timezone: string): TextRead {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n|\u2028/).map(clean);
  // The date line: a line that holds a portal date with little before it (the category) and nothing
  // after. A clock in the page header (`Thứ Sáu, 05/03/2021`) may come first: a date with a time wins.
  let best: { at: number; category: string; date: WallClock; score: number } | null = null;
  let unread = '';
  for (let i = 0; i < lines.length; i++) {
    const found = findPortalDate(lines[i], timezone);
    if (!found) continue;
    if (!found.ok) {
      unread ||= lines[i];
      continue;
    }
    const before = lines[i].slice(0, found.at).replace(/[\s|:>»›,-]+$/u, '').trim();
    const after = lines[i].slice(found.end).trim();
    // A sentence that mentions a date is not the date line.
    if (after.length > 3 || before.split(/\s+/).length > 8) continue;
    const score = /\d:\d\d/.test(lines[i].slice(found.at, found.end)) ? 2 : 1;
    if (best && best.score >= score) continue;
    const category = before.replace(/^.*[>»›]\s*/u, '').replace(/^(?:thứ\s+\S+|chủ nhật)$/iu, '');
    best = { at: i, category, date: found.wall, score };
    if (score === 2) break;
  }
  if (!best) return unread ? { ok: false, kind: 'bad-date', text: unread } : { ok: false, kind: 'no-date', text: lines.filter(Boolean).slice(0, 12).join(' ⏎ ') };
  const { at, category, date } = best;
  let start = at + 1;
  while (start < lines.length && !lines[start]) start++;
  const title = lines[start] ?? '';
  if (!title || isViewsLine(title)) return { ok: false, kind: 'no-title', text: lines[at] };
  const missing: string[] = [];
  let end = start + 1;
  while (end < lines.length && !isViewsLine(lines[end]) && !AFTER.test(lines[end])) end++;
  const views = end < lines.length && isViewsLine(lines[end]) ? findViews(lines[end]) : null;
  if (views === null) missing.push('views');
  const body = lines.slice(start + 1, end).filter(Boolean);
  let author = '';
  const last = body[body.length - 1];
  const byline = last && /^(?:tác giả|người viết|bài(?: và ảnh)?|tin(?: và ảnh)?)\s*:\s*(.+)$/iu.exec(last);
  if (byline) author = byline[1].trim();
  else if (last && body.length > 1 && looksLikeName(last)) author = last;
  if (author) body.pop();
  else missing.push('author');
  return { ok: true, category, date, title, author, views, markdown: body.map(toMarkdown).join('\n\n'), missing };
}

/** No-break spaces (pages indent with them) and runs of spaces become one space. */
const clean = (line: string) => line.replace(/[\s\u00a0\u200b]+/gu, ' ').trim();

/** A line of capitals (with at least two letters, digits and punctuation allowed) is a section heading. */
export function isCapitals(line: string): boolean {
  const letters = line.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters === letters.toLocaleUpperCase('vi') && letters !== letters.toLocaleLowerCase('vi');
}

/** A byline: a few words, each starting with a capital, no sentence punctuation at the end. */
function looksLikeName(line: string): boolean {
  const words = line.replace(/^\(|\)$/g, '').split(' ');
  return words.length >= 2 && words.length <= 7 && line.length <= 60 && !/[.:;!?,]$/.test(line)
    && words.every((w) => /^[\p{Lu}\d]/u.test(w) || /^[-–&]$/.test(w));
}

function toMarkdown(line: string): string {
  if (isCapitals(line) && line.length <= 120 && !/[.;,]$/.test(line)) return `## ${escape(line)}`;
  return escape(line);
}

/** Markdown syntax in a plain line is text: escaped, so every character shows as it was. */
export function escape(line: string): string {
  return line
    .replace(/[\\`*_[\]<>|~]/g, '\\$&')
    .replace(/^(#{1,6}|[-+=]|\d+[.)])(?=\s|$)/, (m) => (/\d/.test(m) ? m.replace(/([.)])$/, '\\$1') : `\\${m}`));
}
