// The site's files: Markdown and other files under content/, data files, and the checks that keep
// reads inside the site folder.
import { isUtf8 } from 'node:buffer';
import { readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { readRegularFile, specialKind, UnreadableFile } from '../base/read-file.js';
import { extname, join, relative, sep } from 'node:path';
import yaml from 'js-yaml';
import { tooLarge } from './yaml-lines.js';
import { lineAt, type ProblemList } from '../base/problems.js';
import { say } from '../base/messages/index.js';
import { kindParams } from '../base/messages/files.js';

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
export function listContent(root: string, problems: ProblemList, avoid: string[] = []): SourceTree {
  const tree: SourceTree = { markdown: [], assets: [] };
  for (const file of listFolder(root, CONTENT_DIR, problems, avoid)) {
    if (extname(file.path).toLowerCase() === '.md') tree.markdown.push(file);
    else tree.assets.push(file);
  }
  return tree;
}

/**
 * The files of one folder of the site (`content`, `templates`), sorted by path. Problems with links
 * (pointing outside the site, to nothing, in a loop, into a folder of `avoid`) and names are
 * reported, and those files left out.
 */
export function listFolder(root: string, folder: string, problems: ProblemList, avoid: string[] = [], followFolderLinks = true): SourceFile[] {
  const files: SourceFile[] = [];
  const contentRoot = join(root, folder);
  let realRoot: string;
  try {
    realRoot = realpathSync(root);
  } catch {
    problems.error(null, ...say('site-folder-missing', { root }));
    return files;
  }
  const walking = new Set<string>();
  const avoided = avoid.map((p) => safeRealpath(p) ?? p);
  walk(contentRoot, folder);
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));

  /** `rel`: the folder's path from the site root, `/`-separated (worked out as the walk goes: path.relative per file was a measurable part of a build). */
  function walk(dir: string, rel: string): void {
    let entries: Dirent[];
    // A link to a folder that contains it would make the walk endless.
    const real = safeRealpath(dir);
    if (real !== null && walking.has(real)) {
      problems.error(rel, ...say('link-loop'));
      return;
    }
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT' || dir !== contentRoot) {
        problems.error(rel, ...say('folder-unreadable', { errno: String((err as NodeJS.ErrnoException).code) }));
      }
      return;
    }
    if (real !== null) walking.add(real);
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const abs = join(dir, entry.name);
      const path = `${rel}/${entry.name}`;
      if (entry.name.includes('\\')) {
        problems.error(path, ...say('name-backslash'));
        continue;
      }
      let isDir = entry.isDirectory();
      if (entry.isSymbolicLink()) {
        let target: string;
        try {
          target = realpathSync(abs);
        } catch {
          problems.error(path, ...say('link-dangling'));
          continue;
        }
        if (target !== realRoot && !target.startsWith(realRoot + sep)) {
          problems.error(path, ...say('link-outside', { folder }));
          continue;
        }
        if (avoided.some((a) => target === a || target.startsWith(a + sep))) {
          problems.error(path, ...say(target === avoided[0] || target.startsWith(avoided[0] + sep) ? 'link-into-output' : 'link-into-cache'));
          continue;
        }
        const st = statSync(abs);
        const special = specialKind(st);
        if (special) {
          problems.error(path, ...say('link-to-special', kindParams(special)));
          continue;
        }
        isDir = st.isDirectory();
        // The theme's fingerprint is taken over templates/ without following links: a linked
        // folder's changes would go unseen and pages stay stale.
        if (isDir && !followFolderLinks) {
          problems.error(path, ...say('link-to-folder', { folder }));
          continue;
        }
      } else if (!isDir && !entry.isFile()) {
        const special = specialKind(statSync(abs)) ?? 'not a regular file';
        problems.error(path, ...say('special-file', kindParams(special)));
        continue;
      }
      if (isDir) {
        walk(abs, path);
        continue;
      }
      files.push({ path, contentPath: path.slice(folder.length + 1), absPath: abs });
    }
    if (real !== null) walking.delete(real);
  }
}

function safeRealpath(path: string): string | null {
  try {
    return realpathSync(path);
  } catch {
    return null;
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
  const realRoot = safeRealpath(root) ?? root;
  for (const name of names) {
    const ext = extname(name).toLowerCase();
    if (name.startsWith('.') || !['.yaml', '.yml', '.json'].includes(ext)) continue;
    const path = `${DATA_DIR}/${name}`;
    // Same rule as content/: a regular file, or a link that stays inside the site.
    const real = safeRealpath(join(root, path));
    const why = real === null ? 'data-link-dangling'
      : real !== realRoot && !real.startsWith(realRoot + sep) ? 'data-link-outside'
        : statSync(real).isDirectory() ? 'data-is-folder' : null;
    if (why || real === null) {
      problems.error(path, ...say(why!));
      continue;
    }
    let bytes: ReturnType<typeof readRegularFile>;
    try {
      bytes = readRegularFile(real);
    } catch (err) {
      if (!(err instanceof UnreadableFile)) throw err;
      problems.error(path, err.message, { hint: err.hint });
      continue;
    }
    const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
    if (!isUtf8(bytes) || text.includes('\0')) {
      const nul = text.includes('\0');
      problems.error(path, ...say(nul ? 'data-binary' : 'data-encoding', {}, { line: lineAt(text, text.indexOf(nul ? '\0' : '\uFFFD')) }));
      continue;
    }
    try {
      const value = ext === '.json' ? JSON.parse(text) : yaml.load(text, { schema: yaml.CORE_SCHEMA });
      if (tooLarge(value, 1_000_000)) {
        problems.error(path, ...say('data-aliases'));
      } else data[name.slice(0, -ext.length)] = value;
    } catch (err) {
      const e = err as yaml.YAMLException;
      // JSON.parse says only `at position 13`; editors want a line.
      const at = /at position (\d+)/.exec(e.message);
      problems.error(path, ...say(ext === '.json' ? 'data-json' : 'data-yaml', { reason: e.reason ?? e.message }, {
        line: e.mark ? e.mark.line + 1 : at ? lineAt(text, Number(at[1])) : undefined,
      }));
    }
  }
  return data;
}
