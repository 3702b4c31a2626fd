// The web editor in a real browser: /admin/ on `bantin serve` saves an article through Decap's local
// backend into content/, the served site shows it, and `bantin build` takes it without a warning;
// a picture uploaded in its media library lands in content/files/ and is served at /files/; the
// built /admin/ starts with nothing fetched from outside the site.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build/build.js';
import { toSiteDate } from '../../src/base/dates.js';
import { article, makeSite, runCli, tempDir } from '../helpers.js';
import { startServe, type ServeProcess } from '../serve-helpers.js';
import { CHROMIUM, CHROMIUM_INSTALL, HAVE_CHROMIUM } from './harness.js';
import { serveStatic } from './static-server.js';
import { skipWithout } from '../tools.js';

const CONFIG = `title: Cổng thông tin điện tử xã Tân Hòa
baseUrl: https://tanhoa.hagiangnam.gov.vn/
timezone: Asia/Ho_Chi_Minh
locale: vi
categories: [Tin tức, Thông báo]
admin:
  backend: github
  repo: ubnd-tanhoa/cong-thong-tin
  branch: main
`;
/** A 1×1 PNG: what an editor uploads is kept byte for byte. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const TITLE = 'Đoàn công tác tỉnh kiểm tra đê điều: xã Tân Hòa sẵn sàng mùa lũ';
const BODY = 'Sáng nay, đoàn công tác của tỉnh đã kiểm tra tuyến đê sông Lam qua địa bàn xã.';

/** The Markdown files under a folder, relative to it. */
function markdownFiles(dir: string): string[] {
  try {
    return (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.md')).map((f) => f.split('\\').join('/')).sort();
  } catch {
    return [];
  }
}

async function until<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((ok) => setTimeout(ok, 200));
  }
}

describe.skipIf(skipWithout('chromium', HAVE_CHROMIUM, CHROMIUM_INSTALL, import.meta.url))('the web editor (/admin/, Decap CMS) in a real browser', () => {
  let root: string;
  let server: ServeProcess;
  let browser: Browser;
  let context: BrowserContext;
  /** Requests to anywhere but the test's own servers: the page must make none. */
  const outside: string[] = [];

  beforeAll(async () => {
    root = makeSite({
      'bantin.yaml': CONFIG,
      'content/tin-tuc/2024/hop-dan.md': article({ title: 'Họp dân thôn Bản Lầu', date: '2024-05-01 09:00', author: 'Lê Văn Nam', category: 'Tin tức' }, 'Đoạn một.'),
    }, 'admin');
    server = await startServe(root);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    // An editor's computer in Vietnam: Decap's "now" is the site's wall clock.
    context = await browser.newContext({ timezoneId: 'Asia/Ho_Chi_Minh', viewport: { width: 1280, height: 900 } });
    await context.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.hostname === '127.0.0.1' || url.protocol === 'data:' || url.protocol === 'blob:') return route.continue();
      outside.push(url.href);
      return route.abort();
    });
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('creates an article with a Vietnamese title and body, saves it into content/, and the served site shows it', async () => {
    expect(server.output()).toMatch(/web editor at http:\/\/127\.0\.0\.1:\d+\/admin\//);
    const page = await context.newPage();
    await page.goto(new URL('/admin/', server.url).href);
    // Decap's own interface in Vietnamese (locale: vi); the local backend needs no account.
    await page.locator('button', { hasText: 'Đăng nhập' }).click();
    await page.locator('a', { hasText: 'Thông báo' }).first().click();
    await page.locator('a', { hasText: 'bài viết' }).first().click();
    await page.locator('input[type=text]').first().fill(TITLE);
    await page.locator('button', { hasText: 'Ngay lúc này' }).click();
    const clicked = Date.now();
    await page.getByLabel(/^Tác giả/).fill('Nguyễn Thị Hoa');
    await page.locator('[contenteditable="true"]').first().click();
    await page.keyboard.type(BODY);
    // The preview is the theme's article markup in the theme's stylesheet.
    const preview = page.frameLocator('iframe').first();
    await expect.poll(() => preview.locator('article.article h1').textContent()).toBe(TITLE);

    const before = markdownFiles(join(root, 'content'));
    await page.getByRole('button', { name: 'Công bố', exact: true }).click();
    await page.getByText('Công bố ngay', { exact: true }).click();

    const folder = join(root, 'content', 'thong-bao');
    const [file] = await until('the saved article', () => {
      const made = markdownFiles(folder).filter((f) => !before.includes(`thong-bao/${f}`));
      return made.length ? made : undefined;
    });
    const year = toSiteDate(clicked, 'Asia/Ho_Chi_Minh').year;
    expect(file).toMatch(new RegExp(`^${year}/[a-z0-9-]+\\.md$`));
    const text = readFileSync(join(folder, file), 'utf8');
    const date = /^date: (\d{4}-\d{2}-\d{2} \d{2}:\d{2})$/m.exec(text)?.[1];
    expect(date, text).toBeDefined();
    // Wall-clock time in the site's timezone, as bantin reads a date without an offset.
    const near = [clicked - 60_000, clicked, clicked + 60_000].map((t) => {
      const d = toSiteDate(t, 'Asia/Ho_Chi_Minh');
      return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')} ${String(d.hour).padStart(2, '0')}:${String(d.minute).padStart(2, '0')}`;
    });
    expect(near).toContain(date);
    // bantin's front matter, in its order, and the body as typed.
    const keys = [...text.split('\n---\n')[0].matchAll(/^([a-z]+):/gm)].map((m) => m[1]);
    expect(keys).toEqual(['title', 'date', 'author', 'views', 'category', 'tags', 'draft']);
    expect(text).toContain('author: Nguyễn Thị Hoa\n');
    expect(text).toContain('category: Thông báo\n');
    expect(text).toContain('draft: false\n');
    expect(text.trimEnd().endsWith(BODY)).toBe(true);
    // The colon in the title is quoted, so YAML reads one title, not a new key.
    expect(text).toMatch(/^title: ["']Đoàn công tác tỉnh kiểm tra đê điều: xã Tân Hòa sẵn sàng mùa lũ["']$/m);

    // The dev server rebuilt: the article has its page under its category, and the category lists it.
    const slug = file.replace(/^\d{4}\//, '').replace(/\.md$/, '');
    const html = await until('the article page', async () => {
      const res = await fetch(new URL(`/thong-bao/${slug}/`, server.url));
      return res.ok ? res.text() : undefined;
    });
    expect(html).toContain(`<h1>${TITLE}</h1>`);
    expect(html).toContain(BODY);
    expect(await (await fetch(new URL('/thong-bao/', server.url))).text()).toContain(TITLE);
    expect(outside).toEqual([]);

    // The editor's page was never reloaded by the dev server's live reload.
    expect(await page.locator('a', { hasText: 'Thông báo' }).count()).toBeGreaterThan(0);

    // And a build of the folder takes it with no warning at all.
    const r = runCli(['build', '--root', root, '--out', join(tempDir('admin-out'), 'dist'), '--json']);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.warnings).toEqual([]);
    await page.close();
  }, 180_000);

  it('uploads a picture through the media library ("Tập tin") into content/files/, and the served site has it at /files/', async () => {
    const page = await context.newPage();
    await page.goto(new URL('/admin/', server.url).href);
    // Signed in already when the test above ran in this browser (Decap keeps the user in localStorage).
    const login = page.locator('button', { hasText: 'Đăng nhập' });
    const media = page.getByRole('button', { name: 'Tập tin' });
    await expect.poll(async () => (await login.count()) + (await media.count()), { timeout: 30_000 }).toBeGreaterThan(0);
    if (await login.count()) await login.click();
    await media.click();
    await expect.poll(() => page.getByText('Tải lên', { exact: true }).count()).toBeGreaterThan(0);
    const picture = join(tempDir('admin-media'), 'so-do-tuyen-de-song-lam.png');
    writeFileSync(picture, PNG);
    await page.locator('input[type=file]').setInputFiles(picture);

    const folder = join(root, 'content', 'files');
    const [name] = await until('the uploaded picture in content/files/', () => {
      const same = existsSync(folder) ? readdirSync(folder).filter((n) => readFileSync(join(folder, n)).equals(PNG)) : [];
      return same.length ? same : undefined;
    });
    expect(name).toMatch(/^so-do-tuyen-de-song-lam.*\.png$/);
    // The dev server publishes it where the article Markdown Decap writes links it (public_folder /files).
    const served = await until('the picture served at /files/', async () => {
      const res = await fetch(new URL(`/files/${name}`, server.url));
      return res.ok ? Buffer.from(await res.arrayBuffer()) : undefined;
    });
    expect(served.equals(PNG)).toBe(true);
    // And the media library shows it.
    await expect.poll(() => page.getByText(name).count()).toBeGreaterThan(0);
    expect(outside).toEqual([]);
    await page.close();
  }, 120_000);

  it('starts the built /admin/ with nothing fetched from another site (no CDN), in Vietnamese', async () => {
    const dist = build({ root, out: join(tempDir('admin-built'), 'dist') }).out;
    const site = await serveStatic(dist);
    try {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${site.origin}/admin/`);
      // Without `local_backend` the built editor asks to sign in with the Git host.
      await expect.poll(() => page.locator('button', { hasText: 'GitHub' }).count(), { timeout: 30_000 }).toBe(1);
      expect(await page.locator('button', { hasText: 'GitHub' }).textContent()).toMatch(/Đăng nhập/);
      expect(errors).toEqual([]);
      expect(outside).toEqual([]);
      await page.close();
    } finally {
      await site.close();
    }
  }, 90_000);
});
