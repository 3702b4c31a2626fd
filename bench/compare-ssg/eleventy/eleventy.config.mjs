// Eleventy side of bench/compare-ssg.mjs: the same pages bantin builds from the standard corpus.
// The script copies this folder to bench/.out/compare-ssg/work-N/eleventy/ and puts the articles
// in bai/. Listings (categories, months) are Eleventy's usual "paginate a collection of chunks"
// pattern; the newer/older neighbours are computed once here rather than searched per page.

const PAGE_SIZE = 20; // bantin's default pageSize
const RELATED = 5; // newer and older neighbours shown under an article
const OFFSET_MS = 7 * 3600e3; // corpus dates are +07:00; group and format in Vietnam's time

/** ASCII slug as bantin writes them: "An ninh - Quốc phòng" → "an-ninh-quoc-phong". */
function slug(text) {
  return String(text).normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D')
    .toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/** The date's wall-clock fields in UTC+07:00 (a Date whose getUTC* read Vietnam's time). */
const local = (date) => new Date(date.getTime() + OFFSET_MS);
const p2 = (n) => String(n).padStart(2, '0');
const monthKey = (date) => { const d = local(date); return `${d.getUTCFullYear()}-${p2(d.getUTCMonth() + 1)}`; };

/** Listing pages of 20 for one list of articles (newest first): /base/, /base/page/2/, ... */
function chunks(items, base, extra) {
  const total = Math.ceil(items.length / PAGE_SIZE);
  const url = (n) => (n === 1 ? base : `${base}page/${n}/`);
  return Array.from({ length: total }, (_, i) => ({
    ...extra, number: i + 1, total, url: url(i + 1),
    prev: i > 0 ? url(i) : null, next: i + 1 < total ? url(i + 2) : null,
    items: items.slice(i * PAGE_SIZE, (i + 1) * PAGE_SIZE),
  }));
}

/** Newest first, grouped by a key, keys in first-seen order. */
function groupBy(items, keyOf) {
  const groups = new Map();
  for (const item of items) {
    const key = keyOf(item);
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(item);
  }
  return groups;
}

export default function (eleventyConfig) {
  const articles = (api) => api.getFilteredByGlob('./bai/*.md').reverse(); // Eleventy sorts oldest first

  eleventyConfig.addCollection('articles', articles);
  eleventyConfig.addCollection('categoryList', (api) =>
    [...groupBy(articles(api), (a) => a.data.category).keys()].sort()
      .map((name) => ({ name, url: `/category/${slug(name)}/` })));
  eleventyConfig.addCollection('categoryPages', (api) =>
    [...groupBy(articles(api), (a) => a.data.category)].flatMap(([name, items]) => chunks(items, `/category/${slug(name)}/`, { name })));
  eleventyConfig.addCollection('monthPages', (api) =>
    [...groupBy(articles(api), (a) => monthKey(a.date))].flatMap(([month, items]) => chunks(items, `/archive/${month}/`, { month })));
  eleventyConfig.addCollection('months', (api) => [...groupBy(articles(api), (a) => monthKey(a.date)).keys()]);
  // inputPath → { newer, older }: five neighbours each side within the article's category.
  eleventyConfig.addCollection('related', (api) => {
    const related = {};
    for (const items of groupBy(articles(api), (a) => a.data.category).values()) {
      items.forEach((a, i) => {
        related[a.inputPath] = { newer: items.slice(Math.max(0, i - RELATED), i).reverse(), older: items.slice(i + 1, i + 1 + RELATED) };
      });
    }
    return related;
  });

  eleventyConfig.addFilter('slug', slug);
  eleventyConfig.addFilter('vnDate', (date) => { const d = local(date); return `${p2(d.getUTCDate())}/${p2(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`; });
  eleventyConfig.addFilter('vnDateTime', (date) => { const d = local(date); return `${p2(d.getUTCDate())}/${p2(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}`; });
  eleventyConfig.addFilter('isoDate', (date) => `${local(date).toISOString().slice(0, 19)}+07:00`);
  eleventyConfig.addFilter('rfc822', (date) => {
    const d = local(date);
    const day = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][d.getUTCDay()];
    const mon = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.getUTCMonth()];
    return `${day}, ${p2(d.getUTCDate())} ${mon} ${d.getUTCFullYear()} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} +0700`;
  });
  eleventyConfig.addFilter('vnNumber', (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.')); // 21880 → 21.880
  eleventyConfig.addFilter('vnMonth', (key) => `Tháng ${key.slice(5)}/${key.slice(0, 4)}`);
}

export const config = {
  templateFormats: ['md', 'njk'],
  // Articles are plain Markdown: don't run each one through Liquid first (Eleventy's default),
  // work that neither bantin nor Hugo does.
  markdownTemplateEngine: false,
  htmlTemplateEngine: 'njk',
  dir: { input: '.', includes: '_includes', output: '_site' },
};
