import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { createMarkdown } from '../src/markdown/markdown.js';
import type { SiteConfig } from '../src/base/types.js';

describe('bare links in Markdown (linkify)', () => {
  const config = { basePath: '/', markdown: { html: false, linkify: true, typographer: false } } as SiteConfig;
  const render = createMarkdown(config, { articles: new Map(), assets: new Set() });
  // bantin skips linkify-it's slow pretest on text that cannot hold a link: it must find every link stock markdown-it finds.
  const stock = new MarkdownIt({ linkify: true });
  const same = (text: string) => expect(render(text, 'bai.md').html, text).toBe(stock.render(text));

  it('links what markdown-it links, in Vietnamese text', () => {
    const texts = [
      'Xem chi tiết tại vinhlong.gov.vn hoặc gọi đường dây nóng.',
      'Trang www.baochinhphu.vn đăng tải toàn văn.',
      'Liên hệ ubnd@vinhlong.gov.vn trước ngày 15.',
      'Máy chủ thử http://localhost:8080/tin-tuc và LOCALHOST nữa.',
      'Địa chỉ nội bộ 192.168.1.10 không mở từ ngoài.',
      'Cổng https://dichvucong.gov.vn/p/home/dvc-trang-chu.html đã mở.',
      'Thư viện //cdn.example.org/a.js và mailto:vanthu@huyen.gov.vn.',
      'TRANG CHỦ: WWW.ABC.COM.VN',
      'Giá 1.500.000 đồng, tăng 2.5% so với năm trước.',
      'Tên miền quốc gia .vn và example.рф.',
      'Tải về ftp://files.example.vn/bieu-mau.doc',
      'Không có liên kết nào trong câu này. Hết.',
      'Dấu ｜www.example.com sau vạch đứng toàn khổ.',
    ];
    for (const text of texts) same(text);
    // Not a test that cannot fail: most of these are links.
    expect(texts.filter((t) => render(t, 'bai.md').html.includes('<a href')).length).toBeGreaterThanOrEqual(9);
  });

  it('agrees with markdown-it on random text made of link-like pieces', () => {
    const words = ['đất', 'đai', 'www', 'WWW', 'vinhlong', 'gov', 'com', 'vn', 'рф', 'xn--p1ai', 'localhost', 'http', 'https', 'mailto', 'ftp', '1', '25', '255', 'a_b'];
    const separators = ['.', '. ', ':', '://', '@', '/', '//', ' ', ' ', '-', '>', '(', '"', '｜', '。', '\n'];
    let seed = 7;
    const pick = <T>(list: T[]) => list[(seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % list.length];
    let links = 0;
    for (let i = 0; i < 2000; i++) {
      let text = pick(words);
      for (let n = 1 + (i % 6); n > 0; n--) text += pick(separators) + pick(words);
      same(text);
      if (stock.render(text).includes('<a href')) links++;
    }
    expect(links).toBeGreaterThan(50);
  });
});
