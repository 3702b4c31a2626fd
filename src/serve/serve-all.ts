// `bantin serve --all`: every site of a workspace on one server, each under /<name>/ with its own
// live reload, and the province page at / listing them from their in-memory feeds.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { resolve } from 'node:path';
import { ProblemList } from '../base/problems.js';
import type { Lang } from '../base/messages/index.js';
import { loadWorkspace } from '../load/workspace.js';
import { readBuiltSites, workspaceLang } from '../build/province-index.js';
import { provincePage } from '../outputs/province-page.js';
import { serve } from './serve.js';

export interface ServeAllOptions {
  root: string;
  port: number;
  host: string;
  drafts?: boolean;
  /** Only these sites (each site lives in memory: a big workspace may not fit whole). */
  only?: string[];
  lang?: Lang;
  log?: (line: string) => void;
}

/** Null when `root` is no workspace (the caller says so); its other mistakes are in `problems`. */
export async function serveAll(options: ServeAllOptions, problems = new ProblemList()) {
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  const ws = loadWorkspace(resolve(options.root), problems);
  if (!ws) return null;
  type Site = Awaited<ReturnType<typeof serve>>;
  const sites = new Map<string, Site>();
  const server = createServer((req, res) => route(req, res));
  await new Promise<void>((ok, fail) => server.once('error', fail).listen(options.port, options.host, () => ok()));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const origin = `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}`;
  // One after the other: the first builds of many sites at once would only fight over the cores.
  const only = options.only && new Set(options.only.flatMap((s) => s.split(',')).map((s) => s.trim()));
  if (only) ws.sites = ws.sites.filter((s) => only.has(s.name));
  for (const site of ws.sites) {
    sites.set(site.name, await serve({
      root: site.dir, port, host: options.host, baseUrl: `${origin}/${site.name}/`, drafts: options.drafts, lang: options.lang,
      layer: ws.layer, mount: { origin }, log: (line) => log(`[${site.name}] ${line}`),
    }));
  }

  function route(req: IncomingMessage, res: ServerResponse): void {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path === '/' || path === '/index.html') return indexPage(res);
    const name = path.split('/')[1];
    const site = sites.get(name);
    if (!site) return void res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
    if (path === `/${name}`) return void res.writeHead(301, { Location: `/${name}/` }).end();
    site.handle(req, res);
  }

  function indexPage(res: ServerResponse): void {
    const built = readBuiltSites(ws!, (name) => {
      const feed = sites.get(name)?.session.files.get('feed.json');
      return feed ? Buffer.from(feed).toString('utf8') : null;
    }, ws!.index?.latest ?? 5);
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
    res.end(provincePage(ws!.index?.title ?? '', built, workspaceLang(ws!)));
  }

  return {
    url: `${origin}/`,
    sites,
    count: ws.sites.length,
    async close() {
      for (const site of sites.values()) await site.close();
      server.closeAllConnections();
      await new Promise<void>((ok) => server.close(() => ok()));
    },
  };
}
