// Fragments (a list item rendered once per build and reused): the pages are byte for byte the
// pages made with every fragment rendered afresh, on the sample site and on a generated corpus.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import nunjucks from 'nunjucks';
import { afterEach, describe, expect, it } from 'vitest';
import { addFragments } from '../src/render/fragments.js';
import { build, buildInParallel } from '../src/build/build.js';
import { article, makeSite, PROJECT, readTree, tempDir } from './helpers.js';

const NOW = Date.UTC(2026, 0, 1);

/** The same site built twice: with fragments reused, and with BANTIN_NO_FRAGMENTS=1. */
function bothWays(root: string): { reused: Map<string, Buffer>; afresh: Map<string, Buffer> } {
  const dir = tempDir('fragments');
  build({ root, out: join(dir, 'reused'), now: NOW });
  process.env.BANTIN_NO_FRAGMENTS = '1';
  try {
    build({ root, out: join(dir, 'afresh'), now: NOW });
  } finally {
    delete process.env.BANTIN_NO_FRAGMENTS;
  }
  return { reused: readTree(join(dir, 'reused')), afresh: readTree(join(dir, 'afresh')) };
}

describe('fragments', () => {
  afterEach(() => void delete process.env.BANTIN_NO_FRAGMENTS);

  it('give the sample site byte for byte the pages rendered without them', () => {
    const { reused, afresh } = bothWays(PROJECT);
    expect(reused.size).toBeGreaterThan(100);
    expect(reused).toEqual(afresh);
  });

  it('give a generated corpus, rendered on a render thread, byte for byte the pages rendered without them', async () => {
    const root = tempDir('corpus');
    execFileSync(process.execPath, [join(PROJECT, 'bench/corpus.mjs'), join(root, 'content'), '120', '3'], { stdio: 'ignore' });
    const dir = tempDir('fragments');
    // One render thread beside the main thread, whatever the machine: pages reach it as copies.
    process.env.BANTIN_JOBS = '2';
    try {
      await buildInParallel({ root, out: join(dir, 'reused'), now: NOW });
      process.env.BANTIN_NO_FRAGMENTS = '1';
      await buildInParallel({ root, out: join(dir, 'afresh'), now: NOW });
    } finally {
      delete process.env.BANTIN_JOBS;
    }
    const reused = readTree(join(dir, 'reused'));
    expect([...reused.keys()].filter((p) => p.endsWith('.html')).length).toBeGreaterThan(250);
    expect(reused).toEqual(readTree(join(dir, 'afresh')));
  }, 180_000);

  it('show each article as it is, though articles share a title, date and category', () => {
    // Two items alike but for their address and summary: a key that missed a field would show one twice.
    const root = makeSite({
      'content/tin-tuc/mot.md': article({ title: 'Cùng tên', date: '2024-05-01 09:00', summary: 'Tóm tắt một' }),
      'content/tin-tuc/hai.md': article({ title: 'Cùng tên', date: '2024-05-01 09:00', summary: 'Tóm tắt hai' }),
    });
    const { reused, afresh } = bothWays(root);
    expect(reused).toEqual(afresh);
    const home = reused.get('index.html')!.toString();
    expect(home).toContain('Tóm tắt một');
    expect(home).toContain('Tóm tắt hai');
    expect(home).toContain('/tin-tuc/mot/');
    expect(home).toContain('/tin-tuc/hai/');
  });

  it('are kept for at most maxObjects objects: past that, each is rendered every time it is shown', () => {
    let renders = 0;
    const env = new nunjucks.Environment(new nunjucks.FileSystemLoader([]), { autoescape: true });
    env.addGlobal('count', () => ++renders);
    addFragments(env, 2);
    // A fragment template from a string, as a loader would give it.
    (env as unknown as { loaders: { cache: Record<string, nunjucks.Template> }[] }).loaders[0].cache['item.njk'] = new nunjucks.Template('<{{ a.t }}{{ "" if count() }}>', env, 'item.njk');
    const page = '{% for a in list %}{{ fragment("item.njk", a) }}{% endfor %}';
    const [a, b, c] = [{ t: 'a' }, { t: 'b' }, { t: 'c' }];
    const html = env.renderString(page, { list: [a, b, c, a, b, c, c] });
    expect(html).toBe('<a><b><c><a><b><c><c>');
    // a and b once each; c, the third object, each of its three times.
    expect(renders).toBe(5);
  });
});
