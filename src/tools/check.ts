// `bantin check`: every problem a build would report, and warnings it lets pass, without writing.
import { planSite, type GenerateOptions } from '../plan/plan-site.js';
import { BuildFailure, sortProblems } from '../base/problems.js';
import type { Problem, Site } from '../base/types.js';
import { say } from '../base/messages/index.js';

/**
 * `bantin check`: every problem a build would report, plus editorial warnings a build lets pass.
 * Nothing is written.
 */
export function checkSite(options: GenerateOptions): Problem[] {
  try {
    const plan = planSite({ ...options, drafts: true });
    return sortProblems([...plan.warnings, ...editorialWarnings(plan.site)]);
  } catch (err) {
    if (err instanceof BuildFailure) return err.problems;
    throw err;
  }
}

function editorialWarnings(site: Site): Problem[] {
  const problems: Problem[] = [];
  const byDay = new Map<string, string>();
  for (const a of site.articles) {
    const key = `${a.date.year}-${a.date.month}-${a.date.day}|${a.title.toLowerCase()}`;
    const other = byDay.get(key);
    if (other) {
      problems.push(warning(a.sourcePath, ...say('check-same-title', { title: a.title, other })));
    } else byDay.set(key, a.sourcePath);
    if (!a.summary) {
      problems.push(warning(a.sourcePath, ...say('check-no-summary')));
    }
  }
  return problems;
}

function warning(file: string, message: string, extra: Partial<Problem>): Problem {
  return { severity: 'warning', file, message, ...extra };
}
