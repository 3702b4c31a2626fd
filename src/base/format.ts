// How dates and numbers read on the page. Words come from the locale file.
import { pad } from './dates.js';
import type { SiteDate } from './types.js';

/** Words a date format needs; they come from the locale file so a site can translate them. */
export interface DateWords {
  months: string[];
  am: string;
  pm: string;
}

/** The portal's long form: `28 Tháng Giêng 2020 11:10:00 CH`; a date written without a time, the day alone. */
export function formatPortalDate(d: SiteDate, words: DateWords): string {
  if (d.dateOnly) return `${pad(d.day)} ${words.months[d.month - 1]} ${d.year}`;
  const hour12 = d.hour % 12 === 0 ? 12 : d.hour % 12;
  const meridiem = d.hour < 12 ? words.am : words.pm;
  return `${pad(d.day)} ${words.months[d.month - 1]} ${d.year} ${pad(hour12)}:${pad(d.minute)}:${pad(d.second)} ${meridiem}`;
}

/** `28/01/2020`, the short form used in lists. */
export function formatShortDate(d: SiteDate): string {
  return `${pad(d.day)}/${pad(d.month)}/${d.year}`;
}

/** Thousands separated the Vietnamese way: `21.262.370`. */
export function formatNumber(n: number, separator = '.'): string {
  return String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}
