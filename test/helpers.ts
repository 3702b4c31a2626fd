import { createServer } from 'node:net';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, type HTMLElement } from 'node-html-parser';

export const PROJECT = fileURLToPath(new URL('..', import.meta.url));
export const CLI = join(PROJECT, 'lib', 'cli.js');

/** A fresh folder under test/.tmp (kept inside the project so nothing is written elsewhere). */
export function tempDir(name = 'site'): string {
  const scratch = process.env.BANTIN_TEST_TMP ?? join(PROJECT, 'test', '.tmp', 'adhoc');
  mkdirSync(scratch, { recursive: true });
  return mkdtempSync(join(scratch, `${name}-`));
}

/** Writes a site from `{ 'content/a.md': '...' }` and returns its root. */
export function makeSite(files: Record<string, string | Buffer>, name = 'site'): string {
  const root = tempDir(name);
  writeFiles(root, files);
  return root;
}

export function writeFiles(root: string, files: Record<string, string | Buffer>): void {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
}

/** Front matter + body of one article. */
export function article(fields: Record<string, unknown>, body = 'Nội dung bài viết.'): string {
  const lines = Object.entries(fields).map(([k, v]) => `${k}: ${typeof v === 'string' ? JSON.stringify(v) : JSON.stringify(v)}`);
  return `---\n${lines.join('\n')}\n---\n${body}\n`;
}

export function runCli(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd ?? PROJECT,
    // Tests written against the English messages read them in English; editors' tests ask for vi.
    env: { ...process.env, NO_COLOR: '1', BANTIN_LANG: 'en', ...options.env },
    encoding: 'utf8',
  });
}

/** Every file under a folder, path → bytes, for byte-for-byte comparisons. */
export function readTree(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const abs = join(d, name);
      if (statSync(abs).isDirectory()) walk(abs);
      else files.set(relative(dir, abs).split('\\').join('/'), readFileSync(abs));
    }
  };
  walk(dir);
  return files;
}

/** The site a build wrote, without the marker file that tells bantin's output folders apart (the dev server, serving from memory, has none). */
export function readSite(dir: string): Map<string, Buffer> {
  const files = readTree(dir);
  files.delete('.bantin-output');
  return files;
}

export function readPage(dist: string, path: string): HTMLElement {
  const file = path.endsWith('.html') ? path : join(path, 'index.html');
  return parse(readFileSync(join(dist, file), 'utf8'));
}

export function texts(root: HTMLElement, selector: string): string[] {
  return root.querySelectorAll(selector).map((e) => e.text.trim());
}

/** A loopback port nothing listens on now, for a server whose URL must be known before it starts. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
