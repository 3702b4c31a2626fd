// The message catalogue: every entry in both languages with the same parameters, no code twice;
// and what the CLI prints in each language (help, usage errors, summaries, --json codes).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOGUE, CATALOGUE_PARTS } from '../../src/base/messages/index.js';
import { article, makeSite, PROJECT, runCli } from '../helpers.js';

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

/**
 * Lines of a module that put a literal text where a person reads it: `throw new Error('…')`,
 * `problems.error(file, '…')` / `warn`, `hint: '…'`, a sentence written to stdout or stderr. The
 * marker `allow-literal-message` on the line or the one above lets one pass (an internal invariant
 * nobody sees, or the English kept beside a catalogue code), and says why.
 */
function literalMessages(source: string): number[] {
  const patterns = [/throw new Error\(\s*['`"]/, /problems\.(error|warn)\([^,()]*,\s*['`"]/, /\bhint: ['`"]/, /(console\.(log|error|warn)|process\.(stdout|stderr)\.write)\(\s*['`"][^'`"]*?[A-Za-z]{3,} [a-z]{3,}/];
  const lines = source.split('\n');
  return lines.flatMap((l, i) => (patterns.some((p) => p.test(l)) && !/allow-literal-message/.test(`${lines[i - 1] ?? ''}\n${l}`) ? [i + 1] : []));
}

/**
 * Modules whose messages are not in the catalogue yet, with how many such lines each has: the count
 * may only go down (lower it here when you move one). A module not listed may have none.
 */
const NOT_YET_MOVED: Record<string, number> = {};

describe('messages outside the catalogue', () => {
  it('finds a literal message, and lets one with the marker pass (the scan can fail)', () => {
    expect(literalMessages("if (!ok) throw new Error('the file is broken');\nproblems.warn(path, `bad ${x}`, { hint: 'fix it' });")).toEqual([1, 2]);
    expect(literalMessages("// allow-literal-message: internal\nthrow new Error('cut short');\nthrow new Error(text('code'));")).toEqual([]);
  });

  it('has no module with more literal messages than the list of those still to move', () => {
    const src = join(PROJECT, 'src');
    const found: Record<string, number> = {};
    for (const file of readdirSync(src, { recursive: true }) as string[]) {
      const path = file.split('\\').join('/');
      if (!path.endsWith('.ts') || path.startsWith('base/messages/')) continue;
      const lines = literalMessages(readFileSync(join(src, file), 'utf8'));
      if (lines.length) found[path] = lines.length;
    }
    expect(found).toEqual(NOT_YET_MOVED);
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
