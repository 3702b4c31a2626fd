// `bantin views`: reads the logs (or reports) given, adds the views not yet counted to
// data/views.json, and says what it counted and what it left out.
import { extname } from 'node:path';
import { newCounter } from './counter.js';
import { addressFilter, botFilter, isViewStatus } from './filters.js';
import { inspectLog, logName, readLines, type LogFile } from './log-files.js';
import { parseLogLine, type LogFormat } from './log-line.js';
import { readCsv, readGoAccess, type Report } from './reports.js';
import { sitePaths } from './site-paths.js';
import { readState, writeState, type ViewsState } from './state.js';
import { pagePath } from './urls.js';

export type InputFormat = LogFormat | 'goaccess-json' | 'csv';

export interface ViewsOptions {
  root: string;
  inputs: string[];
  /** Default: by the file (`.json` GoAccess, `.csv`, else a log whose format its first line tells). */
  format?: InputFormat;
  excludeIp?: string[];
  /** As `bantin build --base-url`: the base path the site is served under, when not bantin.yaml's. */
  baseUrl?: string;
  /** For tests: the date logs are marked as seen. */
  now?: number;
}

export interface FileReport {
  name: string;
  /** `read`, `already counted`, `empty`, or (reports) `imported`. */
  status: string;
  lines: number;
  views: number;
  notes: string[];
}

export interface ViewsResult {
  files: FileReport[];
  /** Page views counted by this run, and of them article views. */
  pageViews: number;
  articleViews: number;
  skipped: { bots: number; excluded: number; notPages: number; repeats: number; malformed: number };
  /** The first few malformed lines, as `file:line`. */
  malformedAt: string[];
  total: number;
  articles: number;
}

/** Log entries not seen by a run for this long are let go (logrotate keeps a few weeks). */
const FORGET_MS = 120 * 86_400_000;

export async function countViews(options: ViewsOptions): Promise<ViewsResult> {
  const { basePath, articles } = sitePaths(options.root, options.baseUrl);
  const state = readState(options.root);
  const excluded = addressFilter(options.excludeIp ?? []);
  const isBot = botFilter();
  const counter = newCounter(state);
  const now = new Date(options.now ?? Date.now()).toISOString().slice(0, 10);
  const result: ViewsResult = {
    files: [], pageViews: 0, articleViews: 0, malformedAt: [], total: 0, articles: 0,
    skipped: { bots: 0, excluded: 0, notPages: 0, repeats: 0, malformed: 0 },
  };

  const logs: LogFile[] = [];
  for (const input of options.inputs) {
    const format = options.format ?? (/\.json$/i.test(input) ? 'goaccess-json' : extname(input).toLowerCase() === '.csv' ? 'csv' : undefined);
    if (format === 'goaccess-json' || format === 'csv') {
      importReport(state, logName(input), (format === 'csv' ? readCsv : readGoAccess)(input, basePath, articles), result);
      continue;
    }
    const log = await inspectLog(input);
    if (log) logs.push(log);
    else result.files.push({ name: logName(input), status: 'empty', lines: 0, views: 0, notes: [] });
  }
  // Oldest first, whatever order the shell listed them in (access.log.10.gz sorts before access.log.2.gz).
  const firstTime = (log: LogFile) => parseLogLine(log.firstLine, 'common')?.time ?? 0;
  logs.sort((a, b) => firstTime(a) - firstTime(b));

  const seen = new Set<string>();
  for (const log of logs) {
    const file: FileReport = { name: logName(log.path), status: 'read', lines: 0, views: 0, notes: [] };
    result.files.push(file);
    // The same log twice on the command line (a link, a copy, access.log.1 and its .gz both still there).
    if (seen.has(log.fingerprint)) {
      file.status = 'already counted';
      continue;
    }
    seen.add(log.fingerprint);
    const known = state.logs[log.fingerprint];
    // A compressed log read to its end does not change: it is not unpacked again.
    if (known && log.gz && known.whole === log.size) {
      file.status = 'already counted';
      known.seen = now;
      continue;
    }
    let start = known?.offset ?? 0;
    let firstLine = (known?.lines ?? 0) + 1;
    if (known && !log.gz && log.size < known.offset) {
      // Same first line, but shorter than what was counted: cut and written again, or an older copy put back.
      // What is in it now cannot be told apart from what was counted, so it is not counted again.
      file.notes.push(`is shorter (${log.size} bytes) than when last read (${known.offset} bytes): it was cut short or replaced; only lines added from now on will be counted`);
      start = log.size;
      firstLine = 1;
    }
    if (known && known.name !== file.name) file.notes.push(`is ${known.name} of the last run, rotated`);
    const format: LogFormat = options.format === 'common' || options.format === 'combined' ? options.format
      : parseLogLine(log.firstLine, 'combined') ? 'combined' : 'common';
    if (format === 'common') file.notes.push('has no user agents (common log format): bots cannot be told from readers');
    const read = await readLines(log, start, firstLine, (line, lineNo) => {
      const hit = parseLogLine(line, format);
      if (!hit) {
        if (line.trim() === '') return;
        if (result.malformedAt.length < 5) result.malformedAt.push(`${file.name}:${lineNo}`);
        result.skipped.malformed++;
        return;
      }
      if (hit.method !== 'GET' || !isViewStatus(hit.status)) return void result.skipped.notPages++;
      const path = pagePath(hit.target, basePath, articles);
      if (path === null) return void result.skipped.notPages++;
      if (hit.agent !== null && isBot(hit.agent)) return void result.skipped.bots++;
      if (excluded?.(hit.ip)) return void result.skipped.excluded++;
      const article = articles.has(path);
      if (!counter.add(hit.ip, path, hit.time, article)) return void result.skipped.repeats++;
      file.views++;
      result.pageViews++;
      if (article) result.articleViews++;
    });
    file.lines = read.lines;
    if (read.lines === 0 && known) file.status = 'already counted';
    if (read.damaged) file.notes.push(`is damaged or cut short (${read.damaged}): counted up to line ${firstLine + read.lines - 1}; the rest will be counted when a whole copy is read`);
    state.logs[log.fingerprint] = {
      name: file.name, inode: log.inode, offset: read.end, lines: firstLine - 1 + read.lines, seen: now,
      ...(log.gz && !read.damaged ? { whole: log.size } : {}),
    };
  }
  counter.save();
  const forgetBefore = new Date(Date.parse(now) - FORGET_MS).toISOString().slice(0, 10);
  for (const [key, p] of Object.entries(state.logs)) if (!seen.has(key) && p.seen < forgetBefore) delete state.logs[key];
  writeState(options.root, state);
  result.total = state.total;
  result.articles = Object.keys(state.pages).length;
  return result;
}

/** A report's counts replace the ones last imported from a file of the same name. */
function importReport(state: ViewsState, name: string, report: Report, result: ViewsResult): void {
  const before = state.imported[name] ?? { total: 0, pages: {} };
  state.total += report.total - before.total;
  for (const [path, n] of Object.entries(before.pages)) state.pages[path] = (state.pages[path] ?? 0) - n;
  for (const [path, n] of Object.entries(report.pages)) state.pages[path] = (state.pages[path] ?? 0) + n;
  for (const [path, n] of Object.entries(state.pages)) if (n <= 0) delete state.pages[path];
  state.imported[name] = { total: report.total, pages: report.pages };
  const views = Object.values(report.pages).reduce((a, b) => a + b, 0);
  result.pageViews += report.total - before.total;
  result.articleViews += views - Object.values(before.pages).reduce((a, b) => a + b, 0);
  result.skipped.malformed += report.malformed.length;
  for (const m of report.malformed.slice(0, 5 - result.malformedAt.length)) result.malformedAt.push(`${name}: ${m}`);
  result.files.push({ name, status: 'imported', lines: 0, views, notes: [] });
}
