import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../src/build/build.js';
import { createDevSession } from '../src/serve/dev-session.js';
import { article, makeSite, readSite, readTree, runCli, writeFiles } from './helpers.js';
import { listenEvents, rawGet, startServe, stripLiveReload, type ServeProcess } from './serve-helpers.js';

const NOW = Date.UTC(2025, 0, 1);

function site() {
  const files: Record<string, string> = {
    'bantin.yaml': 'title: Xã Thử\npageSize: 3\nrelatedCount: 2\ncategories: [Tin tức, Thông báo]\n',
    'content/files/a.pdf': '%PDF-1.4 test',
  };
  for (let i = 1; i <= 7; i++) {
    files[`content/tin-tuc/bai-${i}.md`] = article({ title: `Bài ${i}`, date: `2024-05-0${i} 09:00`, category: i % 2 ? 'Tin tức' : 'Thông báo' }, `Đoạn mở đầu của bài ${i}.\n\n[tệp](../files/a.pdf)`);
  }
  return makeSite(files, 'serve');
}

describe('bantin serve over HTTP', () => {
  let root: string;
  let server: ServeProcess;
  let live: ReturnType<typeof listenEvents>;
  const get = async (path: string) => {
    const res = await fetch(new URL(path, server.url));
    return { status: res.status, type: res.headers.get('content-type'), body: await res.text() };
  };
  /** Makes a change of `file` and waits for the live-reload event of the rebuild it starts. */
  const change = async (edit: () => void, file: string) => {
    const since = Date.now();
    edit();
    return live.answering(file, since).catch((err) => {
      throw new Error(`${err.message}; server said:\n${server.output()}`);
    });
  };

  beforeAll(async () => {
    root = site();
    server = await startServe(root);
    live = listenEvents(server.url);
    await live.ready;
  });
  afterAll(async () => {
    live?.close();
    await server?.stop();
  });

  it('serves pages, files and the 404 page with the right types', async () => {
    const home = await get('/');
    expect(home.status).toBe(200);
    expect(home.type).toBe('text/html; charset=utf-8');
    expect(home.body).toContain('Bài 7');
    expect(home.body).toContain('new EventSource("/__bantin/events")');
    expect((await get('/files/a.pdf')).type).toBe('application/pdf');
    const css = /href="(\/assets\/style\.\w+\.css)"/.exec(home.body)![1];
    expect((await get(css)).type).toBe('text/css; charset=utf-8');
    const miss = await get('/khong-co/');
    expect(miss.status).toBe(404);
    expect(miss.body).toContain('Không tìm thấy trang');
    const noSlash = await fetch(new URL('/tin-tuc', server.url), { redirect: 'manual' });
    expect(noSlash.status).toBe(301);
    expect(noSlash.headers.get('location')).toBe('/tin-tuc/');
  });

  it('re-renders an article whose body was edited, and sends a reload event', async () => {
    const event = await change(() => writeFileSync(join(root, 'content/tin-tuc/bai-3.md'), article({ title: 'Bài 3', date: '2024-05-03 09:00', category: 'Tin tức' }, 'Nội dung mới hoàn toàn.')), 'content/tin-tuc/bai-3.md');
    expect(event.event).toBe('reload');
    expect(JSON.parse(event.data)).toContain('tin-tuc/bai-3/index.html');
    expect((await get('/tin-tuc/bai-3/')).body).toContain('Nội dung mới hoàn toàn.');
    expect(server.output()).toMatch(/rebuilt in \d+ ms \(article only, \d+ rendered/);
  });

  it('follows a title change to listings and neighbours', async () => {
    await change(() => writeFileSync(join(root, 'content/tin-tuc/bai-5.md'), article({ title: 'Tiêu đề đã sửa', date: '2024-05-05 09:00', category: 'Tin tức' })), 'content/tin-tuc/bai-5.md');
    expect((await get('/')).body).toContain('Tiêu đề đã sửa');
    expect((await get('/tin-tuc/bai-7/')).body).toContain('Tiêu đề đã sửa');
    expect((await get('/tin-tuc/bai-3/')).body).toContain('Tiêu đề đã sửa');
  });

  it('adds, deletes and renames articles', async () => {
    await change(() => writeFiles(root, { 'content/tin-tuc/bai-moi.md': article({ title: 'Bài mới thêm', date: '2024-06-01 10:00' }) }), 'content/tin-tuc/bai-moi.md');
    expect((await get('/tin-tuc/bai-moi/')).status).toBe(200);
    expect((await get('/')).body).toContain('Bài mới thêm');
    await change(() => renameSync(join(root, 'content/tin-tuc/bai-moi.md'), join(root, 'content/tin-tuc/bai-doi-ten.md')), 'content/tin-tuc/bai-doi-ten.md');
    expect((await get('/tin-tuc/bai-moi/')).status).toBe(404);
    expect((await get('/tin-tuc/bai-doi-ten/')).status).toBe(200);
    await change(() => rmSync(join(root, 'content/tin-tuc/bai-doi-ten.md')), 'content/tin-tuc/bai-doi-ten.md');
    expect((await get('/tin-tuc/bai-doi-ten/')).status).toBe(404);
    expect((await get('/')).body).not.toContain('Bài mới thêm');
  });

  it('rebuilds on template and config edits; CSS alone sends a css event', async () => {
    await change(() => writeFiles(root, { 'templates/partials/footer.njk': '<footer class="site-footer">Chân trang riêng</footer>\n' }), 'templates/partials/footer.njk');
    expect((await get('/tin-tuc/bai-1/')).body).toContain('Chân trang riêng');
    await change(() => writeFileSync(join(root, 'bantin.yaml'), 'title: Xã Đổi Tên\npageSize: 3\nrelatedCount: 2\ncategories: [Tin tức, Thông báo]\n'), 'bantin.yaml');
    expect((await get('/thong-bao/')).body).toContain('Xã Đổi Tên');
    const css = await change(() => writeFiles(root, { 'templates/assets/style.css': 'body { color: red; }\n' }), 'templates/assets/style.css');
    expect(css.event).toBe('css');
    const href = /href="(\/assets\/style\.[^"]+\.css)"/.exec((await get('/')).body)![1];
    expect((await get(href)).body).toBe('body { color: red; }\n');
  });

  it('keeps serving the last good page and shows an overlay while a file is broken', async () => {
    const path = join(root, 'content/tin-tuc/bai-1.md');
    const good = readFileSync(path, 'utf8');
    const event = await change(() => writeFileSync(path, '---\ntitle: [hỏng\ndate: 2024-05-01\n---\n'), 'content/tin-tuc/bai-1.md');
    expect(event.event).toBe('problems');
    const page = await get('/tin-tuc/bai-1/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('Bài 1');
    expect(page.body).toContain('id="bantin-overlay"');
    expect(page.body).toMatch(/content\/tin-tuc\/bai-1\.md:\d+(:\d+)?: error: YAML syntax error/);
    expect(server.child.exitCode).toBeNull();
    // chokidar re-attaches a file's watcher after its first change; an editor's next save comes later than this.
    await new Promise((r) => setTimeout(r, 300));
    await change(() => writeFileSync(path, good), 'content/tin-tuc/bai-1.md');
    expect((await get('/tin-tuc/bai-1/')).body).not.toContain('id="bantin-overlay"');
  });

  it('refuses path traversal', async () => {
    for (const path of ['/../../etc/passwd', '/..%2f..%2fetc%2fpasswd', '/%2e%2e/%2e%2e/etc/passwd', '/files/..%5c..%5cbantin.yaml', '/%00']) {
      const res = await rawGet(server.port, path);
      expect([403, 404], path).toContain(res.status);
      expect(res.body).not.toContain('root:');
      expect(res.body).not.toContain('pageSize');
    }
  });
});

describe('incremental rebuilds', () => {
  it('are byte-identical to a clean build after every step of a scripted edit sequence', () => {
    const root = site();
    const session = createDevSession({ root, baseUrl: 'http://127.0.0.1:9/', now: NOW });
    const steps: [string, () => void][] = [
      ['start', () => {}],
      ['edit body', () => writeFiles(root, { 'content/tin-tuc/bai-2.md': article({ title: 'Bài 2', date: '2024-05-02 09:00', category: 'Thông báo' }, 'Thân bài khác.') })],
      ['edit title', () => writeFiles(root, { 'content/tin-tuc/bai-4.md': article({ title: 'Bài 4 sửa', date: '2024-05-04 09:00', category: 'Thông báo' }) })],
      ['move date', () => writeFiles(root, { 'content/tin-tuc/bai-1.md': article({ title: 'Bài 1', date: '2024-07-01 09:00', category: 'Tin tức' }) })],
      ['change category', () => writeFiles(root, { 'content/tin-tuc/bai-6.md': article({ title: 'Bài 6', date: '2024-05-06 09:00', category: 'Tin tức' }) })],
      ['draft', () => writeFiles(root, { 'content/tin-tuc/bai-7.md': article({ title: 'Bài 7', date: '2024-05-07 09:00', draft: true }) })],
      ['add', () => writeFiles(root, { 'content/thong-bao/moi.md': article({ title: 'Mới', date: '2023-01-01 09:00', category: 'Thông báo', tags: ['đất đai'] }, '[bài 2](../tin-tuc/bai-2.md)') })],
      ['rename target of a link', () => renameSync(join(root, 'content/tin-tuc/bai-2.md'), join(root, 'content/tin-tuc/bai-hai.md'))],
      ['delete', () => rmSync(join(root, 'content/tin-tuc/bai-3.md'))],
      ['delete file', () => rmSync(join(root, 'content/files/a.pdf'))],
      ['template', () => writeFiles(root, { 'templates/partials/footer.njk': '<footer>khác</footer>\n' })],
      ['config', () => writeFiles(root, { 'bantin.yaml': 'title: Khác\npageSize: 2\nrelatedScope: site\n' })],
      ['data', () => writeFiles(root, { 'data/stats.yaml': 'visits: 42\n' })],
    ];
    for (const [name, step] of steps) {
      step();
      const result = session.rebuild();
      expect(result.ok, name).toBe(true);
      const clean = readSite(build({ root, out: join(root, '..', `${root.split('/').pop()}-clean`), baseUrl: 'http://127.0.0.1:9/', now: NOW }).out);
      expect(new Map([...session.files].map(([p, c]) => [p, Buffer.from(c)])), name).toEqual(clean);
    }
  });

  it('re-renders only the edited article when only its body changed', () => {
    const root = site();
    const session = createDevSession({ root, baseUrl: 'http://127.0.0.1:9/', now: NOW });
    session.rebuild();
    writeFiles(root, { 'content/tin-tuc/bai-2.md': article({ title: 'Bài 2', date: '2024-05-02 09:00', category: 'Thông báo' }, 'Đoạn mở đầu của bài 2.\n\nThêm một đoạn cuối.') });
    const result = session.rebuild();
    const pages = result.changed.filter((p) => p.endsWith('.html'));
    expect(pages).toEqual(['thong-bao/bai-2/index.html']);
  });

  it('renders only the pages showing an article edited in place, and the full rebuild after it agrees', () => {
    const root = site();
    const session = createDevSession({ root, baseUrl: 'http://127.0.0.1:9/', now: NOW });
    session.rebuild();
    const path = join(root, 'content/tin-tuc/bai-5.md');
    const clean = () => readSite(build({ root, out: join(root, '..', `${root.split('/').pop()}-clean`), baseUrl: 'http://127.0.0.1:9/', now: NOW }).out);
    const page = (p: string) => Buffer.from(session.files.get(p)!).toString();
    const steps: { name: string; fields: Record<string, unknown>; body: string; shows: [string, string][]; only?: string[] }[] = [
      {
        name: 'body', fields: {}, body: 'Đoạn mở đầu của bài 5.\n\n[tệp](../files/a.pdf)\n\n## Mục mới\n\nMột đoạn **thêm** với [bài 1](bai-1.md).',
        shows: [['tin-tuc/bai-5/index.html', 'Mục mới</h2>']], only: ['tin-tuc/bai-5/index.html'],
      },
      { name: 'table', fields: {}, body: 'Đoạn mở đầu của bài 5.\n\n| Cột | Giá trị |\n| --- | --- |\n| tìm kiếm | đất đai |', shows: [['tin-tuc/bai-5/index.html', '<td>đất đai</td>']], only: ['tin-tuc/bai-5/index.html'] },
      // The first paragraph is the summary that listings show.
      { name: 'first paragraph', fields: {}, body: 'Một đoạn mở đầu khác.', shows: [['tin-tuc/index.html', 'Một đoạn mở đầu khác.']] },
      { name: 'title', fields: { title: 'Bài năm' }, body: 'Một đoạn mở đầu khác.', shows: [['index.html', 'Bài năm'], ['tin-tuc/bai-3/index.html', 'Bài năm'], ['tin-tuc/bai-5/index.html', '<title>Bài năm']] },
      { name: 'views and author', fields: { title: 'Bài năm', views: 716, author: 'Lê Văn Tám' }, body: 'Một đoạn mở đầu khác.', shows: [['tin-tuc/bai-5/index.html', '716'], ['tin-tuc/bai-5/index.html', 'Lê Văn Tám']] },
    ];
    for (const step of steps) {
      writeFiles(root, { 'content/tin-tuc/bai-5.md': article({ title: 'Bài 5', date: '2024-05-05 09:00', category: 'Tin tức', ...step.fields }, step.body) });
      const quick = session.rebuild({ defer: true, paths: [path] });
      expect(quick.ok, step.name).toBe(true);
      expect(quick.planned, step.name).toBe(false);
      if (step.only) expect(quick.changed, step.name).toEqual(step.only);
      for (const [file, text] of step.shows) {
        expect(quick.changed, step.name).toContain(file);
        expect(page(file), step.name).toContain(text);
      }
      // The full rebuild after the reload changes no page: the shortcut rendered all it had to.
      const later = session.finishDeferred();
      expect(later.filter((p) => p.endsWith('.html')), step.name).toEqual([]);
      expect(new Map([...session.files].map(([p, c]) => [p, Buffer.from(c)])), step.name).toEqual(clean());
    }
  });

  it('re-plans at once when an edit moves the article, adds a warning or has an error', () => {
    const root = site();
    const session = createDevSession({ root, baseUrl: 'http://127.0.0.1:9/', now: NOW });
    session.rebuild();
    const path = join(root, 'content/tin-tuc/bai-5.md');
    const edit = (fields: Record<string, unknown>, body = 'Đoạn mở đầu của bài 5.') => {
      writeFiles(root, { 'content/tin-tuc/bai-5.md': article({ title: 'Bài 5', date: '2024-05-05 09:00', category: 'Tin tức', ...fields }, body) });
      return session.rebuild({ defer: true, paths: [path] });
    };
    let result = edit({ date: '2024-05-09 09:00' });
    expect(result.planned).toBe(true);
    expect(Buffer.from(session.files.get('index.html')!).toString().indexOf('Bài 5')).toBeLessThan(Buffer.from(session.files.get('index.html')!).toString().indexOf('Bài 7'));
    result = edit({ category: 'Thông báo' });
    expect(result.planned).toBe(true);
    expect(result.changed).toContain('thong-bao/bai-5/index.html');
    result = edit({ category: 'Thông báo', tags: ['đất đai'] });
    expect(result.planned).toBe(true);
    expect(result.changed).toContain('tag/dat-dai/index.html');
    result = edit({ category: 'Thông báo' }, 'Đoạn mở đầu của bài 5.\n\n[hỏng](khong-co.md)');
    expect(result.planned).toBe(true);
    expect(result.problems.map((p) => p.message)).toContain('broken link: khong-co.md points to no article or file');
    result = edit({ category: 'Thông báo', date: 'không phải ngày' });
    expect(result.ok).toBe(false);
    // Fixing the error could look like an in-place edit of the last good parse, but must clear the error.
    result = edit({ category: 'Thông báo' }, 'Đoạn mở đầu của bài 5.\n\n[hỏng](khong-co.md)');
    expect(result.ok).toBe(true);
    expect(result.planned).toBe(true);
    expect(session.problems.some((p) => p.severity === 'error')).toBe(false);
    session.finishDeferred();
    expect(new Map([...session.files].map(([p, c]) => [p, Buffer.from(c)]))).toEqual(readSite(build({ root, out: join(root, '..', `${root.split('/').pop()}-clean`), baseUrl: 'http://127.0.0.1:9/', now: NOW }).out));
  });
});

describe('bantin new and bantin check', () => {
  it('creates an article in the documented place and refuses to overwrite it', () => {
    const root = makeSite({ 'bantin.yaml': 'title: X\n' });
    const r = runCli(['new', 'Hội nghị tổng kết năm 2024', '--category', 'Thông báo', '--author', 'Trần Thị B', '--root', root]);
    expect(r.status, r.stderr).toBe(0);
    const year = new Intl.DateTimeFormat('en', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' }).format(new Date());
    const path = join(root, `content/thong-bao/${year}/hoi-nghi-tong-ket-nam-2024.md`);
    const text = readFileSync(path, 'utf8');
    expect(text).toMatch(/^---\ntitle: "Hội nghị tổng kết năm 2024"\ndate: \d{4}-\d\d-\d\d \d\d:\d\d\nauthor: "Trần Thị B"\nviews: 0\ncategory: "Thông báo"\n/);
    expect(runCli(['build', '--root', root]).status).toBe(0);
    const again = runCli(['new', 'Hội nghị tổng kết năm 2024', '--category', 'Thông báo', '--root', root]);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('already exists');
  });

  it('reports errors and editorial warnings, as text or JSON', () => {
    const root = makeSite({
      'content/a.md': article({ title: 'Trùng', date: '2024-01-01 08:00' }, '[hỏng](khong-co.md)\n\n![ảnh](thieu.png)'),
      'content/b.md': article({ title: 'Trùng', date: '2024-01-01 17:00' }, '## Chỉ có tiêu đề'),
      'content/c.md': '---\ntitle: C\n---\n',
    });
    const r = runCli(['check', '--root', root]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('content/c.md:2: error: the article has no `date`');
    writeFiles(root, { 'content/c.md': article({ title: 'C', date: '2024-02-01' }) });
    const j = runCli(['check', '--root', root, '--json']);
    expect(j.status).toBe(0);
    const report = JSON.parse(j.stdout);
    expect(report.problems.length, j.stdout).toBeGreaterThan(0);
    const messages = report.problems.map((p: { file: string; message: string }) => `${p.file}: ${p.message}`);
    expect(messages).toContain('content/a.md: broken link: khong-co.md points to no article or file');
    expect(messages).toContain('content/a.md: broken link: thieu.png points to no article or file');
    expect(messages.some((m: string) => m.includes('the same title "Trùng" is used by'))).toBe(true);
    expect(messages).toContain('content/b.md: the article has no summary and no first paragraph to make one from');
    expect(report.errors).toBe(0);
  });
});
