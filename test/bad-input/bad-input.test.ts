// Every case: a clean build first (the base site's dist/), then one fault, then `bantin build`.
// It must exit 1 with `file:line:col: error: ...` and a hint, print no stack trace, and leave the
// previous output byte-identical with no staging folder behind; or exit 0 and build correctly.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { contentCases } from './content-cases.js';
import { baseSite, findProblem, runCliAsync, siteWithFault, STACK_LINE, stagingLeft, treeDigest, withRoot, type Case } from './harness.js';
import { siteCases } from './site-cases.js';

const cases = [...contentCases, ...siteCases];

beforeAll(() => void baseSite(), 60_000);

async function runCase(c: Case, extraArgs: string[] = []) {
  const root = siteWithFault(c);
  const dist = join(root, 'dist');
  const before = treeDigest(dist);
  const args = ['build', '--root', root, ...(c.args ?? []).map((a) => withRoot(root, a)), ...extraArgs];
  const r = await runCliAsync(args, c.nodeArgs);
  return { root, dist, before, r };
}

describe('bad input', () => {
  it('has at least 40 cases, each with a unique name', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
    expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
  });

  for (const c of cases) {
    // A case blocked by a bug in code outside this suite's reach: it is expected to fail until
    // that bug is fixed (vitest then reports it, and `knownBug` should be removed).
    const test = c.knownBug ? it.concurrent.fails : it.concurrent;
    test(c.name, async () => {
      const { root, dist, before, r } = await runCase(c);
      const output = `${r.stdout}\n${r.stderr}`;
      expect(r.status, output).toBe(c.exit);
      expect(output, 'a raw stack trace was printed').not.toMatch(STACK_LINE);
      if (c.where) {
        const found = findProblem(r.stderr, c, root);
        expect(found.message, `no ${c.exit ? 'error' : 'warning'} at ${c.where} matching ${c.message}; got:\n${r.stderr}`).toBeDefined();
        expect(found.hint, `no hint: line after ${found.located[0]}`).toBeTruthy();
        if (c.hint) expect(found.hint).toMatch(c.hint);
      }
      if (c.exit === 1) {
        expect(treeDigest(dist), 'the previous output changed').toEqual(before);
      } else {
        expect(r.stderr, 'an exit-0 case reported an error').not.toMatch(/: error: /);
        expect(existsSync(join(dist, 'index.html'))).toBe(true);
      }
      // A successful build may delete the previous output in the background: give it a moment.
      for (let i = 0; i < 50 && c.exit === 0 && stagingLeft(root).length; i++) await new Promise((r) => setTimeout(r, 100));
      expect(stagingLeft(root), 'a staging folder was left behind').toEqual([]);
      c.check?.(root, r);
    }, c.timeout ?? 30_000);
  }

  it('prints the stack trace of an internal error with --verbose, and only then', async () => {
    const full = siteCases.find((c) => c.name.includes('disk fills up'))!;
    const { r } = await runCase(full, ['--verbose']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/the disk is full/);
    expect(r.stderr).toMatch(STACK_LINE);
    const syntax = contentCases.find((c) => c.name === 'YAML: duplicate key')!;
    const content = await runCase(syntax, ['--verbose']);
    expect(content.r.status).toBe(1);
    expect(content.r.stderr, 'a content error is not an internal error').not.toMatch(STACK_LINE);
  });
});
