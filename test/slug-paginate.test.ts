import { describe, expect, it } from 'vitest';
import { slugify } from '../src/base/slug.js';
import { pageOf, paginate } from '../src/model/paginate.js';

describe('Vietnamese slugs', () => {
  it.each([
    ['Đất đai', 'dat-dai'],
    ['ĐẤT ĐAI', 'dat-dai'],
    ['Văn hóa - Xã hội', 'van-hoa-xa-hoi'],
    ['Cải cách hành chính', 'cai-cach-hanh-chinh'],
    ['Thông báo số 12/TB-UBND', 'thong-bao-so-12-tb-ubnd'],
    ['  Hội nghị   tổng kết!  ', 'hoi-nghi-tong-ket'],
    ['Người dân được hưởng lợi', 'nguoi-dan-duoc-huong-loi'],
    ['../../etc/passwd', 'etc-passwd'],
    ['%2e%2e', '2e-2e'],
    ['🙂', ''],
  ])('%s → %s', (text, slug) => {
    expect(slugify(text)).toBe(slug);
  });

  it('NFC and NFD spellings give the same slug', () => {
    const nfc = 'Quản lý đất đai'.normalize('NFC');
    const nfd = nfc.normalize('NFD');
    expect(nfd).not.toBe(nfc);
    expect(slugify(nfd)).toBe(slugify(nfc));
  });
});

describe('pagination', () => {
  const items = (n: number) => Array.from({ length: n }, (_, i) => i);

  it('an empty list still has one empty page', () => {
    const pages = paginate(items(0), 10, 'tin-tuc/');
    expect(pages).toHaveLength(1);
    expect(pages[0]).toMatchObject({ number: 1, total: 1, items: [], path: 'tin-tuc/', prevPath: null, nextPath: null });
  });

  it('one item, exactly one page, one over', () => {
    expect(paginate(items(1), 10, '')).toHaveLength(1);
    expect(paginate(items(10), 10, '')).toHaveLength(1);
    const over = paginate(items(11), 10, '');
    expect(over).toHaveLength(2);
    expect(over[1]).toMatchObject({ number: 2, total: 2, items: [10], path: 'trang/2/', prevPath: '', nextPath: null });
    expect(over[0].nextPath).toBe('trang/2/');
  });

  it('links the first and last page and two either side, with gaps', () => {
    const pages = paginate(items(100), 10, 'x/');
    const show = (n: number) => pages[n - 1].links.map((l) => ('gap' in l ? '…' : l.number)).join(' ');
    expect(show(1)).toBe('1 2 3 … 10');
    expect(show(5)).toBe('1 … 3 4 5 6 7 … 10');
    expect(show(4)).toBe('1 2 3 4 5 6 … 10');
    expect(show(10)).toBe('1 … 8 9 10');
    expect(pages[4].links[2]).toEqual({ number: 3, path: 'x/trang/3/' });
    expect(paginate(items(1), 10, 'x/')[0].links).toEqual([{ number: 1, path: 'x/' }]);
  });

  it('finds the page that holds an item', () => {
    expect(pageOf(0, 10, 'x/')).toBe('x/');
    expect(pageOf(9, 10, 'x/')).toBe('x/');
    expect(pageOf(10, 10, 'x/')).toBe('x/trang/2/');
  });
});
