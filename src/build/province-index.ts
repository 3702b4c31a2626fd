// Writes the province page into a workspace's output folder from the sites' own feed.json files,
// never over a file bantin did not write there.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Workspace } from '../load/workspace.js';
import { provincePage, type ProvinceSite } from '../outputs/province-page.js';

/** Left beside the province page: a folder holding it is one whose index.html bantin may replace. */
export const WORKSPACE_MARKER = '.bantin-workspace';
const PAGE = 'index.html';

interface JsonFeed {
  title?: unknown;
  description?: unknown;
  home_page_url?: unknown;
  items?: { title?: unknown; url?: unknown; date_published?: unknown }[];
}

/**
 * The sites found built, in name order, each with its `latest` newest articles; `feedOf` gives a
 * site's feed.json text (from the output folder, or the dev server's memory), or null.
 */
export function readBuiltSites(ws: Workspace, feedOf: (name: string) => string | null, latest: number): ProvinceSite[] {
  const sites: ProvinceSite[] = [];
  for (const site of ws.sites) {
    let feed: JsonFeed;
    try {
      feed = JSON.parse(feedOf(site.name) ?? '') as JsonFeed;
    } catch {
      continue;
    }
    const home = typeof feed.home_page_url === 'string' ? feed.home_page_url : null;
    const str = (v: unknown) => (typeof v === 'string' ? v : '');
    const articles = (Array.isArray(feed.items) ? feed.items : []).slice(0, latest).map((item) => {
      const url = str(item.url);
      // The site's own pages are linked inside the output folder, so the page works wherever it is published.
      return { title: str(item.title), date: str(item.date_published), url: home && url.startsWith(home) ? `${site.name}/${url.slice(home.length)}` : url };
    });
    sites.push({ name: site.name, title: str(feed.title) || site.name, description: str(feed.description), articles });
  }
  return sites;
}

/** Writes `<out>/index.html`, or names the file in the way when one is there that bantin did not write. */
export function writeProvinceIndex(ws: Workspace, out: string): { path: string; count: number } | { error: string } {
  const path = join(out, PAGE);
  if (existsSync(path) && !existsSync(join(out, WORKSPACE_MARKER))) return { error: path };
  const sites = readBuiltSites(ws, (name) => {
    try {
      return readFileSync(join(out, name, 'feed.json'), 'utf8');
    } catch {
      return null;
    }
  }, ws.index!.latest);
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, WORKSPACE_MARKER), 'This folder holds sites built by `bantin build --all`; bantin writes only index.html here besides them.\n');
  const tmp = join(out, `.${PAGE}.${process.pid}.tmp`);
  writeFileSync(tmp, provincePage(ws.index!.title, sites, workspaceLang(ws)));
  renameSync(tmp, path);
  return { path, count: sites.length };
}

/** The province page's language: the shared `locale:` of the sites. */
export const workspaceLang = (ws: Workspace) => (ws.layer.defaults.locale === 'en' ? 'en' : 'vi');
