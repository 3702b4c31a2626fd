// The state-portal parts of `bantin.yaml`: `theme:` (the features the portal rules ask for, each one
// a switch) and `english:` (the English page), plus the one check every config link goes through.
import { closest } from '../base/problems.js';
import { checkUrl } from '../base/url-policy.js';
import type { EnglishPage, ThemeOptions } from '../base/types.js';

export const DEFAULT_THEME_OPTIONS: Readonly<ThemeOptions> = {
  dublinCore: true, print: true, save: true, siteMap: true, accessKeys: true, feedPage: true, byline: 'portal',
};

/** A problem found in one of these keys: the dotted key, what it must be, and an example line. */
export type Complaint = (key: string, what: string, hint: string) => void;
export type Unknown = (key: string, guess: string | null) => void;

/**
 * Whether a config URL may be put in a page: a site-relative path or a web, mail or phone link,
 * never `javascript:` and the like. Every URL from `bantin.yaml` is checked here, so the site-wide
 * URL policy can take its place in one spot.
 */
export function isAllowedConfigUrl(url: string): boolean {
  return checkUrl(url, 'link').ok;
}

export function readTheme(value: unknown, bad: Complaint, unknown: Unknown): ThemeOptions {
  const theme = { ...DEFAULT_THEME_OPTIONS };
  if (!isMap(value)) {
    bad('theme', 'a mapping of the theme\'s features to `true` or `false`', 'write `theme:` then indented lines like `  save: false`');
    return theme;
  }
  for (const [key, v] of Object.entries(value)) {
    if (key === 'byline') {
      if (v === 'portal' || v === 'label') theme.byline = v;
      else bad('theme.byline', '`portal` (the author once, in capitals) or `label` ("Tác giả: …")', 'write it like `  byline: portal`');
    } else if (key in theme) {
      if (typeof v === 'boolean') (theme as unknown as Record<string, boolean>)[key] = v;
      else bad(`theme.${key}`, '`true` or `false`', `write it like \`  ${key}: false\``);
    } else unknown(`theme.${key}`, closest(key, Object.keys(theme)));
  }
  return theme;
}

const ENGLISH_HINT = 'write `english:` then indented `organisation:`, `functions:`, `leaders:` (a list of `name:` and `position:`) and `contacts:`';

export function readEnglish(value: unknown, bad: Complaint, unknown: Unknown): EnglishPage | null {
  if (!isMap(value)) {
    bad('english', 'a mapping', ENGLISH_HINT);
    return null;
  }
  const page: EnglishPage = { organisation: '', functions: [], leaders: [], contacts: {} };
  for (const [key, v] of Object.entries(value)) {
    switch (key) {
      case 'organisation':
        if (typeof v === 'string' && v.trim()) page.organisation = v.trim();
        else bad('english.organisation', 'a non-empty text', 'write it like `  organisation: People\'s Committee of Song Lam District`');
        break;
      case 'functions':
        if (typeof v === 'string' && v.trim()) page.functions = v.trim().split(/\n\s*\n/).map((p) => p.trim());
        else if (Array.isArray(v) && v.every((p) => typeof p === 'string' && p.trim())) page.functions = v.map((p: string) => p.trim());
        else bad('english.functions', 'a text or a list of paragraphs', 'write `  functions:` then indented lines like `    - The People\'s Committee …`');
        break;
      case 'leaders':
        if (Array.isArray(v) && v.every((l) => isMap(l) && isText(l.name) && isText(l.position))) {
          page.leaders = v.map((l: { name: string; position: string }) => ({ name: l.name.trim(), position: l.position.trim() }));
        } else bad('english.leaders', 'a list of entries with `name` and `position`', 'each entry: `    - name: Le Hoang Son` then `      position: Chairman`');
        break;
      case 'contacts':
        readContacts(v, page, bad, unknown);
        break;
      default:
        unknown(`english.${key}`, closest(key, ['organisation', 'functions', 'leaders', 'contacts']));
    }
  }
  if (!page.organisation) {
    bad('english', 'a mapping with at least `organisation:`', ENGLISH_HINT);
    return null;
  }
  return page;
}

const CONTACT_KEYS = ['address', 'phone', 'email', 'website'] as const;

function readContacts(value: unknown, page: EnglishPage, bad: Complaint, unknown: Unknown): void {
  if (!isMap(value)) return bad('english.contacts', 'a mapping of `address`, `phone`, `email`, `website` to texts', 'write `  contacts:` then indented lines like `    phone: "+84 200 3812 456"`');
  for (const [key, v] of Object.entries(value)) {
    if (!(CONTACT_KEYS as readonly string[]).includes(key)) {
      unknown(`english.contacts.${key}`, closest(key, [...CONTACT_KEYS]));
      continue;
    }
    if (!isText(v)) bad(`english.contacts.${key}`, 'a text', `write it like \`    ${key}: …\``);
    else if (key === 'website' && !(/^https?:\/\//i.test(v.trim()) && isAllowedConfigUrl(v))) {
      bad('english.contacts.website', 'an http(s) address', 'write it like `    website: https://songlam.hagiangnam.gov.vn/`');
    } else page.contacts[key as (typeof CONTACT_KEYS)[number]] = v.trim();
  }
}

function isMap(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

function isText(v: unknown): v is string {
  return typeof v === 'string' && !!v.trim();
}
