// `bantin init` on a terminal: the questions in Vietnamese, driven through a real pseudo-terminal
// (util-linux `script`), with defaults taken by Enter, a wrong address asked again, and Ctrl+C
// leaving nothing behind. Also where the new site's package.json gets bantin from.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { CLI, tempDir } from '../helpers.js';
import { currentSpec } from '../../src/tools/init/origin.js';
import { VERSION } from '../../src/base/install.js';

/** A `bantin init` running on a pseudo-terminal: wait for a prompt, type a line, read the exit code. */
function terminal(args: string[], cwd: string) {
  const quoted = [process.execPath, CLI, 'init', ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const child = spawn('script', ['-qfec', quoted, '/dev/null'], { cwd, env: { ...process.env, NO_COLOR: '1', TERM: 'dumb' } });
  let output = '';
  let seen = 0;
  const waiters: (() => void)[] = [];
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
    for (const w of waiters.splice(0)) w();
  });
  // A session that hangs (a question nobody answers) is ended, so no terminal outlives the test.
  const limit = setTimeout(() => child.kill('SIGKILL'), 30_000);
  const exited = new Promise<number | null>((done) => child.on('close', (code) => {
    clearTimeout(limit);
    done(code);
  }));
  return {
    /** Resolves once `text` appears after everything already waited for. */
    async prompt(text: string): Promise<void> {
      const deadline = Date.now() + 20_000;
      while (!output.slice(seen).includes(text)) {
        if (Date.now() > deadline || child.exitCode !== null) throw new Error(`no "${text}" on the terminal; it shows:\n${output.slice(seen)}`);
        await new Promise<void>((done) => { waiters.push(done); setTimeout(done, 200); });
      }
      seen += output.slice(seen).indexOf(text) + text.length;
    },
    type(line: string): void {
      child.stdin.write(`${line}\r`);
    },
    key(bytes: string): void {
      child.stdin.write(bytes);
    },
    exited,
    output: () => output,
  };
}

describe('bantin init on a terminal', () => {
  it('asks each question in Vietnamese, takes defaults on Enter, and asks again after a wrong answer', async () => {
    const work = tempDir('init-tty');
    const t = terminal(['cong', '--phone', '0238 3812 345'], work);
    await t.prompt('Tên cổng thông tin [Cổng thông tin điện tử]: ');
    t.type('Cổng thông tin điện tử phường Bến Thủy');
    await t.prompt('Cơ quan chủ quản (hiện phía trên tên cổng) [Ủy ban nhân dân phường Bến Thủy]: ');
    t.type('');
    await t.prompt('Địa chỉ trụ sở: ');
    t.type('Số 2 đường Nguyễn Du');
    // --phone was given: its question is skipped.
    await t.prompt('Thư điện tử: ');
    t.type('');
    await t.prompt('Người chịu trách nhiệm nội dung: ');
    t.type('Trần Thị Bình');
    await t.prompt('Địa chỉ trang web khi xuất bản (URL) [http://localhost:8080/]: ');
    t.type('benthuy.gov.vn');
    await t.prompt('địa chỉ phải bắt đầu bằng https://');
    await t.prompt('Địa chỉ trang web khi xuất bản (URL)');
    t.type('https://benthuy.gov.vn/tin');
    await t.prompt('Các chuyên mục, cách nhau bằng dấu phẩy [Tin tức, Thông báo, Văn bản chỉ đạo điều hành]: ');
    t.type('Tin tức, Hoạt động, Tin tức');
    expect(await t.exited, t.output()).toBe(0);
    expect(t.output()).not.toContain('Số điện thoại');
    const config = yaml.load(readFileSync(join(work, 'cong', 'bantin.yaml'), 'utf8')) as Record<string, any>;
    expect(config).toMatchObject({
      title: 'Cổng thông tin điện tử phường Bến Thủy', unit: 'Ủy ban nhân dân phường Bến Thủy', baseUrl: 'https://benthuy.gov.vn/tin/',
      categories: ['Tin tức', 'Hoạt động'],
      footer: { address: 'Số 2 đường Nguyễn Du', phone: '0238 3812 345', email: '', responsible: 'Trần Thị Bình' },
    });
  }, 60_000);

  it('writes nothing when cancelled with Ctrl+C, and refuses a non-empty folder before asking', async () => {
    const work = tempDir('init-tty');
    const t = terminal(['cong'], work);
    await t.prompt('Tên cổng thông tin');
    t.type('Cổng thông tin điện tử xã Hưng Lộc');
    await t.prompt('Cơ quan chủ quản');
    t.key('\x03');
    expect(await t.exited).toBe(130);
    expect(t.output()).toContain('đã huỷ');
    expect(existsSync(join(work, 'cong'))).toBe(false);

    mkdirSync(join(work, 'full'));
    writeFileSync(join(work, 'full', 'ghi-chu.txt'), 'x');
    const refused = terminal(['full'], work);
    expect(await refused.exited).toBe(1);
    expect(refused.output()).toContain('thư mục không trống: ghi-chu.txt');
    expect(refused.output()).not.toContain('Tên cổng thông tin');
  }, 60_000);
});

describe('the bantin that a new site pins', () => {
  const installed = (resolved: string | null) => {
    const project = tempDir('origin');
    const pkg = join(project, 'node_modules', 'bantin');
    mkdirSync(pkg, { recursive: true });
    if (resolved !== null) writeFileSync(join(project, 'node_modules', '.package-lock.json'), JSON.stringify({ packages: { 'node_modules/bantin': { version: VERSION, resolved } } }));
    return { project, pkg };
  };

  it('is the Git commit it was installed from', () => {
    const { pkg } = installed('git+ssh://git@github.com/tinh/bantin.git#0123456789abcdef0123456789abcdef01234567');
    expect(currentSpec(pkg)).toEqual({ spec: 'git+ssh://git@github.com/tinh/bantin.git#0123456789abcdef0123456789abcdef01234567', local: false });
  });

  it('is the tarball it was installed from, by its full path, marked as local', () => {
    const { project, pkg } = installed('file:../bantin-0.1.0.tgz');
    expect(currentSpec(pkg)).toEqual({ spec: `file:${join(project, '..', 'bantin-0.1.0.tgz')}`, local: true });
  });

  it('is the version otherwise (from the registry, or run from its own repository)', () => {
    expect(currentSpec(installed('https://registry.npmjs.org/bantin/-/bantin-0.1.0.tgz').pkg)).toEqual({ spec: `^${VERSION}`, local: false });
    expect(currentSpec(installed(null).pkg)).toEqual({ spec: `^${VERSION}`, local: false });
  });
});
