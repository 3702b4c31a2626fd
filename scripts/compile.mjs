#!/usr/bin/env node
// Compiles src/ into lib/ and removes whatever lib/ holds that src/ no longer makes (a module that
// was moved or deleted): BUILD_ID hashes all of lib/, and no stale module may be loaded from it.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const lib = join(root, 'lib');
if (existsSync(lib)) {
  for (const file of readdirSync(lib, { recursive: true })) {
    const m = /^(.*)\.js$/.exec(file);
    if (m && !existsSync(join(root, 'src', `${m[1]}.ts`))) rmSync(join(lib, file));
  }
}
// Resolved, not joined to root/node_modules: Stryker's sandbox compiles before it links node_modules.
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
execFileSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.json')], { stdio: 'inherit' });
