// data/views.json: the counts a build shows (`total`, `pages`) and what `bantin views` keeps between
// runs (how far each log was read, the last half hour's views, imported reports). Read and written here only.
import { MessageError } from '../../base/messages/index.js';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { VIEWS_FILE } from '../../model/counted-views.js';

export { VIEWS_FILE };

export interface LogProgress {
  /** File name when last read, for people reading the file. */
  name: string;
  inode: number;
  /** Uncompressed bytes of complete lines already counted, and how many lines that is. */
  offset: number;
  lines: number;
  /** For a gzip file read to its end: its size, so later runs skip it without unpacking it. */
  whole?: number;
  /** The day a run last found this log among its inputs (`2025-10-10`): older entries are let go. */
  seen: string;
}

export interface ViewsState {
  /** Page views of every page of the site (the visit counter adds them to `visits`). */
  total: number;
  /** Views per article, by site path without the base path: `/tin-tuc/bai-viet/`. */
  pages: Record<string, number>;
  /** By the fingerprint of the log's first line. */
  logs: Record<string, LogProgress>;
  /**
   * Views counted in the last 30 minutes of the newest log line, so the next run does not count the
   * same reader again: a hash of address and page (not the address), and the time in ms.
   */
  recent: Record<string, number>;
  /** Counts taken from a GoAccess report or a CSV, by file name: a newer file of that name replaces them. */
  imported: Record<string, { total: number; pages: Record<string, number> }>;
}

export const emptyState = (): ViewsState => ({ total: 0, pages: {}, logs: {}, recent: {}, imported: {} });

const isCount = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const counts = (v: unknown) => isObject(v) && Object.values(v).every(isCount);

/** The state in `root`, an empty one when there is none; throws a message naming the file when it cannot be read. */
export function readState(root: string): ViewsState {
  let text: string;
  try {
    text = readFileSync(join(root, VIEWS_FILE), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return emptyState();
    throw err;
  }
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (err) {
    throw new MessageError('views-state-unreadable', { file: VIEWS_FILE, detail: (err as Error).message });
  }
  if (!isObject(v) || !isCount(v.total) || !counts(v.pages)) {
    throw new MessageError('views-state-bad', { file: VIEWS_FILE });
  }
  const state = emptyState();
  state.total = v.total;
  state.pages = { ...(v.pages as Record<string, number>) };
  // The run's own fields, kept only when sound: losing them costs a recount, never a wrong count.
  if (isObject(v.logs)) {
    for (const [key, p] of Object.entries(v.logs)) {
      if (isObject(p) && isCount(p.offset) && isCount(p.lines) && isCount(p.inode)) {
        state.logs[key] = { name: String(p.name), inode: p.inode, offset: p.offset, lines: p.lines, seen: String(p.seen), ...(isCount(p.whole) ? { whole: p.whole } : {}) };
      }
    }
  }
  if (counts(v.recent)) state.recent = { ...(v.recent as Record<string, number>) };
  if (isObject(v.imported)) {
    for (const [name, i] of Object.entries(v.imported)) if (isObject(i) && isCount(i.total) && counts(i.pages)) state.imported[name] = { total: i.total, pages: i.pages as Record<string, number> };
  }
  return state;
}

const sorted = <T>(o: Record<string, T>) => Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

/** Written beside and renamed over the old file: a run killed meanwhile leaves the last one whole. Keys sorted, for readable diffs in Git. */
export function writeState(root: string, state: ViewsState): void {
  const path = join(root, VIEWS_FILE);
  mkdirSync(join(root, 'data'), { recursive: true });
  const out = { total: state.total, pages: sorted(state.pages), logs: sorted(state.logs), recent: sorted(state.recent), imported: sorted(state.imported) };
  const text = `${JSON.stringify(out, null, 1)}\n`;
  // Unchanged, it is left alone: a new mtime would make the next build plan the site again.
  if (existsSync(path) && readFileSync(path, 'utf8') === text) return;
  const tmp = join(root, 'data', `.views.json.${process.pid}.tmp`);
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}
