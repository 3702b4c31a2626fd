import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../src/build/build.js';
import { BuildFailure } from '../src/base/problems.js';
import { article, makeSite, PROJECT, readPage, readTree, runCli, texts, writeFiles } from './helpers.js';

const NOW = Date.UTC(2025, 0, 1);
const categories = ['Tin tức', 'Thông báo', 'Kinh tế'];

/** 23 articles in "Tin tức" one day apart, 1 in "Thông báo", none in "Kinh tế". */
function fixture(extra: Record<string, string> = {}) {
  const files: Record<string, string> = {
    'bantin.yaml': 'title: Huyện Thử Nghiệm\npageSize: 10\nrelatedCount: 3\ncategories: [Tin tức, Thông báo, Kinh tế]\nvisits: 1234567\nlinks:\n  - title: Cổng Dịch vụ công\n    url: https://dichvucong.gov.vn/\n',
  };
  for (let i = 1; i <= 23; i++) {
    const day = String(i).padStart(2, '0');
    files[`content/tin-tuc/2024/bai-${day}.md`] = article({ title: `Bài số ${i}`, date: `2024-03-${day} 08:30`, author: 'Lê Văn B', views: i * 1000, category: 'Tin tức' });
  }
  files['content/thong-bao/thong-bao-lich-tiep-dan.md'] = article({ title: 'Lịch tiếp dân', date: '2023-12-31 23:59', category: 'Thông báo' });
  return makeSite({ ...files, ...extra });
}

describe('a built site', () => {
  let root: string;
  let dist: string;
  beforeAll(() => {
    root = fixture({
      'content/tin-tuc/nhap.md': article({ title: 'Bản nháp', date: '2024-01-01', draft: true }),
      'content/tin-tuc/tuong-lai.md': article({ title: 'Bài tương lai', date: '2030-01-01' }),
    });
    dist = build({ root, now: NOW }).out;
  });

  it('writes each article at /<category>/<slug>/ with breadcrumb, date, byline and views', () => {
    const page = readPage(dist, 'tin-tuc/bai-05');
    expect(texts(page, '.breadcrumb a')).toEqual(['Trang chủ', 'Tin tức']);
    expect(page.querySelector('.breadcrumb a:nth-child(1)')).toBeTruthy();
    expect(page.querySelector('.article-date')!.text).toBe('05 Tháng Ba 2024 08:30:00 SA');
    expect(page.querySelector('h1')!.text).toBe('Bài số 5');
    // The portal byline (the theme's default): the author once, in capitals, no label.
    expect(page.querySelector('.byline')!.text).toBe('LÊ VĂN B');
    expect(page.querySelector('.views')!.text).toBe('Số lượt người xem: 5.000');
    expect(page.querySelector('title')!.text).toBe('Bài số 5 | Huyện Thử Nghiệm');
  });

  it('lists newer and older articles, with the ends of the timeline handled', () => {
    const middle = readPage(dist, 'tin-tuc/bai-12');
    const [newer, older] = middle.querySelectorAll('.related');
    expect(newer.querySelector('h2')!.text).toBe('TIN MỚI HƠN');
    expect(texts(newer, 'li a')).toEqual(['Bài số 15', 'Bài số 14', 'Bài số 13']);
    expect(older.querySelector('h2')!.text).toBe('TIN ĐÃ ĐƯA');
    expect(texts(older, 'li a')).toEqual(['Bài số 11', 'Bài số 10', 'Bài số 9']);
    expect(texts(older, 'li .date')[0]).toBe('(11/03/2024)');
    // Bài 9 is the 15th newest of 23: on page 2 of the category.
    expect(older.querySelector('.more a')!.getAttribute('href')).toBe('/tin-tuc/trang/2/');
    expect(newer.querySelector('.more a')!.getAttribute('href')).toBe('/tin-tuc/');

    const newest = readPage(dist, 'tin-tuc/bai-23');
    expect(texts(newest, '.related h2')).toEqual(['TIN ĐÃ ĐƯA']);
    const oldest = readPage(dist, 'tin-tuc/bai-01');
    expect(texts(oldest, '.related h2')).toEqual(['TIN MỚI HƠN']);
    expect(texts(oldest, '.related li a')).toEqual(['Bài số 4', 'Bài số 3', 'Bài số 2']);
    // Same category by default, but the Thông báo article is alone in its category: its neighbours
    // come from the whole site (it is the oldest article, so it has newer ones only).
    const lone = readPage(dist, 'thong-bao/thong-bao-lich-tiep-dan');
    expect(texts(lone, '.related h2')).toEqual(['TIN MỚI HƠN']);
    expect(texts(lone, '.related li a')).toEqual(['Bài số 3', 'Bài số 2', 'Bài số 1']);
  });

  it('paginates home and categories: 0, 1, exactly one page and one over', () => {
    expect(texts(readPage(dist, ''), '.article-item h3')).toHaveLength(10);
    expect(texts(readPage(dist, 'trang/3'), '.article-item h3')).toEqual(['Bài số 3', 'Bài số 2', 'Bài số 1', 'Lịch tiếp dân']);
    expect(existsSync(join(dist, 'trang/4'))).toBe(false);
    expect(readPage(dist, 'kinh-te').querySelector('.empty')!.text).toBe('Chưa có bài viết nào.');
    expect(texts(readPage(dist, 'thong-bao'), '.article-item h3')).toEqual(['Lịch tiếp dân']);
    expect(readPage(dist, 'thong-bao').querySelector('.pagination')).toBeNull();
    const page3 = readPage(dist, 'tin-tuc/trang/3');
    expect(texts(page3, '.article-item h3')).toEqual(['Bài số 3', 'Bài số 2', 'Bài số 1']);
    expect(page3.querySelector('.pagination a[rel=prev]')!.getAttribute('href')).toBe('/tin-tuc/trang/2/');
    expect(page3.querySelector('.pagination a[rel=next]')).toBeNull();
    expect(page3.querySelector('.pagination [aria-current=page]')!.text).toBe('3');
  });

  it('does not publish drafts or future articles', () => {
    expect(existsSync(join(dist, 'tin-tuc/nhap'))).toBe(false);
    expect(existsSync(join(dist, 'tin-tuc/tuong-lai'))).toBe(false);
    expect(readFileSync(join(dist, 'feed.xml'), 'utf8')).not.toContain('Bản nháp');
  });

  it('writes archives by year, month and day, only where there are articles', () => {
    expect(texts(readPage(dist, 'archive/2024/03/05'), '.article-item h3')).toEqual(['Bài số 5']);
    expect(texts(readPage(dist, 'archive/2023/12'), '.article-item h3')).toEqual(['Lịch tiếp dân']);
    expect(readPage(dist, 'archive/2024').querySelector('h1')!.text).toBe('Năm 2024');
    expect(existsSync(join(dist, 'archive/2024/03/24'))).toBe(false);
    expect(existsSync(join(dist, 'archive/2024/02'))).toBe(false);
    expect(existsSync(join(dist, 'archive/2024/trang/3/index.html'))).toBe(true);
    const index = readPage(dist, 'archive');
    expect(texts(index, '.archive-years > li > a')).toEqual(['Năm 2024', 'Năm 2023']);
    expect(index.text).toContain('23 bài viết');
    const days = JSON.parse(readFileSync(join(dist, 'archive/days.json'), 'utf8'));
    expect(days[0]).toBe('2024-03-23');
    expect(days.at(-1)).toBe('2023-12-31');
    expect(days).toHaveLength(24);
  });

  it('has the sidebar blocks and a 404 page', () => {
    const home = readPage(dist, '');
    expect(texts(home, '.block h2')).toEqual(['Xem theo ngày', 'LIÊN KẾT WEB', 'SỐ LƯỢT TRUY CẬP']);
    expect(texts(home, '.visit-counter .digit').join('')).toBe('1234567');
    expect(home.querySelector('.block-links a')!.getAttribute('href')).toBe('https://dichvucong.gov.vn/');
    expect(home.querySelector('form[role=search] label')!.text).toBe('Tìm kiếm');
    expect(texts(home, '.menu a')).toEqual(['Trang chủ', ...categories]);
    expect(readPage(dist, '404.html').querySelector('h1')!.text).toBe('Không tìm thấy trang');
  });
});

describe('markdown and escaping', () => {
  it('escapes front matter, keeps raw HTML off by default, and rewrites relative links', () => {
    const root = makeSite({
      'content/tin-tuc/2024/a.md': article(
        { title: '<script>alert(1)</script> & "quotes"', date: '2024-01-02 10:00', author: '<b>X</b>', tags: ['<i>t</i>'] },
        'Xem [bài B](../2023/b.md#muc), [tệp](<../../files/ke hoach.pdf>), [trang](/tin-tuc/) và <span class="x">raw</span>.\n\n[xấu](javascript:alert(1)) javascript:alert(2)\n',
      ),
      'content/tin-tuc/2023/b.md': article({ title: 'B', date: '2023-01-02 10:00' }),
      'content/files/ke hoach.pdf': '%PDF-1.4',
    });
    const dist = build({ root, now: NOW, baseUrl: 'https://example.gov.vn/huyen/' }).out;
    const html = readFileSync(join(dist, 'tin-tuc/a/index.html'), 'utf8');
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;');
    expect(html).toContain('&lt;b&gt;X&lt;/b&gt;');
    expect(html).not.toContain('<span class="x">');
    expect(html).not.toContain('href="javascript:');
    const page = readPage(dist, 'tin-tuc/a');
    const links = page.querySelectorAll('.article-body a').map((a) => a.getAttribute('href'));
    expect(links).toEqual(['/huyen/tin-tuc/b/#muc', '/huyen/files/ke%20hoach.pdf', '/huyen/tin-tuc/']);
    expect(existsSync(join(dist, 'files/ke hoach.pdf'))).toBe(true);
  });

  it('turns raw HTML on when the config says so', () => {
    const root = makeSite({
      'bantin.yaml': 'markdown:\n  html: true\n',
      'content/a.md': article({ title: 'A', date: '2024-01-02' }, '<span class="x">raw</span>'),
    });
    const dist = build({ root, now: NOW }).out;
    expect(readFileSync(join(dist, 'tin-tuc/a/index.html'), 'utf8')).toContain('<span class="x">raw</span>');
  });
});

describe('build errors', () => {
  it('collects every content error with file and line, and leaves the previous output alone', () => {
    const root = fixture();
    const dist = build({ root, now: NOW }).out;
    const before = readTree(dist);
    writeFiles(root, {
      'content/tin-tuc/x-no-title.md': '---\ndate: 2024-01-01\n---\nx\n',
      'content/tin-tuc/x-bad-date.md': '---\ntitle: A\nauthor: B\ndate: 2024-02-30 10:00\n---\n',
      'content/tin-tuc/x-bad-views.md': '---\ntitle: A\ndate: 2024-01-01\nviews: "1.234"\n---\n',
      'content/tin-tuc/x-yaml.md': '---\ntitle: A\ndate: 2024-01-01\ntags: [a, b\n---\n',
    });
    const r = runCli(['build', '--root', root]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('content/tin-tuc/x-no-title.md');
    expect(r.stderr).toMatch(/x-no-title\.md:2: error: the article has no `title`\n  hint: add a line `title:/);
    expect(r.stderr).toMatch(/x-bad-date\.md:4: error: `date`: "2024-02-30 10:00" is not a real calendar date/);
    expect(r.stderr).toMatch(/x-bad-views\.md:4: error: `views` must be a whole number/);
    expect(r.stderr).toMatch(/x-yaml\.md:\d+(:\d+)?: error: YAML syntax error/);
    expect(r.stderr).toContain('build failed with 4 error(s)');
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
    expect(readTree(dist)).toEqual(before);
  });

  it('names both files when two articles want the same URL', () => {
    const root = makeSite({
      'content/tin-tuc/2023/hop-dan.md': article({ title: 'A', date: '2023-01-01' }),
      'content/tin-tuc/2024/hop-dan.md': article({ title: 'B', date: '2024-01-01' }),
    });
    expect(() => build({ root, now: NOW })).toThrow(BuildFailure);
    const r = runCli(['build', '--root', root]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('/tin-tuc/hop-dan/: content/tin-tuc/2023/hop-dan.md and content/tin-tuc/2024/hop-dan.md');
  });

  it('refuses an output folder that is the site itself', () => {
    const root = fixture();
    const r = runCli(['build', '--root', root, '--out', root]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('is the site folder or contains it');
  });
});

describe('output folder', () => {
  it('replaces the whole output, so stale files do not linger, and leaves no staging folder', () => {
    const root = fixture();
    const dist = build({ root, now: NOW }).out;
    writeFileSync(join(dist, 'stale.html'), 'old');
    build({ root, now: NOW });
    expect(existsSync(join(dist, 'stale.html'))).toBe(false);
    expect(readdirSync(root).filter((n) => n.startsWith('.dist'))).toEqual([]);
  });

  it('is byte-identical whatever the machine timezone and locale', () => {
    const root = fixture();
    const a = runCli(['build', '--root', root, '--out', join(root, 'out-a')], { env: { TZ: 'UTC', LANG: 'C', LC_ALL: 'C' } });
    const b = runCli(['build', '--root', root, '--out', join(root, 'out-b')], { env: { TZ: 'America/Los_Angeles', LANG: 'vi_VN.UTF-8', LC_ALL: 'vi_VN.UTF-8' } });
    expect(a.status, a.stderr).toBe(0);
    expect(b.status, b.stderr).toBe(0);
    const treeA = readTree(join(root, 'out-a'));
    expect(treeA.size).toBeGreaterThan(50);
    expect(readTree(join(root, 'out-b'))).toEqual(treeA);
    expect(treeA.get('tin-tuc/bai-23/index.html')!.toString()).toContain('23 Tháng Ba 2024 08:30:00 SA');
  });
});


describe('--strict', () => {
  it('turns a broken link from a warning into an error', () => {
    const root = makeSite({ 'content/a.md': article({ title: 'A', date: '2024-01-02' }, '[x](../khong-co.md) ![y](khong-co.png)') });
    const loose = runCli(['build', '--root', root]);
    expect(loose.status).toBe(0);
    expect(loose.stderr).toMatch(/content\/a\.md:\d+:\d+: warning: broken link: \.\.\/khong-co\.md points to no article or file/);
    const strict = runCli(['build', '--root', root, '--strict']);
    expect(strict.status).toBe(1);
    expect(strict.stderr).toMatch(/content\/a\.md:\d+:\d+: error: broken link: \.\.\/khong-co\.md/);
    expect(strict.stderr).toMatch(/content\/a\.md:\d+:\d+: error: broken link: khong-co\.png/);
  });

  it('gives theme CSS and JS content-hashed names that pages link to', () => {
    const root = makeSite({ 'content/a.md': article({ title: 'A', date: '2024-01-02' }) });
    const dist = build({ root, now: NOW }).out;
    const html = readFileSync(join(dist, 'index.html'), 'utf8');
    const css = /href="\/(assets\/style\.\w+\.css)"/.exec(html)![1];
    expect(readFileSync(join(dist, css), 'utf8')).toBe(readFileSync(join(PROJECT, 'templates/assets/style.css'), 'utf8'));
    expect(existsSync(join(dist, 'assets/style.css'))).toBe(false);
  });
});

describe('render threads', () => {
  it('write the same bytes as the single-threaded build', () => {
    const out = makeSite({}, 'threads');
    const one = runCli(['build', '--root', PROJECT, '--out', join(out, 'one')], { env: { BANTIN_JOBS: '1' } });
    const two = runCli(['build', '--root', PROJECT, '--out', join(out, 'two')], { env: { BANTIN_JOBS: '2' } });
    expect(one.status, one.stderr).toBe(0);
    expect(two.status, two.stderr).toBe(0);
    const a = readTree(join(out, 'one'));
    expect(a.size).toBeGreaterThan(100);
    expect(readTree(join(out, 'two'))).toEqual(a);
  });

  it('report a template error from a thread like any other', () => {
    const root = makeSite({
      'content/a.md': article({ title: 'A', date: '2024-01-02' }),
      'templates/article.njk': '{% extends "base.njk" %}{% block content %}{{ article.title | nope }}{% endblock %}',
    });
    const r = runCli(['build', '--root', root], { env: { BANTIN_JOBS: '2' } });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/templates\/article\.njk(:\d+)*: error: template error: .*nope/);
    expect(r.stderr).not.toMatch(/^\s+at /m);
  });
});

describe('images', () => {
  it('get their pixel size and lazy loading; one without a description is a warning', () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000280000001e00806000000', 'hex');
    const root = makeSite({
      'content/a.md': article({ title: 'A', date: '2024-01-02' }, '![Cổng ủy ban](files/cong.png)\n\n![](files/cong.png)'),
      'content/files/cong.png': png,
    });
    const r = runCli(['build', '--root', root]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/content\/a\.md:\d+:\d+: warning: the image files\/cong\.png has no description \(alt text\)/);
    const html = readFileSync(join(root, 'dist/tin-tuc/a/index.html'), 'utf8');
    expect(html).toContain('<img src="/files/cong.png" alt="Cổng ủy ban" loading="lazy" width="640" height="480">');
  });
});

describe('the output folder guard', () => {
  it('refuses a folder of files bantin did not make, and the file-system root', () => {
    const root = makeSite({ 'content/a.md': article({ title: 'A', date: '2024-01-02' }), 'tai-lieu/thu-rieng.docx': 'x' });
    const foreign = runCli(['build', '--root', root, '--out', join(root, 'tai-lieu')]);
    expect(foreign.status).toBe(1);
    expect(foreign.stderr).toContain('holds files that bantin did not make');
    expect(readFileSync(join(root, 'tai-lieu/thu-rieng.docx'), 'utf8')).toBe('x');
    const top = runCli(['build', '--root', root, '--out', '/']);
    expect(top.status).toBe(1);
    expect(top.stderr).toContain('is the site folder or contains it');
    expect(runCli(['build', '--root', root, '--out', join(root, 'moi')]).status).toBe(0);
    expect(runCli(['build', '--root', root, '--out', join(root, 'moi')]).status).toBe(0);
  });
});
