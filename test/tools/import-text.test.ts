// `bantin import --from text`: text copied from old portal pages, imported with the real CLI and
// built into pages that show the same title, portal date, author, view count and body.
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleView, buildSite, importSite, read, runImport } from './import-helpers.js';

// The example, with the no-break space that leads the author line on real pages.
const EXAMPLE = `LIÊN KẾT WEB
SỐ LƯỢT TRUY CẬP
4
0
9
Thông báo 05 Tháng Ba 2021 8:30:00 SA
LỊCH TIẾP CÔNG DÂN THÁNG 3 NĂM 2021
Ủy ban nhân dân xã thông báo lịch tiếp công dân định kỳ như sau.
THỜI GIAN
Sáng thứ Năm hằng tuần, từ 7 giờ 30 đến 11 giờ.
\u00a0TRẦN VĂN BÌNH
Số lượt người xem: 1.204
TIN MỚI HƠN
`;

const NOISE = ['LIÊN KẾT WEB', 'SỐ LƯỢT TRUY CẬP', 'TIN MỚI HƠN', 'TIN ĐÃ ĐƯA', 'Xem tiếp', 'Xem theo ngày', 'Tìm kiếm', 'Bài khác'];

/** A longer page: a clock in the header, a breadcrumb, Markdown-looking lines, more noise after. */
const LONGER = `Thứ Ba, 28/01/2020
Trang chủ
Tìm kiếm
LIÊN KẾT WEB
Cổng Dịch vụ công quốc gia
SỐ LƯỢT TRUY CẬP
2
1
Trang chủ > Tin tức 28 Tháng Giêng 2020 11:10:00 CH
Hội nghị tổng kết công tác năm 2019
Chiều ngày 28/01/2020, UBND xã tổ chức hội nghị tổng kết.
I. KẾT QUẢ ĐẠT ĐƯỢC
1. Thu ngân sách đạt 120% kế hoạch;
- Giải quyết 100% hồ sơ đúng hạn, *không* có hồ sơ trễ;
# 5 thôn đạt chuẩn nông thôn mới [mới].
II. PHƯƠNG HƯỚNG NĂM 2020
Tiếp tục đẩy mạnh cải cách hành chính.
Tác giả: Nguyễn Thị Hoa
Số lượt người xem: 716
TIN ĐÃ ĐƯA
Bài khác
Xem tiếp
Xem theo ngày
`;

describe('import --from text', () => {
  it('imports the issue example exactly, and the built page shows it without noise', () => {
    const root = importSite({ 'dumps/lich-tiep.txt': EXAMPLE });
    const r = runImport(root, ['dumps', '--from', 'text']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('đã ghi content/thong-bao/2021/lich-tiep-cong-dan-thang-3-nam-2021.md');
    expect(read(root, 'content/thong-bao/2021/lich-tiep-cong-dan-thang-3-nam-2021.md')).toBe(`---
title: "LỊCH TIẾP CÔNG DÂN THÁNG 3 NĂM 2021"
date: 2021-03-05 08:30:00
author: "TRẦN VĂN BÌNH"
views: 1204
category: "Thông báo"
importedFrom: "dumps/lich-tiep.txt"
---

Ủy ban nhân dân xã thông báo lịch tiếp công dân định kỳ như sau.

## THỜI GIAN

Sáng thứ Năm hằng tuần, từ 7 giờ 30 đến 11 giờ.
`);
    const view = articleView(buildSite(root), 'thong-bao/lich-tiep-cong-dan-thang-3-nam-2021');
    expect(view.title).toBe('LỊCH TIẾP CÔNG DÂN THÁNG 3 NĂM 2021');
    expect(view.date).toBe('05 Tháng Ba 2021 08:30:00 SA');
    expect(view.author).toBe('TRẦN VĂN BÌNH');
    expect(view.views).toBe('Số lượt người xem: 1.204');
    expect(view.category).toBe('Thông báo');
    expect(view.headings).toEqual(['THỜI GIAN']);
    expect(view.paragraphs).toEqual(['Ủy ban nhân dân xã thông báo lịch tiếp công dân định kỳ như sau.', 'Sáng thứ Năm hằng tuần, từ 7 giờ 30 đến 11 giờ.']);
    for (const noise of NOISE) expect(view.text).not.toContain(noise);
  });

  it('reads SA/CH as the 24-hour wall clock: 12 SA is midnight, 12 CH noon, 11 CH is 23', () => {
    const cases: [string, string, string][] = [
      ['12:05:00 SA', '2021-03-05 00:05:00', '05 Tháng Ba 2021 12:05:00 SA'],
      ['12:30:00 CH', '2021-03-05 12:30:00', '05 Tháng Ba 2021 12:30:00 CH'],
      ['11:10:00 CH', '2021-03-05 23:10:00', '05 Tháng Ba 2021 11:10:00 CH'],
    ];
    const files: Record<string, string> = {};
    cases.forEach(([time], i) => (files[`dumps/${i}.txt`] = EXAMPLE.replace('8:30:00 SA', time).replace('THÁNG 3', `THÁNG 3 SỐ ${i}`)));
    const root = importSite(files);
    expect(runImport(root, ['dumps', '--from', 'text']).status).toBe(0);
    const dist = buildSite(root);
    cases.forEach(([, wall, shown], i) => {
      const path = `content/thong-bao/2021/lich-tiep-cong-dan-thang-3-so-${i}-nam-2021.md`;
      expect(read(root, path)).toContain(`\ndate: ${wall}\n`);
      expect(articleView(dist, `thong-bao/lich-tiep-cong-dan-thang-3-so-${i}-nam-2021`).date).toBe(shown);
    });
  });

  it('keeps every body line as written, Markdown-looking ones included, and finds a "Tác giả:" byline', () => {
    const root = importSite({ 'trang.txt': LONGER });
    const r = runImport(root, ['trang.txt']);
    expect(r.status).toBe(0);
    const view = articleView(buildSite(root), 'tin-tuc/hoi-nghi-tong-ket-cong-tac-nam-2019');
    expect(view.date).toBe('28 Tháng Giêng 2020 11:10:00 CH');
    expect(view.category).toBe('Tin tức');
    expect(view.author).toBe('Nguyễn Thị Hoa');
    expect(view.views).toBe('Số lượt người xem: 716');
    expect(view.headings).toEqual(['I. KẾT QUẢ ĐẠT ĐƯỢC', 'II. PHƯƠNG HƯỚNG NĂM 2020']);
    expect(view.paragraphs).toEqual([
      'Chiều ngày 28/01/2020, UBND xã tổ chức hội nghị tổng kết.',
      '1. Thu ngân sách đạt 120% kế hoạch;',
      '- Giải quyết 100% hồ sơ đúng hạn, *không* có hồ sơ trễ;',
      '# 5 thôn đạt chuẩn nông thôn mới [mới].',
      'Tiếp tục đẩy mạnh cải cách hành chính.',
    ]);
    for (const noise of [...NOISE, 'Cổng Dịch vụ công quốc gia', 'Trang chủ']) expect(view.text).not.toContain(noise);
  });

  it('a date it cannot read is an error naming the source and the text it saw; nothing is written', () => {
    const root = importSite({ 'a.txt': EXAMPLE.replace('8:30:00 SA', '13:30:00 CH'), 'b.txt': 'Trang chủ\nKhông có ngày\n' });
    const r = runImport(root, ['a.txt', 'b.txt']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('a.txt: error: không đọc được ngày đăng "Thông báo 05 Tháng Ba 2021 13:30:00 CH"');
    expect(r.stderr).toContain('b.txt: error: không tìm thấy ngày đăng; văn bản đã đọc: "Trang chủ ⏎ Không có ngày"');
    expect(r.stderr).not.toMatch(/at \w+ \(/);
    expect(readdirSync(root)).not.toContain('content');
  });

  it('is safe to run twice; --overwrite replaces; --dry-run writes nothing; --json reports', () => {
    const root = importSite({ 'd/lich.txt': EXAMPLE });
    const path = 'content/thong-bao/2021/lich-tiep-cong-dan-thang-3-nam-2021.md';
    const dry = runImport(root, ['d', '--dry-run']);
    expect(dry.stdout).toContain(`sẽ ghi ${path}`);
    expect(readdirSync(root)).not.toContain('content');
    expect(runImport(root, ['d']).status).toBe(0);
    const first = read(root, path);
    const mtime = statSync(join(root, path)).mtimeMs;
    const again = runImport(root, ['d', '--json']);
    expect(again.status).toBe(0);
    const report = JSON.parse(again.stdout);
    expect(report.articles).toEqual([]);
    expect(report.skipped).toEqual([{ source: 'd/lich.txt', reason: expect.stringContaining(`đã nhập trước đây thành ${path}`) }]);
    expect(statSync(join(root, path)).mtimeMs).toBe(mtime);
    expect(readdirSync(join(root, 'content/thong-bao/2021'))).toEqual(['lich-tiep-cong-dan-thang-3-nam-2021.md']);
    writeFileSync(join(root, path), first.replace('views: 1204', 'views: 5'));
    const over = JSON.parse(runImport(root, ['d', '--overwrite', '--json']).stdout);
    expect(over.articles).toEqual([expect.objectContaining({ path, replaced: true, title: 'LỊCH TIẾP CÔNG DÂN THÁNG 3 NĂM 2021', date: '2021-03-05 08:30:00', missing: [] })]);
    expect(read(root, path)).toBe(first);
  });
});
