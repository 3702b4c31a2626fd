// `bantin check` through the real command: exit codes and reports with and without --strict and
// --json (issue 22, mutant 3: check --strict ran as if --strict were not given).
import { describe, expect, it } from 'vitest';
import { article, makeSite, runCli } from '../helpers.js';

// With an author: check warns about a published article without one.
const BROKEN = article({ title: 'Có liên kết hỏng', date: '2024-01-02 09:00', author: 'Lê Văn A', summary: 'Tóm tắt.' }, 'Xem [bài cũ](../khong-co.md).');
const CLEAN = article({ title: 'Bình thường', date: '2024-01-01 09:00', author: 'Lê Văn A', summary: 'Tóm tắt.' });

interface Report { ok: boolean; errors: number; warnings: number; problems: { severity: string; file: string; message: string }[] }

describe('bantin check exit codes', () => {
  const broken = makeSite({ 'content/tin/a.md': BROKEN, 'content/tin/b.md': CLEAN }, 'check-broken');
  const clean = makeSite({ 'content/tin/b.md': CLEAN }, 'check-clean');

  it('a broken link is a warning without --strict: exit 0', () => {
    const r = runCli(['check', '--root', broken]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/content\/tin\/a\.md:\d+:\d+: warning: broken link: \.\.\/khong-co\.md/);
    expect(r.stdout).toContain('bantin: 0 error(s), 1 warning(s)');
  });

  it('a broken link is an error with --strict: exit 1', () => {
    const r = runCli(['check', '--root', broken, '--strict']);
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/content\/tin\/a\.md:\d+:\d+: error: broken link: \.\.\/khong-co\.md/);
    expect(r.stdout).toContain('bantin: 1 error(s), 0 warning(s)');
  });

  it('--json reports the same, with and without --strict', () => {
    const plain = runCli(['check', '--root', broken, '--json']);
    expect(plain.status).toBe(0);
    const p = JSON.parse(plain.stdout) as Report;
    expect(p).toMatchObject({ ok: true, errors: 0, warnings: 1 });
    expect(p.problems.map((x) => [x.severity, x.file])).toEqual([['warning', 'content/tin/a.md']]);
    expect(plain.stderr).toBe('');

    const strict = runCli(['check', '--root', broken, '--json', '--strict']);
    expect(strict.status).toBe(1);
    const s = JSON.parse(strict.stdout) as Report;
    expect(s).toMatchObject({ ok: false, errors: 1, warnings: 0 });
    expect(s.problems[0]).toMatchObject({ severity: 'error', file: 'content/tin/a.md' });
    expect(s.problems[0].message).toContain('broken link');
  });

  it('a clean site passes --strict: exit 0, nothing reported', () => {
    const r = runCli(['check', '--root', clean, '--strict']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('bantin: 0 error(s), 0 warning(s)');
  });

  it('an error is an error without --strict too: exit 1', () => {
    const bad = makeSite({ 'content/tin/c.md': '---\ntitle: Ngày sai\ndate: 2024-13-45\n---\nx\n' }, 'check-bad');
    const r = runCli(['check', '--root', bad]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/content\/tin\/c\.md:\d+: error: /);
  });
});
