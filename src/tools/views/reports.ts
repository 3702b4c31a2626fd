// The inputs that are already counts rather than logs: a GoAccess JSON report, or a CSV of
// `path,views` exported from an analytics service (for hosts, like GitHub Pages, with no logs to read).
import { MessageError } from '../../base/messages/index.js';
import { readFileSync } from 'node:fs';
import { pagePath } from './urls.js';

export interface Report {
  total: number;
  pages: Record<string, number>;
  /** Rows that could not be read, as `line N: why`. */
  malformed: string[];
}

/**
 * `path,views` per line; a first line without a number (a header) is skipped. Fields may be
 * quoted, and a count may have thousands separators (`"1,234"`). Paths may be full URLs.
 */
export function readCsv(file: string, basePath: string, articles: ReadonlySet<string>): Report {
  const report: Report = { total: 0, pages: {}, malformed: [] };
  const lines = readFileSync(file, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    const m = /^\s*("(?:[^"]|"")*"|[^,]*),\s*("[\d.,\s]*"|\d+)\s*$/.exec(line);
    if (!m) {
      if (i > 0) report.malformed.push(`line ${i + 1}: not "path,views"`);
      return;
    }
    const target = m[1].startsWith('"') ? m[1].slice(1, -1).replace(/""/g, '"') : m[1].trim();
    add(report, target, Number(m[2].replace(/[",.\s]/g, '')), basePath, articles);
  });
  return report;
}

/** GoAccess's `-o report.json`: its visitors per request path (unique per client and day), the closest it has to one view per reader. */
export function readGoAccess(file: string, basePath: string, articles: ReadonlySet<string>): Report {
  const report: Report = { total: 0, pages: {}, malformed: [] };
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new MessageError('views-not-goaccess', { file, detail: (err as Error).message });
  }
  const rows = (json as { requests?: { data?: unknown } })?.requests?.data;
  if (!Array.isArray(rows)) throw new MessageError('views-no-requests', { file });
  rows.forEach((row: { data?: unknown; visitors?: { count?: unknown } }, i) => {
    const count = row?.visitors?.count;
    if (typeof row?.data !== 'string' || !Number.isSafeInteger(count)) report.malformed.push(`requests.data[${i}]: no path or visitors count`);
    else add(report, row.data, count as number, basePath, articles);
  });
  return report;
}

function add(report: Report, target: string, count: number, basePath: string, articles: ReadonlySet<string>): void {
  const path = pagePath(target, basePath, articles);
  if (path === null || !Number.isSafeInteger(count)) return;
  report.total += count;
  if (articles.has(path)) report.pages[path] = (report.pages[path] ?? 0) + count;
}
