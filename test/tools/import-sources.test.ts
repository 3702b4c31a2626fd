// `bantin import` of sources the other import tests do not cover: a page fetched over HTTP (from a
// server on 127.0.0.1) with its picture and PDF, a URL that answers 404, and the legacy encodings
// VNI and windows-1258.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliAsync } from '../bad-input/harness.js';
// @ts-expect-error plain JS shared with bench/import.mjs
import { sample, sharePointPage } from './fixtures/import/pages.mjs';
import { articleView, buildSite, importSite, PDF, PNG, read, runImport } from './import-helpers.js';

describe('import of a page fetched over HTTP', () => {
  let server: Server;
  let base: string;
  const asked: string[] = [];

  beforeAll(async () => {
    const page = sharePointPage({ ...sample(91), category: 'Thông báo', date: '12 Tháng Mười 2022 2:15:00 CH', views: '2.048', image: '/PublishingImages/le%20ra%20quan.png', pdf: '/Documents/Bao%20cao.pdf' });
    const files: Record<string, [string, string | Buffer]> = {
      '/Lists/Posts/Post.aspx?ID=91': ['text/html; charset=utf-8', page],
      '/PublishingImages/le%20ra%20quan.png': ['image/png', PNG],
      '/Documents/Bao%20cao.pdf': ['application/pdf', PDF],
    };
    server = createServer((req, res) => {
      asked.push(req.url!);
      const hit = files[req.url!];
      if (!hit) return void res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      res.writeHead(200, { 'content-type': hit[0] }).end(hit[1]);
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', () => ok()));
    const address = server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(() => new Promise<void>((done) => server.close(() => done())));

  it('fetches the page, its picture and its PDF, and remembers the address as the old URL', async () => {
    const root = importSite();
    // Not spawnSync: this process serves the page the CLI fetches.
    const r = await runCliAsync(['import', `${base}/Lists/Posts/Post.aspx?ID=91`, '--root', root]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(asked).toEqual(expect.arrayContaining(['/Lists/Posts/Post.aspx?ID=91', '/PublishingImages/le%20ra%20quan.png', '/Documents/Bao%20cao.pdf']));
    const dist = buildSite(root);
    const v = articleView(dist, 'thong-bao/ke-hoach-tiep-cong-dan-va-giai-quyet-thu-tuc-hanh-chinh-dot-91');
    expect(v.title).toBe('Kế hoạch tiếp công dân và giải quyết thủ tục hành chính đợt 91');
    expect(v.date).toBe('12 Tháng Mười 2022 02:15:00 CH');
    expect(v.views).toBe('Số lượt người xem: 2.048');
    const img = v.body.querySelector('img')!.getAttribute('src')!;
    expect(img).toMatch(/^\/files\/2022\/le-ra-quan\.png$/);
    expect(readFileSync(join(dist, img.slice(1)))).toEqual(PNG);
    const pdf = v.body.querySelector('a[href$=".pdf"]')!.getAttribute('href')!;
    expect(readFileSync(join(dist, pdf.slice(1)))).toEqual(PDF);
    expect(read(root, 'content/thong-bao/2022/ke-hoach-tiep-cong-dan-va-giai-quyet-thu-tuc-hanh-chinh-dot-91.md'))
      .toContain(`oldUrls: ["${base}/Lists/Posts/Post.aspx?ID=91"]`);
  });

  it('a URL that answers 404 is an error naming the address, and nothing is written', async () => {
    const root = importSite();
    const r = await runCliAsync(['import', `${base}/Lists/Posts/Post.aspx?ID=404`, '--root', root]);
    expect(r.status).toBe(1);
    expect(r.stdout + r.stderr).toContain(`${base}/Lists/Posts/Post.aspx?ID=404`);
    expect(r.stdout + r.stderr).toContain('404');
    expect(() => read(root, 'content/thong-bao')).toThrow();
  });
});

// A page typed in VNI-Times: a vowel's marks follow it as bytes that a Latin-1 page shows as
// ö (ư), ô (ơ), ø (grave), ù (acute), ä (circumflex and dot below) …; the whole page, date line too.
const VNI_TITLE = 'Coäng Hoøa Xaõ Hoäi Chuû Nghóa Vieät Nam'; // Cộng Hòa Xã Hội Chủ Nghĩa Việt Nam
const VNI_BODY = 'Tröôøng hoïc cuûa xaõ tieáp nhaän hoà sô.'; // Trường học của xã tiếp nhận hồ sơ.
const vniPage = (title: string, body: string, charset: string, font: string) => Buffer.from(`<html><head><meta http-equiv="Content-Type" content="text/html; charset=${charset}"><title>x</title></head>
<body><div class="main"><div class="date">Tin töùc 03 Thaùng Naêm 2019 10:00:00 SA</div>
<h2>${title}</h2><div class="ExternalClass12"><p><font face="${font}">${body}</font></p></div>
<div>Soá löôït ngöôøi xem: 5</div></div></body></html>`, 'latin1');

// windows-1258, written out by hand: the vowels with a circumflex, breve or horn (and đ) are letters
// of their own; the five tones are combining marks after them.
const CP1258_LETTERS: Record<string, number> = { â: 0xe2, ê: 0xea, ô: 0xf4, ă: 0xe3, ơ: 0xf5, ư: 0xfd, đ: 0xf0, Â: 0xc2, Ê: 0xca, Ô: 0xd4, Ă: 0xc3, Ơ: 0xd5, Ư: 0xdd, Đ: 0xd0 };
const CP1258_TONES: Record<string, number> = { '\u0300': 0xcc, '\u0301': 0xec, '\u0303': 0xde, '\u0309': 0xd2, '\u0323': 0xf2 };
function cp1258(text: string): Buffer {
  const bytes: number[] = [];
  // Each letter with the marks that follow it (NFD puts a dot below before a circumflex).
  for (const [, base, marks] of text.normalize('NFD').matchAll(/([^\u0300-\u036f])([\u0300-\u036f]*)/gu)) {
    const shape = [...marks].filter((m) => /[\u0302\u0306\u031b]/.test(m)).join('');
    const letter = (base + shape).normalize('NFC');
    const byte = CP1258_LETTERS[letter] ?? (letter.charCodeAt(0) < 0x80 && letter.length === 1 ? letter.charCodeAt(0) : undefined);
    if (byte === undefined) throw new Error(`no windows-1258 byte for ${letter}`);
    bytes.push(byte);
    for (const m of marks) if (!shape.includes(m)) bytes.push(CP1258_TONES[m]);
  }
  return Buffer.from(bytes);
}

describe('import of legacy Vietnamese encodings', () => {
  it('VNI text on a Latin-1 page comes out as Unicode NFC, found by itself or forced with --encoding', () => {
    for (const force of [[], ['--encoding', 'vni']]) {
      const root = importSite({ 'cu/trang.html': vniPage(VNI_TITLE, VNI_BODY, 'windows-1252', 'VNI-Times') });
      const r = runImport(root, ['cu', ...force]);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      const v = articleView(buildSite(root), 'tin-tuc/cong-hoa-xa-hoi-chu-nghia-viet-nam');
      expect(v.title).toBe('Cộng Hòa Xã Hội Chủ Nghĩa Việt Nam');
      expect(v.paragraphs).toEqual(['Trường học của xã tiếp nhận hồ sơ.']);
      expect(v.title.normalize('NFC')).toBe(v.title);
    }
  });

  it('a windows-1258 page (combining tones) comes out as precomposed NFC text', () => {
    const page = cp1258(`<html><head><meta charset="windows-1258"><title>x</title></head><body><div class="main">
<div class="date">Thông báo 03 Tháng Năm 2019 10:00:00 SA</div><h2>Thông báo tiếp dân</h2>
<div class="ExternalClass12"><p>Trường học của xã tiếp nhận hồ sơ đăng ký.</p></div><div>Số lượt người xem: 5</div></div></body></html>`);
    expect(page.includes(Buffer.from([0xea, 0xec]))).toBe(true); // ế as ê + acute: the page really is windows-1258
    const root = importSite({ 'cu/trang.html': page });
    const r = runImport(root, ['cu']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const v = articleView(buildSite(root), 'thong-bao/thong-bao-tiep-dan');
    expect(v.title).toBe('Thông báo tiếp dân');
    expect(v.paragraphs).toEqual(['Trường học của xã tiếp nhận hồ sơ đăng ký.']);
    expect(v.title).toBe(v.title.normalize('NFC'));
  });
});
