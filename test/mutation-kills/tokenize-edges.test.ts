// The tokenizer's edges that the reference comparison in search-text.test.ts does not reach
// (survivors of npm run mutate on src/outputs/search/tokenize.ts): surrogate pairs whose low half is
// U+DFFF, a lone low surrogate after a letter, the class table seen fresh, and two spellings with
// the same FNV-1a hash, which the interning table must still keep apart.
import { describe, expect, it, vi } from 'vitest';
import { scan, TermTable, tokenize } from '../../src/outputs/search/tokenize.js';

const words = (s: string) => tokenize(s).map((t) => [t.exact, t.brk]);

describe('tokenize at the edges of UTF-16', () => {
  it('keeps a letter or digit whose low surrogate is U+DFFF inside its word (𝟿 is U+1D7FF)', () => {
    expect('𝟿'.charCodeAt(1)).toBe(0xdfff);
    expect(words('a𝟿b đất𝟿')).toEqual([['a𝟿b', true], ['đất𝟿', false]]);
  });

  it('ends a word at a lone low surrogate after a non-ASCII letter', () => {
    expect(words('đ\udc00b')).toEqual([['đ', true], ['b', true]]);
    expect(words('ấ\udc00\udc00ấ')).toEqual([['ấ', true], ['ấ', true]]);
    // Above the surrogates too: a fullwidth letter (U+FF21) before a lone low half.
    expect(words('Ａ\udc00b')).toEqual([['ａ', true], ['b', true]]);
  });

  it('classifies characters right the first time it sees them (a fresh module, an empty class table)', async () => {
    vi.resetModules();
    const fresh = await import('../../src/outputs/search/tokenize.js');
    expect(fresh.tokenize('Đất đai ở xã Ấp Bắc').map((t) => t.exact)).toEqual(['đất', 'đai', 'ở', 'xã', 'ấp', 'bắc']);
    expect(fresh.tokenize('𝐀𝐁 😀 ꙮ').map((t) => t.exact)).toEqual(['𝐀𝐁', 'ꙮ']);
  });
});

describe('TermTable with two spellings of one hash', () => {
  // Found by search over six-letter words; checked here, so the test says if the hash ever changes.
  const [x, y] = ['yaczfa', 'glbppa'];

  it('gives them different ids, however often and in whichever order they come', () => {
    const hashes: number[] = [];
    scan(`${x} ${y}`, (_s, _e, _b, h) => hashes.push(h));
    expect(hashes[0]).toBe(hashes[1]);
    const table = new TermTable();
    const n = table.scan(`${x} ${y} ${x} ${y}x ${y}`);
    const ids = Array.from(table.ids.subarray(0, n), (v) => table.exact[v >> 1]);
    expect(ids).toEqual([x, y, x, `${y}x`, y]);
  });
});
