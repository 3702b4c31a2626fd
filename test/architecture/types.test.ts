// The tests are type-checked with the sources: vitest strips types without checking them, so a test
// that no longer matches the types it builds (a field added to Article, say) would otherwise go unseen.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

describe('types', () => {
  it('src and test type-check together with no error', () => {
    const run = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.test.json'], { encoding: 'utf8' });
    expect(run.stdout + run.stderr).toBe('');
    expect(run.status).toBe(0);
  }, 180_000);
});
