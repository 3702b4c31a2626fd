// The theme's strings (templates/locales/<locale>.yaml), a site's own overriding the default theme's.
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import yaml from 'js-yaml';
import type { ProblemList } from '../base/problems.js';

export const LOCALES_DIR = 'locales';

/** The UI strings of one locale: nested mappings of texts (and lists, for month names). */
export type Strings = Record<string, any>;

/**
 * Reads `locales/<locale>.yaml` from the site's templates folder, else from the default theme.
 * The site file is merged over the default one, so a site can change a few strings only.
 */
export function loadStrings(templateDirs: string[], locale: string, problems: ProblemList, root = ''): Strings {
  const found = templateDirs.map((d) => join(d, LOCALES_DIR, `${locale}.yaml`)).filter((p) => existsSync(p));
  if (found.length === 0) {
    problems.error('bantin.yaml', `there is no translations file for locale "${locale}"`, {
      hint: `use locale: vi or locale: en, or add templates/${LOCALES_DIR}/${locale}.yaml`,
    });
    return {};
  }
  let strings: Strings = {};
  for (const file of found.reverse()) {
    try {
      strings = merge(strings, (yaml.load(readFileSync(file, 'utf8'), { schema: yaml.CORE_SCHEMA }) ?? {}) as Strings);
    } catch (err) {
      const e = err as yaml.YAMLException;
      const shown = root && file.startsWith(root + sep) ? relative(root, file).split(sep).join('/') : `templates/${LOCALES_DIR}/${locale}.yaml (default theme)`;
      problems.error(shown, `cannot read this translations file: ${e.reason}`, {
        line: e.mark ? e.mark.line + 1 : undefined,
        column: e.mark ? e.mark.column + 1 : undefined,
        hint: 'check that line: YAML uses spaces (not tabs) to indent, and texts with `: ` or `#` need double quotes',
      });
    }
  }
  return strings;
}

function merge(base: Strings, over: Strings): Strings {
  const out: Strings = { ...base };
  for (const [k, v] of Object.entries(over)) {
    out[k] = v && typeof v === 'object' && !Array.isArray(v) && typeof base[k] === 'object' ? merge(base[k], v) : v;
  }
  return out;
}

/** `"Trang {n}"` with `{ n: 2 }` → `"Trang 2"`. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, key) => (key in values ? String(values[key]) : m));
}
