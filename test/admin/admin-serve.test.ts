// `bantin serve` with `admin:`: Decap's local backend runs on 127.0.0.1 with the site folder as its
// repository, the served config.yml (only it) points there, the editor's page gets no live reload,
// and the backend ends with serve.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { article, makeSite } from '../helpers.js';
import { startServe } from '../serve-helpers.js';

const site = (admin: boolean) => makeSite({
  'bantin.yaml': `title: Xã Tân Hòa\ncategories: [Tin tức]\n${admin ? 'admin:\n  backend: gitlab\n  repo: ubnd-tanhoa/cong-thong-tin\n  appId: 8d1c2f\n' : ''}`,
  'content/tin-tuc/2024/hop-dan.md': article({ title: 'Họp dân', date: '2024-05-01 09:00' }),
}, 'admin-serve');

const post = (url: string, body: unknown) => fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

describe('bantin serve with the web editor', () => {
  it('runs decap-server on 127.0.0.1 for the site folder, points the served config.yml at it, and stops it with serve', async () => {
    const root = site(true);
    const server = await startServe(root);
    let api: string;
    try {
      expect(server.output()).toContain(`web editor at ${server.url}admin/`);
      const served = yaml.load(await (await fetch(new URL('/admin/config.yml', server.url))).text()) as { local_backend: { url: string }; backend: Record<string, string> };
      api = served.local_backend.url;
      expect(api).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v1$/);
      expect(new URL(api).port).not.toBe(String(server.port));
      expect(served.backend).toMatchObject({ name: 'gitlab', app_id: '8d1c2f', auth_type: 'pkce' });

      // Decap's first question, then a save: the file lands in the site folder.
      expect(await (await post(api, { action: 'info' })).json()).toMatchObject({ type: 'local_fs' });
      const raw = '---\ntitle: Lịch tiếp dân\ndate: 2024-06-03 08:00\ncategory: Tin tức\n---\nThứ Hai hằng tuần.\n';
      const saved = await post(api, { action: 'persistEntry', params: { branch: 'main', entry: { slug: 'lich', path: 'content/tin-tuc/2024/lich.md', raw }, assets: [], options: { collectionName: 'tin-tuc', commitMessage: 'x', useWorkflow: false, status: 'draft' } } });
      expect(saved.status, await saved.clone().text()).toBe(200);
      expect(readFileSync(join(root, 'content/tin-tuc/2024/lich.md'), 'utf8')).toBe(raw);

      // Live reload on the site's pages, never on the editor's (a reload would lose the editor's work).
      expect(await (await fetch(new URL('/', server.url))).text()).toContain('/__bantin/events');
      expect(await (await fetch(new URL('/admin/', server.url))).text()).not.toContain('/__bantin/events');
    } finally {
      await server.stop();
    }
    await expect(post(api, { action: 'info' })).rejects.toThrow();
  }, 90_000);

  it('runs no backend and serves no /admin/ for a site without `admin:`', async () => {
    const server = await startServe(site(false));
    try {
      expect(server.output()).not.toContain('web editor');
      expect((await fetch(new URL('/admin/config.yml', server.url))).status).toBe(404);
    } finally {
      await server.stop();
    }
  }, 60_000);
});
