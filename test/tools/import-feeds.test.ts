// `bantin import` of many-article files: an RSS feed (as SharePoint lists publish), a WordPress WXR
// export and SharePoint REST JSON (odata=verbose); built, and the article pages checked.
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { articleView, buildSite, importSite, read, runImport } from './import-helpers.js';

const FIXTURES = join(import.meta.dirname, 'fixtures', 'import');

describe('import of feeds, WXR and SharePoint JSON', () => {
  let root: string;
  let dist: string;
  let result: ReturnType<typeof runImport>;
  beforeAll(() => {
    root = importSite();
    mkdirSync(join(root, 'old'));
    for (const f of ['feed.xml', 'export.wxr', 'posts.json']) copyFileSync(join(FIXTURES, f), join(root, 'old', f));
    result = runImport(root, ['old', '--old-base', 'http://xa.gov.vn/', '--json']);
    dist = buildSite(root);
  });

  it('an item whose date cannot be read is an error naming it and the text; the others still come in', () => {
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.errors).toEqual([{ source: 'old/feed.xml#http://xa.gov.vn/Lists/Posts/Post.aspx?ID=92', reason: 'không đọc được ngày đăng "ngày nào đó" (ngày hoặc giờ không có thật)', hint: expect.any(String), error: true }]);
    expect(report.skipped).toEqual([{ source: 'old/export.wxr#2', reason: 'page publish' }]);
    expect(report.articles.map((a: { path: string }) => a.path).sort()).toEqual([
      'content/thong-bao/2021/lich-tiep-cong-dan-thang-3-nam-2021.md',
      'content/tin-tuc/2020/ra-quan-lam-duong-giao-thong-nong-thon.md',
      'content/tin-tuc/2022/hoi-nghi-so-ket-6-thang-dau-nam-2022.md',
    ]);
  });

  it('RSS: pubDate in GMT becomes the site wall clock; the table survives', () => {
    const v = articleView(dist, 'tin-tuc/ra-quan-lam-duong-giao-thong-nong-thon');
    expect(v.title).toBe('Ra quân làm đường giao thông nông thôn');
    expect(v.date).toBe('28 Tháng Giêng 2020 11:10:00 CH');
    expect(v.author).toBe('Lê Thị Mai');
    expect(v.category).toBe('Tin tức');
    expect(v.body.querySelector('strong')!.text).toBe('hơn 300 đoàn viên');
    expect(v.body.querySelectorAll('tr').map((tr) => tr.text.replace(/\s+/g, ' ').trim())).toEqual(['Thôn Mét đường', 'Đông 1.200']);
    expect(read(root, 'content/tin-tuc/2020/ra-quan-lam-duong-giao-thong-nong-thon.md')).toContain('oldUrls: ["http://xa.gov.vn/Lists/Posts/Post.aspx?ID=91"]');
  });

  it('WXR: post_date is wall-clock time; views from post meta; tags, summary, paragraphs', () => {
    const v = articleView(dist, 'tin-tuc/hoi-nghi-so-ket-6-thang-dau-nam-2022');
    expect(v.date).toBe('15 Tháng Bảy 2022 04:45:00 CH');
    expect(v.author).toBe('Phạm Văn Nam');
    expect(v.views).toBe('Số lượt người xem: 2.345');
    expect(v.headings).toEqual(['Kết quả']);
    expect(v.paragraphs).toEqual(['Chiều ngày 15/7/2022, UBND xã tổ chức hội nghị sơ kết.', 'Thu ngân sách đạt 65% dự toán.']);
    expect(v.page.querySelectorAll('.tags a').map((a) => a.text)).toEqual(['sơ kết']);
    expect(read(root, 'content/tin-tuc/2022/hoi-nghi-so-ket-6-thang-dau-nam-2022.md')).toContain('summary: "Hội nghị sơ kết công tác 6 tháng."');
  });

  it('SharePoint JSON: Created (UTC) to wall clock, Author.Title, the category, LuotXem, the old Post.aspx URL', () => {
    const v = articleView(dist, 'thong-bao/lich-tiep-cong-dan-thang-3-nam-2021');
    expect(v.date).toBe('05 Tháng Ba 2021 08:30:00 SA');
    expect(v.author).toBe('Trần Văn Bình');
    expect(v.views).toBe('Số lượt người xem: 1.204');
    expect(v.category).toBe('Thông báo');
    expect(v.headings).toEqual(['THỜI GIAN']);
    expect(v.paragraphs).toEqual(['Ủy ban nhân dân xã thông báo lịch tiếp công dân.', 'Sáng thứ Năm hằng tuần.']);
    expect(read(root, 'content/thong-bao/2021/lich-tiep-cong-dan-thang-3-nam-2021.md')).toContain('oldUrls: ["http://xa.gov.vn/Lists/Posts/Post.aspx?ID=83"]');
  });
});
