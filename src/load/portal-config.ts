// The state-portal parts of `bantin.yaml`: `theme:` (the features the portal rules ask for, each one
// a switch) and `english:` (the English page), plus the one check every config link goes through.
import { closest } from '../base/problems.js';
import { checkUrl } from '../base/url-policy.js';
import type { EnglishPage, ThemeOptions } from '../base/types.js';
import { CONFIG_WANTS, PORTAL_WANTS as W } from '../base/messages/config.js';

type Pair = { vi: string; en: string };

export const DEFAULT_THEME_OPTIONS: Readonly<ThemeOptions> = {
  dublinCore: true, print: true, save: true, siteMap: true, accessKeys: true, feedPage: true, byline: 'portal',
};

/** A problem found in one of these keys: the dotted key, what it must be, and an example line. */
export type Complaint = (key: string, what: Pair, hint: Pair) => void;
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
    bad('theme', W.theme, W.themeHint);
    return theme;
  }
  for (const [key, v] of Object.entries(value)) {
    if (key === 'byline') {
      if (v === 'portal' || v === 'label') theme.byline = v;
      else bad('theme.byline', W.byline, W.bylineHint);
    } else if (key in theme) {
      if (typeof v === 'boolean') (theme as unknown as Record<string, boolean>)[key] = v;
      else bad(`theme.${key}`, CONFIG_WANTS.boolean, W.switchHint(key));
    } else unknown(`theme.${key}`, closest(key, Object.keys(theme)));
  }
  return theme;
}

export function readEnglish(value: unknown, bad: Complaint, unknown: Unknown): EnglishPage | null {
  if (!isMap(value)) {
    bad('english', W.english, W.englishHint);
    return null;
  }
  const page: EnglishPage = { organisation: '', functions: [], leaders: [], contacts: {} };
  for (const [key, v] of Object.entries(value)) {
    switch (key) {
      case 'organisation':
        if (typeof v === 'string' && v.trim()) page.organisation = v.trim();
        else bad('english.organisation', CONFIG_WANTS.nonEmptyText, W.organisationHint);
        break;
      case 'functions':
        if (typeof v === 'string' && v.trim()) page.functions = v.trim().split(/\n\s*\n/).map((p) => p.trim());
        else if (Array.isArray(v) && v.every((p) => typeof p === 'string' && p.trim())) page.functions = v.map((p: string) => p.trim());
        else bad('english.functions', W.functions, W.functionsHint);
        break;
      case 'leaders':
        if (Array.isArray(v) && v.every((l) => isMap(l) && isText(l.name) && isText(l.position))) {
          page.leaders = v.map((l: { name: string; position: string }) => ({ name: l.name.trim(), position: l.position.trim() }));
        } else bad('english.leaders', W.leaders, W.leadersHint);
        break;
      case 'contacts':
        readContacts(v, page, bad, unknown);
        break;
      default:
        unknown(`english.${key}`, closest(key, ['organisation', 'functions', 'leaders', 'contacts']));
    }
  }
  if (!page.organisation) {
    bad('english', W.englishOrganisation, W.englishHint);
    return null;
  }
  return page;
}

const CONTACT_KEYS = ['address', 'phone', 'email', 'website'] as const;

function readContacts(value: unknown, page: EnglishPage, bad: Complaint, unknown: Unknown): void {
  if (!isMap(value)) return bad('english.contacts', W.contacts, W.contactsHint);
  for (const [key, v] of Object.entries(value)) {
    if (!(CONTACT_KEYS as readonly string[]).includes(key)) {
      unknown(`english.contacts.${key}`, closest(key, [...CONTACT_KEYS]));
      continue;
    }
    if (!isText(v)) bad(`english.contacts.${key}`, CONFIG_WANTS.text, W.contactHint(key));
    else if (key === 'website' && !(/^https?:\/\//i.test(v.trim()) && isAllowedConfigUrl(v))) {
      bad('english.contacts.website', W.website, W.websiteHint);
    } else page.contacts[key as (typeof CONTACT_KEYS)[number]] = v.trim();
  }
}

function isMap(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

function isText(v: unknown): v is string {
  return typeof v === 'string' && !!v.trim();
}
