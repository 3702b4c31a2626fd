// Ctrl+C or a `kill` in the middle of writing a largish site: the previous output stays exactly as
// it was, and the next build leaves no staging folder behind.
import { execFileSync, spawn } from 'node:child_process';
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLI, PROJECT, runCli, tempDir } from '../helpers.js';
import { md, STACK_LINE, stagingLeft, treeDigest } from './harness.js';

const CORPUS = join(PROJECT, 'bench', 'corpus.mjs');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Starts a build, kills it with `signal` once its staging folder has files in it, and waits for it to end. */
async function interruptedBuild(root: string, signal: NodeJS.Signals, env: Record<string, string>) {
  const child = spawn(process.execPath, [CLI, 'build', '--root', root, '--no-cache'], { env: { ...process.env, NO_COLOR: '1', BANTIN_LANG: 'en', ...env } });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => child.on('exit', (code, sig) => done({ code, signal: sig })));
  let killed = false;
  for (let i = 0; i < 6000 && child.exitCode === null; i++) {
    const staging = readdirSync(root).find((n) => n.includes('.bantin-tmp-'));
    if (staging && readdirSync(join(root, staging)).length > 0) {
      killed = child.kill(signal);
      break;
    }
    await sleep(5);
  }
  return { killed, ...(await ended), stderr };
}

describe('an interrupted build', () => {
  let root: string;
  let dist: string;
  let clean: Record<string, string>;

  beforeAll(() => {
    root = tempDir('interrupt');
    execFileSync(process.execPath, [CORPUS, join(root, 'content'), '2000', '1']);
    const r = runCli(['build', '--root', root, '--no-cache']);
    expect(r.status, r.stderr).toBe(0);
    dist = join(root, 'dist');
    clean = treeDigest(dist);
  }, 120_000);

  // With render threads the signal arrives while the build awaits them (its handler cleans up);
  // with one thread (BANTIN_JOBS=1) it arrives during synchronous writing (the process just ends).
  const cases: [NodeJS.Signals, string, Record<string, string>][] = [
    ['SIGINT', 'render threads', { BANTIN_JOBS: '3' }],
    ['SIGTERM', 'render threads', { BANTIN_JOBS: '3' }],
    ['SIGINT', 'one thread', { BANTIN_JOBS: '1' }],
    ['SIGTERM', 'one thread', { BANTIN_JOBS: '1' }],
  ];
  for (const [signal, how, env] of cases) {
    it(`${signal} mid-write (${how}) keeps the previous output, and the next build cleans up`, async () => {
      // A new article: a build that went on to the end would change the output.
      const extra = join(root, 'content', 'zz-chen-vao.md');
      writeFileSync(extra, md(['title: "Bài chen vào"', 'date: 2024-06-01 10:00']));
      const r = await interruptedBuild(root, signal, env);
      rmSync(extra);
      expect(r.killed, 'the build ended before its staging folder had files').toBe(true);
      expect(r.code, `the build finished anyway:\n${r.stderr}`).not.toBe(0);
      expect(r.stderr).not.toMatch(STACK_LINE);
      expect(treeDigest(dist)).toEqual(clean);

      const next = runCli(['build', '--root', root, '--no-cache']);
      expect(next.status, next.stderr).toBe(0);
      // The swapped-out output is deleted by a background process: on a loaded machine (two cores
      // shared with other builds) 2,000 articles' pages took longer than the 10 s once allowed here.
      for (let i = 0; i < 900 && stagingLeft(root).length; i++) await sleep(100);
      expect(stagingLeft(root)).toEqual([]);
      expect(treeDigest(dist)).toEqual(clean);
    }, 240_000);
  }
});
