// `bantin check` in-process: checkSite's editorial warnings (src/tools/check.ts) at their files and
// lines, and the command's exit codes, --strict, --json and --draft-age (src/cli/main.ts).
// The real binary: check-strict.test.ts.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSite, DRAFT_AGE_DAYS } from '../../src/tools/check.js';
import { templateBody } from '../../src/load/article-template.js';
import { text } from '../../src/base/messages/index.js';
import type { Problem } from '../../src/base/types.js';
import { article, makeSite } from '../helpers.js';
import { bantin } from './cli-io.js';

const USAGE_EN = text('cli-usage', {}, 'en');
const DAY = 86_400_000;
/** 2024-01-05 09:00 in Asia/Ho_Chi_Minh (+07:00). */
const JAN5 = Date.UTC(2024, 0, 5, 2, 0);
const ok = (title: string, date: string, extra: Record<string, unknown> = {}) => article({ title, date, author: 'Lê Văn A', summary: 'Tóm tắt.', ...extra });
const draft = (title: string, body = 'Đang viết.') => `---\ntitle: "${title}"\ndate: "2024-01-05 09:00"\nsummary: "Nháp."\ndraft: true\n---\n${body}\n`;
const brief = (p: Problem) => [p.severity, p.file, p.line ?? null, p.code];

describe('checkSite: editorial warnings', () => {
  it('the same title on the same day, in any case, is a warning on the later file naming the other', () => {
    const root = makeSite({
      'content/tin/a.md': ok('Họp dân', '2024-03-02 08:00'),
      'content/tin/b.md': ok('HỌP DÂN', '2024-03-02 17:00'),
      // The same title on another day, month or year is no copy.
      'content/tin/c.md': ok('Họp dân', '2024-03-03 08:00'),
      'content/tin/d.md': ok('Họp dân', '2024-04-02 08:00'),
      'content/tin/e.md': ok('Họp dân', '2023-03-02 08:00'),
    }, 'check-same');
    const problems = checkSite({ root });
    expect(problems.map(brief)).toEqual([['warning', expect.stringMatching(/^content\/tin\/[ab]\.md$/), null, 'check-same-title']]);
    const [p] = problems;
    const other = p.file === 'content/tin/a.md' ? 'content/tin/b.md' : 'content/tin/a.md';
    expect(p.params).toMatchObject({ other });
    expect(p.message).toBe(`the same title "${p.file === 'content/tin/a.md' ? 'Họp dân' : 'HỌP DÂN'}" is used by ${other} on the same day`);
  });

  it('no summary, and a published article without author at the author line (line 2 when there is none); drafts need no author', () => {
    const root = makeSite({
      'content/tin/a.md': '---\ntitle: "Không tóm tắt"\ndate: "2024-01-01 08:00"\nauthor: "Lê Văn A"\n---\n',
      'content/tin/b.md': '---\ntitle: "Tác giả trống"\ndate: "2024-01-02 08:00"\nsummary: "S."\nauthor: "  "\n---\nx\n',
      'content/tin/c.md': '---\ntitle: "Không có tác giả"\ndate: "2024-01-03 08:00"\nsummary: "S."\n---\nx\n',
      'content/tin/d.md': '---\ntitle: "Nháp không tác giả"\ndate: "2099-01-03 08:00"\nsummary: "S."\ndraft: true\n---\nx\n',
    }, 'check-author');
    expect(checkSite({ root }).map(brief)).toEqual([
      ['warning', 'content/tin/a.md', null, 'check-no-summary'],
      ['warning', 'content/tin/b.md', 5, 'check-no-author'],
      ['warning', 'content/tin/c.md', 2, 'check-no-author'],
    ]);
  });

  it('a draft older than the limit (30 days unless told): its age, date and the limit, at the draft: line; not one day before', () => {
    const root = makeSite({ 'content/tin/nhap.md': draft('Nháp cũ') }, 'check-old');
    expect(DRAFT_AGE_DAYS).toBe(30);
    const at = (now: number, draftAgeDays?: number) => checkSite({ root, now, draftAgeDays });
    expect(at(JAN5 + 31 * DAY - 1)).toEqual([]);
    const [p, ...rest] = at(JAN5 + 31 * DAY);
    expect(rest).toEqual([]);
    expect(brief(p)).toEqual(['warning', 'content/tin/nhap.md', 5, 'check-old-draft']);
    expect(p.message).toBe('this draft has waited 31 days unpublished (its date: 2024-01-05)');
    expect(p.hint).toContain('`bantin check --draft-age 30`');
    expect(at(JAN5 + 8 * DAY, 7).map(brief)).toEqual([['warning', 'content/tin/nhap.md', 5, 'check-old-draft']]);
    expect(at(JAN5 + 8 * DAY - 1, 7)).toEqual([]);
    expect(at(JAN5 + 8 * DAY, 7)[0].hint).toContain('`bantin check --draft-age 7`');
  });

  it('a draft still holding bantin new\'s template, at its line and column, also with a BOM and CRLF line ends', () => {
    const body = templateBody();
    const plain = draft('Nháp mẫu', body);
    const crlf = `\uFEFF${draft('Nháp mẫu khác', body).replace(/\n/g, '\r\n')}`;
    // Old Mac line ends (CR alone), which the article loader reads too.
    const cr = draft('Nháp mẫu thứ ba', body).replace(/\n/g, '\r');
    const root = makeSite({ 'content/tin/a.md': plain, 'content/tin/b.md': crlf, 'content/tin/c.md': cr }, 'check-template');
    const problems = checkSite({ root, now: JAN5 });
    expect(problems.map(brief)).toEqual([
      ['warning', 'content/tin/a.md', 7, 'check-draft-placeholder'],
      ['warning', 'content/tin/b.md', 7, 'check-draft-placeholder'],
      ['warning', 'content/tin/c.md', 7, 'check-draft-placeholder'],
    ]);
    expect(problems[0].column).toBe(1);
    expect(problems[1]).toMatchObject({ line: 7, column: 1, excerpt: problems[0].excerpt });
    expect(problems[0].excerpt).toBe(body.split('\n')[0]);
  });

  it('drafts are checked as if published: a broken link in a draft is reported', () => {
    const root = makeSite({ 'content/tin/a.md': `---\ntitle: "Nháp"\ndate: "2024-01-05 09:00"\nsummary: "S."\ndraft: true\n---\nXem [x](../khong-co.md).\n` }, 'check-drafts');
    expect(checkSite({ root, now: JAN5 }).map((p) => [p.severity, p.file, p.code])).toEqual([['warning', 'content/tin/a.md', expect.stringMatching(/link/)]]);
  });

  it('problems are sorted by file, then line; with strict every one is an error, and nothing else changes', () => {
    const root = makeSite({
      'content/tin/z.md': '---\ntitle: "Z"\ndate: "2024-01-01 08:00"\nsummary: "S."\nauthor: ""\n---\nXem [x](../khong-co.md).\n',
      'content/tin/a.md': '---\ntitle: "A"\ndate: "2024-01-09 08:00"\nauthor: "B"\n---\n',
    }, 'check-sort');
    const loose = checkSite({ root });
    expect(loose.map(brief)).toEqual([
      ['warning', 'content/tin/a.md', null, 'check-no-summary'],
      ['warning', 'content/tin/z.md', 5, 'check-no-author'],
      ['warning', 'content/tin/z.md', 7, expect.stringMatching(/link/)],
    ]);
    // Without the broken link (which strict makes a build error, and the check stops there).
    writeFileSync(join(root, 'content/tin/z.md'), '---\ntitle: "Z"\ndate: "2024-01-01 08:00"\nsummary: "S."\nauthor: ""\n---\nx\n');
    const editorial = checkSite({ root });
    expect(editorial.map(brief)).toEqual(loose.slice(0, 2).map(brief));
    const strict = checkSite({ root, strict: true });
    expect(strict).toEqual(editorial.map((p) => ({ ...p, severity: 'error' })));
    expect(checkSite({ root, strict: false })).toEqual(editorial);
  });

  it('a site that does not load: its errors, not an exception', () => {
    const root = makeSite({ 'content/tin/c.md': '---\ntitle: Ngày sai\ndate: 2024-13-45\n---\nx\n' }, 'check-bad');
    const problems = checkSite({ root });
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((p) => p.severity === 'error' && p.file === 'content/tin/c.md')).toBe(true);
  });
});

describe('bantin check in-process', () => {
  const BROKEN = ok('Có liên kết hỏng', '2024-01-02 09:00', {});
  const broken = () => makeSite({ 'content/tin/a.md': `${BROKEN}Xem [bài cũ](../khong-co.md).\n`, 'content/tin/b.md': ok('Bình thường', '2024-01-01 09:00') }, 'check-cli');

  it('warnings: exit 0, each on stderr, the count on stdout; --strict: exit 1, errors', async () => {
    const root = broken();
    const r = await bantin(['check', '--root', root]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^content\/tin\/a\.md:\d+:\d+: warning: broken link: \.\.\/khong-co\.md/);
    expect(r.stdout).toBe('bantin: 0 error(s), 1 warning(s)\n');
    const strict = await bantin(['check', '--root', root, '--strict']);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toMatch(/^content\/tin\/a\.md:\d+:\d+: error: broken link/);
    expect(strict.stdout).toBe('bantin: 1 error(s), 0 warning(s)\n');
    const here = await bantin(['check'], { cwd: root });
    expect(here.stdout).toBe('bantin: 0 error(s), 1 warning(s)\n');
  });

  it('--json: the report alone, on stdout, in the reader\'s language; exit 1 with --strict', async () => {
    const root = broken();
    const plain = await bantin(['check', '--root', root, '--json', '--lang', 'vi']);
    expect(plain.code).toBe(0);
    expect(plain.stderr).toBe('');
    const p = JSON.parse(plain.stdout);
    expect(Object.keys(p)).toEqual(['ok', 'errors', 'warnings', 'problems']);
    expect(p).toMatchObject({ ok: true, errors: 0, warnings: 1 });
    expect(p.problems).toHaveLength(1);
    expect(p.problems[0]).toMatchObject({ severity: 'warning', file: 'content/tin/a.md', code: expect.any(String) });
    expect(p.problems[0].message).toMatch(/liên kết hỏng/);
    const strict = await bantin(['check', '--root', root, '--json', '--strict']);
    expect(strict.code).toBe(1);
    expect(JSON.parse(strict.stdout)).toMatchObject({ ok: false, errors: 1, warnings: 0 });
  });

  it('--draft-age: a whole number of days from 1; anything else is a usage error', async () => {
    const root = makeSite({ 'content/tin/nhap.md': draft('Nháp cũ') }, 'check-age');
    const days = Math.floor((Date.now() - JAN5) / DAY);
    const old = await bantin(['check', '--root', root, '--draft-age', String(days - 1)]);
    expect(old.stderr).toContain(`this draft has waited ${days} days`);
    const fresh = await bantin(['check', '--root', root, '--draft-age', String(days)]);
    expect(fresh).toEqual({ code: 0, stdout: 'bantin: 0 error(s), 0 warning(s)\n', stderr: '' });
    expect((await bantin(['check', '--root', root, '--draft-age', '1'])).stdout).toBe('bantin: 0 error(s), 1 warning(s)\n');
    for (const value of ['0', '-3', '1.5', 'abc', '']) {
      const r = await bantin(['check', '--root', root, `--draft-age=${value}`]);
      expect(r, value).toEqual({ code: 2, stdout: '', stderr: `bantin: --draft-age must be a number of days (a whole number ≥ 1), not ${value}\n\n${USAGE_EN}` });
    }
  });

  it('a site with errors: exit 1 with or without --strict', async () => {
    const root = makeSite({ 'content/tin/c.md': '---\ntitle: Ngày sai\ndate: 2024-13-45\n---\nx\n' }, 'check-cli-bad');
    const r = await bantin(['check', '--root', root]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^content\/tin\/c\.md:\d+: error: /);
    expect(r.stdout).toMatch(/^bantin: [1-9]\d* error\(s\), 0 warning\(s\)\n$/);
  });
});
