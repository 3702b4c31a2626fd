// The `views` command line: checks its arguments, runs the count, prints what it did.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { countViews, type InputFormat, type ViewsResult } from './run.js';
import { VIEWS_FILE } from './state.js';

const FORMATS = ['combined', 'common', 'goaccess-json', 'csv'];
const n = (x: number) => x.toLocaleString('en-US');

/** Returns the exit code: 0 done, 1 could not count (a message says why), 2 wrong arguments. */
export async function runViews(values: Record<string, unknown>, inputs: string[], usageError: (message: string) => number): Promise<number> {
  const root = typeof values.root === 'string' ? values.root : process.cwd();
  const format = values.format as string | undefined;
  if (inputs.length === 0) return usageError('bantin views needs the access logs to read: bantin views /var/log/nginx/access.log*');
  if (format !== undefined && !FORMATS.includes(format)) return usageError(`--format must be one of ${FORMATS.join(', ')}, not "${format}"`);
  if (!existsSync(join(root, 'bantin.yaml')) && !existsSync(join(root, 'content'))) {
    process.stderr.write(`${root}: error: not a bantin site (no bantin.yaml, no content/)\n  hint: run bantin views in the site's folder, or give it with --root\n`);
    return 1;
  }
  const missing = inputs.find((f) => !existsSync(f));
  if (missing) {
    process.stderr.write(`${missing}: error: no such file\n  hint: give the access logs' paths, e.g. /var/log/nginx/access.log*\n`);
    return 1;
  }
  let result: ViewsResult;
  try {
    result = await countViews({ root, inputs, format: format as InputFormat | undefined, excludeIp: (values['exclude-ip'] as string[] | undefined) ?? [], baseUrl: values['base-url'] as string | undefined });
  } catch (err) {
    // Messages of our own (a bad --exclude-ip, an unreadable views file or report) say what to do.
    if ((err as NodeJS.ErrnoException).code || values.verbose) throw err;
    process.stderr.write(`bantin: views: ${(err as Error).message}\n`);
    return 1;
  }
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ ok: true, ...result }, null, 2)}\n`);
    return 0;
  }
  for (const f of result.files) {
    const what = f.status === 'read' ? `${n(f.lines)} new lines, ${n(f.views)} views` : f.status === 'imported' ? `imported, ${n(f.views)} article views` : f.status;
    process.stdout.write(`  ${f.name}: ${what}\n`);
    for (const note of f.notes) process.stdout.write(`    note: ${f.name} ${note}\n`);
  }
  const s = result.skipped;
  process.stdout.write(`  not counted: ${n(s.bots)} by bots, ${n(s.excluded)} from excluded addresses, ${n(s.repeats)} repeats within 30 minutes, ` +
    `${n(s.notPages)} not a successful page GET, ${n(s.malformed)} malformed lines${result.malformedAt.length ? ` (first: ${result.malformedAt.join(', ')})` : ''}\n`);
  process.stdout.write(`bantin: counted ${n(result.articleViews)} article views (${n(result.pageViews)} page views in all); ${VIEWS_FILE} now has ${n(result.total)} page views, ${n(result.articles)} articles\n`);
  return 0;
}
