// The journal of `applyInto`: a build process killed halfway through moving files into the output
// folder leaves a journal, and the next build finishes the moves (issue 22, mutant 2).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openStaging } from '../../src/write/staging.js';
import { PROJECT, readTree, tempDir, writeFiles } from '../helpers.js';

const FILES = 200;
const KILL_AFTER = 60;
const STAGING = pathToFileURL(join(PROJECT, 'lib/write/staging.js')).href;

/**
 * A real process that stages FILES new pages and applies them; it SIGKILLs itself at the moment
 * its KILL_AFTER-th file has been moved, so the kill lands mid-move every time, not by a race.
 */
const CHILD = `
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
const [out, files, killAfter] = [process.argv[2], Number(process.argv[3]), Number(process.argv[4])];
const rename = fs.renameSync;
let moved = 0;
fs.renameSync = (from, to) => {
  rename(from, to);
  if (++moved === killAfter) process.kill(process.pid, 'SIGKILL');
};
syncBuiltinESMExports();
const { openStaging } = await import(${JSON.stringify(STAGING)});
const staging = openStaging(out);
const paths = [];
for (let i = 0; i < files; i++) {
  const path = 'p' + (i % 7) + '/page-' + i + '/index.html';
  fs.mkdirSync(staging.dir + '/' + path.slice(0, path.lastIndexOf('/')), { recursive: true });
  staging.write(path, 'new ' + i);
  paths.push(path);
}
staging.applyInto(paths, ['old/gone/index.html']);
process.stdout.write('finished without being killed');
`;

describe('a build killed while moving files into the output folder', () => {
  it('leaves a journal, and the next build finishes the moves: all new pages, removed ones gone', () => {
    const parent = tempDir('journal');
    const out = join(parent, 'dist');
    const old: Record<string, string> = { 'old/gone/index.html': 'old page', '404.html': 'kept', 'sitemap.xml': 'kept' };
    for (let i = 0; i < FILES; i++) old[`p${i % 7}/page-${i}/index.html`] = `old ${i}`;
    writeFiles(out, old);
    const script = join(parent, 'child.mjs');
    writeFileSync(script, CHILD);

    const child = spawnSync(process.execPath, [script, out, String(FILES), String(KILL_AFTER)], { encoding: 'utf8' });
    expect(child.signal, child.stderr || child.stdout).toBe('SIGKILL');

    // Killed halfway: some pages are new and some still old, and the staging folder with its
    // journal is still there.
    const half = readTree(out);
    const news = [...half.values()].filter((b) => b.toString().startsWith('new ')).length;
    expect(news).toBe(KILL_AFTER);
    const left = readdirSync(parent).filter((n) => n.startsWith('.dist'));
    expect(left).toHaveLength(1);
    expect(existsSync(join(parent, left[0], '.bantin-journal.json')), 'the journal was written before the moves').toBe(true);

    // The next build starts by opening its staging folder beside the same output folder.
    openStaging(out).abort();

    const after = readTree(out);
    for (let i = 0; i < FILES; i++) expect(after.get(`p${i % 7}/page-${i}/index.html`)?.toString(), `page ${i}`).toBe(`new ${i}`);
    expect(after.has('old/gone/index.html')).toBe(false);
    expect(existsSync(join(out, 'old')), 'the emptied folders go too').toBe(false);
    expect(after.get('404.html')?.toString()).toBe('kept');
    expect(readdirSync(parent).filter((n) => n.startsWith('.dist'))).toEqual([]);
    expect(readFileSync(join(out, 'p0/page-0/index.html'), 'utf8')).toBe('new 0');
  });
});
