// Hostile front matter and Markdown: everything an editor types is text on every page, feed and
// index; raw HTML and `javascript:` links never reach a page; nothing is written outside --out.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parse } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { article, makeSite, PROJECT, readTree, runCli, tempDir } from '../helpers.js';

const TITLE = `<script>alert("t")</script> & ]]> <!-- "' Họp`;
const AUTHOR = `<img src=x onerror=alert('a')>`;
const TAGS = ['<b>thẻ</b>', `x"><svg onload=alert(1)>`];
const SUMMARY = `<script>alert('s')</script>]]> tóm tắt`;
const CATEGORY = '<i>Mục</i>';
/** What must never appear unescaped in HTML or XML output. */
const RAW = ['<script>alert', '<img src=x', '<svg onload', '<b>thẻ', '<i>Mục', '<!-- "\'', '<span class="raw"', '<a href="javascript', '<iframe'];
const BAD_URL = /^(javascript|vbscript|data):/i;

const BODY = [
  'Mở đầu <script>alert("body")</script> <span class="raw">x</span> <img src=x onerror=alert(2)> <iframe srcdoc="x"></iframe>',
  '',
  '[a](javascript:alert(1)) [b](JAVASCRIPT:alert(1)) [c]( javascript:alert(1)) [d](&#106;avascript:alert(1)) [e](java\tscript:alert(1))',
  '[f](vbscript:msgbox(1)) [g](data:text/html;base64,PHNjcmlwdD4=) ![h](javascript:alert(1)) <javascript:alert(1)> [i][ref]',
  '',
  'javascript:alert(3) và <a href="javascript:alert(4)">liên kết thô</a> và [đúng](https://example.gov.vn/)',
  '',
  '[ref]: javascript:alert(5)',
].join('\n');

/** Every file under a folder, relative, `/`-separated. */
function listing(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const abs = join(d, name);
      out.push(relative(dir, abs));
      if (statSync(abs).isDirectory()) walk(abs);
    }
  };
  walk(dir);
  return out;
}

describe('hostile text is escaped everywhere', () => {
  let out: string;
  let files: Map<string, Buffer>;
  let rootBefore: string[];
  let rootAfter: string[];
  let parentBefore: string[];
  let parentAfter: string[];
  let withCache: string[];

  beforeAll(() => {
    const root = makeSite({
      'content/tin-tuc/doc-hai.md': article({ title: TITLE, date: '2024-01-03 09:00', author: AUTHOR, tags: TAGS, summary: SUMMARY, category: CATEGORY }, BODY),
      'content/tin-tuc/binh-thuong.md': article({ title: 'Bình thường', date: '2024-01-02 09:00' }),
    }, 'safety');
    const parent = tempDir('safety-out');
    out = join(parent, 'public');
    rootBefore = listing(root);
    parentBefore = listing(parent);
    const r = runCli(['build', '--root', root, '--out', out, '--no-cache']);
    expect(r.status, r.stderr).toBe(0);
    rootAfter = listing(root);
    parentAfter = listing(parent).filter((p) => p !== 'public' && !p.startsWith('public/'));
    files = readTree(out);
    // With the build cache on (the default), the one thing written beside the sources is .bantin/.
    const cached = runCli(['build', '--root', root, '--out', join(parent, 'public2')]);
    expect(cached.status, cached.stderr).toBe(0);
    withCache = listing(root).filter((p) => !rootBefore.includes(p));
  });

  it('writes nothing outside --out (not in the site, not beside the output folder)', () => {
    expect(rootAfter).toEqual(rootBefore);
    expect(parentAfter).toEqual(parentBefore);
    expect(files.size).toBeGreaterThan(10);
    expect(withCache.filter((p) => p !== '.bantin' && !p.startsWith('.bantin/'))).toEqual([]);
  });

  it('never puts the raw markup into any HTML or XML file', () => {
    const checked = [...files].filter(([path]) => /\.(html|xml)$/.test(path));
    expect(checked.length).toBeGreaterThan(10);
    for (const [path, bytes] of checked) {
      const text = bytes.toString('utf8');
      for (const raw of RAW) expect(text.includes(raw), `${raw} in ${path}`).toBe(false);
    }
  });

  it('has no event-handler attribute, injected script or bad URL on any page', () => {
    for (const [path, bytes] of files) {
      if (!path.endsWith('.html')) continue;
      const doc = parse(bytes.toString('utf8'));
      for (const el of doc.querySelectorAll('*')) {
        for (const name of Object.keys(el.attributes)) expect(name.toLowerCase().startsWith('on'), `${path}: <${el.tagName} ${name}>`).toBe(false);
        for (const attr of ['href', 'src', 'action', 'formaction']) {
          const v = (el.getAttribute(attr) ?? '').replace(/[\s\0-\x1f]/g, '');
          expect(v, `${path}: <${el.tagName} ${attr}>`).not.toMatch(BAD_URL);
        }
      }
      for (const script of doc.querySelectorAll('script')) expect(script.text, path).not.toMatch(/alert/);
    }
  });

  it('shows the text as typed on the article, listings, category, tag and archive pages', () => {
    const page = (p: string) => parse(files.get(`${p}index.html`)!.toString('utf8'));
    const art = page('i-muc-i/doc-hai/');
    expect(art.querySelector('h1')!.text).toBe(TITLE);
    // The portal byline prints it in capitals, still as text.
    expect(art.querySelector('.byline')!.text).toBe(AUTHOR.toUpperCase());
    expect(art.querySelector('meta[name="DC.creator"]')!.getAttribute('content')).toBe(AUTHOR);
    expect(art.querySelectorAll('.tags a').map((a) => a.text.trim())).toEqual(TAGS);
    expect(art.querySelector('title')!.text).toContain(TITLE);
    expect(art.querySelector('meta[name=description]')!.getAttribute('content')).toBe(SUMMARY);
    for (const p of ['', 'i-muc-i/', 'tag/b-the-b/', 'archive/2024/01/03/']) expect(page(p).text, p).toContain(TITLE);
  });

  it('keeps feeds well-formed, with the text as typed', () => {
    const xml = new XMLParser({ ignoreAttributes: false, isArray: (n) => ['item', 'entry', 'category'].includes(n) });
    for (const path of ['feed.xml', 'atom.xml', 'i-muc-i/feed.xml', 'i-muc-i/atom.xml', 'sitemap.xml']) {
      const text = files.get(path)!.toString('utf8');
      expect(XMLValidator.validate(text), path).toBe(true);
    }
    const rss = xml.parse(files.get('feed.xml')!.toString('utf8')).rss.channel.item;
    expect(rss.map((i: { title: string }) => i.title)).toContain(TITLE);
    const atom = xml.parse(files.get('atom.xml')!.toString('utf8')).feed.entry;
    expect(JSON.stringify(atom)).toContain(JSON.stringify(AUTHOR).slice(1, -1));
    const json = JSON.parse(files.get('feed.json')!.toString('utf8'));
    const item = json.items.find((i: { title: string }) => i.title === TITLE);
    expect(item.authors?.[0]?.name ?? item.author?.name).toBe(AUTHOR);
    expect(item.tags).toEqual(expect.arrayContaining(TAGS));
    for (const raw of RAW.slice(0, 5)) expect(item.content_html ?? '').not.toContain(raw);
  });

  it('keeps raw HTML out of articles by default, and never makes a javascript: link', () => {
    const body = parse(files.get('i-muc-i/doc-hai/index.html')!.toString('utf8')).querySelector('.article-body')!;
    expect(body.querySelectorAll('script, span.raw, iframe, img[onerror]')).toHaveLength(0);
    expect(body.text).toContain('<span class="raw">x</span>');
    expect(body.querySelectorAll('a').map((a) => a.getAttribute('href'))).toEqual(['https://example.gov.vn/']);
    expect(body.querySelectorAll('img')).toHaveLength(0);
  });

  it('gives the search page data, never markup: the index is JSON and the client builds text nodes', () => {
    const search = [...files].filter(([p]) => p.startsWith('search/') && p.endsWith('.json'));
    expect(search.length).toBeGreaterThan(0);
    for (const [path, bytes] of search) expect(() => JSON.parse(bytes.toString('utf8')), path).not.toThrow();
    const page = parse(files.get('tim-kiem/index.html')!.toString('utf8'));
    for (const s of page.querySelectorAll('script[type="application/json"]')) {
      expect(() => JSON.parse(s.text)).not.toThrow();
      expect(s.innerHTML).not.toMatch(/<\//);
    }
    const client = readFileSync(join(PROJECT, 'templates/assets/search.js'), 'utf8');
    expect(client).not.toMatch(/\.innerHTML\s*=|insertAdjacentHTML|outerHTML\s*=|document\.write/);
  });
});
