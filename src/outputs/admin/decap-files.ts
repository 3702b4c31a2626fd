// Where Decap CMS's prebuilt browser files are: copied from the npm package into the output's
// /admin/, never fetched from a CDN at run time.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The package's `vendor/decap-cms/` (scripts/compile.mjs copies it from the `decap-cms` dev
 * dependency, so an installed bantin carries 6 MB of browser files instead of decap-cms's 630
 * packages), or the dev dependency's own `dist/` in a source checkout that has not compiled yet.
 */
const VENDOR = fileURLToPath(new URL('../../../vendor/decap-cms/', import.meta.url));

export interface DecapFiles {
  version: string;
  dir: string;
  /** File names in `dir` the admin page needs: the main script, its lazy chunks and WebAssembly, the licence. */
  names: string[];
}

/** The files the browser loads: `decap-cms.js` and the chunks and `.wasm` it fetches next to itself. */
export function isDecapRuntimeFile(name: string): boolean {
  return /^(\d+\.)?decap-cms\.js$|^[0-9a-f]+\.wasm$|^decap-cms\.js\.LICENSE\.txt$/.test(name);
}

let found: DecapFiles | null | undefined;

export function decapFiles(): DecapFiles | null {
  if (found !== undefined) return found;
  const dirs = [VENDOR];
  try {
    dirs.push(join(dirname(createRequire(import.meta.url).resolve('decap-cms/package.json')), 'dist'));
  } catch {
    // Not installed: only the vendored copy can serve.
  }
  for (const dir of dirs) {
    const pkg = join(dir, dir === VENDOR ? 'package.json' : '../package.json');
    if (!existsSync(join(dir, 'decap-cms.js')) || !existsSync(pkg)) continue;
    const version = (JSON.parse(readFileSync(pkg, 'utf8')) as { version: string }).version;
    return (found = { version, dir, names: readdirSync(dir).filter(isDecapRuntimeFile).sort() });
  }
  return (found = null);
}
