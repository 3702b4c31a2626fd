// Shared by the `bantin init` tests: bantin packed and installed the way a new user gets it, npm run
// offline-first from the local cache, and the theme's checks (vnu, axe) run on any built folder.
import { execFileSync, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { chromium } from 'playwright-core';
import { PROJECT } from '../helpers.js';
import { axeViolations, CHROMIUM, describeViolations } from '../browser/harness.js';
import { serveStatic } from '../browser/static-server.js';

const NPM_FLAGS = ['--prefer-offline', '--no-audit', '--no-fund'];

/** Runs a command, returning its output; a failure throws with everything it printed. */
export function run(cmd: string, args: string[], cwd: string, env: Record<string, string> = {}): SpawnSyncReturns<string> {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', BANTIN_LANG: 'en', ...env }, maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} (in ${cwd}) exited ${r.status}${r.error ? ` (${r.error.message})` : ""}\n${r.stdout}\n${r.stderr}`);
  return r;
}

/** `npm pack` of this repository into `dir`; the tests compiled lib/ already (global set-up). */
export function pack(dir: string): string {
  const out = run('npm', ['pack', PROJECT, '--pack-destination', dir, '--ignore-scripts', '--json', '--loglevel=error'], dir);
  return join(dir, (JSON.parse(out.stdout) as { filename: string }[])[0].filename);
}

/** `npm install` in `dir` (of `spec`, or of the folder's package.json), from the cache when it can. */
export function npmInstall(dir: string, spec?: string): SpawnSyncReturns<string> {
  // Without a package.json here npm walks up and installs into the project that holds the tests.
  if (!existsSync(join(dir, 'package.json'))) throw new Error(`no package.json in ${dir}`);
  return run('npm', ['install', ...NPM_FLAGS, ...(spec ? [spec] : [])], dir);
}

const VNU = join(createRequire(import.meta.url).resolve('vnu-jar/package.json'), '..', 'build', 'dist', 'vnu.jar');
const CANARY = 'zz-canary.html';

/**
 * vnu's errors for every page under `dist`, as `file:line: message` lines. A broken page rides
 * along and must be reported, so a run that checked nothing cannot pass.
 */
export function vnuErrors(dist: string): string[] {
  writeFileSync(join(dist, CANARY), '<!DOCTYPE html><html lang="vi"><head><title>x</title></head><body><img src="a.png"></span></body></html>');
  let out: string;
  try {
    out = execFileSync('java', ['-jar', VNU, '--errors-only', '--format', 'json', '--skip-non-html', dist], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 << 20 });
  } catch (err) {
    out = (err as { stderr?: string }).stderr ?? '';
  }
  const messages = (JSON.parse(out || '{"messages":[]}') as { messages: { url: string; lastLine?: number; message: string }[] }).messages;
  if (!messages.some((m) => m.url.endsWith(`/${CANARY}`))) throw new Error('vnu did not report the planted errors: it checked nothing');
  return messages.filter((m) => !m.url.endsWith(`/${CANARY}`))
    .map((m) => `${relative(dist, decodeURIComponent(new URL(m.url).pathname))}:${m.lastLine ?? '?'}: ${m.message}`);
}

/** axe-core's WCAG 2.1 A/AA violations on each path of `dist`, served over HTTP, in chromium. */
export async function axeReport(dist: string, paths: string[]): Promise<string[]> {
  const server = await serveStatic(dist);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const report: string[] = [];
  try {
    for (const path of paths) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const response = await page.goto(server.origin + path, { waitUntil: path.startsWith('/tim-kiem/') ? 'networkidle' : 'load' });
      if (response?.status() !== 200) report.push(`${path}: HTTP ${response?.status()}`);
      const violations = await axeViolations(page);
      if (violations.length) report.push(`${path}:\n${describeViolations(violations)}`);
      await page.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return report;
}

/** Every file under `dir`, relative, sorted (node_modules left out). */
export function listFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split('\\').join('/'))
    .filter((p) => !p.startsWith('node_modules/'))
    .sort();
}
