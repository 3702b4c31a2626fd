// Path traversal in `bantin serve`, one test per layer that refuses it, so each can be trusted alone
// (issue 22, mutant 4: sitePath's `..`/`.` check removed). The layers, outermost first:
//   1. the request URL is parsed as a WHATWG URL, which resolves `.`, `..` and `%2e%2e` segments;
//   2. sitePath refuses what percent-decoding turns into `..`, `.`, a backslash or NUL (403);
//   3. only files of the built site (in memory) are served, never a file from the disk.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sitePath } from '../../src/serve/serve.js';
import { article, makeSite } from '../helpers.js';
import { rawGet, startServe, stripLiveReload, type ServeProcess } from '../serve-helpers.js';

describe('sitePath (layer 2): traversal after percent-decoding is forbidden', () => {
  it.each([
    '/..', '/../bantin.yaml', '/a/../../bantin.yaml', '/.', '/./index.html', '/a/./b',
    '/..%2fbantin.yaml', '/%2e%2e/bantin.yaml', '/%2E%2E%2Fbantin.yaml', '/a/%2e/b', '/%2e',
    '/a%5c..%5cbantin.yaml', '/a\\b', '/%00', '/a%00.html', '/%E0%A4%A', '/sub/..%2f..%2fbantin.yaml',
  ])('%s', (path) => {
    expect(sitePath(path, '/')).toBe('forbidden');
    expect(sitePath(path, '/sub/')).toBe('forbidden');
  });

  it('keeps names that only contain dots, and maps paths under the base path', () => {
    expect(sitePath('/', '/')).toBe('');
    expect(sitePath('/tin-tuc/bai.html', '/')).toBe('tin-tuc/bai.html');
    expect(sitePath('/a..b/c.d/...', '/')).toBe('a..b/c.d/...');
    expect(sitePath('/.well-known/x', '/')).toBe('.well-known/x');
    expect(sitePath('/ti%E1%BA%BFng', '/')).toBe('tiếng');
    expect(sitePath('/sub/a/', '/sub/')).toBe('a/');
    expect(sitePath('/sub', '/sub/')).toBe('');
    expect(sitePath('/sub', '/sub')).toBe('');
    expect(sitePath('/other/a', '/sub/')).toBeNull();
    expect(sitePath('/subway/a', '/sub/')).toBeNull();
  });
});

describe('bantin serve over HTTP', () => {
  let server: ServeProcess;
  let home: string;

  beforeAll(async () => {
    const root = makeSite({
      'bantin.yaml': 'title: Xã Thử\npageSize: 7\n',
      'content/tin/a.md': article({ title: 'Bài A', date: '2024-01-02 09:00' }),
    }, 'traversal');
    server = await startServe(root);
    home = stripLiveReload((await rawGet(server.port, '/')).body);
    expect(home).toContain('Bài A');
  });
  afterAll(() => server?.stop());

  it('layer 1: dot segments are resolved inside the site, never above it', async () => {
    for (const path of ['/../../', '/tin/../../../', '/%2e%2e/%2e%2e/', '/tin/%2E%2E/./']) {
      const res = await rawGet(server.port, path);
      expect(res.status, path).toBe(200);
      expect(stripLiveReload(res.body), path).toBe(home);
    }
  });

  it('layer 2: encoded traversal that survives URL parsing is answered 403', async () => {
    for (const path of ['/..%2fbantin.yaml', '/tin/..%2f..%2fbantin.yaml', '/tin%2f..%2f..%2fbantin.yaml', '/tin/..%5c..%5cbantin.yaml', '/%5c..%5cbantin.yaml', '/%00']) {
      const res = await rawGet(server.port, path);
      expect(res.status, path).toBe(403);
      expect(res.body, path).not.toContain('pageSize');
    }
  });

  it('layer 3: files of the site folder that are not built output are never served', async () => {
    for (const path of ['/bantin.yaml', '/content/tin/a.md', '/tin/a.md', '/.bantin/', '/package.json']) {
      const res = await rawGet(server.port, path);
      expect(res.status, path).toBe(404);
      expect(res.body, path).not.toContain('pageSize');
      expect(res.body, path).not.toContain('title: "Bài A"');
    }
  });
});
