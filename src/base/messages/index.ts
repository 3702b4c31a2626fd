// The message catalogue: every text a person reads, by stable code, in Vietnamese and English, and
// the choice of language (--lang, BANTIN_LANG, the site's locale).
import { LOAD_MESSAGES } from './load.js';
import { CLI_MESSAGES } from './cli.js';
import { SERVE_MESSAGES } from './serve.js';
import { CHECK_MESSAGES } from './check.js';
import { WORKSPACE_MESSAGES } from './workspace.js';
import { ADMIN_MESSAGES } from './admin.js';
import { VIEWS_MESSAGES } from './views.js';
import { DRAFT_MESSAGES } from './drafts.js';
import { FIELD_MESSAGES } from './fields.js';
import { SYSTEM_MESSAGES } from './system.js';
import { SITE_MESSAGES } from './site.js';
import { FILE_MESSAGES } from './files.js';
import { URL_MESSAGES } from './urls.js';
import { CONFIG_MESSAGES } from './config.js';
import type { Entry } from './entry.js';

export type { Entry };

export type Lang = 'vi' | 'en';
export type Params = Record<string, string | number>;

/** Every catalogue part; a code may appear in one part only (a test checks). */
export const CATALOGUE_PARTS: Record<string, Record<string, Entry>> = { load: LOAD_MESSAGES, cli: CLI_MESSAGES, serve: SERVE_MESSAGES, check: CHECK_MESSAGES, workspace: WORKSPACE_MESSAGES, admin: ADMIN_MESSAGES, views: VIEWS_MESSAGES, drafts: DRAFT_MESSAGES, fields: FIELD_MESSAGES, system: SYSTEM_MESSAGES, site: SITE_MESSAGES, files: FILE_MESSAGES, urls: URL_MESSAGES, config: CONFIG_MESSAGES };
export const CATALOGUE: Record<string, Entry> = Object.assign({}, ...Object.values(CATALOGUE_PARTS));

/** `{name}` in a text replaced by the parameter of that name (`{nameVi}`/`{nameEn}`: worded per language). */
function fill(text: string, params: Params): string {
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/** The text of a message in a language. */
export function text(code: string, params: Params = {}, lang: Lang = 'en'): string {
  const entry = CATALOGUE[code];
  if (!entry) throw new Error(`no message "${code}" in the catalogue`);
  return fill(entry[lang], params);
}

/** The hint of a message in a language, if it has one. */
export function hintText(code: string, params: Params = {}, lang: Lang = 'en'): string | undefined {
  const hint = CATALOGUE[code]?.hint;
  return hint ? fill(hint[lang], params) : undefined;
}

/**
 * A problem's message and the rest of its fields, from the catalogue, to spread into
 * `problems.error(file, ...say(code, params, { line }))`. The English text is kept as `message`
 * (sorting and old readers); formatProblem shows the text in the reader's language from the code.
 */
export function say(code: string, params: Params = {}, extra: Record<string, unknown> = {}): [string, { code: string; params: Params; hint?: string }] {
  return [text(code, params), { code, params, hint: hintText(code, params), ...extra }];
}

/** `say` as the fields of a Problem literal: `{ severity, file, ...problemText(code, params) }`. */
export function problemText(code: string, params: Params = {}): { message: string; code: string; params: Params; hint?: string } {
  const [message, extra] = say(code, params);
  return { message, ...extra };
}

/** --lang, then BANTIN_LANG, then the site's locale: Vietnamese for `vi`, English otherwise. */
export function chooseLang(flag: string | undefined, env: string | undefined, siteLocale: string | undefined): Lang {
  for (const v of [flag, env]) if (v === 'vi' || v === 'en') return v;
  return (siteLocale ?? 'vi') === 'vi' ? 'vi' : 'en';
}

export function isLang(v: unknown): v is Lang {
  return v === 'vi' || v === 'en';
}

/** An error whose text comes from the catalogue: its message is the English, `code` and `params` let the catcher say it in the reader's language. */
export class MessageError extends Error {
  constructor(readonly code: string, readonly params: Params = {}) {
    super(text(code, params));
  }
}
