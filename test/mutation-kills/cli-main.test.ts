// `bantin` in-process (src/cli/main.ts): help, version, unknown commands and options, the reader's
// language, `new`, `views`, errors of the machine, colours. Builds: cli-build.test.ts; serve: cli-serve.test.ts.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi as vitest } from 'vitest';
import { main } from '../../src/cli/main.js';
import { VERSION } from '../../src/base/install.js';
import { text } from '../../src/base/messages/index.js';
import { article, makeSite, tempDir } from '../helpers.js';
import { line, T0 } from '../tools/views-helpers.js';
import { bantin } from './cli-io.js';

const USAGE_EN = text('cli-usage', {}, 'en');
const USAGE_VI = text('cli-usage', {}, 'vi');
const vi = () => makeSite({ 'bantin.yaml': 'title: Xã Việt\nlocale: vi\n' }, 'cli-vi');
const en = () => makeSite({ 'bantin.yaml': 'title: An English site\nlocale: en\n' }, 'cli-en');

describe('bantin help and version', () => {
  it('prints the help on stdout with exit 0, with no command or help, --help, -h', async () => {
    for (const args of [[], ['help'], ['--help'], ['-h']]) {
      const r = await bantin(args);
      expect(r, args.join(' ')).toEqual({ code: 0, stdout: USAGE_EN, stderr: '' });
    }
    expect(USAGE_EN).toMatch(/^Usage: bantin <command> \[options\]\n/);
  });

  it('prints the version with version and --version', async () => {
    for (const args of [['version'], ['--version']]) {
      expect(await bantin(args)).toEqual({ code: 0, stdout: `bantin ${VERSION}\n`, stderr: '' });
    }
    expect(VERSION).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe('usage mistakes: exit 2, the mistake and the help on stderr', () => {
  it('an unknown command', async () => {
    expect(await bantin(['publish'])).toEqual({ code: 2, stdout: '', stderr: `bantin: unknown command "publish"\n\n${USAGE_EN}` });
  });

  it('names of Object.prototype are unknown commands too, not a dev server (they were: `bantin toString` served)', async () => {
    for (const command of ['toString', 'constructor', '__proto__', 'hasOwnProperty', 'valueOf']) {
      const r = await bantin([command, '--port', '0'], { cwd: en() });
      expect(r.code, command).toBe(2);
      expect(r.stderr, command).toBe(`bantin: unknown command "${command}"\n\n${USAGE_EN}`);
    }
  });

  it('an unknown option, a stray argument, and a missing value', async () => {
    const root = en();
    const unknown = await bantin(['build', '--root', root, '--base-uri', 'https://x.vn/']);
    expect(unknown).toEqual({ code: 2, stdout: '', stderr: expect.stringMatching(/^bantin: Unknown option '--base-uri'.*\n\nUsage: bantin/s) });
    expect(unknown.stderr.endsWith(USAGE_EN)).toBe(true);
    const stray = await bantin(['check', 'extra', '--root', root]);
    expect(stray.code).toBe(2);
    expect(stray.stderr).toMatch(/^bantin: Unexpected argument 'extra'/);
    const missing = await bantin(['build', '--out']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^bantin: Option '--out <value>' argument missing/);
    // In Vietnamese, the parser's own English detail goes after a Vietnamese lead.
    const viStray = await bantin(['check', 'extra', '--lang', 'vi', '--root', root]);
    expect(viStray.stderr).toMatch(/^bantin: tùy chọn không đúng: Unexpected argument 'extra'/);
    expect(viStray.stderr.endsWith(USAGE_VI)).toBe(true);
  });

  it('each command takes its own options only', async () => {
    const root = en();
    const refused: [string, string][] = [['check', '--out'], ['check', '--base-url'], ['new', '--strict'], ['views', '--drafts'], ['serve', '--json'], ['build', '--port']];
    for (const [command, option] of refused) {
      const r = await bantin([command, '--root', root, option, 'x']);
      expect(r.code, `${command} ${option}`).toBe(2);
      expect(r.stderr, `${command} ${option}`).toContain(`Unknown option '${option}'`);
    }
  });

  it('a --lang other than vi or en', async () => {
    const r = await bantin(['check', '--root', en(), '--lang', 'fr']);
    expect(r).toEqual({ code: 2, stdout: '', stderr: `bantin: --lang must be vi or en, not fr\n\n${USAGE_EN}` });
  });

  it('bantin new without exactly one title', async () => {
    const root = en();
    for (const args of [['new', '--root', root], ['new', 'Một', 'Hai', '--root', root]]) {
      const r = await bantin(args);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^bantin: bantin new takes the title, in quotes/);
    }
  });
});

describe('the reader\'s language', () => {
  const unknown = (lang: 'vi' | 'en') => (lang === 'vi' ? 'bantin: không có lệnh "xyz"' : 'bantin: unknown command "xyz"');

  it('is the site\'s locale, from --root or else the current folder, unless BANTIN_LANG or --lang says otherwise', async () => {
    const viSite = vi(), enSite = en();
    const cases: [string[], { cwd: string; env?: Record<string, string | undefined> }, 'vi' | 'en'][] = [
      [['xyz'], { cwd: viSite, env: { BANTIN_LANG: undefined } }, 'vi'],
      [['xyz'], { cwd: enSite, env: { BANTIN_LANG: undefined } }, 'en'],
      [['xyz', '--root', enSite], { cwd: viSite, env: { BANTIN_LANG: undefined } }, 'en'],
      [['xyz', '--root', viSite], { cwd: enSite, env: { BANTIN_LANG: undefined } }, 'vi'],
      // --root with nothing after it: the current folder.
      [['xyz', '--root'], { cwd: enSite, env: { BANTIN_LANG: undefined } }, 'en'],
      [['xyz', '--root'], { cwd: viSite, env: { BANTIN_LANG: undefined } }, 'vi'],
      [['xyz'], { cwd: viSite, env: { BANTIN_LANG: 'en' } }, 'en'],
      [['xyz'], { cwd: enSite, env: { BANTIN_LANG: 'vi' } }, 'vi'],
      [['xyz', '--lang', 'en'], { cwd: viSite, env: { BANTIN_LANG: 'vi' } }, 'en'],
      [['xyz', '--lang', 'vi'], { cwd: enSite, env: { BANTIN_LANG: 'en' } }, 'vi'],
      [['xyz', '--lang'], { cwd: enSite, env: { BANTIN_LANG: 'vi' } }, 'vi'],
      // Without --root or --lang, the first word after the command is neither a folder nor a language.
      [['xyz', viSite], { cwd: enSite, env: { BANTIN_LANG: undefined } }, 'en'],
      [['xyz', 'vi'], { cwd: enSite, env: { BANTIN_LANG: undefined } }, 'en'],
    ];
    for (const [args, options, lang] of cases) {
      const r = await bantin(args, options);
      expect(r.stderr.split('\n')[0], `${args.join(' ')} in ${options.cwd === viSite ? 'vi' : 'en'} site, BANTIN_LANG=${options.env?.BANTIN_LANG}`).toBe(unknown(lang));
      expect(r.stderr.endsWith(lang === 'vi' ? USAGE_VI : USAGE_EN)).toBe(true);
    }
  });

  it('--lang=vi (one word, which the first look at the command line misses) still sets the language of the command', async () => {
    const root = makeSite({ 'bantin.yaml': 'title: Xã\nlocale: en\n', 'content/tin/a.md': article({ title: 'A', date: '2024-01-01 08:00', author: 'B', summary: 'C' }) }, 'cli-lang');
    const r = await bantin(['check', `--root=${root}`, '--lang=vi'], { env: { BANTIN_LANG: undefined } });
    expect(r).toEqual({ code: 0, stdout: 'bantin: 0 lỗi, 0 cảnh báo\n', stderr: '' });
    const plain = await bantin(['check', `--root=${root}`], { env: { BANTIN_LANG: undefined } });
    expect(plain.stdout).toBe('bantin: 0 error(s), 0 warning(s)\n');
    // The folder of --root=…, not the current one, gives the locale.
    const fromCwd = await bantin(['check'], { cwd: root, env: { BANTIN_LANG: 'vi' } });
    expect(fromCwd.stdout).toBe('bantin: 0 lỗi, 0 cảnh báo\n');
  });
});

describe('bantin new', () => {
  it('writes the article under the current folder without --root, and says where', async () => {
    const root = en();
    const r = await bantin(['new', 'Thông báo họp dân', '--category', 'Thông báo', '--author', 'Văn phòng'], { cwd: root });
    expect(r.code, r.stderr).toBe(0);
    const path = /^bantin: created (\S+\.md)\n$/.exec(r.stdout)![1];
    expect(path.startsWith(join(root, 'content/thong-bao/'))).toBe(true);
    expect(readFileSync(path, 'utf8')).toContain('author: "Văn phòng"');
    expect(r.stderr).toBe('');
  });

  it('an article that exists: the problem, "new failed", exit 1, no stack', async () => {
    const root = en();
    expect((await bantin(['new', 'Trùng tên', '--root', root])).code).toBe(0);
    const again = await bantin(['new', 'Trùng tên', '--root', root]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/^bantin: error: \S+trung-ten\.md already exists; bantin does not write over an article\n  hint: choose another title or edit that file\nbantin: new failed\n$/);
  });
});

describe('errors of the machine', () => {
  it('a known one (a file where a folder must be): what, where, the command, and the --verbose hint; with --verbose, the stack', async () => {
    const root = en();
    writeFileSync(join(root, 'content'), 'not a folder');
    const r = await bantin(['new', 'Bài mới', '--root', root]);
    expect(r.code).toBe(1);
    const lines = r.stderr.split('\n');
    expect(lines[0]).toMatch(new RegExp(`^${root}/content\\S*: error: .*\\(ENOTDIR\\)$`));
    expect(r.stderr).toContain('\nbantin: new failed\n  (run again with --verbose for details)\n');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const verbose = await bantin(['new', 'Bài mới', '--root', root, '--verbose']);
    expect(verbose.code).toBe(1);
    expect(verbose.stderr).toContain('bantin: new failed\nError: ENOTDIR');
    expect(verbose.stderr).toMatch(/\n\s+at /);
    expect(verbose.stderr).not.toContain('--verbose for details');
  });

  it('an unknown one: the command and the message; the stack only with --verbose', async () => {
    const root = makeSite({ 'bantin.yaml': 'title: Xã\nlocale: en\n', 'access.log': line('203.0.113.1', T0, '/') }, 'cli-views');
    const r = await bantin(['views', join(root, 'access.log'), '--root', root, '--exclude-ip', 'nonsense', '--verbose']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^bantin: views failed: --exclude-ip nonsense is not an address/);
    expect(r.stderr).toMatch(/\n\s+at /);
    // Without --verbose, views says it in its own words, without a stack.
    const quiet = await bantin(['views', join(root, 'access.log'), '--root', root, '--exclude-ip', 'nonsense']);
    expect(quiet.code).toBe(1);
    expect(quiet.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('bantin views and import through main()', () => {
  it('views takes log files as arguments and counts them into data/views.json', async () => {
    const root = makeSite({ 'bantin.yaml': 'title: Xã\nlocale: en\n', 'content/tin/a.md': article({ title: 'A', date: '2024-01-01 08:00' }), 'access.log': line('203.0.113.1', T0, '/tin-tuc/a/') }, 'cli-views');
    const r = await bantin(['views', join(root, 'access.log'), '--root', root]);
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(join(root, 'data/views.json'))).toBe(true);
    const none = await bantin(['views', '--root', root]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^bantin: bantin views needs the access logs to read/);
    expect(none.stderr.endsWith(USAGE_EN)).toBe(true);
  });

  it('import and init get their own command lines (their options are not build\'s)', async () => {
    const root = en();
    writeFileSync(join(root, 'old.txt'), 'Tiêu đề cũ\n\n28/01/2020 23:10\n\nNội dung cũ.\n');
    const r = await bantin(['import', join(root, 'old.txt'), '--root', root, '--dry-run', '--json']);
    expect(r.stderr).not.toContain('unknown command');
    expect(r.code).toBe(0);
    const dir = join(tempDir('cli-init'), 'xa-moi');
    const init = await bantin(['init', dir, '--yes', '--title', 'Xã Mới']);
    expect(init.code).toBe(0);
    expect(readFileSync(join(dir, 'bantin.yaml'), 'utf8')).toContain('Xã Mới');
    // init's usage mistakes go through main's usage error: exit 2 and the help.
    const bad = await bantin(['init', '--no-such-option']);
    expect(bad.code).toBe(2);
    expect(bad.stderr.endsWith(USAGE_EN)).toBe(true);
  });
});

describe('colours', () => {
  const site = () => makeSite({
    'bantin.yaml': 'title: Xã\nlocale: en\n',
    'content/tin/a.md': article({ title: 'A', date: '2024-01-01 08:00', author: 'B', summary: 'C' }, 'Xem [x](../khong-co.md).'),
    'content/tin/b.md': '---\ntitle: Hỏng\ndate: 2024-13-45\n---\nx\n',
  }, 'cli-colour');

  it('on a terminal: errors bold red, warnings yellow, in either language; none with NO_COLOR or off a terminal', async () => {
    const root = site();
    const tty = await bantin(['check', '--root', root], { tty: true, env: {} });
    expect(tty.stderr).toContain(': \x1b[31;1merror\x1b[0m: ');
    const warn = await bantin(['check', '--root', makeSite({ 'bantin.yaml': 'title: Xã\n', 'content/tin/a.md': article({ title: 'A', date: '2024-01-01 08:00', author: 'B', summary: 'C' }, 'Xem [x](../khong-co.md).') }, 'cli-colour')], { tty: true, env: {} });
    expect(warn.stderr).toContain(': \x1b[33mwarning\x1b[0m: ');
    const viWarn = await bantin(['check', '--root', root, '--lang', 'vi'], { tty: true, env: {} });
    expect(viWarn.stderr).toContain(': \x1b[31;1mlỗi\x1b[0m: ');
    const viOnlyWarn = await bantin(['check', '--root', makeSite({ 'content/tin/a.md': article({ title: 'A', date: '2024-01-01 08:00', author: 'B', summary: 'C' }, 'Xem [x](../khong-co.md).') }, 'cli-colour'), '--lang', 'vi'], { tty: true, env: {} });
    expect(viOnlyWarn.stderr).toContain(': \x1b[33mcảnh báo\x1b[0m: ');
    for (const [options, why] of [[{ tty: true, env: { NO_COLOR: '1' } }, 'NO_COLOR'], [{ tty: false, env: {} }, 'not a terminal']] as const) {
      const r = await bantin(['check', '--root', root], options);
      expect(r.stderr, why).toMatch(/: error: /);
      expect(r.stderr, why).not.toContain('\x1b[');
    }
  });
});

describe('every option of every command is taken', () => {
  // Each command with an option that ends it in a known usage error after the command line is
  // read: an option that were not taken, or taken as the wrong kind, would fail sooner, otherwise.
  const commands: Record<string, { opts: Record<string, 'string' | 'boolean'>; then: string[]; says: RegExp }> = {
    build: {
      opts: { lang: 'string', root: 'string', out: 'string', 'base-url': 'string', drafts: 'boolean', strict: 'boolean', 'no-cache': 'boolean', json: 'boolean', verbose: 'boolean', only: 'string', shard: 'string', 'changed-since': 'string', jobs: 'string', 'index-only': 'boolean', list: 'boolean', workspace: 'string' },
      then: ['--only', 'xa-01'], says: /^bantin: --(only|shard|changed-since|jobs|index-only|list) goes with --all only\n/,
    },
    serve: {
      opts: { lang: 'string', root: 'string', host: 'string', 'base-url': 'string', drafts: 'boolean', open: 'boolean', verbose: 'boolean', all: 'boolean', only: 'string', workspace: 'string' },
      then: ['--port', 'x'], says: /^bantin: --port must be a port number, not x\n/,
    },
    new: { opts: { lang: 'string', root: 'string', category: 'string', author: 'string', verbose: 'boolean' }, then: [], says: /^bantin: bantin new takes the title/ },
    check: { opts: { lang: 'string', root: 'string', strict: 'boolean', json: 'boolean', verbose: 'boolean' }, then: ['--draft-age', '0'], says: /^bantin: --draft-age must be/ },
    views: { opts: { lang: 'string', root: 'string', 'base-url': 'string', format: 'string', 'exclude-ip': 'string', json: 'boolean', verbose: 'boolean' }, then: [], says: /^bantin: bantin views needs the access logs/ },
  };
  for (const [command, { opts, then, says }] of Object.entries(commands)) {
    it(`${command}: ${Object.keys(opts).join(', ')}`, async () => {
      const root = en();
      for (const [option, kind] of Object.entries(opts)) {
        const value = option === 'lang' ? 'en' : option === 'root' ? root : 'x';
        // A boolean option followed by another option: taken as a string, it would swallow it.
        const args = [command, ...(kind === 'string' ? [`--${option}`, value] : [`--${option}`]), ...then];
        const r = await bantin(args, { cwd: root });
        expect(r.code, args.join(' ')).toBe(2);
        expect(r.stderr, args.join(' ')).toMatch(says);
      }
    });
  }
});

describe('main() without io', () => {
  it('writes to the process\'s stdout and stderr, reads BANTIN_LANG from its environment', async () => {
    const out = vitest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const err = vitest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const lang = process.env.BANTIN_LANG;
    try {
      process.env.BANTIN_LANG = 'en';
      expect(await main(['version'])).toBe(0);
      expect(out.mock.calls).toEqual([[`bantin ${VERSION}\n`]]);
      process.env.BANTIN_LANG = 'vi';
      expect(await main(['xyz'])).toBe(2);
      expect(err.mock.calls[0][0]).toMatch(/^bantin: không có lệnh "xyz"\n/);
    } finally {
      out.mockRestore();
      err.mockRestore();
      if (lang === undefined) delete process.env.BANTIN_LANG;
      else process.env.BANTIN_LANG = lang;
    }
  });
});
