// Vitest as Stryker runs it (npm run mutate): the unit and build suites, without the browser, nginx,
// JVM and fuzz suites (minutes each, and they check the theme and the server, not these modules).
// BANTIN_MUTATE_TESTS (comma-separated) narrows it to the test files scripts/mutate.mjs names.
import { configDefaults, defineConfig } from 'vitest/config';

// Stryker compiles lib/ once (buildCommand); two workers compiling it again at once would race.
process.env.BANTIN_COMPILED = '1';

export default defineConfig({
  test: {
    include: process.env.BANTIN_MUTATE_TESTS?.split(',') ?? ['test/**/*.test.ts'],
    exclude: [...configDefaults.exclude, 'test/browser/**', 'test/publish.test.ts', 'test/html-valid.test.ts', 'test/fuzz.test.ts', 'test/mutation-kills/skip-policy.test.ts', '.stryker-tmp/**'],
    globalSetup: ['test/global-setup.ts', 'test/skip-report.ts'],
    setupFiles: ['test/stryker-env.ts', 'test/bytes-equal.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
