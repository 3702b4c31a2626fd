import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Tests that run the `bantin` command need the compiled CLI; compile once for the whole run. */
export default function setup(): void {
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json'], { cwd: root, stdio: 'inherit' });
  rmSync(`${root}test/.tmp`, { recursive: true, force: true });
  mkdirSync(`${root}test/.tmp`, { recursive: true });
}
