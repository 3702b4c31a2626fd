// `bantin.yaml`: every key checked, with defaults, and problems at the line of each mistake.
import { isUtf8 } from 'node:buffer';
import { existsSync } from 'node:fs';
import { readRegularFile, UnreadableFile } from '../base/read-file.js';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { isValidTimezone } from '../base/dates.js';
import { checkUrl } from '../base/url-policy.js';
import { RESERVED_SLUGS } from '../base/urls.js';
import { slugify } from '../base/slug.js';
import { closest, lineAt, type ProblemList } from '../base/problems.js';
import type { SiteConfig } from '../base/types.js';
import { entryLine, keyLine, tooLarge } from './yaml-lines.js';
import { DEFAULT_THEME_OPTIONS, isAllowedConfigUrl, readEnglish, readTheme } from './portal-config.js';
import { say } from '../base/messages/index.js';
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
    problems.error(CONFIG_FILE, 'the config file is not valid UTF-8 text', {
      line: text.slice(0, text.indexOf('\uFFFD')).split('\n').length,
      hint: 'save it again with the UTF-8 encoding',
    });
  } else if (text.includes('\0')) {
    problems.error(CONFIG_FILE, 'the config file contains a NUL byte: it looks like a binary file, not text', {
      line: lineAt(text, text.indexOf('\0')), hint: 'save it as plain UTF-8 text',
    });
  } else if (text) {
    try {
      const parsed = yaml.load(text, { schema: yaml.CORE_SCHEMA, filename: CONFIG_FILE });
      if (parsed !== null && parsed !== undefined) {
        if (typeof parsed !== 'object' || Array.isArray(parsed)) {
          problems.error(CONFIG_FILE, 'the config must be a mapping of `key: value` lines', { line: 1, hint: 'write one `key: value` per line, like `title: Cổng thông tin huyện Sông Lam`' });
        } else if (tooLarge(parsed)) {
          problems.error(CONFIG_FILE, 'the config is far too large once its YAML aliases (`*name`) are expanded', { line: 1, hint: 'write the values out instead of repeating `&anchor` / `*alias` references' });
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
  const bad = (key: string, what: string, hint?: string) =>
    problems.error(CONFIG_FILE, `\`${key}\` must be ${what}`, { line: keyLine(source, key.split('.').pop()!) ?? keyLine(source, key.split('.')[0]), hint: hint ?? example(key) });

  for (const [key, value] of Object.entries(raw)) {
    if (value === null || value === undefined) continue;
    switch (key) {
      case 'title': case 'unit': case 'description': case 'defaultCategory': case 'defaultAuthor':
        if (typeof value === 'string' && (value.trim() || key === 'unit' || key === 'description' || key === 'defaultAuthor')) config[key] = value.trim();
        else bad(key, key === 'unit' || key === 'description' || key === 'defaultAuthor' ? 'text' : 'a non-empty text');
        if (key === 'defaultCategory' && typeof value === 'string' && value.trim()) checkCategory(key, config.defaultCategory, keyLine(source, key));
        break;
      case 'locale':
        // The name becomes a file name (templates/locales/<name>.yaml): no paths.
        if (typeof value === 'string' && /^[A-Za-z0-9_-]+$/.test(value.trim())) config.locale = value.trim();
        else bad(key, 'the name of a strings file, like `vi` or `en`');
        break;
      case 'logo': {
        const v = typeof value === 'string' ? checkUrl(value, 'image') : null;
        if (v?.ok && v.scheme === null && !/(^|[\\/])\.\.([\\/]|$)|^[\\/]/.test(v.url)) config.logo = v.url;
        else bad(key, 'a path to an image inside content/, like files/logo.png');
        break;
      }
      case 'baseUrl': {
        const url = parseBaseUrl(value);
        if (url) [config.baseUrl, config.basePath] = [url.href, url.pathname];
        else bad(key, 'an absolute http(s) URL such as https://example.gov.vn/ or https://example.gov.vn/huyen/');
        break;
      }
      case 'timezone':
        if (typeof value === 'string' && isValidTimezone(value)) config.timezone = value;
        else bad(key, 'an IANA timezone name', 'for Vietnam use Asia/Ho_Chi_Minh');
        break;
      case 'pageSize': case 'relatedCount':
        if (Number.isInteger(value) && (value as number) >= (key === 'pageSize' ? 1 : 0) && (value as number) <= 1000) config[key] = value as number;
        else bad(key, `a whole number from ${key === 'pageSize' ? 1 : 0} to 1000`);
        break;
      case 'visits':
        if (Number.isInteger(value) && (value as number) >= 0) config.visits = value as number;
        else bad(key, 'a whole number ≥ 0');
        break;
      case 'relatedScope':
        if (value === 'category' || value === 'site') config.relatedScope = value;
        else bad(key, '`category` or `site`');
        break;
      case 'categories':
        if (Array.isArray(value) && value.every((v) => typeof v === 'string' && v.trim())) {
          config.categories = value.map((v) => v.trim());
          config.categories.forEach((name, i) => checkCategory(key, name, entryLine(source, key, i)));
        } else bad(key, 'a list of category names, like [Tin tức, Thông báo]');
        break;
      case 'links': case 'menu':
        if (Array.isArray(value) && value.every(isLink)) config[key] = value.map((v, i) => ({ title: v.title.trim(), url: linkUrl(key, v.url, i) }));
        else bad(key, 'a list of entries with `title` and `url` (an http(s), mailto: or tel: link, or a path on the site)', 'each entry: `- title: Cổng Dịch vụ công quốc gia` then `  url: https://dichvucong.gov.vn/`');
        break;
      case 'footer': case 'colors':
        if (isStringMap(value) && (key === 'footer' || Object.values(value).every((c) => CSS_COLOR.test(c.trim())))) config[key] = value;
        else bad(key, key === 'footer' ? 'a mapping of names to texts' : 'a mapping of names to CSS colours, like `primary: "#0a4f8c"`');
        break;
      case 'sidebar':
        if (Array.isArray(value) && value.every((v) => SIDEBAR_BLOCKS.includes(v))) config.sidebar = value;
        else bad(key, `a list drawn from ${SIDEBAR_BLOCKS.join(', ')}`);
        break;
      case 'markdown': case 'feeds':
        readFlags(key, value);
        break;
      case 'theme':
        config.theme = readTheme(value, (k, what, hint) => bad(k, what, hint), unknownKey);
        break;
      case 'english':
        config.english = readEnglish(value, (k, what, hint) => bad(k, what, hint), unknownKey);
        break;
      case 'admin':
        config.admin = readAdmin(value, source, problems, CONFIG_FILE);
        break;
      case 'extra':
        if (value && typeof value === 'object' && !Array.isArray(value)) config.extra = value as Record<string, unknown>;
        else bad(key, 'a mapping');
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
    if (!slug) problems.error(CONFIG_FILE, `the category "${name}" in \`${key}\` has no letters or digits to make a URL from`, { line, hint: 'name the category with words, like `Thông báo`' });
    else if (RESERVED_SLUGS.has(slug)) {
      problems.error(CONFIG_FILE, `the category "${name}" in \`${key}\` would take the URL /${slug}/, which bantin uses itself`, {
        line, hint: `choose another name, like "${name} chung" (bantin keeps ${[...RESERVED_SLUGS].map((s) => `/${s}/`).join(', ')} for itself)`,
      });
    }
  }

  /** A menu or links URL through the URL policy; a path comes back without a leading `/` (templates add the base path). */
  function linkUrl(key: string, raw: string, i: number): string {
    const v = checkUrl(raw, 'link');
    if (!v.ok) {
      problems.error(CONFIG_FILE, `the \`url\` of entry ${i + 1} in \`${key}\` ${v.message}`, { line: entryLine(source, key, i, 'url'), hint: v.hint });
      return '';
    }
    // `:` in a path would make templates take it for a scheme (`item.url if ':' in item.url`).
    return v.scheme ? v.url : v.url.replace(/^\/+/, '').replace(/:/g, '%3A');
  }

  function unknownKey(key: string, guess: string | null): void {
    problems.warn(CONFIG_FILE, `unknown config key \`${key}\` is ignored`, { ...at(key.split('.').pop()!), hint: guess ? `did you mean \`${guess}\`?` : undefined });
  }

  function readFlags(key: 'markdown' | 'feeds', value: unknown): void {
    if (!value || typeof value !== 'object' || Array.isArray(value)) return bad(key, 'a mapping');
    const target = config[key] as unknown as Record<string, unknown>;
    for (const [k, v] of Object.entries(value)) {
      if (!(k in target)) {
        const guess = closest(k, Object.keys(target));
        problems.warn(CONFIG_FILE, `unknown config key \`${key}.${k}\` is ignored`, { ...at(k), hint: guess ? `did you mean \`${guess}\`?` : undefined });
      } else if (typeof target[k] === 'boolean' ? typeof v === 'boolean' : Number.isInteger(v) && (v as number) >= 1) {
        target[k] = v;
      } else bad(`${key}.${k}`, typeof target[k] === 'boolean' ? '`true` or `false`' : 'a whole number ≥ 1');
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

/** What a right value looks like, for the hint of a key that has a wrong one. */
const EXAMPLES: Record<string, string> = {
  title: '`title: Cổng thông tin điện tử huyện Sông Lam`', unit: '`unit: Ủy ban nhân dân huyện Sông Lam`',
  description: '`description: "Một câu giới thiệu."`', defaultCategory: '`defaultCategory: Tin tức`',
  defaultAuthor: '`defaultAuthor: Văn phòng HĐND và UBND huyện`', locale: '`locale: vi`',
  logo: '`logo: files/logo.png`', pageSize: '`pageSize: 20`', relatedCount: '`relatedCount: 10`', visits: '`visits: 21262`',
  relatedScope: '`relatedScope: category`', categories: '`categories: [Tin tức, Thông báo]`', sidebar: '`sidebar: [date, links, visits]`',
  markdown: '`markdown:` then indented lines like `  html: false`', feeds: '`feeds:` then indented lines like `  limit: 50`',
  footer: '`footer:` then indented lines like `  phone: "0238 3812 345"`', colors: '`colors:` then indented lines like `  primary: "#0a4f8c"`',
  extra: '`extra:` then indented `key: value` lines', 'feeds.limit': '`  limit: 50`', 'feeds.fullContent': '`  fullContent: false`',
};

function example(key: string): string {
  const line = EXAMPLES[key] ?? (key.startsWith('markdown.') ? `\`  ${key.slice(9)}: true\` or \`false\`` : null);
  return line ? `write it like ${line}` : 'see the list of config keys in the README';
}

function isStringMap(v: unknown): v is Record<string, string> {
  return !!v && typeof v === 'object' && !Array.isArray(v) && Object.values(v).every((x) => typeof x === 'string');
}
