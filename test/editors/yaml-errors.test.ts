// Editors' front-matter mistakes through the real CLI: reported at the line and column where the
// editor must act, with the line quoted, a caret under the spot, and the words in Vietnamese.
import { describe, expect, it } from 'vitest';
import { makeSite, runCli } from '../helpers.js';

const FILE = 'content/tin-tuc/2024/hop-dan.md';

/** Builds a site holding one article with this text; returns the CLI's stderr (Vietnamese by default). */
function buildWith(text: string, env: Record<string, string> = { BANTIN_LANG: '' }): { status: number | null; stderr: string; stdout: string } {
  const root = makeSite({ [FILE]: text, 'bantin.yaml': 'title: Xã Sông Lam\n' }, 'yaml-errors');
  return runCli(['build', '--root', root], { env });
}

/** The block printed for the problem at `file:line:column`: its header, quoted line, caret and hint. */
function block(stderr: string, where: string): string[] {
  const lines = stderr.split('\n');
  const i = lines.findIndex((l) => l.startsWith(`${FILE}:${where}: `));
  expect(i, `no problem reported at ${FILE}:${where} in:\n${stderr}`).toBeGreaterThanOrEqual(0);
  return lines.slice(i, i + 4);
}

const cases: { name: string; text: string; where: string; quoted: string; caret: number; message: RegExp; hint: RegExp }[] = [
  { name: 'an unclosed double quote: the line where it opens', text: '---\ntitle: "Họp dân thôn Đông\ndate: 2024-01-03 08:00\nauthor: Lê Văn B\n---\nNội dung.\n',
    where: '2:8', quoted: 'title: "Họp dân thôn Đông', caret: 7, message: /lỗi: dấu ngoặc kép mở ở đây chưa được đóng$/, hint: /cách sửa: thêm dấu " vào cuối giá trị/ },
  { name: 'an unclosed single quote', text: "---\ndate: 2024-01-03 08:00\ntitle: 'Họp dân\nauthor: A\n---\nx\n",
    where: '3:8', quoted: "title: 'Họp dân", caret: 7, message: /dấu ngoặc đơn mở ở đây chưa được đóng/, hint: /thêm dấu '/ },
  { name: 'a colon in an unquoted title', text: '---\ntitle: Thông báo: lịch tiếp dân tháng 3\ndate: 2024-01-03\n---\nx\n',
    where: '2:17', quoted: 'title: Thông báo: lịch tiếp dân tháng 3', caret: 16, message: /giá trị của `title` có dấu hai chấm/, hint: /title: "Thông báo: lịch tiếp dân tháng 3"/ },
  { name: 'a tab indent', text: '---\ntitle: A\ndate: 2024-01-03\ntags:\n\t- đất đai\n---\nx\n',
    where: '5:1', quoted: '\t- đất đai', caret: 0, message: /thụt đầu dòng bằng phím Tab/, hint: /dấu cách/ },
  { name: 'a missing closing ---: the first line of text', text: '---\ntitle: A\ndate: 2024-01-03\n\nHôm nay, UBND xã tổ chức họp dân.\n',
    where: '5:1', quoted: 'Hôm nay, UBND xã tổ chức họp dân.', caret: 0, message: /chưa được đóng/, hint: /thêm một dòng `---` ngay trên dòng này/ },
  { name: 'a date in dd/mm/yyyy', text: '---\ntitle: A\ndate: 28/01/2020 9:30\n---\nx\n',
    where: '3:7', quoted: 'date: 28/01/2020 9:30', caret: 6, message: /ngày `28\/01\/2020 9:30` viết theo kiểu ngày\/tháng\/năm/, hint: /viết: date: 2020-01-28 09:30$/ },
  { name: 'views with a thousands dot', text: '---\ntitle: A\ndate: 2020-01-28\nviews: 1.204\n---\nx\n',
    where: '4:8', quoted: 'views: 1.204', caret: 7, message: /`views: 1.204` có dấu chấm phân cách hàng nghìn/, hint: /viết: views: 1204$/ },
];

describe('front-matter mistakes, through bantin build', () => {
  for (const c of cases) {
    it(c.name, () => {
      const r = buildWith(c.text);
      expect(r.status).toBe(1);
      const [header, quoted, caret, hint] = block(r.stderr, c.where);
      expect(header).toMatch(c.message);
      const line = c.where.split(':')[0];
      expect(quoted).toBe(` ${line} | ${c.quoted}`);
      // The caret sits under the column: same width of gutter, tabs kept so it lines up.
      expect(caret).toBe(`${' '.repeat(line.length + 1)} | ${c.quoted.slice(0, c.caret).replace(/[^\t]/g, ' ')}^`);
      expect(hint).toMatch(c.hint);
      expect(r.stderr).not.toMatch(/block mapping|implicit key|    at /);
    });
  }

  it('speaks English with --lang en, BANTIN_LANG=en, or a site whose locale is not vi', () => {
    const text = '---\ntitle: "Họp dân\ndate: 2024-01-03\n---\nx\n';
    const flag = makeSite({ [FILE]: text }, 'yaml-errors');
    expect(runCli(['build', '--root', flag, '--lang', 'en'], { env: { BANTIN_LANG: 'vi' } }).stderr).toContain(`${FILE}:2:8: error: the double quote opened here is never closed`);
    expect(buildWith(text, { BANTIN_LANG: 'en' }).stderr).toMatch(/hint: add a closing " at the end/);
    const english = makeSite({ [FILE]: text, 'bantin.yaml': 'locale: en\n' }, 'yaml-errors');
    expect(runCli(['build', '--root', english], { env: { BANTIN_LANG: '' } }).stderr).toContain('error: the double quote opened here');
  });
});

describe('link and image warnings carry their line', () => {
  it('names the line and column of a broken link, a missing image and an image without alt text', () => {
    const r = buildWith('---\ntitle: A\ndate: 2024-01-03\nimage: ../../files/khong-co.jpg\n---\nĐoạn một.\n\nXem [kế hoạch](../../files/ke-hoach.pdf) và ![](anh.png).\n');
    expect(r.status).toBe(0);
    expect(block(r.stderr, '4:8')[0]).toMatch(/cảnh báo: .*khong-co\.jpg/);
    expect(block(r.stderr, '8:16')[0]).toMatch(/cảnh báo: .*ke-hoach\.pdf/);
    expect(block(r.stderr, '8:49')[1]).toBe(' 8 | Xem [kế hoạch](../../files/ke-hoach.pdf) và ![](anh.png).');
  });
});
