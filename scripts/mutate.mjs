#!/usr/bin/env node
// npm run mutate [-- FILE...]: Stryker on each module in turn (default: the modules where a silent
// bug costs most), with an incremental file per module so a second run retests only what changed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const DEFAULT = [
  'src/base/format.ts', 'src/base/dates.ts', 'src/base/fold.ts', 'src/outputs/search/tokenize.ts', 'src/base/url-policy.ts',
  'src/tools/check.ts', 'src/cli/main.ts', 'src/cli.ts', 'src/write/staging.ts', 'src/build/build-cache.ts', 'src/build/cache-parts.ts',
];
/**
 * The test files that own each module's behaviour. Without this, Stryker runs every test file that
 * imports the module, and nearly all of them build a whole site: format.ts alone took ten minutes.
 * A module not listed gets those (vitest related + per-test coverage).
 */
const TESTS = {
  'src/base/format.ts': ['test/dates.test.ts', 'test/mutation-kills/format-dates.test.ts'],
  'src/base/dates.ts': ['test/dates.test.ts', 'test/mutation-kills/format-dates.test.ts'],
  'src/base/fold.ts': ['test/search.test.ts', 'test/mutation-kills/search-text.test.ts'],
  'src/outputs/search/tokenize.ts': ['test/search.test.ts', 'test/mutation-kills/search-text.test.ts', 'test/mutation-kills/tokenize-edges.test.ts'],
  'src/base/url-policy.ts': ['test/mutation-kills/url-policy.test.ts', 'test/bad-input/hostile-input.test.ts'],
  // In process on real folders; a crash case runs its child process only for the mutants its own
  // in-process part reaches. interrupt, safety and hostile-output reach staging only through `bantin`.
  'src/write/staging.ts': ['test/mutation-kills/staging.test.ts', 'test/mutation-kills/journal.test.ts'],
  // test/build-cache.test.ts builds whole sites for every mutant it covers (36 minutes a run, 68 %);
  // this file calls the cache's functions directly.
  'src/build/build-cache.ts': ['test/mutation-kills/build-cache.test.ts'],
  'src/build/cache-parts.ts': ['test/mutation-kills/build-cache.test.ts'],
  'src/cli/main.ts': ['test/mutation-kills/cli-main.test.ts', 'test/mutation-kills/cli-build.test.ts', 'test/mutation-kills/cli-serve.test.ts', 'test/mutation-kills/check-main.test.ts'],
  'src/tools/check.ts': ['test/mutation-kills/check-main.test.ts'],
};
/**
 * Modules that tests reach only through the `bantin` command, in a child process: per-test
 * coverage cannot see into it, so each of their mutants runs these test files whole. Only the
 * executable's few lines are left here; the command line itself (src/cli/main.ts) runs in-process.
 */
const THROUGH_CLI = {
  'src/cli.ts': ['test/mutation-kills/check-strict.test.ts', 'test/mutation-kills/cli-flags.test.ts'],
};

const files = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const extra = process.argv.slice(2).filter((a) => a.startsWith('-'));
mkdirSync(join(root, 'reports', 'incremental'), { recursive: true });
let failed = 0;
for (const file of files.length ? files : DEFAULT) {
  const module = file.replace(/:.*$/, '');
  const slug = module.replace(/^src\//, '').replace(/[/.]/g, '-');
  const args = ['run', 'stryker.config.mjs', '--mutate', file];
  const env = { ...process.env, BANTIN_MUTATE_REPORT: slug };
  const tests = THROUGH_CLI[module] ?? TESTS[module]?.filter((t) => existsSync(join(root, t)));
  if (tests) env.BANTIN_MUTATE_TESTS = tests.join(',');
  if (THROUGH_CLI[module]) {
    args.push('--coverageAnalysis', 'off');
    env.BANTIN_MUTATE_RELATED = '0';
  }
  process.stdout.write(`\n== stryker ${file}${tests ? ` (tests: ${tests.join(', ')})` : ''}\n`);
  const r = spawnSync(process.execPath, [join(root, 'node_modules/@stryker-mutator/core/bin/stryker.js'), ...args, ...extra], { cwd: root, env, stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exitCode = failed ? 1 : 0;
