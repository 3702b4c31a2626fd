// The skip policy of test/tools.ts, run for real: a child vitest on a one-file fixture that needs
// nginx, with PATH stripped so nginx is missing. In CI the file fails naming the tool; locally the
// run passes and its summary says what was skipped and why.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT } from '../helpers.js';
import { findTool, skipWithout } from '../tools.js';

const VITEST = join(createRequire(import.meta.url).resolve('vitest/package.json'), '..', 'vitest.mjs');
const CONFIG = join(PROJECT, 'test/mutation-kills/fixtures/skip-policy/vitest.config.ts');

function runFixture(env: Record<string, string>) {
  // Only what node needs: no PATH, so no nginx; CI only when the case sets it.
  const r = spawnSync(process.execPath, [VITEST, 'run', '--config', CONFIG], {
    cwd: PROJECT, encoding: 'utf8', timeout: 120_000,
    env: { HOME: process.env.HOME ?? '/tmp', PATH: '', NO_COLOR: '1', ...env },
  });
  return { status: r.status, output: r.stdout + r.stderr };
}

describe('a test file whose tool is missing', () => {
  it('fails in CI, naming the tool and how to install it', () => {
    const r = runFixture({ CI: 'true' });
    expect(r.status, r.output).not.toBe(0);
    expect(r.output).toContain('nginx is missing, so test/mutation-kills/fixtures/skip-policy/needs-tool.fixture.ts cannot run');
    expect(r.output).toContain('apt-get install nginx-light');
    expect(r.output).not.toContain('SKIPPED because a tool is missing');
  });

  it('is skipped locally, and the summary says which file and why', () => {
    const r = runFixture({});
    expect(r.status, r.output).toBe(0);
    expect(r.output).toMatch(/1 skipped/);
    expect(r.output).toContain('SKIPPED because a tool is missing');
    expect(r.output).toContain('test/mutation-kills/fixtures/skip-policy/needs-tool.fixture.ts: nginx not found; apt-get install nginx-light');
  });

  const nginx = findTool('nginx', ['/usr/sbin']);
  it.skipIf(skipWithout('nginx', !!nginx, 'apt-get install nginx-light', import.meta.url))('runs when the tool is there (CI=false counts as not CI)', () => {
    const r = runFixture({ CI: 'false', PATH: join(nginx!, '..') });
    expect(r.status, r.output).toBe(0);
    expect(r.output).toMatch(/1 passed/);
    expect(r.output).not.toContain('SKIPPED');
  });
});
