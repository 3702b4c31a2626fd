// The `bantin import` command line: its options, the progress line on a terminal, and the report
// (text, or JSON with --json); exit code 1 when any source could not be read.
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { loadConfig } from '../../load/config.js';
import { ProblemList } from '../../base/problems.js';
import { knownEncoding } from './decode.js';
import { messages } from './messages.js';
import { runImport, type ImportReport } from './run.js';
import { KINDS, type Kind } from './sources.js';

export const IMPORT_USAGE = `  import   Bring an old portal's articles in: bantin import SOURCE... (files, folders, http(s) URLs)
             --root DIR  --from auto|text|html|rss|wxr|sharepoint  --category NAME
             --selector CSS  --old-base URL  --encoding utf-8|windows-1258|tcvn3|vni
             --dry-run  --overwrite  --json  --verbose
`;

export async function importCommand(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args, allowPositionals: true, strict: true,
      options: {
        root: { type: 'string' }, from: { type: 'string' }, category: { type: 'string' }, selector: { type: 'string' },
        'old-base': { type: 'string' }, encoding: { type: 'string' }, 'dry-run': { type: 'boolean' }, overwrite: { type: 'boolean' },
        json: { type: 'boolean' }, verbose: { type: 'boolean' },
      },
    });
  } catch (err) {
    return usage((err as Error).message);
  }
  const v = parsed.values;
  const root = resolve(v.root ?? process.cwd());
  const t = messages(loadConfig(root, new ProblemList()).locale);
  const from = (v.from ?? 'auto').toLowerCase();
  if (!KINDS.includes(from)) return usage(t.badFrom(from));
  if (v.encoding && !knownEncoding(v.encoding)) return usage(t.badEncoding(v.encoding));
  if (!parsed.positionals.length) return usage(t.noSources);
  const tty = !v.json && process.stderr.isTTY;
  let last = 0;
  let report: ImportReport;
  try {
    report = await runImport({
      root, sources: parsed.positionals, cwd: process.cwd(), from: from as Kind | 'auto', category: v.category, selector: v.selector,
      oldBase: v['old-base'], encoding: v.encoding, dryRun: !!v['dry-run'], overwrite: !!v.overwrite,
      progress: tty ? (done, total) => {
        if (Date.now() - last < 100 && done < total) return;
        last = Date.now();
        process.stderr.write(`\r${t.progress(done, total)}${done === total ? '\n' : ''}`);
      } : undefined,
    });
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'ENOENT') process.stderr.write(`${e.path}: ${t.error}: ${t.notFound}\n`);
    else process.stderr.write(`bantin: ${t.failed(e.message)}\n${v.verbose ? `${e.stack}\n` : ''}`);
    return 1;
  }
  if (v.json) {
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return report.ok ? 0 : 1;
  }
  const dry = report.dryRun;
  for (const a of report.articles) {
    const lacking = a.missing.map((f) => t.missingField[f] ?? f).join(', ');
    process.stdout.write(`${t.written(dry)} ${a.path}  ← ${a.source}${lacking ? `  (${t.lacking(lacking)})` : ''}\n`);
  }
  for (const f of report.files) process.stdout.write(`${t.written(dry)} ${f.path}  ← ${f.from}\n`);
  for (const s of report.skipped) process.stdout.write(`${t.skippedLabel} ${s.source}: ${s.reason}\n`);
  for (const e of report.errors) process.stderr.write(`${e.source}: error: ${e.reason}\n${e.hint ? `  hint: ${e.hint}\n` : ''}`);
  process.stdout.write(`bantin: ${t.summary(report.articles.length, report.files.length, report.skipped.length, report.errors.length, dry)}\n`);
  return report.ok ? 0 : 1;
}

function usage(message: string): number {
  process.stderr.write(`bantin: ${message}\n\nUsage:\n${IMPORT_USAGE}`);
  return 2;
}
