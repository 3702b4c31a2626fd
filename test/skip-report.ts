// Global setup: at the end of a run, lists the test files skipped because a tool was missing, so a
// skip is never silent (test/tools.ts records them; in CI they fail instead).
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SCRATCH = fileURLToPath(new URL('.tmp', import.meta.url));

interface Skip { file: string; tool: string; install: string }

export default function setup(): () => void {
  mkdirSync(SCRATCH, { recursive: true });
  const dir = mkdtempSync(join(SCRATCH, 'skips-'));
  const log = join(dir, 'skips.jsonl');
  process.env.BANTIN_SKIP_LOG = log;
  return () => {
    const skips = existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Skip) : [];
    rmSync(dir, { recursive: true, force: true });
    if (!skips.length) return;
    const unique = [...new Map(skips.map((s) => [`${s.file}|${s.tool}`, s])).values()];
    process.stdout.write(`\nSKIPPED because a tool is missing (with CI set, these files fail instead):\n` +
      unique.map((s) => `  ${s.file}: ${s.tool} not found; ${s.install}\n`).join(''));
  };
}
