// Rendered article bodies live outside the JavaScript heap: at 100,000 articles their HTML and
// plain text take over a gigabyte as strings, and a page needs one at a time. A build appends
// them to a file and reads each back by offset when a page, the feeds or the search index needs it.
import { closeSync, fstatSync, ftruncateSync, openSync, readSync, writeSync } from 'node:fs';
import type { Article } from '../base/types.js';
import { scratchFile } from '../base/out-dir.js';

/** Where one body is: byte offset, then the byte lengths of its HTML (UTF-8) and of its text (UTF-16). */
export type BodyRef = [at: number, htmlBytes: number, textBytes: number];

export interface BodyStore {
  put(html: string, text: string): BodyRef;
  html(ref: BodyRef): string;
  text(ref: BodyRef): string;
  /**
   * How much is stored: for a file, the bytes a saved cache records so the next build can trust
   * up to there; in memory, the number of strings.
   */
  readonly size: number;
  /** The file, for render threads to read once `flush` has written everything; null in memory. */
  readonly path: string | null;
  flush(): void;
  close(): void;
}

/** For the dev server and small jobs: strings in an array, the ref's offset an index into it. */
export function memoryBodyStore(): BodyStore {
  const parts: string[] = [];
  return {
    put(html, text) {
      parts.push(html, text);
      return [parts.length - 2, 0, 0];
    },
    html: (ref) => parts[ref[0]],
    text: (ref) => parts[ref[0] + 1],
    get size() {
      return parts.length;
    },
    path: null,
    flush() {},
    close() {},
  };
}

const FLUSH_BYTES = 1 << 22;
const READ_AHEAD = 1 << 20;

/**
 * Bodies appended to `path`. With `keep`, the file is a previous build's and its first `keep`
 * bytes stay (anything after them, from a build that did not finish, is cut off); otherwise it
 * starts empty.
 */
export function fileBodyStore(path: string, keep = 0, { readOnly = false } = {}): BodyStore {
  const fd = openSync(path, readOnly ? 'r' : keep > 0 ? 'r+' : 'w+');
  if (keep > 0 && fstatSync(fd).size < keep) {
    closeSync(fd);
    throw new Error(`${path} is shorter than its cache says`);  // allow-literal-message: internal: the cache is rebuilt
  }
  if (!readOnly) ftruncateSync(fd, keep);
  // A reader (a render thread) sees the whole file as written.
  let flushed = readOnly ? fstatSync(fd).size : keep;
  let closed = false;
  // Appends are gathered and written in large pieces: a write per body is 200,000 system calls
  // at 100,000 articles.
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  const flush = () => {
    if (pendingBytes === 0) return;
    const all = Buffer.concat(pending, pendingBytes);
    for (let done = 0; done < all.length;) done += writeSync(fd, all, done, all.length - done, flushed + done);
    flushed += pendingBytes;
    pending = [];
    pendingBytes = 0;
  };
  // Bodies are mostly read in the order they were written (the search index reads them all), so
  // reads go through a window read ahead from the file: one system call per megabyte, not per body.
  let window = Buffer.alloc(0);
  let windowAt = 0;
  let windowBytes = 0;
  const read = (at: number, bytes: number, encoding: BufferEncoding = 'utf8') => {
    if (at + bytes > flushed) flush();
    if (at < windowAt || at + bytes > windowAt + windowBytes) {
      const size = Math.min(Math.max(bytes, READ_AHEAD), flushed - at);
      if (window.length < size) window = Buffer.allocUnsafe(Math.max(size, READ_AHEAD));
      for (let done = 0; done < size;) {
        const n = readSync(fd, window, done, size - done, at + done);
        if (n === 0) throw new Error(`${path} ends before byte ${at + bytes}`);  // allow-literal-message: internal: the cache is rebuilt
        done += n;
      }
      windowAt = at;
      windowBytes = size;
    }
    return window.toString(encoding, at - windowAt, at - windowAt + bytes);
  };
  return {
    put(html, text) {
      if (readOnly) throw new Error(`${path} is open read-only`);  // allow-literal-message: internal: a bug if reached
      const h = Buffer.from(html);
      // The text as UTF-16: the search index reads every one, and decoding UTF-8 was most of that.
      const t = Buffer.from(text, 'utf16le');
      const ref: BodyRef = [flushed + pendingBytes, h.length, t.length];
      pending.push(h, t);
      pendingBytes += h.length + t.length;
      if (pendingBytes >= FLUSH_BYTES) flush();
      return ref;
    },
    html: (ref) => read(ref[0], ref[1]),
    text: (ref) => read(ref[0] + ref[1], ref[2], 'utf16le'),
    get size() {
      return flushed + pendingBytes;
    },
    path,
    flush,
    close() {
      if (closed) return;
      flush();
      closeSync(fd);
      closed = true;
    },
  };
}

/** An uncached build keeps its article bodies in a scratch file beside the output, or in memory if it cannot. */
export function scratchBodyStore(out: string): { store: BodyStore; remove(): void } {
  try {
    const scratch = scratchFile(out, 'bodies');
    return { store: fileBodyStore(scratch.path), remove: scratch.remove };
  } catch {
    return { store: memoryBodyStore(), remove: () => {} };
  }
}

const bodies = new WeakMap<object, { store: BodyStore; ref: BodyRef }>();

/**
 * The prototype of planned articles: their `html` and `text` are read from the store, where
 * `attachBody` says, when a template, the feeds or the search index asks. Getters on each article
 * would give every one of 100,000 objects a shape of its own; on the prototype they are shared,
 * and copies of an article (`{ ...a }`) leave them out.
 */
export const WITH_BODY: object = Object.create(Object.prototype, {
  html: { get(this: object) { const b = bodies.get(this); return b ? b.store.html(b.ref) : ''; } },
  text: { get(this: object) { const b = bodies.get(this); return b ? b.store.text(b.ref) : ''; } },
});

/** Where an article made with the WITH_BODY prototype finds its body. */
export function attachBody(article: Article, store: BodyStore, ref: BodyRef): void {
  bodies.set(article, { store, ref });
}

/** The first `chars` code units of an article's text, reading no more of the store than that. */
export function textStart(article: Article, chars: number): string {
  const b = bodies.get(article);
  if (!b) return '';
  // Stored as UTF-16: two bytes a code unit (a memory store ignores the length and gives it all).
  return b.store.text([b.ref[0], b.ref[1], Math.min(b.ref[2], 2 * chars)]).slice(0, chars);
}
