// A workspace: a root bantin.yaml with `sites:` (a glob or a list of folders) marks a repository
// of many sites; it owns the list of sites and the layers they share (templates/, `defaults:`).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import yaml from 'js-yaml';
import { readRegularFile } from '../base/read-file.js';
import { TEMPLATES_DIR } from '../base/install.js';
import { walkFiles } from '../base/hash.js';
import { closest, type ProblemList } from '../base/problems.js';
import { say } from '../base/messages/index.js';
import { CONFIG_FILE } from './config.js';
import { CONTENT_DIR } from './files.js';
import { entryLine, keyLine, tooLarge } from './yaml-lines.js';

/** What a site built inside a workspace takes from it, under its own files and keys. */
export interface SiteLayer {
  /** The workspace's templates/ folder (it may not exist): between the site's and the default theme. */
  templates: string;
  /** `defaults:` of the root bantin.yaml. */
  defaults: Record<string, unknown>;
  /** The root bantin.yaml: an input of every site. */
  configFile: string;
}

export interface WorkspaceSite {
  /** The folder's name: the site's folder under the output folder and under `serve --all`. */
  name: string;
  dir: string;
}

export interface Workspace {
  root: string;
  layer: SiteLayer;
  /** Sorted by name. */
  sites: WorkspaceSite[];
  /** The optional province page at the root of the output folder. */
  index: { title: string; latest: number } | null;
}

const KEYS = ['sites', 'defaults', 'index'];
/** A site's name is a URL segment and a folder name on every system. */
const SITE_NAME = /^[a-z0-9][a-z0-9_-]*$/;

/** The root bantin.yaml, parsed, when it has a `sites:` key; null for an ordinary site. */
export function workspaceConfig(root: string): { raw: Record<string, unknown>; text: string } | null {
  try {
    const text = readRegularFile(join(resolve(root), CONFIG_FILE)).toString('utf8').replace(/^\uFEFF/, '');
    const raw = yaml.load(text, { schema: yaml.CORE_SCHEMA });
    if (raw && typeof raw === 'object' && !Array.isArray(raw) && 'sites' in raw && !tooLarge(raw)) return { raw: raw as Record<string, unknown>, text };
  } catch {
    // Not readable or not YAML: not a workspace; building it as a site reports the mistake.
  }
  return null;
}

/** Reads a workspace; its mistakes go to `problems` (file: the root bantin.yaml). Null when `root` is no workspace. */
export function loadWorkspace(root: string, problems: ProblemList): Workspace | null {
  root = resolve(root);
  const parsed = workspaceConfig(root);
  if (!parsed) return null;
  const { raw, text } = parsed;
  for (const key of Object.keys(raw)) {
    if (!KEYS.includes(key)) problems.warn(CONFIG_FILE, ...say('ws-unknown-key', { key, guess: closest(key, KEYS) ?? 'defaults' }, { line: keyLine(text, key) }));
  }
  const defaults = raw.defaults ?? {};
  if (!defaults || typeof defaults !== 'object' || Array.isArray(defaults)) problems.error(CONFIG_FILE, ...say('ws-bad-defaults', {}, { line: keyLine(text, 'defaults') }));
  const patterns = typeof raw.sites === 'string' ? [raw.sites] : Array.isArray(raw.sites) && raw.sites.every((s) => typeof s === 'string') ? raw.sites as string[] : null;
  const sites: WorkspaceSite[] = [];
  if (!patterns) problems.error(CONFIG_FILE, ...say('ws-bad-sites', {}, { line: keyLine(text, 'sites') }));
  else {
    patterns.forEach((pattern, i) => {
      const line = typeof raw.sites === 'string' ? keyLine(text, 'sites') : entryLine(text, 'sites', i);
      const found = expand(root, pattern);
      if (found === null) problems.error(CONFIG_FILE, ...say('ws-bad-pattern', { pattern }, { line }));
      else if (found.length === 0) problems.error(CONFIG_FILE, ...say('ws-no-site', { pattern }, { line }));
      for (const dir of found ?? []) {
        const name = dir.split(sep).pop()!;
        if (!SITE_NAME.test(name)) problems.error(CONFIG_FILE, ...say('ws-bad-name', { name, path: relative(root, dir) }, { line }));
        else if (sites.some((s) => s.name === name && s.dir !== dir)) problems.error(CONFIG_FILE, ...say('ws-same-name', { name }, { line }));
        else if (!sites.some((s) => s.dir === dir)) sites.push({ name, dir });
      }
    });
  }
  const index = readIndex(raw.index, () => problems.error(CONFIG_FILE, ...say('ws-bad-index', {}, { line: keyLine(text, 'index') })));
  sites.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const layer = { templates: join(root, TEMPLATES_DIR), defaults: (defaults && typeof defaults === 'object' && !Array.isArray(defaults) ? defaults : {}) as Record<string, unknown>, configFile: join(root, CONFIG_FILE) };
  return { root, layer, sites, index };
}

function readIndex(value: unknown, bad: () => void): Workspace['index'] {
  if (value === undefined || value === false || value === null) return null;
  const v = value === true ? {} : value as Record<string, unknown>;
  if (!v || typeof v !== 'object' || Array.isArray(v)) return bad(), null;
  const title = v.title ?? '';
  const latest = v.latest ?? 5;
  if (typeof title !== 'string' || !Number.isInteger(latest) || (latest as number) < 1 || (latest as number) > 50) return bad(), null;
  return { title: title.trim(), latest: latest as number };
}

/**
 * The site folders a `sites:` entry names: a path, or one with `*` and `?` in its segments (no
 * `**`, nothing outside the workspace). A glob keeps only folders that look like sites (a
 * bantin.yaml or a content/ folder); a plain path must be a folder. Null for a pattern not allowed.
 */
function expand(root: string, pattern: string): string[] | null {
  const parts = pattern.trim().replace(/\/+$/, '').split('/');
  if (!pattern.trim() || pattern.startsWith('/') || parts.some((p) => p === '..' || p === '' || p.includes('**') || p.includes('\\'))) return null;
  let dirs = [root];
  for (const part of parts) {
    if (part === '.') continue;
    if (!/[*?]/.test(part)) {
      dirs = dirs.map((d) => join(d, part)).filter(isFolder);
      continue;
    }
    const re = new RegExp(`^${part.replace(/[.+^${}()|[\]]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]')}$`);
    dirs = dirs.flatMap((d) => {
      try {
        return readdirSync(d).filter((n) => re.test(n) && !n.startsWith('.')).sort().map((n) => join(d, n)).filter(isFolder);
      } catch {
        return [];
      }
    });
  }
  if (/[*?]/.test(pattern)) dirs = dirs.filter((d) => existsSync(join(d, CONFIG_FILE)) || isFolder(join(d, CONTENT_DIR)));
  return dirs.filter((d) => d !== root);
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** The number of articles (Markdown files) of a site, for balancing shards; no file is read. */
export function articleCount(site: WorkspaceSite): number {
  let n = 0;
  walkFiles(join(site.dir, CONTENT_DIR), (_abs, path) => void (path.endsWith('.md') && n++));
  return n;
}
