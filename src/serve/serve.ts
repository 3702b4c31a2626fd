// `bantin serve`: the preview server on 127.0.0.1, the file watcher, and live reload.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { posix, join, resolve } from 'node:path';
import { watch } from 'chokidar';
import { loadConfig, CONFIG_FILE } from '../load/config.js';
import { createDevSession } from './dev-session.js';
import { ProblemList, formatProblem } from '../base/problems.js';
import { text, type Lang } from '../base/messages/index.js';
import { CONTENT_DIR, DATA_DIR } from '../load/files.js';
import { TEMPLATES_DIR } from '../base/install.js';
import { LIVE_RELOAD_PATH, liveReloadScript, overlayHtml } from './live-reload.js';
import { startLocalBackend, withLocalBackend, type LocalBackend } from './decap-local.js';
import { ADMIN_CONFIG_PATH, ADMIN_DIR } from '../outputs/admin/admin-page.js';
import type { Problem } from '../base/types.js';
import type { SiteLayer } from '../load/workspace.js';

export interface ServeOptions {
  root: string;
  port: number;
  host: string;
  baseUrl?: string;
  drafts?: boolean;
  log?: (line: string) => void;
  /** The language of console lines and the error overlay. */
  lang?: Lang;
  /** Inside a workspace: its shared templates and config defaults (watched too). */
  layer?: SiteLayer;
  /**
   * Served by another server (`serve --all`) at this origin instead of listening itself: requests
   * come through the returned `handle`, and live-reload events are under the base path.
   */
  mount?: { origin: string };
  /**
   * For tests: awaited between two steps of a rebuild's deferred part (`step` counts from 1), where
   * a save lands as it would while the event loop is let through.
   */
  betweenSteps?: (step: number) => void | Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8', '.xml': 'application/xml; charset=utf-8', '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif',
  '.webp': 'image/webp', '.avif': 'image/avif', '.ico': 'image/x-icon', '.pdf': 'application/pdf',
  '.woff2': 'font/woff2', '.mp4': 'video/mp4', '.doc': 'application/msword', '.zip': 'application/zip',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.yml': 'text/yaml; charset=utf-8', '.wasm': 'application/wasm',
};

/**
 * How long after a reload event the deferred part of a rebuild waits for the editor to stop saving:
 * a page fetch takes a few ms, and a save that comes meanwhile supersedes it (see dev-session.ts).
 */
const SETTLE_MS = 400;

/**
 * `bantin serve`: builds into memory, serves it, watches the sources and rebuilds what changed.
 * Pages get a live-reload script at response time only, so the built bytes equal `bantin build`'s.
 */
export async function serve(options: ServeOptions) {
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  const root = resolve(options.root);
  const lang = options.lang ?? 'en';
  const server = options.mount ? null : createServer((req, res) => handle(req, res));
  if (server) await new Promise<void>((ok, fail) => server.once('error', fail).listen(options.port, options.host, () => ok()));
  const address = server?.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const origin = options.mount?.origin ?? `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}`;

  const basePathOf = () => new URL(options.baseUrl ?? loadConfig(root, new ProblemList(), { defaults: options.layer?.defaults }).baseUrl).pathname;
  let basePath = basePathOf();
  // Beside other sites, each site's events are its own, under its base path.
  const eventsPath = options.mount ? `${basePath}${LIVE_RELOAD_PATH.slice(1)}` : LIVE_RELOAD_PATH;
  const session = createDevSession({ root, baseUrl: origin + basePath, drafts: options.drafts, layer: options.layer });
  const clients = new Set<ServerResponse>();

  const first = session.rebuild();
  report(first, 'built');
  // The web editor saves into this folder through Decap's local backend: no Git host, no account.
  let local: LocalBackend | null = null;
  if (loadConfig(root, new ProblemList()).admin) {
    try {
      local = await startLocalBackend(root, log);
      log(text('serve-admin-ready', { url: `${origin}${basePath}${ADMIN_DIR}` }, lang));
    } catch (err) {
      log(text('serve-admin-failed', { reason: (err as Error).message }, lang));
    }
  }

  const shared = options.layer ? [options.layer.templates, options.layer.configFile] : [];
  const watcher = watch([...[CONTENT_DIR, TEMPLATES_DIR, CONFIG_FILE, DATA_DIR].map((p) => join(root, p)), ...shared], {
    ignoreInitial: true,
    awaitWriteFinish: false,
    atomic: false,
  });
  let timer: NodeJS.Timeout | null = null;
  let running = Promise.resolve();
  // The deferred part of the last rebuild, while it waits or runs: a new save abandons it.
  let settling: { timer: NodeJS.Timeout; done: () => void } | null = null;
  let batch: string[] = [];
  let batchAt = 0;
  watcher.on('all', (event, path) => {
    if (process.env.BANTIN_DEBUG) log(`bantin: ${event} ${path}`);
    // A folder alone changes no output. Under load its event can come a burst ahead of the files
    // made in it; rebuilding then would pick those files up with no word of which they were, and a
    // new stylesheet would reload open pages instead of being swapped in. Their own events follow.
    if (event === 'addDir' || event === 'unlinkDir') return;
    if (batch.length === 0) batchAt = Date.now();
    batch.push(path);
    if (timer) clearTimeout(timer);
    // Editors save several files at once (and some write a file twice): wait for the burst to end.
    timer = setTimeout(() => {
      timer = null;
      const cause = { at: batchAt, paths: batch };
      batch = [];
      abandonSettling();
      running = running.then(() => rebuildNow(cause)).catch((err: Error) => log(`bantin: internal error while rebuilding: ${err.stack ?? err}`));
    }, 10);
  });
  await new Promise<void>((ok) => watcher.once('ready', () => ok()));

  /** Stops the deferred part, waiting or midway: its next step sees it is no longer `settling`. */
  function abandonSettling(): void {
    if (!settling) return;
    clearTimeout(settling.timer);
    settling.done();
    settling = null;
  }

  /**
   * `cause`: the files whose changes start this rebuild, and when the first of them was seen. Its
   * events carry it (an SSE field browsers ignore), so a client can tell which save an event answers.
   */
  function rebuildNow(cause: { at: number; paths: string[] }): void {
    const { paths } = cause;
    const nextBase = basePathOf();
    if (nextBase !== basePath) {
      log(text('serve-base-changed', {}, lang));
    }
    const abandoned = session.interrupted;
    const result = session.rebuild({ defer: true, paths: [...new Set(paths)] });
    if (process.env.BANTIN_DEBUG && session.interrupted > abandoned) log('bantin: this save abandoned the deferred part of the last rebuild midway');
    report(result, 'rebuilt');
    if (!result.ok) broadcast('problems', JSON.stringify(result.problems.filter((p) => p.severity === 'error')), cause);
    else if (result.changed.length > 0) {
      // Stylesheets alone: the page swaps them in place, without losing the reader's scroll.
      const cssOnly = paths.length > 0 && paths.every((p) => p.endsWith('.css'));
      broadcast(cssOnly ? 'css' : 'reload', JSON.stringify(result.changed.slice(0, 100)), cause);
    } else broadcast('ok', '[]', cause);
    // The rest of the rebuild (search data, feeds, sitemap, and after an article-only edit the
    // full check) follows once the reloaded page has had time to be fetched, in steps that let
    // saves and requests through: a save abandons it, and its own deferred part covers both.
    // Should it change a page after all, open pages reload again.
    running = running.then(() => new Promise<void>((done) => {
      const run = { timer: setTimeout(() => step(0), SETTLE_MS), done };
      settling = run;
      const step = (n: number) => {
        // Superseded: the watcher has let the next rebuild start.
        if (settling !== run) return;
        let state;
        try {
          state = session.stepDeferred();
        } catch (err) {
          log(`bantin: internal error while rebuilding: ${(err as Error).stack ?? err}`);
          state = null;
        }
        if (state && !state.done) {
          const next = () => step(n + 1);
          if (options.betweenSteps) void Promise.resolve(options.betweenSteps(n + 1)).then(next);
          else setImmediate(next);
          return;
        }
        settling = null;
        if (session.problems.some((p) => p.severity === 'error')) {
          report({ ok: false, changed: [], produced: 0, planned: true, ms: 0, problems: session.problems }, 'rebuilt');
          broadcast('problems', JSON.stringify(session.problems.filter((p) => p.severity === 'error')));
        } else if (state?.changed.some((p) => p.endsWith('.html'))) broadcast('reload', JSON.stringify(state.changed.slice(0, 100)));
        done();
      };
    }));
  }

  /** `verb`: `built` or `rebuilt`; a failure reads "the build failed" / "the rebuild failed". */
  function report(result: ReturnType<typeof session.rebuild>, verb: 'built' | 'rebuilt'): void {
    for (const p of result.problems) log(formatProblem(p, lang));
    const said = text(verb === 'built' ? 'serve-built-verb' : 'serve-rebuilt-verb', {}, lang);
    if (result.ok) log(text('serve-built', { verb: said, ms: Math.round(result.ms), articleOnly: result.planned ? '' : text('serve-article-only', {}, lang), produced: result.produced, changed: result.changed.length }, lang));
    else log(text('serve-failed', { what: text(verb === 'built' ? 'serve-build-noun' : 'serve-rebuild-noun', {}, lang), count: result.problems.filter((p) => p.severity === 'error').length }, lang));
  }

  function broadcast(event: string, data: string, cause?: { at: number; paths: string[] }): void {
    const line = cause ? `cause: ${JSON.stringify(cause)}\n` : '';
    for (const res of clients) res.write(`event: ${event}\n${line}data: ${data}\n\n`);
  }

  function handle(req: IncomingMessage, res: ServerResponse): void {
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain; charset=utf-8', 'Method not allowed');
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === eventsPath) return events(req, res);
    const path = sitePath(url.pathname, basePath);
    if (path === null) return notFound(res);
    if (path === 'forbidden') return send(res, 403, 'text/plain; charset=utf-8', 'Forbidden');
    const index = path === '' || path.endsWith('/') ? `${path}index.html` : `${path}/index.html`;
    const served = session.files.has(path) ? path : index;
    if (!session.files.has(served)) return notFound(res);
    if (served !== path && path !== '' && !path.endsWith('/')) {
      res.writeHead(301, { Location: `${basePath}${encodeURI(path)}/` }).end();
      return;
    }
    const file = session.files.get(served)!;
    const type = TYPES[posix.extname(served).toLowerCase()] ?? 'application/octet-stream';
    if (local && served === ADMIN_CONFIG_PATH) return send(res, 200, type, withLocalBackend(file, local.url));
    // Not the editor's page: a live reload after each save would throw away what the editor is doing.
    const editor = local !== null && served.startsWith(ADMIN_DIR);
    send(res, 200, type, type.startsWith('text/html') && !editor ? decorate(file) : file);
  }

  function notFound(res: ServerResponse): void {
    const page = session.files.get('404.html');
    send(res, 404, 'text/html; charset=utf-8', page ? decorate(page) : 'Not found');
  }

  function decorate(html: Uint8Array): string {
    const errors = session.problems.filter((p: Problem) => p.severity === 'error');
    const inject = liveReloadScript(eventsPath) + (errors.length ? overlayHtml(errors, lang) : '');
    const text = Buffer.from(html).toString('utf8');
    const at = text.lastIndexOf('</body>');
    return at < 0 ? text + inject : text.slice(0, at) + inject + text.slice(at);
  }

  function events(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache', Connection: 'keep-alive' });
    res.write(': bantin live reload\n\n');
    clients.add(res);
    req.on('close', () => clients.delete(res));
  }

  return {
    url: origin + basePath,
    port,
    session,
    /** Resolves when the rebuild triggered by the last change has finished. */
    idle: () => running,
    async close() {
      if (timer) clearTimeout(timer);
      abandonSettling();
      await local?.stop();
      await watcher.close();
      for (const res of clients) res.end();
      if (!server) return;
      server.closeAllConnections();
      await new Promise<void>((ok) => server.close(() => ok()));
    },
    handle,
  };
}

function send(res: ServerResponse, status: number, type: string, body: string | Uint8Array): void {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
  res.end(body);
}

/**
 * The site-relative path of a request, or null when it is outside the base path, or 'forbidden'
 * for traversal tricks. Three layers refuse traversal, each tested alone
 * (test/mutation-kills/serve-traversal.test.ts): `new URL` in `handle` resolves `.`, `..` and
 * `%2e%2e` segments; this function refuses what percent-decoding turns into one (403); and only
 * built files (session.files) are ever served, so nothing outside the site can leak.
 */
export function sitePath(pathname: string, basePath: string): string | null | 'forbidden' {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return 'forbidden';
  }
  if (decoded.includes('\0') || decoded.includes('\\') || decoded.split('/').some((s) => s === '..' || s === '.')) return 'forbidden';
  const base = basePath.endsWith('/') ? basePath : `${basePath}/`;
  if (!(decoded + '/').startsWith(base)) return null;
  return decoded.slice(base.length).replace(/^\/+/, '');
}
