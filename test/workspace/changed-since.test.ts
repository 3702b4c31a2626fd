// `build --all --changed-since REF` in a real Git repository: the sites whose files changed since a
// commit (edits, new files), every site after an edit to the shared theme or root config, none after
// an edit elsewhere; the build caches and outputs bantin writes are no change.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers.js';
import { buildAll, listed, makeWorkspace, ROOT_CONFIG, SHARED_FOOTER } from './harness.js';

function git(cwd: string, ...args: string[]): string {
  const r = spawnSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout.trim();
}

describe('bantin build --all --changed-since', () => {
  let ws: string;
  let base: string;
  beforeAll(() => {
    ws = makeWorkspace(4, { name: 'ws-git' });
    writeFileSync(join(ws, '.gitignore'), 'dist/\n');
    git(ws, 'init', '-q');
    git(ws, 'add', '-A');
    git(ws, 'commit', '-qm', 'first');
    base = git(ws, 'rev-parse', 'HEAD');
  });

  it('picks the site whose article was edited, and one with a new file, and builds only those', () => {
    expect(listed(ws, ['--changed-since', base])).toEqual([]);
    writeFileSync(join(ws, 'sites/xa-02/content/tin-tuc/bai-1.md'), '---\ntitle: "Tin đã sửa"\ndate: 2025-03-01 08:00\n---\nSửa.\n');
    expect(listed(ws, ['--changed-since', base])).toEqual(['xa-02']);
    // Not yet known to Git: still a change.
    writeFileSync(join(ws, 'sites/xa-04/content/tin-tuc/moi.md'), '---\ntitle: "Tin mới"\ndate: 2025-03-02 08:00\n---\nMới.\n');
    expect(listed(ws, ['--changed-since', base])).toEqual(['xa-02', 'xa-04']);
    // A restored build cache and a site's own dist/ are bantin's, not edits, even when Git does not ignore them.
    mkdirSync(join(ws, 'sites/xa-03/.bantin'), { recursive: true });
    writeFileSync(join(ws, 'sites/xa-03/.bantin/manifest.json'), '{}');
    mkdirSync(join(ws, 'sites/xa-03/dist'), { recursive: true });
    writeFileSync(join(ws, 'sites/xa-03/dist/index.html'), '<p>cũ</p>');
    expect(listed(ws, ['--changed-since', base])).toEqual(['xa-02', 'xa-04']);
    const out = join(tempDir('changed'), 'public');
    const r = buildAll(ws, ['--changed-since', base, '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['xa-02', 'xa-04']);
    git(ws, 'add', '-A');
    git(ws, 'commit', '-qm', 'edits');
    expect(listed(ws, ['--changed-since', 'HEAD'])).toEqual([]);
    // Compared with the first commit, the committed edits still count.
    expect(listed(ws, ['--changed-since', base])).toEqual(['xa-02', 'xa-04']);
  });

  it('picks every site after an edit to the shared theme or the root config, and none after an edit elsewhere', () => {
    writeFileSync(join(ws, 'docs/README.md'), 'Ghi chú mới.\n');
    mkdirSync(join(ws, '.github'), { recursive: true });
    writeFileSync(join(ws, '.github/ci.yml'), 'on: push\n');
    expect(listed(ws, ['--changed-since', 'HEAD'])).toEqual([]);
    writeFileSync(join(ws, 'templates/partials/footer.njk'), SHARED_FOOTER.replace('·', '—'));
    expect(listed(ws, ['--changed-since', 'HEAD'])).toEqual(['xa-01', 'xa-02', 'xa-03', 'xa-04']);
    git(ws, 'checkout', '--', 'templates');
    expect(listed(ws, ['--changed-since', 'HEAD'])).toEqual([]);
    writeFileSync(join(ws, 'bantin.yaml'), `${ROOT_CONFIG}  # sửa\n`);
    expect(listed(ws, ['--changed-since', 'HEAD'])).toEqual(['xa-01', 'xa-02', 'xa-03', 'xa-04']);
    git(ws, 'checkout', '--', 'bantin.yaml');
    // A new shared template counts as much as an edited one.
    writeFileSync(join(ws, 'templates/partials/header-extra.njk'), '<p>x</p>\n');
    expect(listed(ws, ['--changed-since', 'HEAD', '--shard', '1/2'])).toEqual(listed(ws, ['--shard', '1/2']));
  });

  it('says what is wrong with a commit name git does not know', () => {
    const r = runCli(['build', '--all', '--root', ws, '--changed-since', 'no-such-branch', '--list']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('--changed-since: git could not compare with `no-such-branch`');
    expect(r.stderr).toContain('fetch-depth: 0');
  });
});
