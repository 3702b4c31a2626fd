// Shared set-up of the browser tests: the sample site built once into test/.tmp, served over HTTP
// on 127.0.0.1, and Debian's chromium driven by playwright-core.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, sep } from 'node:path';
import { parse } from 'node-html-parser';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from '../../src/build/build.js';
import { PROJECT, tempDir } from '../helpers.js';
import { serveStatic, type StaticServer } from './static-server.js';

export const CHROMIUM = '/usr/bin/chromium';
export const HAVE_CHROMIUM = existsSync(CHROMIUM);
export const CHROMIUM_INSTALL = 'apt-get install chromium (playwright-core drives /usr/bin/chromium)';
/** A fixed "now", so the pages do not change with the day the tests run. */
export const NOW = Date.UTC(2026, 0, 1);
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export interface Harness {
  dist: string;
  origin: string;
  browser: Browser;
  close(): Promise<void>;
}

/** Builds the site at `root` (default: the sample site), serves it and opens chromium. */
export async function start(name: string, root = PROJECT): Promise<Harness> {
  const dist = build({ root, out: join(tempDir(name), 'dist'), now: NOW }).out;
  let server: StaticServer | null = null;
  let browser: Browser | null = null;
  try {
    server = await serveStatic(dist);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  } catch (err) {
    await server?.close();
    throw err;
  }
  const [s, b] = [server, browser];
  return { dist, origin: s.origin, browser: b, close: async () => { await b.close(); await s.close(); } };
}

/** The pages every check runs on, found in the built site so the test follows the sample content. */
export function samplePages(dist: string): Record<string, string> {
  const home = parse(readFileSync(join(dist, 'index.html'), 'utf8'));
  const days = JSON.parse(readFileSync(join(dist, 'archive/days.json'), 'utf8')) as string[];
  return {
    home: '/',
    article: richestArticle(dist),
    category: home.querySelectorAll('.menu a')[1].getAttribute('href')!,
    archive: `/archive/${days[0].replace(/-/g, '/')}/`,
    search: '/tim-kiem/',
  };
}

/** The article page that uses the most of the theme (picture, table, quote, tags), to test it all. */
function richestArticle(dist: string): string {
  let best = { score: -1, path: '' };
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (entry.isDirectory()) walk(join(dir, entry.name));
      else if (entry.name === 'index.html') {
        const html = readFileSync(join(dir, entry.name), 'utf8');
        if (!html.includes('<article class="article">')) continue;
        const score = ['<img', '<table', '<blockquote', 'class="tags"'].filter((s) => html.includes(s)).length;
        if (score > best.score) best = { score, path: `/${relative(dist, dir).split(sep).join('/')}/` };
      }
    }
  };
  walk(dist);
  return best.path;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** WCAG 2.1 A and AA violations axe-core finds on the loaded page. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async (tags) => {
    const result = await (window as any).axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((v: any) => ({
      id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.map((n: any) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  }, WCAG_AA);
}

/** One line per failing element, for a readable assertion message. */
export function describeViolations(violations: AxeViolation[]): string {
  return violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${v.help} at ${n.target.join(' ')}\n    ${n.failureSummary ?? ''}`)).join('\n');
}

/** What has keyboard focus, in a form that reads well in a failed assertion. */
export function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { tag: 'body', id: '', cls: '', text: '', inMain: false, inArticle: false, outline: 'none', outlineWidth: 0, top: 0 };
    const style = getComputedStyle(el);
    return {
      tag: el.tagName.toLowerCase(),
      id: el.id,
      cls: el.className,
      text: (el.textContent ?? '').trim().slice(0, 40),
      inMain: !!el.closest('main'),
      inArticle: !!el.closest('article'),
      outline: style.outlineStyle,
      outlineWidth: parseFloat(style.outlineWidth),
      top: el.getBoundingClientRect().top,
    };
  });
}
