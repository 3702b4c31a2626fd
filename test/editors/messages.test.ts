// The message catalogue: every entry in both languages with the same parameters, no code twice;
// and what the CLI prints in each language (help, usage errors, summaries, --json codes).
import { describe, expect, it } from 'vitest';
import { CATALOGUE, CATALOGUE_PARTS } from '../../src/base/messages/index.js';
import { article, makeSite, runCli } from '../helpers.js';

/** A text's parameters; `{nameVi}` / `{nameEn}` are one parameter, worded for each language. */
const params = (s: string) => [...new Set([...s.matchAll(/\{(\w+?)(Vi|En)?\}/g)].map((m) => m[1]))].sort();

describe('the catalogue', () => {
  it('has Vietnamese and English for every message and hint, with the same parameters', () => {
    const missing: string[] = [];
    for (const [code, e] of Object.entries(CATALOGUE)) {
      for (const [what, pair] of [['text', e], ['hint', e.hint]] as const) {
        if (!pair) continue;
        if (!pair.vi?.trim() || !pair.en?.trim()) missing.push(`${code} (${what})`);
        else if (params(pair.vi).join() !== params(pair.en).join()) missing.push(`${code} (${what}: parameters differ)`);
      }
    }
    expect(missing).toEqual([]);
    expect(Object.keys(CATALOGUE).length).toBeGreaterThan(40);
  });

  it('has no code twice across its parts', () => {
    const codes = Object.values(CATALOGUE_PARTS).flatMap((part) => Object.keys(part));
    expect(codes.filter((c, i) => codes.indexOf(c) !== i)).toEqual([]);
    expect(codes.every((c) => /^[a-z]+(-[a-z]+)*$/.test(c))).toBe(true);
  });
});

const vi = { BANTIN_LANG: '' };

describe('the CLI in the site\'s language', () => {
  const good = () => makeSite({ 'content/tin-tuc/bai.md': article({ title: 'Họp dân', date: '2024-01-03 08:00', author: 'Lê Văn A', summary: 'Tóm tắt.' }) }, 'messages');

  it('prints --help in Vietnamese by default and in English with --lang en', () => {
    expect(runCli(['--help'], { env: vi, cwd: good() }).stdout).toMatch(/^Cách dùng: bantin <lệnh>[\s\S]*Dựng trang vào thư mục kết quả/);
    expect(runCli(['--help', '--lang', 'en'], { env: vi }).stdout).toMatch(/^Usage: bantin <command>[\s\S]*Build the site into the output folder/);
  });

  it('says usage errors in Vietnamese, exit code 2', () => {
    const r = runCli(['bulid'], { env: vi, cwd: good() });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^bantin: không có lệnh "bulid"/);
    expect(runCli(['build', '--lang', 'fr'], { env: vi }).stderr).toContain('--lang phải là vi hoặc en, không phải fr');
  });

  it('prints the build and check summaries in Vietnamese', () => {
    const root = good();
    expect(runCli(['build', '--root', root], { env: vi }).stdout).toMatch(/^bantin: đã dựng \d+ trang \(ghi \d+ tệp\) vào .* trong \d+ ms\n$/);
    expect(runCli(['check', '--root', root], { env: vi }).stdout).toBe('bantin: 0 lỗi, 0 cảnh báo\n');
    expect(runCli(['check', '--root', root, '--lang', 'en'], { env: vi }).stdout).toBe('bantin: 0 error(s), 0 warning(s)\n');
  });

  it('keeps the stable code beside the Vietnamese text in --json', () => {
    const root = makeSite({ 'content/tin-tuc/bai.md': '---\ntitle: "Họp dân\ndate: 2024-01-03\n---\nx\n' }, 'messages');
    const r = runCli(['build', '--root', root, '--json'], { env: vi });
    expect(r.status).toBe(1);
    const [error] = JSON.parse(r.stdout).errors;
    expect(error).toMatchObject({ code: 'yaml-unclosed-quote', line: 2, column: 8, message: 'dấu ngoặc kép mở ở đây chưa được đóng', file: 'content/tin-tuc/bai.md' });
    expect(error.hint).toMatch(/^thêm dấu "/);
    const check = JSON.parse(runCli(['check', '--root', root, '--json', '--lang', 'en'], { env: vi }).stdout);
    expect(check.problems[0]).toMatchObject({ code: 'yaml-unclosed-quote', message: 'the double quote opened here is never closed' });
  });
});
