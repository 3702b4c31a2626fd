// Problems a person must act on (file, line, message, hint), collected while a build runs, and the
// failure that carries them out of it.
import type { Problem } from './types.js';
import { hintText, text, type Lang } from './messages/index.js';

/** Thrown when a build cannot go on; carries every problem found so far. */
export class BuildFailure extends Error {
  constructor(readonly problems: Problem[]) {
    super(`${problems.filter((p) => p.severity === 'error').length} error(s)`);
  }
}

/** Collects the problems of one build so that all of them are reported together. */
export class ProblemList {
  readonly items: Problem[] = [];
  private readonly seen = new Set<string>();

  error(file: string | null, message: string, extra: Partial<Problem> = {}): void {
    // Two readers of one file (the listing, then the read) may find the same fault: say it once.
    const key = `${file}\0${extra.line}\0${message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.items.push({ severity: 'error', file, message, ...extra });
  }

  warn(file: string | null, message: string, extra: Partial<Problem> = {}): void {
    this.items.push({ severity: 'warning', file, message, ...extra });
  }

  get errorCount(): number {
    return this.items.filter((p) => p.severity === 'error').length;
  }

  get warningCount(): number {
    return this.items.length - this.errorCount;
  }

  /** Throws if any error was collected; warnings alone let the build go on. */
  throwIfErrors(): void {
    if (this.errorCount > 0) throw new BuildFailure(sortProblems(this.items));
  }
}

export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      cmp(a.file ?? '', b.file ?? '') || (a.line ?? 0) - (b.line ?? 0) || cmp(a.message, b.message),
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const SEVERITY = { vi: { error: 'lỗi', warning: 'cảnh báo', hint: 'cách sửa' }, en: { error: 'error', warning: 'warning', hint: 'hint' } };  // allow-literal-message: the words of formatProblem, in both languages

/**
 * `content/a.md:3:5: error: message`, the line quoted with a caret under the column, then
 * `  hint: ...`: the form editors and CI annotations read, in the reader's language.
 */
export function formatProblem(p: Problem, lang: Lang = 'en'): string {
  let where = p.file ?? 'bantin';
  if (p.file && p.line) where += `:${p.line}` + (p.column ? `:${p.column}` : '');
  const words = SEVERITY[lang];
  const { message, hint } = localized(p, lang);
  let out = `${where}: ${words[p.severity]}: ${message}`;
  if (p.excerpt !== undefined && p.line) {
    const gutter = ` ${p.line} | `;
    out += `\n${gutter}${p.excerpt}`;
    if (p.column) out += `\n${' '.repeat(gutter.length - 2)}| ${caretPad(p.excerpt, p.column)}^`;
  }
  if (hint) out += `\n  ${words.hint}: ${hint}`;
  return out;
}

/** The message and hint in a language: from the catalogue when the problem has a code. */
export function localized(p: Problem, lang: Lang): { message: string; hint?: string } {
  if (!p.code) return { message: p.message, hint: p.hint };
  return { message: text(p.code, p.params, lang), hint: hintText(p.code, p.params, lang) ?? p.hint };
}

/** Spaces up to a column, keeping the tabs of the line so the caret lands under the character. */
function caretPad(line: string, column: number): string {
  return [...line.slice(0, column - 1)].map((c) => (c === '\t' ? '\t' : ' ')).join('');
}

/** 1-based line number of a character offset in a text. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Closest candidate by edit distance, for "did you mean" hints. */
export function closest(word: string, candidates: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}
