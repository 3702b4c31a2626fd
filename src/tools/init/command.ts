// The `bantin init` command line: answers from flags or asked on a terminal, then a new site
// repository written into an empty folder, and what to do next.
import { parseArgs } from 'node:util';
import { basename, join, relative, resolve } from 'node:path';
import { configFile } from './config-file.js';
import { editorsReadme } from './editors-readme.js';
import { currentSpec } from './origin.js';
import { askMissing, Cancelled } from './prompt.js';
import { QUESTIONS, setAnswer, type Answers } from './questions.js';
import { GITIGNORE, packageJson, welcomeArticle } from './site-files.js';
import { inTheWay, writeSite } from './write-site.js';
import { publishWorkflow } from './workflow.js';

export interface InitIo {
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  now?: number;
}

/** Every file of a new site, relative path → text. */
export function siteFiles(name: string, a: Answers, bantinSpec: string, now: number): Record<string, string> {
  const [articlePath, article] = welcomeArticle(a, now);
  return {
    'bantin.yaml': configFile(a),
    'package.json': packageJson(name, a, bantinSpec),
    '.gitignore': GITIGNORE,
    'README.md': editorsReadme(a),
    '.github/workflows/publish.yml': publishWorkflow(a.baseUrl),
    [articlePath]: article,
    'content/files/.gitkeep': '',
    'data/.gitkeep': '',
  };
}

export async function initCommand(args: string[], usage: (message: string) => number, io: InitIo = process): Promise<number> {
  const options: Record<string, { type: 'string' | 'boolean' }> = { yes: { type: 'boolean' }, bantin: { type: 'string' } };
  for (const q of QUESTIONS) options[q.flag] = { type: 'string' };
  let parsed;
  try {
    parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (err) {
    return usage((err as Error).message);
  }
  if (parsed.positionals.length > 1) return usage('bantin init takes one folder: bantin init [DIR]');
  const dir = resolve(parsed.positionals[0] ?? '.');
  const shown = relative(process.cwd(), dir) || '.';
  const v = parsed.values as Record<string, string | boolean | undefined>;

  const given: Partial<Answers> = {};
  for (const q of QUESTIONS) {
    const text = v[q.flag];
    if (typeof text !== 'string') continue;
    const wrong = q.check?.(text);
    if (wrong) return usage(`--${q.flag}: ${wrong}`);
    setAnswer(given, q.key, text);
  }
  // Refuse before asking anything: answers typed for a folder that cannot take them are wasted.
  const blocking = inTheWay(dir);
  if (blocking.length) return refuse(io, shown, blocking);

  let answers: Answers;
  if (v.yes || !io.stdin.isTTY) {
    answers = { ...given } as Answers;
    for (const q of QUESTIONS) if (given[q.key] === undefined) setAnswer(answers, q.key, q.fallback(answers));
  } else {
    io.stdout.write(`Tạo cổng thông tin mới trong ${shown}. Nhấn Enter để nhận giá trị trong ngoặc vuông.\n`);
    try {
      answers = await askMissing(given, io.stdin, io.stdout);
    } catch (err) {
      if (!(err instanceof Cancelled)) throw err;
      io.stderr.write('\nbantin: đã huỷ, chưa ghi tệp nào (cancelled; nothing written)\n');
      return 130;
    }
  }
  // The folder may have filled while the questions were being answered.
  const late = inTheWay(dir);
  if (late.length) return refuse(io, shown, late);

  const origin = typeof v.bantin === 'string' ? { spec: v.bantin, local: false } : currentSpec();
  writeSite(dir, siteFiles(basename(dir), answers, origin.spec, io.now ?? Date.now()));
  const cd = shown === '.' ? '' : `cd ${/\s/.test(shown) ? JSON.stringify(shown) : shown} && `;
  io.stdout.write(`bantin: đã tạo cổng "${answers.title}" trong ${shown} (created a new site)\n\n` +
    `Tiếp theo / next:\n  ${cd}npm install\n  npm run serve      # xem thử: http://127.0.0.1:8080/\n  npm run build      # tạo cổng trong dist/\n` +
    '  git init && git add -A && git commit -m "Cổng thông tin mới"   # rồi đẩy lên GitHub để đăng\n');
  if (origin.local) {
    io.stderr.write(`bantin: warning: package.json installs bantin from ${origin.spec}, a path on this machine that a CI runner cannot reach\n` +
      '  hint: give a Git URL or a version with --bantin, or change `dependencies.bantin` in package.json before pushing\n');
  }
  return 0;
}

function refuse(io: InitIo, shown: string, blocking: string[]): number {
  const names = blocking.slice(0, 8).join(', ') + (blocking.length > 8 ? ` … (${blocking.length} in all)` : '');
  io.stderr.write(`${join(shown)}: error: thư mục không trống: ${names} (the folder is not empty; nothing was written)\n` +
    '  hint: chọn một thư mục mới hoặc trống, ví dụ bantin init cong-xa-moi (choose a new or empty folder)\n');
  return 1;
}
