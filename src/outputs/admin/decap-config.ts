// /admin/config.yml: Decap CMS configured from the site, so that what the web editor saves is an
// article bantin builds without a warning (folder, file name, front-matter fields and date format).
import yaml from 'js-yaml';
import { slugify } from '../../base/slug.js';
import type { AdminConfig, SiteConfig } from '../../base/types.js';

/** Where pictures and files go: content/files/ is published as /files/ (see README, "Files"). */
export const MEDIA_FOLDER = 'content/files';
/**
 * What Decap writes into Markdown for a picture. `/`-rooted links get the site's base path when
 * bantin builds (markdown.ts, resolveLink), so this stays `/files` under a subpath too.
 */
export const PUBLIC_FOLDER = '/files';
/**
 * The date as bantin's own samples and `bantin new` write it: wall-clock time, which bantin reads in
 * the site's timezone (base/dates.ts). Decap's picker shows the same wall-clock time, so what the
 * editor picks is what the site shows.
 */
export const DATE_FORMAT = 'YYYY-MM-DD HH:mm';

export interface CategoryChoice {
  name: string;
  slug: string;
}

/** Field labels and hints in the editors' language (Decap's own interface follows `locale`). */
const WORDS = {
  vi: {
    article: 'bài viết', title: 'Tiêu đề', date: 'Ngày giờ đăng', dateHint: 'Giờ theo múi giờ của trang ({tz}). Bài có ngày giờ trong tương lai chỉ hiện khi đến giờ đó.',
    author: 'Tác giả', views: 'Số lượt xem', category: 'Chuyên mục', tags: 'Từ khóa', tagsHint: 'Các từ khóa cách nhau bằng dấu phẩy',
    summary: 'Tóm tắt', summaryHint: 'Một hai câu hiện dưới tiêu đề và trong danh sách tin; để trống thì lấy đoạn đầu của bài',
    image: 'Ảnh đại diện', draft: 'Bản nháp (chưa đăng lên trang)', body: 'Nội dung',
  },
  en: {
    article: 'article', title: 'Title', date: 'Date and time', dateHint: 'In the site\'s timezone ({tz}). An article dated in the future appears when that time comes.',
    author: 'Author', views: 'Views', category: 'Category', tags: 'Tags', tagsHint: 'Keywords separated by commas',
    summary: 'Summary', summaryHint: 'A sentence or two under the title and in listings; left empty, the first paragraph is used',
    image: 'Picture', draft: 'Draft (not published)', body: 'Body',
  },
};

/**
 * The categories the editor offers: the site's, in menu order (those in `categories:` first, then
 * any other that articles use), or the default category when there are none.
 */
export function editorCategories(config: SiteConfig, used: CategoryChoice[]): CategoryChoice[] {
  const all = [...config.categories.map((name) => ({ name, slug: slugify(name) })), ...used, { name: config.defaultCategory, slug: slugify(config.defaultCategory) }];
  const seen = new Set<string>();
  return all.filter((c) => c.slug && !seen.has(c.slug) && seen.add(c.slug));
}

/**
 * The Decap CMS configuration as an object. One collection per category, each writing to
 * `content/<category-slug>/<year>/<slug>.md` with the category fixed: editors pick the category by
 * choosing where to write, the article lands in the folder bantin's convention and `bantin new` use,
 * and no slug rules of Decap's decide a folder name (bantin's slugify does).
 */
export function decapConfig(config: SiteConfig, admin: AdminConfig, categories: CategoryChoice[]): Record<string, unknown> {
  const lang = config.locale === 'vi' ? 'vi' : 'en';
  const w = WORDS[lang];
  const defaultAuthor = config.defaultAuthor;
  const fields = (category: CategoryChoice) => [
    { label: w.title, name: 'title', widget: 'string' },
    { label: w.date, name: 'date', widget: 'datetime', format: DATE_FORMAT, date_format: 'DD/MM/YYYY', time_format: 'HH:mm', hint: w.dateHint.replace('{tz}', config.timezone) },
    { label: w.author, name: 'author', widget: 'string', required: false, ...(defaultAuthor ? { default: defaultAuthor } : {}) },
    { label: w.views, name: 'views', widget: 'number', value_type: 'int', min: 0, default: 0, required: false },
    { label: w.category, name: 'category', widget: 'hidden', default: category.name },
    { label: w.tags, name: 'tags', widget: 'list', required: false, default: [], hint: w.tagsHint },
    { label: w.summary, name: 'summary', widget: 'text', required: false, hint: w.summaryHint },
    { label: w.image, name: 'image', widget: 'image', required: false },
    { label: w.draft, name: 'draft', widget: 'boolean', default: false, required: false },
    { label: w.body, name: 'body', widget: 'markdown' },
  ];
  return {
    backend: backendOf(admin, lang),
    locale: lang,
    site_url: config.baseUrl,
    display_url: config.baseUrl,
    ...(config.logo ? { logo_url: config.basePath + config.logo } : {}),
    media_folder: MEDIA_FOLDER,
    public_folder: PUBLIC_FOLDER,
    // Decap's slug of a title is only the file name: bantin makes the URL from it with its own slugify.
    slug: { encoding: 'ascii', clean_accents: true, sanitize_replacement: '-' },
    collections: categories.map((c) => ({
      name: c.slug,
      label: c.name,
      label_singular: w.article,
      folder: `content/${c.slug}`,
      path: '{{year}}/{{slug}}',
      extension: 'md',
      format: 'yaml-frontmatter',
      create: true,
      slug: '{{slug}}',
      summary: '{{title}}',
      sortable_fields: ['date', 'title', 'author'],
      preview_path: `${c.slug}/{{filename}}/`,
      fields: fields(c),
    })),
  };
}

function backendOf(admin: AdminConfig, lang: 'vi' | 'en'): Record<string, unknown> {
  // `{{collection}}` is the collection's singular label ("bài viết"); the path names the category.
  const verb = lang === 'vi'
    ? { create: 'Thêm', update: 'Sửa', delete: 'Xóa', upload: 'Tải lên tệp', remove: 'Xóa tệp' }
    : { create: 'Add', update: 'Edit', delete: 'Delete', upload: 'Upload file', remove: 'Delete file' };
  return {
    name: admin.backend,
    repo: admin.repo,
    branch: admin.branch,
    ...(admin.apiRoot ? { api_root: admin.apiRoot } : {}),
    ...(admin.authUrl ? { base_url: admin.authUrl } : {}),
    ...(admin.appId ? { app_id: admin.appId } : {}),
    // GitLab signs in with PKCE when given an application; Gitea always uses its application.
    ...(admin.backend === 'gitlab' && admin.appId ? { auth_type: 'pkce' } : {}),
    commit_messages: {
      create: `${verb.create} {{collection}} {{path}}`,
      update: `${verb.update} {{collection}} {{path}}`,
      delete: `${verb.delete} {{collection}} {{path}}`,
      uploadMedia: `${verb.upload} {{path}}`,
      deleteMedia: `${verb.remove} {{path}}`,
    },
  };
}

/** config.yml's text: a header saying where it comes from, then the configuration. */
export function decapConfigYaml(value: Record<string, unknown>): string {
  const header = '# Written by bantin from bantin.yaml (`admin:`, `categories:`); edit bantin.yaml, not this file.\n';
  return header + yaml.dump(value, { lineWidth: -1, noRefs: true, quotingType: '"' });
}
