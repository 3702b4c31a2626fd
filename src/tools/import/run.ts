// `bantin import`: reads each source, turns what it holds into articles, and writes them (or, with
// --dry-run, says what it would write), with a report of articles, files, skips and errors.
import { loadConfig } from '../../load/config.js';
import { ProblemList } from '../../base/problems.js';
import type { SiteConfig } from '../../base/types.js';
import { decode } from './decode.js';
import type { Draft, Skipped } from './draft.js';
import { messages, type Messages } from './messages.js';
import type { ReadContext } from './draft.js';
import { readers } from './readers.js';
import { expandSources, FetchError, loadSource, sniffKind, type Kind, type Source } from './sources.js';
import { articleFile, articlePath, indexContent, writeText } from './write-articles.js';
import { bodyMarkdown, type FileCopier, newFileCopier } from './attachments.js';

export interface ImportOptions {
  root: string;
  sources: string[];
  cwd: string;
  from: 'auto' | Kind;
  category?: string;
  selector?: string;
  oldBase?: string;
  encoding?: string;
  dryRun: boolean;
  overwrite: boolean;
  /** Called after each source, for a progress line. */
  progress?: (done: number, total: number) => void;
}

export interface ImportReport {
  ok: boolean;
  dryRun: boolean;
  articles: { path: string; source: string; title: string; date: string; replaced: boolean; missing: string[] }[];
  files: { path: string; from: string }[];
  skipped: Skipped[];
  errors: Skipped[];
}

export async function runImport(options: ImportOptions): Promise<ImportReport> {
  const config = loadConfig(options.root, new ProblemList());
  const t = messages(config.locale);
  const report: ImportReport = { ok: true, dryRun: options.dryRun, articles: [], files: [], skipped: [], errors: [] };
  const index = indexContent(options.root);
  const files = newFileCopier(options.root, options.dryRun, t);
  const sources = expandSources(options.sources, options.cwd);
  let done = 0;
  for (const source of sources) {
    const result = await readOne(source, options, config, t, report);
    if (!Array.isArray(result)) (result.error ? report.errors : report.skipped).push(result);
    else {
      for (const draft of result) await place(draft, options, config, t, index, files, report);
    }
    options.progress?.(++done, sources.length);
  }
  report.files = files.copied;
  report.skipped.push(...files.problems);
  report.ok = report.errors.length === 0;
  return report;
}

async function readOne(source: Source, options: ImportOptions, config: SiteConfig, t: Messages, report: ImportReport): Promise<Draft[] | Skipped> {
  let text: string;
  let kind: Kind | null;
  try {
    const loaded = await loadSource(source);
    const looksHtml = options.from === 'html' || (options.from === 'auto' && /^\s*</.test(loaded.bytes.subarray(0, 200).toString('latin1')));
    text = decode(loaded.bytes, { force: options.encoding, declared: loaded.charset, html: looksHtml }).text;
    kind = options.from === 'auto' ? sniffKind(text, source.id) : options.from;
  } catch (err) {
    const why = err instanceof FetchError ? t.fetchFailed(err.message) : t.unreadable((err as Error).message);
    return { source: source.id, reason: why, error: true };
  }
  if (!kind) return { source: source.id, reason: `${t.unknownKind}; ${t.unknownKindHint}`, error: true };
  const context: ReadContext = { source, config, t, options, problems: [] };
  const drafts = await readers[kind](text, context);
  for (const p of context.problems) (p.error ? report.errors : report.skipped).push(p);
  return drafts;
}

async function place(draft: Draft, options: ImportOptions, config: SiteConfig, t: Messages, index: ReturnType<typeof indexContent>, files: FileCopier, report: ImportReport): Promise<void> {
  const category = options.category || draft.category || config.defaultCategory;
  const earlier = index.imported.get(draft.source);
  if (earlier && !options.overwrite) {
    report.skipped.push({ source: draft.source, reason: `${t.already(earlier)}; ${t.alreadyHint}` });
    return;
  }
  const path = earlier ?? articlePath(draft, category, index);
  const { markdown, image } = await bodyMarkdown(draft, path, files);
  const text = articleFile(draft, category, markdown, image);
  if (!options.dryRun) writeText(options.root, path, text);
  index.imported.set(draft.source, path);
  const missing = draft.category || options.category ? draft.missing : [...draft.missing, 'category'];
  report.articles.push({ path, source: draft.source, title: draft.title, date: draft.date, replaced: !!earlier, missing });
}
