// Faults in the config, data files, templates and the output folder.
import { chmodSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { BASE_FILES, type Case } from './harness.js';

const CONFIG = BASE_FILES['bantin.yaml'] as string;
const config = (extra: string, name = extra.split('\n')[0]): Case & { files: Record<string, string> } =>
  ({ name: `config: ${name}`, files: { 'bantin.yaml': CONFIG + extra }, exit: 1 });
/** A config key with a wrong value, as the last line of bantin.yaml (replacing the base's line for that key). */
const wrongValue = (line: string, message: RegExp, hint?: RegExp): Case => {
  const lines = [...CONFIG.trim().split('\n').filter((l) => !l.startsWith(line.slice(0, line.indexOf(':') + 1))), line];
  return { name: `config: ${line}`, files: { 'bantin.yaml': `${lines.join('\n')}\n` }, exit: 1, where: `bantin.yaml:${lines.length}`, message, hint };
};

/** A site template overriding the theme's article page; line 3 is the one that matters. */
const ARTICLE = 'templates/article.njk';
const template = (line3: string, line4 = '') => `{% extends "base.njk" %}\n{% block content %}\n${line3}\n${line4}\n{% endblock %}\n`;

const ENOSPC = fileURLToPath(new URL('./enospc.cjs', import.meta.url));

/** Whether chmod can stop this process from writing (it cannot for root). */
function chmodStopsWrites(dir: string): boolean {
  mkdirSync(dir);
  chmodSync(dir, 0o555);
  try {
    writeFileSync(join(dir, 'probe'), '');
    return false;
  } catch {
    return true;
  } finally {
    chmodSync(dir, 0o755);
  }
}

export const siteCases: Case[] = [
  // bantin.yaml
  { ...config('categories: [Tin tức\n'), where: 'bantin.yaml:5:1', message: /YAML syntax error/ },
  { ...config('footer:\n\taddress: Số 1\n', 'tab indentation'), where: /^bantin\.yaml:5(:\d+)?$/, message: /YAML syntax error/, hint: /tabs/ },
  { ...config('title: Lần hai\n', 'duplicate key'), where: 'bantin.yaml:4:1', message: /duplicated mapping key/, hint: /once/ },
  { name: 'config: a list, not a mapping', files: { 'bantin.yaml': '- title: A\n- pageSize: 3\n' }, exit: 1, where: 'bantin.yaml:1', message: /mapping of `key: value` lines/ },
  { name: 'config: invalid UTF-8', files: { 'bantin.yaml': Buffer.concat([Buffer.from(`${CONFIG}unit: Ủy ban `), Buffer.from([0xc3, 0x28, 0x0a])]) }, exit: 1, where: 'bantin.yaml:4', message: /not valid UTF-8/ },
  { name: 'config: NUL byte', files: { 'bantin.yaml': `${CONFIG}unit: a\0b\n` }, exit: 1, where: 'bantin.yaml:4', message: /NUL byte/ },
  { ...config(`extra:\n  a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n${Array.from({ length: 8 }, (_, i) => `  a${i + 1}: &a${i + 1} [${Array(10).fill(`*a${i}`).join(', ')}]`).join('\n')}\n`, 'aliases expanding to billions of values'),
    where: 'bantin.yaml:1', message: /far too large/, timeout: 20_000 },
  { ...config('titel: Huyện Khác\n', 'unknown key with a near miss'), exit: 0, where: 'bantin.yaml:4', message: /unknown config key `titel` is ignored/, hint: /did you mean `title`\?/,
    check: (root) => expect(readFileSync(join(root, 'dist/index.html'), 'utf8')).toContain('Huyện Thử Nghiệm') },
  { ...config('pagesize: 5\n', 'unknown key differing in case'), exit: 0, where: 'bantin.yaml:4', message: /`pagesize`/, hint: /did you mean `pageSize`\?/ },
  { ...config('markdown:\n  htlm: true\n', 'unknown nested key'), exit: 0, where: 'bantin.yaml:5', message: /`markdown\.htlm`/, hint: /did you mean `html`\?/ },
  wrongValue('title: [Huyện, Xã]', /`title` must be a non-empty text/, /title: /),
  wrongValue('pageSize: mười', /`pageSize` must be a whole number from 1 to 1000/, /pageSize: 20/),
  wrongValue('pageSize: 0', /`pageSize` must be a whole number from 1 to 1000/),
  wrongValue('relatedCount: 2.5', /`relatedCount` must be a whole number/),
  wrongValue('relatedScope: all', /`relatedScope` must be `category` or `site`/),
  wrongValue('visits: nhiều', /`visits` must be a whole number ≥ 0/),
  wrongValue('baseUrl: ftp://thu.example.gov.vn/', /`baseUrl` must be an absolute http\(s\) URL/),
  wrongValue('timezone: Asia/Hanoi_Saigon', /`timezone` must be an IANA timezone name/, /Asia\/Ho_Chi_Minh/),
  wrongValue('locale: ../../../etc/passwd', /`locale` must be the name of a strings file/),
  wrongValue('defaultCategory: ""', /`defaultCategory` must be a non-empty text/),
  wrongValue('links: [{title: Bấm, url: "javascript:alert(1)"}]', /the `url` of entry 1 in `links` may not be a javascript: URL/, /https:\/\//),
  wrongValue('menu: [{title: Không có url}]', /`menu` must be a list of entries/),
  wrongValue('logo: ../../etc/passwd', /`logo` must be a path to an image inside content\//),
  wrongValue('colors: {primary: "red;}</style><script>alert(1)</script>"}', /`colors` must be a mapping of names to CSS colours/),
  wrongValue('sidebar: [date, quang-cao]', /`sidebar` must be a list drawn from/),
  wrongValue('markdown: có', /`markdown` must be a mapping/),
  wrongValue('feeds: {limit: 0}', /`feeds\.limit` must be a whole number ≥ 1/),
  wrongValue('extra: [1, 2]', /`extra` must be a mapping/),

  // data/
  { name: 'data: YAML syntax error', files: { 'data/stats.yaml': 'visits: [1, 2\n' }, exit: 1, where: 'data/stats.yaml:2', message: /cannot read this data file/ },
  { name: 'data: JSON with a trailing comma', files: { 'data/lich.json': '{\n  "a": 1,\n}\n' }, exit: 1, where: 'data/lich.json:3', message: /cannot read this data file/, hint: /no comma after the last item/ },
  { name: 'data: invalid UTF-8', files: { 'data/stats.yaml': Buffer.from([0x61, 0x3a, 0x20, 0xff, 0x0a]) }, exit: 1, where: 'data/stats.yaml:1', message: /not valid UTF-8/ },
  { name: 'data: a folder named like a data file', setup: (root) => mkdirSync(join(root, 'data/stats.yaml'), { recursive: true }), exit: 1, where: 'data/stats.yaml', message: /a folder, not a data file/ },
  { name: 'data: symlink outside the site', setup: (root) => { mkdirSync(join(root, 'data')); symlinkSync('/etc/passwd', join(root, 'data/passwd.yaml')); }, exit: 1, where: 'data/passwd.yaml', message: /points outside the site folder/ },

  // templates/
  { name: 'template syntax error', files: { [ARTICLE]: template('<h1>{{ article.title }</h1>') }, exit: 1, where: `${ARTICLE}:3:22`, message: /template error: expected variable end/ },
  { name: 'template block never closed', files: { [ARTICLE]: template('{% if article.title %}') }, exit: 1, where: /^templates\/article\.njk:5(:\d+)?$/, message: /template error/ },
  { name: 'template: undefined variable printed (whole page)', files: { [ARTICLE]: '<h1>{{ article.title }}</h1>\n<p>{{ article.titel }}</p>\n' }, exit: 1, where: `${ARTICLE}:2:4`, message: /template error: attempted to output null or undefined/, hint: /spelling/ },
  { name: 'template: missing template in extends', files: { [ARTICLE]: '{% extends "khong-co.njk" %}\n' }, exit: 1, where: /^templates\/article\.njk:1:\d+$/, message: /template not found: khong-co\.njk/, hint: /create that template/ },
  { name: 'template: undefined variable printed (in a block)', files: { [ARTICLE]: template('<h1>{{ article.title }}</h1>', '<p>{{ article.titel }}</p>') }, exit: 1, where: `${ARTICLE}:4:4`,
    message: /^template error: attempted to output null or undefined value$/ },
  { name: 'template: missing include', files: { [ARTICLE]: template('<h1>{{ article.title }}</h1>', '{% include "khong-co.njk" %}') }, exit: 1, where: /^templates\/article\.njk:4(:\d+)?$/,
    message: /^template error: template not found: khong-co\.njk$/ },
  { name: 'template: unknown filter', files: { [ARTICLE]: template('<h1>{{ article.title | vietHoa }}</h1>') }, exit: 1, where: /^templates\/article\.njk:3(:\d+)?$/, message: /^template error: filter not found: vietHoa$/ },
  { name: 'template: syntax error in an included partial', files: { 'templates/partials/footer.njk': '<footer>{{ site.config.title }</footer>\n' }, exit: 1, where: /^templates\/partials\/footer\.njk:1(:\d+)?$/, message: /expected variable end/ },
  { name: 'template: symlink to a file outside the site', setup: (root) => { mkdirSync(join(root, 'templates/partials'), { recursive: true }); symlinkSync('/etc/hostname', join(root, 'templates/partials/footer.njk')); },
    exit: 1, where: 'templates/partials/footer.njk', message: /outside the site folder/ },
  { name: 'template: broken locale file', files: { 'templates/locales/vi.yaml': 'nav:\n  home: [Trang chủ\n' }, exit: 1, where: /^templates\/locales\/vi\.yaml:3(:\d+)?$/, message: /cannot read this translations file/, hint: /YAML/ },

  // The output folder
  { name: 'output: --out is a regular file', setup: (root) => writeFileSync(join(root, 'ein-file'), 'x'), args: ['--out', 'ROOT/ein-file'], exit: 1, where: 'ROOT/ein-file', message: /is a file, not a folder/, hint: /another --out/,
    check: (root) => expect(readFileSync(join(root, 'ein-file'), 'utf8')).toBe('x') },
  { name: 'output: a parent of --out is a regular file', setup: (root) => writeFileSync(join(root, 'ein-file'), 'x'), args: ['--out', 'ROOT/ein-file/a/dist'], exit: 1, where: 'ROOT/ein-file', message: /is a file, not a folder/ },
  {
    // chmod cannot stop root: then a parent that is a regular file stands in for a read-only folder.
    name: 'output: read-only folder (or, as root, a file in the way)', args: ['--out', 'ROOT/ro/dist'], exit: 1, where: /^ROOT\/ro(\/\.dist\.bantin-tmp-\d+)?$/, message: /no permission to write|is a file, not a folder/,
    setup: (root) => {
      const ro = join(root, 'ro');
      if (chmodStopsWrites(ro)) chmodSync(ro, 0o555);
      else rmSync(ro, { recursive: true }), writeFileSync(ro, 'stands in for a read-only folder');
    },
  },
  { name: 'output: the disk fills up mid-write', nodeArgs: ['--require', ENOSPC], exit: 1, where: /^ROOT\/\.dist\.bantin-tmp-\d+\/.+$/, message: /the disk is full \(ENOSPC\)/, hint: /free some space/ },
  { name: 'output: --out is the site itself', args: ['--out', 'ROOT'], exit: 1, where: 'bantin', message: /is the site folder or contains it/ },
  { name: 'output: --out inside content/', args: ['--out', 'ROOT/content/dist'], exit: 1, where: 'bantin', message: /inside the site's sources/ },
];
