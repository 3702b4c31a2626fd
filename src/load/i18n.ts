// The theme's strings (templates/locales/<locale>.yaml), a site's own overriding the default theme's.
import { existsSync } from 'node:fs';
import { readRegularFile, UnreadableFile } from '../base/read-file.js';
import { tooLarge } from './yaml-lines.js';
import { join, relative, sep } from 'node:path';
import yaml from 'js-yaml';
import type { ProblemList } from '../base/problems.js';
import { say } from '../base/messages/index.js';

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
    problems.error('bantin.yaml', ...say('locale-missing', { locale, dir: LOCALES_DIR }));
    return {};
  }
  let strings: Strings = {};
  for (const file of found.reverse()) {
    const shown = root && file.startsWith(root + sep) ? relative(root, file).split(sep).join('/') : `templates/${LOCALES_DIR}/${locale}.yaml (default theme)`;
    try {
      const value = yaml.load(readRegularFile(file).toString('utf8'), { schema: yaml.CORE_SCHEMA }) ?? {};
      // Aliases cost nothing to load but expand when the strings are hashed: a few lines of `*a`
      // would stand for billions of values.
      if (tooLarge(value)) {
        problems.error(shown, ...say('locale-aliases', {}, { line: 1 }));
        continue;
      }
      strings = merge(strings, value as Strings);
    } catch (err) {
      if (err instanceof UnreadableFile) {
        problems.error(shown, err.message, { hint: err.hint });
        continue;
      }
      const e = err as yaml.YAMLException;
      problems.error(shown, ...say('locale-yaml', { reason: e.reason ?? e.message }, {
        line: e.mark ? e.mark.line + 1 : undefined,
        column: e.mark ? e.mark.column + 1 : undefined,
      }));
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
