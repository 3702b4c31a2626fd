// Mutation testing (npm run mutate, not part of npm test): scripts/mutate.mjs runs Stryker on one
// module at a time with this configuration; see README "Development".
// Each module's reports and incremental file are its own (scripts/mutate.mjs names them).
const report = process.env.BANTIN_MUTATE_REPORT ?? 'all';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'npm',
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.stryker.config.ts', related: process.env.BANTIN_MUTATE_RELATED !== '0' },
  // Tests that import the module record which mutants each test reaches, and only those tests run
  // for a mutant. scripts/mutate.mjs turns this off for modules reached only through `bantin` itself.
  coverageAnalysis: 'perTest',
  disableTypeChecks: 'src/**/*.ts',
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.json',
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  // Tests that run `bantin` need lib/ compiled from the mutated sources: once, before the dry run.
  buildCommand: 'node scripts/compile.mjs',
  concurrency: 2,
  timeoutMS: 20_000,
  timeoutFactor: 2,
  incremental: true,
  incrementalFile: `reports/incremental/${report}.json`,
  ignorePatterns: ['dist', 'reports', 'test/.tmp', 'bench/.out', 'screenshots', '.bantin', 'lib', '.dist.*'],
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: `reports/mutation/${report}.html` },
  jsonReporter: { fileName: `reports/mutation/${report}.json` },
  clearTextReporter: { allowEmojis: false, logTests: false, reportMutants: true, reportScoreTable: true },
  thresholds: { high: 90, low: 85, break: null },
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
};
