// Splitting a listing into pages, with the window of page links to show.
import { pagePath } from '../base/urls.js';

export interface Pagination<T> {
  /** 1-based. */
  number: number;
  total: number;
  items: T[];
  /** Path of this page relative to the site root: `tin-tuc/` or `tin-tuc/trang/2/`. */
  path: string;
  prevPath: string | null;
  nextPath: string | null;
  firstPath: string;
  /**
   * The page links to show: the first and last page and two either side of this one, with a gap
   * where pages are left out. A window, not every page: a category of 20,000 articles has 1,000.
   */
  links: ({ number: number; path: string } | { gap: true })[];
}

/** Splits a list into pages; an empty list still has one (empty) page, so every listing exists. */
export function paginate<T>(items: T[], size: number, base: string): Pagination<T>[] {
  const total = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: total }, (_, i) => {
    const number = i + 1;
    return {
      number, total, path: pagePath(base, number), firstPath: base, links: pageLinks(number, total, base),
      items: items.slice((number - 1) * size, number * size),
      prevPath: number > 1 ? pagePath(base, number - 1) : null,
      nextPath: number < total ? pagePath(base, number + 1) : null,
    };
  });
}

function pageLinks(current: number, total: number, base: string): Pagination<unknown>['links'] {
  const shown = [...new Set([1, current - 2, current - 1, current, current + 1, current + 2, total])]
    .filter((n) => n >= 1 && n <= total)
    .sort((a, b) => a - b);
  const links: Pagination<unknown>['links'] = [];
  shown.forEach((number, i) => {
    if (i > 0 && number - shown[i - 1] > 1) links.push({ gap: true });
    links.push({ number, path: pagePath(base, number) });
  });
  return links;
}

/** Path of the listing page that shows the item at `index` (0-based). */
export function pageOf(index: number, size: number, base: string): string {
  return pagePath(base, Math.floor(index / size) + 1);
}
