// The sources named on the command line: files, folders (walked) and http(s) URLs (fetched), and
// which kind each one is when `--from auto`.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

export type Kind = 'text' | 'html' | 'rss' | 'wxr' | 'sharepoint';
export const KINDS: readonly string[] = ['auto', 'text', 'html', 'rss', 'wxr', 'sharepoint'];

export interface Source {
  /** As reports and `importedFrom` name it: a URL, or a path relative to the folder it was found in (plus the folder's name). */
  id: string;
  /** Absolute path of a local file; the folder that was walked to find it (a wget mirror's root). */
  file?: string;
  root?: string;
  url?: string;
}

/** Pages, feeds, exports and text dumps; not the pictures and documents they link to. */
const READABLE = /\.(html?|aspx|asp|php|jsp|txt|xml|rss|atom|wxr|json)(?=$|[?@#])|(?:^|[/\\])[^./\\]+$/i;
/** Folders a browser's "save page" makes for a page's pictures and scripts. */
const PAGE_FILES = /_(files|tệp)$/i;

/** Each SOURCE argument as the files it names, in a stable order; a missing path throws ENOENT. */
export function expandSources(args: string[], cwd: string): Source[] {
  const out: Source[] = [];
  for (const arg of args) {
    if (/^https?:\/\//i.test(arg)) {
      out.push({ id: arg, url: arg });
      continue;
    }
    const abs = resolve(cwd, arg);
    if (!statSync(abs).isDirectory()) {
      out.push({ id: relative(cwd, abs).split('\\').join('/') || abs, file: abs });
      continue;
    }
    const found: string[] = [];
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        if (e.name.startsWith('.')) continue;
        const p = join(dir, e.name);
        if (e.isDirectory()) {
          if (!PAGE_FILES.test(e.name)) walk(p);
        } else if (READABLE.test(e.name)) found.push(p);
      }
    };
    walk(abs);
    const name = abs.split(/[/\\]/).pop();
    for (const f of found.sort()) out.push({ id: `${name}/${relative(abs, f).split('\\').join('/')}`, file: f, root: abs });
  }
  return out;
}

export interface Loaded {
  bytes: Buffer;
  /** The charset a server named in its Content-Type header. */
  charset?: string;
}

export async function loadSource(source: Source): Promise<Loaded> {
  if (source.file) return { bytes: readFileSync(source.file) };
  const res = await fetchOk(source.url!);
  const charset = /charset=([\w-]+)/i.exec(res.headers.get('content-type') ?? '')?.[1];
  return { bytes: Buffer.from(await res.arrayBuffer()), charset };
}

export class FetchError extends Error {}

export async function fetchOk(url: string): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(url, { redirect: 'follow', signal: AbortSignal.timeout(30_000), headers: { 'user-agent': 'bantin-import' } });
  } catch (err) {
    throw new FetchError((err as Error).cause ? String(((err as Error).cause as Error).message ?? (err as Error).cause) : (err as Error).message);
  }
  if (!res.ok) throw new FetchError(`HTTP ${res.status}`);
  return res;
}

/** What a source is, from its first bytes and its name. */
export function sniffKind(text: string, name: string): Kind | null {
  const head = text.slice(0, 4000).trimStart();
  if (/^[[{]/.test(head)) return 'sharepoint';
  if (/xmlns:wp="http:\/\/wordpress\.org\/export\//.test(head)) return 'wxr';
  if (/^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<(rss|feed|rdf:RDF)\b/i.test(head)) return 'rss';
  if (/<(!doctype html|html|body|div|p)\b/i.test(head)) return 'html';
  if (/\.txt$/i.test(name) || !/<\w+[^>]*>/.test(head)) return 'text';
  return null;
}
