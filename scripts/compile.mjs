#!/usr/bin/env node
// Compiles src/ into lib/ and removes whatever lib/ holds that src/ no longer makes (a module that
// was moved or deleted): BUILD_ID hashes all of lib/, and no stale module may be loaded from it.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const lib = join(root, 'lib');
if (existsSync(lib)) {
  for (const file of readdirSync(lib, { recursive: true })) {
    const m = /^(.*)\.js$/.exec(file);
    if (m && !existsSync(join(root, 'src', `${m[1]}.ts`))) rmSync(join(lib, file));
  }
}
execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'tsconfig.json')], { stdio: 'inherit' });
