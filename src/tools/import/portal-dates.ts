// Reading the dates and view counts old portals print (`28 Tháng Giêng 2020 11:10:00 CH`,
// `Thứ ba, 28/01/2020 23:10`, `Số lượt người xem: 1.204`) into site wall-clock time and numbers.
import { daysInMonth, pad, toSiteDate } from '../../base/dates.js';

/** A date as front matter takes it: wall-clock time in the site's timezone, `2020-01-28 23:10:00`. */
export type WallClock = string;

export type DateRead = { ok: true; wall: WallClock; at: number; end: number } | { ok: false; text: string };

const MONTHS: Record<string, number> = {
  'giêng': 1, 'một': 1, 'hai': 2, 'ba': 3, 'tư': 4, 'bốn': 4, 'năm': 5, 'sáu': 6, 'bảy': 7, 'tám': 8, 'chín': 9,
  'mười': 10, 'mười một': 11, 'mười hai': 12, 'chạp': 12,
};
// Longest names first, so `Mười Một` is not read as `Mười`.
const MONTH_NAMES = Object.keys(MONTHS).sort((a, b) => b.length - a.length).join('|');
const TIME = String.raw`(\d{1,2})[:h](\d{2})(?::(\d{2}))?(?:\s*(SA|CH|AM|PM|sáng|chiều|tối))?`;
const NAMED = new RegExp(String.raw`(\d{1,2})\s+tháng\s+(${MONTH_NAMES}|\d{1,2})\s*,?\s+(?:năm\s+)?(\d{4})(?:\s*,?\s*(?:lúc\s+)?${TIME})?`, 'iu');
const NUMERIC = new RegExp(String.raw`(?<![\d/.-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?![\d/])(?:\s*(?:[-|,]\s*|lúc\s+)?${TIME})?`, 'iu');
const TIME_FIRST = new RegExp(String.raw`${TIME}\s*(?:[-|,]\s*)?(?:(?:thứ\s+\S+|chủ nhật)\s*,\s*)?(?:ngày\s+)?(\d{1,2})([/.-])(\d{1,2})\6(\d{4})(?![\d/])`, 'iu');
const ISO = /(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?)?/;

/**
 * The first portal date in `text`, as wall-clock time. A date that reads as one but is not a real
 * day or time (`31/02/2020`, `13:10 CH`) is `ok: false` with the text seen, never a guess.
 */
export function findPortalDate(text: string, timezone: string): DateRead | null {
  const found: DateRead[] = [];
  let m = NAMED.exec(text);
  if (m) found.push(wall(m, Number(m[3]), monthOf(m[2]), Number(m[1]), m.slice(4, 8)));
  m = TIME_FIRST.exec(text);
  if (m) found.push(wall(m, Number(m[8]), Number(m[7]), Number(m[5]), m.slice(1, 5)));
  m = NUMERIC.exec(text);
  if (m) found.push(wall(m, Number(m[4]), Number(m[3]), Number(m[1]), m.slice(5, 9)));
  m = ISO.exec(text);
  if (m) found.push(isoDate(m, timezone));
  if (!found.length) return null;
  // The earliest in the text, and of two starting at the same place, the longer (it has the time).
  return found.sort((a, b) => posOf(a) - posOf(b) || endOf(b) - endOf(a))[0];
}

const posOf = (d: DateRead) => (d.ok ? d.at : -1);
const endOf = (d: DateRead) => (d.ok ? d.end : 0);

function monthOf(name: string): number {
  return /^\d+$/.test(name) ? Number(name) : MONTHS[name.toLowerCase().replace(/\s+/g, ' ')] ?? 0;
}

function wall(m: RegExpExecArray, year: number, month: number, day: number, time: (string | undefined)[]): DateRead {
  let [hour, minute, second] = [Number(time[0] ?? 0), Number(time[1] ?? 0), Number(time[2] ?? 0)];
  const meridiem = time[3]?.toLowerCase();
  const bad = { ok: false as const, text: m[0].trim() };
  if (meridiem) {
    // 12-hour clock: 12:xx SA is just after midnight, 12:xx CH just after noon.
    if (hour < 1 || hour > 12) return bad;
    const pm = meridiem === 'ch' || meridiem === 'pm' || meridiem === 'chiều' || meridiem === 'tối';
    hour = (hour % 12) + (pm ? 12 : 0);
  }
  if (year < 1900 || year > 2999 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) return bad;
  return { ok: true, wall: `${year}-${pad(month)}-${pad(day)} ${pad(hour)}:${pad(minute)}:${pad(second)}`, at: m.index, end: m.index + m[0].length };
}

function isoDate(m: RegExpExecArray, timezone: string): DateRead {
  const [year, month, day, hour, minute, second] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i] ?? 0));
  const plain = wall(m, year, month, day, [String(hour), String(minute), String(second)]);
  if (!plain.ok || !m[7]) return plain;
  const offset = m[7] === 'Z' ? 0 : (m[7][0] === '-' ? -1 : 1) * (Number(m[7].slice(1, 3)) * 60 + Number(m[7].slice(-2)));
  const epoch = Date.UTC(year, month - 1, day, hour, minute, second) - offset * 60_000;
  return { ...plain, wall: wallOf(epoch, timezone) };
}

/** An instant (a feed's `pubDate`, SharePoint's `Created`) as wall-clock time in the site's timezone. */
export function instantToWall(text: string, timezone: string): DateRead {
  const iso = ISO.exec(text.trim());
  if (iso && iso.index === 0) return isoDate(iso, timezone);
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) return { ok: false, text: text.trim() };
  return { ok: true, wall: wallOf(ms, timezone), at: 0, end: text.length };
}

function wallOf(epochMs: number, timezone: string): WallClock {
  const d = toSiteDate(epochMs, timezone);
  return `${d.year}-${pad(d.month)}-${pad(d.day)} ${pad(d.hour)}:${pad(d.minute)}:${pad(d.second)}`;
}

const VIEWS = /(?:số\s+)?(?:lượt|lần)\s+(?:người\s+)?(?:xem|đọc|truy cập)\s*:?\s*(\d{1,3}(?:[.,\s]\d{3})+|\d+)/iu;

/** `Số lượt người xem: 1.204` → 1204 (dots, commas or spaces group thousands), or null. */
export function findViews(text: string): number | null {
  const m = VIEWS.exec(text);
  return m ? Number(m[1].replace(/[.,\s]/g, '')) : null;
}

export const isViewsLine = (line: string) => VIEWS.test(line) && line.replace(VIEWS, '').trim().length < 3;
