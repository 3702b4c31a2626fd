// The data that flows through the pipeline: load → validate → site model → render → write.

/** A moment in time, with its wall-clock reading in the site's timezone. */
export interface SiteDate {
  /** Milliseconds since the Unix epoch (UTC). */
  epochMs: number;
  /** Offset of the site timezone from UTC at this moment, in minutes (Asia/Ho_Chi_Minh: 420). */
  offsetMinutes: number;
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  /** 0–23 */
  hour: number;
  minute: number;
  second: number;
  /** RFC 3339 with the site offset, e.g. `2020-01-28T23:10:00+07:00`. */
  iso: string;
  /** Written without a time (`2024-05-02`): pages show the day only, never an invented 00:00. */
  dateOnly?: true;
}

export interface WebLink {
  title: string;
  url: string;
}

export interface MenuItem {
  title: string;
  url: string;
}

export interface SiteConfig {
  /** Site name shown in the header and in <title>. */
  title: string;
  /** Issuing unit shown above the site name, e.g. `ỦY BAN NHÂN DÂN HUYỆN ...`. */
  unit: string;
  description: string;
  /** Absolute URL of the site, always ending in `/`. */
  baseUrl: string;
  /** Path part of baseUrl, always starting and ending in `/`. */
  basePath: string;
  timezone: string;
  locale: string;
  pageSize: number;
  relatedCount: number;
  relatedScope: 'category' | 'site';
  defaultCategory: string;
  /** Author `bantin new` writes into a new article when `--author` is not given; '' for none. */
  defaultAuthor: string;
  /** Category display names in menu order; categories not listed follow, by name. */
  categories: string[];
  links: WebLink[];
  menu: MenuItem[];
  /** Visit count for "SỐ LƯỢT TRUY CẬP"; a data file may override it. */
  visits: number | null;
  logo: string | null;
  footer: Record<string, string>;
  colors: Record<string, string>;
  sidebar: string[];
  markdown: { html: boolean; linkify: boolean; typographer: boolean };
  feeds: { limit: number; fullContent: boolean };
  /** The portal features a site may switch off (README, "Templates"). */
  theme: ThemeOptions;
  /** The English page `/en/`; null when the site has none. */
  english: EnglishPage | null;
  /** The web editor at `/admin/` (Decap CMS); null when the site has none. */
  admin: AdminConfig | null;
  /** Keys the site added that bantin does not know: passed to templates as `site.extra`. */
  extra: Record<string, unknown>;
}

/** What the state-portal rules ask of each page; each can be turned off as the rules change. */
export interface ThemeOptions {
  /** Dublin Core `<meta name="DC.…">` (Circular 24/2011/TT-BTTTT). */
  dublinCore: boolean;
  /** "In bài viết" on every article (Decree 42/2022/NĐ-CP). */
  print: boolean;
  /** "Lưu bài viết": the article saved as one HTML file, pictures included (Decree 42/2022/NĐ-CP). */
  save: boolean;
  /** The HTML site map `/so-do-trang/` (Circular 32/2017/TT-BTTTT). */
  siteMap: boolean;
  /** Shortcut keys and the help page `/tro-giup/` that lists them (Circular 32/2017/TT-BTTTT). */
  accessKeys: boolean;
  /** The page `/rss/` that explains the feeds, linked as "Nhận tin qua RSS" instead of raw XML. */
  feedPage: boolean;
  /** `portal`: the author once, in capitals, no label; `label`: "Tác giả: …". */
  byline: 'portal' | 'label';
}

/** `admin:` in bantin.yaml: the Git host the web editor saves to (README, "Web editor"). */
export interface AdminConfig {
  backend: 'github' | 'gitlab' | 'gitea';
  /** `owner/name` on the Git host. */
  repo: string;
  branch: string;
  /** The OAuth server that signs editors in (Decap's `base_url`), when not the host's default. */
  authUrl?: string;
  /** The host's API, for a self-hosted GitLab or Gitea (Decap's `api_root`). */
  apiRoot?: string;
  /** The OAuth application's client id (GitLab PKCE, Gitea). */
  appId?: string;
}

export interface EnglishPage {
  /** The organisation's English name, the page's heading. */
  organisation: string;
  /** Paragraphs on what the organisation does. */
  functions: string[];
  leaders: { name: string; position: string }[];
  contacts: { address?: string; phone?: string; email?: string; website?: string };
}

export interface Category {
  name: string;
  slug: string;
  url: string;
  /** Published articles, newest first. */
  articles: Article[];
}

export interface Tag {
  name: string;
  slug: string;
  url: string;
  articles: Article[];
}

export interface Article {
  /** Path of the Markdown file relative to the site root, with `/` separators. */
  sourcePath: string;
  title: string;
  date: SiteDate;
  /** From front-matter `updated`, else the date. */
  updated: SiteDate;
  author: string;
  views: number;
  categoryName: string;
  /** Filled by the site model. */
  categorySlug: string;
  tagNames: string[];
  summary: string;
  image: string | null;
  /** The pixel size of a picture in content/, for width and height; null for URLs and unreadable files. */
  imageSize?: { width: number; height: number } | null;
  draft: boolean;
  slug: string;
  /** Site-relative URL path without the base path, e.g. `tin-tuc/ten-bai/`. */
  path: string;
  /** Markdown source of the body. */
  body: string;
  /** Rendered body HTML (filled by the renderer). */
  html: string;
  /** Plain text of the body, for search and summaries. */
  text: string;
  /** Addresses the article had on an old portal (front-matter `oldUrls`): the build redirects them here. */
  oldUrls: string[];
  /** Front-matter keys bantin does not know, passed to templates as they are. */
  data: Record<string, unknown>;
  /** Index in the site's newest-first article list. */
  index: number;
}

/** One file of the output, its path relative to the output folder with `/` separators. */
export interface OutputFile {
  path: string;
  content: string | Uint8Array;
}

/** A problem in the site's input, reported to the editor. */
export interface Problem {
  severity: 'error' | 'warning';
  /** Path relative to the site root, or null for problems not tied to one file. */
  file: string | null;
  line?: number;
  column?: number;
  message: string;
  hint?: string;
  /** The catalogue code of the message (src/base/messages/), and its parameters. */
  code?: string;
  params?: Record<string, string | number>;
  /** The text of the line at fault, shown with a caret under `column`. */
  excerpt?: string;
}

/** Articles of one year, month or day. */
export interface ArchivePeriod {
  /** `2020`, `2020/01` or `2020/01/28`. */
  key: string;
  year: number;
  month: number | null;
  day: number | null;
  path: string;
  articles: Article[];
}

/** The whole site model: what every page is rendered from. */
export interface Site {
  config: SiteConfig;
  /** Published articles, newest first (ties broken by source path, so the order is stable). */
  articles: Article[];
  /** In menu order. */
  categories: Category[];
  /** By name. */
  tags: Tag[];
  /** Years, newest first; each with its months and days. */
  archive: { years: ArchivePeriod[]; months: ArchivePeriod[]; days: ArchivePeriod[] };
  /** Visit count for the sidebar, from config or `data/stats.yaml`. */
  visits: number | null;
  /** Files of `data/*.yaml|json`, by file name without extension. */
  data: Record<string, unknown>;
}
