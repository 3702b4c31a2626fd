// `bantin check`: every problem a build would report, and warnings it lets pass, without writing.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { planSite, type GenerateOptions } from '../plan/plan-site.js';
import { BuildFailure, sortProblems } from '../base/problems.js';
import type { Article, Problem, Site } from '../base/types.js';
import { say } from '../base/messages/index.js';
import { findTemplateText } from '../load/article-template.js';
import { keyLine } from '../load/yaml-lines.js';

/** A draft older than this many days is a warning, unless `--draft-age` says otherwise. */
export const DRAFT_AGE_DAYS = 30;
const DAY_MS = 86_400_000;

export interface CheckOptions extends GenerateOptions {
  /** Drafts dated longer ago than this are reported (default DRAFT_AGE_DAYS). */
  draftAgeDays?: number;
}

/**
 * `bantin check`: every problem a build would report, plus editorial warnings a build lets pass.
 * With `strict`, every warning is an error (CI can refuse a push that leaves any). Nothing is written.
 */
export function checkSite(options: CheckOptions): Problem[] {
  let problems: Problem[];
  try {
    const plan = planSite({ ...options, drafts: true });
    const limit = options.draftAgeDays ?? DRAFT_AGE_DAYS;
    problems = sortProblems([...plan.warnings, ...editorialWarnings(plan.site, resolve(options.root), options.now ?? Date.now(), limit)]);
  } catch (err) {
    if (!(err instanceof BuildFailure)) throw err;
    problems = err.problems;
  }
  return options.strict ? problems.map((p) => ({ ...p, severity: 'error' })) : problems;
}

function editorialWarnings(site: Site, root: string, now: number, draftAgeDays: number): Problem[] {
  const problems: Problem[] = [];
  const byDay = new Map<string, string>();
  for (const a of site.articles) {
    // Stryker disable next-line MethodExpression: upper- and lower-casing tell the same titles apart, except for ß, ligatures and final sigma, which Vietnamese titles do not hold
    const key = `${a.date.year}-${a.date.month}-${a.date.day}|${a.title.toLowerCase()}`;
    const other = byDay.get(key);
    if (other) {
      problems.push(warning(a.sourcePath, ...say('check-same-title', { title: a.title, other })));
    } else byDay.set(key, a.sourcePath);
    if (!a.summary) {
      problems.push(warning(a.sourcePath, ...say('check-no-summary')));
    }
    // Drafts need no author yet; the model's author is trimmed, so spaces alone are none.
    if (a.draft) problems.push(...draftWarnings(a, fileText(root, a), now, draftAgeDays));
    else if (!a.author) problems.push(warning(a.sourcePath, ...say('check-no-author', {}, { line: keyLine(fileText(root, a), 'author') ?? 2 })));
  }
  return problems;
}

/** A draft forgotten for weeks, or one still holding the template of `bantin new`. */
function draftWarnings(a: Article, text: string, now: number, draftAgeDays: number): Problem[] {
  const found: Problem[] = [];
  const days = Math.floor((now - a.date.epochMs) / DAY_MS);
  if (days > draftAgeDays) {
    const date = `${a.date.year}-${String(a.date.month).padStart(2, '0')}-${String(a.date.day).padStart(2, '0')}`;
    found.push(warning(a.sourcePath, ...say('check-old-draft', { days, date, limit: draftAgeDays }, { line: keyLine(text, 'draft') })));
  }
  const template = findTemplateText(text);
  if (template) found.push(warning(a.sourcePath, ...say('check-draft-placeholder', {}, template)));
  return found;
}

/**
 * The article's file with its line ends as parsed: the model keeps the body alone, which does not say
 * at which line it starts. A BOM is left: it changes only line 1, the opening `---`, which nothing here reads.
 */
function fileText(root: string, a: Article): string {
  return readFileSync(join(root, a.sourcePath), 'utf8').replace(/\r\n?/g, '\n');
}

function warning(file: string, message: string, extra: Partial<Problem>): Problem {
  return { severity: 'warning', file, message, ...extra };
}
