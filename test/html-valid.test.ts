// Every HTML page of the built sample site passes the Nu Html Checker (vnu-jar) with no errors.
// One JVM run checks the whole site; a deliberately broken page rides along to prove the checker
// really looked at the folder (a run that checked nothing would otherwise pass too).
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../src/build/build.js';
import { PROJECT, tempDir } from './helpers.js';
import { skipWithout } from './tools.js';

const VNU = join(createRequire(import.meta.url).resolve('vnu-jar/package.json'), '..', 'build', 'dist', 'vnu.jar');
const NOW = Date.UTC(2026, 0, 1);
const CANARY = 'zz-canary.html';

interface VnuMessage {
  type: string;
  subType?: string;
  url: string;
  lastLine?: number;
  lastColumn?: number;
  message: string;
  extract?: string;
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => join(e.parentPath, e.name));
}

const HAVE_JAVA = !spawnSync('java', ['-version']).error;

describe.skipIf(skipWithout('java', HAVE_JAVA, 'apt-get install default-jre-headless (vnu.jar needs it)', import.meta.url))('HTML validity (Nu Html Checker)', () => {
  let dist: string;
  let messages: VnuMessage[];

  beforeAll(() => {
    dist = build({ root: PROJECT, out: join(tempDir('vnu'), 'dist'), now: NOW }).out;
    // An `alt`-less image and a stray closing tag: two errors vnu must report for this file.
    writeFileSync(join(dist, CANARY), '<!DOCTYPE html><html lang="vi"><head><title>x</title></head><body><img src="a.png"></span></body></html>');
    let out: string;
    try {
      // vnu exits 1 when it finds errors; its JSON report goes to stderr either way.
      out = execFileSync('java', ['-jar', VNU, '--errors-only', '--format', 'json', '--skip-non-html', dist], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 << 20 });
    } catch (err) {
      out = (err as { stderr?: string }).stderr ?? '';
    }
    messages = (JSON.parse(out || '{"messages":[]}') as { messages: VnuMessage[] }).messages;
  }, 120_000);

  it('reports the planted errors, so it did check the folder', () => {
    const canary = messages.filter((m) => m.url.endsWith(`/${CANARY}`));
    expect(canary.length).toBeGreaterThanOrEqual(2);
  });

  it('finds no error in any page of the sample site', () => {
    const pages = htmlFiles(dist).filter((f) => !f.endsWith(CANARY));
    expect(pages.length).toBeGreaterThan(100);
    const errors = messages.filter((m) => !m.url.endsWith(`/${CANARY}`));
    const report = errors.map((m) => {
      const file = relative(dist, decodeURIComponent(new URL(m.url).pathname));
      return `${file}:${m.lastLine ?? '?'}:${m.lastColumn ?? '?'}: ${m.message}\n    ${(m.extract ?? '').replace(/\n/g, '⏎')}`;
    });
    expect(report.join('\n'), `${errors.length} errors in ${pages.length} pages`).toBe('');
  });
});
