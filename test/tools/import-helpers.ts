// Shared by the import tests: a site to import into, the real CLI, and the built article pages.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { makeSite, readPage, runCli, texts } from '../helpers.js';

export function importSite(extra: Record<string, string | Buffer> = {}, config = 'title: Xã Thử Nghiệm\nlocale: vi\n'): string {
  return makeSite({ 'bantin.yaml': config, ...extra }, 'import');
}

/** `bantin import ARGS --root ROOT` through the compiled CLI. */
export function runImport(root: string, args: string[], cwd = root) {
  return runCli(['import', ...args, '--root', root], { cwd });
}

/** Builds the site with the real CLI; fails the test with the CLI's own words if the build fails. */
export function buildSite(root: string): string {
  const r = runCli(['build', '--root', root, '--no-cache']);
  expect(r.stderr + r.stdout).toMatch(/built \d+ pages/);
  expect(r.status).toBe(0);
  return join(root, 'dist');
}

/** What a reader sees of one article page. */
export function articleView(dist: string, path: string) {
  const page = readPage(dist, path);
  const body = page.querySelector('.article-body')!;
  return {
    page,
    body,
    title: page.querySelector('h1')!.text.trim(),
    date: page.querySelector('.article-date')!.text.trim(),
    // The byline may be in capitals (the portal style); Dublin Core has the name as written.
    author: page.querySelector('.byline') ? page.querySelector('meta[name="DC.creator"]')!.getAttribute('content')! : '',
    views: page.querySelector('.views')!.text.trim(),
    category: texts(page, '.breadcrumb a')[1],
    headings: texts(body, 'h2, h3'),
    paragraphs: texts(body, 'p'),
    text: body.text,
  };
}

export const read = (root: string, path: string) => readFileSync(join(root, path), 'utf8');

/** A 1×1 PNG and a minimal PDF, as a page's picture and attachment. */
export const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a0d5e0b70000000049454e44ae426082', 'hex');
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
