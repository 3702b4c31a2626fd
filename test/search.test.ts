import fc from 'fast-check';
import { deserialize, serialize } from 'node:v8';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSearchIndex, MEMO_MAX_DOCS, searchIndexSteps, type IndexMemo, type SearchDoc } from '../src/outputs/search/build-index.js';
import { IntList, NumberWriter, hashKey, readNumbers } from '../src/outputs/search/encode.js';
import { exactForm, foldVietnamese } from '../src/base/fold.js';
import { TermTable, tokenize } from '../src/outputs/search/tokenize.js';

// The browser client: importing it in Node only sets globalThis.BantinSearch.
interface ClientToken { exact: string; fold: string; brk: boolean; start: number; end: number }
interface Client {
  fold(s: string): string;
  exact(s: string): string;
  tokenize(s: string): ClientToken[];
  hash(s: string): number;
  numbers(s: string): number[];
  createEngine(load: (path: string) => Promise<unknown>): {
    search(q: string, filters?: { category?: string; year?: string }): Promise<{ ids: number[]; words: ClientToken[]; prefix: boolean }>;
    docs(ids: number[]): Promise<unknown[][]>;
  };
  highlight(text: string, words: ClientToken[], prefix: boolean): Array<[string, boolean]>;
  excerpt(record: unknown[], words: ClientToken[], prefix: boolean, max?: number): Array<[string, boolean]>;
}
let client: Client;
beforeAll(async () => {
  // @ts-expect-error plain browser script without type declarations
  await import('../templates/assets/search.js');
  client = (globalThis as unknown as { BantinSearch: Client }).BantinSearch;
});

const nfd = (s: string) => s.normalize('NFD');
const VOWELS = 'àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ';
const SAMPLES = [
  'Đất đai', 'ĐẤT ĐAI', nfd('Đất đai'), 'Ủy ban nhân dân huyện Cần Giờ', 'Văn hóa - Xã hội', 'Hoà hòa HÒA',
  'Nghị định 15/2023/NĐ-CP, ngày 28/01/2020.', 'cải cách\thành chính\n\nbán bạn bàn', VOWELS, VOWELS.toUpperCase(),
  nfd(VOWELS), 'x'.repeat(41) + ' ok', '  ,. ', '\u0301\u0300 mồ côi', 'phố\u00a0cổ – “Hà Nội”…', '𝐀𝐁 😀 ab𠀀c',
  'a\ud800b \udc00c', 'İstanbul ǅ ß',
];

describe('foldVietnamese', () => {
  it('drops diacritics, lowercases and maps đ/Đ to d', () => {
    expect(foldVietnamese('Đất đai')).toBe('dat dai');
    expect(foldVietnamese('ĐẤT ĐAI')).toBe('dat dai');
    expect(foldVietnamese(VOWELS)).toBe('aaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyyd');
    expect(foldVietnamese(VOWELS.toUpperCase())).toBe(foldVietnamese(VOWELS));
  });

  it('gives the same result for NFC and NFD input', () => {
    for (const s of SAMPLES) expect(foldVietnamese(nfd(s))).toBe(foldVietnamese(s.normalize('NFC')));
  });

  it('keeps diacritics in the exact form but not case or normalisation form', () => {
    expect(exactForm(nfd('BÁN'))).toBe('bán');
    expect(exactForm('bán')).not.toBe(exactForm('bạn'));
  });

  it('is the same in the browser client', () => {
    for (const s of SAMPLES) {
      expect(client.fold(s)).toBe(foldVietnamese(s));
      expect(client.exact(s)).toBe(exactForm(s));
    }
  });
});

const vietnameseText = fc.array(
  fc.constantFrom(...'aăâbcdđeêghiklmnoôơpqrstuưvxyAĐƠ0159 ,.-/\n\t\u00a0\u0301\u0323\u0303'.split(''), 'ả', nfd('ệ'), '😀', '𠀀', 'ǅ'),
  { maxLength: 60 },
).map((a) => a.join(''));

describe('tokenize', () => {
  it('splits syllables and folds each', () => {
    expect(tokenize('Cải cách HÀNH CHÍNH').map((t) => [t.exact, t.fold])).toEqual([
      ['cải', 'cai'], ['cách', 'cach'], ['hành', 'hanh'], ['chính', 'chinh'],
    ]);
  });

  it('marks phrase breaks at punctuation but not at spaces or hyphens', () => {
    expect(tokenize('đất đai, nhà-ở. Covid 19').map((t) => t.brk)).toEqual([true, false, true, false, true, false]);
  });

  it('gives the same tokens for NFC and NFD text', () => {
    for (const s of SAMPLES) expect(tokenize(nfd(s))).toEqual(tokenize(s.normalize('NFC')));
  });

  it('skips over-long runs and runs of marks only, as phrase breaks', () => {
    expect(tokenize(`a ${'x'.repeat(41)} b \u0301 c`).map((t) => [t.fold, t.brk])).toEqual([
      ['a', true], ['b', true], ['c', true],
    ]);
  });

  it('is the same in the browser client, on samples and on random text', () => {
    const strip = (ts: ClientToken[]) => ts.map(({ exact, fold, brk }) => ({ exact, fold, brk }));
    for (const s of SAMPLES) expect(strip(client.tokenize(s))).toEqual(tokenize(s));
    fc.assert(fc.property(vietnameseText, (s) => {
      expect(strip(client.tokenize(s))).toEqual(tokenize(s));
      expect(client.fold(s)).toBe(foldVietnamese(s));
    }), { numRuns: 500 });
  });
});

describe('TermTable', () => {
  it('gives the same tokens as tokenize, text after text in one table', () => {
    const table = new TermTable();
    const run = (s: string) => {
      const n = table.scan(s);
      const got = Array.from(table.ids.subarray(0, n), (x) => ({
        exact: table.exact[x >> 1],
        fold: table.folds[table.foldOf[x >> 1]],
        brk: (x & 1) === 1,
      }));
      expect(got).toEqual(tokenize(s));
    };
    for (const s of SAMPLES) run(s);
    fc.assert(fc.property(vietnameseText, run), { numRuns: 500 });
  });
});

describe('index encoding', () => {
  it('round-trips numbers, also through the client decoder', () => {
    fc.assert(fc.property(fc.array(fc.nat({ max: 2 ** 30 })), (ns) => {
      const w = new NumberWriter();
      for (const n of ns) w.put(n);
      const s = w.take();
      expect(readNumbers(s)).toEqual(ns);
      expect(client.numbers(s)).toEqual(ns);
      expect(JSON.parse(JSON.stringify(s))).toBe(s);
    }));
  });

  it('sizes a postings list for all documents from the first ones, so it is not copied again and again as it grows', () => {
    const list = new IntList(16);
    for (let i = 0; i < 30; i++) list.push(i);
    // 30 items from the first 10 of 1,000 documents: room for 3,300.
    list.expect(10, 1000);
    const data = list.data;
    expect(data.length).toBe(3300);
    expect([...data.subarray(0, 30)]).toEqual(Array.from({ length: 30 }, (_, i) => i));
    for (let i = 30; i < 3300; i++) list.push(i);
    expect(list.data).toBe(data);
    // Already room enough: nothing changes.
    list.expect(1000, 1000);
    expect(list.data).toBe(data);
    list.push(3300);
    expect(list.data.length).toBe(4950);
    expect(list.data[3300]).toBe(3300);
    expect(list.length).toBe(3301);
  });

  it('hashes keys the same way in the client', () => {
    for (const s of ['dat d', 'cai c', 'nghị', '', '𠀀 x']) expect(client.hash(s)).toBe(hashKey(s));
  });
});

let seq = 0;
function doc(fields: Partial<SearchDoc>): SearchDoc {
  seq++;
  return {
    url: `/huyen/tin-tuc/bai-${seq}/`,
    title: `Bài số ${seq}`,
    summary: '',
    text: 'Huyện triển khai kế hoạch năm. Người dân tham gia đông đủ.',
    category: 'Tin tức',
    categorySlug: 'tin-tuc',
    author: 'Văn phòng',
    date: '2020-01-01T08:00:00+07:00',
    dateLabel: '01/01/2020',
    year: 2020,
    ...fields,
  };
}
/** A day later than the previous call: later docs are newer, so they win ties. */
let day = 0;
const newer = (fields: Partial<SearchDoc>) => {
  day++;
  const d = new Date(Date.UTC(2020, 0, 1 + day, 1));
  return doc({ date: d.toISOString().replace('.000Z', '+07:00'), ...fields });
};

function engineFor(docs: SearchDoc[]) {
  const files = new Map(buildSearchIndex(docs).map((f) => [f.path, f.content as string]));
  const engine = client.createEngine(async (path) => JSON.parse(files.get(`search/${path}`)!));
  return async (q: string, filters?: { category?: string; year?: string }) => {
    const { ids } = await engine.search(q, filters);
    const records = await engine.docs(ids);
    return records.map((r) => r[1] as string);
  };
}

describe('buildSearchIndex', () => {
  const docs = Array.from({ length: 30 }, (_, i) =>
    newer({ title: `Tin ${i} đất đai`, year: 2018 + (i % 3), categorySlug: i % 2 ? 'kinh-te' : 'tin-tuc', category: i % 2 ? 'Kinh tế' : 'Tin tức' }));

  it('writes only under search/, deterministically, whatever the input order', () => {
    const a = buildSearchIndex(docs);
    const b = buildSearchIndex([...docs].reverse());
    expect(a.every((f) => f.path.startsWith('search/'))).toBe(true);
    expect(b).toEqual(a);
    const meta = JSON.parse(a[0].content as string);
    expect(a[0].path).toBe('search/meta.json');
    expect(meta.c.map((c: string[]) => c[1])).toEqual(['kinh-te', 'tin-tuc']);
    expect(meta.y.map((y: number[]) => y[0])).toEqual([2020, 2019, 2018]);
  });

  it('filters by category and year', async () => {
    const search = engineFor(docs);
    expect(await search('dat dai', { category: 'kinh-te', year: '2019' })).toEqual(
      docs.filter((_, i) => i % 2 && 2018 + (i % 3) === 2019).map((d) => d.title).reverse(),
    );
    expect(await search('', { year: '2018' })).toHaveLength(10);
  });

  it('fetches only the shards a query needs', async () => {
    const words = 'đất đai nhà ở cải cách hành chính giao thông nông thôn giáo dục y tế môi trường'.split(' ');
    const many = Array.from({ length: 400 }, (_, i) =>
      newer({ text: Array.from({ length: 200 }, (_, k) => words[(i * 7 + k * k) % words.length]).join(' ') }));
    const files = buildSearchIndex(many, { termShardBytes: 2000, phraseShardBytes: 2000 });
    const content = new Map(files.map((f) => [f.path, f.content as string]));
    const fetched: string[] = [];
    const engine = client.createEngine(async (path) => {
      fetched.push(path);
      return JSON.parse(content.get(`search/${path}`)!);
    });
    const { ids } = await engine.search('dat dai');
    await engine.docs(ids.slice(0, 10));
    const kinds = fetched.map((p) => p.split('/')[0]);
    expect(files.filter((f) => f.path.startsWith('search/t/')).length).toBeGreaterThan(5);
    expect(kinds.filter((k) => k === 't').length).toBeLessThanOrEqual(2);
    expect(kinds.filter((k) => k === 'p')).toEqual(['p']);
    expect(kinds.filter((k) => k === 'd').length).toBeLessThanOrEqual(10);
  });

  it('copes with no documents', async () => {
    expect(await engineFor([])('đất')).toEqual([]);
  });
});

describe('ranking', () => {
  it('finds đất đai for a query typed without marks, and for a prefix of the last syllable', async () => {
    const search = engineFor([newer({ title: 'Cấp giấy chứng nhận', text: 'Quyền sử dụng đất đai của hộ gia đình.' }), newer({ title: 'Khác' })]);
    expect(await search('dat dai')).toEqual(['Cấp giấy chứng nhận']);
    expect(await search('dat da')).toEqual(['Cấp giấy chứng nhận']);
    expect(await search('ĐẤT ĐAI')).toEqual(['Cấp giấy chứng nhận']);
    expect(await search('đa ')).toEqual([]); // a trailing space ends the syllable: no prefix
  });

  it('matches NFD documents with NFC queries and the other way round', async () => {
    const search = engineFor([newer({ title: nfd('Hội nghị tổng kết') })]);
    expect(await search('hội nghị')).toHaveLength(1);
    expect(await search(nfd('TỔNG KẾT'))).toHaveLength(1);
  });

  it('ranks the exact phrase above scattered syllables', async () => {
    const search = engineFor([
      newer({ title: 'Liền', text: 'Đẩy mạnh cải cách hành chính ở xã.' }),
      newer({ title: 'Rải rác', text: 'Cải tạo chợ. Cách làm mới. Hành động. Chính quyền.' }),
    ]);
    expect(await search('cải cách hành chính')).toEqual(['Liền', 'Rải rác']);
    expect(await search('cai cach hanh chinh')).toEqual(['Liền', 'Rải rác']);
  });

  it('ranks title matches above body matches', async () => {
    const search = engineFor([
      newer({ title: 'Giao thông nông thôn', text: 'Báo cáo năm.' }),
      newer({ title: 'Báo cáo', text: 'Giao thông nông thôn được đầu tư.' }),
    ]);
    expect(await search('giao thông')).toEqual(['Giao thông nông thôn', 'Báo cáo']);
  });

  it('ranks exact diacritics above folded-only matches, and treats all alike for an unmarked query', async () => {
    const search = engineFor([
      newer({ title: 'A', text: 'Chợ bán hàng.' }),
      newer({ title: 'B', text: 'Chợ bạn hàng.' }),
      newer({ title: 'C', text: 'Chợ bàn hàng.' }),
    ]);
    expect(await search('bán')).toEqual(['A', 'C', 'B']);
    expect((await search('bạn'))[0]).toBe('B');
    expect(await search(nfd('BÀN'))).toEqual(['C', 'B', 'A']);
    expect(await search('ban')).toEqual(['C', 'B', 'A']); // equal: newest first
  });

  it('ranks a whole syllable above a prefix-only match', async () => {
    const search = engineFor([newer({ title: 'Bánh chưng' }), newer({ title: 'Bận rộn' }), newer({ title: 'Khác' })]);
    expect(await search('ban')).toEqual(['Bận rộn', 'Bánh chưng']);
  });

  it('keeps only documents with every syllable when there are any', async () => {
    const search = engineFor([newer({ title: 'Nước sạch' }), newer({ title: 'Nước' }), newer({ title: 'Sạch' })]);
    expect(await search('nước sạch')).toEqual(['Nước sạch']);
    expect(await search('nước sạch xyzw')).toEqual(['Nước sạch']);
  });
});

describe('highlighting', () => {
  it('marks matched syllables in any form, the last also as a prefix', () => {
    const words = client.tokenize('dat da');
    expect(client.highlight(`Về ${nfd('Đất')} đai, đá.`, words, true)).toEqual([
      ['Về ', false], [nfd('Đất'), true], [' ', false], ['đai', true], [', ', false], ['đá', true], ['.', false],
    ]);
    expect(client.highlight('đai', words, false)).toEqual([['đai', false]]);
  });

  it('takes the excerpt from the body lead when the summary has no match, cut around it', () => {
    const words = client.tokenize('ngập');
    const lead = `${'Một hai ba. '.repeat(30)}Khu vực ngập úng được xử lý. ${'Bốn năm. '.repeat(30)}`;
    const runs = client.excerpt(['/', 'T', '', '', 0, 'Tóm tắt.', lead], words, false, 120);
    const text = runs.map((r) => r[0]).join('');
    expect(runs.filter((r) => r[1]).map((r) => r[0])).toEqual(['ngập']);
    expect(text.length).toBeLessThanOrEqual(122);
    expect(text.startsWith('…') && text.endsWith('…')).toBe(true);
  });
});

describe('an index kept between builds', () => {
  const words = 'đất đai nhà ở cải cách hành chính giao thông nông thôn giáo dục y tế môi trường Cần Giờ'.split(' ');
  const options = { termShardBytes: 1500, phraseShardBytes: 1500, docsPerShard: 3 };
  const article = (i: number, fields: Partial<SearchDoc> = {}): SearchDoc => {
    const d = doc({
      url: `/huyen/tin-tuc/bai-${i}/`, title: `Bài ${i} về ${words[i % words.length]} mã${i}`,
      date: new Date(Date.UTC(2021, 0, 1 + i, 2)).toISOString().replace('.000Z', '+07:00'), year: 2021,
      text: Array.from({ length: 60 }, (_, k) => words[(i * 5 + k * k) % words.length]).join(' '), ...fields,
    });
    return { ...d, key: JSON.stringify(d) };
  };
  // A document the memo should serve: reading its text fails the test.
  const unread = (d: SearchDoc): SearchDoc => {
    const { text, ...rest } = d;
    return Object.defineProperties({ ...rest, textStart: (n: number) => text.slice(0, n) } as unknown as SearchDoc, {
      text: { get: () => { throw new Error(`${d.url} was read again`); }, enumerable: true },
    });
  };
  const contents = (files: ReturnType<typeof buildSearchIndex>) => new Map(files.map((f) => [f.path, f.content]));

  it('gives the files a fresh build gives, reading only new and changed documents', async () => {
    const memory: { search?: IndexMemo } = {};
    const first = Array.from({ length: 40 }, (_, i) => article(i));
    expect(contents(buildSearchIndex(first, options, memory))).toEqual(contents(buildSearchIndex(first, options)));
    expect(memory.search?.urls).toHaveLength(40);

    // One body and one title edited; the rest served from the memo.
    const edited = first.map((d, i) => (i === 3 ? article(3, { text: `${d.text} chuyển đổi số xyzzy` }) : i === 7 ? article(7, { title: 'Tiêu đề mới hoàn toàn' }) : d));
    const second = buildSearchIndex(edited.map((d, i) => (i === 3 || i === 7 ? d : unread(d))), options, memory);
    expect(contents(second)).toEqual(contents(buildSearchIndex(edited, options)));
    const files = contents(second);
    const engine = client.createEngine(async (path) => JSON.parse(files.get(`search/${path}`) as string));
    expect((await engine.docs((await engine.search('xyzzy')).ids)).map((r) => r[0])).toEqual(['/huyen/tin-tuc/bai-3/']);

    // One deleted, one added (the newest, so every document id moves).
    const third = [...edited.filter((_, i) => i !== 10), article(40)];
    const built = buildSearchIndex(third.map((d) => (d.url.endsWith('-40/') ? d : unread(d))), options, memory);
    expect(contents(built)).toEqual(contents(buildSearchIndex(third, options)));
    expect(memory.search?.urls).toHaveLength(40);
  });

  it('keeps the postings as they were gathered, and a build cache stores just their records', () => {
    const memory: { search?: IndexMemo } = {};
    buildSearchIndex(Array.from({ length: 40 }, (_, i) => article(i)), options, memory);
    const { terms, phrases, termDocEnds, phraseDocEnds } = memory.search!;
    expect(terms.length).toBe(termDocEnds[39]);
    expect(phrases.length).toBe(phraseDocEnds[39]);
    // Views of the lists' arrays, which have room for more: serialized, only the records are written.
    for (const list of [terms, phrases]) {
      expect(list.buffer.byteLength).toBeGreaterThan(list.byteLength);
      expect(serialize(list).length).toBeLessThan(list.byteLength + 64);
      expect(deserialize(serialize(list))).toEqual(list);
    }
  });

  it('is made in steps: pauses while reading documents, the same files, and dropped midway the memo is as it was', () => {
    const memory: { search?: IndexMemo } = {};
    const docs = Array.from({ length: 600 }, (_, i) => article(i));
    buildSearchIndex(docs, options, memory);
    const kept = memory.search;
    const edited = docs.map((d, i) => (i === 5 ? article(5, { text: `${d.text} ruộng bậc thang` }) : d));
    const steps = [...searchIndexSteps(edited, options, { search: kept })];
    // Reading 600 documents: a pause after the 250th and the 500th, before any file.
    expect(steps.slice(0, 2)).toEqual([undefined, undefined]);
    expect(steps.filter((s) => s !== undefined)).toEqual(buildSearchIndex(edited, options));
    // Dropped after its pauses: what the caller's memory holds is untouched.
    const dropped = { search: kept };
    const partway = searchIndexSteps(edited, options, dropped);
    for (let i = 0; i < 3; i++) partway.next();
    expect(dropped.search).toBe(kept);
    expect(contents(buildSearchIndex(edited, options, dropped))).toEqual(contents(buildSearchIndex(edited, options)));
  });

  it('keeps no memo without document keys, or past MEMO_MAX_DOCS', () => {
    const memory: { search?: IndexMemo } = {};
    buildSearchIndex([doc({}), doc({})], options, memory);
    expect(memory.search).toBeUndefined();
    const many = Array.from({ length: MEMO_MAX_DOCS + 1 }, (_, i) => ({ ...doc({ text: '' }), key: String(i) }));
    buildSearchIndex(many, options, memory);
    expect(memory.search).toBeUndefined();
  });
});
