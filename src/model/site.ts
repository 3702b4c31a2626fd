// The site model: published articles in order, categories, tags and archive periods.
import type { ProblemList } from '../base/problems.js';
import { say } from '../base/messages/index.js';
import { slugify as slugOf } from '../base/slug.js';
import { pad } from '../base/dates.js';
import { archivePath, RESERVED_SLUGS, tagPath } from '../base/urls.js';
import { countedViews, VIEWS_FILE } from './counted-views.js';
import type { Article, ArchivePeriod, Category, Site, SiteConfig, Tag } from '../base/types.js';

const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

export interface ModelOptions {
  /** Publish drafts and articles dated after `now`. */
  drafts: boolean;
  now: number;
}

/** Turns the read articles into the site: published set, order, categories, tags, archives. */
export function buildSiteModel(
  config: SiteConfig, read: Article[], data: Record<string, unknown>, options: ModelOptions, problems: ProblemList,
): Site {
  // Thousands of articles share a few category and tag names: each is folded once.
  const slugs = new Map<string, string>();
  const slugify = (name: string) => {
    let slug = slugs.get(name);
    if (slug === undefined) slugs.set(name, (slug = slugOf(name)));
    return slug;
  };
  const articles = read
    .filter((a) => options.drafts || (!a.draft && a.date.epochMs <= options.now))
    .sort((a, b) => b.date.epochMs - a.date.epochMs || (a.sourcePath < b.sourcePath ? -1 : 1));

  const categories = groupBy(articles, (a) => [a.categoryName], 'category', problems, config, slugify);
  const order = new Map(config.categories.map((name, i) => [slugify(name), i]));
  for (const name of config.categories) {
    const slug = slugify(name);
    if (!categories.has(slug)) categories.set(slug, { name, slug, url: `${slug}/`, articles: [] });
  }
  const categoryList = [...categories.values()].sort(
    (a, b) => (order.get(a.slug) ?? Infinity) - (order.get(b.slug) ?? Infinity) || collator.compare(a.name, b.name),
  );
  const tags = [...groupBy(articles, (a) => a.tagNames, 'tag', problems, config, slugify).values()]
    .map((t) => ({ ...t, url: tagPath(t.slug) }))
    .sort((a, b) => collator.compare(a.name, b.name));

  // Views counted from the server's logs (`bantin views`) add to the ones the front matter carries over.
  const counted = countedViews(data);
  if (data.views !== undefined && !counted) {
    problems.warn(VIEWS_FILE, ...say('views-file-foreign'));
  }
  articles.forEach((a, i) => {
    const category = categories.get(slugify(a.categoryName))!;
    a.index = i;
    a.categoryName = category.name;
    a.categorySlug = category.slug;
    a.path = `${category.slug}/${a.slug}/`;
    if (counted) a.views += counted.pages[`/${a.path}`] ?? 0;
  });
  // Templates do not see the counting state: it changes with every run, and every page's fingerprint holds `data`.
  const { views, ...rest } = data;
  void views;

  return {
    config, articles, categories: categoryList, tags, archive: buildArchive(articles), data: counted ? rest : data,
    visits: readVisits(config, data, counted?.total),
  };
}

function groupBy(
  articles: Article[], names: (a: Article) => string[], kind: 'category' | 'tag', problems: ProblemList, config: SiteConfig,
  slugify: (name: string) => string,
): Map<string, Category | Tag> {
  const groups = new Map<string, Category | Tag>();
  for (const a of articles) {
    for (const name of names(a)) {
      const slug = slugify(name);
      let group = groups.get(slug);
      if (!group) {
        // A name bantin.yaml gives (`categories`, `defaultCategory`) was reported there, at its line.
        const fromConfig = [...config.categories, config.defaultCategory].some((c) => slugify(c) === slug);
        if (kind === 'category' && RESERVED_SLUGS.has(slug) && !fromConfig) {
          problems.error(a.sourcePath, ...say('field-category-reserved', { name, slug }));
        }
        group = { name, slug, url: `${slug}/`, articles: [] };
        groups.set(slug, group);
      } else if (group.name !== name && kind === 'category' && !config.categories.some((c) => slugify(c) === slug)) {
        problems.warn(a.sourcePath, ...say('category-spelling', { name, other: group.name }));
      }
      group.articles.push(a);
    }
  }
  if (kind === 'category') {
    for (const name of config.categories) {
      const g = groups.get(slugify(name));
      if (g) g.name = name;
    }
  }
  return groups;
}

function buildArchive(articles: Article[]): Site['archive'] {
  const years = new Map<string, ArchivePeriod>();
  const months = new Map<string, ArchivePeriod>();
  const days = new Map<string, ArchivePeriod>();
  const add = (map: Map<string, ArchivePeriod>, key: string, a: Article, month: number | null, day: number | null) => {
    let p = map.get(key);
    if (!p) map.set(key, (p = { key, year: a.date.year, month, day, path: archivePath(key), articles: [] }));
    p.articles.push(a);
  };
  for (const a of articles) {
    const { year, month, day } = a.date;
    add(years, `${year}`, a, null, null);
    add(months, `${year}/${pad(month)}`, a, month, null);
    add(days, `${year}/${pad(month)}/${pad(day)}`, a, month, day);
  }
  // Articles are newest first, so every map was filled newest first too.
  return { years: [...years.values()], months: [...months.values()], days: [...days.values()] };
}

/** The visit counter: `visits` as configured (or as data/stats overrides it), plus the page views counted from logs. */
function readVisits(config: SiteConfig, data: Record<string, unknown>, counted: number | undefined): number | null {
  const stats = data.stats as Record<string, unknown> | undefined;
  const v = stats && typeof stats === 'object' ? stats.visits : undefined;
  const base = Number.isSafeInteger(v) && (v as number) >= 0 ? (v as number) : config.visits;
  return counted === undefined ? base : (base ?? 0) + counted;
}
