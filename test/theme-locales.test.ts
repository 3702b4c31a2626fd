// The theme's words live in locales/vi.yaml and locales/en.yaml only: both files have the same keys,
// every `t.…` a template uses exists, and no UI text is written into the templates themselves.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { build } from '../src/build/build.js';
import { makeSite, PROJECT, readTree } from './helpers.js';

const THEME = join(PROJECT, 'templates');
const load = (name: string) => yaml.load(readFileSync(join(THEME, 'locales', `${name}.yaml`), 'utf8'), { schema: yaml.CORE_SCHEMA }) as Record<string, unknown>;
const vi = load('vi');
const en = load('en');

/** `nav.home`, `dates.months`, … : every leaf of a strings file (a list counts as one leaf). */
function keyPaths(strings: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(strings).flatMap(([k, v]) =>
    v && typeof v === 'object' && !Array.isArray(v) ? keyPaths(v as Record<string, unknown>, `${prefix}${k}.`) : [`${prefix}${k}`]);
}

function templates(): { file: string; text: string }[] {
  return readdirSync(THEME, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.njk'))
    .map((e) => ({ file: relative(THEME, join(e.parentPath, e.name)), text: readFileSync(join(e.parentPath, e.name), 'utf8') }))
    .sort((a, b) => (a.file < b.file ? -1 : 1));
}

const VIETNAMESE = /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i;
/** A template with its Nunjucks tags, outputs and comments blanked out: what is left is literal. */
const literal = (text: string) => text.replace(/\{#[\s\S]*?#\}|\{%[\s\S]*?%\}|\{\{[\s\S]*?\}\}/g, ' ');

describe('the theme strings', () => {
  it('vi.yaml and en.yaml have exactly the same keys', () => {
    const viKeys = keyPaths(vi);
    const enKeys = keyPaths(en);
    expect(viKeys.filter((k) => !enKeys.includes(k)), 'in vi.yaml but not en.yaml').toEqual([]);
    expect(enKeys.filter((k) => !viKeys.includes(k)), 'in en.yaml but not vi.yaml').toEqual([]);
    expect(viKeys.length).toBeGreaterThan(40);
  });

  it('list values (month names) have the same length in both files', () => {
    const lists = keyPaths(vi).filter((k) => Array.isArray(k.split('.').reduce<any>((o, p) => o?.[p], vi)));
    expect(lists).toContain('dates.months');
    for (const k of lists) {
      const get = (s: Record<string, unknown>) => k.split('.').reduce<any>((o, p) => o?.[p], s);
      expect(get(en).length, k).toBe(get(vi).length);
    }
  });

  it('every t.… a template uses is in the strings files', () => {
    // A template may also hand a whole group to a script (`t.search.client | json`).
    const known = new Set(keyPaths(vi).flatMap((k) => k.split('.').map((_, i, parts) => parts.slice(0, i + 1).join('.'))));
    const used = new Map<string, string>();
    for (const { file, text } of templates()) {
      for (const m of text.matchAll(/\bt\.([A-Za-z]+(?:\.[A-Za-z]+)*)/g)) used.set(m[1], file);
    }
    expect(used.size).toBeGreaterThan(30);
    const missing = [...used].filter(([k]) => !known.has(k)).map(([k, file]) => `${file}: t.${k}`);
    expect(missing).toEqual([]);
  });

  it('no Vietnamese text is written into a template outside {{ }} and {% %}', () => {
    const found = templates().flatMap(({ file, text }) =>
      literal(text).split('\n').flatMap((line, i) => (VIETNAMESE.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : [])));
    expect(found).toEqual([]);
  });

  it('no words at all are written between tags or in alt, title, aria-label, placeholder or value', () => {
    const found: string[] = [];
    for (const { file, text } of templates()) {
      // Script and style bodies are code, not UI text.
      const markup = literal(text).replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1>/g, '<$1></$1>');
      for (const m of markup.matchAll(/>([^<]*)</g)) if (/\p{L}{2,}/u.test(m[1])) found.push(`${file}: text "${m[1].trim()}"`);
      for (const m of markup.matchAll(/\b(alt|title|aria-label|placeholder|value)="([^"]*)"/g)) {
        if (/\p{L}{2,}/u.test(m[2])) found.push(`${file}: ${m[1]}="${m[2].trim()}"`);
      }
    }
    expect(found).toEqual([]);
  });

  it('a site with `locale: en` shows no Vietnamese theme string', () => {
    const root = makeSite({
      'bantin.yaml': 'title: Test District\nlocale: en\nvisits: 42\ncategories: [News]\nlinks:\n  - title: Gov\n    url: https://example.gov/\n',
      'content/news/a.md': '---\ntitle: First\ndate: 2024-03-05 08:30\ncategory: News\ntags: [roads]\n---\nBody.\n',
      'content/news/b.md': '---\ntitle: Second\ndate: 2024-03-06 08:30\ncategory: News\n---\nBody.\n',
    }, 'locale-en');
    const dist = build({ root, now: Date.UTC(2025, 0, 1) }).out;
    // Vietnamese values that differ from their English counterpart, without `{…}` placeholders.
    const viOnly = keyPaths(vi)
      .map((k) => [k.split('.').reduce<any>((o, p) => o?.[p], vi), k.split('.').reduce<any>((o, p) => o?.[p], en)])
      .flatMap(([v, e]) => (Array.isArray(v) ? v.filter((x: string) => !e.includes(x)) : v !== e ? [v] : []))
      .filter((v: string) => typeof v === 'string' && v.length > 3 && !v.includes('{'));
    expect(viOnly).toContain('Trang chủ');
    const pages = [...readTree(dist)].filter(([p]) => p.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(5);
    const leaks = pages.flatMap(([p, bytes]) => viOnly.filter((v: string) => bytes.toString('utf8').includes(v)).map((v: string) => `${p}: ${v}`));
    expect(leaks).toEqual([]);
    expect(pages.find(([p]) => p === 'index.html')![1].toString('utf8')).toContain('<html lang="en">');
  });
});
