// The theme's compiled code kept in .bantin/ (render/template-code.ts): a cached build compiles no
// template whose source it has compiled before, and an edited template is compiled again and shows.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nunjucks from 'nunjucks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { build } from '../src/build/build.js';
import { article, makeSite, readTree, tempDir } from './helpers.js';

const NOW = Date.UTC(2025, 0, 1);
const FOOTER = readFileSync(new URL('../templates/partials/footer.njk', import.meta.url), 'utf8');

function site(): string {
  return makeSite({
    'bantin.yaml': 'title: Xã Mã Đã Dịch\n',
    'content/tin/a.md': article({ title: 'Bài A', date: '2024-03-01 08:00' }),
    'content/tin/b.md': article({ title: 'Bài B', date: '2024-03-02 08:00' }),
    // The site's own copy of a theme file: edited below, at the same path.
    'templates/partials/footer.njk': FOOTER,
  }, 'template-code');
}

/** How many templates Nunjucks compiles from source during `run`. */
function compiles(run: () => void): number {
  const compiler = (nunjucks as unknown as { compiler: { compile: (...a: unknown[]) => string } }).compiler;
  const spy = vi.spyOn(compiler, 'compile');
  try {
    run();
    return spy.mock.calls.length;
  } finally {
    spy.mockRestore();
  }
}

afterEach(() => vi.restoreAllMocks());

describe('compiled templates in the build cache', () => {
  it('a second cached build compiles nothing; an edited template alone is compiled again, and its new text is published', () => {
    const root = site();
    const out = join(root, 'dist');
    const first = compiles(() => build({ root, out, now: NOW, cache: true }));
    expect(first).toBeGreaterThan(10);
    // An article edit re-renders pages with the kept code.
    writeFileSync(join(root, 'content/tin/a.md'), article({ title: 'Bài A sửa', date: '2024-03-01 08:00' }));
    expect(compiles(() => build({ root, out, now: NOW, cache: true }))).toBe(0);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('Bài A sửa');

    const edited = FOOTER.replace('</footer>', '<p class="moi">Chân trang mới</p></footer>');
    expect(edited).not.toBe(FOOTER);
    writeFileSync(join(root, 'templates/partials/footer.njk'), edited);
    expect(compiles(() => build({ root, out, now: NOW, cache: true }))).toBe(1);
    expect(readFileSync(join(out, 'tin-tuc/a/index.html'), 'utf8')).toContain('<p class="moi">Chân trang mới</p>');

    // Byte for byte what a build without any cache makes.
    const clean = join(tempDir('template-code-clean'), 'dist');
    build({ root, out: clean, now: NOW, cache: false });
    expect(readTree(out)).toEqual(readTree(clean));
  });

  it('a template broken after a cached build is still reported at its file and line', () => {
    const root = site();
    const out = join(root, 'dist');
    build({ root, out, now: NOW, cache: true });
    writeFileSync(join(root, 'templates/partials/footer.njk'), `${FOOTER}\n{% if %}\n`);
    let problem: { file?: string | null; line?: number } | undefined;
    try {
      build({ root, out, now: NOW, cache: true });
    } catch (err) {
      problem = (err as { problems?: { file?: string | null; line?: number }[] }).problems?.[0];
    }
    expect(problem?.file).toBe('templates/partials/footer.njk');
    expect(problem?.line).toBe(FOOTER.split('\n').length + 1);
  });
});
