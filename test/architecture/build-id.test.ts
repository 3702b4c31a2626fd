// BUILD_ID names bantin's compiled code: caches and output folders made by other code are never
// taken as current, so any change to any compiled file, in any folder, must change it.
import { appendFileSync, cpSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PROJECT, tempDir } from '../helpers.js';

let loads = 0;
/** BUILD_ID as a fresh load of the copied package's install module computes it. */
async function buildIdOf(pkg: string): Promise<string> {
  const url = `${pathToFileURL(join(pkg, 'lib/base/install.js')).href}?load=${++loads}`;
  return ((await import(url)) as { BUILD_ID: string }).BUILD_ID;
}

describe('BUILD_ID', () => {
  it('changes when any compiled file changes, is added, or the version changes, and only then', async () => {
    const pkg = tempDir('build-id');
    cpSync(join(PROJECT, 'lib'), join(pkg, 'lib'), { recursive: true });
    cpSync(join(PROJECT, 'package.json'), join(pkg, 'package.json'));
    const first = await buildIdOf(pkg);
    expect(await buildIdOf(pkg)).toBe(first);

    const seen = new Set([first]);
    // One file of every stage folder, and the command itself (which sits beside them, not in one).
    const files = ['cli.js', ...readdirSync(join(pkg, 'lib'), { withFileTypes: true }).filter((e) => e.isDirectory())
      .map((e) => `${e.name}/${readdirSync(join(pkg, 'lib', e.name)).find((f) => f.endsWith('.js'))}`)];
    expect(files.length).toBeGreaterThanOrEqual(10);
    for (const file of files) {
      appendFileSync(join(pkg, 'lib', file), '\n// changed\n');
      const id = await buildIdOf(pkg);
      expect(seen.has(id), `changing lib/${file} did not change BUILD_ID`).toBe(false);
      seen.add(id);
    }
    writeFileSync(join(pkg, 'lib/outputs/new-module.js'), 'export {};\n');
    expect(seen.has(await buildIdOf(pkg))).toBe(false);
    seen.add(await buildIdOf(pkg));
    writeFileSync(join(pkg, 'package.json'), JSON.stringify({ version: '99.0.0' }));
    expect(seen.has(await buildIdOf(pkg))).toBe(false);
  });
});
