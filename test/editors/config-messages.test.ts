// bantin.yaml's mistakes and refused URLs through the real CLI in Vietnamese: at the line, saying what
// to write, with no English left; the same site in English keeps today's words.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { article, makeSite, runCli } from '../helpers.js';

const env = { BANTIN_LANG: '' };

describe('bantin.yaml mistakes in Vietnamese', () => {
  it('reports a bad baseUrl, an unknown timezone and a javascript: link at their lines', () => {
    const root = makeSite({
      'bantin.yaml': 'title: Xã An Hòa\nbaseUrl: ftp://anhoa.gov.vn/\ntimezone: Asia/Hanoi_Saigon\nlinks:\n  - title: Bấm vào\n    url: "javascript:alert(1)"\n',
      'content/tin/a.md': article({ title: 'A', date: '2024-01-01', author: 'B' }),
    }, 'config-messages');
    const r = runCli(['build', '--root', root, '--lang', 'vi'], { env });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('bantin.yaml:2: lỗi: `baseUrl` phải là địa chỉ đầy đủ của trang, bắt đầu bằng http:// hoặc https://');
    expect(r.stderr).toContain('bantin.yaml:3: lỗi: `timezone` phải là tên một múi giờ (theo danh sách IANA)\n  cách sửa: ở Việt Nam ghi `timezone: Asia/Ho_Chi_Minh`');
    expect(r.stderr).toContain('bantin.yaml:6: lỗi: `url` của mục thứ 1 trong `links` không được là địa chỉ dạng javascript: (chỉ được dùng http, https, mailto, tel và đường dẫn trong trang)\n  cách sửa: ghi một địa chỉ https://');
    expect(r.stderr).not.toMatch(/ must be | may not be |write an/);
    const en = runCli(['build', '--root', root, '--lang', 'en'], { env });
    expect(en.stderr).toContain('bantin.yaml:3: error: `timezone` must be an IANA timezone name\n  hint: for Vietnam use Asia/Ho_Chi_Minh');
    const json = JSON.parse(runCli(['build', '--root', root, '--json'], { env }).stdout);
    expect(json.errors.map((e: { code: string }) => e.code)).toEqual(expect.arrayContaining(['config-bad-value', 'config-link-refused']));
  });

  it('refuses a javascript: picture in an article, in Vietnamese, at its line', () => {
    const root = makeSite({
      'bantin.yaml': 'title: Xã An Hòa\n',
      'content/tin/a.md': '---\ntitle: Họp dân\ndate: 2024-01-03\nimage: "javascript:alert(1)"\n---\nx\n',
    }, 'config-messages-image');
    const r = runCli(['build', '--root', root, '--lang', 'vi'], { env });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('content/tin/a.md:4: lỗi: `image` không được là địa chỉ dạng javascript: (chỉ được dùng http, https và đường dẫn trong trang)\n  cách sửa: ghi đường dẫn tới một ảnh trong content/ (như đường dẫn tính từ tệp bài này, ví dụ `../../files/anh.jpg`)');
    expect(runCli(['build', '--root', root, '--lang', 'en'], { env }).stderr).toContain('`image` may not be a javascript: URL (only http, https and paths on the site are allowed)\n  hint: write a path to a picture in content/ (like a path relative to this file, like `../../files/anh.jpg`) or an https:// address');
  });
});

describe('a mistyped --root', () => {
  it('is an error naming the folder, and makes no folder there', () => {
    const root = `${makeSite({ 'bantin.yaml': 'title: Xã An Hòa\n' }, 'config-messages-root')}-khong-co`;
    const r = runCli(['build', '--root', root, '--lang', 'vi'], { env });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`bantin: lỗi: không có thư mục trang ${root}\n  cách sửa: kiểm tra đường dẫn sau --root`);
    expect(existsSync(root)).toBe(false);
  });
});

describe('bantin import, for a Vietnamese site', () => {
  it('says a missing source is missing, in Vietnamese', () => {
    const root = makeSite({ 'bantin.yaml': 'title: Xã An Hòa\nlocale: vi\n' }, 'config-messages-import');
    const r = runCli(['import', '--root', root, `${root}/khong-co`], { env });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${root}/khong-co: lỗi: không có tệp hay thư mục này`);
  });
});

describe('the state-portal keys (theme:, english:) in Vietnamese', () => {
  it('reports a wrong byline and a javascript: English website at their lines, with a fix', () => {
    const root = makeSite({
      'bantin.yaml': 'title: Xã An Hòa\ntheme:\n  byline: big\nenglish:\n  organisation: An Hoa\n  contacts:\n    website: "javascript:alert(1)"\n',
      'content/tin/a.md': article({ title: 'A', date: '2024-01-01', author: 'B' }),
    }, 'config-messages-portal');
    const r = runCli(['build', '--root', root, '--lang', 'vi'], { env });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('bantin.yaml:3: lỗi: `theme.byline` phải là `portal` (tên tác giả một lần, chữ in hoa) hoặc `label` ("Tác giả: …")\n  cách sửa: viết như `  byline: portal`');
    expect(r.stderr).toContain('bantin.yaml:7: lỗi: `english.contacts.website` phải là một địa chỉ http(s)');
    expect(r.stderr).not.toMatch(/ must be |write it like/);
  });
});
