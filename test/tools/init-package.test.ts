// A new user's path, for real: bantin packed (`npm pack`), installed into an empty folder, `bantin
// init` making a site repository, `npm install` and `npm run build` there; then the pages, the config,
// the workflow, the theme's checks (vnu, axe), and a second `init` that must change nothing.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { readPage, tempDir, texts } from '../helpers.js';
import { HAVE_CHROMIUM } from '../browser/harness.js';
import { axeReport, listFiles, npmInstall, pack, run, vnuErrors } from './init-helpers.js';

const TITLE = 'Cổng thông tin điện tử xã An Hòa';
const BASE = 'https://anhoa.gov.vn/';

describe('bantin from a tarball, then bantin init, npm install, npm run build', () => {
  let work: string;
  let tarball: string;
  let tool: string;
  let site: string;
  let bantin: string;
  let init: ReturnType<typeof run>;
  let build: ReturnType<typeof run>;
  let siteInstall: ReturnType<typeof run>;

  beforeAll(() => {
    work = tempDir('init-pkg');
    tarball = pack(work);
    tool = join(work, 'tool');
    mkdirSync(tool);
    writeFileSync(join(tool, 'package.json'), '{ "name": "tool", "private": true }\n');
    npmInstall(tool, tarball);
    bantin = join(tool, 'node_modules', '.bin', 'bantin');
    site = join(work, 'xa-an-hoa');
    init = run(bantin, ['init', site, '--yes', '--title', TITLE, '--base-url', BASE, '--phone', '0238 3812 345',
      '--email', 'ubnd@anhoa.gov.vn', '--responsible', 'Nguyễn Văn An', '--address', 'Thôn 1, xã An Hòa', '--categories', 'Tin tức, Thông báo, Văn bản'], work);
    siteInstall = npmInstall(site);
    build = run('npm', ['run', 'build', '--silent'], site);
  }, 300_000);

  it('installs a working command with no development files and no devDependencies', () => {
    const pkg = join(tool, 'node_modules', 'bantin');
    expect(run(bantin, ['version'], tool).stdout.trim()).toBe(`bantin ${JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')).version}`);
    for (const dev of ['src', 'test', 'content', 'bench', 'scripts', 'lib/.tsbuildinfo', 'bantin.yaml']) expect(existsSync(join(pkg, dev)), dev).toBe(false);
    for (const devDependency of ['typescript', 'vitest', 'playwright-core', 'vnu-jar']) expect(existsSync(join(tool, 'node_modules', devDependency)), devDependency).toBe(false);
    expect(existsSync(join(pkg, 'templates', 'base.njk'))).toBe(true);
  });

  it('writes a complete site repository, and nothing of the sample site', () => {
    expect(listFiles(site).filter((f) => !f.startsWith('dist/') && !f.startsWith('.bantin/'))).toEqual([
      '.github/workflows/publish.yml', '.gitignore', 'README.md', 'bantin.yaml', 'content/files/.gitkeep',
      `content/tin-tuc/${new Date().getUTCFullYear()}/chao-mung.md`, 'data/.gitkeep', 'package-lock.json', 'package.json',
    ].sort());
    expect(init.stdout).toContain('npm install');
    const all = listFiles(site).filter((f) => !f.startsWith('dist/') && !f.startsWith('.bantin/')).map((f) => readFileSync(join(site, f), 'utf8')).join('\n');
    expect(all).not.toMatch(/Sông Lam|songlam|Hà Giang Nam/);
    expect(readFileSync(join(site, '.gitignore'), 'utf8').split('\n')).toEqual(expect.arrayContaining(['node_modules/', 'dist/', '.bantin/']));
  });

  it('pins the bantin it was made with, with build/serve/check scripts', () => {
    const pkg = JSON.parse(readFileSync(join(site, 'package.json'), 'utf8'));
    expect(pkg.dependencies).toEqual({ bantin: `file:${tarball}` });
    expect(pkg.scripts).toMatchObject({ build: 'bantin build', serve: 'bantin serve', check: 'bantin check' });
    expect(init.stderr).toContain('a CI runner cannot reach');
    // Its source is approved, so npm installs it without a warning about its install scripts.
    expect(pkg.allowScripts).toEqual({ [`file:${tarball}`]: true });
    expect(siteInstall.stderr).not.toContain('install-scripts');
  });

  it('writes bantin.yaml with the answers, every key commented', () => {
    const text = readFileSync(join(site, 'bantin.yaml'), 'utf8');
    const config = yaml.load(text) as Record<string, any>;
    expect(config).toMatchObject({ title: TITLE, unit: 'Ủy ban nhân dân xã An Hòa', baseUrl: BASE, categories: ['Tin tức', 'Thông báo', 'Văn bản'], defaultCategory: 'Tin tức' });
    expect(config.footer).toEqual({ address: 'Thôn 1, xã An Hòa', phone: '0238 3812 345', email: 'ubnd@anhoa.gov.vn', responsible: 'Nguyễn Văn An' });
    const lines = text.split('\n');
    const keys = lines.filter((line, i) => {
      if (!/^(  )?[A-Za-z]+:/.test(line)) return false;
      expect(lines[i - 1], `the comment above "${line}"`).toMatch(/^\s*#/);
      return true;
    });
    expect(keys.length).toBeGreaterThan(20);
  });

  it('builds with no warning; the welcome article stays a draft', () => {
    expect(build.stderr).toBe('');
    expect(build.stdout).toMatch(/^bantin: built \d+ pages/m);
    const home = readPage(join(site, 'dist'), '/');
    expect(home.querySelector('title')!.text).toContain(TITLE);
    expect(texts(home, '.menu a')).toEqual(expect.arrayContaining(['Tin tức', 'Thông báo', 'Văn bản']));
    expect(home.querySelector('footer')!.text).toContain('0238 3812 345');
    for (const page of ['tin-tuc', 'thong-bao', 'van-ban', 'tim-kiem']) expect(existsSync(join(site, 'dist', page, 'index.html')), page).toBe(true);
    expect(readFileSync(join(site, 'dist', 'sitemap.xml'), 'utf8')).toContain(BASE);
    expect(readFileSync(join(site, 'dist', 'sitemap.xml'), 'utf8')).not.toContain('chao-mung');
    expect(run('npm', ['run', 'check', '--silent'], site).stdout).toContain('0 error(s), 0 warning(s)');
  });

  it('writes a workflow that deploys to Pages every hour, caching .bantin/ and dist/ by bantin version, lockfile and theme', () => {
    const wf = yaml.load(readFileSync(join(site, '.github/workflows/publish.yml'), 'utf8')) as Record<string, any>;
    expect(wf.on.push.branches).toEqual(['main']);
    expect(wf.on.schedule[0].cron).toMatch(/^\d+ \* \* \* \*$/);
    const steps = wf.jobs.build.steps as Record<string, any>[];
    const key = steps.find((s) => s.id === 'bantin')!;
    expect(key.run).toContain('npx bantin version');
    expect(key.run).toContain("hashFiles('package-lock.json', 'templates/**')");
    const cache = steps.find((s) => String(s.uses).startsWith('actions/cache@'))!;
    // The output goes with the cache that records it: a commit then writes only its changed pages.
    expect(cache.with.path.split('\n').filter(Boolean)).toEqual(['.bantin/', 'dist/']);
    expect(cache.with['restore-keys']).toBe('${{ steps.bantin.outputs.key }}-');
    expect(cache.with.key).toContain('steps.bantin.outputs.key');
    expect(steps.findIndex((s) => s === cache)).toBeLessThan(steps.findIndex((s) => s.name === 'Build'));
    expect(steps.find((s) => String(s.uses).startsWith('actions/upload-pages-artifact@'))!.with.path).toBe('dist/');
    expect(wf.jobs.deploy.steps[0].uses).toMatch(/^actions\/deploy-pages@/);
    // The build step's own script, run here as CI runs it, builds the site.
    const script = steps.find((s) => s.name === 'Build')!.run as string;
    const out = run('bash', ['-c', script], site, { BASE_URL: '', OWNER: 'AnHoa', REPO: 'cong' });
    expect(out.stdout).toMatch(/bantin: built/);
    // And the cache key's command runs with the installed bantin.
    expect(run('npx', ['bantin', 'version'], site).stdout).toMatch(/^bantin \d+\.\d+\.\d+/);
  });

  it('refuses a second init into the same folder, naming what is there, and changes nothing', () => {
    const snapshot = () => new Map(listFiles(site).map((f) => [f, readFileSync(join(site, f), 'utf8')]));
    const before = snapshot();
    const again = (() => {
      try {
        return run(bantin, ['init', site, '--yes', '--title', 'Khác'], work);
      } catch (err) {
        return err as Error;
      }
    })();
    expect(again).toBeInstanceOf(Error);
    expect(String(again)).toContain('exited 1');
    expect(String(again)).toMatch(/không trống: .*bantin\.yaml/);
    expect(snapshot()).toEqual(before);
  });

  it('gives pages that pass vnu and axe, the welcome article included (built with --drafts)', async () => {
    run('npm', ['run', 'build', '--silent', '--', '--drafts', '--out', 'preview', '--base-url', 'http://127.0.0.1/'], site);
    const preview = join(site, 'preview');
    const article = `/tin-tuc/chao-mung/`;
    expect(existsSync(join(preview, article, 'index.html'))).toBe(true);
    expect(vnuErrors(preview)).toEqual([]);
    if (HAVE_CHROMIUM) expect((await axeReport(preview, ['/', article, '/tin-tuc/', '/thong-bao/', '/archive/', '/tim-kiem/'])).join('\n')).toBe('');
  }, 180_000);
});
