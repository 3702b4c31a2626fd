// Dates in the site's timezone: parsing front-matter dates (wall-clock time unless an offset is given)
// and reading any instant as the site's wall clock, the same on every machine, TZ and locale.
import type { SiteDate } from './types.js';
import { VALUE_KINDS } from './messages/fields.js';

// Front-matter dates: `2020-01-28`, `2020-01-28 23:10`, `2020-01-28 23:10:00`, or ISO 8601 with
// `T`, optional fraction and optional `Z`/`±HH:MM`. Without an offset the reading is wall-clock
// time in the site timezone — never UTC and never the build machine's zone.
const DATE_RE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/;

/** A failure carries its catalogue code (src/base/messages/fields.ts) and parameters; `message` stays English. */
export type DateResult = { ok: true; date: SiteDate } | { ok: false; message: string; hint: string; code: string; params: Record<string, string | number> };

const HINT = 'write it as `2020-01-28 23:10` (site time), `2020-01-28` or `2020-01-28T23:10:00+07:00`';

export function parseSiteDate(value: unknown, timezone: string): DateResult {
  if (value instanceof Date) value = value.toISOString();
  if (typeof value !== 'string' && typeof value !== 'number') {
    return { ok: false, message: `the date must be text like 2020-01-28 23:10, not ${describe(value)}`, hint: HINT, code: 'date-not-text', params: kindWords(value) };
  }
  const text = String(value).trim();
  const m = DATE_RE.exec(text);
  if (!m) return { ok: false, message: `"${text}" is not a date bantin understands`, hint: HINT, code: 'date-unreadable', params: { value: text } };
  const [year, month, day, hour = 0, minute = 0, second = 0] = m.slice(1, 7).map((s) => (s ? Number(s) : 0));
  const ms = m[7] ? Math.floor(Number(`0.${m[7]}`) * 1000) : 0;
  if (year < 1900 || year > 2999) {
    return { ok: false, message: `the year ${year} is out of range (1900–2999)`, hint: HINT, code: 'date-year-range', params: { year } };
  }
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) {
    return { ok: false, message: `"${text}" is not a real calendar date or time`, hint: 'check the day of the month and the hour (00–23)', code: 'date-not-real', params: { value: text } };  // allow-literal-message: English beside the code (fields.ts) for old readers
  }
  const wallMs = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  let epochMs: number;
  if (m[8]) {
    const offset = m[8] === 'Z' ? 0 : parseOffset(m[8]);
    if (Number.isNaN(offset)) {
      return { ok: false, message: `"${m[8]}" is not a real UTC offset`, hint: 'offsets run from -12:00 to +14:00; Vietnam is +07:00', code: 'date-bad-offset', params: { offset: m[8] } };  // allow-literal-message: English beside the code (fields.ts) for old readers
    }
    epochMs = wallMs - offset * 60_000;
  } else {
    epochMs = wallClockToEpoch(wallMs, timezone);
  }
  const date = toSiteDate(epochMs, timezone);
  if (m[4] === undefined) date.dateOnly = true;
  return { ok: true, date };
}

/** `{typeVi}` / `{typeEn}` for a date of the wrong kind. */
function kindWords(value: unknown): Record<string, string> {
  const kind = value === null || value === undefined ? 'empty' : Array.isArray(value) ? 'list' : typeof value === 'object' ? 'mapping' : typeof value;
  const words = VALUE_KINDS[kind] ?? { vi: kind, en: kind };
  return { typeVi: words.vi, typeEn: words.en };
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'a mapping' : typeof value;
}

/** Minutes east of UTC, or NaN for an offset no place on Earth uses (beyond ±14:00, minutes > 59). */
function parseOffset(s: string): number {
  const sign = s[0] === '-' ? -1 : 1;
  const digits = s.slice(1).replace(':', '');
  const [hours, minutes] = [Number(digits.slice(0, 2)), Number(digits.slice(2, 4))];
  if (hours > 14 || minutes > 59 || (hours === 14 && minutes > 0)) return NaN;
  return sign * (hours * 60 + minutes);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const offsetCache = new Map<string, number>();

export function isValidTimezone(timezone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: timezone });
    return true;
  } catch {
    return false;
  }
}

/** Offset of `timezone` from UTC at `epochMs`, in minutes, from the ICU data Node ships. */
export function offsetAt(epochMs: number, timezone: string): number {
  // Zone transitions fall on quarter hours, so one lookup serves a whole quarter.
  const key = `${timezone}|${Math.floor(epochMs / 900_000)}`;
  let offset = offsetCache.get(key);
  if (offset !== undefined) return offset;
  let fmt = formatters.get(timezone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-US', {
      timeZone: timezone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric',
      hour: 'numeric', minute: 'numeric', second: 'numeric', era: 'short',
    });
    formatters.set(timezone, fmt);
  }
  const parts: Record<string, string> = {};
  for (const p of fmt.formatToParts(epochMs)) parts[p.type] = p.value;
  const year = parts.era === 'BC' || parts.era === 'B' ? 1 - Number(parts.year) : Number(parts.year);
  const wall = Date.UTC(year, Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  offset = Math.round((wall - Math.floor(epochMs / 1000) * 1000) / 60_000);
  offsetCache.set(key, offset);
  return offset;
}

/**
 * The instant whose wall-clock reading in `timezone` is `wallMs` (given as if it were UTC). The
 * offsets a day before and a day after cover any transition near it. A reading that happens twice
 * (clocks going back) is the earlier instant; a reading the clocks skip (`02:30` when 02:00 jumps to
 * 03:00) is read with the offset from before the jump, so it lands after the gap (03:30), as a
 * person who forgot the change meant it and as Temporal's "compatible" choice does.
 */
export function wallClockToEpoch(wallMs: number, timezone: string): number {
  const before = offsetAt(wallMs - 86_400_000, timezone);
  const after = offsetAt(wallMs + 86_400_000, timezone);
  const readings = [before, after].map((o) => wallMs - o * 60_000).filter((e) => e + offsetAt(e, timezone) * 60_000 === wallMs);
  return readings.length ? Math.min(...readings) : wallMs - before * 60_000;
}

export function toSiteDate(epochMs: number, timezone: string): SiteDate {
  const offsetMinutes = offsetAt(epochMs, timezone);
  const wall = new Date(epochMs + offsetMinutes * 60_000);
  const d: SiteDate = {
    epochMs, offsetMinutes,
    year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1, day: wall.getUTCDate(),
    hour: wall.getUTCHours(), minute: wall.getUTCMinutes(), second: wall.getUTCSeconds(), iso: '',
  };
  d.iso = `${d.year}-${pad(d.month)}-${pad(d.day)}T${pad(d.hour)}:${pad(d.minute)}:${pad(d.second)}${formatOffset(offsetMinutes, ':')}`;
  return d;
}

export function formatOffset(minutes: number, separator: string): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}${separator}${pad(abs % 60)}`;
}

export function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
