// `bantin.yaml`: every key checked, with defaults, and problems at the line of each mistake.
import { isUtf8 } from 'node:buffer';
import { existsSync } from 'node:fs';
import { readRegularFile, UnreadableFile } from '../base/read-file.js';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { isValidTimezone } from '../base/dates.js';
import { checkUrl, verdictParams } from '../base/url-policy.js';
import { RESERVED_SLUGS } from '../base/urls.js';
import { slugify } from '../base/slug.js';
import { closest, lineAt, type ProblemList } from '../base/problems.js';
import type { SiteConfig } from '../base/types.js';
import { entryLine, keyLine, tooLarge } from './yaml-lines.js';
import { DEFAULT_THEME_OPTIONS, isAllowedConfigUrl, readEnglish, readTheme } from './portal-config.js';
import { say } from '../base/messages/index.js';
import { CONFIG_HINTS, CONFIG_WANTS as WANT, configExample } from '../base/messages/config.js';
import { mergeConfig } from './config-merge.js';
import { readAdmin } from './admin-config.js';

export const CONFIG_FILE = 'bantin.yaml';

export const DEFAULT_CONFIG: Readonly<SiteConfig> = {
  title: 'Bản tin',
  unit: '',
  description: '',
  baseUrl: 'http://localhost:8080/',
  basePath: '/',
  timezone: 'Asia/Ho_Chi_Minh',
  locale: 'vi',
  pageSize: 20,
  relatedCount: 10,
  relatedScope: 'category',
  defaultCategory: 'Tin tức',
  defaultAuthor: '',
  categories: [],
  links: [],
  menu: [],
  visits: null,
  logo: null,
  footer: {},
  colors: {},
  sidebar: ['date', 'links', 'visits'],
  markdown: { html: false, linkify: true, typographer: false },
  feeds: { limit: 50, fullContent: false },
  theme: DEFAULT_THEME_OPTIONS,
  english: null,
  admin: null,
  extra: {},
};

const SIDEBAR_BLOCKS = ['date', 'links', 'links-select', 'visits', 'search'];
/** Keys a site may set under `extra:` or anywhere else without a warning. */
const KNOWN_KEYS = Object.keys(DEFAULT_CONFIG).filter((k) => k !== 'basePath' && k !== 'extra');

/**
 * Reads `bantin.yaml` (optional) and checks every key; problems go to the list. `defaults`: a
 * workspace's shared keys, under the site's own (see config-merge.ts).
 */
export function loadConfig(root: string, problems: ProblemList, overrides: { baseUrl?: string; defaults?: Record<string, unknown> } = {}): SiteConfig {
  const path = join(root, CONFIG_FILE);
  let raw: Record<string, unknown> = {};
  let bytes: Buffer = Buffer.alloc(0);
  try {
    if (existsSync(path)) bytes = readRegularFile(path);
  } catch (err) {
    if (!(err instanceof UnreadableFile)) throw err;
    problems.error(CONFIG_FILE, err.message, { hint: err.hint });
  }
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  if (!isUtf8(bytes)) {
    problems.error(CONFIG_FILE, ...say('config-encoding', {}, { line: text.slice(0, text.indexOf('\uFFFD')).split('\n').length }));
  } else if (text.includes('\0')) {
    problems.error(CONFIG_FILE, ...say('config-binary', {}, { line: lineAt(text, text.indexOf('\0')) }));
  } else if (text) {
    try {
      const parsed = yaml.load(text, { schema: yaml.CORE_SCHEMA, filename: CONFIG_FILE });
      if (parsed !== null && parsed !== undefined) {
        if (typeof parsed !== 'object' || Array.isArray(parsed)) {
          problems.error(CONFIG_FILE, ...say('config-not-mapping', {}, { line: 1 }));
        } else if (tooLarge(parsed)) {
          problems.error(CONFIG_FILE, ...say('config-aliases', {}, { line: 1 }));
        } else raw = parsed as Record<string, unknown>;
      }
    } catch (err) {
      const e = err as yaml.YAMLException;
      const code = /\t/.test(text) ? 'config-yaml-tab' : e.reason?.includes('duplicated') ? 'config-yaml-duplicate' : 'config-yaml-syntax';
      problems.error(CONFIG_FILE, ...say(code, { reason: e.reason }, {
        line: e.mark ? e.mark.line + 1 : undefined,
        column: e.mark ? e.mark.column + 1 : undefined,
      }));
    }
  }
  if (overrides.defaults) raw = mergeConfig(overrides.defaults, raw);
  if (overrides.baseUrl !== undefined) raw.baseUrl = overrides.baseUrl;
  return validateConfig(raw, text, problems);
}

function validateConfig(raw: Record<string, unknown>, source: string, problems: ProblemList): SiteConfig {
  const config: SiteConfig = structuredClone(DEFAULT_CONFIG) as SiteConfig;
  const at = (key: string) => ({ line: keyLine(source, key) });
  const lineOf = (key: string) => keyLine(source, key.split('.').pop()!) ?? keyLine(source, key.split('.')[0]);
  /** A key with a wrong value: what it expects (CONFIG_WANTS), and a hint, by default an example of a right value. */
  const bad = (key: string, what: { vi: string; en: string }, hint = configExample(key)) =>
    problems.error(CONFIG_FILE, ...say('config-bad-value', { key, whatVi: what.vi, whatEn: what.en, hintVi: hint.vi, hintEn: hint.en }, { line: lineOf(key) }));

  for (const [key, value] of Object.entries(raw)) {
    if (value === null || value === undefined) continue;
    switch (key) {
      case 'title': case 'unit': case 'description': case 'defaultCategory': case 'defaultAuthor':
        if (typeof value === 'string' && (value.trim() || key === 'unit' || key === 'description' || key === 'defaultAuthor')) config[key] = value.trim();
        else bad(key, key === 'unit' || key === 'description' || key === 'defaultAuthor' ? WANT.text : WANT.nonEmptyText);
        if (key === 'defaultCategory' && typeof value === 'string' && value.trim()) checkCategory(key, config.defaultCategory, keyLine(source, key));
        break;
      case 'locale':
        // The name becomes a file name (templates/locales/<name>.yaml): no paths.
        if (typeof value === 'string' && /^[A-Za-z0-9_-]+$/.test(value.trim())) config.locale = value.trim();
        else bad(key, WANT.locale);
        break;
      case 'logo': {
        const v = typeof value === 'string' ? checkUrl(value, 'image') : null;
        if (v?.ok && v.scheme === null && !/(^|[\\/])\.\.([\\/]|$)|^[\\/]/.test(v.url)) config.logo = v.url;
        else bad(key, WANT.logo);
        break;
      }
      case 'baseUrl': {
        const url = parseBaseUrl(value);
        if (url) [config.baseUrl, config.basePath] = [url.href, url.pathname];
        else bad(key, WANT.baseUrl);
        break;
      }
      case 'timezone':
        if (typeof value === 'string' && isValidTimezone(value)) config.timezone = value;
        else bad(key, WANT.timezone, CONFIG_HINTS.timezone);
        break;
      case 'pageSize': case 'relatedCount':
        if (Number.isInteger(value) && (value as number) >= (key === 'pageSize' ? 1 : 0) && (value as number) <= 1000) config[key] = value as number;
        else bad(key, WANT.wholeFrom(key === 'pageSize' ? 1 : 0));
        break;
      case 'visits':
        if (Number.isInteger(value) && (value as number) >= 0) config.visits = value as number;
        else bad(key, WANT.wholeAtLeast(0));
        break;
      case 'relatedScope':
        if (value === 'category' || value === 'site') config.relatedScope = value;
        else bad(key, WANT.relatedScope);
        break;
      case 'categories':
        if (Array.isArray(value) && value.every((v) => typeof v === 'string' && v.trim())) {
          config.categories = value.map((v) => v.trim());
          config.categories.forEach((name, i) => checkCategory(key, name, entryLine(source, key, i)));
        } else bad(key, WANT.categories);
        break;
      case 'links': case 'menu':
        if (Array.isArray(value) && value.every(isLink)) config[key] = value.map((v, i) => ({ title: v.title.trim(), url: linkUrl(key, v.url, i) }));
        else bad(key, WANT.links, CONFIG_HINTS.links);
        break;
      case 'footer': case 'colors':
        if (isStringMap(value) && (key === 'footer' || Object.values(value).every((c) => CSS_COLOR.test(c.trim())))) config[key] = value;
        else bad(key, key === 'footer' ? WANT.footer : WANT.colors);
        break;
      case 'sidebar':
        if (Array.isArray(value) && value.every((v) => SIDEBAR_BLOCKS.includes(v))) config.sidebar = value;
        else bad(key, WANT.sidebar(SIDEBAR_BLOCKS.join(', ')));
        break;
      case 'markdown': case 'feeds':
        readFlags(key, value);
        break;
      case 'theme':
        config.theme = readTheme(value, bad, unknownKey);
        break;
      case 'english':
        config.english = readEnglish(value, bad, unknownKey);
        break;
      case 'admin':
        config.admin = readAdmin(value, source, problems, CONFIG_FILE);
        break;
      case 'extra':
        if (value && typeof value === 'object' && !Array.isArray(value)) config.extra = value as Record<string, unknown>;
        else bad(key, WANT.mapping);
        break;
      default: {
        const guess = closest(key, KNOWN_KEYS);
        problems.warn(CONFIG_FILE, ...say(guess ? 'config-unknown-key' : 'config-unknown-key-extra', { key, guess: guess ?? '' }, at(key)));
      }
    }
  }
  return config;

  /** A category name must make a URL, and not one bantin uses itself (`/tag/`, `/trang/`, …). */
  function checkCategory(key: string, name: string, line: number | undefined): void {
    const slug = slugify(name);
    if (!slug) problems.error(CONFIG_FILE, ...say('config-category-no-slug', { name, key }, { line }));
    else if (RESERVED_SLUGS.has(slug)) {
      problems.error(CONFIG_FILE, ...say('config-category-reserved', { name, key, slug, reserved: [...RESERVED_SLUGS].map((s) => `/${s}/`).join(', ') }, { line }));
    }
  }

  /** A menu or links URL through the URL policy; a path comes back without a leading `/` (templates add the base path). */
  function linkUrl(key: string, raw: string, i: number): string {
    const v = checkUrl(raw, 'link');
    if (!v.ok) {
      problems.error(CONFIG_FILE, ...say('config-link-refused', { n: i + 1, key, ...verdictParams(v) }, { line: entryLine(source, key, i, 'url') }));
      return '';
    }
    // `:` in a path would make templates take it for a scheme (`item.url if ':' in item.url`).
    return v.scheme ? v.url : v.url.replace(/^\/+/, '').replace(/:/g, '%3A');
  }

  function unknownKey(key: string, guess: string | null): void {
    problems.warn(CONFIG_FILE, ...say(guess ? 'config-unknown-subkey' : 'config-unknown-subkey-no-guess', { key, guess: guess ?? '' }, at(key.split('.').pop()!)));
  }

  function readFlags(key: 'markdown' | 'feeds', value: unknown): void {
    if (!value || typeof value !== 'object' || Array.isArray(value)) return bad(key, WANT.mapping);
    const target = config[key] as unknown as Record<string, unknown>;
    for (const [k, v] of Object.entries(value)) {
      if (!(k in target)) {
        const guess = closest(k, Object.keys(target));
        problems.warn(CONFIG_FILE, ...say(guess ? 'config-unknown-subkey' : 'config-unknown-subkey-no-guess', { key: `${key}.${k}`, guess: guess ?? '' }, at(k)));
      } else if (typeof target[k] === 'boolean' ? typeof v === 'boolean' : Number.isInteger(v) && (v as number) >= 1) {
        target[k] = v;
      } else bad(`${key}.${k}`, typeof target[k] === 'boolean' ? WANT.boolean : WANT.wholeAtLeast(1));
    }
  }
}

function parseBaseUrl(value: unknown): URL | null {
  if (typeof value !== 'string') return null;
  try {
    const url = new URL(value.trim());
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    if (!url.pathname.endsWith('/')) url.pathname += '/';
    url.search = '';
    url.hash = '';
    return url;
  } catch {
    return null;
  }
}

function isLink(v: unknown): v is { title: string; url: string } {
  const o = v as Record<string, unknown>;
  return !!o && typeof o === 'object' && typeof o.title === 'string' && typeof o.url === 'string' && !!o.title.trim();
}

/** `#0a4f8c`, `teal`, `rgb(10 79 140)`, `hsl(…)`: nothing that could close the CSS rule it goes into. */
const CSS_COLOR = /^(#[0-9a-f]{3,8}|[a-z]+|(rgb|hsl)a?\([0-9.,%\s/]+\))$/i;

function isStringMap(v: unknown): v is Record<string, string> {
  return !!v && typeof v === 'object' && !Array.isArray(v) && Object.values(v).every((x) => typeof x === 'string');
}
