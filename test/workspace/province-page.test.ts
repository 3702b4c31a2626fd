// The province page on its own: hostile titles and links from a site's feed come out escaped or
// unlinked, the labels are Vietnamese, and the page passes the Nu Html Checker.
import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'node-html-parser';
import { provincePage } from '../../src/outputs/province-page.js';
import { tempDir } from '../helpers.js';
import { skipWithout } from '../tools.js';

const VNU = join(createRequire(import.meta.url).resolve('vnu-jar/package.json'), '..', 'build', 'dist', 'vnu.jar');
const HAVE_JAVA = !spawnSync('java', ['-version']).error;

const SITES = [
  {
    name: 'xa-an-hoa', title: 'Xã An Hòa <script>alert(1)</script>', description: 'Nơi "an" & hòa',
    articles: [
      { title: 'Họp dân </li><li>giả', url: 'xa-an-hoa/tin-tuc/hop-dan/', date: '2026-01-28T23:10:00+07:00' },
      { title: 'Liên kết xấu', url: 'javascript:alert(1)', date: '2026-01-27T08:00:00+07:00' },
      { title: 'Trang ngoài', url: 'https://dichvucong.gov.vn/p/"onmouseover="x', date: 'không phải ngày' },
    ],
  },
  { name: 'phuong-hung-binh', title: 'Phường Hưng Bình', description: '', articles: [] },
];

describe('the province page', () => {
  const html = provincePage('Tỉnh Sông Lam & <Nghệ>', SITES, 'vi');
  const page = parse(html);

  it('escapes every text and attribute from the feeds, and links only safe addresses', () => {
    expect(page.querySelectorAll('script')).toHaveLength(0);
    expect(page.querySelector('title')!.text).toBe('Tỉnh Sông Lam & <Nghệ>');
    expect(page.querySelector('h2')!.text).toBe('Xã An Hòa <script>alert(1)</script>');
    const items = page.querySelectorAll('main section')[0].querySelectorAll('li');
    expect(items.map((li) => li.querySelector('a')?.getAttribute('href') ?? null)).toEqual(['xa-an-hoa/tin-tuc/hop-dan/', null, 'https://dichvucong.gov.vn/p/%22onmouseover=%22x']);
    expect(items[0].querySelector('a')!.text).toBe('Họp dân </li><li>giả');
    expect(items[0].querySelector('time')!.text).toBe('28/01/2026');
    expect(items[2].querySelector('a')!.attributes).toEqual({ href: 'https://dichvucong.gov.vn/p/%22onmouseover=%22x' });
    // Not a date: no <time> to claim one.
    expect(items[2].querySelector('time')).toBeNull();
  });

  it('says what it lists in Vietnamese', () => {
    expect(page.querySelector('html')!.getAttribute('lang')).toBe('vi');
    expect(page.querySelector('header p')!.text).toBe('2 trang thông tin điện tử');
    expect(page.querySelectorAll('main h3').map((h) => h.text)).toEqual(['Tin mới', 'Tin mới']);
    expect(page.querySelectorAll('main section')[1].querySelector('p')!.text).toBe('Chưa có bài viết.');
    expect(parse(provincePage('', SITES, 'en')).querySelector('h1')!.text).toBe('The portals');
  });

  it.skipIf(skipWithout('java', HAVE_JAVA, 'apt-get install default-jre-headless (vnu.jar needs it)', import.meta.url))('passes the Nu Html Checker', () => {
    const dir = tempDir('province');
    writeFileSync(join(dir, 'index.html'), html);
    let out: string;
    try {
      out = execFileSync('java', ['-jar', VNU, '--errors-only', '--format', 'json', join(dir, 'index.html')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (err) {
      out = (err as { stderr?: string }).stderr ?? '';
    }
    expect((JSON.parse(out || '{"messages":[]}') as { messages: { message: string }[] }).messages.map((m) => m.message)).toEqual([]);
  }, 60_000);
});
