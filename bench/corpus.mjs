#!/usr/bin/env node
// bantin's own synthetic bulletin: `node bench/corpus.mjs CONTENT_DIR [COUNT=4000] [SEED=1]`.
// Articles of a fictional commune, in category folders by year, with the front matter editors write
// (title, date, author, views, category, tags, summary) and bodies with headings, lists, links,
// emphasis and tables. The same COUNT and SEED give the same bytes on any machine.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const SYLLABLES = (
  'ủy ban nhân dân xã phường thị trấn cán bộ công chức người dân hộ gia đình thủ tục hồ sơ tiếp nhận trả kết quả '
  + 'dịch vụ công trực tuyến một cửa liên thông cải cách hành chính kế hoạch triển khai nhiệm vụ chỉ đạo kiểm tra '
  + 'đất đai xây dựng giao thông nông thôn mới trường học trạm y tế văn hóa thể thao an ninh trật tự quốc phòng '
  + 'môi trường nước sạch điện chiếu sáng chợ đường làng ngõ xóm khuyến nông mùa vụ lúa giống phân bón thủy lợi '
  + 'hội nghị tổng kết sơ kết thi đua khen thưởng chính sách an sinh hộ nghèo cận nghèo bảo hiểm y tế học sinh '
  + 'phòng chống thiên tai bão lũ ngập úng chuyển đổi số chữ ký số tuyên truyền phổ biến pháp luật hòa giải'
).split(' ');
const CATEGORIES = ['Tin tức', 'Thông báo', 'Cải cách hành chính', 'Kinh tế', 'Văn hóa - Xã hội', 'An ninh - Quốc phòng'];
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý'];
const GIVEN = ['Văn An', 'Thị Bình', 'Minh Châu', 'Quốc Dũng', 'Thu Hà', 'Hữu Khánh', 'Ngọc Lan', 'Đức Mạnh', 'Thanh Nga', 'Công Phúc', 'Kim Oanh'];
const TAGS = ['dịch vụ công', 'chuyển đổi số', 'nông thôn mới', 'an sinh xã hội', 'đất đai', 'giáo dục', 'y tế', 'giao thông',
  'môi trường', 'thi đua khen thưởng', 'phòng chống thiên tai', 'pháp luật'];
const SLUGS = { 'Tin tức': 'tin-tuc', 'Thông báo': 'thong-bao', 'Cải cách hành chính': 'cai-cach-hanh-chinh', 'Kinh tế': 'kinh-te',
  'Văn hóa - Xã hội': 'van-hoa-xa-hoi', 'An ninh - Quốc phòng': 'an-ninh-quoc-phong' };

/** xorshift32: tiny, and the same sequence on every platform. */
function random(seed) {
  let x = (seed >>> 0) || 0x9e3779b9;
  return () => {
    x ^= x << 13; x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5; x >>>= 0;
    return x / 4294967296;
  };
}

/** Writes COUNT articles under `dir` (a site's content/ folder); returns their paths relative to it. */
export function makeCorpus(dir, count = 4000, seed = 1) {
  const rnd = random(seed);
  const between = (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));
  const one = (list) => list[Math.floor(rnd() * list.length)];
  const words = (n) => Array.from({ length: n }, () => one(SYLLABLES)).join(' ');
  const capital = (s) => s[0].toUpperCase() + s.slice(1);
  const sentence = () => `${capital(words(between(9, 24)))}${rnd() < 0.1 ? ` (đạt ${between(50, 99)},${between(0, 9)}%)` : ''}.`;
  const paragraph = () => Array.from({ length: between(2, 5) }, () => {
    const s = sentence();
    const r = rnd();
    if (r < 0.12) return s.replace(/^(\S+ \S+ \S+)/, '**$1**');
    if (r < 0.2) return s.replace(/(\S+ \S+)\.$/, '[$1](https://dichvucong.gov.vn/p/home/dvc-trang-chu.html).');
    if (r < 0.25) return s.replace(/(\S+)\.$/, '_$1_.');
    return s;
  }).join(' ');
  const table = () => `| Nội dung | Kế hoạch | Thực hiện |\n| --- | ---: | ---: |\n${Array.from({ length: between(2, 6), }, () => `| ${capital(words(3))} | ${between(1, 999)} | ${between(1, 99999).toLocaleString('de-DE')} |`).join('\n')}`;
  const written = [];
  const taken = new Set();
  const first = Date.UTC(2016, 0, 1);
  const span = Date.UTC(2026, 5, 30) - first;
  for (let i = 0; i < count; i++) {
    const title = capital(words(between(8, 16)));
    // Wall-clock time in the site's timezone, as editors write it: no offset.
    const t = new Date(first + Math.floor(rnd() * span));
    const two = (n) => String(n).padStart(2, '0');
    const date = `${t.getUTCFullYear()}-${two(t.getUTCMonth() + 1)}-${two(t.getUTCDate())} ${two(t.getUTCHours())}:${two(t.getUTCMinutes())}`;
    const category = one(CATEGORIES);
    const tags = [...new Set(Array.from({ length: between(0, 3) }, () => one(TAGS)))];
    const author = `${one(FAMILY)} ${one(GIVEN)}`;
    const body = [paragraph()];
    for (let b = between(3, 10); b > 0; b--) {
      const r = rnd();
      if (r < 0.15) body.push(`## ${words(between(3, 7)).toUpperCase()}`);
      else if (r < 0.27) body.push(Array.from({ length: between(2, 5) }, () => `- ${sentence()}`).join('\n'));
      else if (r < 0.31) body.push(table());
      else body.push(paragraph());
    }
    let name = `bai-${String(i + 1).padStart(5, '0')}`;
    while (taken.has(name)) name += '-b';
    taken.add(name);
    const path = `${SLUGS[category]}/${t.getUTCFullYear()}/${name}.md`;
    const front = ['---', `title: ${JSON.stringify(title)}`, `date: ${date}`, `author: ${JSON.stringify(author)}`,
      `views: ${between(0, 30000)}`, `category: ${JSON.stringify(category)}`, `tags: [${tags.map((x) => JSON.stringify(x)).join(', ')}]`,
      `summary: ${JSON.stringify(sentence())}`, '---', ''];
    mkdirSync(join(dir, SLUGS[category], String(t.getUTCFullYear())), { recursive: true });
    writeFileSync(join(dir, path), `${front.join('\n')}${body.join('\n\n')}\n`);
    written.push(path);
  }
  return written;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [dir, count = '4000', seed = '1'] = process.argv.slice(2);
  if (!dir) {
    console.error('usage: node bench/corpus.mjs CONTENT_DIR [COUNT=4000] [SEED=1]');
    process.exit(2);
  }
  const written = makeCorpus(dir, Number(count), Number(seed));
  console.log(`wrote ${written.length} articles to ${dir}`);
}
