// Safe new articles through the real CLI: `bantin new` writes a draft with the author and the
// template; build refuses the template in a published article; check warns about old drafts,
// missing authors and the template left in a draft, with codes in --json and exit 1 under --strict.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PLACEHOLDER, TEMPLATE_NOTE } from '../../src/load/article-template.js';
import { article, makeSite, runCli, writeFiles } from '../helpers.js';

const CONFIG = 'title: Xã An Hòa\ndefaultAuthor: Văn phòng UBND xã An Hòa\n';

/** The path `bantin new` printed. */
const created = (stdout: string) => /(?:created|đã tạo) (\S+\.md)/.exec(stdout)![1];

describe('bantin new', () => {
  it('writes a draft with the author from defaultAuthor and the template body', () => {
    const root = makeSite({ 'bantin.yaml': CONFIG }, 'new-draft');
    const r = runCli(['new', 'Lịch tiếp công dân tháng 12', '--root', root]);
    expect(r.status, r.stderr).toBe(0);
    const text = readFileSync(created(r.stdout), 'utf8');
    const frontMatter = text.split('\n---\n')[0];
    expect(frontMatter.split('\n')).toContain('draft: true');
    expect(frontMatter).toContain('author: "Văn phòng UBND xã An Hòa"');
    expect(text).toContain(`\n${PLACEHOLDER}\n`);
    expect(text).toMatch(new RegExp(`\\n\\n${TEMPLATE_NOTE}[^\\n]*\\n[\\s\\S]*-->\\n`));
  });

  it('takes --author over defaultAuthor, and writes an empty author when neither is given', () => {
    const root = makeSite({ 'bantin.yaml': CONFIG }, 'new-author');
    const r = runCli(['new', 'Họp dân thôn Đông', '--root', root, '--author', 'Trần Thị B']);
    expect(readFileSync(created(r.stdout), 'utf8')).toContain('\nauthor: "Trần Thị B"\n');
    const bare = makeSite({ 'bantin.yaml': 'title: X\n' }, 'new-no-author');
    expect(readFileSync(created(runCli(['new', 'Họp dân', '--root', bare]).stdout), 'utf8')).toContain('\nauthor: ""\n');
  });

  it('refuses a defaultAuthor that is not text, at its line', () => {
    const root = makeSite({ 'bantin.yaml': 'title: X\ndefaultAuthor: [a, b]\n' }, 'new-bad-author');
    const r = runCli(['new', 'Họp dân', '--root', root]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('bantin.yaml:2: error: `defaultAuthor` must be text');
    expect(existsSync(join(root, 'content'))).toBe(false);
  });

  it('says in Vietnamese that the article exists, without a stack trace', () => {
    const root = makeSite({ 'bantin.yaml': CONFIG }, 'new-exists');
    const path = created(runCli(['new', 'Họp dân', '--root', root]).stdout);
    const again = runCli(['new', 'Họp dân', '--root', root, '--lang', 'vi']);
    expect(again.status).toBe(1);
    expect(again.stderr).toBe(`bantin: lỗi: tệp ${path} đã có; bantin không ghi đè lên bài đã có\n  cách sửa: chọn tiêu đề khác, hoặc mở tệp đó ra để sửa\nbantin: lệnh new thất bại\n`);
  });
});

describe('the template in build', () => {
  /** A site whose one article is what `bantin new` wrote, then edited by `edit`; returns root and file. */
  function newSite(name: string, edit: (text: string) => string): { root: string; file: string } {
    const root = makeSite({ 'bantin.yaml': CONFIG }, name);
    const path = created(runCli(['new', 'Họp dân', '--root', root]).stdout);
    const file = path.slice(root.length + 1);
    writeFiles(root, { [file]: edit(readFileSync(path, 'utf8')) });
    return { root, file };
  }
  const publish = (t: string) => t.replace('draft: true\n', '');

  it('fails for a published article holding the placeholder, at its file and line, in Vietnamese and English', () => {
    const { root, file } = newSite('template-published', (t) => publish(t).replace(/<!--[\s\S]*?-->\n\n/, 'Đoạn mở đầu.\n\n'));
    const line = readFileSync(join(root, file), 'utf8').split('\n').indexOf(PLACEHOLDER) + 1;
    expect(line).toBeGreaterThan(8);
    const vi = runCli(['build', '--root', root, '--lang', 'vi']);
    expect(vi.status).toBe(1);
    expect(vi.stderr).toContain(`${file}:${line}:1: lỗi: bài viết vẫn còn phần mẫu của \`bantin new\``);
    expect(vi.stderr).toContain(`\n ${line} | ${PLACEHOLDER}\n`);
    expect(vi.stderr).toContain('để lại dòng `draft: true`');
    const en = runCli(['build', '--root', root, '--lang', 'en']);
    expect(en.status).toBe(1);
    expect(en.stderr).toContain(`${file}:${line}:1: error: the article still holds the template text of \`bantin new\``);
    const json = JSON.parse(runCli(['build', '--root', root, '--json']).stdout);
    expect(json.errors).toMatchObject([{ code: 'article-placeholder', file, line, column: 1 }]);
    expect(existsSync(join(root, 'dist'))).toBe(false);
  });

  it('fails for the how-to note left above a written article', () => {
    const { root, file } = newSite('template-note', (t) => publish(t).replace(`${PLACEHOLDER}\n`, 'Bài đã viết xong.\n'));
    const r = runCli(['build', '--root', root]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${file}:10:1: error: the article still holds the template`);
  });

  it('builds a draft holding the template, without publishing it unless --drafts', () => {
    const { root } = newSite('template-draft', (t) => t);
    const r = runCli(['build', '--root', root]);
    expect(r.status, r.stderr).toBe(0);
    expect(existsSync(join(root, 'dist/tin-tuc/hop-dan/index.html'))).toBe(false);
    expect(runCli(['build', '--root', root, '--drafts']).status).toBe(0);
    expect(readFileSync(join(root, 'dist/tin-tuc/hop-dan/index.html'), 'utf8')).toContain(PLACEHOLDER);
  });

  it('builds the article once it is written and the draft line is gone', () => {
    const { root } = newSite('template-done', (t) => publish(t).replace(/<!--[\s\S]*?-->\n\n/, '').replace(PLACEHOLDER, 'Sáng nay, thôn Đông họp dân.'));
    const r = runCli(['build', '--root', root]);
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(join(root, 'dist/tin-tuc/hop-dan/index.html'), 'utf8')).toContain('Sáng nay, thôn Đông họp dân.');
  });
});

describe('bantin check on drafts and authors', () => {
  const OLD_DRAFT = 'content/tin/nhap-cu.md', TEMPLATE = 'content/tin/nhap-mau.md', NO_AUTHOR = 'content/tin/khong-tac-gia.md', EMPTY_AUTHOR = 'content/tin/tac-gia-rong.md';
  const site = () => makeSite({
    [OLD_DRAFT]: article({ title: 'Nháp cũ', date: '2024-01-02 09:00', author: 'A', summary: 'Tóm tắt.', draft: true }),
    [TEMPLATE]: `---\ntitle: "Nháp mẫu"\ndate: 2099-01-01 08:00\nauthor: "A"\nsummary: "Tóm tắt."\ndraft: true\n---\n\n${PLACEHOLDER}\n`,
    [NO_AUTHOR]: article({ title: 'Không tác giả', date: '2024-01-03 09:00', summary: 'Tóm tắt.' }),
    [EMPTY_AUTHOR]: article({ title: 'Tác giả rỗng', date: '2024-01-04 09:00', summary: 'Tóm tắt.', author: '' }),
    'content/tin/tot.md': article({ title: 'Bài tốt', date: '2024-01-05 09:00', summary: 'Tóm tắt.', author: 'Lê Văn C' }),
  }, 'check-drafts');

  it('warns about each, with its code and line, in --json; exit 0, and exit 1 with --strict', () => {
    const root = site();
    const r = runCli(['check', '--root', root, '--json']);
    expect(r.status, r.stdout).toBe(0);
    const report = JSON.parse(r.stdout);
    const found = report.problems.map((p: { severity: string; code: string; file: string; line: number }) => [p.severity, p.code, p.file, p.line]);
    expect(found).toEqual([
      ['warning', 'check-no-author', NO_AUTHOR, 2],
      ['warning', 'check-old-draft', OLD_DRAFT, 6],
      ['warning', 'check-draft-placeholder', TEMPLATE, 9],
      ['warning', 'check-no-author', EMPTY_AUTHOR, 5],
    ].sort((a, b) => String(a[2]).localeCompare(String(b[2]))));
    expect(report).toMatchObject({ ok: true, errors: 0, warnings: 4 });
    const strict = runCli(['check', '--root', root, '--strict']);
    expect(strict.status).toBe(1);
    expect(strict.stdout).toContain('bantin: 4 error(s), 0 warning(s)');
  });

  it('says it in Vietnamese, with the draft\'s age', () => {
    const r = runCli(['check', '--root', site(), '--lang', 'vi']);
    expect(r.stderr).toMatch(new RegExp(`${OLD_DRAFT}:6: cảnh báo: bản nháp này đã \\d+ ngày chưa đăng \\(ngày ghi trong bài: 2024-01-02\\)`));
    expect(r.stderr).toContain(`${NO_AUTHOR}:2: cảnh báo: bài viết đã đăng nhưng chưa ghi tác giả (\`author\`)`);
    expect(r.stderr).toContain(`${TEMPLATE}:9:1: cảnh báo: bản nháp vẫn còn phần mẫu của \`bantin new\``);
    expect(r.stdout).toBe('bantin: 0 lỗi, 4 cảnh báo\n');
  });

  it('takes the age limit from --draft-age, and refuses one that is not a number of days', () => {
    const root = site();
    const days = Math.floor((Date.now() - Date.parse('2024-01-02T02:00:00Z')) / 86_400_000);
    const codes = (age: number) => JSON.parse(runCli(['check', '--root', root, '--json', '--draft-age', String(age)]).stdout).problems.map((p: { code: string }) => p.code);
    expect(codes(days - 1)).toContain('check-old-draft');
    expect(codes(days)).not.toContain('check-old-draft');
    const bad = runCli(['check', '--root', root, '--draft-age', 'ba mươi']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--draft-age must be a number of days');
  });
});
