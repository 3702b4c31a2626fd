import { readdirSync, readFileSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import yaml from 'js-yaml';
import type { ProblemList } from './problems.js';

export const CONTENT_DIR = 'content';
export const DATA_DIR = 'data';

export interface SourceFile {
  /** Path relative to the site root, `/`-separated: `content/tin-tuc/2024/bai-viet.md`. */
  path: string;
  /** Path relative to `content/`: what a static file's output path is. */
  contentPath: string;
  absPath: string;
}

export interface SourceTree {
  markdown: SourceFile[];
  assets: SourceFile[];
}

/**
 * Lists `content/` in a fixed order (code-point order of paths, whatever the file system returns).
 * Hidden files are skipped; symlinks are followed only when they stay inside the site.
 */
export function listContent(root: string, problems: ProblemList): SourceTree {
  const tree: SourceTree = { markdown: [], assets: [] };
  const contentRoot = join(root, CONTENT_DIR);
  let realRoot: string;
  try {
    realRoot = realpathSync(root);
  } catch {
    problems.error(null, `the site folder ${root} does not exist`);
    return tree;
  }
  walk(contentRoot);
  const byPath = (a: SourceFile, b: SourceFile) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  tree.markdown.sort(byPath);
  tree.assets.sort(byPath);
  return tree;

  function walk(dir: string): void {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT' || dir !== contentRoot) {
        problems.error(toSitePath(root, dir), `cannot read this folder (${(err as NodeJS.ErrnoException).code})`);
      }
      return;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const abs = join(dir, entry.name);
      const path = toSitePath(root, abs);
      let isDir = entry.isDirectory();
      if (entry.isSymbolicLink()) {
        let target: string;
        try {
          target = realpathSync(abs);
        } catch {
          problems.error(path, 'this symbolic link points to nothing', { hint: 'remove the link or restore its target' });
          continue;
        }
        if (target !== realRoot && !target.startsWith(realRoot + sep)) {
          problems.error(path, 'this symbolic link points outside the site folder', { hint: 'copy the file into content/ instead of linking to it' });
          continue;
        }
        isDir = statSync(abs).isDirectory();
      } else if (!isDir && !entry.isFile()) continue;
      if (isDir) {
        walk(abs);
        continue;
      }
      const file = { path, contentPath: toSitePath(contentRoot, abs), absPath: abs };
      if (extname(entry.name).toLowerCase() === '.md') tree.markdown.push(file);
      else tree.assets.push(file);
    }
  }
}

export function toSitePath(root: string, abs: string): string {
  return relative(root, abs).split(sep).join('/');
}

/** `data/*.yaml`, `data/*.yml` and `data/*.json`, by file name without extension. */
export function loadData(root: string, problems: ProblemList): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  let names: string[];
  try {
    names = readdirSync(join(root, DATA_DIR)).sort();
  } catch {
    return data;
  }
  for (const name of names) {
    const ext = extname(name).toLowerCase();
    if (name.startsWith('.') || !['.yaml', '.yml', '.json'].includes(ext)) continue;
    const path = `${DATA_DIR}/${name}`;
    const text = readFileSync(join(root, path), 'utf8').replace(/^\uFEFF/, '');
    try {
      data[name.slice(0, -ext.length)] = ext === '.json' ? JSON.parse(text) : yaml.load(text, { schema: yaml.CORE_SCHEMA });
    } catch (err) {
      const e = err as yaml.YAMLException;
      problems.error(path, `cannot read this data file: ${e.reason ?? e.message}`, {
        line: e.mark ? e.mark.line + 1 : undefined,
        hint: 'check its syntax; YAML uses spaces, not tabs, for indentation',
      });
    }
  }
  return data;
}
