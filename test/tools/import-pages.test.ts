// `bantin import` of saved pages: a SharePoint mirror (wget), a WordPress page saved by a browser,
// and a page typed in TCVN3; then built, and the article pages read as a visitor sees them.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain JS shared with bench/import.mjs
import { sample, sharePointPage, wordPressPage } from './fixtures/import/pages.mjs';
import { articleView, buildSite, importSite, PDF, PNG, read, runImport } from './import-helpers.js';

const NOISE = ['LIÊN KẾT WEB', 'SỐ LƯỢT TRUY CẬP', 'TIN MỚI HƠN', 'TIN ĐÃ ĐƯA', 'Xem tiếp', 'Xem theo ngày', 'Tìm kiếm', 'Bài viết mới', 'Để lại bình luận', 'Bản quyền', 'Số lượt người xem', 'Lượt xem'];

const TCVN3_PAGE = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252"><title>Lịch tiếp công dân</title></head>
<body><div class="menu">Trang chủ | Giới thiệu</div><div class="main">
<div class="date">Thông báo 02 Tháng Tư 2021 9:00:00 SA</div>
<h2>Lịch tiếp công dân tháng 4</h2>
<div class="ExternalClass77"><p><font face=".VnTime">Ban tiếp công dân xã thông báo lịch tiếp công dân định kỳ tháng 4 năm 2021.</font></p>
<p><font face=".VnTime">Địa điểm: trụ sở ủy ban nhân dân xã, thôn Đông.</font></p></div>
<div class="author">Nguyễn Văn An</div><div>Số lượt người xem: 87</div></div></body></html>`;

describe('import of saved pages', () => {
  let root: string;
  let dist: string;
  let stdout: string;
  beforeAll(() => {
    const sp = sharePointPage({ ...sample(83), category: 'Thông báo', date: '05 Tháng Ba 2021 8:30:00 SA', views: '1.204', image: '/PublishingImages/tiep%20dan.png', pdf: '/Documents/Ke%20hoach.pdf' });
    const wp = wordPressPage({
      ...sample(84), category: 'Tin tức', views: '716', url: 'https://xa.gov.vn/2021/03/ke-hoach-84/', iso: '2020-01-28T23:10:00+07:00', shown: '28/01/2020',
      tags: ['tiếp dân'], image: 'Ke hoach_files/anh-hoi-nghi.png', pdf: 'https://xa.gov.vn/wp-content/uploads/khong-co.pdf',
    });
    root = importSite({
      'mirror/xa.gov.vn/Lists/Posts/Post.aspx?ID=83.html': sp,
      'mirror/xa.gov.vn/Lists/Posts/AllPosts.aspx.html': '<html><body><ul><li><a href="Post.aspx?ID=83">Bài 83</a></li></ul></body></html>',
      'mirror/xa.gov.vn/PublishingImages/tiep dan.png': PNG,
      'mirror/xa.gov.vn/Documents/Ke hoach.pdf': PDF,
      'saved/Ke hoach.html': wp,
      'saved/Ke hoach_files/anh-hoi-nghi.png': PNG,
      'tcvn3/lich.html': iconv.encode(TCVN3_PAGE, 'tcvn'),
    });
    const r = runImport(root, ['mirror', 'saved', 'tcvn3']);
    stdout = r.stdout;
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    dist = buildSite(root);
  });

  it('SharePoint: the body of div.ExternalClass…, portal date, author, views, table, picture and PDF', () => {
    const v = articleView(dist, 'thong-bao/ke-hoach-tiep-cong-dan-va-giai-quyet-thu-tuc-hanh-chinh-dot-83');
    expect(v.title).toBe('Kế hoạch tiếp công dân và giải quyết thủ tục hành chính đợt 83');
    expect(v.date).toBe('05 Tháng Ba 2021 08:30:00 SA');
    expect(v.author).toBe('Trần Văn Bình');
    expect(v.views).toBe('Số lượt người xem: 1.204');
    expect(v.category).toBe('Thông báo');
    expect(v.headings).toEqual(['Thời gian và địa điểm']);
    expect(v.paragraphs[0]).toBe('Ủy ban nhân dân xã thông báo kế hoạch số 83/KH-UBND về tiếp công dân định kỳ trong tháng 3 năm 2021 như sau.');
    // `&nbsp;` inside the bold did not break it.
    expect(v.body.querySelector('strong')!.text.trim()).toBe('Lưu ý:');
    expect(v.body.querySelector('em')!.text).toBe('căn cước công dân');
    expect(v.paragraphs.filter((p) => p.startsWith('Đoạn '))).toHaveLength(6);
    const rows = v.body.querySelectorAll('table tr').map((tr) => tr.querySelectorAll('th, td').map((c) => c.text.trim()));
    expect(rows).toEqual([['STT', 'Thời gian', 'Địa điểm'], ['1', 'Thứ Năm, 11/3/2021', 'Trụ sở UBND xã'], ['2', 'Thứ Năm, 18/3/2021', 'Nhà văn hóa thôn Đông']]);
    const img = v.body.querySelector('img')!;
    expect(img.getAttribute('src')).toBe('/files/2021/tiep-dan.png');
    expect(img.getAttribute('alt')).toBe('Ảnh hội nghị');
    expect(readFileSync(join(dist, 'files/2021/tiep-dan.png'))).toEqual(PNG);
    expect(v.body.querySelector('a[href$=".pdf"]')!.getAttribute('href')).toBe('/files/2021/ke-hoach.pdf');
    expect(readFileSync(join(dist, 'files/2021/ke-hoach.pdf'))).toEqual(PDF);
    for (const noise of NOISE) expect(v.text).not.toContain(noise);
    const md = read(root, 'content/thong-bao/2021/ke-hoach-tiep-cong-dan-va-giai-quyet-thu-tuc-hanh-chinh-dot-83.md');
    expect(md).toContain('oldUrls: ["http://xa.gov.vn/Lists/Posts/Post.aspx?ID=83"]');
  });

  it('WordPress: Readability finds the post; date from time[datetime], byline, "Lượt xem", tags', () => {
    const v = articleView(dist, 'tin-tuc/ke-hoach-tiep-cong-dan-va-giai-quyet-thu-tuc-hanh-chinh-dot-84');
    expect(v.title).toBe('Kế hoạch tiếp công dân và giải quyết thủ tục hành chính đợt 84');
    expect(v.date).toBe('28 Tháng Giêng 2020 11:10:00 CH');
    expect(v.author).toBe('Trần Văn Bình');
    expect(v.views).toBe('Số lượt người xem: 716');
    expect(v.category).toBe('Tin tức');
    expect(v.page.querySelectorAll('.tags a').map((a) => a.text)).toEqual(['tiếp dân']);
    expect(v.body.querySelectorAll('table tr')).toHaveLength(3);
    expect(v.body.querySelector('img')!.getAttribute('src')).toBe('/files/2020/anh-hoi-nghi.png');
    expect(existsSync(join(dist, 'files/2020/anh-hoi-nghi.png'))).toBe(true);
    // An attachment that is not in the saved copy keeps its old address, and the report says so.
    expect(v.body.querySelector('a[href$=".pdf"]')!.getAttribute('href')).toBe('https://xa.gov.vn/wp-content/uploads/khong-co.pdf');
    expect(stdout).toContain('bỏ qua saved/Ke hoach.html: không tìm thấy tệp đính kèm https://xa.gov.vn/wp-content/uploads/khong-co.pdf');
    for (const noise of NOISE) expect(v.text).not.toContain(noise);
  });

  it('a page that is not an article (a listing) is skipped with the reason', () => {
    expect(stdout).toContain('bỏ qua mirror/xa.gov.vn/Lists/Posts/AllPosts.aspx.html: không phải trang bài viết');
  });

  it('TCVN3 text comes out as Unicode NFC', () => {
    const v = articleView(dist, 'thong-bao/lich-tiep-cong-dan-thang-4');
    expect(v.title).toBe('Lịch tiếp công dân tháng 4');
    expect(v.date).toBe('02 Tháng Tư 2021 09:00:00 SA');
    expect(v.author).toBe('Nguyễn Văn An');
    expect(v.views).toBe('Số lượt người xem: 87');
    expect(v.paragraphs).toEqual(['Ban tiếp công dân xã thông báo lịch tiếp công dân định kỳ tháng 4 năm 2021.', 'Địa điểm: trụ sở ủy ban nhân dân xã, thôn Đông.']);
    expect(v.text.normalize('NFC')).toBe(v.text);
  });
});
