#!/usr/bin/env node
// Compiles src/ into lib/ and removes whatever lib/ holds that src/ no longer makes (a module that
// was moved or deleted): BUILD_ID hashes all of lib/, and no stale module may be loaded from it.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

// Decap CMS's browser files (the web editor, /admin/) go into vendor/decap-cms/, which the package
// ships: an installed bantin carries these 6 MB, not decap-cms's 630 dev packages (about 370 MB).
// The runtime file list is src/outputs/admin/decap-files.ts's; this copy follows the same rule.
const runtime = (name) => /^(\d+\.)?decap-cms\.js$|^[0-9a-f]+\.wasm$|^decap-cms\.js\.LICENSE\.txt$/.test(name);
let decapPkg = null;
try {
  decapPkg = createRequire(import.meta.url).resolve('decap-cms/package.json');
} catch {
  // Not installed (an installed bantin without its dev dependencies): keep the vendored copy.
}
if (decapPkg) {
  const from = join(decapPkg, '..', 'dist');
  const to = join(root, 'vendor', 'decap-cms');
  const version = JSON.parse(readFileSync(decapPkg, 'utf8')).version;
  const have = existsSync(join(to, 'package.json')) ? JSON.parse(readFileSync(join(to, 'package.json'), 'utf8')).version : null;
  if (have !== version) {
    rmSync(to, { recursive: true, force: true });
    mkdirSync(to, { recursive: true });
    for (const name of readdirSync(from).filter(runtime)) copyFileSync(join(from, name), join(to, name));
    writeFileSync(join(to, 'package.json'), `${JSON.stringify({ name: 'decap-cms', version, license: 'MIT' }, null, 2)}\n`);
  }
}
