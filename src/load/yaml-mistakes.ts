// Front-matter mistakes editors make, found where the editor must act (the line where a quote
// opens, not where the YAML parser gave up) and named in the catalogue's words.
import type { Params } from '../base/messages/index.js';

export interface Mistake {
  code: string;
  params: Params;
  /** 1-based line in the whole file, and column. */
  line: number;
  column: number;
}

const QUOTES: Record<string, [string, string]> = { '"': ['kép', 'double quote'], "'": ['đơn', 'single quote'] };

/**
 * The first common mistake in a front matter that YAML could not read; `lines` are the file's lines
 * from the first after `---` to the last before the closing one, `first` the line number of lines[0].
 */
export function findYamlMistake(lines: string[], first: number): Mistake | null {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const at = (code: string, column: number, params: Params = {}): Mistake => ({ code, params, line: first + i, column: column + 1 });
    const tab = /^[ ]*\t/.exec(line);
    if (tab) return at('yaml-tab-indent', tab[0].length - 1);
    const m = /^(\s*-?\s*)([^\s:#"'][^:#]*?)\s*:(\s+)(.*)$/.exec(line);
    if (!m) continue;
    const [, indent, key, space, value] = m;
    const valueColumn = indent.length + key.length + 1 + space.length;
    const quote = value[0];
    if (quote === '"' || quote === "'") {
      if (!closes(value, quote)) return at('yaml-unclosed-quote', valueColumn, { key, quote, quoteVi: QUOTES[quote][0], quoteEn: QUOTES[quote][1] });
      continue;
    }
    // An unquoted value with `: ` inside (`title: Thông báo: lịch họp`) reads as a nested key.
    const colon = /:(\s|$)/.exec(value);
    if (colon && !/^[[{|>&*!]/.test(value)) {
      return at('yaml-colon-in-value', valueColumn + colon.index, { key, value: value.replace(/\s+#.*$/, '').replace(/"/g, '\\"') });
    }
  }
  return null;
}

/** Whether a quoted scalar opened at value[0] closes on the same line. */
function closes(value: string, quote: string): boolean {
  for (let i = 1; i < value.length; i++) {
    if (quote === '"' && value[i] === '\\') i++;
    else if (value[i] === quote) {
      if (quote === "'" && value[i + 1] === "'") i++;
      else return true;
    }
  }
  return false;
}

/**
 * Where a front matter that is never closed should have ended: the first line that cannot be
 * front matter (body text), or null when every line could be.
 */
export function missingCloseLine(lines: string[]): number | null {
  for (let i = 1; i < lines.length; i++) {
    const l = lines[i];
    if (!l.trim() || /^\s*#/.test(l) || /^\s/.test(l) || /^-\s/.test(l) || /^["']?[\w.-]+["']?\s*:(\s|$)/.test(l)) continue;
    return i + 1;
  }
  return null;
}

/** `28/01/2020`, `28-1-2020 9:30`, `28.01.2020 09h30`: a day-first date, as `yyyy-mm-dd hh:mm`. */
export function dayFirstDate(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T,]+(\d{1,2})\s*[:hH]\s*(\d{2})?)?\s*$/.exec(value.trim());
  if (!m) return null;
  const p = (s: string | undefined, d = '00') => (s ?? d).padStart(2, '0');
  return `${m[3]}-${p(m[2])}-${p(m[1])} ${p(m[4])}:${p(m[5])}`;
}

/** `1.204` or `1,204,567` written for a count: the digits alone, or null. */
export function thousandsSeparated(raw: string | undefined): string | null {
  const m = raw && /^\s*(\d{1,3}(?:([.,])\d{3})(?:\2\d{3})*)\s*$/.exec(raw);
  return m ? m[1].replace(/[.,]/g, '') : null;
}

/** Column (1-based) where the value of a `key: value` line starts. */
export function valueColumn(line: string): number | undefined {
  const m = /^(\s*-?\s*["']?[^:]*?["']?\s*:\s*)\S/.exec(line);
  return m ? m[1].length + 1 : undefined;
}
