// The files of /admin/: the page that starts Decap CMS, its config.yml, the script that gives the
// preview the theme's look, and Decap's own files; with one fingerprint for the lot.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hash } from '../../base/hash.js';
import type { AdminConfig, OutputFile, SiteConfig } from '../../base/types.js';
import { decapConfig, decapConfigYaml, type CategoryChoice } from './decap-config.js';
import type { DecapFiles } from './decap-files.js';

export const ADMIN_DIR = 'admin/';
export const ADMIN_CONFIG_PATH = `${ADMIN_DIR}config.yml`;

export interface AdminOutput {
  /** Every output path, for the build's claims on URLs. */
  paths: string[];
  fingerprint: string;
  produce(): OutputFile[];
}

/** What a `<script>` may hold of a value: JSON with `<` escaped, so no `</script>` can end it early. */
const scriptValue = (v: unknown) => JSON.stringify(v).replace(/</g, '\\u003c');
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * /admin/ for a site with `admin:`. `theme.stylesheet`: the theme's stylesheet as the site serves it
 * (with its content hash), so the preview looks like the published article; `theme.icon`: the
 * site's icon, for the browser tab (and no request for a missing /favicon.ico).
 */
export function adminOutput(config: SiteConfig, admin: AdminConfig, categories: CategoryChoice[], theme: { stylesheet: string | null; icon: string | null }, decap: DecapFiles): AdminOutput {
  const { stylesheet, icon } = theme;
  const base = config.basePath;
  const configYml = decapConfigYaml(decapConfig(config, admin, categories));
  const lang = config.locale === 'vi' ? 'vi' : 'en';
  // Absolute paths, so /admin without its slash loads the same files; Decap fetches its chunks
  // from where decap-cms.js came from (webpack's automatic public path).
  const index = `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>${escapeHtml(`${lang === 'vi' ? 'Soạn bài' : 'Editor'} · ${config.title}`)}</title>
<link href="${escapeHtml(`${base}${ADMIN_CONFIG_PATH}`)}" type="text/yaml" rel="cms-config-url">
${icon ? `<link rel="icon" href="${escapeHtml(base + icon)}">\n` : ''}</head>
<body>
<script src="${escapeHtml(`${base}${ADMIN_DIR}decap-cms.js`)}"></script>
<script src="${escapeHtml(`${base}${ADMIN_DIR}setup.js`)}"></script>
</body>
</html>
`;
  const setup = setupScript(stylesheet === null ? null : base + stylesheet, categories.map((c) => c.slug), lang);
  const fingerprint = hash(decap.version, decap.names.join(), index, configYml, setup);
  return {
    paths: [`${ADMIN_DIR}index.html`, ADMIN_CONFIG_PATH, `${ADMIN_DIR}setup.js`, ...decap.names.map((n) => ADMIN_DIR + n)],
    fingerprint,
    produce: () => [
      { path: `${ADMIN_DIR}index.html`, content: index },
      { path: ADMIN_CONFIG_PATH, content: configYml },
      { path: `${ADMIN_DIR}setup.js`, content: setup },
      ...decap.names.map((n) => ({ path: ADMIN_DIR + n, content: readFileSync(join(decap.dir, n)) })),
    ],
  };
}

/**
 * The preview in the theme's stylesheet and markup (`article.article`, `.article-date`, `h1`,
 * `.article-body`), built with the `h` and `createClass` that decap-cms.js puts on window.
 */
function setupScript(stylesheet: string | null, collections: string[], lang: 'vi' | 'en'): string {
  return `// Written by bantin: the web editor's preview in the site's own look.
(function () {
  var CMS = window.CMS, h = window.h, createClass = window.createClass;
  if (!CMS) return;
  var style = ${scriptValue(stylesheet)};
  if (style) CMS.registerPreviewStyle(style);
  // The date as the editor typed it (YYYY-MM-DD HH:mm), shown the way the portal prints it.
  var portalDate = function (v) {
    var m = /^(\\d{4})-(\\d{2})-(\\d{2})(?:[ T](\\d{2}):(\\d{2}))?/.exec(String(v || ''));
    if (!m) return v ? String(v) : '';
    return m[3] + '/' + m[2] + '/' + m[1] + (m[4] ? ' ' + m[4] + ':' + m[5] : '');
  };
  var Article = createClass({
    render: function () {
      var data = this.props.entry.get('data');
      var get = function (k) { return data.get(k); };
      var author = get('author');
      return h('main', { className: 'main' },
        h('article', { className: 'article' },
          h('p', { className: 'article-date' }, portalDate(get('date'))),
          h('h1', {}, get('title') || ''),
          get('summary') ? h('p', { className: 'lead' }, get('summary')) : null,
          h('div', { className: 'article-body' }, this.props.widgetFor('body')),
          author ? h('p', { className: 'byline' }, author) : null,
          get('draft') ? h('p', { className: 'views' }, ${scriptValue(lang === 'vi' ? 'Bản nháp: chưa đăng lên trang' : 'Draft: not published')}) : null));
    },
  });
  ${scriptValue(collections)}.forEach(function (name) { CMS.registerPreviewTemplate(name, Article); });
})();
`;
}
