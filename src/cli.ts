#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { build } from './build.js';
import { BuildFailure, formatProblem } from './problems.js';
import { createRequire } from 'node:module';

const USAGE = `Usage: bantin <command> [options]

Commands:
  build     Build the site into the output folder
            --root DIR       site folder (default: current folder)
            --out DIR        output folder (default: ROOT/dist)
            --base-url URL   absolute URL the site is published at (overrides bantin.yaml baseUrl)
            --drafts         also publish drafts and articles dated in the future
            --verbose        per-stage timings, and stack traces of internal errors
  help      Show this help
  version   Show the version
`;

const version = (createRequire(import.meta.url)('../package.json') as { version: string }).version;

function main(argv: string[]): number {
  const [command = 'help', ...rest] = argv;
  if (command === 'help' || command === '--help' || command === '-h') {
    process.stdout.write(USAGE);
    return 0;
  }
  if (command === 'version' || command === '--version') {
    process.stdout.write(`bantin ${version}\n`);
    return 0;
  }
  if (command !== 'build') return usageError(`unknown command "${command}"`);
  let args;
  try {
    args = parseArgs({
      args: rest,
      options: {
        root: { type: 'string' }, out: { type: 'string' }, 'base-url': { type: 'string' },
        drafts: { type: 'boolean' }, verbose: { type: 'boolean' },
      },
      strict: true,
    }).values;
  } catch (err) {
    return usageError((err as Error).message);
  }
  return runBuild(args);
}

function runBuild(args: { root?: string; out?: string; 'base-url'?: string; drafts?: boolean; verbose?: boolean }): number {
  const started = performance.now();
  try {
    const result = build({ root: args.root ?? process.cwd(), out: args.out, baseUrl: args['base-url'], drafts: args.drafts });
    for (const w of result.warnings) process.stderr.write(`${formatProblem(w)}\n`);
    const ms = Math.round(performance.now() - started);
    process.stdout.write(
      `bantin: built ${result.pages} pages (${result.files} files) into ${result.out} in ${ms} ms` +
        (result.warnings.length ? `, ${result.warnings.length} warning(s)` : '') + '\n',
    );
    if (args.verbose) {
      for (const [stage, t] of Object.entries(result.timings)) process.stdout.write(`  ${stage.padEnd(10)} ${t} ms\n`);
    }
    return 0;
  } catch (err) {
    if (err instanceof BuildFailure) {
      for (const p of err.problems) process.stderr.write(`${formatProblem(p)}\n`);
      const errors = err.problems.filter((p) => p.severity === 'error').length;
      process.stderr.write(`bantin: build failed with ${errors} error(s); the output folder was not changed\n`);
      return 1;
    }
    const e = err as NodeJS.ErrnoException;
    process.stderr.write(`bantin: build failed: ${describeSystemError(e)}\n`);
    if (args.verbose) process.stderr.write(`${e.stack}\n`);
    else process.stderr.write('  (run again with --verbose for details)\n');
    return 1;
  }
}

function describeSystemError(e: NodeJS.ErrnoException): string {
  const where = e.path ? ` (${e.path})` : '';
  switch (e.code) {
    case 'EACCES': case 'EPERM': case 'EROFS':
      return `no permission to write${where}; choose another --out folder or fix its permissions`;
    case 'ENOSPC':
      return `the disk is full${where}; free some space and build again`;
    default:
      return e.message;
  }
}

function usageError(message: string): number {
  process.stderr.write(`bantin: ${message}\n\n${USAGE}`);
  return 2;
}

process.exitCode = main(process.argv.slice(2));
