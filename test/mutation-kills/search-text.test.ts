// Folding and tokenizing against a plain reference written from their documented rules: the fast
// single-pass scanner, the interning TermTable and tokenize() must all agree with it, on chosen
// cases and on random text built from the characters that matter (survivors of npm run mutate).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exactForm, foldVietnamese } from '../../src/base/fold.js';
import { MAX_TOKEN_LENGTH, scan, SOFT_SEPARATORS, TermTable, tokenize, type Token } from '../../src/outputs/search/tokenize.js';

const WORD = /^[\p{L}\p{N}\p{M}]/u;

/** The rules as the module comments state them, one code point at a time. */
function reference(s: string): (Token & { start: number })[] {
  const out: (Token & { start: number })[] = [];
  let brk = true;
  let pending = false;
  for (const m of s.matchAll(/[\p{L}\p{N}\p{M}]+|[^]/gu)) {
    const t = m[0];
    if (!WORD.test(t)) {
      if (!SOFT_SEPARATORS.includes(t)) brk = true;
      continue;
    }
    if (t.length > MAX_TOKEN_LENGTH) {
      brk = true;
      continue;
    }
    const exact = t.normalize('NFC').toLowerCase();
    const fold = exact.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd');
    if (fold === '') pending = true;
    else {
      out.push({ exact, fold, brk: brk || pending, start: m.index! });
      pending = false;
    }
    brk = false;
  }
  return out;
}

/** FNV-1a over UTF-16 code units, as scan() documents its hash. */
function fnv(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h;
}

const PIECES = [
  'a', 'Z', '7', 'đ', 'Đ', 'ấ', 'Ấ', 'a\u0301', '\u0301', '\u0323\u0302', 'ư', 'Ơ', 'ß', 'İ', ' ', '\t', '\u00a0', '\u2009', '\u202f',
  '-', '*', '_', '.', ',', '/', '\n', '(', '😀', '𝐀', '\ud800', '\udc00', '\ud800x', 'x'.repeat(MAX_TOKEN_LENGTH), 'y'.repeat(MAX_TOKEN_LENGTH + 1),
  'Đất', 'đai', 'Huyện', 'năm', '2024', '中文', 'ي', 'ǅ', '\u00ad', '\u200b', '@', '`', '{', '~', '[', ':',
];
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }).map((a) => a.join(''));

describe('foldVietnamese and exactForm', () => {
  it('fold: lowercase, no Vietnamese marks, đ as d; marks of other scripts stay', () => {
    expect(foldVietnamese('Đất Đai ĐỒNG')).toBe('dat dai dong');
    expect(foldVietnamese('Ủy ban Nhân dân xã Ngọc Hồi')).toBe('uy ban nhan dan xa ngoc hoi');
    expect(foldVietnamese('a\u0301 á')).toBe('a a');
    expect(foldVietnamese('\u0301\u036f')).toBe('');
    expect(foldVietnamese('\u0370x\u0483')).toBe('\u0371x\u0483');
    expect(foldVietnamese('ddđĐ')).toBe('dddd');
  });

  it('exact form: NFC lowercase, marks kept', () => {
    expect(exactForm('A\u0301')).toBe('á');
    expect(exactForm('BẠN')).toBe('bạn');
    expect(exactForm('bán')).not.toBe(exactForm('bạn'));
    expect(exactForm('Đ')).toBe('đ');
  });
});

describe('the tokenizer agrees with the reference', () => {
  it('on chosen cases', () => {
    const cases: [string, [string, string, boolean][]][] = [
      ['Đất đai', [['đất', 'dat', true], ['đai', 'dai', false]]],
      ['đất. Đai', [['đất', 'dat', true], ['đai', 'dai', true]]],
      ['a-b*c_d\u00a0e\tf', [['a', 'a', true], ['b', 'b', false], ['c', 'c', false], ['d', 'd', false], ['e', 'e', false], ['f', 'f', false]]],
      ['a,b/c\nd', [['a', 'a', true], ['b', 'b', true], ['c', 'c', true], ['d', 'd', true]]],
      [`a ${'x'.repeat(MAX_TOKEN_LENGTH + 1)} b`, [['a', 'a', true], ['b', 'b', true]]],
      [`a ${'x'.repeat(MAX_TOKEN_LENGTH)} b`, [['a', 'a', true], ['x'.repeat(MAX_TOKEN_LENGTH), 'x'.repeat(MAX_TOKEN_LENGTH), false], ['b', 'b', false]]],
      ['a \u0301 b', [['a', 'a', true], ['b', 'b', true]]],
      ['a😀b 𝐀x', [['a', 'a', true], ['b', 'b', true], ['𝐀x', '𝐀x', false]]],
      ['a\ud800b \udc00c', [['a', 'a', true], ['b', 'b', true], ['c', 'c', true]]],
      ['Z9 AZ az 09', [['z9', 'z9', true], ['az', 'az', false], ['az', 'az', false], ['09', '09', false]]],
      ['@a`b{c~d[e:f', [['a', 'a', true], ['b', 'b', true], ['c', 'c', true], ['d', 'd', true], ['e', 'e', true], ['f', 'f', true]]],
    ];
    for (const [s, want] of cases) {
      expect(tokenize(s).map((t) => [t.exact, t.fold, t.brk]), s).toEqual(want);
      expect(reference(s).map((t) => [t.exact, t.fold, t.brk]), `reference: ${s}`).toEqual(want);
    }
  });

  it('tokenize, scan (with its hash) and TermTable.scan on random text', () => {
    // One table for every run: later runs meet spellings already interned, and it grows past its first size.
    const table = new TermTable();
    fc.assert(fc.property(text, (s) => {
      const want = reference(s);
      expect(tokenize(s).map(({ exact, fold, brk }) => ({ exact, fold, brk }))).toEqual(want.map(({ exact, fold, brk }) => ({ exact, fold, brk })));
      const seen: { start: number; hash: number; raw: string }[] = [];
      scan(s, (start, end, _brk, hash) => seen.push({ start, hash, raw: s.slice(start, end) }));
      for (const v of seen) expect(v.hash, JSON.stringify(v.raw)).toBe(fnv(v.raw));
      const n = table.scan(s);
      const got = [...table.ids.subarray(0, n)].map((id) => ({ exact: table.exact[id >> 1], fold: table.folds[table.foldOf[id >> 1]], brk: (id & 1) === 1 }));
      expect(got).toEqual(want.map(({ exact, fold, brk }) => ({ exact, fold, brk })));
    }), { numRuns: 400, seed: 22 });
  });

  it('TermTable: one id per exact spelling, one fold id per folded form, across thousands of spellings', () => {
    const table = new TermTable();
    const words = Array.from({ length: 5000 }, (_, i) => `từ${i.toString(36)}`);
    const s = words.join(' ');
    const n = table.scan(s);
    expect(n).toBe(words.length);
    const again = table.scan(`${s} ${s.toUpperCase()} ${words.map((w) => w.replace('ừ', 'u')).join(' ')}`);
    expect(again).toBe(words.length * 3);
    const ids = [...table.ids.subarray(0, again)].map((id) => id >> 1);
    expect(ids.slice(0, words.length)).toEqual(ids.slice(words.length, words.length * 2));
    expect(new Set(ids.slice(0, words.length)).size).toBe(words.length);
    expect(table.exact).toHaveLength(words.length * 2);
    expect(table.folds).toHaveLength(words.length);
    for (let i = 0; i < words.length; i++) expect(table.foldOf[ids[i]]).toBe(table.foldOf[ids[words.length * 2 + i]]);
    // A table restored from the arrays gives the same ids to the same spellings.
    const restored = TermTable.restore(table.exact, table.foldOf, table.folds);
    const m = restored.scan(s);
    expect([...restored.ids.subarray(0, m)].map((id) => id >> 1)).toEqual(ids.slice(0, words.length));
    expect(restored.exact).toHaveLength(words.length * 2);
    expect(restored.folds).toHaveLength(words.length);
  });

  it('a token of only combining marks parts the words around it but is no token itself', () => {
    const table = new TermTable();
    const n = table.scan('a \u0301 b');
    expect([...table.ids.subarray(0, n)].map((id) => [table.exact[id >> 1], id & 1])).toEqual([['a', 1], ['b', 1]]);
    expect(table.exact).toEqual(['a', 'b']);
  });
});
