// Old portal URLs keep working: articles' `oldUrls` become redirect pages, `_redirects` and the
// nginx map that docs/nginx.conf includes, checked through a real nginx on 127.0.0.1.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { article, freePort, PROJECT, runCli, tempDir } from '../helpers.js';
import { NGINX, NGINX_INSTALL, startNginx, type Nginx } from '../nginx.js';
import { skipWithout } from '../tools.js';
import { importSite } from './import-helpers.js';

describe.skipIf(skipWithout('nginx', !!NGINX, NGINX_INSTALL, import.meta.url))('redirects from old URLs', () => {
  let nginx: Nginx | undefined;
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
    nginx = await startNginx(prefix, `${process.getuid?.() === 0 ? 'user root;\n' : ''}worker_processes 1;
pid ${prefix}/nginx.pid;
events { worker_connections 64; }
http {
  types { text/html html; }
  access_log off;
  client_body_temp_path ${prefix}/body; proxy_temp_path ${prefix}/proxy; fastcgi_temp_path ${prefix}/fastcgi;
  uwsgi_temp_path ${prefix}/uwsgi; scgi_temp_path ${prefix}/scgi;
${server}
}
`, async () => (await fetch(base)).ok);
  });

  afterAll(() => nginx?.stop());

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
