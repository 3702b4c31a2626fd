// What editors meet most after YAML mistakes, through the real CLI in Vietnamese: a field of the wrong
// kind, a date that does not exist, a broken link, a picture without a description, a file in an old
// encoding, two articles at one address, an output folder that is a file, a port another program
// holds; and the help of every command.
import { createServer, type AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { article, makeSite, runCli, writeFiles } from '../helpers.js';

const vi = { BANTIN_LANG: 'vi' };

describe('article problems in Vietnamese', () => {
  const root = makeSite({
    'bantin.yaml': 'title: Xã An Hòa\n',
    'content/tin/ngay.md': '---\ntitle: Họp dân\ndate: 2024-02-30 08:00\nauthor: A\n---\nx\n',
    'content/tin/truong.md': '---\ntitle: [Họp, dân]\ndate: 2024-02-01\ntags: {a: 1}\n---\nx\n',
    'content/tin/ma.md': Buffer.concat([Buffer.from('---\ntitle: Cũ\ndate: 2024-01-01\n---\n'), Buffer.from([0x48, 0xf4, 0x69, 0x0a])]),
  }, 'field-messages');

  it('says what is wrong and how to fix it, at the line', () => {
    const r = runCli(['build', '--root', root], { env: vi });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('content/tin/ngay.md:3: lỗi: `date`: "2024-02-30 08:00" không phải ngày giờ có thật\n  cách sửa: kiểm tra ngày trong tháng (tháng 2 có 28 hoặc 29 ngày)');
    expect(r.stderr).toContain('content/tin/truong.md:2: lỗi: `title` phải là một dòng chữ\n  cách sửa: viết `title: "Tiêu đề bài viết"`');
    expect(r.stderr).toContain('content/tin/truong.md:4: lỗi: `tags` phải là danh sách từ khóa');
    expect(r.stderr).toContain('content/tin/ma.md:5: lỗi: tệp không phải văn bản UTF-8');
    expect(r.stderr).not.toMatch(/ must be |not a real|not valid UTF-8/);
    const json = JSON.parse(runCli(['build', '--root', root, '--json'], { env: vi }).stdout);
    expect(json.errors.map((e: { code: string }) => e.code).sort()).toEqual(['article-encoding', 'date-not-real', 'field-tags-not-list', 'field-title-not-text']);
  });

  it('warns about a broken link and a picture without a description, with the line', () => {
    const site = makeSite({ 'content/tin/a.md': article({ title: 'A', date: '2024-01-01', author: 'B' }, 'Đoạn đầu.\n\nXem [văn bản](../khong-co.pdf).\n\n![](../../files/anh.png)'), 'content/files/anh.png': Buffer.from('x') }, 'link-messages');
    const r = runCli(['build', '--root', site], { env: vi });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/content\/tin\/a\.md:8:\d+: cảnh báo: liên kết hỏng: \.\.\/khong-co\.pdf không dẫn tới bài viết hay tệp nào/);
    expect(r.stderr).toMatch(/content\/tin\/a\.md:10:\d+: cảnh báo: ảnh \.\.\/\.\.\/files\/anh\.png chưa có lời mô tả/);
  });
});

describe('site problems in Vietnamese', () => {
  it('says two articles want one address, and an output folder that is a file', () => {
    const one = article({ title: 'Họp dân', date: '2024-01-01', author: 'B', slug: 'hop-dan' });
    const root = makeSite({ 'content/tin/a.md': one, 'content/tin/b.md': one, 'ket-qua': 'x' }, 'site-messages');
    const r = runCli(['build', '--root', root], { env: vi });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('content/tin/a.md: lỗi: hai nguồn cùng muốn địa chỉ /tin-tuc/hop-dan/: content/tin/a.md và content/tin/b.md\n  cách sửa: đặt `slug:` khác cho một trong hai bài');
    writeFiles(root, { 'content/tin/b.md': article({ title: 'Khác', date: '2024-01-02', author: 'B' }) });
    const out = runCli(['build', '--root', root, '--out', `${root}/ket-qua`], { env: vi });
    expect(out.status).toBe(1);
    expect(out.stderr).toContain(`${root}/ket-qua: lỗi: không đặt được thư mục kết quả ở đây: đường dẫn này là một tệp, không phải thư mục`);
  });
});

describe('data files in Vietnamese', () => {
  it('says a data file cannot be read, at its line, and how JSON wants it', () => {
    const root = makeSite({ 'content/tin/a.md': article({ title: 'A', date: '2024-01-01', author: 'B' }), 'data/lich.json': '{\n  "a": 1,\n}\n' }, 'data-messages');
    const r = runCli(['build', '--root', root], { env: vi });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^data\/lich\.json:3: lỗi: không đọc được tệp dữ liệu này \(chi tiết: .*\)\n  cách sửa: kiểm tra cú pháp: JSON cần ngoặc kép quanh tên và chữ/m);
  });
});

describe('the machine\'s errors in Vietnamese', () => {
  it('says the port is taken and what to do, without a stack trace', async () => {
    const root = makeSite({ 'content/tin/a.md': article({ title: 'A', date: '2024-01-01', author: 'B' }) }, 'port-taken');
    const taken = createServer();
    await new Promise<void>((done) => taken.listen(0, '127.0.0.1', done));
    try {
      const port = (taken.address() as AddressInfo).port;
      const r = runCli(['serve', '--root', root, '--port', String(port)], { env: vi });
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/^bantin: lỗi: cổng này đang có chương trình khác dùng \(EADDRINUSE\)\n  cách sửa: chọn cổng khác bằng --port/);
      expect(r.stderr).not.toContain('    at ');
    } finally {
      taken.close();
    }
  });
});

describe('--help', () => {
  it('describes init, new, check and import in Vietnamese', () => {
    const help = runCli(['--help'], { env: vi }).stdout;
    expect(help).toContain('init     Tạo cổng thông tin mới');
    expect(help).toContain('import   Nhập bài viết từ cổng thông tin cũ');
    expect(help).toContain('--draft-age NGÀY');
    expect(help).toContain('defaultAuthor');
    expect(help).not.toMatch(/Start a new portal|Bring an old portal/);
  });
});
