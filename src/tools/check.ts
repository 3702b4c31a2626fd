// `bantin check`: every problem a build would report, and warnings it lets pass, without writing.
import { planSite, type GenerateOptions } from '../plan/plan-site.js';
import { BuildFailure, sortProblems } from '../base/problems.js';
import type { Problem, Site } from '../base/types.js';

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
      problems.push({ severity: 'warning', file: a.sourcePath, message: `the same title "${a.title}" is used by ${other} on the same day`, hint: 'is this article a copy? delete one, or change its title' });
    } else byDay.set(key, a.sourcePath);
    if (!a.summary) {
      problems.push({ severity: 'warning', file: a.sourcePath, message: 'the article has no summary and no first paragraph to make one from', hint: 'add `summary: "..."` to the front matter' });
    }
  }
  return problems;
}
