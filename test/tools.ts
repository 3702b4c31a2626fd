// Tests that need a tool from outside npm (chromium, nginx, java): without it a test file is skipped
// loudly on a developer's machine (listed at the end of the run) and fails in CI, naming the tool.
import { appendFileSync, existsSync } from 'node:fs';
import { delimiter, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const PROJECT = fileURLToPath(new URL('..', import.meta.url));

/** Whether `CI` is set, as CI services set it (`CI=true`); `CI=0` or `CI=false` count as unset. */
export const IN_CI = !!process.env.CI && !/^(0|false)$/i.test(process.env.CI);

/** The first `name` found in `extra` folders or on PATH, or undefined. */
export function findTool(name: string, extra: string[] = []): string | undefined {
  return [...extra, ...(process.env.PATH ?? '').split(delimiter)].filter(Boolean).map((d) => join(d, name)).find((p) => existsSync(p));
}

/**
 * For `describe.skipIf(skipWithout(...))`: false when the tool is there. When it is missing, true
 * locally (the skip is recorded for the summary of test/skip-report.ts) and, in CI, an error thrown
 * while the file loads, so the file fails and says which tool to install.
 */
export function skipWithout(tool: string, available: boolean, install: string, fileUrl: string): boolean {
  if (available) return false;
  const file = relative(PROJECT, fileURLToPath(fileUrl));
  if (IN_CI) throw new Error(`${tool} is missing, so ${file} cannot run; CI must not skip it: ${install}`);
  const log = process.env.BANTIN_SKIP_LOG;
  if (log) appendFileSync(log, `${JSON.stringify({ file, tool, install })}\n`);
  return true;
}
