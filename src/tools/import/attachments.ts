// The pictures and documents an article links to: copied (or fetched) into content/files/<year>/,
// the body's links rewritten to them, and the body turned into Markdown (node-html-markdown).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import { NodeHtmlMarkdown } from 'node-html-markdown';
import { slugify } from '../../base/slug.js';
import type { Draft, Skipped } from './draft.js';
import type { Messages } from './messages.js';
import { fetchOk } from './sources.js';

/** Links to these are attachments to bring along; pictures always are. */
const FILE_EXT = /\.(pdf|docx?|xlsx?|pptx?|odt|ods|odp|rtf|zip|rar|7z|jpe?g|png|gif|webp|bmp|svg|tiff?|mp3|mp4)$/i;

export interface FileCopier {
  copied: { path: string; from: string }[];
  problems: Skipped[];
  root: string;
  dryRun: boolean;
  t: Messages;
  /** Where each original (path or URL) went, so a picture shown by many articles is copied once. */
  done: Map<string, string>;
  /** Content hash of each file this run placed, by path. */
  hashes: Map<string, string>;
}

export function newFileCopier(root: string, dryRun: boolean, t: Messages): FileCopier {
  return { copied: [], problems: [], root, dryRun, t, done: new Map(), hashes: new Map() };
}

const nhm = new NodeHtmlMarkdown({ bulletMarker: '-', keepDataImages: false });

/** The draft's body as Markdown, its attachments in content/files/<year>/ and linked relative to `path`. */
export async function bodyMarkdown(draft: Draft, path: string, files: FileCopier): Promise<{ markdown: string; image: string }> {
  const year = draft.date.slice(0, 4);
  const up = '../'.repeat(path.split('/').length - 2);
  const place = async (ref: string) => {
    const target = await bring(ref, draft, year, files);
    return target ? `${up}${target}` : absolute(ref, draft.base.url) ?? ref;
  };
  const image = draft.image ? await place(draft.image) : '';
  if (draft.markdown !== undefined) return { markdown: draft.markdown, image };
  const { document } = parseHTML(`<!doctype html><html><body>${draft.html ?? ''}</body></html>`);
  for (const el of [...document.querySelectorAll('script, style, noscript, iframe, object, embed, form')]) el.remove();
  for (const img of [...document.querySelectorAll('img[src]')]) img.setAttribute('src', await place(img.getAttribute('src')!));
  for (const a of [...document.querySelectorAll('a[href]')]) {
    const href = a.getAttribute('href')!.trim();
    if (/^(javascript|vbscript|data):/i.test(href)) a.removeAttribute('href');
    else if (FILE_EXT.test(href.replace(/[?#].*$/, ''))) a.setAttribute('href', await place(href));
    // Links to other pages of the old portal point there (its old URLs redirect once it moves).
    else if (!href.startsWith('#')) a.setAttribute('href', absolute(href, draft.base.url) ?? href);
  }
  return { markdown: nhm.translate(document.body.innerHTML).replace(/\n{3,}/g, '\n\n'), image };
}

function absolute(ref: string, base: string | undefined): string | null {
  try {
    return new URL(ref, base).href;
  } catch {
    return null;
  }
}

/** Copies or fetches one attachment; its path under content/, or null when it cannot be had. */
async function bring(ref: string, draft: Draft, year: string, files: FileCopier): Promise<string | null> {
  if (/^(data|mailto|tel|javascript):/i.test(ref) || ref.startsWith('#')) return null;
  const local = localFile(ref, draft);
  const url = local ? null : absolute(ref, draft.base.url);
  const key = local ?? url;
  if (!key) return null;
  const known = files.done.get(key);
  if (known !== undefined) return known || null;
  let bytes: Buffer | null = null;
  if (local) bytes = readFileSync(local);
  // Attachments are fetched only for pages that were themselves fetched: a local import stays off the network.
  else if (url && /^https?:/i.test(url) && draft.base.file === undefined) {
    try {
      bytes = Buffer.from(await (await fetchOk(url)).arrayBuffer());
    } catch {
      bytes = null;
    }
  }
  if (!bytes) {
    files.problems.push({ source: draft.source, reason: files.t.fileMissing(ref) });
    files.done.set(key, '');
    return null;
  }
  const name = decodeURIComponent(new URL(key, 'file:///').pathname.split('/').pop() ?? 'tep').replace(/\.[^.]*$/, '');
  const ext = (extname(new URL(key, 'file:///').pathname) || '.bin').toLowerCase();
  const target = placeFile(bytes, `files/${year}`, slugify(name) || 'tep', ext, files);
  files.done.set(key, target);
  if (!files.copied.some((c) => c.path === `content/${target}`)) files.copied.push({ path: `content/${target}`, from: local ?? url! });
  return target;
}

/** A free name in content/<dir>/, or the name of a file already there with the same bytes. */
function placeFile(bytes: Buffer, dir: string, stem: string, ext: string, files: FileCopier): string {
  const digest = createHash('sha256').update(bytes).digest('hex');
  for (let n = 1; ; n++) {
    const rel = `${dir}/${stem}${n > 1 ? `-${n}` : ''}${ext}`;
    const abs = join(files.root, 'content', rel);
    const placed = files.hashes.get(rel);
    if (placed === digest) return rel;
    if (placed !== undefined) continue;
    if (existsSync(abs)) {
      if (createHash('sha256').update(readFileSync(abs)).digest('hex') === digest) return rel;
      continue;
    }
    files.hashes.set(rel, digest);
    if (!files.dryRun) {
      mkdirSync(dirname(abs), { recursive: true });
      writeFileSync(abs, bytes);
    }
    return rel;
  }
}

/** The file a saved page's link names on disk: beside the page, or under the mirror's root (or its host folder). */
function localFile(ref: string, draft: Draft): string | null {
  const { file, root } = draft.base;
  if (!file) return null;
  let path: string;
  let host = '';
  try {
    const u = new URL(ref, 'http://base.invalid/');
    path = decodeURIComponent(u.pathname);
    if (/^https?:\/\//i.test(ref)) host = u.host;
  } catch {
    return null;
  }
  const candidates: string[] = [];
  if (!host && !ref.startsWith('/')) candidates.push(resolve(dirname(file), decodeURIComponent(ref.replace(/[?#].*$/, ''))));
  if (root) {
    candidates.push(join(root, path));
    if (host) candidates.push(join(root, host, path));
    const first = file.slice(root.length + 1).split(/[/\\]/)[0];
    if (/\./.test(first)) candidates.push(join(root, first, path));
  }
  return candidates.find((c) => existsSync(c) && statSync(c).isFile()) ?? null;
}
