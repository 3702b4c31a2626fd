// Old portal URLs keep working: articles' `oldUrls` become redirect pages, `_redirects` and the
// nginx map that docs/nginx.conf includes, checked through a real nginx on 127.0.0.1.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { article, PROJECT, runCli, tempDir } from '../helpers.js';
import { importSite } from './import-helpers.js';

const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'].find(existsSync);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

describe.skipIf(!NGINX)('redirects from old URLs', () => {
  let nginx: ChildProcess | undefined;
  let base = '';
  let dist = '';
  let prefix = '';
  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}/`;
    const root = importSite({
      'content/thong-bao/2021/lich-tiep.md': article({ title: 'Lịch tiếp công dân', date: '2021-03-05 08:30', category: 'Thông báo', oldUrls: ['http://xa.gov.vn/Lists/Posts/Post.aspx?ID=83', '/tin-tuc/2021/03/lich-tiep.html'] }),
      'content/tin-tuc/2022/so-ket.md': article({ title: 'Sơ kết', date: '2022-07-15 16:45', category: 'Tin tức', oldUrls: ['https://xa.gov.vn/2022/07/hoi-nghi-so-ket/'] }),
    });
    const r = runCli(['build', '--root', root, '--base-url', base]);
    expect(r.status, r.stderr).toBe(0);
    dist = join(root, 'dist');
    prefix = tempDir('nginx');
    const conf = readFileSync(join(PROJECT, 'docs', 'nginx.conf'), 'utf8');
    expect(conf).toContain('include /var/www/bantin/redirects.nginx.map*;');
    const server = conf
      .replace(/^\s*listen\s[^;]*;\n/gm, '')
      .replace(/^server \{\n/m, `server {\n    listen 127.0.0.1:${port};\n`)
      .replaceAll('/var/www/bantin', dist);
    writeFileSync(join(prefix, 'nginx.conf'), `${process.getuid?.() === 0 ? 'user root;\n' : ''}worker_processes 1;
pid ${prefix}/nginx.pid;
events { worker_connections 64; }
http {
  types { text/html html; }
  access_log off;
  client_body_temp_path ${prefix}/body; proxy_temp_path ${prefix}/proxy; fastcgi_temp_path ${prefix}/fastcgi;
  uwsgi_temp_path ${prefix}/uwsgi; scgi_temp_path ${prefix}/scgi;
${server}
}
`);
    nginx = spawn(NGINX!, ['-p', prefix, '-c', join(prefix, 'nginx.conf'), '-e', join(prefix, 'error.log'), '-g', 'daemon off;'], { stdio: 'ignore' });
    for (let i = 0; ; i++) {
      try {
        if ((await fetch(base)).ok) break;
      } catch {
        if (i > 100 || nginx.exitCode !== null) throw new Error(`nginx did not start: ${existsSync(join(prefix, 'error.log')) ? readFileSync(join(prefix, 'error.log'), 'utf8') : ''}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  });

  afterAll(async () => {
    if (!nginx || nginx.exitCode !== null) return;
    const exited = new Promise((r) => nginx!.once('exit', r));
    nginx.kill('SIGTERM');
    await exited;
  });

  it('nginx answers old query-string and path URLs with 301 to the article, and 404 to others', async () => {
    const location = async (path: string) => {
      const res = await fetch(base + path.replace(/^\//, ''), { redirect: 'manual' });
      return `${res.status} ${res.headers.get('location') ?? ''}`;
    };
    expect(await location('/Lists/Posts/Post.aspx?ID=83')).toBe(`301 ${base}thong-bao/lich-tiep/`);
    expect(await location('/tin-tuc/2021/03/lich-tiep.html')).toBe(`301 ${base}thong-bao/lich-tiep/`);
    expect(await location('/2022/07/hoi-nghi-so-ket/')).toBe(`301 ${base}tin-tuc/so-ket/`);
    expect(await location('/Lists/Posts/Post.aspx?ID=84')).toMatch(/^404/);
    const res = await fetch(`${base}Lists/Posts/Post.aspx?ID=83`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<h1>Lịch tiếp công dân</h1>');
  });

  it('static hosts get redirect pages at old paths and a Netlify _redirects file', () => {
    const page = readFileSync(join(dist, 'tin-tuc/2021/03/lich-tiep.html'), 'utf8');
    expect(page).toContain(`<meta http-equiv="refresh" content="0; url=${base}thong-bao/lich-tiep/">`);
    expect(readFileSync(join(dist, '2022/07/hoi-nghi-so-ket/index.html'), 'utf8')).toContain(`url=${base}tin-tuc/so-ket/`);
    expect(readFileSync(join(dist, '_redirects'), 'utf8').split('\n').slice(1)).toEqual([
      '/2022/07/hoi-nghi-so-ket/ /tin-tuc/so-ket/ 301',
      '/Lists/Posts/Post.aspx ID=83 /thong-bao/lich-tiep/ 301',
      '/tin-tuc/2021/03/lich-tiep.html /thong-bao/lich-tiep/ 301',
      '',
    ]);
  });

  it('a bad oldUrls value is a build error naming the file and line', () => {
    const root = importSite({ 'content/a.md': article({ title: 'A', date: '2021-01-01', oldUrls: ['javascript:alert(1)'] }) });
    const r = runCli(['build', '--root', root]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('content/a.md:4: error: `oldUrls`: "javascript:alert(1)" is not an http(s) address or a path starting with /');
  });
});
