// The Nunjucks environment of a site: the theme's templates (a site's own first), filters, helpers,
// autoescaping, and template errors with the file and line.
import nunjucks from 'nunjucks';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { readRegularFile, UnreadableFile } from '../base/read-file.js';
import { formatNumber, formatPortalDate, formatShortDate } from '../base/format.js';
import { fill, type Strings } from '../load/i18n.js';
import { guardEnvironment, guardRuntime } from './template-guard.js';
import { addFragments } from './fragments.js';
import { compileTemplate, type TemplateCode } from './template-code.js';
import type { Problem, SiteConfig, SiteDate } from '../base/types.js';

export interface Renderer {
  render(template: string, context: Record<string, unknown>): string;
  /** The theme's compiled code, for the next build and for render threads. */
  code: TemplateCode;
}

/** A template failed: carries the problem to report (file and line in the template). */
export class TemplateError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.message);
  }
}

/**
 * One Nunjucks environment per build. Site templates shadow the default theme file by file;
 * autoescape is on, and an undefined variable printed by a template is an error, not an empty string.
 * `known`: code compiled before (by the last build, or by the main thread), used where its source is the same.
 */
export function createRenderer(root: string, templateDirs: string[], config: SiteConfig, strings: Strings, assetNames: Map<string, string> = new Map(), known: TemplateCode = new Map()): Renderer {
  const loader = new nunjucks.FileSystemLoader(templateDirs, { noCache: false });
  // Nunjucks reads with a plain readFileSync, which waits for ever on a FIFO: the template is
  // found as Nunjucks finds it, then read as bantin reads every file.
  const find = loader.getSource.bind(loader);
  loader.getSource = (name: string) => {
    const path = templateDirs.map((d) => resolve(d, name)).find((p, i) => p.startsWith(resolve(templateDirs[i])) && existsSync(p));
    if (path === undefined) return find(name);
    try {
      return { src: readRegularFile(path).toString('utf8'), path, noCache: false };
    } catch (err) {
      throw err instanceof UnreadableFile ? new Error(`(${path}) ${err.message}`) : err;
    }
  };
  const env = new nunjucks.Environment(loader, {
    autoescape: true,
    throwOnUndefined: true,
    trimBlocks: true,
    lstripBlocks: true,
  });
  guardRuntime();
  guardEnvironment(env);
  const words = { months: strings.dates?.months ?? [], am: strings.dates?.am ?? 'AM', pm: strings.dates?.pm ?? 'PM' };
  env.addGlobal('url', (path = '') => config.basePath + path);
  env.addGlobal('asset', (name: string) => config.basePath + (assetNames.get(`assets/${name}`) ?? `assets/${name}`));
  env.addGlobal('absUrl', (path = '') => config.baseUrl + path);
  env.addFilter('portalDate', (d: SiteDate) => formatPortalDate(d, words));
  env.addFilter('shortDate', (d: SiteDate) => formatShortDate(d));
  env.addFilter('number', (n: number) => formatNumber(n, strings.numbers?.thousands ?? '.'));
  env.addFilter('digits', (n: number) => String(Math.trunc(n)).split(''));
  // JSON inside a <script> element: `<` escaped so no text can close the element early.
  env.addFilter('json', (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c'));
  env.addFilter('fill', (template: string, values: Record<string, string | number>) => fill(template, values));
  addFragments(env);

  // Compile every template now: Nunjucks compiles an included one lazily and reports its syntax
  // error asynchronously, after the page was already (wrongly) written as empty.
  const code: TemplateCode = new Map();
  const cache = (loader as unknown as { cache: Record<string, nunjucks.Template> }).cache;
  for (const name of templateNames(templateDirs)) {
    try {
      const { src, path } = loader.getSource(name)!;
      cache[name] = compileTemplate(env, src, path, known, code);
    } catch (err) {
      throw new TemplateError(templateProblem(err as Error, name, root, templateDirs));
    }
  }

  return {
    code,
    render(template, context) {
      try {
        return env.render(template, context);
      } catch (err) {
        throw new TemplateError(templateProblem(err as Error, template, root, templateDirs));
      }
    },
  };
}

/** Every `.njk` file of the theme folders, as Nunjucks names them (`partials/footer.njk`). */
function templateNames(dirs: string[]): string[] {
  const names = new Set<string>();
  const walk = (dir: string, rel: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.name.startsWith('.')) continue;
      const path = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(join(dir, e.name), path);
      else if (e.name.endsWith('.njk')) names.add(path);
    }
  };
  for (const d of dirs) if (existsSync(d)) walk(d, '');
  return [...names].sort();
}

/**
 * Nunjucks wraps an error once per template it passes through: `(a.njk) … (b.njk) [Line 3, Column
 * 5]  message`. The innermost place is where the mistake is; where Nunjucks gives no line (an
 * unknown filter, a missing include) the line is found by looking for the name in that template.
 */
function templateProblem(err: Error, template: string, root: string, dirs: string[]): Problem {
  const text = String(err.message ?? err);
  const places = [...text.matchAll(/\(([^()\n]+)\)(?:\s*\[Line (\d+), Column (\d+)\])?/g)];
  const located = places.filter((p) => p[2]);
  const place = located.at(-1) ?? places.at(-1);
  const message = text.split('\n').map((l) => l.trim()).filter(Boolean).at(-1)!
    .replace(/^(Template render error:\s*)?(\([^)]*\)\s*)?(\[Line \d+, Column \d+\]\s*)?/, '').replace(/^Error:\s*/, '');
  let file = place ? place[1] : template;
  if (!file.startsWith('/')) file = dirs.map((d) => join(d, file)).find((p) => existsSync(p)) ?? file;
  let line = place?.[2] ? Number(place[2]) : undefined;
  let column = place?.[3] ? Number(place[3]) : undefined;
  // Nunjucks gives no line, or the line of the last function call before, for these: the name
  // is looked for from that line on.
  const missing = /(?:filter|template) not found: ([\w./-]+)|may not use `(\w+)`|^(?:the )?(\w+)(?:\(\)| filter) (?:may make|needs a step)/.exec(message);
  const name = missing && (missing[1] ?? missing[2] ?? missing[3]);
  const lineHas = (name: string) => line !== undefined && existsSync(file) && (readFileSync(file, 'utf8').split('\n')[line - 1] ?? '').includes(name);
  if (name && !lineHas(name)) {
    // Look in the innermost template first, then in every template.
    for (const candidate of [file, ...templateNames(dirs).flatMap((n) => dirs.map((d) => join(d, n)))]) {
      if (!existsSync(candidate)) continue;
      const lines = readFileSync(candidate, 'utf8').split('\n');
      const from = candidate === file && line ? line - 1 : 0;
      const found = (l: string) => l.includes(name) && /\{[{%]|\|/.test(l);
      let at = lines.findIndex((l, i) => i >= from && found(l));
      if (at < 0) at = lines.findIndex(found);
      if (at >= 0) {
        [file, line, column] = [candidate, at + 1, lines[at].indexOf(name) + 1];
        break;
      }
    }
  }
  let hint = 'check the template syntax near that line';
  if (/template not found/i.test(message)) hint = 'create that template in templates/, or fix the name in the {% extends %} or {% include %}';
  else if (/filter not found/i.test(message)) hint = 'use one of Nunjucks\' filters or bantin\'s (portalDate, shortDate, number, digits, fill, json), or fix its spelling';
  else if (/templates may not use/.test(message)) hint = 'templates are trusted but guarded: they cannot reach JavaScript itself; print the values templates are given (site, page, article, t) instead';
  else if (/may make at most|step other than 0/.test(message)) hint = 'a page never needs that many values: use a smaller number (the limit keeps a typo from exhausting the memory)';
  else if (/undefined|null/i.test(message)) hint = 'the template prints a variable that does not exist here; check its spelling, or guard it with {% if %}';
  return { severity: 'error', file: displayPath(file, root, dirs), line, column, message: `template error: ${message}`, hint };
}

/** `templates/partials/footer.njk`, whether the file is the site's or the default theme's. */
function displayPath(file: string, root: string, dirs: string[]): string {
  const rel = relative(root, file);
  if (!rel.startsWith('..') && !isAbsolute(rel)) return rel.split(sep).join('/');
  const dir = dirs.find((d) => file.startsWith(d.endsWith(sep) ? d : d + sep));
  return dir ? `templates/${relative(dir, file).split(sep).join('/')}` : file;
}
