// The whole loop on a real server: the site served by nginx (Debian's) with docs/nginx.conf on
// 127.0.0.1, read by clients from several loopback addresses, then `bantin views` on nginx's own
// access log and a build that shows the counts.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, PROJECT, readPage, runCli, tempDir } from '../helpers.js';
import { NGINX, NGINX_INSTALL, startNginx, type Nginx } from '../nginx.js';
import { skipWithout } from '../tools.js';
import { ART1, ART2, ART3, BROWSER, GOOGLEBOT, PHONE, state, views, viewsSite } from './views-helpers.js';

/** GET from a given loopback address (each one a reader), as a given browser. */
function get(port: number, path: string, from: string, ua: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, localAddress: from, headers: { 'User-Agent': ua, ...headers } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode!));
    });
    req.on('error', reject).end();
  });
}

describe.skipIf(skipWithout('nginx', !!NGINX, NGINX_INSTALL, import.meta.url))('bantin views on a real nginx access log', () => {
  let nginx: Nginx | undefined;
  let prefix = '';
  let root = '';
  let port = 0;

  beforeAll(async () => {
    port = await freePort();
    root = viewsSite();
    const built = runCli(['build', '--root', root, '--base-url', `http://127.0.0.1:${port}/`]);
    expect(built.status, built.stderr).toBe(0);
    prefix = tempDir('nginx-views');
    // docs/nginx.conf as handed out, on the test's port and folder; the access log is nginx's default (combined).
    const server = readFileSync(join(PROJECT, 'docs', 'nginx.conf'), 'utf8')
      .replace(/^\s*listen\s[^;]*;\n/gm, '')
      .replace(/^server \{\n/m, `server {\n    listen 127.0.0.1:${port};\n`)
      .replace(/^(\s*)root \/var\/www\/bantin;/m, `$1root ${join(root, 'dist')};`);
    expect(server).toContain(`root ${join(root, 'dist')};`);
    nginx = await startNginx(prefix, `${process.getuid?.() === 0 ? 'user root;\n' : ''}worker_processes 1;
pid ${prefix}/nginx.pid;
error_log ${prefix}/error.log warn;
events { worker_connections 64; }
http {
  types { text/html html; text/css css; application/javascript js; application/json json; image/png png; }
  default_type application/octet-stream;
  access_log ${prefix}/access.log combined;
  client_body_temp_path ${prefix}/body; proxy_temp_path ${prefix}/proxy; fastcgi_temp_path ${prefix}/fastcgi;
  uwsgi_temp_path ${prefix}/uwsgi; scgi_temp_path ${prefix}/scgi;
${server}
}
`, async () => (await get(port, '/robots.txt', '127.0.0.1', 'curl/8.5.0')) === 200);
  });

  afterAll(() => nginx?.stop());

  async function logged(lines: number): Promise<void> {
    const deadline = Date.now() + 5_000;
    const count = () => (existsSync(join(prefix, 'access.log')) ? readFileSync(join(prefix, 'access.log'), 'utf8').split('\n').length - 1 : 0);
    while (count() < lines) {
      if (Date.now() > deadline) throw new Error(`nginx logged ${count()} requests, not ${lines}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  it('counts the readers nginx served, not its bots, repeats, redirects, misses or excluded addresses', async () => {
    const served: [string, number][] = [];
    const fetchAs = async (path: string, from: string, ua: string, headers?: Record<string, string>) => served.push([path, await get(port, path, from, ua, headers)]);
    await fetchAs(ART1, '127.0.0.11', BROWSER);
    await fetchAs(`${ART1}index.html?utm_source=zalo`, '127.0.0.11', BROWSER); // the same reader again
    await fetchAs(ART1.slice(0, -1), '127.0.0.12', PHONE); // nginx redirects to the slash
    await fetchAs(ART1, '127.0.0.12', PHONE);
    await fetchAs(ART2, '127.0.0.11', BROWSER);
    // nginx answers 304 when If-Modified-Since is exactly the file's time (if_modified_since exact).
    const lastModified = statSync(join(root, 'dist', ART2, 'index.html')).mtime.toUTCString();
    await fetchAs(ART2, '127.0.0.14', PHONE, { 'If-Modified-Since': lastModified }); // shown from the browser's copy
    await fetchAs(ART3, '127.0.0.15', GOOGLEBOT);
    await fetchAs(ART3, '127.0.0.13', BROWSER); // excluded below
    await fetchAs('/khong-co-trang-nay/', '127.0.0.11', BROWSER);
    await fetchAs('/', '127.0.0.11', BROWSER);
    expect(served.map(([, s]) => s)).toEqual([200, 200, 301, 200, 200, 304, 200, 200, 404, 200]);

    // nginx logs a request once its answer is sent, so a client may see the end of it first.
    await logged(1 + served.length);
    // The site was built for this server's URL, not bantin.yaml's (which has a base path): views is told the same.
    const site = ['--base-url', `http://127.0.0.1:${port}/`, '--exclude-ip', '127.0.0.13'];
    const r = views(root, join(prefix, 'access.log'), ...site);
    expect(state(root).pages).toEqual({ [ART1]: 2, [ART2]: 2 });
    expect(state(root).total).toBe(5);
    expect(r.skipped).toEqual({ bots: 1, excluded: 1, repeats: 1, notPages: 3, malformed: 0 });

    // Another run over the same log, once more has been served: only the new line counts.
    await fetchAs(ART3, '127.0.0.16', PHONE);
    await logged(1 + served.length);
    views(root, join(prefix, 'access.log'), ...site);
    expect(state(root).pages).toEqual({ [ART1]: 2, [ART2]: 2, [ART3]: 1 });

    expect(runCli(['build', '--root', root, '--base-url', `http://127.0.0.1:${port}/`]).status).toBe(0);
    expect(readPage(join(root, 'dist'), 'tin-tuc/le-hoi-dua-thuyen/').querySelector('.views')!.text).toBe('Số lượt người xem: 718');
    expect(readPage(join(root, 'dist'), '').querySelector('.visit-counter .visually-hidden')!.text).toBe('1.006');
  });
});
