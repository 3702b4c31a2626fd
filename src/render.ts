import nunjucks from 'nunjucks';
import { relative } from 'node:path';
import { formatNumber, formatPortalDate, formatShortDate } from './format.js';
import { fill, type Strings } from './i18n.js';
import type { Problem, SiteConfig, SiteDate } from './types.js';

export interface Renderer {
  render(template: string, context: Record<string, unknown>): string;
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
 */
export function createRenderer(root: string, templateDirs: string[], config: SiteConfig, strings: Strings, assetNames: Map<string, string> = new Map()): Renderer {
  const env = new nunjucks.Environment(new nunjucks.FileSystemLoader(templateDirs, { noCache: false }), {
    autoescape: true,
    throwOnUndefined: true,
    trimBlocks: true,
    lstripBlocks: true,
  });
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

  return {
    render(template, context) {
      try {
        return env.render(template, context);
      } catch (err) {
        throw new TemplateError(templateProblem(err as Error, template, root));
      }
    },
  };
}

/** Nunjucks says `(file) [Line 3, Column 5]\n  Error: ...`; editors need file, line and a hint. */
function templateProblem(err: Error, template: string, root: string): Problem {
  const text = String(err.message ?? err);
  const where = /\(([^)]+)\)\s*\[Line (\d+), Column (\d+)\]/.exec(text);
  const file = where ? where[1] : template;
  const message = text.replace(/^\([^)]*\)\s*(\[Line \d+, Column \d+\])?\s*/, '').replace(/^\s*Error:\s*/, '').split('\n').map((l) => l.trim()).filter(Boolean).join(' ');
  let hint = 'check the template syntax near that line';
  if (/template not found/i.test(message)) hint = 'create that template in templates/, or fix the name in the {% extends %} or {% include %}';
  else if (/undefined|null/i.test(message)) hint = 'the template prints a variable that does not exist here; check its spelling, or guard it with {% if %}';
  return {
    severity: 'error',
    file: file.startsWith('/') ? relative(root, file).split('\\').join('/') : `templates/${file}`,
    line: where ? Number(where[2]) : undefined,
    column: where ? Number(where[3]) : undefined,
    message: `template error: ${message}`,
    hint,
  };
}
