// /admin/ as the build writes it: Decap's config.yml made from the site (collections, fields,
// timezone, base path), the page with no URL of another site, the files from the npm package, and
// `admin:` mistakes reported at their line in Vietnamese and English.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build/build.js';
import { parseSiteDate } from '../../src/base/dates.js';
import { article, makeSite, PROJECT, readTree, runCli, tempDir } from '../helpers.js';

const ADMIN = `admin:
  backend: github
  repo: ubnd-tanhoa/cong-thong-tin
  branch: main
`;
const site = (config: string, extra: Record<string, string | Buffer> = {}) => makeSite({
  'bantin.yaml': config,
  'content/tin-tuc/2024/hop-dan.md': article({ title: 'Họp dân', date: '2024-05-01 09:00', category: 'Tin tức' }),
  'content/kinh-te/2024/lua.md': article({ title: 'Thu hoạch lúa', date: '2024-06-01 07:30', category: 'Kinh tế' }),
  ...extra,
}, 'admin-build');

type Decap = {
  backend: Record<string, unknown>; locale: string; media_folder: string; public_folder: string; logo_url?: string; local_backend?: unknown;
  collections: { name: string; label: string; folder: string; path: string; format: string; preview_path: string; fields: { name: string; widget: string; default?: unknown; format?: string; hint?: string }[] }[];
};

describe('/admin/ in the built site', () => {
  const root = site(`title: Xã Tân Hòa\nbaseUrl: https://hagiangnam.gov.vn/xa-tan-hoa/\ntimezone: Asia/Bangkok\nlocale: vi\nlogo: files/logo.png\ndefaultAuthor: Văn phòng UBND xã\ncategories: [Tin tức, Thông báo]\n${ADMIN}`, { 'content/files/logo.png': 'png' });
  const dist = build({ root, out: join(tempDir('admin-build'), 'dist') }).out;
  const decap = yaml.load(readFileSync(join(dist, 'admin/config.yml'), 'utf8')) as Decap;

  it('has one collection per category, in menu order, writing content/<category>/<year>/<slug>.md', () => {
    expect(decap.collections.map((c) => [c.name, c.label, c.folder, c.path])).toEqual([
      ['tin-tuc', 'Tin tức', 'content/tin-tuc', '{{year}}/{{slug}}'],
      ['thong-bao', 'Thông báo', 'content/thong-bao', '{{year}}/{{slug}}'],
      // Used by an article though not listed in `categories:`.
      ['kinh-te', 'Kinh tế', 'content/kinh-te', '{{year}}/{{slug}}'],
    ]);
    expect(decap.collections.every((c) => c.format === 'yaml-frontmatter')).toBe(true);
    expect(decap.collections[1].preview_path).toBe('thong-bao/{{filename}}/');
  });

  it('has bantin\'s front-matter fields in order, the category fixed, the date as bantin reads it in the site\'s timezone', () => {
    const fields = decap.collections[1].fields;
    expect(fields.map((f) => `${f.name}:${f.widget}`)).toEqual([
      'title:string', 'date:datetime', 'author:string', 'views:number', 'category:hidden', 'tags:list', 'summary:text', 'image:image', 'draft:boolean', 'body:markdown',
    ]);
    expect(fields.find((f) => f.name === 'category')!.default).toBe('Thông báo');
    expect(fields.find((f) => f.name === 'draft')!.default).toBe(false);
    expect(fields.find((f) => f.name === 'author')!.default).toBe('Văn phòng UBND xã');
    const date = fields.find((f) => f.name === 'date')!;
    expect(date.format).toBe('YYYY-MM-DD HH:mm');
    expect(date.hint).toContain('Asia/Bangkok');
    // What that format writes is wall-clock time in the site's timezone for bantin's loader.
    const written = '2026-12-04 23:41';
    const read = parseSiteDate(written, 'Asia/Bangkok');
    expect(read.ok && read.date.iso).toBe('2026-12-04T23:41:00+07:00');
  });

  it('saves pictures to content/files, written as /files/ (bantin adds the base path), in Vietnamese, and signs in to the configured host', () => {
    expect(decap.media_folder).toBe('content/files');
    expect(decap.public_folder).toBe('/files');
    expect(decap.locale).toBe('vi');
    expect(decap.logo_url).toBe('/xa-tan-hoa/files/logo.png');
    expect(decap.backend).toMatchObject({ name: 'github', repo: 'ubnd-tanhoa/cong-thong-tin', branch: 'main' });
    // Commits say what happened in the editors' language; the path names the category.
    expect(decap.backend.commit_messages).toMatchObject({ create: 'Thêm {{collection}} {{path}}', uploadMedia: 'Tải lên tệp {{path}}' });
    // Only `bantin serve` points Decap at the local folder.
    expect(decap.local_backend).toBeUndefined();
  });

  it('loads Decap from the site itself under the base path, with no URL of another site, and the theme stylesheet in the preview', () => {
    const index = readFileSync(join(dist, 'admin/index.html'), 'utf8');
    expect(index).not.toMatch(/(https?:)?\/\/[a-z0-9]/i);
    expect([...index.matchAll(/<script src="([^"]+)"/g)].map((m) => m[1])).toEqual(['/xa-tan-hoa/admin/decap-cms.js', '/xa-tan-hoa/admin/setup.js']);
    expect(index).toContain('<link href="/xa-tan-hoa/admin/config.yml" type="text/yaml" rel="cms-config-url">');
    expect(index).toContain('<meta name="robots" content="noindex, nofollow">');
    expect(index).toContain('<link rel="icon" href="/xa-tan-hoa/assets/favicon.svg">');
    expect(existsSync(join(dist, 'assets/favicon.svg'))).toBe(true);
    const setup = readFileSync(join(dist, 'admin/setup.js'), 'utf8');
    const style = /registerPreviewStyle\(style\)/.test(setup) && /var style = "\/xa-tan-hoa\/(assets\/style\.[\w-]+\.css)"/.exec(setup)?.[1];
    expect(style && existsSync(join(dist, style))).toBe(true);
    expect(setup).not.toMatch(/https?:\/\//);
  });

  it('copies Decap\'s browser files from the npm package (the script, its chunks, its WebAssembly)', () => {
    const pkg = createRequire(import.meta.url).resolve('decap-cms/package.json');
    const files = [...readTree(join(dist, 'admin')).keys()];
    expect(readFileSync(join(dist, 'admin/decap-cms.js')).equals(readFileSync(join(dirname(pkg), 'dist/decap-cms.js')))).toBe(true);
    expect(files.filter((f) => /^\d+\.decap-cms\.js$/.test(f)).length).toBeGreaterThan(50);
    expect(files.filter((f) => f.endsWith('.wasm')).length).toBeGreaterThan(0);
    expect(files.filter((f) => f.endsWith('.map') || f.startsWith('cms'))).toEqual([]);
  });

  it('keeps /admin/ out of the sitemap and the search index', () => {
    expect(readFileSync(join(dist, 'sitemap.xml'), 'utf8')).not.toContain('admin');
    const search = [...readTree(join(dist, 'search')).values()].map((b) => b.toString('utf8')).join('');
    expect(search).not.toContain('admin/');
  });

  it('builds what Decap writes for a picture (/files/…) without a warning, under the base path', () => {
    const pictured = site(`title: Xã Tân Hòa\nbaseUrl: https://hagiangnam.gov.vn/xa-tan-hoa/\n${ADMIN}`, {
      'content/files/de-dieu.png': readFileSync(join(PROJECT, 'content/files/logo.png')),
      'content/thong-bao/2026/kiem-tra-de.md': '---\ntitle: Kiểm tra đê\ndate: 2026-12-04 23:41\nviews: 0\ncategory: Thông báo\ntags: []\nimage: /files/de-dieu.png\ndraft: false\n---\n![Tuyến đê sông Lam](/files/de-dieu.png)\n',
    });
    const out = join(tempDir('admin-build'), 'dist');
    const result = build({ root: pictured, out, now: Date.UTC(2027, 0, 1) });
    // The one warning left is the site's own: a base path's robots.txt is not read by crawlers.
    expect(result.warnings.map((w) => w.file ?? w.message.slice(0, 40))).toEqual(['the site is published under /xa-tan-hoa/']);
    expect(readFileSync(join(out, 'thong-bao/kiem-tra-de/index.html'), 'utf8')).toContain('<img src="/xa-tan-hoa/files/de-dieu.png" alt="Tuyến đê sông Lam"');
  });

  it('writes no /admin/ for a site without `admin:`', () => {
    const plain = build({ root: site('title: Xã Tân Hòa\n'), out: join(tempDir('admin-build'), 'dist') }).out;
    expect(existsSync(join(plain, 'admin'))).toBe(false);
  });

  it('follows bantin.yaml in a cached rebuild: a new branch reaches config.yml, and every file of /admin/ stays', () => {
    const again = site(`title: Xã Tân Hòa\n${ADMIN}`);
    const out = join(tempDir('admin-build'), 'dist');
    build({ root: again, out, cache: true });
    const first = [...readTree(join(out, 'admin')).keys()];
    writeFileSync(join(again, 'bantin.yaml'), `title: Xã Tân Hòa\n${ADMIN.replace('branch: main', 'branch: xuat-ban')}`);
    build({ root: again, out, cache: true });
    expect(readFileSync(join(out, 'admin/config.yml'), 'utf8')).toContain('branch: xuat-ban');
    expect([...readTree(join(out, 'admin')).keys()]).toEqual(first);
  });
});

describe('`admin:` mistakes', () => {
  const errorsOf = (config: string, lang: 'vi' | 'en') => {
    const r = runCli(['build', '--root', site(config), '--out', join(tempDir('admin-build'), 'dist'), '--json', '--lang', lang]);
    return JSON.parse(r.stdout) as { ok: boolean; errors: { code: string; line: number; message: string; hint?: string }[]; warnings: { code: string; line: number }[] };
  };

  it('names a wrong backend and repo at their lines, in Vietnamese and English', () => {
    const config = 'title: Xã Tân Hòa\nadmin:\n  backend: bitbucket\n  repo: "ubnd tan hoa"\n';
    const vi = errorsOf(config, 'vi');
    expect(vi.ok).toBe(false);
    expect(vi.errors.map((e) => [e.code, e.line])).toEqual([['config-admin-backend', 3], ['config-admin-repo', 4]]);
    expect(vi.errors[0].message).toBe('`admin.backend` phải là `github`, `gitlab` hoặc `gitea`, không phải `bitbucket`');
    expect(vi.errors[1].hint).toContain('repo: ubnd-songlam/cong-thong-tin');
    expect(errorsOf(config, 'en').errors[0].message).toBe('`admin.backend` must be `github`, `gitlab` or `gitea`, not `bitbucket`');
  });

  it('asks for the repo, for Gitea\'s server and application, and for https addresses', () => {
    expect(errorsOf('admin:\n  backend: github\n', 'en').errors.map((e) => [e.code, e.line])).toEqual([['config-admin-repo-missing', 1]]);
    expect(errorsOf('admin:\n  backend: gitea\n  repo: ubnd/cong\n', 'vi').errors.map((e) => e.code)).toEqual(['config-admin-gitea-needs']);
    expect(errorsOf('admin:\n  repo: ubnd/cong\n  authUrl: "javascript:alert(1)"\n', 'en').errors.map((e) => [e.code, e.line])).toEqual([['config-admin-url', 3]]);
    expect(errorsOf('admin: github\n', 'vi').errors.map((e) => e.code)).toEqual(['config-admin-not-map']);
    const warned = errorsOf('admin:\n  repo: ubnd/cong\n  brach: main\n', 'en');
    expect(warned.ok).toBe(true);
    expect(warned.warnings.map((w) => [w.code, w.line])).toEqual([['config-admin-unknown-key', 3]]);
  });

  it('reports a category that would take /admin/ from the web editor', () => {
    const r = runCli(['build', '--root', site(`title: Xã Tân Hòa\ncategories: [Admin]\n${ADMIN}`), '--out', join(tempDir('admin-build'), 'dist'), '--lang', 'en']);
    expect(r.status).toBe(1);
    expect(r.stderr + r.stdout).toMatch(/two sources want the same URL \/admin\/: .*admin: \(bantin\.yaml\)/);
  });
});
