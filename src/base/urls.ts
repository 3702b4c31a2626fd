// The site's URL scheme: every path bantin gives a page of its own, and the first segments that a
// category therefore may not take. Paths are site-relative (`tin-tuc/`, no base path).

export const PAGE_SEGMENT = 'trang';
export const TAG_SEGMENT = 'tag';
export const ARCHIVE_PATH = 'archive/';
export const SEARCH_PATH = 'tim-kiem/';
export const NOT_FOUND_PATH = '404.html';
/** The HTML site map, the help page with the shortcut keys, the English page, the feeds page. */
export const SITE_MAP_PATH = 'so-do-trang/';
export const HELP_PATH = 'tro-giup/';
export const ENGLISH_PATH = 'en/';
export const FEEDS_PATH = 'rss/';
/** The days that have an archive page, for the "Xem theo ngày" picker. */
export const ARCHIVE_DAYS_PATH = `${ARCHIVE_PATH}days.json`;

/** First path segments the generator uses itself; a category may not take them. */
export const RESERVED_SLUGS = new Set([PAGE_SEGMENT, TAG_SEGMENT, 'archive', 'tim-kiem', 'search', 'assets', '404', 'feed', 'sitemap',
  'so-do-trang', 'tro-giup', 'en', 'rss']);

/** `base` is the first page's path (`''` for home, `tin-tuc/`); later pages add `trang/N/`. */
export function pagePath(base: string, number: number): string {
  return number === 1 ? base : `${base}${PAGE_SEGMENT}/${number}/`;
}

export const tagPath = (slug: string) => `${TAG_SEGMENT}/${slug}/`;
/** `key` is `2024`, `2024/03` or `2024/03/05`. */
export const archivePath = (key: string) => `${ARCHIVE_PATH}${key}/`;

/** The file a URL path is written to: folders get `index.html`. */
export function outputFile(path: string): string {
  return path === '' || path.endsWith('/') ? `${path}index.html` : path;
}

/** Whether a page's path is one a reader can land on and a search engine should list. */
export const isListedPage = (path: string) => (path.endsWith('/') || path === '') && path !== SEARCH_PATH;
