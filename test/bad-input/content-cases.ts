// Faults in articles and the files beside them. Each case is the clean base site plus one fault.
import { existsSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { PROJECT } from '../helpers.js';
import { FAULTY, md, ok, type Case } from './harness.js';

/** About 20 MB of ordinary Markdown: paragraphs with emphasis, links and lists. */
function big20MB(): string {
  const para = 'Ủy ban nhân dân huyện triển khai **kế hoạch** cải cách hành chính, xem [chi tiết](https://example.gov.vn/). ';
  const chunk = `${para.repeat(8)}\n\n- mục một\n- mục hai\n\n`;
  return ok().replace('Nội dung bài viết.', `${chunk.repeat(Math.ceil(20 * 1024 * 1024 / Buffer.byteLength(chunk)))}đoạn cuối cùng`);
}

const page = (root: string, path: string) => readFileSync(join(root, 'dist', path, 'index.html'), 'utf8');

/** A front-matter field of the wrong type: the message names the field's line (4). */
const wrongType = (field: string, value: string, message: RegExp): Case => ({
  name: `wrong type: ${field}: ${value}`,
  files: { [FAULTY]: md(['title: "Bài có lỗi"', 'date: 2024-01-03 09:00', `${field}: ${value}`].filter((l, i) => i === 2 || !l.startsWith(`${field}:`))) },
  exit: 1, where: `${FAULTY}:${field === 'title' || field === 'date' ? 3 : 4}`, message,
});

export const contentCases: Case[] = [
  // YAML syntax
  { name: 'YAML: unclosed quote', files: { [FAULTY]: md(['title: "Họp dân', 'date: 2024-01-03']) }, exit: 1, where: `${FAULTY}:2:8`, message: /double quote opened here is never closed/, hint: /closing " at the end/ },
  { name: 'YAML: colon in an unquoted title', files: { [FAULTY]: md(['title: Thông báo: lịch họp: tháng 3', 'date: 2024-01-03']) }, exit: 1, where: `${FAULTY}:2:17`, message: /value of `title` contains a colon/, hint: /double quotes: title: "Thông báo: lịch họp: tháng 3"/ },
  { name: 'YAML: bad indentation in a list', files: { [FAULTY]: md(['title: A', 'date: 2024-01-03', 'tags:', '    - a', '  - b']) }, exit: 1, where: `${FAULTY}:6:3`, message: /YAML syntax error/ },
  { name: 'YAML: tab indentation', files: { [FAULTY]: md(['title: A', 'date: 2024-01-03', 'tags:', '\t- a']) }, exit: 1, where: `${FAULTY}:5:1`, message: /tab/, hint: /tabs/ },
  { name: 'YAML: unknown tag (!!js/function)', files: { [FAULTY]: md(['title: !!js/function "function () { return 1 }"', 'date: 2024-01-03']) }, exit: 1, where: /^content\/tin-tuc\/loi\.md:2:\d+$/, message: /starting with `!` is read as a YAML tag/, hint: /double quotes/ },
  { name: 'YAML: duplicate key', files: { [FAULTY]: md(['title: A', 'date: 2024-01-03', 'title: B']) }, exit: 1, where: `${FAULTY}:4:1`, message: /key `title` appears a second time/, hint: /once/ },
  { name: 'YAML: aliases expanding to billions of values', files: { [FAULTY]: md(['title: A', 'date: 2024-01-03', 'a0: &a0 [x, x, x, x, x, x, x, x, x, x]',
    ...Array.from({ length: 8 }, (_, i) => `a${i + 1}: &a${i + 1} [${Array(10).fill(`*a${i}`).join(', ')}]`)]) }, exit: 1, where: `${FAULTY}:2`, message: /far too large.*aliases/, timeout: 20_000 },
  { name: 'front matter never closed', files: { [FAULTY]: '---\ntitle: A\ndate: 2024-01-03\nNội dung không có dòng đóng.\n' }, exit: 1, where: `${FAULTY}:4:1`, message: /never closed/, hint: /`---`/ },
  { name: 'no front matter', files: { [FAULTY]: 'Chỉ có nội dung.\n' }, exit: 1, where: `${FAULTY}:1`, message: /no front matter/ },
  { name: 'front matter in JavaScript (---js) is not run',
    setup: (root) => writeFileSync(join(root, FAULTY), `---js\n{ title: require("fs").writeFileSync(${JSON.stringify(join(root, 'PWNED'))}, "x") }\n---\nx\n`),
    exit: 1, where: `${FAULTY}:1`, message: /no front matter/, check: (root) => expect(existsSync(join(root, 'PWNED'))).toBe(false) },
  { name: 'front matter is a list', files: { [FAULTY]: md(['- title: A', '- date: 2024-01-03']) }, exit: 1, where: `${FAULTY}:2`, message: /`key: value` lines/ },

  // Every field with a value of the wrong type
  wrongType('title', '[Họp, dân]', /`title` must be text/),
  wrongType('date', '{ngay: 3}', /`date`: the date must be text.*not a mapping/),
  wrongType('updated', '[2024-01-04]', /`updated`: the date must be text.*not a list/),
  wrongType('author', '{ten: Lê Văn B}', /`author` must be text/),
  wrongType('views', '"1.234"', /`views` must be a whole number ≥ 0, not "1.234"/),
  wrongType('views', '-5', /`views` must be a whole number ≥ 0, not -5/),
  wrongType('category', '[Tin tức, Thông báo]', /`category` must be the name of one category/),
  wrongType('tags', '{a: 1}', /`tags` must be a list of texts/),
  wrongType('summary', '[một, hai]', /`summary` must be text/),
  wrongType('image', '{src: a.png}', /`image` must be the path or URL of an image/),
  wrongType('image', '"javascript:alert(1)"', /`image` may not be a javascript: URL/),
  wrongType('draft', 'có', /`draft` must be `true` or `false`/),
  wrongType('slug', '[a, b]', /`slug` must be text/),

  // Dates
  { name: 'date: missing', files: { [FAULTY]: md(['title: A']) }, exit: 1, where: `${FAULTY}:2`, message: /no `date`/ },
  { name: 'title: missing', files: { [FAULTY]: md(['date: 2024-01-03']) }, exit: 1, where: `${FAULTY}:2`, message: /no `title`/ },
  { name: 'date: 30 February', files: { [FAULTY]: md(['title: A', 'date: 2024-02-30 10:00']) }, exit: 1, where: `${FAULTY}:3`, message: /not a real calendar date/, hint: /day of the month/ },
  { name: 'date: hour 24', files: { [FAULTY]: md(['title: A', 'date: 2024-01-03 24:10']) }, exit: 1, where: `${FAULTY}:3`, message: /not a real calendar date or time/ },
  { name: 'date: in words', files: { [FAULTY]: md(['title: A', 'date: hôm qua']) }, exit: 1, where: `${FAULTY}:3`, message: /"hôm qua" is not a date/ },
  { name: 'date: far in the past (1066)', files: { [FAULTY]: md(['title: A', 'date: 1066-10-14']) }, exit: 1, where: `${FAULTY}:3`, message: /year 1066 is out of range/ },
  { name: 'date: far in the future (3024)', files: { [FAULTY]: md(['title: A', 'date: 3024-01-03']) }, exit: 1, where: `${FAULTY}:3`, message: /year 3024 is out of range/ },
  { name: 'date: five-digit year', files: { [FAULTY]: md(['title: A', 'date: 20240-01-03']) }, exit: 1, where: `${FAULTY}:3`, message: /not a date bantin understands/ },
  { name: 'date: year 2999 builds, unpublished until then', files: { [FAULTY]: md(['title: Tương lai', 'date: 2999-12-31 23:59']) }, exit: 0,
    check: (root) => expect(existsSync(join(root, 'dist/tin-tuc/loi'))).toBe(false) },
  { name: 'date: impossible offset +99:99', files: { [FAULTY]: md(['title: A', 'date: 2024-01-03T10:00:00+99:99']) }, exit: 1, where: `${FAULTY}:3`, message: /"\+99:99" is not a real UTC offset/ },
  { name: 'updated: 31 April', files: { [FAULTY]: ok(['updated: 2024-04-31']) }, exit: 1, where: `${FAULTY}:4`, message: /`updated`: "2024-04-31" is not a real calendar date/ },

  // Encodings and bytes
  { name: 'empty file', files: { [FAULTY]: '' }, exit: 1, where: FAULTY, message: /the file is empty/, hint: /front matter/ },
  { name: 'only blank lines', files: { [FAULTY]: '\n  \n\t\n' }, exit: 1, where: FAULTY, message: /the file is empty/ },
  { name: 'BOM and CRLF line ends build fine', files: { [FAULTY]: `\uFEFF${ok(['author: Trần Thị C']).replace(/\n/g, '\r\n')}` }, exit: 0,
    check: (root) => {
      const html = page(root, 'tin-tuc/loi');
      expect(html).toContain('<h1>Bài có lỗi</h1>');
      expect(html).toContain('Trần Thị C');
      expect(html).not.toContain('\r');
    } },
  { name: 'old Mac CR line ends build fine', files: { [FAULTY]: ok().replace(/\n/g, '\r') }, exit: 0, check: (root) => expect(page(root, 'tin-tuc/loi')).toContain('<h1>Bài có lỗi</h1>') },
  { name: 'invalid UTF-8 (a Windows-1258 byte)', files: { [FAULTY]: Buffer.concat([Buffer.from('---\ntitle: A\ndate: 2024-01-03\n---\nDòng một.\n\nVi'), Buffer.from([0xea, 0x74, 0x0a])]) },
    exit: 1, where: `${FAULTY}:7`, message: /not valid UTF-8/, hint: /UTF-8/ },
  { name: 'NUL byte', files: { [FAULTY]: Buffer.from(md(['title: A', 'date: 2024-01-03'], 'một\0hai')) }, exit: 1, where: `${FAULTY}:5`, message: /NUL byte/ },

  // Structure that could exhaust the parser
  { name: '10,000 nested blockquotes build, all text kept', files: { [FAULTY]: ok().replace('Nội dung bài viết.', `${'> '.repeat(10_000)}sâu nhất\n\nđoạn sau`) }, exit: 0,
    check: (root) => {
      const html = page(root, 'tin-tuc/loi');
      expect(html).toContain('sâu nhất');
      expect(html).toContain('<p>đoạn sau</p>');
    } },
  { name: '10,000 nested lists build, all text kept', files: { [FAULTY]: ok().replace('Nội dung bài viết.', `${'- '.repeat(10_000)}mục cuối\n\nđoạn sau`) }, exit: 0,
    check: (root) => {
      const html = page(root, 'tin-tuc/loi');
      expect(html).toContain('mục cuối');
      expect(html).toContain('<p>đoạn sau</p>');
    } },
  { name: '10,000 nested emphasis and brackets build', files: { [FAULTY]: ok().replace('Nội dung bài viết.', `${'*'.repeat(10_000)}x${'*'.repeat(10_000)}\n\n${'['.repeat(10_000)}y${']'.repeat(10_000)}\n\nđoạn sau`) }, exit: 0,
    check: (root) => expect(page(root, 'tin-tuc/loi')).toContain('<p>đoạn sau</p>') },

  { name: 'a 20 MB article builds', setup: (root) => writeFileSync(join(root, FAULTY), big20MB()), exit: 0, timeout: 120_000,
    check: (root) => {
      const html = page(root, 'tin-tuc/loi');
      expect(html.length).toBeGreaterThan(20_000_000);
      expect(html).toContain('đoạn cuối cùng');
    } },

  // File names and slugs
  { name: 'file names with spaces, Vietnamese and emoji', files: { 'content/tin-tuc/Họp dân khu phố 3.md': ok(), 'content/tin-tuc/🎉 Lễ hội Đền Hùng.md': ok(), 'content/tin-tuc/tab\there.md': ok() }, exit: 0,
    check: (root) => {
      for (const slug of ['hop-dan-khu-pho-3', 'le-hoi-den-hung', 'tab-here']) expect(existsSync(join(root, 'dist/tin-tuc', slug, 'index.html')), slug).toBe(true);
    } },
  { name: 'file name with no letters', files: { 'content/tin-tuc/🎉🎉.md': ok() }, exit: 1, where: 'content/tin-tuc/🎉🎉.md:2', message: /cannot make a URL from the file name/, hint: /slug/ },
  { name: 'two files with the same slug', files: { [FAULTY]: ok(['slug: bai-mot']) }, exit: 1, where: 'content/tin-tuc/bai-mot.md', message: /same URL \/tin-tuc\/bai-mot\/: content\/tin-tuc\/bai-mot\.md and content\/tin-tuc\/loi\.md/ },
  { name: 'same slug after folding (Trùng vs trung)', files: { 'content/tin-tuc/trung.md': ok(), 'content/tin-tuc/2024/Trùng.md': ok() }, exit: 1, where: 'content/tin-tuc/2024/Trùng.md', message: /same URL \/tin-tuc\/trung\// },
  ...[['../../../etc/passwd', 'etc-passwd'], ['/etc/cron.d/x', 'etc-cron-d-x'], ['a/b', 'a-b'], ["'a\\b'", 'a-b'], ['"%2e%2e%2f"', '2e-2e-2f'], ["'C:\\Windows\\x'", 'c-windows-x'], ['index.html', 'index-html']]
    .map(([slug, folded]): Case => ({
      name: `slug ${slug} is folded to ${folded}`, files: { [FAULTY]: ok([`slug: ${slug}`]) }, exit: 0,
      check: (root) => expect(existsSync(join(root, 'dist/tin-tuc', folded, 'index.html'))).toBe(true),
    })),
  { name: 'slug ..', files: { [FAULTY]: ok(['slug: ".."']) }, exit: 1, where: `${FAULTY}:4`, message: /cannot make a URL from `slug` "\.\."/ },

  // Categories and names bantin uses itself
  { name: 'category "Archive"', files: { [FAULTY]: ok(['category: Archive']) }, exit: 1, where: `${FAULTY}:4`, message: /category "Archive" would take the URL \/archive\// },
  { name: 'category "Trang"', files: { [FAULTY]: ok(['category: Trang']) }, exit: 1, where: `${FAULTY}:4`, message: /\/trang\/, which bantin uses itself/ },
  { name: 'category "Tìm kiếm"', files: { [FAULTY]: ok(['category: Tìm kiếm']) }, exit: 1, where: `${FAULTY}:4`, message: /\/tim-kiem\// },
  { name: 'category with no letters', files: { [FAULTY]: ok(['category: "!!!"']) }, exit: 1, where: `${FAULTY}:4`, message: /has no letters or digits/ },
  { name: 'a static file takes an article URL', files: { 'content/tin-tuc/bai-mot/index.html': '<p>x</p>' }, exit: 1, where: 'content/tin-tuc/bai-mot.md', message: /same URL \/tin-tuc\/bai-mot\// },
  { name: 'a static file takes the home page', files: { 'content/index.html': '<p>x</p>' }, exit: 1, where: 'content/index.html', message: /same URL \/: /, hint: /rename or move the file in content\// },
  { name: 'a static file takes the feed', files: { 'content/feed.xml': '<rss/>' }, exit: 1, where: 'content/feed.xml', message: /same output file \/feed\.xml/ },
  { name: 'a static file with a backslash in its name', files: { 'content/files/a\\b.pdf': 'x' }, exit: 1, where: 'content/files/a\\b.pdf', message: /backslash/ },

  // Symbolic links
  { name: 'symlink to a file outside the site', setup: (root) => symlinkSync('/etc/passwd', join(root, 'content/files/passwd.txt')), exit: 1, where: 'content/files/passwd.txt', message: /points outside the site folder/ },
  { name: 'symlink to a folder outside the site', setup: (root) => symlinkSync('/etc', join(root, 'content/etc')), exit: 1, where: 'content/etc', message: /points outside the site folder/ },
  { name: 'symlink to an article of another site', setup: (root) => symlinkSync(join(PROJECT, 'README.md'), join(root, FAULTY)), exit: 1, where: FAULTY, message: /points outside the site folder/ },
  { name: 'symlink pointing to nothing', setup: (root) => symlinkSync('khong-co.md', join(root, FAULTY)), exit: 1, where: FAULTY, message: /points to nothing/ },
  { name: 'symlink loop (a folder linking to its parent)', setup: (root) => symlinkSync('..', join(root, 'content/tin-tuc/vong')), exit: 1, where: 'content/tin-tuc/vong', message: /makes a loop/ },
  { name: 'symlink inside the site is followed', setup: (root) => symlinkSync('../files/ke-hoach.pdf', join(root, 'content/tin-tuc/ke-hoach.pdf')), exit: 0,
    check: (root) => expect(readFileSync(join(root, 'dist/tin-tuc/ke-hoach.pdf'), 'utf8')).toBe('%PDF-1.4 kế hoạch') },
];
