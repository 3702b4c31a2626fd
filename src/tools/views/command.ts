// The `views` command line: checks its arguments, runs the count, prints what it did.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { countViews, type InputFormat, type ViewsResult } from './run.js';
import { VIEWS_FILE } from './state.js';
import { hintText, MessageError, text, type Lang, type Params } from '../../base/messages/index.js';
import { formatProblem } from '../../base/problems.js';

const FORMATS = ['combined', 'common', 'goaccess-json', 'csv'];
const n = (x: number) => x.toLocaleString('en-US');

/** Returns the exit code: 0 done, 1 could not count (a message says why), 2 wrong arguments. */
export async function runViews(values: Record<string, unknown>, inputs: string[], usageError: (message: string) => number, lang: Lang = 'en'): Promise<number> {
  const root = typeof values.root === 'string' ? values.root : process.cwd();
  const format = values.format as string | undefined;
  const say = (code: string, params: Params = {}) => text(code, params, lang);
  const problem = (where: string, code: string) => {
    process.stderr.write(`${formatProblem({ severity: 'error', file: where, message: text(code), code, params: {}, hint: hintText(code, {}) }, lang)}\n`);
    return 1;
  };
  if (inputs.length === 0) return usageError(say('views-no-logs'));
  if (format !== undefined && !FORMATS.includes(format)) return usageError(say('views-bad-format', { formats: FORMATS.join(', '), format }));
  if (!existsSync(join(root, 'bantin.yaml')) && !existsSync(join(root, 'content'))) return problem(root, 'views-not-site');
  const missing = inputs.find((f) => !existsSync(f));
  if (missing) return problem(missing, 'views-no-file');
  let result: ViewsResult;
  try {
    result = await countViews({ root, inputs, format: format as InputFormat | undefined, excludeIp: (values['exclude-ip'] as string[] | undefined) ?? [], baseUrl: values['base-url'] as string | undefined });
  } catch (err) {
    // Messages of our own (a bad --exclude-ip, an unreadable views file or report) say what to do.
    if (!(err instanceof MessageError) || values.verbose) throw err;
    process.stderr.write(`${say('views-failed', { detail: text(err.code, err.params, lang) })}\n`);
    return 1;
  }
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ ok: true, ...result }, null, 2)}\n`);
    return 0;
  }
  for (const f of result.files) {
    const what = f.status === 'read' ? say('views-file-read', { lines: n(f.lines), views: n(f.views) })
      : f.status === 'imported' ? say('views-file-imported', { views: n(f.views) }) : say('views-file-empty');
    process.stdout.write(`  ${f.name}: ${what}\n`);
    // The notes are the JSON report's own words, in English.
    for (const note of f.notes) process.stdout.write(`    ${say('views-note')}: ${f.name} ${note}\n`);
  }
  const s = result.skipped;
  const first = result.malformedAt.length ? say('views-skipped-first', { lines: result.malformedAt.join(', ') }) : '';
  process.stdout.write(`  ${say('views-skipped', { bots: n(s.bots), excluded: n(s.excluded), repeats: n(s.repeats), notPages: n(s.notPages), malformed: n(s.malformed), first })}\n`);
  process.stdout.write(`${say('views-summary', { articleViews: n(result.articleViews), pageViews: n(result.pageViews), file: VIEWS_FILE, total: n(result.total), articles: n(result.articles) })}\n`);
  return 0;
}
