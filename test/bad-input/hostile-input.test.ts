// The hostile review's input classes (issue 14, items 1, 8, 9, 10, 11, 14): URLs in config and
// front matter, template code, files that would hang a read, reserved names in bantin.yaml, a file
// where a folder must go, and wall-clock times in DST gaps. Several members of each class.
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkUrl, urlScheme } from '../../src/base/url-policy.js';
import { parseSiteDate } from '../../src/base/dates.js';
import { CLI, PROJECT, readPage } from '../helpers.js';
import { startServe } from '../serve-helpers.js';
import { BASE_FILES, baseSite, FAULTY, findProblem, md, siteWithFault, STACK_LINE, stagingLeft, treeDigest, type Case, type RunResult } from './harness.js';

beforeAll(() => void baseSite(), 60_000);

const CONFIG = BASE_FILES['bantin.yaml'] as string;
/** bantin.yaml with `lines` after the base's; the first added line is line 4. */
const config = (name: string, lines: string, where: string | RegExp, message: RegExp, hint?: RegExp, exit: 0 | 1 = 1): Case =>
  ({ name, files: { 'bantin.yaml': CONFIG + lines }, exit, where, message, hint });
/** bantin.yaml with its `categories:` line (line 2) replaced. */
const categories = (name: string, line: string, where: string, message: RegExp): Case =>
  ({ name, files: { 'bantin.yaml': CONFIG.replace(/^categories:.*$/m, line) }, exit: 1, where, message, hint: /choose another name|with words/ });
const image = (name: string, value: string): Case =>
  ({ name, files: { [FAULTY]: md(['title: "Bài có lỗi"', 'date: 2024-01-03 09:00', `image: ${JSON.stringify(value)}`]) }, exit: 1, where: `${FAULTY}:4`, message: /`image` (may not be a (javascript|vbscript|data): URL|contains a control character)/, hint: /path|https/ });
/** A site template for the article page; line 3 is the one that matters. */
const template = (name: string, line3: string, message: RegExp, extra: Partial<Case> = {}): Case =>
  ({ name, files: { 'templates/article.njk': `{% extends "base.njk" %}\n{% block content %}\n${line3}\n{% endblock %}\n` }, exit: 1, where: /^templates\/article\.njk:3(:\d+)?$/, message, ...extra });
const fifo = (path: string) => (root: string) => {
  mkdirSync(join(root, path, '..'), { recursive: true });
  execFileSync('mkfifo', [join(root, path)]);
};
/** 10^9 values from ten lines of `&a` / `*a`. */
const aliasBomb = `a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n${Array.from({ length: 8 }, (_, i) => `a${i + 1}: &a${i + 1} [${Array(10).fill(`*a${i}`).join(', ')}]`).join('\n')}\n`;
const PWNED = join(PROJECT, 'test', '.tmp', 'hostile-pwned.txt');
const writesOutside = `process.getBuiltinModule('fs').writeFileSync('${PWNED}', 'x')`;

const URL_MESSAGE = /the `url` of entry \d+ in `(menu|links)` (may not be a (javascript|vbscript|data|file): URL|contains a control character)/;
const urlCases: Case[] = [
  config('menu: java<TAB>script:', 'menu: [{title: Menu, url: "java\\tscript:alert(1)"}]\n', 'bantin.yaml:4', URL_MESSAGE, /https:\/\//),
  config('links: <0x01>javascript:', 'links: [{title: L, url: "\\x01javascript:alert(1)"}]\n', 'bantin.yaml:4', URL_MESSAGE),
  config('links: leading spaces, upper case', 'links:\n  - title: A\n    url: https://dichvucong.gov.vn/\n  - title: B\n    url: "   JaVaScRiPt:alert(1)"\n', 'bantin.yaml:8', URL_MESSAGE),
  config('menu: newline inside the scheme', 'menu:\n  - title: A\n    url: "javas\\ncript:alert(1)"\n', 'bantin.yaml:6', URL_MESSAGE),
  config('menu: carriage return and tab', 'menu: [{title: A, url: gioi-thieu/}, {title: B, url: "j\\ra\\tvascript:alert(1)"}]\n', 'bantin.yaml:4', URL_MESSAGE),
  config('links: vbscript:', 'links: [{title: L, url: "vbscript:msgbox(1)"}]\n', 'bantin.yaml:4', URL_MESSAGE),
  config('menu: data:text/html', 'menu: [{title: L, url: "data:text/html,<script>alert(1)</script>"}]\n', 'bantin.yaml:4', URL_MESSAGE),
  config('links: NUL inside the scheme', 'links: [{title: L, url: "java\\0script:alert(1)"}]\n', 'bantin.yaml:4', URL_MESSAGE),
  config('links: file:', 'links: [{title: L, url: "file:///etc/passwd"}]\n', 'bantin.yaml:4', URL_MESSAGE),
  config('menu: //other-host', 'menu: [{title: L, url: "//evil.example/"}]\n', 'bantin.yaml:4', /starts with `\/\/` or a backslash/),
  config('logo: java<TAB>script:', 'logo: "java\\tscript:alert(1)"\n', 'bantin.yaml:4', /`logo` must be a path to an image inside content\//),
  image('image: java<TAB>script:', 'java\tscript:alert(1)'),
  image('image: <0x01>javascript:', '\x01javascript:alert(1)'),
  image('image: data:image/svg+xml', 'data:image/svg+xml,<svg onload="alert(1)"/>'),
  image('image: VBScript:', ' VBScript:x'),
  {
    name: 'accepted links: paths become site paths, allowed schemes stay', exit: 0,
    files: { 'bantin.yaml': `${CONFIG}menu: [{title: Giới thiệu, url: /gioi-thieu/}, {title: Hỏi đáp, url: "hoi-dap/a:b"}]\nlinks: [{title: Gọi, url: "tel:+842383812345"}, {title: Thư, url: "mailto:a@b.vn"}, {title: Web, url: "\\thttps://dichvucong.gov.vn/"}]\n` },
    check: (root) => {
      const home = readPage(join(root, 'dist'), '');
      const hrefs = home.querySelectorAll('.menu a, .block-links a').map((a) => a.getAttribute('href'));
      expect(hrefs).toEqual(expect.arrayContaining(['/gioi-thieu/', '/hoi-dap/a%3Ab', 'tel:+842383812345', 'mailto:a@b.vn', 'https://dichvucong.gov.vn/']));
    },
  },
];

const TEMPLATE_LIMIT_MESSAGE = /template error: (range\(\)|the (batch|center) filter) may make at most 100,000 values/;
const BLOCKED = /template error: templates may not use `(constructor|__proto__)`/;
const templateCases: Case[] = [
  template('template: range(1000000000) | length', '{{ range(1000000000) | length }}', TEMPLATE_LIMIT_MESSAGE, { hint: /smaller number/ }),
  template('template: range of a text number', '{% for i in range("1e9") %}{% endfor %}', TEMPLATE_LIMIT_MESSAGE),
  template('template: batch with a huge fill', '{{ [1] | batch(1000000000, 0) | length }}', TEMPLATE_LIMIT_MESSAGE),
  template('template: center a billion wide', '{{ "x" | center(1000000000) }}', TEMPLATE_LIMIT_MESSAGE),
  template('template: range step 0', '{{ range(5, 0, 0) | length }}', /range\(\) needs a step other than 0/),
  template('template: range.constructor writes outside --out', `{{ range.constructor("${writesOutside}")() }}`, BLOCKED, { hint: /trusted but guarded/ }),
  template('template: cycler["constructor"]', `{{ cycler["constructor"]("return 1")() }}`, BLOCKED),
  template('template: constructor as a bare name', `{{ constructor.getOwnPropertyDescriptor(constructor.getPrototypeOf(range), "c" ~ "onstructor").value("${writesOutside}")() }}`, BLOCKED),
  template('template: joiner.__proto__', '{{ joiner.__proto__ | length }}', BLOCKED),
  template('template: constructor through a list key', '{{ range[["constructor"]]("return 1")() }}', BLOCKED),
];

const FIFO_MESSAGE = /this (symbolic link points to|is) a named pipe \(FIFO\), not a file/;
const hangCases: Case[] = [
  { name: 'FIFO: a template', setup: fifo('templates/x.njk'), exit: 1, where: 'templates/x.njk', message: FIFO_MESSAGE, hint: /regular files/ },
  { name: 'FIFO: any file in templates/ (hashed for the theme key)', setup: fifo('templates/assets/doc.txt'), exit: 1, where: 'templates/assets/doc.txt', message: FIFO_MESSAGE },
  { name: 'FIFO: the strings file', setup: fifo('templates/locales/vi.yaml'), exit: 1, where: 'templates/locales/vi.yaml', message: FIFO_MESSAGE },
  { name: 'FIFO: an article', setup: fifo('content/tin-tuc/ong.md'), exit: 1, where: 'content/tin-tuc/ong.md', message: FIFO_MESSAGE },
  { name: 'FIFO: a content symlink to one', setup: (root) => { fifo('ong')(root); symlinkSync('../../ong', join(root, 'content/tin-tuc/ong.md')); }, exit: 1, where: 'content/tin-tuc/ong.md', message: FIFO_MESSAGE },
  { name: 'FIFO: a data file', setup: fifo('data/stats.yaml'), exit: 1, where: 'data/stats.yaml', message: FIFO_MESSAGE },
  { name: 'FIFO: bantin.yaml', setup: (root) => { rmSync(join(root, 'bantin.yaml')); fifo('bantin.yaml')(root); }, exit: 1, where: 'bantin.yaml', message: FIFO_MESSAGE },
  { name: 'alias bomb: templates/locales/vi.yaml', files: { 'templates/locales/vi.yaml': aliasBomb }, exit: 1, where: 'templates/locales/vi.yaml:1', message: /far too large once its YAML aliases/, hint: /anchor/ },
  { name: 'alias bomb: a data file', files: { 'data/bom.yaml': aliasBomb }, exit: 1, where: 'data/bom.yaml', message: /far too large once its YAML aliases/ },
  { name: 'size: an article of 33 MB', files: { 'content/tin-tuc/lon.md': md(['title: Lớn', 'date: 2024-01-01'], 'a'.repeat(33 << 20)) }, exit: 1, where: 'content/tin-tuc/lon.md', message: /too large \(34 MB; bantin reads text files up to 32 MB\)/ },
];

const reservedCases: Case[] = [
  categories('categories: [Tag]', 'categories: [Tin tức, Tag]', 'bantin.yaml:2', /the category "Tag" in `categories` would take the URL \/tag\//),
  categories('categories: [Search]', 'categories: [Search]', 'bantin.yaml:2', /"Search" .* \/search\//),
  categories('categories: [Trang]', 'categories: [Trang]', 'bantin.yaml:2', /"Trang" .* \/trang\//),
  categories('categories: [Archive]', 'categories: [Archive]', 'bantin.yaml:2', /"Archive" .* \/archive\//),
  categories('categories: ["!!!"]', 'categories: ["!!!"]', 'bantin.yaml:2', /the category "!!!" in `categories` has no letters or digits/),
  categories('categories: block list, Tìm kiếm on its own line', 'categories:\n  - Tin tức\n  - Thông báo\n  - Tìm kiếm', 'bantin.yaml:5', /"Tìm kiếm" .* \/tim-kiem\//),
  config('defaultCategory: Archive', 'defaultCategory: Archive\n', 'bantin.yaml:4', /the category "Archive" in `defaultCategory` would take the URL \/archive\//, /choose another name/),
  config('defaultCategory: "???"', 'defaultCategory: "???"\n', 'bantin.yaml:4', /has no letters or digits/),
];

const folderCases: Case[] = [
  { name: 'a file where an article page folder goes', files: { 'content/tin-tuc/bai-mot': 'x' }, exit: 1, where: 'content/tin-tuc/bai-mot', message: /this file has the URL \/tin-tuc\/bai-mot, but content\/tin-tuc\/bai-mot\.md needs a folder there/, hint: /extension|slug/ },
  { name: 'a file content/tag', files: { 'content/tag': 'x' }, exit: 1, where: 'content/tag', message: /this file has the URL \/tag, but tag "đất đai" needs a folder there/, hint: /bantin makes \/tag\/ itself/ },
  { name: 'a folder content/feed.xml/', files: { 'content/feed.xml/a.txt': 'x' }, exit: 1, where: 'content/feed.xml', message: /this folder would publish under \/feed\.xml\/, but the site feed is the file \/feed\.xml/, hint: /rename the folder/ },
  { name: 'a folder where a category feed goes', files: { 'content/thong-bao/atom.xml/a.txt': 'x' }, exit: 1, where: 'content/thong-bao/atom.xml', message: /the feed of category "Thông báo" is the file/ },
  { name: 'templates/partials: a symlink to a folder', setup: (root) => { mkdirSync(join(root, 'chung/partials'), { recursive: true }); writeFileSync(join(root, 'chung/partials/footer.njk'), '<footer></footer>\n'); mkdirSync(join(root, 'templates')); symlinkSync('../chung/partials', join(root, 'templates/partials')); },
    exit: 1, where: 'templates/partials', message: /a symbolic link to a folder; bantin does not follow those in templates\//, hint: /copy of the folder/ },
];

/** `bantin build` on a copy of the base site with the case's fault, in the background. */
function run(c: Case, env: Record<string, string> = {}): Promise<{ root: string; before: Record<string, string>; r: RunResult }> {
  const root = siteWithFault(c);
  const before = treeDigest(join(root, 'dist'));
  return new Promise((done) => {
    execFile(process.execPath, [CLI, 'build', '--root', root], { cwd: PROJECT, env: { ...process.env, NO_COLOR: '1', BANTIN_LANG: 'en', ...env }, maxBuffer: 64 << 20, timeout: 60_000 }, (err, stdout, stderr) => {
      const e = err as (Error & { code?: number; signal?: NodeJS.Signals }) | null;
      done({ root, before, r: { status: e ? (typeof e.code === 'number' ? e.code : null) : 0, signal: e?.signal ?? null, stdout, stderr } });
    });
  });
}

async function check(c: Case, env: Record<string, string> = {}): Promise<void> {
  const { root, before, r } = await run(c, env);
  const output = `${r.stdout}\n${r.stderr}`;
  expect(r.signal, `killed (hung?):\n${output}`).toBeNull();
  expect(r.status, output).toBe(c.exit);
  expect(output, 'a raw stack trace was printed').not.toMatch(STACK_LINE);
  if (c.where) {
    const found = findProblem(r.stderr, c, root);
    expect(found.message, `no error at ${c.where} matching ${c.message}; got:\n${r.stderr}`).toBeDefined();
    expect(found.hint, `no hint after ${found.located[0]}`).toBeTruthy();
    if (c.hint) expect(found.hint).toMatch(c.hint);
  }
  if (c.exit === 1) expect(treeDigest(join(root, 'dist')), 'the previous output changed').toEqual(before);
  for (let i = 0; i < 50 && c.exit === 0 && stagingLeft(root).length; i++) await new Promise((ok) => setTimeout(ok, 100));
  expect(stagingLeft(root), 'a staging folder was left behind').toEqual([]);
  expect(existsSync(PWNED), 'a template wrote outside the output folder').toBe(false);
  c.check?.(root, r);
}

for (const [title, cases] of [['1. URLs from config and front matter', urlCases], ['8. template code', templateCases], ['9. files that would hang a read', hangCases],
  ['10. reserved names in bantin.yaml', reservedCases], ['11. a file where a folder must go', folderCases]] as const) {
  if (cases.length === 0) continue;
  describe(title, () => {
    for (const c of cases) it.concurrent(c.name, () => check(c), 90_000);
  });
}

describe('8. template code, on render threads', () => {
  it.concurrent('range(1000000000) in a worker is the same reported error', () => check(templateCases[0], { BANTIN_JOBS: '3' }), 90_000);
  it.concurrent('range.constructor in a worker is the same reported error', () => check(templateCases[5], { BANTIN_JOBS: '3' }), 90_000);
});

describe('1. the URL policy reads a scheme as the WHATWG URL parser does', () => {
  const ALLOWED = { link: ['http', 'https', 'mailto', 'tel'], image: ['http', 'https'] } as const;
  /** The scheme `new URL()` sees, or null when it reads the text as relative (or not at all). */
  const parserScheme = (s: string) => {
    try {
      return new URL(s).protocol.slice(0, -1);
    } catch {
      return null;
    }
  };
  const holds = (s: string) => {
    for (const use of ['link', 'image'] as const) {
      const v = checkUrl(s, use);
      const scheme = parserScheme(s);
      if (scheme !== null) expect(urlScheme(s), JSON.stringify(s)).toBe(scheme);
      if (!v.ok) continue;
      // Accepted: the browser's scheme is an allowed one, or it is a path on this site.
      if (scheme !== null) expect(ALLOWED[use], JSON.stringify(s)).toContain(scheme);
      else expect(new URL(s, 'https://xa.example.gov.vn/tin-tuc/').origin, JSON.stringify(s)).toBe('https://xa.example.gov.vn');
      expect(new URL(v.url, 'https://xa.example.gov.vn/').href, 'the browser form means what the original means').toBe(new URL(s, 'https://xa.example.gov.vn/').href);
    }
  };

  it('refuses every spelling of a script scheme a browser would run', () => {
    const lead = ['', ' ', '   ', '\t', '\n', '\r\n', '\x01', '\x00', '\x1f', '\x0c \x08'];
    const names = ['javascript', 'JavaScript', 'JAVASCRIPT', 'java\tscript', 'java\nscript', 'java\rscript', 'j\ta\nv\ra\tscript', 'jav\u0000ascript', 'vbscript', 'VBScript', 'data', 'DaTa', 'file'];
    const rest = [':alert(1)', ':text/html,<script>alert(1)</script>', '\t:alert(1)', ':\nalert(1)'];
    let members = 0;
    for (const l of lead) for (const n of names) for (const r of rest) {
      const s = l + n + r;
      holds(s);
      expect(checkUrl(s, 'link').ok, JSON.stringify(s)).toBe(false);
      expect(checkUrl(s, 'image').ok, JSON.stringify(s)).toBe(false);
      members++;
    }
    expect(members).toBe(lead.length * names.length * rest.length);
  });

  it('accepts http(s), mailto, tel and paths, entity-like text staying a harmless path', () => {
    for (const s of ['https://dichvucong.gov.vn/', 'HTTP://a.vn', ' \thttps://a.vn/x', 'mailto:a@b.vn', 'TEL:+84', 'gioi-thieu/', '/tin-tuc/', '#lien-he', '?q=a',
      'javascript&#58;alert(1)', '&#106;avascript:alert(1)', 'javascript%3Aalert(1)']) {
      holds(s);
      expect(checkUrl(s, 'link').ok, JSON.stringify(s)).toBe(true);
    }
    expect(checkUrl('mailto:a@b.vn', 'image').ok).toBe(false);
  });

  it('agrees with the URL parser on generated strings (fast-check, fixed seed)', () => {
    const piece = fc.constantFrom('j', 'a', 'v', 's', 'c', 'r', 'i', 'p', 't', 'J', 'S', 'b', 'd', 'h', ':', '/', '\\', '\t', '\n', '\r', '\x00', '\x01', '\x1f', ' ', '&', '#', '5', '8', ';', '%', '.', '+', '-',
      'javascript', 'https', 'data', 'mailto', 'tel', 'vbscript', ':alert(1)');
    fc.assert(fc.property(fc.array(piece, { maxLength: 12 }).map((p) => p.join('')), (s) => holds(s)), { seed: 14, numRuns: 5000 });
  });
});

describe('14. wall-clock times around DST changes', () => {
  const iso = (text: string, tz: string) => {
    const r = parseSiteDate(text, tz);
    if (!r.ok) throw new Error(r.message);
    return r.date.iso;
  };
  it.each([
    ['2024-03-10 02:30', 'America/New_York', '2024-03-10T03:30:00-04:00'],
    ['2024-03-10 02:00', 'America/New_York', '2024-03-10T03:00:00-04:00'],
    ['2024-03-10 02:59:59', 'America/New_York', '2024-03-10T03:59:59-04:00'],
    ['2024-03-31 02:30', 'Europe/Berlin', '2024-03-31T03:30:00+02:00'],
    ['2024-03-31 02:00', 'Europe/Berlin', '2024-03-31T03:00:00+02:00'],
  ])('a time the clocks skip, %s in %s, lands after the gap: %s', (text, tz, expected) => expect(iso(text, tz)).toBe(expected));

  it.each([
    ['2024-11-03 01:30', 'America/New_York', '2024-11-03T01:30:00-04:00'],
    ['2024-10-27 02:30', 'Europe/Berlin', '2024-10-27T02:30:00+02:00'],
  ])('a time that happens twice, %s in %s, is the first: %s', (text, tz, expected) => expect(iso(text, tz)).toBe(expected));

  it('every minute of both change days reads back as written, or an hour on inside a gap', () => {
    for (const [day, tz, gap] of [['2024-03-10', 'America/New_York', 60], ['2024-11-03', 'America/New_York', 0], ['2024-03-31', 'Europe/Berlin', 60], ['2024-10-27', 'Europe/Berlin', 0]] as const) {
      let skipped = 0;
      for (let m = 0; m < 24 * 60; m++) {
        const hhmm = (n: number) => `${String(Math.floor(n / 60)).padStart(2, '0')}:${String(n % 60).padStart(2, '0')}`;
        const got = iso(`${day} ${hhmm(m)}`, tz).slice(0, 16).replace('T', ' ');
        if (got === `${day} ${hhmm(m)}`) continue;
        skipped++;
        expect(got, `${day} ${hhmm(m)} ${tz}`).toBe(`${day} ${hhmm(m + 60)}`);
      }
      expect(skipped, `${day} ${tz}`).toBe(gap);
    }
  });
});

describe('14. the serve log', () => {
  it('says "the build failed" (not "built failed") when the first build fails', async () => {
    const root = siteWithFault({ name: 'serve-log', files: { [FAULTY]: md(['title: "Bài có lỗi"']) }, exit: 1 });
    const server = await startServe(root);
    try {
      await new Promise((ok) => setTimeout(ok, 300));
      expect(server.output()).toMatch(/bantin: the build failed with 1 error\(s\); still serving the last good pages/);
      expect(server.output()).not.toMatch(/built failed/);
    } finally {
      await server.stop();
    }
  }, 60_000);
});
