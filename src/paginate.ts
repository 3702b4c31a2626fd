export interface Pagination<T> {
  /** 1-based. */
  number: number;
  total: number;
  items: T[];
  /** Path of this page relative to the site root: `tin-tuc/` or `tin-tuc/trang/2/`. */
  path: string;
  prevPath: string | null;
  nextPath: string | null;
  /** Every page's number and path, for the page links. */
  pages: { number: number; path: string }[];
}

export const PAGE_SEGMENT = 'trang';

/** `base` is the first page's path (`''` for home, `tin-tuc/`); later pages add `trang/N/`. */
export function pagePath(base: string, number: number): string {
  return number === 1 ? base : `${base}${PAGE_SEGMENT}/${number}/`;
}

/** Splits a list into pages; an empty list still has one (empty) page, so every listing exists. */
export function paginate<T>(items: T[], size: number, base: string): Pagination<T>[] {
  const total = Math.max(1, Math.ceil(items.length / size));
  const pages = Array.from({ length: total }, (_, i) => ({ number: i + 1, path: pagePath(base, i + 1) }));
  return pages.map(({ number, path }) => ({
    number, total, path, pages,
    items: items.slice((number - 1) * size, number * size),
    prevPath: number > 1 ? pages[number - 2].path : null,
    nextPath: number < total ? pages[number].path : null,
  }));
}

/** Path of the listing page that shows the item at `index` (0-based). */
export function pageOf(index: number, size: number, base: string): string {
  return pagePath(base, Math.floor(index / size) + 1);
}
