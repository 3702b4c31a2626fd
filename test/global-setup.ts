import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * Tests that run the `bantin` command need the compiled CLI: compile once for the whole run.
 * Each run gets its own scratch folder under test/.tmp, so runs side by side do not collide.
 */
export default function setup(): () => void {
  // Under Stryker, lib/ was compiled once before the run (BANTIN_COMPILED, vitest.stryker.config.ts).
  if (!process.env.BANTIN_COMPILED) execFileSync(process.execPath, ['scripts/compile.mjs'], { cwd: root, stdio: 'inherit' });
  const scratch = `${root}test/.tmp/run-${process.pid}`;
  mkdirSync(scratch, { recursive: true });
  process.env.BANTIN_TEST_TMP = scratch;
  return () => {
    if (!process.env.BANTIN_KEEP_TMP) rmSync(scratch, { recursive: true, force: true });
  };
}
