// One hostile value in every article field, and every place a template, feed or the search data
// prints that field: each shows it as text, never as markup (issue 22, mutant 1: `| safe` in related.njk).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { parse, type HTMLElement } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { article, makeSite, PROJECT, readTree, runCli, tempDir } from '../helpers.js';

const H = `<img src=x onerror=alert(1)>"'&`;
const TITLE = `Tiêu đề ${H}`;
const AUTHOR = `Tác giả ${H}`;
const SUMMARY = `Tóm tắt ${H}`;
const CATEGORY = `Mục ${H}`;
const TAG = `Thẻ ${H}`;
const ALT = `Ảnh ${H}`;
const PNG = readFileSync(join(PROJECT, 'content/files/logo.png'));

describe('every place an article field is printed escapes it', () => {
  let files: Map<string, Buffer>;
  const html = (path: string): HTMLElement => {
    const bytes = files.get(path);
    expect(bytes, `${path} was built`).toBeDefined();
    return parse(bytes!.toString('utf8'));
  };
  /** The paths of the pages whose file name matches, so the test does not hard-code slugs. */
  const pages = (re: RegExp) => [...files.keys()].filter((p) => p.endsWith('.html') && re.test(p));

  beforeAll(() => {
    // The hostile article sits between two others of its category, so both neighbours list it under
    // TIN MỚI HƠN / TIN ĐÃ ĐƯA, and it lists them.
    const fields = { author: AUTHOR, category: CATEGORY, tags: [TAG] };
    const root = makeSite({
      'content/files/anh.png': PNG,
      'content/muc/truoc.md': article({ ...fields, title: 'Bài trước', date: '2024-03-01 08:00', summary: 'Trước.' }),
      'content/muc/doc-hai.md': article({ ...fields, title: TITLE, date: '2024-03-02 08:00', summary: SUMMARY, image: '../files/anh.png', imageAlt: ALT }),
      'content/muc/sau.md': article({ ...fields, title: 'Bài sau', date: '2024-03-03 08:00', summary: 'Sau.' }),
    }, 'escaping');
    const out = join(tempDir('escaping-out'), 'dist');
    const r = runCli(['build', '--root', root, '--out', out, '--no-cache']);
    expect(r.status, r.stderr).toBe(0);
    files = readTree(out);
  });

  it('never writes the raw markup into any HTML page or XML feed', () => {
    expect(files.size).toBeGreaterThan(10);
    for (const [path, bytes] of files) {
      if (!/\.(html|xml)$/.test(path)) continue;
      expect(bytes.toString('utf8').includes('<img src=x'), path).toBe(false);
    }
  });

  it('prints the title as text in the TIN MỚI HƠN / TIN ĐÃ ĐƯA lists of both neighbours', () => {
    const neighbours = pages(/(^|\/)(truoc|sau)\/index\.html$/);
    expect(neighbours).toHaveLength(2);
    for (const path of neighbours) {
      const related = html(path).querySelectorAll('section.related a').map((a) => a.text);
      expect(related, path).toContain(TITLE);
    }
  });

  it('prints every field as typed on the article page, the image alt included', () => {
    const [path] = pages(/(^|\/)doc-hai\/index\.html$/);
    const page = html(path);
    expect(page.querySelector('h1')!.text).toBe(TITLE);
    expect(page.querySelector('title')!.text).toContain(TITLE);
    // The portal byline prints the author in capitals.
    expect(page.querySelector('.byline')!.text.toUpperCase()).toContain(AUTHOR.toUpperCase());
    expect(page.querySelector('meta[name=description]')!.getAttribute('content')).toBe(SUMMARY);
    expect(page.querySelectorAll('.tags a').map((a) => a.text.trim())).toEqual([TAG]);
    expect(page.querySelector('.article-image img')!.getAttribute('alt')).toBe(ALT);
    expect(page.querySelectorAll('.breadcrumb a, nav a').map((a) => a.text.trim())).toContain(CATEGORY);
    expect(page.querySelectorAll('[onerror]')).toHaveLength(0);
  });

  it('prints title, summary and category as text on listings, tag and archive pages', () => {
    const listings = ['index.html', ...pages(/^muc-[^/]*\/index\.html$/), ...pages(/^tag\/[^/]+\/index\.html$/), ...pages(/^archive\/2024\/(03\/(02\/)?)?index\.html$/)];
    expect(listings.length).toBeGreaterThanOrEqual(4);
    for (const path of listings) {
      const page = html(path);
      expect(page.querySelectorAll('[onerror]'), path).toHaveLength(0);
      expect(page.querySelectorAll('a').map((a) => a.text.trim()), path).toContain(TITLE);
    }
    const home = html('index.html').text;
    expect(home).toContain(SUMMARY);
  });

  it('keeps RSS, Atom and JSON feeds well-formed with the text as typed', () => {
    const xml = new XMLParser({ ignoreAttributes: false, isArray: (n) => ['item', 'entry', 'category'].includes(n) });
    const rss = xml.parse(files.get('feed.xml')!.toString('utf8')).rss.channel.item;
    const item = rss.find((i: { title: string }) => i.title === TITLE);
    expect(item).toBeDefined();
    // An RSS description is HTML: once unwrapped from the XML it is still escaped markup.
    expect(parse(item.description).text).toBe(SUMMARY);
    expect(parse(item.description).querySelectorAll('img')).toHaveLength(0);
    const atom = xml.parse(files.get('atom.xml')!.toString('utf8')).feed.entry;
    const entry = atom.find((e: { title: unknown }) => JSON.stringify(e.title).includes(JSON.stringify(TITLE).slice(1, -1)));
    expect(entry).toBeDefined();
    expect(JSON.stringify(entry)).toContain(JSON.stringify(AUTHOR).slice(1, -1));
    const json = JSON.parse(files.get('feed.json')!.toString('utf8'));
    const j = json.items.find((i: { title: string }) => i.title === TITLE);
    expect(j.authors?.[0]?.name ?? j.author?.name).toBe(AUTHOR);
    expect(j.tags).toEqual(expect.arrayContaining([TAG]));
    // JSON Feed strings are plain text; only content_html is markup, and it must not carry the value raw.
    for (const i of json.items) expect(i.content_html ?? '').not.toContain('<img src=x');
  });

  it('gives the search page the fields as data (JSON strings), never as markup', () => {
    const search = [...files].filter(([p]) => p.startsWith('search/') && p.endsWith('.json'));
    expect(search.length).toBeGreaterThan(0);
    const all = search.map(([, b]) => b.toString('utf8')).join('\n');
    for (const [path, bytes] of search) expect(() => JSON.parse(bytes.toString('utf8')), path).not.toThrow();
    // The title is in the index as the string it is; the client sets it with textContent.
    expect(all).toContain(JSON.stringify(TITLE).slice(1, -1));
  });
});
