import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts', 'test/skip-report.ts'],
    setupFiles: ['test/bytes-equal.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
